"""Study, out of fold, whether readers fine-tuned from other seeds pay as a second-stage ensemble.

A fine-tuned transformer's logits move with its seed (the head's initial weights and the order of
the batches). Averaging the logits of readers fine-tuned from different seeds is the usual remedy;
here it would double the reader's cost and its size in the package, so it would be kept only if
the second stage gains out of fold beyond what one seed's luck gives.

``wirewatch train`` keeps, in its work directory, the out-of-fold triage features (``oof.npz``),
the passages each fold's reader read (``passages.json``) and its seed's held-out logits
(``reader-fold{k}.npy``). This script fine-tunes each chosen fold's reader again from every other
seed asked for, on the same passages and rows, keeps its held-out logits
(``reader-seed{s}-fold{k}.npy``, so a rerun only refits) and compares second-stage calibrations on
the held-out rows of those folds, with the service's gate:

* each seed's reader (how far one seed's luck moves the figure), and its logit alone at 0;
* the mean of the seeds' logits (one feature, as the service would read it);
* every seed's logit as its own feature.

Run (after ``wirewatch train ... --work-dir W``; a fold takes about 12 minutes on two idle cores)::

    python bench/reader_seeds.py W/<key> --seeds 1 [--folds 0,1]

The calibrations are cross-validated on the chosen rows alone, by another slice of the text hash
(as ``second_stage_study.py`` does), so the figures compare the columns with one another; the
shipped calibration is fitted on all folds by ``wirewatch train``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from wirewatch.workers.classify.dataset import apply_corrections, load_corrections, load_rows
from wirewatch.workers.classify.embedding import PassageReader
from wirewatch.workers.classify.passages import text_hash
from wirewatch.workers.classify.train import _prf, fit_calibration
from wirewatch.workers.classify.triage import FEATURES, LEXICAL_FEATURES, model_dir

DEFAULT_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "labelled" / "train.jsonl"


def held_out_logits(
    work: Path, seed: int, fold: int, passages: list[str], labels: np.ndarray, held: np.ndarray
) -> np.ndarray:
    """The fold's held-out logits from its reader fine-tuned from ``seed`` (cached)."""
    cache = work / f"reader-seed{seed}-fold{fold}.npy"
    if not cache.exists():
        started = time.perf_counter()
        reader = PassageReader.fine_tune(
            [p for p, h in zip(passages, held, strict=True) if not h], labels[~held], seed=seed
        )
        np.save(cache, reader.logits([p for p, h in zip(passages, held, strict=True) if h]))
        took = time.perf_counter() - started
        print(f"seed {seed} fold {fold}: fine-tuned and read in {took:.0f} s", flush=True)
    return np.load(cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", type=Path, help="a training work directory (the one holding oof.npz)")
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--seeds", default="1", help="comma-separated seeds besides the work directory's")
    parser.add_argument("--folds", default=None, help="comma-separated folds (default: all)")
    parser.add_argument("--gate", type=float, default=None, help="default: the bundled model's")
    args = parser.parse_args()

    oof = np.load(args.work / "oof.npz")
    features, labels, fold_of = oof["features"], oof["labels"], oof["fold_of"]
    rows, _ = apply_corrections(load_rows(args.train), load_corrections(None))
    if len(rows) != len(labels) or any(r.label != y for r, y in zip(rows, labels, strict=True)):
        raise SystemExit("the work directory was trained on other rows or labels")
    passages = json.loads((args.work / "passages.json").read_text(encoding="utf-8"))
    gate = args.gate
    if gate is None:
        calibration = json.loads((model_dir() / "calibration.json").read_text(encoding="utf-8"))
        gate = calibration["embedding"]["gate"]
    folds = [int(f) for f in args.folds.split(",")] if args.folds else sorted(set(fold_of.tolist()))
    seeds = [int(s) for s in args.seeds.split(",") if s]

    columns: dict[str, list[np.ndarray]] = {"work's seed": []} | {f"seed {s}": [] for s in seeds}
    for fold in folds:
        held = fold_of == fold
        columns["work's seed"].append(np.load(args.work / f"reader-fold{fold}.npy"))
        for s in seeds:
            columns[f"seed {s}"].append(
                held_out_logits(args.work, s, fold, passages[str(fold)], labels, held)
            )
    chosen = np.concatenate([np.where(fold_of == f)[0] for f in folds])
    logits = {tag: np.concatenate(parts) for tag, parts in columns.items()}
    x, y = features[chosen], labels[chosen]
    sub = np.array([int(text_hash(rows[i].text)[8:16], 16) % 4 for i in chosen])
    names = [*FEATURES, *LEXICAL_FEATURES]
    _, triage_cv = fit_calibration(x, y, sub, names=names, scores=True)

    def line(tag: str, m: dict[str, float]) -> None:
        print(f"{tag:30s} P {m['precision']:.4f}  R {m['recall']:.4f}  F1 {m['f1']:.4f}")

    def stacked(extra: list[np.ndarray]) -> dict[str, float]:
        header = [*names, *map(str, range(len(extra)))]
        _, cv = fit_calibration(np.column_stack([x, *extra]), y, sub, names=header, scores=True)
        return _prf(np.where(triage_cv >= gate, cv, triage_cv), y, 0.5)

    print(f"folds {folds}: {len(chosen)} rows, {int(y.sum())} attacks; gate {gate}")
    line("triage alone", _prf(triage_cv, y, 0.5))
    for tag, logit in logits.items():
        line(f"triage + reader ({tag})", stacked([logit]))
        line("  its logit alone", _prf(1 / (1 + np.exp(-logit)), y, 0.5))
    if len(logits) > 1:
        line("triage + mean of readers", stacked([np.mean(list(logits.values()), axis=0)]))
        line("triage + each reader", stacked(list(logits.values())))


if __name__ == "__main__":
    main()
