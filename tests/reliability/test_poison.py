"""Poison messages end in the dead-letter list instead of looping, and do not block the feed.

The poison page is real: the local HTTP server SIGKILLs the pool process that requests it, on
every delivery, as a page that crashes the parser would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import redis
from harness import (  # noqa: F401 - news_site_fixture registers news_site
    MAX_DELIVERIES,
    MAX_RETRIES,
    VISIBILITY_TIMEOUT,
    assert_exactly_once,
    ledger,
    news_site_fixture,
    quiet,
    reliability_env,
    send,
    settled,
)

from conftest import wait_until, wirewatch
from wirewatch.workers import keys, robots
from wirewatch.workers.models import FeedEntry
from wirewatch.workers.store import Store, connect

pytestmark = pytest.mark.reliability


def test_poison_page_and_failing_task_are_dead_lettered_then_requeued(
    redis_url: str,
    news_site,  # type: ignore[no-untyped-def]
    start_worker,
    tmp_path: Path,
) -> None:
    # Given a feed of 9 real articles (4 labelled attack reports) where one attack report's page kills the
    # process that fetches it, and a two-process worker...
    site = news_site()
    paths = list(site.pages)
    poison = paths[1]
    poison_id = site.article_id(poison)
    others = [p for p in paths if p != poison]
    site.set_poison(poison)
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.sadd(keys.FEEDS, site.add_feed("wire", paths))
    env = reliability_env(redis_url, tmp_path)
    worker = start_worker(env, "--concurrency=2")

    # When the worker works through the feed...
    wait_until(
        lambda: client.llen(keys.DEAD_LETTERS) >= 1,
        timeout=4 * VISIBILITY_TIMEOUT + 120,
        message="the poison task dead-lettered",
    )
    others_ids = {site.article_id(p) for p in others}
    wait_until(lambda: settled(client, others_ids), timeout=240, message="the other articles settled")

    # Then the poison task was delivered WIREWATCH_MAX_DELIVERIES times (each one killed its
    # process), then dead-lettered; the other attack reports were alerted exactly once.
    assert site.hits[poison] == MAX_DELIVERIES and len(site.kills) == MAX_DELIVERIES
    dead = [json.loads(raw) for raw in client.lrange(keys.DEAD_LETTERS, 0, -1)]
    assert [(d["task"], d["args"]) for d in dead] == [("wirewatch.fetch_article", [poison_id])]
    assert "poison" in dead[0]["error"]
    book = ledger(client, others_ids | {poison_id})
    assert book.row() == {
        "expected": len(book.expected),
        "found": len(book.expected),
        "duplicates": 0,
        "lost": 0,
        "unexpected": 0,
        "unsettled": 1,
    }, book.row()  # unsettled: the poison
    assert site.attack_ids(others) <= book.expected
    assert book.states[poison_id] == "queued" and book.stream[poison_id] == 0
    status = json.loads(wirewatch(env, "status", "--json").stdout)
    assert status["dead_letters"] == 1 and status["alerts"] == len(book.expected)

    # When a task fails with an unexpected exception on every run (a corrupted article record)...
    corrupt_id = "c0ffee00c0ffee00"
    client.set(keys.article(corrupt_id), '{"id": "c0ffee00c0ffee00", "state": 42}')
    retried = int(client.hget(keys.STATS, "retried") or 0)
    send(redis_url, "wirewatch.fetch_article", corrupt_id, queue="fetch")

    # Then it is retried WIREWATCH_MAX_RETRIES times and dead-lettered with its error.
    wait_until(
        lambda: client.llen(keys.DEAD_LETTERS) == 2, timeout=120, message="the failing task dead-lettered"
    )
    failed = json.loads(client.lindex(keys.DEAD_LETTERS, 0))
    assert (failed["task"], failed["args"]) == ("wirewatch.fetch_article", [corrupt_id])
    assert "ValidationError" in failed["error"]
    assert int(client.hget(keys.STATS, "retried") or 0) - retried == MAX_RETRIES

    # When the poison page is fixed and an operator re-queues the dead letters...
    site.set_poison(poison, False)
    client.delete(keys.article(corrupt_id))
    requeued = wirewatch(env, "dead", "requeue", "--all")
    assert requeued.returncode == 0, requeued.stderr
    assert "requeued 2" in requeued.stdout

    # Then the article is fetched and alerted exactly once, and the missing record is a counted,
    # final failure (not dead-lettered again).
    all_ids = others_ids | {poison_id}
    wait_until(lambda: settled(client, all_ids), timeout=180, message="all articles settled")
    wait_until(
        lambda: quiet(client) and int(client.hget(keys.STATS, "failed:missing_record") or 0) == 1,
        timeout=60,
        message="the re-queued failing task finished",
    )
    book = assert_exactly_once(client, site, paths, worker.log())
    assert book.stream[poison_id] == 1
    assert client.llen(keys.DEAD_LETTERS) == 0


def test_task_killed_by_the_hard_time_limit_comes_back(  # type: ignore[no-untyped-def]
    redis_url: str, news_site, start_worker, tmp_path: Path
) -> None:
    # Given an article whose page does not answer, and a worker whose hard time limit (1 s) kills
    # the pool process running the fetch...
    site = news_site()
    path = list(site.pages)[4]
    article_id = site.article_id(path)
    page = site.hold(path, times=1)
    feed_url = site.add_feed("wire", [path])
    store = Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=1000)
    assert store.claim(FeedEntry(url=site.url(path), article_id=article_id, guid="slow"), feed_url) == 1
    store.cache_robots(robots.origin(site.url(path)), "User-agent: *\nAllow: /\n")
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    env = reliability_env(redis_url, tmp_path, WIREWATCH_TASK_TIME_LIMIT="1")
    worker = start_worker(env, "--concurrency=1")

    # When its fetch task is sent and killed by the time limit...
    send(redis_url, "wirewatch.fetch_article", article_id, queue="fetch")
    wait_until(page.arrived.is_set, timeout=60, message="the page requested")
    wait_until(lambda: "Hard time limit" in worker.log(), timeout=60, message="the hard time limit")

    # Then the task is not acknowledged and forgotten: it is delivered again, and now that the page
    # answers, the article is fetched.
    wait_until(
        lambda: json.loads(client.get(keys.article(article_id)))["state"] != "discovered",
        timeout=60,
        message="the article fetched on a later delivery",
    )
    assert site.hits[path] == 2
