"""Redis dies in the middle of a batch and comes back on the same port and data; the workers carry
on by themselves and every attack article is alerted exactly once.

Each test runs its own redis-server (EmbeddedRedis: append-only file, ``appendfsync everysec``)
so that killing it cannot disturb the rest of the suite.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
import redis
from harness import (  # noqa: F401 - news_site_fixture registers news_site
    VISIBILITY_TIMEOUT,
    assert_exactly_once,
    news_site_fixture,
    reliability_env,
    send,
    settled,
)

from conftest import wait_until
from wirewatch.workers import keys
from wirewatch.workers.embedded import EmbeddedRedis

pytestmark = pytest.mark.reliability

CONNECTION_LOST = "Connection to broker lost"


def _classified(client: redis.Redis) -> int:
    try:
        return int(client.hget(keys.STATS, "classified") or 0)
    except redis.exceptions.ConnectionError:
        return 0


# Known loss (docs/reliability.md, "Still open"): kombu's Redis transport takes a message with
# BRPOP and records it as unacknowledged with a second command; a Redis killed between the two
# has removed the message for good while the worker never holds it (seen once in five suite runs:
# an article left "fetched"). The scheduler's tick re-enqueues articles that made no progress for
# WIREWATCH_STALL_AFTER seconds (workers/pipeline.py: sweep_stalled), which closes that window;
# the test runs the tick as `wirewatch beat` would.


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_redis_restart_mid_batch(sig: signal.Signals, news_site, start_worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Given its own redis-server with an append-only file, 18 real articles (8 attack reports)
    # and a two-process worker busy with them...
    server = EmbeddedRedis(tmp_path / "redis")
    server.start()
    try:
        site = news_site(copies=2)
        paths = list(site.pages)
        ids = {site.article_id(p) for p in paths}
        client = redis.Redis.from_url(server.url)
        client.sadd(keys.FEEDS, site.add_feed("wire", paths))
        env = reliability_env(
            server.url, tmp_path / "data", WIREWATCH_STALL_AFTER=str(2 * VISIBILITY_TIMEOUT)
        )
        worker = start_worker(env, "--concurrency=2")
        wait_until(lambda: _classified(client) >= 2, timeout=180, message="the batch under way")
        assert _classified(client) < len(paths)

        # When Redis is stopped with the signal in the middle of the batch, the worker notices,
        # and Redis is started again on the same port with the same data...
        assert server.process is not None
        server.process.send_signal(sig)
        server.process.wait()
        wait_until(lambda: CONNECTION_LOST in worker.log(), timeout=60, message="the worker losing Redis")
        server.start()

        # Then the same worker (not restarted) reconnects and finishes the batch, and every attack
        # report is alerted exactly once.
        last_tick = [0.0]

        def settled_with_scheduler() -> bool:
            if time.monotonic() - last_tick[0] > 10:  # the scheduler's tick (WIREWATCH_SCHEDULER_TICK)
                send(server.url, "wirewatch.poll_due", queue="feeds")
                last_tick[0] = time.monotonic()
            return settled(client, ids)

        wait_until(
            settled_with_scheduler, timeout=4 * VISIBILITY_TIMEOUT + 120, message="all articles settled"
        )
        assert worker.proc.poll() is None
        assert_exactly_once(client, site, paths, worker.log())
        assert client.llen(keys.DEAD_LETTERS) == 0, client.lrange(keys.DEAD_LETTERS, 0, -1)
    finally:
        server.stop()
