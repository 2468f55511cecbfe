"""What the reliability suite and ``bench/chaos.py`` share: a news site that can misbehave, ways to
kill real worker processes, and a ledger that counts alerts per article.

Nothing here is a fake: the site is a real HTTP server on 127.0.0.1 serving real articles from
../shared/data (via :mod:`sitebuilder`), kills are real signals to real ``wirewatch worker``
processes, and the ledger reads the real Redis that the workers wrote.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis

from conftest import SHARED_DATA, service_env
from sitebuilder import SiteArticle, _render, load_articles
from wirewatch.workers import keys
from wirewatch.workers.feeds import article_id, canonical_url

#: Task time limit and visibility timeout of the suite's workers (seconds). The time limit must
#: cover the slowest task on a busy 2-core machine (a pool process's first classification took
#: 10-20 s before the classifier was loaded in the worker parent) with the soft limit at limit - 10;
#: the visibility timeout must exceed it, or a slow task would be handed to a second process while
#: it still runs.
TASK_TIME_LIMIT = 30
VISIBILITY_TIMEOUT = 35
MAX_DELIVERIES = 3
MAX_RETRIES = 2

STAGE_QUEUES = ("feeds", "fetch", "classify", "alerts")
#: Hash and index where the Redis transport keeps delivered-but-unacknowledged messages.
UNACKED = ("unacked", "unacked_index")
HOLD_LIMIT_S = 60.0  # a held request is served anyway after this (never hangs a test run)


@dataclass
class Page:
    path: str
    article: SiteArticle
    hold: int = 0  # the next `hold` requests wait until released
    poison: bool = False  # each request SIGKILLs the process that made it
    requester: int | None = None  # PID of the process whose request is being held
    arrived: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)


class NewsSite:
    """Feeds and article pages on a real local HTTP server, with per-page misbehaviour.

    Each article may be served under several URLs (``copies``), each a distinct article for
    wirewatch (its ID is a digest of the canonical URL). Feeds are added with :meth:`add_feed`.
    """

    def __init__(self, articles: list[SiteArticle], copies: int = 1) -> None:
        self.pages: dict[str, Page] = {}
        for copy in range(copies):
            for art in articles:
                path = f"/news/{art.slug}-{copy}.html"
                self.pages[path] = Page(path, art)
        self.feeds: dict[str, bytes] = {}
        self.hits: Counter[str] = Counter()
        self.kills: list[int] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                site._serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    # --- content ---------------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base + path

    def add_feed(self, name: str, paths: list[str]) -> str:
        """An RSS feed at /<name>.xml listing the given pages; returns its URL."""
        start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
        items = "".join(
            f"<item><title>{escape(self.pages[p].article.title)}</title><link>{self.url(p)}</link>"
            f'<guid isPermaLink="false">wire{p}</guid>'
            f"<pubDate>{format_datetime(start - timedelta(minutes=i))}</pubDate></item>"
            for i, p in enumerate(paths)
        )
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>reliability wire</title>"
            f"<link>{self.base}/</link><description>real articles</description>{items}</channel></rss>"
        )
        self.feeds[f"/{name}.xml"] = body.encode("utf-8")
        return self.url(f"/{name}.xml")

    def article_id(self, path: str) -> str:
        canonical = canonical_url(self.url(path))
        assert canonical is not None
        return article_id(canonical)

    def attack_ids(self, paths: list[str] | None = None) -> set[str]:
        """IDs of the pages labelled as attack reports (the alerts a correct run must produce)."""
        chosen = self.pages if paths is None else {p: self.pages[p] for p in paths}
        return {self.article_id(p) for p, page in chosen.items() if page.article.expect_attack}

    def add_page(self, article: SiteArticle) -> str:
        path = f"/news/{article.slug}.html"
        self.pages[path] = Page(path, article)
        return path

    # --- misbehaviour ------------------------------------------------------------------------------
    def hold(self, path: str, times: int = 1) -> Page:
        """The next ``times`` requests for ``path`` wait (arrival is signalled) until released."""
        page = self.pages[path]
        page.arrived.clear()
        page.released.clear()
        page.hold = times
        return page

    def release(self, path: str) -> None:
        page = self.pages[path]
        page.hold = 0
        page.released.set()

    def set_poison(self, path: str, poison: bool = True) -> None:
        self.pages[path].poison = poison

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.hits[path] += 1
        if path == "/robots.txt":
            return _respond(handler, b"User-agent: *\nAllow: /\n", "text/plain")
        if path in self.feeds:
            return _respond(handler, self.feeds[path], "application/rss+xml; charset=utf-8")
        page = self.pages.get(path)
        if page is None:
            return _respond(handler, b"not found", "text/plain", status=404)
        if page.poison:
            pid = socket_owner(handler.client_address[1], self.port)
            if pid is not None and pid != os.getpid():
                self.kills.append(pid)
                os.kill(pid, signal.SIGKILL)
            return None  # the requester is dead; the connection just closes
        if page.hold > 0:
            page.hold -= 1
            page.requester = socket_owner(handler.client_address[1], self.port)
            page.arrived.set()
            page.released.wait(HOLD_LIMIT_S)
        return _respond(handler, page.article.html, "text/html; charset=utf-8")

    def close(self) -> None:
        for page in self.pages.values():
            page.released.set()
        self.server.shutdown()
        self.server.server_close()


def _respond(handler: BaseHTTPRequestHandler, body: bytes, ctype: str, status: int = 200) -> None:
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except OSError:
        pass  # the client was killed while we answered


def long_report(min_chars: int = 30000) -> SiteArticle:
    """The seed article followed by labelled attack reports of dev.jsonl, at least ``min_chars``
    long: a real page whose classification takes seconds, so that a kill can land during it."""
    lines = (SHARED_DATA / "seed" / "isis-guerrilla-attacks.txt").read_text(encoding="utf-8").splitlines()
    parts = ["\n".join(lines[1:])]
    with open(SHARED_DATA / "labelled" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["label"] == 1:
                parts.append(row["text"])
            if sum(map(len, parts)) >= min_chars:
                break
    title = lines[0].strip()
    return SiteArticle("long-report", title, _render(title, "\n".join(parts), "2018-01-09"), True)


# --- processes -------------------------------------------------------------------------------------
def socket_owner(client_port: int, server_port: int) -> int | None:
    """PID of the local process whose TCP socket is 127.0.0.1:client_port -> :server_port (Linux /proc)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, remote = int(cols[1].rsplit(":", 1)[1], 16), int(cols[2].rsplit(":", 1)[1], 16)
            if (local, remote) == (client_port, server_port):
                inode = cols[9]
                break
        if inode:
            break
    if not inode:
        return None
    target = f"socket:[{inode}]"
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            for fd in os.listdir(f"/proc/{entry}/fd"):
                if os.readlink(f"/proc/{entry}/fd/{fd}") == target:
                    return int(entry)
        except OSError:
            continue
    return None


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (the prefork pool processes of a worker)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return sorted(found)


