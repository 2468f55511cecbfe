"""Feed lists: plain text and OPML, told apart by content; duplicates dropped, order kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import data_path
from wirewatch.workers.errors import NotAFeed, UnsafeXML
from wirewatch.workers.feedlist import load_feed_list, parse_opml
from wirewatch.workers.feeds import canonical_url

CONFIG = Path(__file__).resolve().parents[2] / "config"


def test_text_list_skips_comments_blanks_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# world news\n"
        "\n"
        "https://a.example.org/rss.xml\n"
        "   https://b.example.org/feed   # trailing comment\n"
        "https://a.example.org/rss.xml\n"
        "#https://commented.example.org/out\n"
        "https://c.example.org/feed#section\n"
        "ftp://not-http.example.org/feed\n"
        "\ufeffnot a url\n",
        encoding="utf-8",
    )
    assert load_feed_list(path) == [
        "https://a.example.org/rss.xml",
        "https://b.example.org/feed",
        "https://c.example.org/feed#section",
    ]


NESTED_OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>export</title></head>
  <body>
    <outline text="Folder">
      <outline text="Deeper">
        <outline type="rss" text="One" xmlUrl="https://one.example.org/rss"/>
      </outline>
      <outline type="rss" text="Two" xmlUrl=" https://two.example.org/atom "/>
    </outline>
    <outline type="rss" text="One again" xmlUrl="https://one.example.org/rss"/>
    <outline type="link" text="Not a feed" url="https://site.example.org/"/>
    <outline type="rss" text="Bad scheme" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Three" xmlUrl="http://three.example.org/feed?format=rss&amp;lang=en"/>
  </body>
</opml>
"""


def test_opml_nested_outlines_in_document_order() -> None:
    assert parse_opml(NESTED_OPML) == [
        "https://one.example.org/rss",
        "https://two.example.org/atom",
        "http://three.example.org/feed?format=rss&lang=en",
    ]


def test_opml_is_detected_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_bytes(b"\xef\xbb\xbf\n  " + NESTED_OPML)
    assert load_feed_list(path)[0] == "https://one.example.org/rss"


def test_opml_with_entities_is_refused() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.example.org/rss"/></body></opml>"""
    with pytest.raises(UnsafeXML):
        parse_opml(body)


def test_malformed_opml_is_not_a_feed_list(tmp_path: Path) -> None:
    path = tmp_path / "broken.opml"
    path.write_bytes(b'<opml version="2.0"><body><outline xmlUrl="https://a.example.org/rss">')
    with pytest.raises(NotAFeed):
        load_feed_list(path)


def test_default_feed_list_is_a_usable_list_of_public_feeds() -> None:
    urls = load_feed_list(CONFIG / "feeds.txt")
    assert 15 <= len(urls) <= 25
    assert all(url.startswith("https://") and canonical_url(url) is not None for url in urls)
    assert len({url.split("/")[2] for url in urls}) == len(urls)  # one feed per outlet


def test_default_list_ships_in_the_package() -> None:
    assert load_feed_list(data_path("feeds.txt")) == load_feed_list(CONFIG / "feeds.txt")


def test_example_opml_lists_feeds_from_the_default_list() -> None:
    opml = load_feed_list(CONFIG / "example.opml")
    assert len(opml) >= 5
    assert set(opml) <= set(load_feed_list(CONFIG / "feeds.txt"))
