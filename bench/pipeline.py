"""End-to-end throughput and latency of the pipeline on this machine, against its own limit.

A local HTTP server serves N feeds built from the real news pages in ../shared/data/pages (each
page under several URLs so that N feeds x M items are distinct articles). A real redis-server and
a real `wirewatch worker` (prefork, one process per core) process them. In the same run, each
stage's cost is measured alone in this process (fetch from the local server, extraction,
classification), which gives the rate the stage costs allow on this machine's cores;
``limit_ratio`` is the end-to-end rate divided by that limit.

Usage: python bench/pipeline.py [--quick] [--feeds N] [--items M]
Last line: one JSON object (articles_per_s, limit_ratio, latency_p50_s, latency_p99_s, ...).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import redis

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import WorkerProcess  # noqa: E402 - the tests' worker runner: start, wait ready, stop

PAGES = REPO.parent / "shared" / "data" / "pages"


def load_pages() -> list[bytes]:
    return [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("*.html.gz"))]


class Site:
    """Feeds /feed-<f>.xml, each listing M items /p/<f>/<i>.html served from the real pages."""

    def __init__(self, pages: list[bytes], feeds: int, items: int) -> None:
        self.pages, self.feeds, self.items = pages, feeds, items
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                body, ctype = site.route(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page_for(self, feed: int, item: int) -> bytes:
        return self.pages[(feed * self.items + item) % len(self.pages)]

    def feed(self, feed: int) -> bytes:
        now = format_datetime(datetime.now().astimezone())
        items = "".join(
            f"<item><title>Item {feed}-{i}</title><link>{self.base}/p/{feed}/{i}.html</link>"
            f"<guid>bench-{feed}-{i}</guid><pubDate>{now}</pubDate></item>"
            for i in range(self.items)
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench {feed}</title>'
            f"<link>{self.base}/</link>{items}</channel></rss>"
        ).encode()

    def route(self, path: str) -> tuple[bytes | None, str]:
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain"
        if path.startswith("/feed-"):
            return self.feed(int(path[6:].split(".")[0])), "application/rss+xml"
        if path.startswith("/p/"):
            _, _, feed, item = path.split("/")
            return self.page_for(int(feed), int(item.split(".")[0])), "text/html; charset=utf-8"
        return None, "text/plain"

    def urls(self) -> list[str]:
        return [f"{self.base}/feed-{f}.xml" for f in range(self.feeds)]


def stage_costs(site: Site, sample: int) -> dict[str, float]:
    """Seconds per article of each stage, measured alone in this process."""
    from wirewatch.config import Settings
    from wirewatch.workers.classify.classifier import Classifier
    from wirewatch.workers.extract import extract
    from wirewatch.workers.fetch import fetch

    settings = Settings(_env_file=None, allowed_networks=["127.0.0.0/8"])
    urls = [f"{site.base}/p/0/{i}.html" for i in range(sample)]
    t = time.perf_counter()
    results = [fetch(u, settings, kind="page") for u in urls]
    fetch_s = (time.perf_counter() - t) / sample
    t = time.perf_counter()
    texts = []
    for r in results:
        with contextlib.suppress(Exception):  # a page without main text still cost its time
            texts.append(extract(r.body, r.final_url, charset=r.charset))
    extract_s = (time.perf_counter() - t) / sample
    clf = Classifier.load()
    clf.classify(texts[0].text, texts[0].title)  # warm up lazy loads
    t = time.perf_counter()
    for page in texts:
        clf.classify(page.text, page.title)
    classify_s = (time.perf_counter() - t) / max(1, len(texts))
    return {"fetch_s": fetch_s, "extract_s": extract_s, "classify_s": classify_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small run (a few minutes)")
    parser.add_argument("--feeds", type=int, default=None)
    parser.add_argument("--items", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    feeds = args.feeds or (4 if args.quick else 10)
    items = args.items or (25 if args.quick else 50)
    total = feeds * items

    from wirewatch.workers.embedded import EmbeddedRedis

    pages = load_pages()
    site = Site(pages, feeds, items)
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    server = EmbeddedRedis(tmp / "redis")
    url = server.start()
    client = redis.Redis.from_url(url, decode_responses=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        WIREWATCH_REDIS_URL=url,
        WIREWATCH_ALLOWED_NETWORKS="127.0.0.0/8",
        WIREWATCH_DATA_DIR=str(tmp),
        WIREWATCH_LOG_LEVEL="INFO",
    )  # INFO: readiness is read from the log
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    print(
        f"bench: {feeds} feeds x {items} items = {total} articles from {len(pages)} real pages; "
        f"worker concurrency {args.concurrency} on {os.cpu_count()} cores"
    )
    costs = stage_costs(site, min(60, len(pages)))
    per_article = sum(costs.values())
    limit = args.concurrency / per_article
    for name, value in costs.items():
        print(
            f"  stage {name[:-2]:9s} {value * 1000:8.1f} ms/article alone  ({1 / value:8.1f}/s on one core)"
        )
    print(f"  limit from stage costs on {args.concurrency} processes: {limit:.1f} articles/s")

    worker = WorkerProcess(env, tmp / "worker.log", f"--concurrency={args.concurrency}")
    try:
        worker.wait_ready()
        # Start the clock when the feeds are handed over (the worker polls them at once).
        start = time.time()
        client.sadd("wirewatch:feeds", *site.urls())
        from celery import Celery

        sender = Celery("bench", broker=url)
        sender.send_task("wirewatch.poll_due", queue="feeds")
        deadline = start + (600 if args.quick else 3600)
        done: list[dict[str, object]] = []
        while time.time() < deadline:
            records = (
                [json.loads(v) for v in client.mget(list(client.scan_iter("wirewatch:article:*"))) if v]
                if client.exists("wirewatch:stats")
                else []
            )
            done = [r for r in records if r["state"] in ("classified", "failed")]
            if len(done) >= total:
                break
            time.sleep(0.5)
        end = max(
            datetime.fromisoformat(
                str(r.get("classified_at") or r.get("fetched_at") or r["discovered_at"])
            ).timestamp()
            for r in done
        )
        elapsed = end - start
        latencies = sorted(
            datetime.fromisoformat(str(r["classified_at"])).timestamp()
            - datetime.fromisoformat(str(r["discovered_at"])).timestamp()
            for r in done
            if r.get("classified_at")
        )
        stats = client.hgetall("wirewatch:stats")
    finally:
        worker.stop()
        server.stop()
        site.server.shutdown()
    rate = len(done) / elapsed
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    print(
        f"end to end: {len(done)} articles in {elapsed:.1f}s = {rate:.2f} articles/s "
        f"({rate / limit:.2f} of the stage-cost limit)"
    )
    print(f"latency discovery->classified: p50 {p50:.2f}s  p99 {p99:.2f}s   counters: {stats}")
    print(
        json.dumps(
            {
                "articles": len(done),
                "articles_per_s": round(rate, 3),
                "limit_articles_per_s": round(limit, 3),
                "limit_ratio": round(rate / limit, 3),
                "latency_p50_s": round(p50, 3),
                "latency_p99_s": round(p99, 3),
                "stage_ms": {k[:-2]: round(v * 1000, 2) for k, v in costs.items()},
                "concurrency": args.concurrency,
                "cores": os.cpu_count(),
            }
        )
    )


if __name__ == "__main__":
    main()
