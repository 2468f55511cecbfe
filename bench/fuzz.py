"""Long mutation fuzz of the parsers that read hostile input (the suite's test_fuzz_parsers.py, longer).

    python bench/fuzz.py --seconds 300 --crashers /tmp/fuzz-crashers
    python bench/fuzz.py --replay tests/fixtures/fuzz/*

Targets: ``feed`` (parse_feed on the 59 real feeds of ../shared/data/feeds, whole files), ``page``
(decode_html + extract on the 181 pages of ../shared/data/pages, with hostile charset labels),
``decode`` (decode_html alone), ``casualties`` (parse_casualties on mutated casualty sentences) and
``alert`` (alert building, plain() and summary() on the same text). The mutators and invariants are
those of tests/unit/test_fuzz_parsers.py. Case ``i`` of seed ``s`` is a pure function of ``(s, i)``.

A case fails if it raises anything but a WirewatchError, breaks an invariant, runs longer than
``--hang`` CPU seconds (a timer in the worker; a watchdog in this process kills a worker stuck in C
code) or exceeds ``--max-memory-mb``. Each failure is saved once per signature (target, exception
type, innermost frame in wirewatch) to the crashers folder as ``<target>-<kind>-<sha>.<ext>``, the
name tests/unit/test_fuzz_parsers.py::test_saved_crashers replays. Prints progress, the unique
exception types, the crashers, and a final JSON line.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing as mp
import queue
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "unit"))

import test_fuzz_parsers as fuzz  # noqa: E402

#: The fetcher's body cap: the largest input a parser can be handed in production.
MAX_BYTES = 4_000_000
TARGETS = {"feed": 4, "page": 2, "decode": 2, "casualties": 3, "alert": 1}
CHARSETS = [None, None, None, "utf-8", "latin-1", "windows-1251", "shift_jis", "utf-16", "x-bogus"] + [
    label.decode("latin-1") for label in fuzz.CHARSETS
]
EXTENSIONS = {"feed": "xml", "page": "html", "decode": "html", "casualties": "txt", "alert": "txt"}


class Hang(Exception):
    pass


def _corpora() -> dict[str, list[bytes]]:
    return {
        "feed": [path.read_bytes() for path in fuzz.feed_files()],
        "page": [gzip.decompress(path.read_bytes()) for path in fuzz.page_files()],
    }


def make_case(corpora: dict[str, list[bytes]], seed: int, i: int, targets: list[str]) -> dict[str, Any]:
    """Case ``i``: target, input and how it was made. Deterministic in (seed, i)."""
    rng = random.Random(f"{seed}:{i}")
    target = rng.choices(targets, weights=[TARGETS[t] for t in targets])[0]
    if target in ("casualties", "alert"):
        text, ops = fuzz.text_mutant(rng)
        return {
            "target": target,
            "data": text.encode("utf-8", errors="surrogatepass"),
            "ops": ops,
            "charset": None,
        }
    corpus = corpora["feed" if target == "feed" else "page"]
    base = rng.randrange(len(corpus))
    data, ops = fuzz.mutate(rng, corpus[base], corpus, max_bytes=MAX_BYTES)
    charset = rng.choice(CHARSETS) if target != "feed" else None
    return {"target": target, "data": data, "ops": [f"seed#{base}", *ops], "charset": charset}


def run_case(case: dict[str, Any]) -> str:
    target, data = case["target"], case["data"]
    if target == "feed":
        return fuzz.run_feed(data)
    if target == "page":
        return fuzz.run_page(data, case["charset"])
    if target == "decode":
        fuzz.decode_html(data, case["charset"]).encode("utf-8")
        return "ok"
    text = data.decode("utf-8", errors="surrogatepass")
    return fuzz.run_casualties(text) if target == "casualties" else fuzz.run_alert(text)


def _where(exc: BaseException) -> str:
    """The innermost frame in wirewatch (else the innermost frame): the crash's location."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/workers/" in f.filename] or frames
    frame = ours[-1] if ours else None
    return f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"


