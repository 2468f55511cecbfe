"""Draw texts for a new blind incident-annotation set (how tests/fixtures/incidents/heldout-*.jsonl
were drawn): reviewed attack reports (label 1 after config/label_corrections.tsv, not judged
borderline in docs/label-review.tsv) shorter than ``--max-chars``, from the train and dev splits,
leaving out every text already in an incident file, sampled with a fixed seed.

    python bench/sample_incident_texts.py --seed 20261130 --n 50 --out texts.jsonl
    # the draw of heldout-5.jsonl, reproduced:
    python bench/sample_incident_texts.py --seed 20261130 --ignore heldout-5.jsonl --out texts.jsonl

The output has no ``incidents``: annotators add them, blind, by docs/incident-annotation.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirewatch.workers.classify.dataset import apply_corrections, load_corrections, load_rows  # noqa: E402
from wirewatch.workers.classify.passages import text_hash  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "labelled"
INCIDENTS = ROOT / "tests" / "fixtures" / "incidents"


def already_annotated(ignore: list[str]) -> set[str]:
    """sha256 of raw and of normalised text of every annotated text (files named in ``ignore``
    left out: to reproduce a set's draw, leave out that set itself)."""
    seen: set[str] = set()
    for path in INCIDENTS.glob("*.jsonl"):
        if path.name in ignore:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            seen.add(row.get("text_sha256", ""))
            if "text" in row:
                seen.add(text_hash(row["text"]))
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--max-chars", type=int, default=1400)
    parser.add_argument("--min-chars", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--ignore", nargs="*", default=[], help="incident files to leave out of the exclusion"
    )
    args = parser.parse_args()
    seen = already_annotated(args.ignore)
    with open(ROOT / "docs" / "label-review.tsv", encoding="utf-8", newline="") as handle:
        judged = {rec["sha256"]: rec["judgement"] for rec in csv.DictReader(handle, delimiter="\t")}
    corrections = load_corrections()
    pool = []
    for split in ("train", "dev"):
        rows, _ = apply_corrections(load_rows(DATA / f"{split}.jsonl"), corrections)
        for i, row in enumerate(rows):
            norm = text_hash(row.text)
            raw = hashlib.sha256(row.text.encode()).hexdigest()
            if (
                row.label != 1
                or not args.min_chars <= len(row.text) < args.max_chars
                or norm in seen
                or raw in seen
                or judged.get(norm[:12]) == "b"
            ):
                continue
            pool.append((split, i, row, raw))
    picked = random.Random(args.seed).sample(pool, args.n)
    with open(args.out, "w", encoding="utf-8") as out:
        for split, i, row, raw in picked:
            item = {
                "id": f"{split}-{i}",
                "source": row.source,
                f"{split}_row": i,
                "text_sha256": raw,
                "text": row.text,
            }
            out.write(json.dumps(item) + "\n")
    print(f"{len(pool)} candidates; {args.n} drawn: {dict(Counter(row.group for _, _, row, _ in picked))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
