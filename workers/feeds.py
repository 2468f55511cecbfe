"""Feed parsing: bytes of an RSS/Atom/RDF document -> normalised :class:`FeedEntry` records.

Pure: no network, no Redis. :func:`parse_feed` refuses entity declarations before feedparser sees
the document (XML bombs, XXE), hands feedparser only bytes (never a URL: it would download it),
and returns at most ``max_entries`` entries, in feed order, one per GUID and canonical URL.

:func:`canonical_url` is the identity of an article: the same story reached through a tracking
link, an upper-case host or a fragment gets the same :func:`article_id`.
"""

from __future__ import annotations

import html
import ipaddress
import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit
from xml.sax import SAXException

import feedparser
from courlan import scrub_url
from courlan.clean import clean_query

from .errors import NotAFeed, UnsafeXML
from .keys import digest
from .models import FeedEntry

MAX_URL_LENGTH = 2048
MAX_TITLE_CHARS = 500
MAX_SUMMARY_CHARS = 2000
MAX_GUID_CHARS = 1000

# --- canonical URLs ------------------------------------------------------------------------------

_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# RFC 3986 pchar plus "/": everything else in a path is percent-encoded.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _normalise_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group()[1:], 16))
    return char if char in _UNRESERVED else match.group().upper()


def _normalise_path(path: str) -> str:
    path = _BAD_ESCAPE.sub("%25", path)
    path = _ESCAPE.sub(_normalise_escape, path)
    path = quote(_remove_dot_segments(path), safe=_PATH_SAFE)
    return path or "/"


def _remove_dot_segments(path: str) -> str:
    """RFC 3986, section 5.2.4 (``/a/b/../c/./d`` -> ``/a/c/d``)."""
    output: list[str] = []
    for segment in path.split("/")[1:] if path.startswith("/") else path.split("/"):
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    last = path.rsplit("/", 1)[-1]
    trailing = "/" if last in (".", "..") and output else ""
    return "/" + "/".join(output) + trailing


def _normalise_host(host: str) -> str | None:
    host = host.rstrip(".")
    if not host:
        return None
    try:
        return str(ipaddress.IPv4Address(host))
    except ValueError:
        pass
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.lower()
    labels = host.split(".")
    # A numeric last label is an IPv4 shorthand ("127.1", "0x7f000001") that resolvers read as
    # an address: refused. Single-label names ("localhost", intranet hosts) are kept; which
    # addresses may be fetched is the fetcher's decision, not this function's.
    if len(host) > 253 or _NUMERIC_LABEL.match(labels[-1]):
        return None
    if not all(_HOST_LABEL.match(label) for label in labels):
        return None
    return host


