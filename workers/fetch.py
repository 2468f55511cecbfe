"""The one module that touches the network: a capped, deadline-bound, SSRF-guarded HTTP GET.

Every URL we fetch comes from someone else's feed, so every hop is treated as hostile:

* the URL is validated and its host resolved and checked by :mod:`.netguard`, on every redirect hop
  (redirects are followed here, not by httpx, so none escapes the check);
* the connection goes to the checked address itself (the URL's host is rewritten to it, the real
  name travels in ``Host`` and, for https, as TLS SNI and the certificate name), so a second DNS
  answer can never redirect it (DNS rebinding); the network backend refuses any other address;
* one wall-clock deadline covers connects, TLS, headers, redirects and body: every socket operation
  is given at most the time left and none starts after it, so neither a slow drip nor a stalled
  peer holds a worker. (Two bounds are not ours: a DNS lookup runs to the system resolver's timeout,
  the deadline being checked when it returns; and one TLS handshake call can outlast the time left
  by a few socket timeouts if the peer drips handshake bytes. The task time limit backstops both.)
* the body is decoded here, in bounded steps, and capped at ``max_bytes`` of *decoded* data, so a
  gzip or brotli bomb (brotli packs 256 MB of zeros into 400 bytes) stops at the cap;
* no proxies from the environment, no cookies kept between hops, no connection reuse (a pooled TLS
  connection must not serve another host name that shares its address).

Failures are raised as :mod:`.errors` classes carrying the URL; the caller logs and counts them.
"""

from __future__ import annotations

import functools
import http.cookiejar
import ipaddress
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from typing import Literal, Protocol

import brotli
import httpcore
import httpx

from wirewatch.config import Settings

from . import netguard
from .errors import (
    BadContentType,
    BadURL,
    BlockedAddress,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    ServerError,
    TooLarge,
    TooManyRedirects,
)
from .models import FetchResult
from .netguard import Resolver, Target

__all__ = ["Resolver", "fetch"]

Kind = Literal["feed", "page", "robots"]

