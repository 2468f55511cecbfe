"""Throughput of the classifier on one core: triage alone, with the second stage, and full classify.

    python bench/classify.py [DATA.jsonl] [--limit N] [--batch-size 64] [--threshold 0.5]
                             [--model DIR] [--embedding auto|off]

Prints articles/s and tokens/s for each path and the process's peak RSS; the last line is JSON.
The second stage (the fine-tuned reader, the ``embed`` extra) runs only on the texts whose triage
score reaches its gate; without the extra, its line says so and full classify is triage + details.
Tokens are counted with the model's tokenizer on the normalised text, outside the timed part.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "labelled" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="Use only the first N rows.")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--model", type=Path, default=None, help="A model from `wirewatch train --out`.")
    parser.add_argument(
        "--embedding",
        choices=("auto", "off"),
        default="auto",
        help="off: measure the default (triage) service.",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from wirewatch.workers.classify.classifier import Classifier
    from wirewatch.workers.classify.dataset import load_rows
    from wirewatch.workers.classify.embedding import mode_flag
    from wirewatch.workers.classify.passages import normalise

    rows = load_rows(args.data)
    if args.limit:
        rows = rows[: args.limit]
    texts = [r.text for r in rows]
    classifier = Classifier.load(
        threshold=args.threshold, model=args.model, embedding=mode_flag(args.embedding)
    )
    stage2 = classifier.triage.stage2_name
    tokenizer = classifier.triage.nlp.tokenizer
    tokens = sum(len(tokenizer(normalise(t[: classifier.max_chars]))) for t in texts)
    classifier.score_many(texts[:32])  # warm up
    _ = classifier.extractor  # load the extractor (and its NER) before timing

    started = time.perf_counter()
    triages = classifier.score_many(texts, batch_size=args.batch_size, second_stage=False)
    triage_seconds = time.perf_counter() - started

    started = time.perf_counter()
    triages = classifier.score_many(texts, batch_size=args.batch_size)
    two_stage_seconds = time.perf_counter() - started
    rescored = sum(t.stage == "embedding" for t in triages)

    started = time.perf_counter()
    triages = classifier.score_many(texts, batch_size=args.batch_size)
    verdicts = [classifier.verdict(text, triage) for text, triage in zip(texts, triages, strict=True)]
    full_seconds = time.perf_counter() - started
    alerts = sum(v.is_attack for v in verdicts)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "data": str(args.data),
        "articles": len(texts),
        "tokens": tokens,
        "alerts": alerts,
        "classifier": classifier.info,
        "triage_articles_per_s": round(len(texts) / triage_seconds, 1),
        "triage_tokens_per_s": round(tokens / triage_seconds),
        "stage2": stage2,
        "stage2_rescored": rescored,
        "two_stage_articles_per_s": round(len(texts) / two_stage_seconds, 1),
        "two_stage_tokens_per_s": round(tokens / two_stage_seconds),
        "two_stage_vs_triage": round(two_stage_seconds / triage_seconds, 2),
        "classify_articles_per_s": round(len(texts) / full_seconds, 1),
        "classify_tokens_per_s": round(tokens / full_seconds),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(f"{len(texts)} articles, {tokens} tokens, {alerts} alerts at threshold {args.threshold}")
    print(f"triage:   {result['triage_articles_per_s']} articles/s, {result['triage_tokens_per_s']} tokens/s")
    if stage2 != "none":
        print(
            f"two-stage: {result['two_stage_articles_per_s']} articles/s, {result['two_stage_tokens_per_s']} "
            f"tokens/s ({rescored} of {len(texts)} texts embedded by {stage2}; "
            f"{result['two_stage_vs_triage']}x triage's time)"
        )
    else:
        print("two-stage: no second stage (model without one, or the `embed` extra not installed)")
    full = f"{result['classify_articles_per_s']} articles/s, {result['classify_tokens_per_s']} tokens/s"
    print(f"classify: {full}")
    print(f"peak RSS: {result['peak_rss_mb']} MB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
