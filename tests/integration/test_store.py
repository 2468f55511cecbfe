"""Store semantics against a real redis-server: claims, idempotent alerts, scheduling, dead letters."""

from __future__ import annotations

import json
import time

import pytest
import redis

from wirewatch.workers import keys
from wirewatch.workers.models import Article, FeedEntry
from wirewatch.workers.store import Store

pytestmark = pytest.mark.integration


@pytest.fixture()
def store(redis_url: str) -> Store:
    from wirewatch.workers.store import connect

    return Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=1000)


def _entry(n: int, guid: str | None = None) -> FeedEntry:
    url = f"https://news.example.org/story-{n}"
    return FeedEntry(url=url, article_id=keys.digest(url), guid=guid, title=f"Story {n}")


def test_an_entry_is_claimed_once_across_feeds(store: Store) -> None:
    entry = _entry(1, guid="g1")
    assert store.claim(entry, "https://a.example/feed") == 1
    # Seen before and handed on: never again, from any feed.
    from wirewatch.workers.pipeline import mark_queued

    mark_queued(store, entry.article_id)
    assert store.claim(entry, "https://a.example/feed") == 0
    assert store.claim(entry, "https://b.example/feed") == 0


def test_a_claim_that_was_never_handed_on_is_offered_again(store: Store) -> None:
    entry = _entry(2)
    assert store.claim(entry, "https://a.example/feed") == 1
    # The poll died before enqueueing: the next poll gets it again (2), until it is queued.
    assert store.claim(entry, "https://a.example/feed") == 2
    store.save_article(store.load_article(entry.article_id).model_copy(update={"state": "queued"}))  # type: ignore[union-attr]
    assert store.claim(entry, "https://a.example/feed") == 0


def test_same_guid_new_url_in_one_feed_is_not_new(store: Store) -> None:
    assert store.claim(_entry(3, guid="same"), "https://a.example/feed") == 1
    assert store.claim(_entry(4, guid="same"), "https://a.example/feed") == 0


def test_alert_is_written_and_published_exactly_once(store: Store, redis_url: str) -> None:
    listener = redis.Redis.from_url(redis_url, decode_responses=True).pubsub()
    listener.subscribe(keys.ALERTS_CHANNEL)
    listener.get_message(timeout=1)  # subscription confirmation
    payload = json.dumps({"id": "0123456789abcdef", "title": "t"})
    first = store.emit_alert("0123456789abcdef", payload)
    second = store.emit_alert("0123456789abcdef", payload)
    assert first is not None and second is None
    assert store.r.xlen(keys.ALERTS_STREAM) == 1
    assert store.alerts()[0][1]["id"] == "0123456789abcdef"
    message = listener.get_message(timeout=2)
    assert message is not None and json.loads(message["data"])["id"] == "0123456789abcdef"
    assert listener.get_message(timeout=0.5) is None
    assert store.stats()["alerted"] == 1


def test_discovered_is_counted_once_per_article(store: Store) -> None:
    entry = _entry(5, guid="g5")
    assert store.claim(entry, "https://a.example/feed") == 1
    # Re-offered (the poll died before handing it on), then known, from any feed: counted once.
    assert store.claim(entry, "https://a.example/feed") == 2
    from wirewatch.workers.pipeline import mark_queued

    mark_queued(store, entry.article_id)
    assert store.claim(entry, "https://a.example/feed") == 0
    assert store.claim(entry, "https://b.example/feed") == 0
    assert store.stats()["discovered"] == 1


