"""`wirewatch run`: the whole service on one machine, supervised.

Starts (in this order) the embedded Redis when no ``WIREWATCH_REDIS_URL`` is set, a Celery worker
for the four queues, Celery beat, Flower, and the metrics endpoint; restarts any child that dies;
on SIGTERM or Ctrl-C stops the children first (workers finish or hand back their tasks) and Redis
last, so nothing in flight is lost.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.config import Settings

from .embedded import EmbeddedRedis
from .store import Store

log = logging.getLogger("wirewatch.service")


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = 0.0
    backoff: float = field(default=1.0)


class Service:
    def __init__(
        self, settings: Settings, *, feeds: list[str], flower: bool = True, metrics: bool = True
    ) -> None:
        self.settings = settings
        self.feeds = feeds
        self.with_flower = flower
        self.with_metrics = metrics
        self.redis: EmbeddedRedis | None = None
        self.children: list[Child] = []
        self.env = os.environ.copy()
        self.stopping = threading.Event()
        self._metrics_server: object | None = None

    def _cli(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "wirewatch.workers.cli", *args]

    def start(self) -> str:
        settings = self.settings
        if settings.redis_url:
            url = settings.redis_url
        else:
            self.redis = EmbeddedRedis(Path(settings.data_dir) / "redis", port=settings.embedded_redis_port)
            url = self.redis.start()
            log.info("embedded redis-server on %s (data in %s)", url, self.redis.data_dir)
        self.env["WIREWATCH_REDIS_URL"] = url
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        store = Store.from_settings(settings.model_copy(update={"redis_url": url}))
        added = store.add_feeds(self.feeds)
        log.info("%d feeds configured (%d new)", len(store.feeds()), added)
        self.children = [
            Child("worker", self._cli("worker")),
            Child("beat", self._cli("beat")),
        ]
        if self.with_flower:
            self.children.append(Child("flower", self._cli("flower")))
        for child in self.children:
            self._spawn(child)
        if self.with_metrics:
            from wirewatch.tasks.app import app
            from wirewatch.tasks.inspect import queue_depths

            from .metrics import serve

            app.conf.broker_url = settings.broker_url or url
            self._metrics_server = serve(store, lambda: queue_depths(app), settings.metrics_port)
            log.info("metrics on http://127.0.0.1:%d/metrics", settings.metrics_port)
        return url

    def _spawn(self, child: Child) -> None:
        child.process = subprocess.Popen(child.argv, env=self.env, start_new_session=True)
        child.started_at = time.monotonic()
        log.info("started %s (pid %d)", child.name, child.process.pid)

    def supervise(self, poll: float = 1.0) -> None:
        """Restart children that exit, with backoff, until ``stop()``."""
        while not self.stopping.wait(poll):
            for child in self.children:
                if child.process is None or child.process.poll() is None:
                    continue
                code = child.process.returncode
                if time.monotonic() - child.started_at > 60:
                    child.backoff = 1.0
                log.error("%s exited with %s; restarting in %.0fs", child.name, code, child.backoff)
                if self.stopping.wait(child.backoff):
                    return
                child.backoff = min(child.backoff * 2, 60.0)
                child.restarts += 1
                self._spawn(child)

    def stop(self, timeout: float = 30.0) -> None:
        self.stopping.set()
        for child in self.children:
            if child.process and child.process.poll() is None:
                child.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for child in self.children:
            if child.process is None:
                continue
            try:
                child.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("%s did not stop in time; killing it", child.name)
                child.process.kill()
                child.process.wait()
        if self._metrics_server is not None:
            self._metrics_server.shutdown()  # type: ignore[attr-defined]
        if self.redis is not None:
            self.redis.stop()
            log.info("embedded redis-server stopped")
