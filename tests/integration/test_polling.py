"""Polling one feed with the pipeline step itself (no Celery): conditional GET, dedup, bad feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug import Request, Response

from sitebuilder import feed_xml, load_articles
from wirewatch.config import Settings
from wirewatch.workers import pipeline
from wirewatch.workers.errors import NotAFeed
from wirewatch.workers.store import Store, connect

pytestmark = pytest.mark.integration


@pytest.fixture()
def store(redis_url: str) -> Store:
    return Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=100)


SETTINGS = Settings(_env_file=None, allowed_networks=["127.0.0.0/8"])


def test_conditional_get_and_exactly_once_discovery(httpserver, store: Store) -> None:  # type: ignore[no-untyped-def]
    articles = load_articles()
    base = httpserver.url_for("").rstrip("/")
    body = feed_xml(base, articles)
    requests: list[dict[str, str]] = []

    def handler(request: Request) -> Response:
        requests.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_handler(handler)
    feed = f"{base}/feed.xml"

    first = pipeline.poll_feed(store, SETTINGS, feed)
    assert first.status == 200 and len(first.new_ids) == len(articles)
    for article_id in first.new_ids:
        pipeline.mark_queued(store, article_id)

    second = pipeline.poll_feed(store, SETTINGS, feed)
    assert second.status == 304 and second.new_ids == []
    assert requests[1]["If-None-Match"] == '"v1"'
    assert store.feed_state(feed)["last_status"] == "304"

    # The same articles from a second feed, under tracking-parameter URLs: nothing new.
    httpserver.expect_request("/other.xml").respond_with_data(
        feed_xml(base, articles, utm=True), content_type="application/rss+xml"
    )
    third = pipeline.poll_feed(store, SETTINGS, f"{base}/other.xml")
    assert third.entries == len(articles) and third.new_ids == []
    assert store.stats()["discovered"] == len(articles)


def test_a_broken_feed_is_recorded_on_the_feed(httpserver, store: Store, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/broken.xml").respond_with_data(
        (shared_data / "feeds" / "fp_illformed_aaa.xml").read_bytes(), content_type="application/xml"
    )
    feed = httpserver.url_for("/broken.xml")
    with pytest.raises(NotAFeed):
        pipeline.poll_feed(store, SETTINGS, feed)
    assert store.feed_state(feed)["last_error"].startswith("not_a_feed")
