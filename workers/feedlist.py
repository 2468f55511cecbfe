"""The list of feeds to poll: a text file (one URL a line) or an OPML export from a feed reader.

The format is told by content, not by file name: an OPML file renamed ``feeds.txt`` still loads.
URLs are kept as written (only trimmed), duplicates dropped, first occurrence's order kept.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import NotAFeed, UnsafeXML

_OPML_ROOT = re.compile(rb"<opml[\s>]", re.IGNORECASE)
_HTTP = re.compile(r"^https?://", re.IGNORECASE)

log = logging.getLogger(__name__)


def _dedupe(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def parse_opml(body: bytes) -> list[str]:
    """The ``xmlUrl`` of every outline, nested ones included, in document order.

    Parsed with defusedxml: entity declarations and external references raise :class:`UnsafeXML`;
    a document that is not XML raises :class:`NotAFeed`.
    """
    # Editors leave a BOM or blank lines before the XML declaration; expat would refuse them.
    body = body.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    try:
        root: Element = fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXML(f"unsafe OPML: {exc!r}") from exc
    except ParseError as exc:
        raise NotAFeed(f"OPML is not well-formed XML: {exc}") from exc
    urls = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if _HTTP.match(url):
            urls.append(url)
    return _dedupe(urls)


def _parse_text(text: str) -> list[str]:
    urls = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # A comment may follow the URL after whitespace; "#" inside a URL is a fragment.
        url = re.split(r"\s+#", line, maxsplit=1)[0].strip()
        if _HTTP.match(url):
            urls.append(url)
        else:
            log.warning("feed list line %d is not an http(s) URL, skipped: %r", number, line[:200])
    return _dedupe(urls)


def load_feed_list(path: Path) -> list[str]:
    """Feed URLs from ``path``: OPML if the document's root is ``<opml>``, else a text list."""
    body = Path(path).read_bytes()
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and _OPML_ROOT.search(body[:65536]):
        return parse_opml(body)
    return _parse_text(body.decode("utf-8-sig", errors="replace"))
