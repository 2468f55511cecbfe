"""Incident extraction against article length: does the cost of details grow linearly?

    python bench/long_articles.py [--sizes 10000 20000 40000 80000] [--ner auto|on|off] [--repeat 3]
                                  [--source satp] [--one-paragraph]

A page the service fetches can be long (it reads up to ``max_chars``, 100,000 characters by
default) and dense with attacks (a weekly digest, a timeline). Each text here is real: dev-split
attack reports (``../shared/data/labelled/dev.jsonl``) joined by blank lines and cut to the size,
so a long text is a digest of many incidents, the hardest case for per-sentence work. For each size
it prints the best of ``--repeat`` runs of ``Extractor.extract``, characters per second, and the
time relative to the smallest size in the same run: linear growth doubles it when the size doubles
(a quadratic step would quadruple it). The last line is JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from functools import lru_cache
from pathlib import Path

from wirewatch.workers.classify.extraction import NER_PACKAGE, Extractor

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "labelled" / "dev.jsonl"


@lru_cache(maxsize=4)
def _reports(source: str, joiner: str) -> str:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return joiner.join(
        r["text"] for r in rows if r.get("label") == 1 and source.lower() in r.get("source", "").lower()
    )


def digest(size: int, source: str, joiner: str = "\n\n") -> str:
    """Dev attack reports (of sources whose name contains ``source``), joined, cut to ``size``."""
    text = _reports(source, joiner)
    if len(text) < size:
        raise SystemExit(f"the dev split holds {len(text)} characters of attack reports, fewer than {size}")
    return text[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000])
    parser.add_argument("--ner", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--one-paragraph",
        action="store_true",
        help="join the reports with a space, not a blank line: a page whose text is one block",
    )
    parser.add_argument(
        "--source",
        default="",
        help="only reports of this source (e.g. satp: every report names its armed group)",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    use_ner = args.ner == "on" or (args.ner == "auto" and importlib.util.find_spec(NER_PACKAGE) is not None)
    extractor = Extractor(use_ner=use_ner)
    extractor.extract("Gunmen killed two people in Kabul on Monday.", [])  # load and warm up
    rows = []
    for size in sorted(args.sizes):
        text = digest(size, args.source, " " if args.one_paragraph else "\n\n")
        best = float("inf")
        incidents = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            incidents = len(extractor.extract(text, []).incidents)
            best = min(best, time.perf_counter() - start)
        rows.append({"chars": size, "seconds": round(best, 3), "incidents": incidents})
    base = rows[0]
    print(f"extractor: {extractor.ner_name}")
    print(f"{'chars':>8} {'seconds':>8} {'chars/s':>9} {'x time':>7} {'x size':>7} {'incidents':>9}")
    for row in rows:
        row["time_ratio"] = round(row["seconds"] / base["seconds"], 2)
        row["size_ratio"] = round(row["chars"] / base["chars"], 2)
        print(
            f"{row['chars']:>8} {row['seconds']:>8.3f} {row['chars'] / row['seconds']:>9.0f} "
            f"{row['time_ratio']:>7.2f} {row['size_ratio']:>7.2f} {row['incidents']:>9}"
        )
    print(json.dumps({"extractor": extractor.ner_name, "rows": rows}))


if __name__ == "__main__":
    main()
