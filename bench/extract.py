"""Extraction benchmark: wirewatch's extract() vs plain trafilatura, on 181 real news pages.

    python bench/extract.py [--pages DIR] [--limit N] [--per-page]

Data: ``../shared/data/pages`` (scrapinghub/article-extraction-benchmark: HTML as fetched and
the gold article body). Metric, as the benchmark publishes it: precision and recall of word
4-gram shingles per page, each averaged over pages, F1 computed from the two averages.

The baseline is ``trafilatura.extract(html, include_comments=False)``: trafilatura's defaults as
its own evaluation runs them, which reproduces ``trafilatura_2.3.1_scores.tsv`` page by page (the
script checks and says so). Both extractors run in the same process, page by page alternately,
so the pages/s figures share the machine's load. Our figure includes metadata extraction
(title, author, date, site name) that the baseline skips. The last line printed is one JSON
object for tools.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from wirewatch.workers.errors import ExtractionFailed
from wirewatch.workers.extract import extract

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages"
REFERENCE = "trafilatura_2.3.1_scores.tsv"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def precision_recall(gold: str, predicted: str) -> tuple[float, float]:
    expected, found = shingles(gold), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_pages(directory: Path, limit: int | None) -> list[tuple[str, str, bytes, str]]:
    pages = []
    for meta in sorted(directory.glob("*.json")):
        record = json.loads(meta.read_text(encoding="utf-8"))
        html = gzip.decompress((directory / f"{record['id']}.html.gz").read_bytes())
        pages.append((record["id"], record["url"], html, record["text"]))
    if not pages:
        sys.exit(f"no pages in {directory}")
    return pages[:limit] if limit else pages


def ours(html: bytes, url: str) -> str:
    try:
        return extract(html, url).text
    except ExtractionFailed:
        return ""


def baseline(html: bytes, url: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--per-page", action="store_true", help="print one TSV row per page")
    args = parser.parse_args(argv)

    pages = load_pages(args.pages, args.limit)
    extractors = {"wirewatch": ours, "trafilatura": baseline}
    scores: dict[str, list[tuple[float, float]]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    wall = dict.fromkeys(extractors, 0.0)
    for page_id, url, html, gold in pages:
        row = [page_id]
        for name, run in extractors.items():
            start, start_wall = time.process_time(), time.perf_counter()
            text = run(html, url)
            seconds[name] += time.process_time() - start
            wall[name] += time.perf_counter() - start_wall
            precision, recall = precision_recall(gold, text)
            scores[name].append((precision, recall))
            row += [f"{precision:.3f}", f"{recall:.3f}", f"{f1(precision, recall):.3f}"]
        if args.per_page:
            print("\t".join(row))

    summary = {}
    for name in extractors:
        precision = sum(p for p, _ in scores[name]) / len(pages)
        recall = sum(r for _, r in scores[name]) / len(pages)
        speed = len(pages) / seconds[name]
        summary[name] = (precision, recall, f1(precision, recall), speed)
        print(
            f"{name:12} precision {precision:.4f}  recall {recall:.4f}  F1 {f1(precision, recall):.4f}  "
            f"{speed:6.1f} pages/s per CPU second ({len(pages) / wall[name]:.1f} wall-clock)"
        )
    ratio = summary["wirewatch"][3] / summary["trafilatura"][3]
    print(f"speed ratio wirewatch/trafilatura: {ratio:.2f}")

    reference_file = args.pages / REFERENCE
    if reference_file.exists() and not args.limit:
        with reference_file.open(encoding="utf-8") as handle:
            reference = {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}
        ref_p = sum(float(row["precision"]) for row in reference.values()) / len(reference)
        ref_r = sum(float(row["recall"]) for row in reference.values()) / len(reference)
        differing = sum(
            abs(f1(p, r) - float(reference[page_id]["f1"])) > 0.0015
            for (page_id, *_), (p, r) in zip(pages, scores["trafilatura"], strict=True)
            if page_id in reference
        )
        print(
            f"published {REFERENCE}: F1 {f1(ref_p, ref_r):.4f} (precision {ref_p:.4f}, recall {ref_r:.4f}); "
            f"our baseline run: F1 {summary['trafilatura'][2]:.4f}, {differing} of {len(pages)} pages differ"
        )

    p, r, score, speed = summary["wirewatch"]
    print(
        json.dumps(
            {
                "f1": round(score, 4),
                "precision": round(p, 4),
                "recall": round(r, 4),
                "pages_per_s": round(speed, 1),
                "baseline_f1": round(summary["trafilatura"][2], 4),
                "baseline_pages_per_s": round(summary["trafilatura"][3], 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
