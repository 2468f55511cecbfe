"""Mutation fuzz of the code that reads hostile input: feeds, pages, alert text, casualty counts.

Real feeds (``../shared/data/feeds``) and pages (``../shared/data/pages``) are mutated with a fixed
seed: byte flips, truncations, splices between files, inserted DTDs and entities, huge attribute
values, NUL bytes, swapped charset declarations, tags nested 10,000 deep. Each mutant must parse
to records that keep the invariants of ``test_entry_props.py`` or raise a :class:`WirewatchError`;
any other exception is a bug. Each test is bounded by a count of mutants, not by time.
``bench/fuzz.py`` runs the same mutators for longer and saves what it finds in
``tests/fixtures/fuzz/``; :func:`test_saved_crashers` replays every file there.
"""

from __future__ import annotations

import gzip
import random
import re
import zlib
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from test_entry_props import check_entries

from wirewatch.workers import alerts
from wirewatch.workers.classify.casualties import parse_casualties, parse_number
from wirewatch.workers.errors import WirewatchError
from wirewatch.workers.extract import decode_html, extract
from wirewatch.workers.feeds import parse_feed
from wirewatch.workers.models import Article, ExtractedPage, Incident, Location, Verdict

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
FEEDS = DATA / "feeds"
PAGES = DATA / "pages"
CRASHERS = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
FEED_URL = "https://feeds.example.org/feed.xml"
PAGE_URL = "https://news.example.org/2024/06/01/story.html"
#: Mutants are cut at this size so that stacked mutations cannot grow without bound (bench/fuzz.py
#: allows 4 MB, the fetcher's cap; the suite 400 KB to stay fast).
MAX_MUTANT_BYTES = 400_000

Mutator = Callable[[random.Random, bytes, Sequence[bytes]], bytes]

