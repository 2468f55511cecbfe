"""Regressions found by fuzzing (test_fuzz_parsers.py, test_entry_props.py, bench/fuzz.py).

Each test reads the saved input from ``tests/fixtures/fuzz/`` (see its README for provenance).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.errors import NotAFeed
from wirewatch.workers.extract import decode_html, extract
from wirewatch.workers.feeds import parse_feed

CRASHERS = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
FEED_URL = "https://feeds.example.org/feed.xml"
PAGE_URL = "https://news.example.org/2024/06/01/story.html"


def test_titles_escaped_three_times_cut_off_or_with_controls_stay_plain() -> None:
    """Markup escaped three times, a "&lt;script" without its ">" and control characters used to
    reach entry titles as "<script>...", "<script" and "\\x01"."""
    body = (CRASHERS / "feed-title-markup-and-controls.xml").read_bytes()
    titles = [entry.title for entry in parse_feed(body, FEED_URL)]
    assert titles == [
        "Car bomb in Kabul",
        "Ambush near Kirkuk script",
        "Two killed in raid",
        "Police say img src=x onerror=alert(1)",
    ]


def test_a_punycode_charset_label_does_not_crash_extraction() -> None:
    """decode_html let the punycode codec's UnicodeError (not a UnicodeDecodeError) escape."""
    body = (CRASHERS / "page-crash-punycode-charset.html").read_bytes()
    for charset in (None, "punycode"):
        assert decode_html(body, charset).startswith("<html>")
        assert "police chief" in extract(body, PAGE_URL, charset=charset).text


def test_python_only_codecs_are_not_page_charsets() -> None:
    """A page labelled unicode_escape (or utf-7) had its escapes decoded into markup and lone surrogates."""
    body = (CRASHERS / "page-unicode-escape-charset.html").read_bytes()
    for charset in (None, "unicode_escape", "raw_unicode_escape", "utf-7", "idna"):
        text = decode_html(body, charset)
        assert "<script>" not in text and "\\u003cscript" in text
        text.encode("utf-8")  # no lone surrogate
        page = extract(body, PAGE_URL, charset=charset)
        page.model_dump_json()
        assert "police chief" in page.text


def test_casualty_parser_work_grows_linearly_with_sentence_length() -> None:
    """A 60,000-character sentence (the classifier's cap) took seconds to minutes: every number
    was tried against every cue. Work is counted in traced Python events, not timed."""
    text = (CRASHERS / "casualties-hang-repeated-sentence.txt").read_text(encoding="utf-8")

    def events(sample: str) -> int:
        count = 0

        def tracer(frame: object, event: str, arg: object) -> object:
            nonlocal count
            count += 1
            return tracer

        sys.settrace(tracer)
        try:
            parse_casualties(sample)
        finally:
            sys.settrace(None)
        return count

    small, large = events(text[:3000]), events(text[:12000])
    assert large < 6 * small, (small, large)  # linear: about 4x; the quadratic parser: 14x
    result = parse_casualties(text)
    assert result.killed is not None and result.injured is not None


def test_a_huge_character_reference_is_not_a_crash() -> None:
    """feedparser's loose parser raised OverflowError on "&#99999999999999999999;" in an ill-formed feed."""
    body = (CRASHERS / "feed-crash-huge-charref.xml").read_bytes()
    try:
        entries = parse_feed(body, FEED_URL)
    except NotAFeed:
        return
    assert all("<" not in entry.title for entry in entries)


def test_a_next_line_character_in_a_link_keeps_its_tracked_twin_one_article() -> None:
    """U+0085 (NEXT LINE) at the end of a link was stripped as whitespace, inside one read as "…"
    (windows-1252): "0\x85" and "0\x85?utm_source=rss" gave two articles."""
    body = (CRASHERS / "feed-nel-in-link.xml").read_bytes()
    entries = parse_feed(body, FEED_URL)
    assert len(entries) == 1
    assert len({entry.article_id for entry in entries}) == 1
