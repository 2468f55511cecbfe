"""Properties of feed entry normalisation on generated, hostile RSS and Atom documents.

Whatever a feed holds (markup and scripts in titles, entities, control characters, RTL text, huge
strings, relative or junk links, tracking parameters, duplicate GUIDs, impossible dates),
:func:`parse_feed` either raises :class:`NotAFeed` (or its subclass :class:`UnsafeXML`) or returns
entries that satisfy :func:`check_entries`. ``test_fuzz_parsers.py`` and ``bench/fuzz.py`` hold
mutated real feeds to the same invariants.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wirewatch.workers.errors import NotAFeed
from wirewatch.workers.feeds import (
    MAX_GUID_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    article_id,
    canonical_url,
    parse_feed,
)
from wirewatch.workers.models import FeedEntry

BASE = "https://feeds.example.org/world/feed.xml"

# --- the invariants --------------------------------------------------------------------------------

_TAG = re.compile(r"</?[A-Za-z!?][^>]*>")


def check_plain(value: str, limit: int, what: str) -> None:
    """One line of plain text: no tags, no script, no control characters, at most ``limit`` chars."""
    assert isinstance(value, str), what
    assert len(value) <= limit, f"{what}: {len(value)} > {limit} characters"
    assert "<script" not in value.lower(), f"{what} holds a script tag: {value[:200]!r}"
    assert not _TAG.search(value), f"{what} holds a tag: {_TAG.search(value)!r} in {value[:200]!r}"
    controls = [c for c in value if unicodedata.category(c) == "Cc"]
    assert not controls, f"{what} holds control characters {controls[:5]!r}: {value[:200]!r}"
    assert value == value.strip(), f"{what} has surrounding whitespace: {value[:200]!r}"
    value.encode("utf-8")  # no lone surrogates: the record must serialise to JSON


def check_entry(entry: FeedEntry) -> None:
    assert isinstance(entry, FeedEntry)
    assert entry.url.startswith(("http://", "https://")), entry.url
    assert canonical_url(entry.url) == entry.url, f"not canonical: {entry.url!r}"
    assert entry.article_id == article_id(entry.url), entry
    assert re.fullmatch(r"[0-9a-f]{16}", entry.article_id), entry.article_id
    check_plain(entry.title, MAX_TITLE_CHARS, "title")
    check_plain(entry.summary, MAX_SUMMARY_CHARS, "summary")
    if entry.guid is not None:
        assert entry.guid and entry.guid == entry.guid.strip(), repr(entry.guid)
        assert len(entry.guid) <= MAX_GUID_CHARS
        entry.guid.encode("utf-8")
    if entry.published is not None:
        assert entry.published.tzinfo is not None, entry.published
        assert entry.published.utcoffset() == timedelta(0), entry.published
    entry.model_dump_json()  # what the poller stores


def check_entries(entries: list[FeedEntry]) -> None:
    """Every entry is valid, and no article or GUID appears twice."""
    assert isinstance(entries, list)
    for entry in entries:
        check_entry(entry)
    ids = [entry.article_id for entry in entries]
    assert len(ids) == len(set(ids)), "duplicate article_id"
    guids = [entry.guid for entry in entries if entry.guid]
    assert len(guids) == len(set(guids)), "duplicate guid"


def parse_or_refuse(body: bytes, base: str = BASE) -> list[FeedEntry] | None:
    """parse_feed's result (checked), or None when it raised NotAFeed. Anything else propagates."""
    try:
        entries = parse_feed(body, base)
    except NotAFeed:
        return None
    check_entries(entries)
    return entries


# --- generated feeds -------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "<script>alert(1)</script>Breaking news",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    "&amp;amp;lt;b&amp;amp;gt;triple&amp;amp;lt;/b&amp;amp;gt;",
    "<![CDATA[<script>x</script>]]>",
    "<b>bold</b> &amp; <i>italic</i>",
    "<img src=x onerror=alert(1)>",
    "<style>body{}</style>Title",
    "<!-- comment -->visible",
    "<a href='javascript:alert(1)'>link</a>",
    "Tom &amp; Jerry &#8211; &#x2014; &eacute; &nbsp;",
    "&#0;&#1;&#x7f;&#x80;&#x9f;&#xd800;&#x110000;&#99999999;",
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f",
    "\u202eevil\u202c \u2066rtl\u2069 \u200f\u061c",
    "انفجار في كابول يقتل 41 شخصا",
    "פיגוע בירושלים",
    "line\nbreak\r\nand\ttab",
    "\u2028sep\u2029",
    "< not a tag > 3 < 4",
    "<script",
    "&lt;script",
    "x <scr<script>ipt>alert(1)</script>",
    "]]>",
    "&unknown; &amp",
    "\ufeff\ufffe\uffff",
    "🙂" * 3,
    "",
    "   ",
]

