"""False alerts on real general news: the 181 pages of ../shared/data/pages, gold main text.

    python bench/web_pages.py [--model DIR] [--threshold 0.5]

The pages (scrapinghub/article-extraction-benchmark, MIT; content the publishers') are what a feed
of ordinary news brings: technology, business, sport, politics, science, crime, protests. We read
every title and the texts that any system scores high: none reports a violent attack by an armed
group; the two listed in ``BORDERLINE`` are about one (a helicopter crash that the Taliban claim to
have shot down; a hostage release by the Taliban) and are counted apart. So every other alert here
is a false alert, and the count per 1,000 articles is what an analyst would see on a general feed.

Prints, for each system (triage alone, triage with the second stage when the ``embed`` extra is
installed, the keyword rule, TF-IDF + logistic regression trained on train.jsonl): alerts, false
alerts, and the titles alerted; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
BORDERLINE = {
    "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f": "helicopter crash; Taliban claim it",
    "a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31": "hostages freed by the Taliban",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--pages", type=Path, default=SHARED / "pages")
    args = parser.parse_args()

    from wirewatch.workers.classify.classifier import Classifier
    from wirewatch.workers.classify.dataset import load_rows
    from wirewatch.workers.classify.evaluate import keyword_scores, tfidf_scores

    pages = sorted(args.pages.glob("*.json"))
    ids = [p.stem for p in pages]
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in pages]
    texts = [d["text"] for d in docs]
    titles = [" ".join((d.get("title") or "").split())[:100] for d in docs]

    classifier = Classifier.load(threshold=args.threshold, model=args.model, embedding=None)
    two = classifier.score_many(texts)
    scores = {"wirewatch-triage": np.array([t.first_stage_score for t in two])}
    if classifier.triage.stage2_name != "none":
        scores[f"wirewatch-triage + {classifier.triage.stage2_name}"] = np.array([t.score for t in two])
    scores["keyword rule"] = keyword_scores(texts)
    scores["tf-idf + logistic regression"] = tfidf_scores(
        load_rows(SHARED / "labelled" / "train.jsonl"), texts
    )

    result: dict[str, dict[str, object]] = {}
    for name, s in scores.items():
        alerted = [i for i in np.argsort(-s) if s[i] >= args.threshold]
        false = [i for i in alerted if ids[i] not in BORDERLINE]
        result[name] = {
            "alerts": len(alerted),
            "false_alerts": len(false),
            "false_alerts_per_1000": round(1000 * len(false) / len(texts), 1),
        }
        rate = result[name]["false_alerts_per_1000"]
        print(f"{name}: {len(alerted)} alerts, {len(false)} false ({rate} per 1,000)")
        for i in alerted:
            mark = "borderline" if ids[i] in BORDERLINE else "false"
            print(f"    {s[i]:.2f} {mark:10} {titles[i]}")
    print(json.dumps({"pages": len(texts), "threshold": args.threshold, "systems": result}))


if __name__ == "__main__":
    main()
