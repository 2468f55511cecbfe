"""Main-text extraction: bytes of a fetched page -> :class:`ExtractedPage`.

Pure: trafilatura is handed decoded text, never a URL (it would download it). The settings are
the ones that scored best on the 181-page benchmark in ``../shared/data/pages`` (run
``python bench/extract.py``): ``favor_precision`` without comments.
"""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime
from typing import Any

import chardet
import trafilatura
from trafilatura.settings import Document

from .errors import ExtractionFailed
from .models import ExtractedPage

#: Extracted text shorter than this is navigation or an error page, not an article.
MIN_TEXT_CHARS = 100
#: Keyword arguments of :func:`trafilatura.bare_extraction`; measured, see the module docstring.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
}
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}

_SNIFF_BYTES = 65536
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00asm",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",
    b"wOFF",
    b"wOF2",
    b"\x00\x01\x00\x00\x00",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: C0 controls other than tab, newline, form feed, carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*""", re.I)
_META_LANG = re.compile(
    r"""<meta[^>]+?(?:http-equiv\s*=\s*["']?content-language["']?[^>]+?content|"""
    r"""property\s*=\s*["']?og:locale["']?[^>]+?content)\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*""",
    re.I,
)
# Labels that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252 = {"ascii", "latin_1", "iso8859_1", "cp1252", "us_ascii", "iso8859_15"}
# Python codecs that are not web encodings: a page (or its server) naming one would have us turn
# "\u003cscript" or "+ADw-" into markup, make lone surrogates, or raise a plain UnicodeError.
_NOT_WEB = {"utf_7", "unicode_escape", "raw_unicode_escape", "punycode", "idna", "undefined"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    name = name.replace("-", "_")
    if name in _WINDOWS_1252:
        return "cp1252"
    if name in ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"):
        return None  # declared in an ASCII-compatible document: a lie (WHATWG reads it as UTF-8)
    if name in _NOT_WEB:
        return None
    return name


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeError, LookupError):  # UnicodeError: some codecs raise it, not its Decode subclass
        return None


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a few broken sequences (a truncated multi-byte character, one stray byte)."""
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - bad
    return bad <= 8 and multibyte >= 4 * bad


def decode_html(body: bytes, charset: str | None) -> str:
    """Decode a page: BOM, then header charset, then ``<meta>`` charset, then detection.

    A declaration is believed only if the bytes decode under it without error, and any
    declaration loses to bytes that are valid, non-ASCII UTF-8 (the usual lie of servers whose
    default charset is Latin-1). Never raises.
    """
    for bom, bom_encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(bom_encoding, errors="replace")
    utf8 = _strict(body, "utf-8")
    if utf8 is not None and not body.isascii():
        # Legacy-encoded text of any length is almost never valid UTF-8 by accident, while
        # UTF-8 pages labelled Latin-1 or windows-1251 by a server default are common.
        return utf8
    meta = _META_CHARSET.search(body[:_SNIFF_BYTES])
    for declared in (charset, meta.group(1).decode("ascii") if meta else None):
        encoding = _codec(declared)
        if encoding is None:
            continue
        text = _strict(body, encoding)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    if _mostly_utf8(body):
        return body.decode("utf-8", errors="replace")
    guess = chardet.detect(body[:_SNIFF_BYTES])
    encoding = _codec(guess.get("encoding")) or "cp1252"
    return body.decode(encoding, errors="replace")


def _looks_binary(body: bytes) -> bool:
    head = body[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if head.lstrip().startswith(_BINARY_MAGIC) or head[4:8] == b"ftyp":
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return head.count(0) > 0.001 * len(head) or controls > 0.02 * len(head)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _language(html: str) -> str | None:
    head = html[:_SNIFF_BYTES]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).lower() if match else None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def extract(body: bytes, url: str, *, charset: str | None = None) -> ExtractedPage:
    """Main text and metadata of one HTML page; :class:`ExtractionFailed` if it has none.

    ``url`` only informs metadata (site name, dates in the path); nothing is downloaded.
    """
    if not body or not body.strip():
        raise ExtractionFailed("empty page", url=url)
    if _looks_binary(body):
        raise ExtractionFailed("binary data, not HTML", url=url)
    html = _CONTROL_CHARS.sub("", decode_html(body, charset))
    if "<" not in html:
        raise ExtractionFailed("no markup in page", url=url)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
            **TRAFILATURA_OPTIONS,
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml on pathological markup
        raise ExtractionFailed(f"extraction error: {exc!r}", url=url) from exc
    if not isinstance(document, Document):  # None: trafilatura found nothing
        raise ExtractionFailed("no main text", url=url)
    text = (document.text or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionFailed(f"no main text ({len(text)} characters)", url=url)
    return ExtractedPage(
        title=_clean(document.title) or "",
        author=_clean(document.author),
        published=_parse_date(document.date),
        language=_language(html),
        sitename=_clean(document.sitename),
        text=text,
    )
