"""Workers die (SIGKILL) mid-task; every attack article still gets exactly one alert.

Real components: redis-server, `wirewatch worker` subprocesses (Celery prefork), a local HTTP
server serving real articles from ../shared/data. The kills are real signals.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
import redis
from harness import (  # noqa: F401 - news_site_fixture registers news_site
    VISIBILITY_TIMEOUT,
    assert_exactly_once,
    children,
    kill_child,
    kill_group,
    long_report,
    news_site_fixture,
    reliability_env,
    settled,
)

from conftest import wait_until
from wirewatch.workers import keys

pytestmark = pytest.mark.reliability

CLASSIFY_DELIVERIES = keys.deliveries("wirewatch.classify_article", "*")
SETTLE_TIMEOUT = 4 * VISIBILITY_TIMEOUT + 120


def _in_flight(client: redis.Redis, pattern: str) -> list[str]:
    """Delivery counters of tasks that started and have not finished (deleted when they finish)."""
    return [k.decode() for k in client.scan_iter(pattern)]


def test_pool_process_killed_mid_fetch_and_mid_classification(
    redis_url: str,
    news_site,
    start_worker,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    # Given a feed of 10 real articles (5 attack reports) and a one-process worker; the page of an
    # attack report answers slowly, so that a kill lands while it is being fetched, and one report
    # is long (30,000 characters of real reports), so that a kill lands while it is classified.
    site = news_site()
    long_path = site.add_page(long_report())
    paths = list(site.pages)
    slow = paths[1]
    site.hold(slow)
    client = redis.Redis.from_url(redis_url)
    client.sadd(keys.FEEDS, site.add_feed("wire", paths))
    worker = start_worker(reliability_env(redis_url, tmp_path), "--concurrency=1")

    # When the pool process is SIGKILLed while it fetches the slow page...
    page = site.pages[slow]
    wait_until(page.arrived.is_set, timeout=120, message="the slow page requested")
    assert page.requester in children(worker.proc.pid)
    kill_child(worker.proc.pid)
    site.release(slow)

    # ...and the next pool process is SIGKILLed while it classifies the long report (a
    # classification running for over a second: the others take a fraction of one)...
    long_id = site.article_id(long_path)
    seen: dict[str, float] = {}

    def long_classification_running() -> list[str]:
        now = time.monotonic()
        running = _in_flight(client, CLASSIFY_DELIVERIES)
        for key in running:
            seen.setdefault(key, now)
        state = json.loads(client.get(keys.article(long_id)) or "{}").get("state")
        return [k for k in running if now - seen[k] > 1.0] if state == "fetched" else []

    found = wait_until(
        long_classification_running, timeout=180, interval=0.05, message="the long report being classified"
    )
    assert kill_child(worker.proc.pid) is not None
    # (the task had not finished: its delivery counter is only removed when it does)
    assert client.exists(*found) == len(found)
    assert json.loads(client.get(keys.article(long_id)))["state"] == "fetched"

    # Then the worker replaces its pool processes, the killed tasks are delivered again, and
    # every attack report is alerted exactly once; every article ends classified.
    wait_until(
        lambda: settled(client, {site.article_id(p) for p in paths}),
        timeout=SETTLE_TIMEOUT,
        message="all articles settled",
    )
    assert_exactly_once(client, site, paths, worker.log())
    assert site.hits[slow] == 2  # killed mid-fetch, then fetched again
    assert "WorkerLostError" in worker.log() or "SIGKILL" in worker.log()


def test_whole_worker_killed_then_a_new_worker_takes_over(
    redis_url: str,
    news_site,
    start_worker,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    # Given 18 real articles (8 attack reports) and a two-process worker; one attack report's page
    # answers slowly.
    site = news_site(copies=2)
    paths = list(site.pages)
    slow = paths[2]
    site.hold(slow, times=1000)
    client = redis.Redis.from_url(redis_url)
    client.sadd(keys.FEEDS, site.add_feed("wire", paths))
    env = reliability_env(redis_url, tmp_path)
    worker = start_worker(env, "--concurrency=2")
    rng = random.Random(20261125)

    page = site.pages[slow]
    # When pool processes (not the one held by the slow page) are SIGKILLed at random moments of
    # the batch...
    for _ in range(3):
        wait_until(lambda: client.hlen("unacked") > 0, timeout=60, message="work in progress")
        time.sleep(rng.uniform(0.2, 3.0))  # a random moment (not an assertion)
        kill_child(worker.proc.pid, rng, spare=page.requester)

    # ...and then the whole worker (master and pool) is SIGKILLed while the slow page is being
    # fetched, leaving its tasks delivered but never acknowledged...
    wait_until(page.arrived.is_set, timeout=180, message="the slow page requested")
    unacked_before = client.hlen("unacked")
    kill_group(worker.proc.pid)
    worker.proc.wait()
    site.release(slow)
    assert unacked_before >= 1

    # Then a new worker restores them after the visibility timeout, and every attack report is
    # alerted exactly once.
    second = start_worker(env, "--concurrency=2")
    wait_until(
        lambda: settled(client, {site.article_id(p) for p in paths}),
        timeout=SETTLE_TIMEOUT,
        message="all articles settled",
    )
    assert_exactly_once(client, site, paths, worker.log() + second.log())
    assert site.hits[slow] >= 2