title_text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.lists(st.sampled_from(HOSTILE_TEXT), min_size=2, max_size=5).map("".join),
    # huge: built by repetition so that generating it stays cheap
    st.builds(
        lambda s, n: s * n,
        st.sampled_from(["A", "<b>x</b>", "&amp;", "é ", "\u202e"]),
        st.integers(300, 3000),
    ),
)

TRACKING = ["utm_source=rss", "utm_medium=feed&utm_campaign=x", "fbclid=abc", "gclid=1", "ref=rss"]
link_text = st.one_of(
    st.builds(
        lambda scheme, host, path, q, frag: f"{scheme}://{host}{path}{q}{frag}",
        st.sampled_from(["http", "https", "HTTPS"]),
        st.sampled_from(["news.example.com", "NEWS.Example.COM", "news.example.com:443", "bücher.example"]),
        st.sampled_from(["/a/1", "/a/../b/2", "/%7Eu/%2e/3", "/x y/4", "", "/a/1"]),
        st.sampled_from(["", "?b=2&a=1", "?" + TRACKING[0], "?id=7&" + TRACKING[1], "?" + TRACKING[2]]),
        st.sampled_from(["", "#frag", "#"]),
    ),
    st.sampled_from(
        [
            "/relative/path?utm_source=x",
            "relative/no-slash",
            "../up/one",
            "//other.example.org/protocol-relative",
            "?only=query",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "mailto:a@example.com",
            "http://user:pass@news.example.com/x",
            "http://127.1/",
            "http://[::1]/x",
            "http:\\\\evil.example\\x",
            "https://news.example.com/\x00nul",
            "https://news.example.com/a&amp;b=1",
            " https://news.example.com/padded ",
            "https://news.example.com/" + "a" * 5000,
            "",
            "<https://news.example.com/in-brackets>",
            "tag:example.com,2024:1",
        ]
    ),
    st.text(max_size=30),
)

guid_text = st.one_of(
    st.none(),
    st.sampled_from(["g1", "g2", "  g1  ", "https://news.example.com/a/1", "tag:example.com,2024:1", ""]),
    st.text(max_size=20),
    st.just("G" * 3000),
)


def _offset(hours: float) -> st.SearchStrategy[datetime]:
    from datetime import timezone

    return st.datetimes(min_value=datetime(1971, 1, 2), max_value=datetime(2099, 12, 30)).map(
        lambda d: d.replace(tzinfo=timezone(timedelta(hours=hours)))
    )


valid_dates = st.one_of(*(_offset(h) for h in (0, -12, -5, 5.5, 14)))
date_field = st.one_of(
    st.none(),
    valid_dates.map(lambda d: ("valid", d)),
    st.sampled_from(
        [
            "not a date",
            "Thu, 31 Feb 2024 10:00:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 +1400",
            "Mon, 01 Jan 0000 00:00:00 GMT",
            "2024-13-45T25:61:61Z",
            "0",
            "-1",
            "99999999999999999999",
            "2024-06-01",
            "2024-06-01T10:00:00",
            "1 Jan 1900 00:00 -2400",
            "",
            "\x00",
        ]
    ),
)

item = st.fixed_dictionaries(
    {
        "title": title_text,
        "link": link_text,
        "guid": guid_text,
        "date": date_field,
        "summary": st.one_of(st.just(""), title_text),
        "mode": st.sampled_from(["escaped", "cdata", "raw", "html-typed"]),
    }
)


def _text(value: str, mode: str) -> str:
    if mode == "raw":
        return value  # may make the document ill-formed: that is part of the test
    if mode == "cdata" and "]]>" not in value:
        return f"<![CDATA[{value}]]>"
    return escape(value)


def _date_text(date: object, atom: bool) -> str | None:
    if date is None:
        return None
    if isinstance(date, tuple):
        value = date[1]
        return value.isoformat() if atom else format_datetime(value)
    return str(date)