def save(folder: Path, case: dict[str, Any], kind: str, detail: str) -> Path:
    sha = hashlib.sha1(case["data"]).hexdigest()[:12]
    path = folder / f"{case['target']}-{kind}-{sha}.{EXTENSIONS[case['target']]}"
    path.write_bytes(case["data"])
    path.with_name(path.name + ".txt").write_text(
        json.dumps({k: case[k] for k in ("target", "ops", "charset")}) + "\n" + detail, encoding="utf-8"
    )
    return path


def worker(args: argparse.Namespace, start: int, current: Any, results: Any) -> None:
    """Run cases from ``start`` until the deadline; report counts and failures on ``results``."""
    if args.max_memory_mb:
        limit = args.max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang(f"over {args.hang} s")

    signal.signal(signal.SIGPROF, on_alarm)
    corpora = _corpora()
    targets = args.targets.split(",")
    outcomes: Counter[str] = Counter()
    slowest: list[tuple[float, int, str]] = []
    last_report = time.monotonic()
    i = start
    while i < args.iterations and time.time() < args.deadline:
        current.value = i
        case = make_case(corpora, args.seed, i, targets)
        began = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, args.hang)  # CPU time: load on a shared machine is no hang
        try:
            outcome = run_case(case)
            failure = None
        except Hang as exc:
            outcome, failure = "hang", ("hang", "Hang", exc)
        except AssertionError as exc:
            outcome, failure = "invariant", ("invariant", "AssertionError", exc)
        except MemoryError as exc:
            outcome, failure = "memory", ("memory", "MemoryError", exc)
        except Exception as exc:  # the bugs this bench looks for
            outcome, failure = "crash", ("crash", type(exc).__name__, exc)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        spent = time.process_time() - began
        outcomes[f"{case['target']}:{outcome}"] += 1
        slowest = sorted([*slowest, (round(spent, 3), i, case["target"])], reverse=True)[:5]
        if failure:
            kind, name, exc = failure
            detail = "".join(traceback.format_exception(exc))
            results.put(
                {
                    "failure": True,
                    "i": i,
                    "target": case["target"],
                    "kind": kind,
                    "type": name,
                    "where": _where(exc),
                    "case": case,
                    "detail": detail[-4000:],
                    "seconds": spent,
                }
            )
        i += 1
        if time.monotonic() - last_report > 2:
            results.put(
                {
                    "outcomes": dict(outcomes),
                    "slowest": slowest,
                    "next": i,
                    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                }
            )
            outcomes.clear()
            last_report = time.monotonic()
    results.put(
        {
            "outcomes": dict(outcomes),
            "slowest": slowest,
            "next": i,
            "done": True,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
    )


def replay(paths: list[Path]) -> int:
    failed = 0
    for path in paths:
        if fuzz.is_note(path):
            continue
        target = path.name.split("-", 1)[0]
        case = {"target": target, "data": path.read_bytes(), "charset": None}
        began = time.process_time()
        try:
            outcome = run_case(case)
        except Exception as exc:
            failed += 1
            outcome = f"FAILS {type(exc).__name__} at {_where(exc)}: {str(exc)[:200]}"
        print(f"{path.name}: {outcome} ({time.process_time() - began:.2f} s CPU)")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=None, help="stop after this many seconds")
    parser.add_argument("--iterations", type=int, default=1_000_000, help="stop after this many cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashers", type=Path, default=None, help="folder for failing inputs")
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--hang", type=float, default=10.0, help="CPU seconds one case may take")
    parser.add_argument("--max-memory-mb", type=int, default=3072, help="address-space limit of the worker")
    parser.add_argument("--replay", type=Path, nargs="+", help="run saved inputs and report each outcome")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    if args.crashers is None:
        parser.error("--crashers DIR is required (or --replay FILE...)")
    args.crashers.mkdir(parents=True, exist_ok=True)
    args.deadline = time.time() + args.seconds if args.seconds else float("inf")
    began = time.monotonic()

    corpora = _corpora()
    targets = args.targets.split(",")
    outcomes: Counter[str] = Counter()
    signatures: dict[tuple[str, str, str], dict[str, Any]] = {}
    exception_types: Counter[str] = Counter()
    slowest: list[tuple[float, int, str]] = []
    maxrss = 0
    restarts = 0
    start = 0
    ctx = mp.get_context("fork")

    def record(report: dict[str, Any]) -> None:
        key = (report["target"], report["kind"], f"{report['type']}@{report['where']}")
        exception_types[report["type"]] += 1
        if key not in signatures:
            path = save(args.crashers, report["case"], report["kind"], report["detail"])
            signatures[key] = {
                "target": key[0],
                "kind": key[1],
                "signature": key[2],
                "file": str(path),
                "first_case": report["i"],
                "count": 0,
            }
            print(f"  NEW {key[1]} in {key[0]}: {key[2]} (case {report['i']}) -> {path}", flush=True)
        signatures[key]["count"] += 1

    while start < args.iterations and time.time() < args.deadline:
        current = ctx.Value("q", start)
        results = ctx.Queue()
        proc = ctx.Process(target=worker, args=(args, start, current, results), daemon=True)
        proc.start()
        last_seen, last_index, finished = time.monotonic(), start, False
        while not finished:
            try:
                report = results.get(timeout=1.0)
            except queue.Empty:
                report = None
            if report is not None:
                if report.get("failure"):
                    record(report)
                else:
                    outcomes.update(report["outcomes"])
                    slowest = sorted({*slowest, *map(tuple, report["slowest"])}, reverse=True)[:5]
                    maxrss = max(maxrss, report["maxrss_mb"])
                    start = report["next"]
                    finished = bool(report.get("done"))
                    total = sum(outcomes.values())
                    print(
                        f"[{time.monotonic() - began:6.0f} s] {total} cases, {len(signatures)} crashers, "
                        f"worker RSS {maxrss} MB",
                        flush=True,
                    )
            if current.value != last_index:
                last_seen, last_index = time.monotonic(), current.value
            stuck = time.monotonic() - last_seen > 2 * args.hang + 5
            if not finished and (stuck or not proc.is_alive()):
                # Stuck in C code past the timer, or killed (segfault, OOM): record the case, go on.
                if proc.is_alive():
                    proc.kill()
                proc.join()
                i = current.value
                case = make_case(corpora, args.seed, i, targets)
                kind = "hang" if stuck else "died"
                detail = f"worker {'stuck' if stuck else f'exited with {proc.exitcode}'} on case {i}"
                record(
                    {
                        "i": i,
                        "target": case["target"],
                        "kind": kind,
                        "type": kind.title(),
                        "where": "worker",
                        "case": case,
                        "detail": detail,
                    }
                )
                outcomes[f"{case['target']}:{kind}"] += 1
                start, finished, restarts = i + 1, True, restarts + 1
        proc.join(timeout=10)

    elapsed = time.monotonic() - began
    total = sum(outcomes.values())
    per_target: dict[str, dict[str, int]] = {}
    for key, count in sorted(outcomes.items()):
        target, outcome = key.split(":", 1)
        per_target.setdefault(target, {})[outcome] = count
    print(f"\n{total} cases in {elapsed:.0f} s ({total / max(elapsed, 1e-9):.1f}/s), seed {args.seed}")
    for target, counts in per_target.items():
        print(f"  {target:<11} {sum(counts.values()):>7}  {dict(sorted(counts.items()))}")
    print(f"unique exception types: {sorted(exception_types) or 'none'}")
    for sig in signatures.values():
        print(f"  {sig['kind']:<9} {sig['target']:<11} {sig['signature']} x{sig['count']} -> {sig['file']}")
    print("slowest cases (CPU s, case, target):", slowest)
    print(
        json.dumps(
            {
                "iterations": total,
                "seconds": round(elapsed, 1),
                "seed": args.seed,
                "per_target": per_target,
                "unique_exception_types": sorted(exception_types),
                "crashers": len(signatures),
                "signatures": list(signatures.values()),
                "worker_restarts": restarts,
                "worker_max_rss_mb": maxrss,
                "slowest_cpu_s": slowest[:1][0][0] if slowest else None,
            }
        )
    )
    return 1 if signatures else 0


if __name__ == "__main__":
    sys.exit(main())
