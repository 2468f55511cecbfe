"""Feed parsing on the 59 real feeds of ../shared/data/feeds, plus hostile and huge feeds."""

from __future__ import annotations

import csv
import time
from datetime import UTC
from pathlib import Path

import feedparser
import pytest

from wirewatch.workers.errors import NotAFeed, UnsafeXML
from wirewatch.workers.feeds import article_id, canonical_url, parse_feed
from wirewatch.workers.keys import digest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
FEEDS = DATA / "feeds"
BASE = "https://feeds.example.org/feed.xml"


def _index() -> list[dict[str, str]]:
    with (FEEDS / "INDEX.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


INDEX = _index()

#: Documents that are not feeds, or feeds so broken that nothing in them can be read. Well-formed
#: feeds without items (fp_illformed_strip_doctype.xml, mf_windows1252_incorrect_prolog.xml...)
#: parse to an empty list.
NOT_FEEDS = {
    "fp_illformed_empty_document.xml",  # no element at all
    "nf_notafeed.html",  # an HTML page
    "mf_iso88591_utf8_mismatch.xml",  # well-formed XML, but a <note>, not RSS/Atom/RDF
    "fp_illformed_aaa.xml",  # ill-formed (unclosed </rss), no entry recoverable
    "fp_illformed_undeclared_namespace.xml",  # ill-formed (unbound prefix), no entry recoverable
}
#: Where we return fewer entries than INDEX's ``items`` (feedparser's count): entries without a
#: usable http(s) link are skipped. Each number was checked against the file.
FEWER_ENTRIES = {
    "fp_illformed_incomplete_cdata.xml": 0,  # the one item has no link
    "fp_chardet_shiftjis.xml": 0,  # encoding samples: entries without links
    "fp_chardet_koi8r.xml": 0,
    "fp_chardet_windows1255.xml": 0,
    "mf_cerclepsy_undeclared_iso-8859-1.xml": 9,  # one of the 10 items has no link
    "fj_atom_escaped_html_in_pre.xml": 0,  # no link
    "rp_missing_fields.atom": 0,  # only an id, and it is a tag: URI
    "rp_incomplete_fields.atom": 0,  # no link
    "nf_illegally_nested.xml": 10,  # feedparser reads 20 items, 10 of them without a link
}


def _write(tmp_path: Path, name: str, body: str | bytes) -> bytes:
    """Fixtures built by a test are written out and read back, as a fetched body would be."""
    path = tmp_path / name
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return path.read_bytes()


def test_index_lists_59_files_that_exist() -> None:
    assert len(INDEX) == 59
    for row in INDEX:
        assert (FEEDS / row["filename"]).is_file(), row["filename"]


@pytest.mark.parametrize("row", INDEX, ids=[row["filename"] for row in INDEX])
def test_every_real_feed_parses_or_is_refused_as_indexed(row: dict[str, str]) -> None:
    body = (FEEDS / row["filename"]).read_bytes()
    if row["filename"] in NOT_FEEDS:
        with pytest.raises(NotAFeed):
            parse_feed(body, BASE)
        return
    entries = parse_feed(body, BASE)
    assert len(entries) == FEWER_ENTRIES.get(row["filename"], int(row["items"]))
    for entry in entries:
        assert entry.url == canonical_url(entry.url)
        assert entry.url.startswith(("http://", "https://"))
        assert entry.article_id == article_id(entry.url) == digest(entry.url)
        assert len(entry.title) <= 500 and len(entry.summary) <= 2000
        assert "\n" not in entry.title
        if entry.published is not None:
            assert entry.published.tzinfo is UTC
    assert len({entry.url for entry in entries}) == len(entries)
    assert len({entry.guid for entry in entries if entry.guid}) == sum(1 for e in entries if e.guid)


def test_real_news_feed_entries_are_complete() -> None:
    entries = parse_feed((FEEDS / "rp_guardian_us.rss").read_bytes(), "https://www.theguardian.com/us/rss")
    first = entries[0]
    assert first.url.startswith("https://www.theguardian.com/us-news/2018/jan/31/")
    assert first.title.startswith("Trump State of the Union address")
    assert first.published is not None and first.published.year == 2018
    assert first.summary and "<" not in first.summary
    assert first.guid


def test_html_in_titles_becomes_plain_text() -> None:
    entries = parse_feed((FEEDS / "fj_google_alerts.xml").read_bytes(), BASE)
    assert any("Slack" in entry.title for entry in entries)
    assert all("<b>" not in entry.title and "&lt;" not in entry.title for entry in entries)


def test_script_laden_titles_become_plain_text(tmp_path: Path) -> None:
    body = _write(
        tmp_path,
        "scripts.xml",
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title><![CDATA[<script>alert("x")</script>Car bomb <b>kills</b>   12 &amp; wounds 30]]></title>
  <link>https://news.example.org/a</link>
  <description>&lt;p&gt;Police said &lt;script&gt;steal()&lt;/script&gt;the
    &lt;a href="x"&gt;attack&lt;/a&gt;&lt;/p&gt;</description></item>
<item><title>&lt;img src=x onerror=alert(1)&gt;Ambush &amp;amp; &lt;i&gt;raid&lt;/i&gt;</title>
  <link>https://news.example.org/b</link></item>
</channel></rss>""",
    )
    first, second = parse_feed(body, BASE)
    assert first.title == "Car bomb kills 12 & wounds 30"
    assert first.summary == "Police said the attack"
    assert second.title == "Ambush & raid"


def test_relative_links_resolve_against_the_feed_url() -> None:
    body = (FEEDS / "nf_relative_urls.xml").read_bytes()
    entries = parse_feed(body, "https://www.arcgames.com/en/games/neverwinter/news/rss")
    assert [entry.url.split("/detail/")[0] for entry in entries] == [
        "https://www.arcgames.com/en/games/neverwinter/news"
    ] * 2
    (post,) = parse_feed(
        (FEEDS / "nf_relative_html_urls_no_base.xml").read_bytes(), "https://blog.example.net/"
    )
    assert post.url == "https://blog.example.net/posts/post-1"


def test_xml_base_and_relative_atom_links_resolve() -> None:
    entries = parse_feed(
        (FEEDS / "nf_talkingpointsmemo.atom").read_bytes(), "https://talkingpointsmemo.com/feed"
    )
    assert entries[0].url == (
        "https://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist"
    )


def test_relative_links_in_a_generated_feed(tmp_path: Path) -> None:
    body = _write(
        tmp_path,
        "relative.xml",
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/world/">
  <title>t</title>
  <entry><id>urn:1</id><title>one</title><link href="2024/attack.html?utm_source=rss#top"/></entry>
  <entry><id>urn:2</id><title>two</title><link href="../africa/raid.html"/></entry>
  <entry><id>urn:3</id><title>three</title><link href="javascript:alert(1)"/></entry>
</feed>""",
    )
    assert [entry.url for entry in parse_feed(body, BASE)] == [
        "https://news.example.org/world/2024/attack.html",
        "https://news.example.org/africa/raid.html",
    ]


def test_duplicate_guids_and_urls_collapse(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid></item>"
        for title, link, guid in [
            ("first", "https://news.example.org/a", "g1"),
            ("same guid", "https://news.example.org/b", "g1"),
            ("same page, tracked", "https://NEWS.example.org/a?utm_source=rss&fbclid=x#c", "g2"),
            ("new", "https://news.example.org/c", "g3"),
        ]
    )
    body = _write(
        tmp_path, "dupes.xml", f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
    entries = parse_feed(body, BASE)
    assert [(entry.title, entry.guid) for entry in entries] == [("first", "g1"), ("new", "g3")]
    assert parse_feed((FEEDS / "nf_guid_dupes.xml").read_bytes(), BASE)[0].guid


def test_ten_thousand_items_are_capped_in_feed_order(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Item {i}</title><link>https://news.example.org/a/{i}</link><guid>id-{i}</guid>"
        f"<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><description>Body {i}</description></item>"
        for i in range(10_000)
    )
    body = _write(
        tmp_path,
        "huge.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
    )
    start = time.monotonic()
    entries = parse_feed(body, BASE)
    assert time.monotonic() - start < 60
    assert len(entries) == 2000
    assert [entry.guid for entry in entries[:3]] == ["id-0", "id-1", "id-2"]
    assert entries[-1].url == "https://news.example.org/a/1999"
    assert [entry.title for entry in parse_feed(body, BASE, max_entries=5)] == [f"Item {i}" for i in range(5)]


def test_cap_on_a_real_huge_feed_keeps_the_first_entries() -> None:
    body = (FEEDS / "rp_giantbomb_podcast_huge.rss").read_bytes()
    capped = parse_feed(body, BASE, max_entries=100)
    assert len(capped) == 100
    assert capped[0] == parse_feed(body, BASE, max_entries=1)[0]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://news.example.org/a</link></item></channel></rss>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&xxe;</title><link>https://news.example.org/a</link></item></channel></rss>"""
PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>t</title></channel></rss>"""


@pytest.mark.parametrize(
    ("name", "document", "encoding"),
    [
        ("bomb.xml", BOMB, "utf-8"),
        ("xxe.xml", XXE, "utf-8"),
        ("parameter.xml", PARAMETER_ENTITY, "utf-8"),
        ("bomb-utf16.xml", BOMB.replace('version="1.0"?', 'version="1.0" encoding="utf-16"?'), "utf-16"),
        ("xxe-lowercase.xml", XXE.replace("<!ENTITY", "<!entity"), "utf-8"),
    ],
)
def test_entity_declarations_are_refused(tmp_path: Path, name: str, document: str, encoding: str) -> None:
    body = _write(tmp_path, name, document.encode(encoding))
    start = time.monotonic()
    with pytest.raises(UnsafeXML):
        parse_feed(body, BASE)
    assert time.monotonic() - start < 1


def test_unsafe_xml_is_a_kind_of_not_a_feed() -> None:
    assert issubclass(UnsafeXML, NotAFeed)


def test_doctype_without_entities_is_accepted() -> None:
    body = (FEEDS / "fj_duplicate_content_atom.xml").read_bytes()
    assert b"<!DOCTYPE" in body
    assert len(parse_feed(body, BASE)) == 10


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    # The RSS 0.91 DOCTYPE names an external DTD; feedparser drops it. Port 1 would refuse a fetch.
    body = _write(
        tmp_path,
        "rss091.xml",
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://127.0.0.1:1/rss-0.91.dtd"><rss version="0.91"><channel><title>t</title>'
        "<item><title>a</title><link>https://news.example.org/x</link></item></channel></rss>",
    )
    assert [entry.title for entry in parse_feed(body, BASE)] == ["a"]


def test_utf16_feed_is_read(tmp_path: Path) -> None:
    document = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Взрыв в Кабуле</title><link>https://news.example.org/x</link></item></channel></rss>"
    )
    body = _write(tmp_path, "utf16.xml", document.encode("utf-16"))
    assert parse_feed(body, BASE)[0].title == "Взрыв в Кабуле"


@pytest.mark.parametrize(
    "body", [b"", b"   \n", b"<html><body><p>Hello</p></body></html>", b"\x89PNG\r\n\x1a\n\x00"]
)
def test_empty_and_non_feed_documents_are_not_feeds(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body, BASE)


def test_a_body_that_is_a_url_is_never_fetched() -> None:
    # feedparser downloads a str that looks like a URL; parse_feed only ever hands it bytes.
    with pytest.raises(NotAFeed):
        parse_feed(b"http://127.0.0.1:1/feed.xml", BASE)


@pytest.mark.parametrize(
    ("name", "insert_after", "link", "expected"),
    [
        (
            "fp_chardet_shiftjis.xml",
            b"<entry>",
            b'<link href="https://example.jp/1"/>',
            "DrecomRSSに記事投稿が反映されない",
        ),
        (
            "fp_chardet_koi8r.xml",
            b"<item>",
            b"<link>https://example.ru/1</link>",
            "Как пережить новогоднюю ночь",
        ),
        ("fp_chardet_windows1255.xml", b"<item>", b"<link>https://example.co.il/1</link>", "האם תדפיס נייר"),
    ],
)
def test_undeclared_legacy_encodings_are_detected(
    tmp_path: Path, name: str, insert_after: bytes, link: bytes, expected: str
) -> None:
    original = (FEEDS / name).read_bytes()
    body = _write(tmp_path, name, original.replace(insert_after, insert_after + link, 1))
    (entry,) = parse_feed(body, BASE, content_type="application/xml")
    assert expected in entry.title + entry.summary


def test_big5_feed_title_is_detected() -> None:
    # The Big5 sample has no entries, only a feed title: check the decoding parse_feed relies on.
    parsed = feedparser.parse((FEEDS / "fp_chardet_big5.xml").read_bytes(), response_headers={})
    assert parsed.encoding.lower() == "big5"
    assert parsed.feed.title.startswith("我希望")


def test_declared_legacy_encodings_decode() -> None:
    entries = parse_feed((FEEDS / "mf_ibash_windows-1251.xml").read_bytes(), BASE, content_type="text/xml")
    assert entries[0].title.startswith("Цитата")
    golem = parse_feed((FEEDS / "mf_golem_iso-8859-1.xml").read_bytes(), BASE)
    assert any("ü" in entry.title + entry.summary for entry in golem)


def test_dates_are_aware_utc_and_missing_dates_are_none() -> None:
    entries = parse_feed((FEEDS / "fj_invalid_date_format.xml").read_bytes(), BASE)
    assert [entry.published.isoformat() if entry.published else None for entry in entries] == [
        "2017-10-16T15:10:00+00:00",
        "2017-10-17T12:17:00+00:00",
    ]
    assert all(
        entry.published is None for entry in parse_feed((FEEDS / "mf_heise_rdf.xml").read_bytes(), BASE)
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM:443/News/Story?utm_source=twitter&utm_medium=social&id=7#comments",
            "https://www.example.com/News/Story?id=7",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a/./b/../c", "http://example.com:8080/a/c"),
        ("https://example.com/x?fbclid=IwAR0&gclid=abc", "https://example.com/x"),
        ("https://example.com/x?b=2&a=1", "https://example.com/x?a=1&b=2"),
        ("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4"),
        ("  https://example.com/a b\n", "https://example.com/ab"),
        ("ftp://example.com/file", None),
        ("javascript:alert(1)", None),
        ("mailto:desk@example.com", None),
        ("https://user:secret@example.com/", None),
        ("http://localhost:8080/feed", "http://localhost:8080/feed"),
        ("http://0x7f000001/", None),
        ("http://127.1/", None),
        ("https://example.com:99999/", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_canonical_url_examples(url: str, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_resolves_against_base() -> None:
    assert canonical_url("../b?q=1", base="https://example.com/x/y/z.html") == "https://example.com/x/b?q=1"
    assert canonical_url("//cdn.example.net/p", base="https://example.com/") == "https://cdn.example.net/p"
    assert canonical_url("/p", base="javascript:void(0)") is None