def _canonical_once(url: str) -> str | None:
    if "\\" in url or any(ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # bad port or bracketed host
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or parts.username is not None or parts.password is not None:
        return None
    hostname = parts.hostname or ""
    if "[" in parts.netloc:
        try:
            host = f"[{ipaddress.IPv6Address(hostname).compressed}]"
        except ValueError:
            return None
    else:
        normalised = _normalise_host(hostname)
        if normalised is None:
            return None
        host = normalised
    if port == 0:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = clean_query(parts.query)  # courlan: drops utm_*, fbclid, gclid..., sorts the rest
    canonical = urlunsplit((scheme, netloc, _normalise_path(parts.path), query, ""))
    return canonical if len(canonical) <= MAX_URL_LENGTH else None


def _scrub(url: str) -> str:
    # courlan's scrubbing removes markup rests, "&amp;" and doubled URLs one layer at a time.
    for _ in range(8):
        scrubbed = scrub_url(url)
        if scrubbed == url:
            break
        url = scrubbed
    return url


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (resolved against ``base``), or None if not a usable http(s) URL.

    Lower-case scheme and host (IDNA-encoded), no default port, no fragment, no credentials,
    dot segments resolved, percent-escapes normalised, tracking parameters dropped and the
    remaining query sorted. Idempotent: ``canonical_url(canonical_url(u)) == canonical_url(u)``.
    """
    if not isinstance(url, str) or len(url) > 4 * MAX_URL_LENGTH:
        return None
    url = _scrub(url.strip())
    if not url:
        return None
    if base:
        base_canonical = canonical_url(base)
        if base_canonical is not None:
            try:
                url = urljoin(base_canonical, url)
            except ValueError:
                return None
    try:
        canonical = _canonical_once(url)
        # Scrubbing looks at the whole string, so normalising can expose more to scrub
        # ("/&amp;?utm_source=" ends as "/&"): iterate to the fixed point of both.
        for _ in range(4):
            if canonical is None:
                return None
            again = _canonical_once(_scrub(canonical))
            if again == canonical:
                return canonical
            canonical = again
    except (ValueError, UnicodeError):
        return None
    return None


def article_id(canonical: str) -> str:
    """Stable 16-hex ID of an article, derived from its canonical URL."""
    return digest(canonical)


# --- XML safety ------------------------------------------------------------------------------------

_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # EBCDIC "<?xm"
)


def _ascii_view(body: bytes) -> bytes:
    """The document re-encoded so that markup is ASCII, for the byte-level safety scan."""
    for prefix, encoding in _BOMS:
        if body.startswith(prefix):
            return body.decode(encoding, errors="replace").encode("utf-8")
    return body


def check_xml_safety(body: bytes, *, url: str | None = None) -> None:
    """Raise :class:`UnsafeXML` if the document declares entities (internal or external).

    A feed has no use for entity declarations; they are how billion-laughs bombs and XXE reads
    work. The scan is over the whole document: a declaration after the root element is not
    well-formed XML, but feedparser's lenient parser must not be handed one either.
    """
    if _ENTITY_DECL.search(_ascii_view(body)):
        raise UnsafeXML("entity declaration in feed", url=url)


# --- entries -------------------------------------------------------------------------------------

_SCRIPT = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
_WHITESPACE = re.compile(r"\s+")
_TAG_OPEN = re.compile(r"<+(?=[A-Za-z/!?])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def plain_text(value: str, limit: int) -> str:
    """HTML or text -> one line of plain text: no tags or scripts, entities decoded, capped."""
    text = value or ""
    for _ in range(2):  # twice: escaped markup ("&lt;b&gt;") becomes markup once unescaped
        text = _TAG.sub(" ", _COMMENT.sub(" ", _SCRIPT.sub(" ", text)))
        text = html.unescape(text)
    # The last unescape can still make markup (escaped three times, or "&lt;script" without its
    # ">"): strip it, and let no "<" open a tag in text that someone may render as HTML.
    text = _TAG_OPEN.sub("", _TAG.sub(" ", _SCRIPT.sub(" ", text)))
    text = _WHITESPACE.sub(" ", _CONTROL.sub(" ", text)).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _published(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)  # not entry.get: its updated->published alias warns
        if isinstance(parsed, time.struct_time):
            try:
                return datetime(*parsed[:6], tzinfo=UTC)
            except (ValueError, OverflowError):
                continue
    return None


def _entry_url(entry: Any, base_url: str) -> str | None:
    candidates = [entry.get("link")]
    guid = entry.get("id")
    if isinstance(guid, str) and guid.strip().lower().startswith(("http://", "https://")):
        candidates.append(guid)
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            canonical = canonical_url(candidate, base=base_url)
            if canonical is not None:
                return canonical
    return None


def _summary(entry: Any) -> str:
    summary = entry.get("summary") or ""
    if not summary:
        for content in entry.get("content") or ():
            if content.get("value"):
                summary = content["value"]
                break
    return plain_text(summary, MAX_SUMMARY_CHARS)


_ITEM_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")
_ITEM_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")


def _cap_items(body: bytes, max_entries: int) -> bytes:
    """Cut the items after the first ``max_entries`` out of the document before parsing it.

    feedparser spends about a millisecond per item, so a 10,000-item feed would hold a worker
    for seconds only to be truncated afterwards. Items are siblings: removing the span from the
    first surplus item's start tag to the last item's end tag keeps the document well-formed.
    Feeds in UTF-16/32 or EBCDIC are left whole (markup is not ASCII there).
    """
    if _ascii_view(body) is not body:
        return body
    starts = _ITEM_START.finditer(body)
    cut = None
    for index, match in enumerate(starts):
        if index == max_entries:
            cut = match.start()
            break
    if cut is None:
        return body
    last_end = None
    for last_end in _ITEM_END.finditer(body, cut):  # noqa: B007 - only the last one is needed
        pass
    if last_end is None:
        return body[:cut]
    return body[:cut] + body[last_end.end() :]


_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_NEL = "\x85".encode()  # U+0085 NEXT LINE in UTF-8


def _nel_read_once(body: bytes) -> bytes:
    """feedparser reads a C1 control as its windows-1252 glyph (U+0085 as "…"), except at the end
    of an element's text, where it first strips U+0085 as whitespace: the links "x\x85" and
    "x\x85?utm_source=rss" would become two articles. Reading U+0085 as "…" everywhere keeps a
    link and its tracked twin one article. Only in a UTF-8 document (declared so, or not at all)."""
    if _NEL not in body:
        return body
    declared = _DECLARED_ENCODING.match(body[:256].lstrip())
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    return body.replace(_NEL, "…".encode())


def parse_feed(
    body: bytes, base_url: str, *, content_type: str | None = None, max_entries: int = 2000
) -> list[FeedEntry]:
    """Parse a feed document into entries that have a usable http(s) link.

    Raises :class:`UnsafeXML` for entity declarations and :class:`NotAFeed` for documents that
    are not RSS, Atom or RDF (HTML pages, empty bodies). Ill-formed but recoverable feeds are
    read as far as feedparser can. Relative links resolve against ``xml:base`` or ``base_url``.
    """
    if not body or not body.strip():
        raise NotAFeed("empty document", url=base_url)
    check_xml_safety(body, url=base_url)
    # No content-location: feedparser would then also resolve GUIDs as URLs. Links that are still
    # relative after xml:base are resolved against base_url by canonical_url.
    headers = {"content-type": content_type} if content_type else {}
    try:
        parsed = feedparser.parse(_cap_items(_nel_read_once(body), max_entries), response_headers=headers)
    # A parser bug, not a feed (OverflowError: the loose parser's chr() of "&#99999999999999999999;").
    except (ValueError, TypeError, LookupError, RecursionError, OverflowError) as exc:
        raise NotAFeed(f"feed parser failed: {exc!r}", url=base_url) from exc
    if not parsed.entries:
        error = parsed.get("bozo_exception")
        if not parsed.get("version"):
            raise NotAFeed(f"not a feed: {error or 'no RSS, Atom or RDF root element'}", url=base_url)
        if isinstance(error, SAXException):  # an empty feed is fine, a broken one is reported
            raise NotAFeed(f"ill-formed feed, no entry readable: {error}", url=base_url)

    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        if len(entries) >= max_entries:
            break
        url = _entry_url(entry, base_url)
        if url is None:
            continue
        raw_guid = entry.get("id")
        guid = (raw_guid.strip()[:MAX_GUID_CHARS] or None) if isinstance(raw_guid, str) else None
        keys = {f"url:{url}"} | ({f"guid:{guid}"} if guid else set())
        if keys & seen:
            continue
        seen |= keys
        entries.append(
            FeedEntry(
                url=url,
                article_id=article_id(url),
                guid=guid,
                title=plain_text(entry.get("title") or "", MAX_TITLE_CHARS),
                published=_published(entry),
                summary=_summary(entry),
            )
        )
    return entries
