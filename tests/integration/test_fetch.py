"""The fetcher against real local servers: what it returns, and every way it refuses.

pytest-httpserver plays the well-behaved server; ``RawServer`` (conftest_fetch) the hostile one.
Every test runs behind a fence that refuses connects to non-loopback addresses, so a guard
regression shows up as a failure here, never as traffic to a private or metadata address.
"""

from __future__ import annotations

import socket
import ssl
import zlib
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from conftest_fetch import (
    RawServer,
    closed_port,
    loopback_only,
    make_settings,
    read_request,
    respond,
    self_signed_cert,
    tls_server,
)
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from wirewatch.workers import fetch as fetch_module
from wirewatch.workers import robots
from wirewatch.workers.errors import (
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
    Transient,
)
from wirewatch.workers.fetch import fetch

pytestmark = pytest.mark.integration

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def fence(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Connect attempts to non-loopback addresses (refused); tests assert it stays empty."""
    return loopback_only(monkeypatch)


def html(server: HTTPServer, path: str, body: str = "<html><p>ok</p></html>", **headers: str) -> None:
    server.expect_request(path).respond_with_data(
        body, content_type=headers.pop("content_type", "text/html; charset=utf-8"), headers=headers
    )


def redirect(server: HTTPServer, path: str, location: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_data("", status=status, headers={"Location": location})


# --- success ----------------------------------------------------------------------------------------
def test_page_200_returns_body_type_charset_and_validators(httpserver: HTTPServer) -> None:
    html(httpserver, "/article", ETag='"v1"', **{"Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT"})
    url = httpserver.url_for("/article")

    result = fetch(url, make_settings())

    assert result.status == 200
    assert result.url == result.final_url == url
    assert result.body == b"<html><p>ok</p></html>"
    assert (result.content_type, result.charset) == ("text/html", "utf-8")
    assert (result.etag, result.last_modified) == ('"v1"', "Tue, 01 Oct 2024 10:00:00 GMT")
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"] == "wirewatch-test/1.0"
    assert "If-None-Match" not in request.headers


def test_conditional_get_hit_returns_304_with_empty_body(httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/feed.xml", headers={"If-None-Match": '"v1"', "If-Modified-Since": "Tue, 01 Oct 2024 10:00:00 GMT"}
    ).respond_with_data("", status=304, headers={"ETag": '"v1"'})

    result = fetch(
        httpserver.url_for("/feed.xml"),
        make_settings(),
        kind="feed",
        etag='"v1"',
        last_modified="Tue, 01 Oct 2024 10:00:00 GMT",
    )

    assert result.status == 304 and result.not_modified
    assert result.body == b""
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 01 Oct 2024 10:00:00 GMT"


def test_conditional_get_miss_returns_new_body_and_etag(httpserver: HTTPServer) -> None:
    html(httpserver, "/feed.xml", "<rss/>", content_type="application/rss+xml", ETag='"v2"')

    result = fetch(httpserver.url_for("/feed.xml"), make_settings(), kind="feed", etag='"v1"')

    assert (result.status, result.body, result.etag) == (200, b"<rss/>", '"v2"')
    assert httpserver.log[0][0].headers["If-None-Match"] == '"v1"'


@pytest.mark.parametrize("etag", ['"caf\u00e9"', '"a"\r\nX-Injected: 1', "\u2603"])
def test_unsendable_stored_validators_are_dropped(httpserver: HTTPServer, etag: str) -> None:
    html(httpserver, "/feed.xml", "<rss/>", content_type="application/rss+xml")

    result = fetch(httpserver.url_for("/feed.xml"), make_settings(), kind="feed", etag=etag)

    assert result.status == 200
    assert "If-None-Match" not in httpserver.log[0][0].headers


def test_name_is_resolved_once_and_sent_as_host_header(httpserver: HTTPServer) -> None:
    """The connection goes to the checked address; the server still sees the real name."""
    html(httpserver, "/a")
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # a rebinding DNS server's second answer
    calls: list[tuple[str, int]] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append((host, port))
        return next(answers)

    url = f"http://news.example.com:{httpserver.port}/a"
    result = fetch(url, make_settings(), resolver=rebinding)

    assert result.body == b"<html><p>ok</p></html>"
    assert calls == [("news.example.com", httpserver.port)]
    assert httpserver.log[0][0].headers["Host"] == f"news.example.com:{httpserver.port}"


def test_next_address_is_tried_when_connecting_fails(httpserver: HTTPServer) -> None:
    html(httpserver, "/a")
    url = f"http://news.example.com:{httpserver.port}/a"

    # Nothing listens on 127.0.0.2 (the test server is bound to 127.0.0.1 only).
    result = fetch(url, make_settings(), resolver=lambda host, port: ["127.0.0.2", "127.0.0.1"])

    assert result.status == 200


def test_redirect_chain_is_followed_to_its_end(httpserver: HTTPServer) -> None:
    redirect(httpserver, "/old", "/moved", 301)
    redirect(httpserver, "/moved", httpserver.url_for("/final?x=1"), 308)
    html(httpserver, "/final", "<html>final</html>")

    result = fetch(httpserver.url_for("/old"), make_settings())

    assert result.url == httpserver.url_for("/old")
    assert result.final_url == httpserver.url_for("/final?x=1")
    assert result.body == b"<html>final</html>"


def test_cookies_set_by_one_hop_are_not_sent_to_the_next(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/login").respond_with_data(
        "", status=302, headers={"Location": "/next", "Set-Cookie": "session=secret; Path=/"}
    )
    html(httpserver, "/next")

    fetch(httpserver.url_for("/login"), make_settings())

    assert "Cookie" not in httpserver.log[1][0].headers


def test_proxy_environment_variables_are_ignored(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    html(httpserver, "/a")
    dead_proxy = f"http://127.0.0.1:{closed_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead_proxy)

    assert fetch(httpserver.url_for("/a"), make_settings()).status == 200


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("page", "text/html"),
        ("page", "application/xhtml+xml"),
        ("page", "text/plain"),
        ("feed", "application/rss+xml"),
        ("feed", "application/atom+xml"),
        ("feed", "text/xml"),
        ("feed", "application/xml"),
        ("feed", "text/html"),  # broken servers label feeds as HTML
        ("feed", "application/feed+json"),
        ("robots", "text/plain"),
    ],
)
def test_acceptable_content_types(httpserver: HTTPServer, kind: str, content_type: str) -> None:
    html(httpserver, "/x", "body", content_type=content_type)
    assert fetch(httpserver.url_for("/x"), make_settings(), kind=kind).body == b"body"  # type: ignore[arg-type]


def test_missing_content_type_is_accepted() -> None:
    def no_type(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody")

    with RawServer(no_type) as server:
        result = fetch(server.url("/"), make_settings())
    assert (result.body, result.content_type, result.charset) == (b"body", "", None)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "br"])
def test_compressed_bodies_are_decoded(httpserver: HTTPServer, encoding: str) -> None:
    text = b"<html>" + b"news " * 10_000 + b"</html>"
    body = compress(encoding, [text])
    header = "deflate" if encoding == "raw-deflate" else encoding
    httpserver.expect_request("/z").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": header}
    )

    assert fetch(httpserver.url_for("/z"), make_settings()).body == text


# --- HTTP errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 451])
def test_4xx_is_a_final_http_status_error(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    url = httpserver.url_for("/gone")

    with pytest.raises(HTTPStatusError) as caught:
        fetch(url, make_settings())

    assert caught.value.status == status
    assert caught.value.url == url
    assert not isinstance(caught.value, Transient)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_5xx_and_429_are_transient_server_errors(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/busy").respond_with_data("later", status=status)

    with pytest.raises(ServerError) as caught:
        fetch(httpserver.url_for("/busy"), make_settings())

    assert isinstance(caught.value, Transient)
    assert caught.value.url == httpserver.url_for("/busy")


def test_unsolicited_304_is_an_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/x").respond_with_data("", status=304)
    with pytest.raises(HTTPStatusError):
        fetch(httpserver.url_for("/x"), make_settings())


def test_connection_refused_is_transient() -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    with pytest.raises(ConnectionFailed) as caught:
        fetch(url, make_settings())
    assert caught.value.url == url
    assert isinstance(caught.value, Transient)


# --- redirects --------------------------------------------------------------------------------------
def test_redirect_loop_is_refused(httpserver: HTTPServer) -> None:
    redirect(httpserver, "/a", "/b")
    redirect(httpserver, "/b", "/a")

    with pytest.raises(TooManyRedirects, match="loop") as caught:
        fetch(httpserver.url_for("/a"), make_settings())

    assert caught.value.url == httpserver.url_for("/a")


def test_redirect_chain_longer_than_the_limit_is_refused(httpserver: HTTPServer) -> None:
    for n in range(4):
        redirect(httpserver, f"/{n}", f"/{n + 1}")
    html(httpserver, "/4")

    with pytest.raises(TooManyRedirects):
        fetch(httpserver.url_for("/0"), make_settings(max_redirects=3))
    assert fetch(httpserver.url_for("/0"), make_settings(max_redirects=4)).status == 200


@pytest.mark.parametrize(
    ("location", "error"),
    [
        ("http://169.254.169.254/latest/meta-data/iam/", BlockedAddress),
        ("http://[::1]/", BlockedAddress),
        ("http://[::ffff:169.254.169.254]/", BlockedAddress),
        ("http://10.0.0.1/admin", BlockedAddress),
        ("http://192.168.1.1/", BlockedAddress),
        ("http://metadata.google.internal/computeMetadata/v1/", BlockedAddress),
        ("http://2852039166/", BadURL),  # 169.254.169.254 as one decimal number
        ("file:///etc/passwd", BadURL),
        ("gopher://127.0.0.1:6379/_FLUSHALL", BadURL),
        ("http://user:pw@example.com/", BadURL),
    ],
)
def test_redirect_to_a_refused_target_is_refused(
    httpserver: HTTPServer, fence: list[object], location: str, error: type[Exception]
) -> None:
    redirect(httpserver, "/r", location)

    with pytest.raises(error) as caught:
        fetch(httpserver.url_for("/r"), make_settings())

    assert caught.value.url == httpserver.url_for("/r")  # type: ignore[attr-defined]
    assert "after 1 redirect" in str(caught.value)
    assert fence == []


# --- addresses ------------------------------------------------------------------------------------
def test_public_name_resolving_to_loopback_is_refused_without_connecting() -> None:
    with RawServer(respond()) as server:
        url = f"http://news.example.com:{server.port}/"
        with pytest.raises(BlockedAddress, match="127.0.0.1") as caught:
            fetch(url, make_settings(allowed_networks=[]), resolver=lambda host, port: ["127.0.0.1"])
        assert server.connections == 0
    assert caught.value.url == url


@pytest.mark.parametrize(
    "addresses",
    [
        ["10.1.2.3"],
        ["169.254.169.254"],
        ["fd00:ec2::254"],
        ["93.184.215.14", "192.168.0.10"],  # one public, one private
        ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::1"],
        ["93.184.215.14", "::ffff:10.0.0.1"],
    ],
)
def test_name_with_any_refused_address_is_refused(fence: list[object], addresses: list[str]) -> None:
    with pytest.raises(BlockedAddress):
        fetch("http://news.example.com/", make_settings(), resolver=lambda host, port: addresses)
    assert fence == []


def test_mixed_answer_is_refused_even_when_the_good_address_comes_first() -> None:
    with RawServer(respond()) as server:
        resolver = lambda host, port: ["127.0.0.1", "10.0.0.7"]  # noqa: E731
        with pytest.raises(BlockedAddress, match="10.0.0.7"):
            fetch(f"http://news.example.com:{server.port}/", make_settings(), resolver=resolver)
        assert server.connections == 0


@pytest.mark.parametrize(
    "host", ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.0.01"]
)
def test_legacy_ipv4_spellings_are_refused_not_normalised(host: str) -> None:
    """Even with 127.0.0.0/8 allowed: these spellings are BadURL, never connected to."""
    with RawServer(respond()) as server:
        with pytest.raises(BadURL, match="IPv4"):
            fetch(f"http://{host}:{server.port}/", make_settings())
        assert server.connections == 0


def test_ipv4_mapped_ipv6_is_judged_as_its_ipv4_address() -> None:
    with RawServer(respond()) as server:
        url = f"http://[::ffff:127.0.0.1]:{server.port}/"
        with pytest.raises(BlockedAddress, match="loopback"):
            fetch(url, make_settings(allowed_networks=[]))
        assert server.connections == 0


def test_metadata_address_is_refused_even_inside_allowed_networks(fence: list[object]) -> None:
    settings = make_settings(allowed_networks=["0.0.0.0/0", "::/0"])
    for url in ("http://169.254.169.254/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/"):
        with pytest.raises(BlockedAddress, match="metadata"):
            fetch(url, settings)
    assert fence == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com\\@127.0.0.1/",
        "http:\\\\example.com/",
        "http://user:pass@example.com/",
        "http://user@example.com/",
        "http://@example.com/",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "gopher://example.com/",
        "javascript:alert(1)",
        "//example.com/",
        "http:///example.com/",
        "http:example.com/",
        "http://",
        "http://exa mple.com/",
        "http://example.com/\r\nX-Injected: 1",
        "http://example.com/\t",
        "http://exam\u200bple.com/",
        "http://[fe80::1%25eth0]/",
        "http://example.com:0/",
        "http://example.com:99999/",
        "http://ex%61mple.com/",
        "",
    ],
)
def test_malformed_and_non_http_urls_are_bad_urls(fence: list[object], url: str) -> None:
    with pytest.raises(BadURL) as caught:
        fetch(url, make_settings())
    assert caught.value.url is not None
    assert fence == []


# --- size, time and type limits ----------------------------------------------------------------------
def fifty_megabytes(sent: list[int]) -> Iterator[bytes]:
    block = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
    for _ in range(50 * MB // len(block)):
        sent.append(len(block))
        yield block


@pytest.mark.parametrize("declare_length", [True, False])
def test_50mb_page_is_refused_without_reading_it(httpserver: HTTPServer, declare_length: bool) -> None:
    sent: list[int] = []

    def handler(request: Request) -> Response:
        headers = {"Content-Length": str(50 * MB)} if declare_length else {}
        return Response(fifty_megabytes(sent), content_type="text/html", headers=headers)

    httpserver.expect_request("/huge").respond_with_handler(handler)

    with pytest.raises(TooLarge):
        fetch(httpserver.url_for("/huge"), make_settings(max_bytes=1 * MB))

    assert sum(sent) < 25 * MB


def compress(encoding: str, blocks: Iterator[bytes] | list[bytes]) -> bytes:
    if encoding == "br":
        compressor = brotli.Compressor(quality=5)
        return b"".join(compressor.process(b) for b in blocks) + compressor.finish()
    wbits = {"gzip": 31, "deflate": 15, "raw-deflate": -15}[encoding]
    deflater = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return b"".join(deflater.compress(b) for b in blocks) + deflater.flush()


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    """200 MB of zeros in each encoding (gzip: ~200 KB, brotli: well under 1 KB)."""
    zeros = bytes(MB)
    return {enc: compress(enc, (zeros for _ in range(200))) for enc in ("gzip", "deflate", "br")}


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_compression_bomb_stops_at_the_decoded_cap(
    httpserver: HTTPServer, bombs: dict[str, bytes], encoding: str
) -> None:
    bomb = bombs[encoding]
    assert len(bomb) < 300 * 1024
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": encoding}
    )

    with pytest.raises(TooLarge, match="decoded"):
        fetch(httpserver.url_for("/bomb"), make_settings(max_bytes=5 * MB))


def test_slow_drip_body_hits_the_total_deadline() -> None:
    """Each byte arrives well within read_timeout; the whole body never does."""

    def drip(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        while not server.stop.wait(0.1):
            conn.sendall(b"x")

    with RawServer(drip) as server, pytest.raises(FetchTimeout, match="deadline") as caught:
        fetch(server.url("/"), make_settings(fetch_deadline=1.5, read_timeout=5.0))
    assert isinstance(caught.value, Transient)


def test_slow_drip_headers_hit_the_total_deadline() -> None:
    def drip(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while not server.stop.wait(0.1):
            conn.sendall(b"X-Drip: 1\r\n")

    with RawServer(drip) as server, pytest.raises(FetchTimeout, match="deadline"):
        fetch(server.url("/"), make_settings(fetch_deadline=1.5, read_timeout=5.0))


def test_silent_server_hits_the_read_timeout() -> None:
    def silent(conn: socket.socket) -> None:
        read_request(conn)
        server.stop.wait(10)

    with RawServer(silent) as server, pytest.raises(FetchTimeout):
        fetch(server.url("/"), make_settings(read_timeout=0.5))


def test_huge_response_headers_are_refused() -> None:
    def huge_headers(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * (300 * 1024) + b"\r\n\r\n"
        )

    with RawServer(huge_headers) as server, pytest.raises(TooLarge, match="headers"):
        fetch(server.url("/"), make_settings())


def test_garbage_instead_of_http_is_a_fetch_error() -> None:
    def garbage(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")

    with RawServer(garbage) as server, pytest.raises(FetchError, match="malformed"):
        fetch(server.url("/"), make_settings())


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("page", "application/octet-stream"),
        ("page", "image/png"),
        ("page", "application/pdf"),
        ("page", "application/rss+xml"),
        ("feed", "image/jpeg"),
        ("feed", "video/mp4"),
        ("feed", "application/octet-stream"),
        ("robots", "application/json"),
        ("robots", "image/gif"),
    ],
)
def test_binary_or_wrong_content_type_is_refused(
    httpserver: HTTPServer, kind: str, content_type: str
) -> None:
    httpserver.expect_request("/bin").respond_with_data(b"\x89PNG\r\n\x1a\n", content_type=content_type)

    with pytest.raises(BadContentType):
        fetch(httpserver.url_for("/bin"), make_settings(), kind=kind)  # type: ignore[arg-type]


def test_unknown_content_encoding_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/x").respond_with_data(
        b"??", content_type="text/html", headers={"Content-Encoding": "compress"}
    )
    with pytest.raises(BadContentType, match="encoding"):
        fetch(httpserver.url_for("/x"), make_settings())


def test_backend_refuses_addresses_netguard_did_not_approve() -> None:
    """Defence in depth: even a URL the guard never saw cannot open a socket elsewhere."""
    backend = fetch_module._GuardedBackend(fetch_module.Deadline(5))
    backend.permit("127.0.0.1")
    with RawServer(respond()) as server:
        with pytest.raises(BlockedAddress, match="unchecked"):
            backend.connect_tcp("127.0.0.2", server.port)
        with pytest.raises(BlockedAddress, match="unchecked"):
            backend.connect_tcp("localhost", server.port)
        backend.connect_tcp("127.0.0.1", server.port).close()


# --- TLS ------------------------------------------------------------------------------------------
@pytest.fixture()
def trust(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Make the fetcher trust the certificates a test appends to the yielded list."""
    certificates: list[Path] = []

    def context() -> ssl.SSLContext:
        ctx = ssl.create_default_context()
        for cert in certificates:
            ctx.load_verify_locations(cafile=str(cert))
        return ctx

    monkeypatch.setattr(fetch_module, "_ssl_context", context)
    yield certificates


def test_https_uses_the_real_name_for_sni_and_certificate(tmp_path: Path, trust: list[Path]) -> None:
    cert, key = self_signed_cert(tmp_path, "news.test")
    trust.append(cert)
    seen_sni: list[str | None] = []

    with tls_server(cert, key, seen_sni) as server:
        url = server.url("/a", host="news.test", scheme="https")
        result = fetch(url, make_settings(), resolver=lambda host, port: ["127.0.0.1"])

    assert result.body == b"<html>secure</html>"
    assert seen_sni == ["news.test"]


def test_https_certificate_for_another_name_is_refused(tmp_path: Path, trust: list[Path]) -> None:
    cert, key = self_signed_cert(tmp_path, "other.test")
    trust.append(cert)

    with tls_server(cert, key, []) as server:
        url = server.url("/a", host="news.test", scheme="https")
        with pytest.raises(ConnectionFailed, match="(?i)certificate"):
            fetch(url, make_settings(), resolver=lambda host, port: ["127.0.0.1"])


# --- robots.txt -----------------------------------------------------------------------------------
def test_robots_txt_is_fetched_and_obeyed(httpserver: HTTPServer) -> None:
    rules = "User-agent: *\nDisallow: /private/\n\nUser-agent: wirewatch-test\nDisallow: /no-bots/\n"
    httpserver.expect_request("/robots.txt").respond_with_data(rules, content_type="text/plain")
    page = httpserver.url_for("/no-bots/story.html")

    assert robots.robots_url(page) == httpserver.url_for("/robots.txt")
    body = fetch(robots.robots_url(page), make_settings(), kind="robots").body.decode()

    assert not robots.is_allowed(body, page, "wirewatch-test/1.0")
    assert robots.is_allowed(body, httpserver.url_for("/private/x"), "wirewatch-test/1.0")
    assert not robots.is_allowed(body, httpserver.url_for("/private/x"), "otherbot")
    assert robots.is_allowed(body, httpserver.url_for("/news/x"), "wirewatch-test/1.0")


@pytest.mark.parametrize("body", [None, "", "   \n", "\x00\xff<html>not robots</html>", "Disallow /"])
def test_missing_or_unparseable_robots_txt_allows(body: str | None) -> None:
    assert robots.is_allowed(body, "https://example.com/a", "wirewatch/0.1")


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Example.COM/a/b?c#d", "https://example.com"),
        ("https://example.com:443/a", "https://example.com"),
        ("http://example.com:80/a", "http://example.com"),
        ("http://example.com:8080/a", "http://example.com:8080"),
        ("http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080"),
        ("https://bücher.de/x", "https://xn--bcher-kva.de"),
        ("http://user:pw@example.com/", "http://example.com"),
    ],
)
def test_robots_origin_and_url(url: str, origin: str) -> None:
    assert robots.origin(url) == origin
    assert robots.robots_url(url) == origin + "/robots.txt"


def test_robots_origin_of_a_non_http_url_is_a_bad_url() -> None:
    with pytest.raises(BadURL):
        robots.origin("ftp://example.com/robots.txt")
