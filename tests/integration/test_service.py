"""User story: a newcomer runs `wirewatch run` with no Redis of their own and watches Flower.

`wirewatch run` starts its embedded redis-server, a worker, beat, Flower and the metrics endpoint;
a local feed carries the seed article; the alert reaches the stream, Flower's API lists the worker
and the four queues, and SIGTERM stops everything cleanly.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import redis

from conftest import service_env, wait_until
from sitebuilder import load_articles, serve_site
from wirewatch.workers import keys
from wirewatch.workers.embedded import free_port

pytestmark = pytest.mark.integration


def _get_json(url: str) -> object | None:
    try:
        response = httpx.get(url, timeout=5)
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 200 else None


def test_run_embedded_redis_flower_and_clean_stop(httpserver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    articles = [a for a in load_articles() if a.slug in ("article-00", "article-04")]  # seed + a non-attack
    feed_url = serve_site(httpserver, articles)
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(f"# local test feed\n{feed_url}\n")
    redis_port, flower_port, metrics_port = free_port(), free_port(), free_port()
    env = service_env(
        "",
        tmp_path / "data",
        WIREWATCH_EMBEDDED_REDIS_PORT=str(redis_port),
        WIREWATCH_FLOWER_PORT=str(flower_port),
        WIREWATCH_METRICS_PORT=str(metrics_port),
        WIREWATCH_SCHEDULER_TICK="2",
        WIREWATCH_WORKER_CONCURRENCY="1",
    )
    del env["WIREWATCH_REDIS_URL"]  # no Redis configured: the embedded one is used
    log = open(tmp_path / "run.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirewatch.workers.cli", "run", "--feeds", str(feeds_file)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    client = redis.Redis(port=redis_port, decode_responses=True)
    try:

        def alert_written() -> bool:
            try:
                return client.xlen(keys.ALERTS_STREAM) >= 1
            except redis.ConnectionError:
                return False

        wait_until(alert_written, timeout=180, message="the seed article's alert")
        alert = json.loads(client.xrange(keys.ALERTS_STREAM)[0][1]["data"])
        assert alert["url"].endswith("article-00.html")
        assert (tmp_path / "data" / "redis" / "wirewatch.aof").exists() or (
            tmp_path / "data" / "redis" / "appendonlydir"
        ).exists()

        flower = f"http://127.0.0.1:{flower_port}"
        workers = wait_until(
            lambda: _get_json(f"{flower}/api/workers?refresh=1"), timeout=60, message="Flower's worker list"
        )
        assert any(name.startswith("celery@") or "@" in name for name in workers)  # type: ignore[union-attr]
        queues = wait_until(
            lambda: _get_json(f"{flower}/api/queues/length"), timeout=30, message="Flower's queue list"
        )
        names = {q["name"] for q in queues["active_queues"]}  # type: ignore[index]
        assert {"feeds", "fetch", "classify", "alerts"} <= names

        metrics = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
        assert 'wirewatch_events_total{event="alerted"} 1.0' in metrics
        assert 'wirewatch_queue_depth{queue="fetch"}' in metrics
    finally:
        os.killpg(proc.pid, signal.SIGTERM) if proc.poll() is None else None
        code = proc.wait(60)
        log.close()
    output = (tmp_path / "run.log").read_text(errors="replace")
    assert code == 0, output[-3000:]
    assert "embedded redis-server stopped" in output
    with pytest.raises(redis.ConnectionError):
        client.ping()
