"""The per-article counters (discovered, fetched, classified, attacks, alerted) are exact.

Each pipeline step is run with the step functions themselves (no Celery) against a real
redis-server, a local HTTP server serving real articles and the real classifier. Every step is
run twice, as a redelivered task would run it, and a late copy of the fetch step is made to write
over a classified record (two copies of one message racing): each counter still moves by exactly
one per article.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sitebuilder import load_articles, serve_site
from wirewatch.config import Settings
from wirewatch.workers import keys, pipeline
from wirewatch.workers.classify.classifier import Classifier
from wirewatch.workers.store import Store, connect

pytestmark = pytest.mark.integration

SETTINGS = Settings(_env_file=None, allowed_networks=["127.0.0.0/8"])
STAGES = ("discovered", "fetched", "classified", "attacks", "alerted")


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load(threshold=SETTINGS.alert_threshold, max_chars=SETTINGS.max_classify_chars)


@pytest.fixture()
def store(redis_url: str) -> Iterator[Store]:
    store = Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=100)
    yield store
    store.close()


def _counters(store: Store) -> dict[str, int]:
    stats = store.stats()
    return {name: stats.get(name, 0) for name in STAGES}


def test_each_step_run_twice_counts_each_article_once(
    httpserver, store: Store, classifier: Classifier
) -> None:  # type: ignore[no-untyped-def]
    # Given a feed with one attack report (the seed article) and one ordinary news page...
    articles = load_articles()
    attack = next(a for a in articles if a.expect_attack)
    calm = next(a for a in articles if not a.expect_attack and a.slug != attack.slug)
    feed = serve_site(httpserver, [attack, calm])

    # ...when the feed is polled twice before its entries were handed on (the second poll
    # re-offers them), and every step then runs twice for each article...
    ids = pipeline.poll_feed(store, SETTINGS, feed).new_ids
    assert len(ids) == 2
    assert sorted(pipeline.poll_feed(store, SETTINGS, feed).new_ids) == sorted(ids)
    for article_id in ids:
        pipeline.mark_queued(store, article_id)
    for article_id in ids:
        assert pipeline.fetch_article(store, SETTINGS, article_id)
        records = store.r.get(keys.article(article_id))
        assert pipeline.fetch_article(store, SETTINGS, article_id)
        assert store.r.get(keys.article(article_id)) == records
    verdicts = {}
    for article_id in ids:
        verdicts[article_id] = pipeline.classify_article(store, classifier, SETTINGS, article_id)
        records = store.r.get(keys.article(article_id))
        assert pipeline.classify_article(store, classifier, SETTINGS, article_id) == verdicts[article_id]
        assert store.r.get(keys.article(article_id)) == records
    assert sorted(verdicts.values()) == [False, True]
    for article_id in ids:
        pipeline.emit_alert(store, SETTINGS, article_id)
        assert pipeline.emit_alert(store, SETTINGS, article_id) is None

    # ...then each counter moved by exactly one per article that reached its stage.
    assert _counters(store) == {"discovered": 2, "fetched": 2, "classified": 2, "attacks": 1, "alerted": 1}


def test_a_late_copy_of_a_step_writing_out_of_order_counts_nothing(
    httpserver, store: Store, classifier: Classifier
) -> None:  # type: ignore[no-untyped-def]
    # Given an attack report fetched and classified...
    attack = next(a for a in load_articles() if a.expect_attack)
    (article_id,) = pipeline.poll_feed(store, SETTINGS, serve_site(httpserver, [attack])).new_ids
    pipeline.mark_queued(store, article_id)
    assert pipeline.fetch_article(store, SETTINGS, article_id)
    late_fetch = store.load_article(article_id)
    assert late_fetch is not None and late_fetch.state == "fetched"
    assert pipeline.classify_article(store, classifier, SETTINGS, article_id)
    before = _counters(store)
    assert before == {"discovered": 1, "fetched": 1, "classified": 1, "attacks": 1, "alerted": 0}

    # ...when a slower copy of the same fetch message (racing in another process) saves its
    # "fetched" record over the classified one, so that the classify step runs a second time...
    assert store.save_article(late_fetch, count_once=("fetched",)) == 0
    assert pipeline.classify_article(store, classifier, SETTINGS, article_id)
    pipeline.emit_alert(store, SETTINGS, article_id)

    # ...then no counter moved but `alerted`, which the alert itself counts once.
    assert _counters(store) == {**before, "alerted": 1}