_ACCEPT: dict[str, str] = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, */*;q=0.1",
    "page": "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5",
    "robots": "text/plain",
}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DECODE_STEP = 64 * 1024  # decoded bytes produced per step: the overshoot above max_bytes
# Bounded brotli output needs brotli >= 1.2 (``can_accept_more_data``); without it br is not offered.
_BROTLI_BOUNDED = hasattr(brotli.Decompressor, "can_accept_more_data")
_ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI_BOUNDED else "gzip, deflate"
_HTTPCORE_ERRORS = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ProxyError,
)


def fetch(
    url: str,
    settings: Settings,
    *,
    kind: Kind = "page",
    etag: str | None = None,
    last_modified: str | None = None,
    resolver: Resolver | None = None,
) -> FetchResult:
    """GET ``url`` safely; 200 (any 2xx, as served) with its body, or 304 for a conditional hit.

    Raises BadURL, BlockedAddress, TooLarge, TooManyRedirects, BadContentType, HTTPStatusError
    (4xx), ServerError (429/5xx), FetchTimeout, ConnectionFailed or FetchError (a malformed
    response), each with ``url`` set to the URL asked for; errors met after a redirect name the hop.
    """
    if kind not in _ACCEPT:
        raise ValueError(f"unknown fetch kind {kind!r}")
    deadline = Deadline(settings.fetch_deadline)
    try:
        with _Session(settings, deadline, resolver) as session:
            return session.get(url, kind, etag, last_modified)
    except FetchError as exc:
        if exc.url is None:
            exc.url = url
        raise
    except _HTTPCORE_ERRORS as exc:
        raise _translate(exc, deadline, url) from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(f"HTTP client error: {exc}", url=url) from exc


# --- deadline -------------------------------------------------------------------------------------
class Deadline:
    """One wall-clock budget for a whole fetch, shared by every socket operation."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._end - time.monotonic()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def message(self) -> str:
        return f"fetch deadline of {self.seconds:g}s exceeded"

    def check(self) -> None:
        if self.expired:
            raise FetchTimeout(self.message())

    def clamp(self, timeout: float | None, error: type[Exception]) -> float:
        """``timeout`` cut to the time left; ``error`` (an httpcore timeout) once none is left."""
        left = self.remaining()
        if left <= 0:
            raise error(self.message())
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read, write and TLS handshake ends by the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout), self._deadline)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """TCP only, only to the addresses netguard just approved, and within the deadline."""

    def __init__(self, deadline: Deadline) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline
        self._permitted: set[ipaddress.IPv4Address | ipaddress.IPv6Address] = set()

    def permit(self, address: str) -> None:
        self._permitted = {ipaddress.ip_address(address)}

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        if not netguard.is_ip(host) or ipaddress.ip_address(host) not in self._permitted:
            raise BlockedAddress(f"refusing to connect to unchecked address {host}")
        timeout = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise BlockedAddress("unix sockets are never connected to")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# --- transport ------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """Certificate-verifying TLS (certifi roots), built once: loading the roots costs milliseconds."""
    return httpx.create_ssl_context(verify=True, trust_env=False)


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx's HTTP/1.1 transport, but on :class:`_GuardedBackend` and without keep-alive.

    httpx.HTTPTransport cannot be given a network backend, hence this thin equivalent. httpcore
    errors pass through untranslated; :func:`_translate` maps them once, in :func:`fetch`.
    """

    def __init__(self, backend: _GuardedBackend) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_keepalive_connections=0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=backend,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class _RefuseAll(http.cookiejar.DefaultCookiePolicy):
    """Fetches are stateless: cookies set by one hop are never sent to the next."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False


# --- one fetch ------------------------------------------------------------------------------------
class _Session:
    """The client and redirect loop of one :func:`fetch` call."""

    def __init__(self, settings: Settings, deadline: Deadline, resolver: Resolver | None) -> None:
        self._settings = settings
        self._deadline = deadline
        self._resolver = resolver
        self._backend = _GuardedBackend(deadline)
        self._client = httpx.Client(
            transport=_GuardedTransport(self._backend),
            trust_env=False,
            follow_redirects=False,
            cookies=http.cookiejar.CookieJar(policy=_RefuseAll()),
            timeout=httpx.Timeout(
                connect=settings.connect_timeout,
                read=settings.read_timeout,
                write=settings.read_timeout,
                pool=settings.connect_timeout,
            ),
            headers={
                "User-Agent": settings.user_agent,
                "Accept-Encoding": _ACCEPT_ENCODING,
                "Connection": "close",
            },
        )

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._client.close()

    def get(self, url: str, kind: Kind, etag: str | None, last_modified: str | None) -> FetchResult:
        headers = {"Accept": _ACCEPT[kind]}
        if etag and _sendable(etag):
            headers["If-None-Match"] = etag
        if last_modified and _sendable(last_modified):
            headers["If-Modified-Since"] = last_modified
        seen: set[str] = set()
        hop_url = url
        for hop in range(self._settings.max_redirects + 1):
            seen.add(hop_url.partition("#")[0])
            try:
                next_url = self._hop(hop_url, kind, headers)
            except _HTTPCORE_ERRORS as exc:
                raise _at_hop(_translate(exc, self._deadline), url, hop, hop_url) from exc
            except FetchError as exc:
                raise _at_hop(exc, url, hop, hop_url) from exc.__cause__
            if isinstance(next_url, FetchResult):
                return next_url.model_copy(update={"url": url})
            if next_url.partition("#")[0] in seen:
                raise TooManyRedirects(f"redirect loop: {hop_url} -> {next_url}", url=url)
            hop_url = next_url
        raise TooManyRedirects(f"more than {self._settings.max_redirects} redirects", url=url)

    def _hop(self, url: str, kind: Kind, headers: dict[str, str]) -> FetchResult | str:
        """One request: a result, or the URL a redirect points to."""
        self._deadline.check()
        target = netguard.parse_url(url)
        response = self._send(target, headers)
        try:
            return _interpret(response, target, url, kind, headers, self._settings, self._deadline)
        finally:
            response.close()

    def _send(self, target: Target, headers: dict[str, str]) -> httpx.Response:
        addresses = netguard.resolve_and_check(
            target.host, target.port, self._settings.allowed_networks, self._resolver
        )
        self._deadline.check()
        extensions = {"sni_hostname": target.host} if target.scheme == "https" and target.ip is None else {}
        failure: Exception | None = None
        for address in addresses:  # the next address only when connecting failed: nothing was sent
            self._backend.permit(address)
            request = self._client.build_request(
                "GET",
                target.with_address(address),
                headers={**headers, "Host": target.host_header},
                extensions=extensions,
            )
            try:
                return self._client.send(request, stream=True)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise _translate(failure, self._deadline)


def _sendable(validator: str) -> bool:
    """Whether a stored validator can go back as a header (a server may have sent UTF-8 or junk).

    An unsendable one is dropped, costing one unconditional GET, rather than failing every poll.
    """
    return all(" " <= char <= "~" for char in validator)


def _at_hop(error: FetchError, url: str, hop: int, hop_url: str) -> FetchError:
    """The error as the caller's: ``url`` is what they asked for, the message names the hop."""
    error.url = url
    if hop:
        error.args = (f"{error.args[0]} [after {hop} redirect(s), at {hop_url}]", *error.args[1:])
    return error


def _interpret(
    response: httpx.Response,
    target: Target,
    url: str,
    kind: Kind,
    headers: dict[str, str],
    settings: Settings,
    deadline: Deadline,
) -> FetchResult | str:
    status = response.status_code
    if status in _REDIRECTS and response.headers.get("Location"):
        location = response.headers["Location"]
        netguard.check_url_characters(location)
        return str(target.url.join(location))
    if status == 304:
        if "If-None-Match" not in headers and "If-Modified-Since" not in headers:
            raise HTTPStatusError("304 Not Modified to an unconditional request", status=status)
        return FetchResult(
            url=url,
            final_url=url,
            status=304,
            etag=response.headers.get("ETag") or headers.get("If-None-Match"),
            last_modified=response.headers.get("Last-Modified") or headers.get("If-Modified-Since"),
        )
    if status == 429 or status >= 500:
        raise ServerError(f"server answered {status}")
    if not 200 <= status < 300:
        raise HTTPStatusError(f"server answered {status}", status=status)
    media_type, charset = parse_content_type(response.headers.get("Content-Type", ""))
    if not content_type_accepted(kind, media_type):
        raise BadContentType(f"{media_type!r} is not acceptable for a {kind}")
    return FetchResult(
        url=url,
        final_url=url,
        status=status,
        content_type=media_type,
        charset=charset,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        body=read_capped(response, settings.max_bytes, deadline),
    )


# --- body -----------------------------------------------------------------------------------------
def read_capped(response: httpx.Response, max_bytes: int, deadline: Deadline) -> bytes:
    """The decoded body, refused as soon as it (or its encoded form) exceeds ``max_bytes``."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"Content-Length {declared} exceeds the cap of {max_bytes} bytes")
    decoder = _decoder(response.headers.get("Content-Encoding", ""))
    parts: list[bytes] = []
    raw_size = size = 0
    for raw in response.iter_raw():
        raw_size += len(raw)
        if raw_size > max_bytes:
            raise TooLarge(f"body exceeds the cap of {max_bytes} bytes")
        for piece in decoder.feed(raw):
            size += len(piece)
            if size > max_bytes:
                raise TooLarge(f"decoded body exceeds the cap of {max_bytes} bytes")
            parts.append(piece)
        deadline.check()
    return b"".join(parts)


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data


class _Zlib:
    """gzip, or deflate (zlib-wrapped as the RFC says, or raw as some servers send it)."""

    def __init__(self, gzip: bool) -> None:
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16) if gzip else None
        self._head = b""

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            wrapped = (data[0] & 0x0F) == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        try:
            while not self._inflater.eof:  # bytes after the end of the stream are ignored
                out = self._inflater.decompress(data, _DECODE_STEP)
                data = self._inflater.unconsumed_tail
                if out:
                    yield out
                if not data and len(out) < _DECODE_STEP:
                    return
        except zlib.error as exc:
            raise FetchError(f"corrupt compressed body: {exc}") from exc


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._decompressor.process(data, output_buffer_limit=_DECODE_STEP)
            while out:
                yield out
                out = self._decompressor.process(b"", output_buffer_limit=_DECODE_STEP)
        except brotli.error as exc:
            raise FetchError(f"corrupt brotli body: {exc}") from exc


def _decoder(content_encoding: str) -> _Decoder:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise BadContentType(f"stacked content encodings {content_encoding!r} are not supported")
    if codings[0] in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if codings[0] == "deflate":
        return _Zlib(gzip=False)
    if codings[0] == "br" and _BROTLI_BOUNDED:
        return _Brotli()
    raise BadContentType(f"unsupported content encoding {content_encoding!r}")


# --- content types --------------------------------------------------------------------------------
def parse_content_type(value: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``'text/html; charset="UTF-8"'``; ``("", None)`` if absent."""
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


def content_type_accepted(kind: Kind, media_type: str) -> bool:
    """Whether a response of ``media_type`` is worth reading as ``kind``.

    A missing type is accepted (the parser decides). Feeds are judged generously because servers
    label them text/html, text/plain or application/xml as often as correctly; binary types
    (images, video, octet-stream, PDFs) are never feeds, pages or robots.txt.
    """
    if not media_type:
        return True
    major, _, minor = media_type.partition("/")
    if kind == "page":
        return media_type in ("text/html", "application/xhtml+xml", "text/plain")
    if kind == "robots":
        return major == "text"
    return major == "text" or minor in ("xml", "json", "feed+json") or minor.endswith("+xml")


# --- errors ---------------------------------------------------------------------------------------
def _translate(exc: Exception, deadline: Deadline, where: str | None = None) -> FetchError:
    """One httpcore error as the wirewatch error the caller counts."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpcore.TimeoutException):
        message = deadline.message() if deadline.expired else f"timed out ({type(exc).__name__})"
        return FetchTimeout(message, url=where)
    if isinstance(exc, httpcore.RemoteProtocolError):
        if "too long" in detail:  # h11's cap on the header block (100 KiB)
            return TooLarge(f"response headers too large: {detail}", url=where)
        if "disconnected" in detail or "peer closed" in detail:
            return ConnectionFailed(f"server closed the connection: {detail}", url=where)
        return FetchError(f"malformed HTTP response: {detail}", url=where)
    if isinstance(exc, httpcore.NetworkError):
        return ConnectionFailed(f"connection failed: {detail}", url=where)
    if isinstance(exc, httpcore.UnsupportedProtocol):
        return BadURL(f"unsupported protocol: {detail}", url=where)
    return FetchError(f"{type(exc).__name__}: {detail}", url=where)
