"""Local servers and safety fences for the fetcher's tests (imported explicitly by test_fetch.py).

Everything listens on 127.0.0.1 and every test runs behind :func:`loopback_only`, so a regression in
the SSRF guard fails a test instead of sending a packet to a real private or metadata address.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wirewatch.config import Settings

Handler = Callable[[socket.socket], None]


def make_settings(**overrides: object) -> Settings:
    """Test settings: loopback allowed, short timeouts, a 1 MB cap; no .env file is read."""
    values: dict[str, object] = {
        "allowed_networks": ["127.0.0.0/8"],
        "connect_timeout": 2.0,
        "read_timeout": 5.0,
        "fetch_deadline": 10.0,
        "max_bytes": 1_000_000,
        "max_redirects": 5,
        "user_agent": "wirewatch-test/1.0",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Refuse (and record) every TCP connect to a non-loopback address made during a test."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else None
        try:
            loopback = host is not None and ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            loopback = False
        if not loopback and sock.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise ConnectionRefusedError(f"test fence: connect to {address!r} refused")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


class RawServer:
    """A threaded TCP server on 127.0.0.1 whose handler writes whatever bytes a test needs.

    For what a well-behaved HTTP server will not do: drip bytes, send 200 KB of headers, lie.
    ``connections`` counts accepted connections (to prove that none was made).
    """

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None = None) -> None:
        self.connections = 0
        self.bytes_sent = 0
        self.stop = threading.Event()
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer.connections += 1
                conn: socket.socket = self.request
                try:
                    if tls is not None:
                        conn = tls.wrap_socket(conn, server_side=True)
                    handler(conn)
                except OSError:
                    pass  # the client hung up: expected when it refuses what we send
                finally:
                    if conn is not self.request:
                        conn.close()  # the TLS socket took over the descriptor

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            block_on_close = False
            allow_reuse_address = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up mid-drip is the point of these tests

        self._server = _Server(("127.0.0.1", 0), _Handler)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str = "/", host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.bytes_sent += len(data)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


def read_request(conn: socket.socket) -> bytes:
    """Read one request head (up to the blank line)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def respond(body: bytes = b"<html>ok</html>", content_type: str = "text/html") -> Handler:
    """A handler that answers every request with one fixed 200 response."""

    def handler(conn: socket.socket) -> None:
        read_request(conn)
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + body)

    return handler


def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def self_signed_cert(directory: Path, name: str) -> tuple[Path, Path]:
    """A throwaway certificate for ``name`` (and its key), made with the openssl CLI."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl CLI not available")
    cert, key = directory / f"{name}.pem", directory / f"{name}.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
            "-addext", f"subjectAltName=DNS:{name}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@contextlib.contextmanager
def tls_server(cert: Path, key: Path, seen_sni: list[str | None]) -> Iterator[RawServer]:
    """A TLS server answering 200, recording the SNI name each client sent."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: seen_sni.append(name)  # type: ignore[assignment,misc,func-returns-value]
    with RawServer(respond(b"<html>secure</html>"), tls=context) as server:
        yield server