# --- mutators --------------------------------------------------------------------------------------


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def flip_bytes(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    mutant = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        i = rng.randrange(len(mutant))
        mutant[i] = mutant[i] ^ (1 << rng.randrange(8)) if rng.random() < 0.5 else rng.randrange(256)
    return bytes(mutant)


def truncate(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    return data[: _pos(rng, data)]


def splice(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    other = rng.choice(corpus)
    return data[: _pos(rng, data)] + other[_pos(rng, other) :]


DTDS = [
    b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://169.254.169.254/latest/meta-data/"> %p;]>',
    b'<!DOCTYPE rss SYSTEM "http://127.0.0.1:6379/x.dtd">',
    b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">',
    b'<! ENTITY  spaced "x">',
    b'<!entity lower "x">',
    b"<!DOCTYPE html>",
    b"<!DOCTYPE rss [",
    b'<!DOCTYPE x [<!ELEMENT x ANY><!ATTLIST x a CDATA "d">]>',
    "<!DOCTYPE rss [<!ENTITY u16 'x'>]>".encode("utf-16"),
]
ENTITY_REFS = [
    b"&xxe;",
    b"&b;",
    b"&undefined;",
    b"&#0;",
    b"&#x0;",
    b"&#1;",
    b"&#x7f;",
    b"&#x85;",
    b"&#xd800;",
    b"&#xdfff;",
    b"&#x110000;",
    b"&#99999999999999999999;",
    b"&#x;",
    b"&",
    b"&amp",
    b"&lt;script&gt;",
    b"&amp;lt;script&amp;gt;",
    b"&nbsp;",
    b"&#x202e;",
    b"\\ud800",
    b"\\u003cscript\\u003e",
    b"+2AA-",
    b"+ADw-",
]


def insert_dtd(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    snippet = rng.choice(DTDS) if rng.random() < 0.6 else rng.choice(ENTITY_REFS) * rng.randint(1, 50)
    prolog = re.match(rb"\s*<\?xml[^>]*\?>", data)
    at = prolog.end() if prolog and rng.random() < 0.5 else _pos(rng, data)
    return data[:at] + snippet + data[at:]


_START_TAG = re.compile(rb"<[A-Za-z][\w:.-]*")


def huge_attribute(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    tags = list(_START_TAG.finditer(data[:200_000]))
    at = rng.choice(tags).end() if tags else _pos(rng, data)
    unit = rng.choice([b"x", b"&amp;", b"\xff", b"'", b"<", b"\x00", "é".encode(), b"&#x41;", b" a=b"])
    value = unit * (rng.choice([1_000, 65_536, 300_000]) // len(unit))
    quote = rng.choice([b'"', b"'", b""])
    return (
        data[:at]
        + b" "
        + rng.choice([b"href", b"a", b"xml:base", b"content", b"charset"])
        + b"="
        + quote
        + value
        + quote
        + data[at:]
    )


def insert_nul(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    mutant = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        at = _pos(rng, mutant)
        mutant[at:at] = b"\x00" * rng.choice([1, 1, 2, 100])
    return bytes(mutant)


CHARSETS = [
    b"utf-8",
    b"UTF-16",
    b"utf-16le",
    b"utf-32",
    b"iso-8859-1",
    b"windows-1251",
    b"koi8-r",
    b"shift_jis",
    b"big5",
    b"gb18030",
    b"cp037",
    b"utf-7",
    b"unicode_escape",
    b"raw_unicode_escape",
    b"punycode",
    b"idna",
    b"rot13",
    b"hex",
    b"base64",
    b"x-bogus",
    b"",
    b"\x00",
    b"utf-8\x00",
    b"../../etc/passwd",
    b"a" * 300,
    b"utf_8_sig",
    b"undefined",
    b"mbcs",
    b"palmos",
]
_DECLARATION = re.compile(rb"""(encoding\s*=\s*["']|charset\s*=\s*["']?)([^"'\s>;/]*)""", re.I)


def swap_charset(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    label = rng.choice(CHARSETS)
    matches = list(_DECLARATION.finditer(data[:100_000]))
    if matches:
        m = rng.choice(matches)
        return data[: m.start(2)] + label + data[m.end(2) :]
    if rng.random() < 0.5:
        return b'<?xml version="1.0" encoding="' + label + b'"?>' + data
    return b'<meta charset="' + label + b'">' + data


def deep_nesting(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    tag = rng.choice([b"div", b"item", b"entry", b"b", b"title", b"p", b"span", b"table", b"a", b"x:y"])
    depth = rng.choice([1_000, 10_000])
    opened = (b"<" + tag + b">") * depth
    closed = (b"</" + tag + b">") * depth if rng.random() < 0.5 else b""
    at = _pos(rng, data)
    return data[:at] + opened + b"text" + closed + data[at:]


TOKENS = [
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?xml version='1.0'?>",
    b"</rss>",
    b"</feed>",
    b"</channel>",
    b"<item>",
    b"</item>",
    b"<entry>",
    b"<link>",
    b"</link>",
    b"<title>",
    b"</title>",
    b"<script>alert(1)</script>",
    b"<style>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00\x00\xfe\xff",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf4\x90\x80\x80",
    b"\r",
    b"\x1b[31m",
    b"\xe2\x80\xae",
    b"<html><body>",
    b"<base href='http://169.254.169.254/'>",
    b"<link>javascript:alert(1)</link>",
    b"<link>http://user:pw@127.0.0.1:6379/</link>",
    b"xml:base='file:///etc/'",
]


def insert_token(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    at = _pos(rng, data)
    return data[:at] + rng.choice(TOKENS) * rng.choice([1, 1, 1, 7, 500]) + data[at:]


def duplicate_chunk(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 4096)]
    times = rng.choice([2, 10, 100, 1000])
    return data[:start] + chunk * times + data[start:]


MUTATORS: dict[str, Mutator] = {
    "flip_bytes": flip_bytes,
    "truncate": truncate,
    "splice": splice,
    "insert_dtd": insert_dtd,
    "huge_attribute": huge_attribute,
    "insert_nul": insert_nul,
    "swap_charset": swap_charset,
    "deep_nesting": deep_nesting,
    "insert_token": insert_token,
    "duplicate_chunk": duplicate_chunk,
}


def mutate(
    rng: random.Random,
    data: bytes,
    corpus: Sequence[bytes],
    *,
    max_ops: int = 3,
    max_bytes: int = MAX_MUTANT_BYTES,
) -> tuple[bytes, list[str]]:
    """``data`` with 1..max_ops mutations stacked, and their names (for the failure message)."""
    names = [rng.choice(sorted(MUTATORS)) for _ in range(rng.randint(1, max_ops))]
    for name in names:
        data = MUTATORS[name](rng, data, corpus)[:max_bytes]
    return data, names


# --- targets and their invariants -------------------------------------------------------------------


def run_feed(body: bytes) -> str:
    """Parse a feed; return the outcome label. Non-WirewatchError exceptions and broken invariants raise."""
    try:
        entries = parse_feed(body, FEED_URL)
    except WirewatchError as exc:
        return type(exc).__name__
    check_entries(entries)
    return "ok"


def check_page(page: ExtractedPage) -> None:
    assert isinstance(page, ExtractedPage)
    assert len(page.text) >= 100 and page.text == page.text.strip()
    for value in (page.title, page.author, page.sitename, page.text):
        if value is None:
            continue
        assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", value), f"control character in {value[:100]!r}"
        value.encode("utf-8")  # no lone surrogates: the article must serialise to JSON
    assert page.language is None or re.fullmatch(r"[a-z]{2,3}", page.language), page.language
    if page.published is not None:
        assert page.published.utcoffset() == timedelta(0), page.published
    page.model_dump_json()


def run_page(body: bytes, charset: str | None = None) -> str:
    text = decode_html(body, charset)
    assert isinstance(text, str)
    try:
        page = extract(body, PAGE_URL, charset=charset)
    except WirewatchError as exc:
        return type(exc).__name__
    check_page(page)
    return "ok"


def run_casualties(text: str) -> str:
    result = parse_casualties(text)
    for value in (result.killed, result.injured):
        assert value is None or (isinstance(value, int) and value >= 0)
    for count in result.counts:
        assert 0 <= count.start <= count.end <= len(text)
    for word in text.split()[:50]:
        parsed = parse_number(word)
        assert parsed is None or parsed[0] >= 0
    return "ok" if result.killed is None and result.injured is None else "counted"


def run_alert(text: str) -> str:
    """Every text field of an alert, from hostile text: plain, bounded, serialisable."""
    for limit in (0, 1, 200, 2000):
        cleaned = alerts.plain(text, limit)
        assert len(cleaned) <= limit
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", cleaned)
    place = Location(name=text[:300] or "x", country_code=None)
    verdict = Verdict(
        is_attack=True,
        score=0.5,
        attack_types=[text[:40] or "bombing"],
        killed=len(text),
        locations=[place],
        actors=[text],
        evidence=[text],
        incidents=[Incident(type="bombing", location=place, actors=[text], sentence=text)],
    )
    article = Article(id="0123456789abcdef", url=PAGE_URL, title=text, sitename=text, entry_title=text)
    alert = alerts.build_alert(article, verdict)
    line = alerts.summary(alert)
    assert isinstance(line, str)
    alerts.dumps(alert).encode("utf-8")
    return "ok"


# --- corpora ----------------------------------------------------------------------------------------


def feed_files() -> list[Path]:
    return sorted(path for path in FEEDS.iterdir() if path.name != "INDEX.tsv")


def page_files() -> list[Path]:
    return sorted(PAGES.glob("*.html.gz"))


def _seed(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


#: Seeds are capped at 64 KB: mutating a 1.6 MB feed costs a second per mutant and finds nothing
#: that its first 64 KB does not (test_feeds.py parses the whole files; bench/fuzz.py mutates them).
FEED_CORPUS = [path.read_bytes()[:64_000] for path in feed_files()] if FEEDS.is_dir() else []
#: Every 20th page: nine pages of several sites and languages.
PAGE_SAMPLE = page_files()[::20] if PAGES.is_dir() else []


def _describe(name: str, index: int, ops: list[str]) -> str:
    return f"{name} mutant #{index} ({' + '.join(ops)}); replay with bench/fuzz.py --replay"


# --- tests ------------------------------------------------------------------------------------------

FEED_MUTANTS = 3  # per feed file: 59 files


def test_corpora_are_there() -> None:
    assert len(FEED_CORPUS) == 59
    assert len(PAGE_SAMPLE) >= 9


@pytest.mark.parametrize("path", feed_files(), ids=lambda p: p.name)
def test_mutated_feeds_parse_or_are_refused(path: Path) -> None:
    rng = random.Random(_seed(path.name))
    data = path.read_bytes()[:64_000]
    for index in range(FEED_MUTANTS):
        mutant, ops = mutate(rng, data, FEED_CORPUS)
        try:
            run_feed(mutant)
        except Exception as exc:
            raise AssertionError(_describe(path.name, index, ops)) from exc


PAGE_MUTANTS = 6  # per sampled page


@pytest.mark.parametrize("path", PAGE_SAMPLE, ids=lambda p: p.name[:16])
def test_mutated_pages_extract_or_fail_cleanly(path: Path) -> None:
    rng = random.Random(_seed(path.name))
    data = gzip.decompress(path.read_bytes())
    corpus = [data, *FEED_CORPUS[:5]]
    for index in range(PAGE_MUTANTS):
        mutant, ops = mutate(rng, data, corpus)
        charset = rng.choice([None, None, "utf-8", "latin-1", "utf-7", "unicode_escape", "x-bogus", "utf-16"])
        try:
            run_page(mutant, charset)
        except Exception as exc:
            raise AssertionError(_describe(path.name, index, [*ops, f"charset={charset}"])) from exc


def test_decode_html_never_raises_on_mutants() -> None:
    rng = random.Random(20240601)
    corpus = [gzip.decompress(p.read_bytes())[:20_000] for p in PAGE_SAMPLE]
    for index in range(300):
        mutant, ops = mutate(rng, rng.choice(corpus), corpus)
        charset = rng.choice([None, *(label.decode("latin-1") for label in CHARSETS)])
        try:
            decode_html(mutant, charset).encode("utf-8")  # a str, without lone surrogates
        except Exception as exc:
            raise AssertionError(_describe("decode_html", index, [*ops, f"charset={charset!r}"])) from exc


#: Casualty sentences: constructed ones, and the paragraphs of the seed article.
TEXT_CORPUS = [
    b"A suicide bomber killed 41 people and injured more than 80 in Kabul on Tuesday.",
    b"Militants at a fake checkpoint killed a police chief and his son; no one else was hurt.",
    b"Three soldiers were killed and dozens wounded, including two children, police said.",
    b"The death toll rose to forty-one as two gunmen killed 5 villagers while 12 others were injured.",
    *(
        paragraph.encode("utf-8")
        for paragraph in (DATA / "seed" / "isis-guerrilla-attacks.txt")
        .read_text(encoding="utf-8")
        .split("\n\n")
        if len(paragraph) > 40
    ),
]
#: The classifier hands the casualty parser sentences of at most this many characters (its MAX_CHARS).
MAX_TEXT_CHARS = 60_000


def text_mutant(rng: random.Random, *, max_chars: int = MAX_TEXT_CHARS) -> tuple[str, list[str]]:
    """Hostile text: a casualty sentence mutated as bytes, then decoded loosely."""
    mutant, ops = mutate(rng, rng.choice(TEXT_CORPUS), TEXT_CORPUS)
    encoding = rng.choice(["utf-8", "latin-1", "utf-16-le"])
    return mutant.decode(encoding, errors="replace")[:max_chars], [*ops, encoding]


def _text_mutants(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [text_mutant(rng, max_chars=20_000)[0] for _ in range(count)]


def test_casualty_parser_never_raises_on_mutated_sentences() -> None:
    for text in _text_mutants(41, 150):
        run_casualties(text)


def test_alert_text_is_plain_whatever_the_input() -> None:
    for text in [*_text_mutants(80, 150), "\x00" * 10, "\ud800 lone surrogate", "\u202e" * 5, "a" * 100_000]:
        if "\ud800" in text:
            # A lone surrogate cannot come from decoded bytes; plain() must still not crash on it.
            assert alerts.plain(text, 50) == text[:50].strip()
            continue
        run_alert(text)


def is_note(path: Path) -> bool:
    """README.md, and the ``<crasher>.<ext>.txt`` notes bench/fuzz.py writes beside a crasher."""
    return path.suffix == ".md" or (path.suffix == ".txt" and len(path.suffixes) > 1)


def _fixture_target(path: Path) -> str:
    return path.name.split("-", 1)[0]


@pytest.mark.parametrize(
    "path", sorted(p for p in CRASHERS.glob("*") if not is_note(p)), ids=lambda p: p.name
)
def test_saved_crashers(path: Path) -> None:
    """Every input bench/fuzz.py or a past bug saved here still parses or fails cleanly."""
    body = path.read_bytes()
    target = _fixture_target(path)
    if target == "feed":
        run_feed(body)
    elif target == "page":
        run_page(body)
    elif target == "casualties":
        run_casualties(body.decode("utf-8"))
    elif target == "alert":
        run_alert(body.decode("utf-8"))
    else:
        raise AssertionError(
            f"unknown fixture target {target!r}: name files feed-*, page-*, casualties-*, alert-*"
        )