def test_a_stage_is_counted_once_per_article_however_often_it_is_saved(store: Store) -> None:
    from wirewatch.workers.models import Verdict

    one, two = (
        Article(id="aaaaaaaaaaaaaaaa", url="https://x.example/1"),
        Article(id="bbbbbbbbbbbbbbbb", url="https://x.example/2"),
    )
    # Saved into "fetched" twice (a step run again): counted once, per article.
    for article in (one, two, one):
        article.state = "fetched"
        store.save_article(article, count_once=("fetched",))
    assert store.stats()["fetched"] == 2
    # Classified as an attack, then a stale "fetched" copy written over it and classified again
    # (two copies of one message racing): nothing counts twice.
    stale = one.model_copy()
    one.state, one.verdict = "classified", Verdict(is_attack=True, score=0.9)
    assert store.save_article(one, count_once=("classified", "attacks")) == 2
    assert store.save_article(stale, count_once=("fetched",)) == 0
    assert store.save_article(one, count_once=("classified", "attacks")) == 0
    assert store.load_article(one.id) == one
    assert {k: store.stats()[k] for k in ("fetched", "classified", "attacks")} == {
        "fetched": 2,
        "classified": 1,
        "attacks": 1,
    }
    # The markers live as long as the record.
    assert 0 < store.r.ttl(keys.counted(one.id)) <= 3600
    # A save that counts nothing (e.g. "queued") leaves the counters alone.
    assert store.save_article(Article(id="cccccccccccccccc", url="https://x.example/3", state="queued")) == 0
    assert "queued" not in store.stats()


def test_due_feeds_hands_each_feed_out_once_per_interval(store: Store) -> None:
    store.add_feeds(["https://a.example/feed", "https://b.example/feed"])
    assert sorted(store.due_feeds(300, now=1000.0)) == ["https://a.example/feed", "https://b.example/feed"]
    assert store.due_feeds(300, now=1001.0) == []
    assert sorted(store.due_feeds(300, now=1301.0)) == ["https://a.example/feed", "https://b.example/feed"]


def test_dead_letters_round_trip(store: Store) -> None:
    store.dead_letter("wirewatch.fetch_article", ["abc"], "boom", "task-1")
    store.dead_letter("wirewatch.fetch_article", ["def"], "bang", "task-2")
    assert [d["args"] for d in store.dead_letters()] == [["def"], ["abc"]]
    assert store.pop_dead_letter()["args"] == ["abc"]  # type: ignore[index]
    assert store.stats()["dead_lettered"] == 2
    assert len(store.dead_letters()) == 1


def test_article_records_expire(store: Store) -> None:
    store.save_article(Article(id="ffffffffffffffff", url="https://x.example/"))
    ttl = store.r.ttl(keys.article("ffffffffffffffff"))
    assert 0 < ttl <= 3600


def test_stalled_articles_are_handed_to_their_next_step_again(store: Store) -> None:
    from wirewatch.config import Settings
    from wirewatch.workers.models import Verdict
    from wirewatch.workers.pipeline import sweep_stalled

    settings = Settings(_env_file=None, stall_after=100)
    # Given four claimed articles: one never fetched, one fetched, one attack never alerted, one
    # not an attack (settled)...
    entries = [_entry(n) for n in range(10, 14)]
    for entry in entries:
        store.claim(entry, "https://a.example/feed")
    fetched, attack, calm = (store.load_article(e.article_id) for e in entries[1:])
    fetched.state = "fetched"  # type: ignore[union-attr]
    attack.state, attack.verdict = "classified", Verdict(is_attack=True, score=0.9)  # type: ignore[union-attr]
    calm.state, calm.verdict = "classified", Verdict(is_attack=False, score=0.1)  # type: ignore[union-attr]
    for article in (fetched, attack, calm):
        store.save_article(article)  # type: ignore[arg-type]
    now = time.time()
    # ...nothing is stalled while they are fresh...
    assert sweep_stalled(store, settings, now=now) == {"fetch": [], "classify": [], "alert": []}
    # ...and once they have not moved for longer than WIREWATCH_STALL_AFTER, each goes back to
    # the step it is waiting for; the settled one is not in flight at all.
    due = sweep_stalled(store, settings, now=now + 101)
    assert due == {
        "fetch": [entries[0].article_id],
        "classify": [entries[1].article_id],
        "alert": [entries[2].article_id],
    }
    assert sweep_stalled(store, settings, now=now + 102)["fetch"] == []  # touched: not again at once
    # An alert written settles its article.
    store.emit_alert(entries[2].article_id, json.dumps({"id": entries[2].article_id}))
    assert entries[2].article_id not in store.stalled(0, now=now + 1000)
    assert store.stats()["swept"] == 3
