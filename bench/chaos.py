"""Chaos run: a stream of real articles through real workers while workers and Redis are killed.

Each cycle publishes a new feed of fresh articles on a local HTTP server (real texts from
../shared/data: the seed article, labelled dev attack rows rendered as pages, and real news pages
and labelled non-attack rows), asks the pipeline to poll it, and injects one fault at a random
moment of the batch:

* ``child``: SIGKILL one or two prefork pool processes of the worker;
* ``group``: SIGKILL the whole worker (master and pool), then start a new worker;
* ``redis-term``: SIGTERM redis-server, start it again on the same port and data;
* ``redis-kill``: SIGKILL redis-server, start it again on the same port and data.

The expected alerts come from an oracle run in this process before the chaos starts: the same
extraction and classifier on the same pages, with no Redis, Celery or HTTP. After each cycle the
batch must settle (every article classified or failed, broker quiet); then the alert stream is
counted per article ID.

Usage: python bench/chaos.py [--cycles 24] [--batch 8] [--seed 1] [--max-minutes 18]
Prints one row per fault (runs, alerts expected, found, duplicates, lost); last line: JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import signal
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import redis

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "reliability")]

from harness import (  # noqa: E402
    VISIBILITY_TIMEOUT,
    NewsSite,
    kill_child,
    kill_group,
    ledger,
    quiet,
    reliability_env,
    send,
)

from conftest import SHARED_DATA, WorkerProcess  # noqa: E402
from sitebuilder import SiteArticle, _render  # noqa: E402
from wirewatch.workers import keys  # noqa: E402
from wirewatch.workers.embedded import EmbeddedRedis  # noqa: E402

FAULTS = ("child", "group", "redis-term", "redis-kill")


def stream_of_articles(count: int, rng: random.Random) -> list[SiteArticle]:
    """Seed article, labelled attack rows and non-attack texts (about 60/40), shuffled."""
    seed_file = SHARED_DATA / "seed" / "isis-guerrilla-attacks.txt"
    seed_lines = seed_file.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in (SHARED_DATA / "labelled" / "dev.jsonl").open(encoding="utf-8")]
    attacks = [r for r in rows if r["label"] == 1 and len(r["text"]) > 150]
    calm = [r for r in rows if r["label"] == 0 and len(r["text"]) > 150]
    rng.shuffle(attacks)
    rng.shuffle(calm)
    pages = sorted(SHARED_DATA.joinpath("pages").glob("*.html.gz"))
    rng.shuffle(pages)
    n_attack = int(count * 0.6) - 1
    n_pages = (count - n_attack - 1) // 2
    n_calm = count - n_attack - 1 - n_pages
    seed_title = seed_lines[0].strip()
    seed_body = _render(seed_title, "\n".join(seed_lines[1:]), "2018-01-09")
    out = [SiteArticle("seed", seed_title, seed_body, True)]
    for i, row in enumerate(attacks[:n_attack] + calm[:n_calm]):
        title = row["text"].strip().split(". ")[0][:90]
        body = _render(title, row["text"], "2020-01-01")
        out.append(SiteArticle(f"row-{i:03d}", title, body, bool(row["label"])))
    for path in pages[:n_pages]:
        meta = json.loads(path.with_name(path.name.replace(".html.gz", ".json")).read_text())
        body = gzip.decompress(path.read_bytes())
        out.append(SiteArticle(f"page-{path.name[:12]}", meta["title"], body, False))
    rng.shuffle(out)
    return out


def oracle(site: NewsSite) -> dict[str, bool]:
    """Article ID -> is an attack, by the same extraction and classifier run in this process."""
    from wirewatch.config import get_settings
    from wirewatch.tasks.resources import classifier
    from wirewatch.workers import extract
    from wirewatch.workers.errors import WirewatchError

    clf = classifier()
    limit = get_settings().max_classify_chars
    verdicts = {}
    for path, page in site.pages.items():
        try:
            cleaned = extract.extract(page.article.html, site.url(path), charset="utf-8")
        except WirewatchError:
            verdicts[site.article_id(path)] = False
            continue
        verdict = clf.classify(cleaned.text[:limit], cleaned.title or page.article.title)
        verdicts[site.article_id(path)] = verdict.is_attack
    return verdicts


class Chaos:
    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.workdir = workdir
        self.redis = EmbeddedRedis(workdir / "redis")
        self.workers: list[WorkerProcess] = []
        self.exits: list[str] = []  # why workers exited without being killed by us

    def supervise(self) -> None:
        """Restart the worker if it exited by itself, as docker compose and `wirewatch run` do."""
        worker = self.worker
        if worker.proc.poll() is None:
            return
        lines = [line for line in worker.log().splitlines() if "CRITICAL" in line or "Unrecoverable" in line]
        self.exits.append(lines[-1][:300] if lines else f"exit code {worker.proc.returncode}")
        print(f"worker exited by itself ({self.exits[-1]}); restarting it", file=sys.stderr, flush=True)
        self.start_worker()

    # --- processes -----------------------------------------------------------------------------
    @property
    def worker(self) -> WorkerProcess:
        return self.workers[-1]

    def start_worker(self) -> None:
        env = reliability_env(
            self.redis.url, self.workdir / "data", WIREWATCH_STALL_AFTER=str(2 * VISIBILITY_TIMEOUT)
        )
        worker = WorkerProcess(env, self.workdir / f"worker-{len(self.workers)}.log", "--concurrency=2")
        self.workers.append(worker)
        worker.wait_ready(180)

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.redis.url, decode_responses=True, socket_timeout=10)

    # --- faults --------------------------------------------------------------------------------
    def inject(self, fault: str) -> None:
        worker = self.worker
        if fault == "child":
            for _ in range(self.rng.choice((1, 2))):
                kill_child(worker.proc.pid, self.rng)
                time.sleep(self.rng.uniform(0.1, 1.5))
        elif fault == "group":
            kill_group(worker.proc.pid)
            worker.proc.wait()
            self.start_worker()
        else:
            assert self.redis.process is not None
            mark = len(worker.log())
            self.redis.process.send_signal(signal.SIGTERM if fault == "redis-term" else signal.SIGKILL)
            self.redis.process.wait()
            deadline = time.monotonic() + 60
            while "Connection to broker lost" not in worker.log()[mark:] and time.monotonic() < deadline:
                time.sleep(0.2)
            self.redis.start()

    # --- one cycle -------------------------------------------------------------------------------
    def cycle(self, k: int, fault: str, site: NewsSite, paths: list[str]) -> tuple[bool, int]:
        """Run one batch with one fault; (settled, articles still in the pipeline when it struck)."""
        client = self.client()
        ids = {site.article_id(p) for p in paths}
        feed_url = site.add_feed(f"batch-{k}", paths)
        send(self.redis.url, "wirewatch.poll_feed", feed_url, queue="feeds")
        # a random moment inside the batch: once a random number of its articles are done and
        # some are still in the pipeline (polled every 20 ms)
        target = self.rng.randint(0, len(paths) - 1)
        in_flight = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            book = ledger(client, ids, set())
            in_flight = len(book.unsettled)
            if len(ids) - in_flight >= target and (in_flight or not quiet(client)):
                break
            if not in_flight and quiet(client):
                break  # the batch finished before the moment came
            time.sleep(0.02)
        self.supervise()
        self.inject(fault)
        deadline = time.monotonic() + self.args.settle_timeout
        last_tick = 0.0
        while time.monotonic() < deadline:
            self.supervise()
            if time.monotonic() - last_tick > 10:  # the scheduler's tick, as `wirewatch beat` sends it
                try:
                    send(self.redis.url, "wirewatch.poll_due", queue="feeds")
                    last_tick = time.monotonic()
                except Exception:  # noqa: BLE001 - Redis may be restarting
                    pass
            try:
                book = ledger(client, ids, set())
                if not book.unsettled and quiet(client):
                    return True, in_flight
            except redis.exceptions.ConnectionError:
                pass
            time.sleep(0.5)
        return False, in_flight


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=24)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-minutes", type=float, default=18.0, help="stop starting new cycles after this")
    parser.add_argument("--settle-timeout", type=float, default=240.0)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop workers and Redis on the way out
    started = time.monotonic()
    rng = random.Random(args.seed)
    articles = stream_of_articles(args.cycles * args.batch, rng)
    site = NewsSite(articles)
    paths = list(site.pages)
    print(f"oracle: classifying {len(paths)} pages in-process...", file=sys.stderr, flush=True)
    expected_attack = oracle(site)
    labelled_attacks = sum(1 for p in paths if site.pages[p].article.expect_attack)
    with tempfile.TemporaryDirectory(prefix="wirewatch-chaos-") as tmp:
        chaos = Chaos(args, Path(tmp))
        chaos.redis.start()
        try:
            chaos.start_worker()
            plan = [FAULTS[i % len(FAULTS)] for i in range(args.cycles)]
            rng.shuffle(plan)
            done: list[tuple[str, list[str], int]] = []
            for k, fault in enumerate(plan):
                if (time.monotonic() - started) / 60 > args.max_minutes:
                    print(f"time budget reached after {k} cycles", file=sys.stderr)
                    break
                batch = paths[k * args.batch : (k + 1) * args.batch]
                t0 = time.monotonic()
                ok, in_flight = chaos.cycle(k, fault, site, batch)
                done.append((fault, batch, in_flight))
                print(
                    f"cycle {k + 1:2d} {fault:10s} in flight at the fault: {in_flight}/{len(batch)} "
                    f"settled={ok} {time.monotonic() - t0:5.1f}s",
                    file=sys.stderr,
                    flush=True,
                )
            client = chaos.client()
            rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            all_ids: set[str] = set()
            for fault, batch, in_flight in done:
                ids = {site.article_id(p) for p in batch}
                all_ids |= ids
                expected = {i for i in ids if expected_attack[i]}
                book = ledger(client, ids, expected)
                row = rows[fault]
                row["runs"] += 1
                row["mid_batch"] += 1 if in_flight else 0
                row["in_flight"] += in_flight
                row["expected"] += len(expected)
                row["found"] += book.found
                row["duplicates"] += sum(book.stream[i] - 1 for i in ids if book.stream[i] > 1)
                row["lost"] += len(book.lost)
                row["unexpected"] += len(book.unexpected & ids)
                row["unsettled"] += len(book.unsettled)
                row["mismatch"] += sum(1 for i in ids if book.verdicts.get(i, False) != expected_attack[i])
            whole = ledger(client, all_ids, {i for i in all_ids if expected_attack[i]})
            dead = client.llen(keys.DEAD_LETTERS)
        finally:
            for worker in chaos.workers:
                worker.stop()
            chaos.redis.stop()
            site.close()
    cols = (
        "runs",
        "mid_batch",
        "in_flight",
        "expected",
        "found",
        "duplicates",
        "lost",
        "unexpected",
        "unsettled",
        "mismatch",
    )
    print(f"{'fault':12s} " + " ".join(f"{c:>10s}" for c in cols))
    for fault in FAULTS:
        if fault in rows:
            print(f"{fault:12s} " + " ".join(f"{rows[fault][c]:>10d}" for c in cols))
    total = {c: sum(rows[f][c] for f in rows) for c in cols}
    print(f"{'total':12s} " + " ".join(f"{total[c]:>10d}" for c in cols))
    summary = {
        "cycles": total["runs"],
        "faults_mid_batch": total["mid_batch"],
        "articles": len(all_ids),
        "labelled_attack_pages": labelled_attacks,
        "alerts_expected": total["expected"],
        "alerts_found": total["found"],
        "duplicates": total["duplicates"],
        "lost": total["lost"],
        "unexpected": total["unexpected"],
        "unsettled": total["unsettled"],
        "stream_entries": sum(whole.stream.values()),
        "dead_letters": dead,
        "worker_starts": len(chaos.workers),
        "worker_exits_by_themselves": len(chaos.exits),
        "worker_exit_reasons": chaos.exits,
        "per_fault": {f: dict(rows[f]) for f in FAULTS if f in rows},
        "wall_s": round(time.monotonic() - started, 1),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
