"""Hostile and broken input: each is a logged, counted failure, and the worker goes on.

A feed lists a 404, a binary file served as HTML, a 50 MB page, a redirect loop and a real attack
report; a second feed is malformed. Afterwards the attack is alerted and every failure is counted
under its own code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import redis
from werkzeug import Response

from conftest import service_env, wait_until
from sitebuilder import feed_xml, load_articles
from wirewatch.workers import keys

pytestmark = pytest.mark.integration

BIG = 50 * 1024 * 1024


def _stream_big() -> Response:
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    return Response((chunk for _ in range(BIG // len(chunk) + 1)), content_type="text/html")


def test_bad_pages_and_feeds_are_counted_and_the_worker_goes_on(
    redis_url: str, httpserver, start_worker, tmp_path: Path, shared_data: Path
) -> None:  # type: ignore[no-untyped-def]
    good = load_articles()[0]  # the seed article
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/news/missing.html").respond_with_data("gone", status=404)
    httpserver.expect_request("/news/binary.html").respond_with_data(
        bytes(range(256)) * 400, content_type="text/html"
    )
    httpserver.expect_request("/news/huge.html").respond_with_data(b"a" * BIG, content_type="text/html")
    httpserver.expect_request("/news/huge-chunked.html").respond_with_handler(lambda _req: _stream_big())
    httpserver.expect_request("/news/loop.html").respond_with_data(
        "", status=302, headers={"Location": f"{base}/news/loop.html"}
    )
    httpserver.expect_request(f"/news/{good.slug}.html").respond_with_data(
        good.html, content_type="text/html"
    )

    feed = feed_xml(base, [good]).decode()
    links = "".join(
        f"<item><title>{name}</title><link>{base}/news/{name}.html</link></item>"
        for name in ("missing", "binary", "huge", "huge-chunked", "loop")
    )
    httpserver.expect_request("/wire.xml").respond_with_data(
        feed.replace("</channel>", links + "</channel>"), content_type="application/rss+xml"
    )
    malformed = (shared_data / "feeds" / "fp_illformed_aaa.xml").read_bytes()
    httpserver.expect_request("/broken.xml").respond_with_data(malformed, content_type="application/rss+xml")
    httpserver.expect_request("/not-a-feed.xml").respond_with_data(
        "<html><body><p>Hello</p></body></html>", content_type="text/html"
    )

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.sadd(keys.FEEDS, f"{base}/wire.xml", f"{base}/broken.xml", f"{base}/not-a-feed.xml")
    worker = start_worker(service_env(redis_url, tmp_path, WIREWATCH_FETCH_DEADLINE="20"), "--concurrency=2")

    def settled() -> bool:
        states = [json.loads(client.get(k))["state"] for k in client.scan_iter(keys.article("*"))]
        return len(states) == 6 and all(s in ("classified", "failed") for s in states)

    wait_until(settled, timeout=180, message="all six articles handled")
    wait_until(lambda: client.xlen(keys.ALERTS_STREAM) == 1, timeout=60, message="the one real alert")

    stats = client.hgetall(keys.STATS)
    log = worker.log()
    assert int(stats["failed:http_status"]) == 1, stats
    assert int(stats["failed:too_large"]) == 2, stats
    assert int(stats["failed:too_many_redirects"]) == 1, stats
    assert int(stats.get("failed:extraction_failed", 0)) + int(stats.get("failed:bad_content_type", 0)) == 1
    assert int(stats["failed:not_a_feed"]) >= 1, stats
    for fragment in ("missing.html", "huge.html", "loop.html", "binary.html", "not-a-feed.xml"):
        assert fragment in log, f"{fragment} not logged"
    failed = {
        json.loads(client.get(k))["url"].rsplit("/", 1)[-1]: json.loads(client.get(k))["error"]
        for k in client.scan_iter(keys.article("*"))
        if json.loads(client.get(k))["state"] == "failed"
    }
    assert set(failed) == {"missing.html", "binary.html", "huge.html", "huge-chunked.html", "loop.html"}
    assert worker.proc.poll() is None  # still running