def kill_child(worker_pid: int, rng: random.Random | None = None, spare: int | None = None) -> int | None:
    """SIGKILL one prefork child of the worker (a random one when ``rng`` is given; never ``spare``)."""
    kids = [pid for pid in children(worker_pid) if pid != spare]
    if not kids:
        return None
    pid = rng.choice(kids) if rng else kids[0]
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return None
    return pid


def kill_group(worker_pid: int) -> None:
    """SIGKILL the worker's whole process group (master and children), as a host crash would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker_pid, signal.SIGKILL)


def send(broker_url: str, task: str, *args: str, queue: str, task_id: str | None = None) -> None:
    """Put one task message on a queue, as a producer would (``task_id`` fixes the message ID)."""
    from celery import Celery

    sender = Celery("wirewatch-reliability", broker=broker_url)
    try:
        sender.send_task(task, args=list(args), queue=queue, task_id=task_id)
    finally:
        sender.close()


# --- the ledger ------------------------------------------------------------------------------------
@dataclass
class Ledger:
    """What Redis says happened to a set of articles."""

    expected: set[str]
    stream: Counter[str]
    states: dict[str, str]
    verdicts: dict[str, bool]

    @property
    def found(self) -> int:
        return sum(1 for i in self.expected if self.stream[i] >= 1)

    @property
    def duplicates(self) -> int:
        return sum(n - 1 for n in self.stream.values() if n > 1)

    @property
    def lost(self) -> set[str]:
        return {i for i in self.expected if self.stream[i] == 0}

    @property
    def unexpected(self) -> set[str]:
        return {i for i in self.stream if i not in self.expected}

    @property
    def unsettled(self) -> dict[str, str]:
        return {i: s for i, s in self.states.items() if s not in ("classified", "failed")}

    def row(self) -> dict[str, int]:
        return {
            "expected": len(self.expected),
            "found": self.found,
            "duplicates": self.duplicates,
            "lost": len(self.lost),
            "unexpected": len(self.unexpected),
            "unsettled": len(self.unsettled),
        }


def ledger(client: redis.Redis, ids: set[str], expected: set[str] | None = None) -> Ledger:
    """Count alerts per article. ``expected`` defaults to the articles whose stored verdict is an
    attack (the pipeline's own classification: what it must alert, once)."""
    stream: Counter[str] = Counter()
    for _entry, fields in client.xrange(keys.ALERTS_STREAM):
        stream[_text(fields[b"id"] if b"id" in fields else fields["id"])] += 1
    states: dict[str, str] = {}
    verdicts: dict[str, bool] = {}
    for i in ids:
        raw = client.get(keys.article(i))
        if raw is None:
            states[i] = "missing"
            continue
        record = json.loads(raw)
        states[i] = record["state"]
        verdicts[i] = bool((record.get("verdict") or {}).get("is_attack"))
    if expected is None:
        expected = {i for i, attack in verdicts.items() if attack}
    return Ledger(set(expected), stream, states, verdicts)


def assert_exactly_once(client: redis.Redis, site: NewsSite, paths: list[str], log: str = "") -> Ledger:
    """Every article classified, each one classified as an attack alerted exactly once, nothing else
    alerted, and every page labelled as an attack report among them."""
    ids = {site.article_id(p) for p in paths}
    book = ledger(client, ids)
    n = len(book.expected)
    assert book.row() == {
        "expected": n,
        "found": n,
        "duplicates": 0,
        "lost": 0,
        "unexpected": 0,
        "unsettled": 0,
    }, (book.row(), book.states, log[-4000:])
    assert all(state == "classified" for state in book.states.values()), book.states
    assert site.attack_ids(paths) <= book.expected, "a labelled attack report was not classified as one"
    return book


def quiet(client: redis.Redis) -> bool:
    """No task waiting in a stage queue and none delivered but unacknowledged: nothing more can run."""
    return all(client.llen(q) == 0 for q in STAGE_QUEUES) and client.hlen(UNACKED[0]) == 0


def settled(client: redis.Redis, ids: set[str], expected: set[str] | None = None) -> bool:
    """Every article classified or failed, every expected alert written, and the broker quiet."""
    try:
        book = ledger(client, ids, expected)
        return not book.unsettled and not book.lost and quiet(client)
    except redis.exceptions.ConnectionError:
        return False


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


# --- fixtures and settings ---------------------------------------------------------------------------
def reliability_env(redis_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """Worker environment: short visibility timeout above the time limit, few retries/deliveries."""
    settings = {
        "WIREWATCH_TASK_TIME_LIMIT": str(TASK_TIME_LIMIT),
        "WIREWATCH_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "WIREWATCH_MAX_DELIVERIES": str(MAX_DELIVERIES),
        "WIREWATCH_MAX_RETRIES": str(MAX_RETRIES),
    }
    return service_env(redis_url, data_dir, **{**settings, **extra})


@pytest.fixture(name="news_site")
def news_site_fixture():  # type: ignore[no-untyped-def]
    """Factory: news_site(copies=1) -> NewsSite serving the end-to-end manifest's real articles."""
    sites: list[NewsSite] = []

    def _make(copies: int = 1) -> NewsSite:
        site = NewsSite(load_articles(), copies=copies)
        sites.append(site)
        return site

    yield _make
    for site in sites:
        site.close()