def build_rss(items: list[dict[str, object]]) -> str:
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>t</title>']
    for it in items:
        mode = str(it["mode"])
        parts.append("<item>")
        parts.append(f"<title>{_text(str(it['title']), mode)}</title>")
        parts.append(f"<link>{_text(str(it['link']), 'escaped' if mode == 'html-typed' else mode)}</link>")
        if it["guid"] is not None:
            parts.append(f'<guid isPermaLink="false">{escape(str(it["guid"]))}</guid>')
        date = _date_text(it["date"], atom=False)
        if date is not None:
            parts.append(f"<pubDate>{escape(date)}</pubDate>")
        if it["summary"]:
            parts.append(f"<description>{_text(str(it['summary']), mode)}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def build_atom(items: list[dict[str, object]]) -> str:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
    ]
    for it in items:
        mode = str(it["mode"])
        kind = ' type="html"' if mode == "html-typed" else ""
        parts.append("<entry>")
        parts.append(f"<title{kind}>{_text(str(it['title']), mode)}</title>")
        parts.append(f'<link rel="alternate" href={quoteattr(str(it["link"]))}/>')
        if it["guid"] is not None:
            parts.append(f"<id>{escape(str(it['guid']))}</id>")
        date = _date_text(it["date"], atom=True)
        if date is not None:
            parts.append(f"<updated>{escape(date)}</updated>")
        if it["summary"]:
            parts.append(f"<summary{kind}>{_text(str(it['summary']), mode)}</summary>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "".join(parts)


feeds = st.tuples(st.sampled_from([build_rss, build_atom]), st.lists(item, max_size=8))

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- the properties ----------------------------------------------------------------------------------


@settings(SETTINGS, max_examples=120)
@given(feeds, st.sampled_from(["utf-8", "utf-16", "iso-8859-1"]))
@example(
    (
        build_rss,
        [
            {
                "title": "&amp;lt;script&amp;gt;x",
                "link": "/a?utm_source=x",
                "guid": "g",
                "date": None,
                "summary": "",
                "mode": "escaped",
            }
        ],
    ),
    "utf-8",
)
def test_entries_are_normalised_or_the_feed_is_refused(feed: tuple, encoding: str) -> None:
    builder, items = feed
    document = builder(items)
    if encoding != "utf-8":
        document = document.replace('encoding="utf-8"', f'encoding="{encoding}"', 1)
    body = document.encode(encoding, errors="xmlcharrefreplace" if encoding != "utf-16" else "surrogatepass")
    entries = parse_or_refuse(body)
    if entries is None:
        return
    assert len(entries) <= len(items)
    # parse_feed invents no site: each entry is on the feed's host or on a host the items name.
    hosts = {urlsplit(BASE).hostname}
    for it in items:
        for value in (str(it["link"]), str(it["guid"] or "")):
            for form in (value, html.unescape(value)):
                canonical = canonical_url(form.strip(), base=BASE)
                if canonical:
                    hosts.add(urlsplit(canonical).hostname)
    for entry in entries:
        assert urlsplit(entry.url).hostname in hosts, (entry.url, hosts)
    # Deterministic: the same bytes give the same entries, so article IDs are stable.
    assert parse_feed(body, BASE) == entries


@SETTINGS
@given(st.lists(st.tuples(link_text, st.sampled_from(TRACKING)), min_size=1, max_size=6))
def test_tracking_parameters_do_not_change_the_article_id(links: list[tuple[str, str]]) -> None:
    items = []
    for i, (link, tracking) in enumerate(links):
        sep = "&" if "?" in link else "?"
        for variant in (link, f"{link}{sep}{tracking}"):
            items.append(
                {
                    "title": f"t{i}",
                    "link": variant,
                    "guid": None,
                    "date": None,
                    "summary": "",
                    "mode": "escaped",
                }
            )
    entries = parse_or_refuse(build_rss(items).encode("utf-8"))
    assert entries is not None
    # A link and its tracked twin are one article: never more entries than distinct links.
    assert len(entries) <= len(links)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["g1", "g2", "g3"]), st.integers(0, 50)), min_size=1, max_size=12))
def test_duplicate_guids_and_links_give_one_entry_each(pairs: list[tuple[str, int]]) -> None:
    items = [
        {
            "title": f"t{n}",
            "link": f"https://news.example.com/a/{n}",
            "guid": guid,
            "date": None,
            "summary": "",
            "mode": "escaped",
        }
        for guid, n in pairs
    ]
    entries = parse_or_refuse(build_rss(items).encode("utf-8"))
    assert entries is not None
    assert 1 <= len(entries) <= min(len({g for g, _ in pairs}), len({n for _, n in pairs}))
    # The first item of each GUID wins, in feed order.
    assert entries[0].url == f"https://news.example.com/a/{pairs[0][1]}"


@SETTINGS
@given(valid_dates, st.booleans())
def test_valid_dates_become_the_same_instant_in_utc(when: datetime, atom: bool) -> None:
    it = {
        "title": "t",
        "link": "https://news.example.com/a",
        "guid": None,
        "date": ("valid", when),
        "summary": "",
        "mode": "escaped",
    }
    body = (build_atom if atom else build_rss)([it]).encode("utf-8")
    entries = parse_or_refuse(body)
    assert entries is not None and len(entries) == 1
    published = entries[0].published
    assert published is not None and published.tzinfo is not None
    assert published == when.replace(microsecond=0)
    assert published.utcoffset() == timedelta(0)
