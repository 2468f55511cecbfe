"""Every task may run twice (at-least-once delivery): running it twice changes nothing.

The same task message (same task ID, as a broker redelivery sends it) is put on its queue twice,
for every article and every stage, both before the article was processed (the two copies race
in two pool processes) and after (a late redelivery). "Changes nothing" covers the per-article
counters too: each moves by exactly one per article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
from harness import (  # noqa: F401 - news_site_fixture registers news_site
    assert_exactly_once,
    news_site_fixture,
    quiet,
    reliability_env,
    send,
    settled,
)

from conftest import wait_until
from wirewatch.workers import keys
from wirewatch.workers.models import FeedEntry
from wirewatch.workers.store import Store, connect

pytestmark = pytest.mark.reliability

STAGES = (
    ("wirewatch.fetch_article", "fetch"),
    ("wirewatch.classify_article", "classify"),
    ("wirewatch.emit_alert", "alerts"),
)
COUNTERS = ("discovered", "fetched", "classified", "attacks", "alerted")


def _records(client: redis.Redis, ids: set[str]) -> dict[str, str]:
    return {i: client.get(keys.article(i)) for i in ids}


def _counters(client: redis.Redis) -> dict[str, int]:
    stats = client.hgetall(keys.STATS)
    return {name: int(stats.get(name, 0)) for name in COUNTERS}


def test_each_task_twice_changes_nothing(redis_url: str, news_site, start_worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Given 9 real articles (4 attack reports) claimed from a feed, and a two-process worker...
    site = news_site()
    paths = list(site.pages)
    ids = {site.article_id(p) for p in paths}
    feed_url = site.add_feed("wire", paths)
    store = Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=1000)
    for path in paths:
        entry = FeedEntry(url=site.url(path), article_id=site.article_id(path), guid=f"wire{path}")
        assert store.claim(entry, feed_url) == 1
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    start_worker(reliability_env(redis_url, tmp_path), "--concurrency=2")

    # When each article's fetch message is delivered twice at once (same task ID)...
    for i in sorted(ids):
        for _ in range(2):
            send(redis_url, "wirewatch.fetch_article", i, queue="fetch", task_id=f"fetch-{i}")

    # Then each article classified as an attack report is alerted once.
    wait_until(lambda: settled(client, ids), timeout=240, message="all articles settled")
    book = assert_exactly_once(client, site, paths)
    # ...and each per-article counter counted each article once, though every fetch ran twice.
    n, attacks = len(ids), len(book.expected)
    counters = _counters(client)
    assert counters == {
        "discovered": n,
        "fetched": n,
        "classified": n,
        "attacks": attacks,
        "alerted": attacks,
    }, counters

    # When, after that, every stage's message is delivered twice again for every article, and the
    # feed is polled twice...
    records = _records(client, ids)
    stream = client.xrange(keys.ALERTS_STREAM)
    for task, queue in STAGES:
        for i in sorted(ids):
            for _ in range(2):
                send(redis_url, task, i, queue=queue, task_id=f"again-{task}-{i}")
    for _ in range(2):
        send(redis_url, "wirewatch.poll_feed", feed_url, queue="feeds", task_id="again-poll")
    wait_until(lambda: quiet(client), timeout=180, message="the replayed tasks done")

    # Then the records are byte for byte the same, the stream has the same entries, and no
    # per-article counter moved.
    assert _records(client, ids) == records
    assert client.xrange(keys.ALERTS_STREAM) == stream
    assert _counters(client) == counters
    assert client.llen(keys.DEAD_LETTERS) == 0
