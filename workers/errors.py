"""The failure modes of the pipeline, as a small hierarchy.

Each class is one counted outcome (its ``code`` names the metric label and the counter in
``wirewatch status``). ``Transient`` errors are retried with backoff; the others are final for that
URL: retrying a 404 or an XML bomb only wastes the worker.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class. ``code`` is a short, stable label used in counters and logs."""

    code = "error"

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.url})" if self.url else base


class Transient(WirewatchError):
    """Mixin-like base for errors worth retrying (timeouts, 5xx, connection resets)."""

    code = "transient"


# --- fetching ------------------------------------------------------------------------------------
class FetchError(WirewatchError):
    code = "fetch_error"


class FetchTimeout(FetchError, Transient):
    code = "timeout"


class ConnectionFailed(FetchError, Transient):
    code = "connection_failed"


class ServerError(FetchError, Transient):
    """5xx or 429: the server may recover."""

    code = "server_error"


class HTTPStatusError(FetchError):
    """4xx other than 429: final."""

    code = "http_status"

    def __init__(self, message: str, *, url: str | None = None, status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


class BlockedAddress(FetchError):
    """The URL resolves to loopback, private, link-local, metadata or otherwise refused space."""

    code = "blocked_address"


class BadURL(FetchError):
    """Not http(s), or a URL that parsers may read differently (backslashes, credentials...)."""

    code = "bad_url"


class TooLarge(FetchError):
    code = "too_large"


class TooManyRedirects(FetchError):
    code = "too_many_redirects"


class BadContentType(FetchError):
    code = "bad_content_type"


class RobotsDisallowed(FetchError):
    code = "robots_disallowed"


# --- parsing -------------------------------------------------------------------------------------
class NotAFeed(WirewatchError):
    code = "not_a_feed"


class UnsafeXML(NotAFeed):
    """DTDs, entity declarations or external references: refused before feedparser sees them."""

    code = "unsafe_xml"


class ExtractionFailed(WirewatchError):
    """No main text could be extracted (binary data, empty page, script-only page)."""

    code = "extraction_failed"


# --- pipeline --------------------------------------------------------------------------------------
class MissingRecord(WirewatchError):
    """A task was handed an ID whose record expired or never existed."""

    code = "missing_record"
