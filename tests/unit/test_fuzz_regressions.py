"""Regressions found by fuzzing (test_fuzz_parsers.py, test_entry_props.py, bench/fuzz.py).

Each test reads the saved input from ``tests/fixtures/fuzz/`` (see its README for provenance).
"""

from __future__ import annotations

from pathlib import Path

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
