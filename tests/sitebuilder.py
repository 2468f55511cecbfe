"""Builds a local news site from the real articles in ../shared/data for integration tests.

A manifest (JSON file under fixtures/) lists articles: the seed article, labelled rows (found by
the sha256 of their text) and real news pages (by benchmark id), each with the label the test
expects. The site is served by pytest-httpserver: /feed.xml plus one HTML page per article.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from string import Template

from conftest import FIXTURES, SHARED_DATA

E2E = FIXTURES / "e2e"


@dataclass
class SiteArticle:
    slug: str
    title: str
    html: bytes
    expect_attack: bool


def _labelled_rows(split: str) -> dict[str, dict]:
    rows = {}
    with open(SHARED_DATA / "labelled" / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows[hashlib.sha256(row["text"].encode("utf-8")).hexdigest()[:12]] = row
    return rows


def _render(title: str, text: str, date: str) -> bytes:
    paragraphs = "\n".join(f"      <p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
    page = Template((E2E / "article.html.tmpl").read_text()).substitute(
        title=html.escape(title), paragraphs=paragraphs, date=date
    )
    return page.encode("utf-8")


def load_articles(manifest: str = "manifest.json") -> list[SiteArticle]:
    spec = json.loads((E2E / manifest).read_text())
    splits: dict[str, dict[str, dict]] = {}
    out = []
    for i, item in enumerate(spec["articles"]):
        slug = f"article-{i:02d}"
        if item["kind"] == "seed":
            lines = (SHARED_DATA / "seed" / item["file"]).read_text(encoding="utf-8").splitlines()
            title, text = lines[0].strip(), "\n".join(lines[1:])
            body = _render(title, text, "2018-01-09")
        elif item["kind"] == "labelled":
            rows = splits.setdefault(item["split"], _labelled_rows(item["split"]))
            row = rows[item["sha"]]
            title = item["title"]
            body = _render(title, row["text"], "2020-01-01")
        elif item["kind"] == "page":
            body = gzip.decompress((SHARED_DATA / "pages" / f"{item['id']}.html.gz").read_bytes())
            title = json.loads((SHARED_DATA / "pages" / f"{item['id']}.json").read_text())["title"]
        else:
            raise ValueError(item["kind"])
        out.append(SiteArticle(slug, title, body, bool(item["attack"])))
    return out


def feed_xml(base: str, articles: list[SiteArticle], *, utm: bool = False) -> bytes:
    """RSS 2.0 listing the articles; ``utm`` adds tracking parameters (same canonical URLs)."""
    item_tmpl = Template((E2E / "item.xml.tmpl").read_text())
    start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    items = []
    for i, art in enumerate(articles):
        link = f"{base}/news/{art.slug}.html" + ("?utm_source=rss&amp;utm_medium=feed" if utm else "")
        items.append(
            item_tmpl.substitute(
                title=html.escape(art.title),
                link=link,
                guid=f"test-wire-{art.slug}",
                pubdate=format_datetime(start - timedelta(minutes=i)),
            )
        )
    feed = Template((E2E / "feed.xml.tmpl").read_text()).substitute(base=base, items="\n".join(items))
    return feed.encode("utf-8")


def serve_site(
    httpserver, articles: list[SiteArticle], feed_path: str = "/feed.xml", *, utm: bool = False
) -> str:  # type: ignore[no-untyped-def]
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request(feed_path).respond_with_data(
        feed_xml(base, articles, utm=utm), content_type="application/rss+xml; charset=utf-8"
    )
    for art in articles:
        httpserver.expect_request(f"/news/{art.slug}.html").respond_with_data(
            art.html, content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain"
    )
    return base + feed_path
