"""Main-text extraction on real pages of ../shared/data/pages, and on pages that must fail."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from datetime import UTC
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.workers.errors import ExtractionFailed
from wirewatch.workers.extract import decode_html, extract

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PAGES = DATA / "pages"

#: Real pages (id prefix, language of the text): news, opinion, and non-English sites.
REAL_PAGES = [
    ("04a6711caa7c6875", "en"),  # New York Times opinion
    ("06e5123e4ef7cfb4", "en"),  # VentureBeat
    ("05844573ca7e1fba", "en"),  # Connecticut Post (AP)
    ("c82b3d1d540bbbd6", "ru"),
    ("85439e26c41c7590", "ja"),
    ("0ec95c7261d122f3", "ko"),
    ("3252222e61fe7898", "pt"),
]


def load_page(prefix: str) -> tuple[dict[str, str], bytes]:
    (meta,) = PAGES.glob(f"{prefix}*.json")
    record = json.loads(meta.read_text(encoding="utf-8"))
    return record, gzip.decompress((PAGES / f"{record['id']}.html.gz").read_bytes())


def shingle_f1(gold: str, predicted: str) -> float:
    """Word 4-gram shingle F1, as in bench/extract.py and the benchmark it reproduces."""

    def shingles(text: str) -> Counter[str]:
        tokens = re.findall(r"\w+", text)
        return Counter(
            " ".join(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i : i + 4]
        )

    expected, found = shingles(gold), shingles(predicted)
    tp = sum((expected & found).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(found.values()), tp / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def test_benchmark_pages_are_there() -> None:
    assert len(list(PAGES.glob("*.html.gz"))) == 181


@pytest.mark.parametrize(("prefix", "language"), REAL_PAGES)
def test_real_pages_give_the_article_text(prefix: str, language: str) -> None:
    record, html = load_page(prefix)
    page = extract(html, record["url"])
    assert shingle_f1(record["text"], page.text) >= 0.8
    assert page.title
    assert page.published is not None and page.published.tzinfo is UTC
    assert page.language in (language, None)


def test_metadata_of_a_news_page() -> None:
    record, html = load_page("06e5123e4ef7cfb4")
    page = extract(html, record["url"])
    assert page.title == "New York State Attorney General investigating WeWork and former CEO"
    assert page.sitename == "VentureBeat"
    assert page.language == "en"
    assert page.published is not None and page.published.date().isoformat() == "2019-11-18"


@pytest.mark.parametrize(
    "header", ["iso-8859-1", "windows-1251", "koi8-r", "shift_jis", "us-ascii", "x-no-such-charset", "utf-16"]
)
def test_lying_header_charset_on_utf8_page(header: str) -> None:
    record, html = load_page("c82b3d1d540bbbd6")
    page = extract(html, record["url"], charset=header)
    assert shingle_f1(record["text"], page.text) >= 0.95
    assert "летняя" in page.title


@pytest.mark.parametrize(
    ("prefix", "encoding", "header"),
    [
        ("c82b3d1d540bbbd6", "windows-1251", "utf-8"),  # header and <meta> both say UTF-8: both lie
        ("c82b3d1d540bbbd6", "koi8-r", None),
        ("85439e26c41c7590", "shift_jis", "utf-8"),
        ("0ec95c7261d122f3", "euc-kr", None),
        ("3252222e61fe7898", "iso-8859-1", "utf-8"),
    ],
)
def test_legacy_encodings_with_wrong_declarations_decode(
    tmp_path: Path, prefix: str, encoding: str, header: str | None
) -> None:
    record, html = load_page(prefix)
    path = tmp_path / "page.html"
    path.write_bytes(html.decode("utf-8").encode(encoding, errors="xmlcharrefreplace"))
    page = extract(path.read_bytes(), record["url"], charset=header)
    assert shingle_f1(record["text"], page.text) >= 0.8


def test_decode_html_order_of_evidence() -> None:
    cyrillic = "<html><head><meta charset='windows-1251'></head><body>Привет</body></html>"
    assert decode_html(cyrillic.encode("koi8-r"), "koi8-r").endswith("Привет</body></html>")  # header
    assert "Привет" in decode_html(cyrillic.encode("windows-1251"), None)  # <meta>
    assert decode_html("café".encode(), "iso-8859-1") == "café"  # UTF-8 beats a Latin-1 label
    assert decode_html("café".encode("latin-1"), "utf-8") == "café"  # invalid UTF-8: label ignored
    assert decode_html(b"\xef\xbb\xbfBOM", "latin-1") == "BOM"
    assert decode_html("é".encode("utf-16"), None) == "é"


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\x01\x02\x03" * 1000,
        b"\xff\xfe\x00\x00",
        bytes(random.Random(7).getrandbits(8) for _ in range(20_000)),
        b"<html><body>" + b"\x00" * 200 + b"text" * 200 + b"</body></html>",
    ],
    ids=["controls", "utf32-bom-only", "random", "nul-bytes"],
)
def test_binary_data_is_refused(body: bytes) -> None:
    with pytest.raises(ExtractionFailed):
        extract(body, "https://news.example.org/a")


def test_real_binary_formats_are_refused(tmp_path: Path) -> None:
    _, html = load_page("04a6711caa7c6875")
    gzipped = gzip.compress(html)  # a page served compressed without Content-Encoding
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    pdf = b"%PDF-1.7\n" + b"%\xe2\xe3\xcf\xd3\n" * 50
    for name, body in (("page.html.gz", gzipped), ("image.png", png), ("doc.pdf", pdf)):
        (tmp_path / name).write_bytes(body)
        with pytest.raises(ExtractionFailed):
            extract((tmp_path / name).read_bytes(), "https://news.example.org/" + name)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \r\n\t ",
        b"<html><head><title>Nothing</title></head><body></body></html>",
        b"<html><body><script>var a = 'lots of code here';" + b"x" * 5000 + b"</script></body></html>",
        b"<html><body><p>Too short.</p></body></html>",
        b"https://news.example.org/a-url-is-not-a-page",
    ],
    ids=["empty", "whitespace", "no-body", "script-only", "too-short", "a-url"],
)
def test_pages_without_main_text_fail(body: bytes) -> None:
    with pytest.raises(ExtractionFailed):
        extract(body, "https://news.example.org/a")


LABELS = ["utf-8", "latin-1", "shift_jis", "utf-16", "x-bogus", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=2000),
    st.one_of(st.none(), st.sampled_from(LABELS), st.text(max_size=12)),
)
def test_decode_html_never_raises(body: bytes, charset: str | None) -> None:
    assert isinstance(decode_html(body, charset), str)
