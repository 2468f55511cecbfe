"""Study what the second stage could read besides its passage, out of fold, before retraining.

``wirewatch train`` keeps, in its work directory, each fold's out-of-fold features (``oof.npz``),
the passages each fold's reader read (``passages.json``) and each fold's fine-tuned reader
(``reader-fold{k}-reader.safetensors``). This script scores other passages of the held-out rows of
every fold whose reader is there, with that fold's own reader (in numpy, as the service reads), and
compares second-stage calibrations that add them as features, cross-validated on those rows alone:

* ``reader``: the logit of the passage the service reads now (the bundled second stage);
* ``+lead``: and the logit of the text's first three sentences (a news lead);
* ``+whole``: and the logit of the text's first 128 tokens;
* ``+single``: and the highest logit of the passage's sentences read one by one.

Run (after ``train(..., work_dir=W)``, or during it once a fold's reader is saved)::

    python bench/second_stage_study.py W/<key> [--variants lead,whole,single]

It prints precision, recall and F1 at 0.5, with texts under the gate scored by triage alone as the
service does. The figures are a guide for the next retraining, not the shipped model's: the shipped
calibration is fitted on all folds by ``wirewatch train``.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from wirewatch.workers.classify.dataset import apply_corrections, load_corrections, load_rows
from wirewatch.workers.classify.minilm import EMBEDDINGS_FILE, READER_FILE, TOKENIZER_FILE, NumpyReader
from wirewatch.workers.classify.passages import split_sentences, text_hash
from wirewatch.workers.classify.train import _prf, fit_calibration
from wirewatch.workers.classify.triage import FEATURES, LEXICAL_FEATURES, model_dir

DEFAULT_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "labelled" / "train.jsonl"


def _reader(work: Path, fold: int) -> NumpyReader | None:
    """The fold's reader, beside the bundled embeddings and tokenizer (the same for every fold)."""
    weights = work / f"reader-fold{fold}-{READER_FILE}"
    if not weights.exists():
        return None
    directory = work / f"study-fold{fold}"
    directory.mkdir(exist_ok=True)
    for name, source in (
        (READER_FILE, weights),
        (EMBEDDINGS_FILE, model_dir() / EMBEDDINGS_FILE),
        (TOKENIZER_FILE, model_dir() / TOKENIZER_FILE),
    ):
        if not (directory / name).exists():
            os.symlink(source.resolve(), directory / name)
    return NumpyReader.load(directory, threads=None)


def _variant(name: str, reader: NumpyReader, texts: list[str], passages: list[str]) -> np.ndarray:
    if name == "lead":
        return reader.logits([" ".join(split_sentences(t)[:3]) for t in texts])
    if name == "whole":
        return reader.logits(texts)
    if name == "single":
        sentences, owner = [], []
        for j, passage in enumerate(passages):
            for sentence in split_sentences(passage):
                sentences.append(sentence)
                owner.append(j)
        best = np.full(len(passages), -np.inf)
        for j, value in zip(owner, reader.logits(sentences), strict=True):
            best[j] = max(best[j], value)
        return np.where(np.isfinite(best), best, -12.0)  # a passage with no sentence: the reader's floor
    raise ValueError(f"unknown variant {name!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", type=Path, help="a training work directory (the one holding oof.npz)")
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--variants", default="lead,whole,single")
    parser.add_argument("--gate", type=float, default=None, help="default: the bundled model's")
    args = parser.parse_args()

    oof = np.load(args.work / "oof.npz")
    features, labels, fold_of = oof["features"], oof["labels"], oof["fold_of"]
    rows, _ = apply_corrections(load_rows(args.train), load_corrections(None))
    texts = [r.text for r in rows]
    passages = json.loads((args.work / "passages.json").read_text(encoding="utf-8"))
    gate = args.gate
    if gate is None:
        calibration = json.loads((model_dir() / "calibration.json").read_text(encoding="utf-8"))
        gate = calibration["embedding"]["gate"]

    folds = [f for f in sorted(set(fold_of.tolist())) if (args.work / f"reader-fold{f}.npy").exists()]
    variants = [v for v in args.variants.split(",") if v]
    held = np.concatenate([np.where(fold_of == f)[0] for f in folds])
    extra: dict[str, np.ndarray] = {v: np.zeros(len(held)) for v in variants}
    base = np.concatenate([np.load(args.work / f"reader-fold{f}.npy") for f in folds])
    at = 0
    for f in folds:
        idx = np.where(fold_of == f)[0]
        reader = _reader(args.work, f)
        if reader is None:
            raise SystemExit(f"fold {f}: its logits are there but not its reader: retrain with this release")
        for v in variants:
            cache = args.work / f"study-{v}-fold{f}.npy"
            if not cache.exists():
                chosen = [passages[str(f)][i] for i in idx]
                np.save(cache, _variant(v, reader, [texts[i] for i in idx], chosen))
            extra[v][at : at + len(idx)] = np.load(cache)
        at += len(idx)

    x, y = features[held], labels[held]
    # The calibrations are cross-validated on these rows alone, by another slice of the text hash.
    sub = np.array([int(text_hash(texts[i])[8:16], 16) % 4 for i in held])
    names = [*FEATURES, *LEXICAL_FEATURES]
    _, triage_cv = fit_calibration(x, y, sub, names=names, scores=True)
    print(f"folds {folds}: {len(held)} rows, {int(y.sum())} attacks; gate {gate}")

    def report(tag: str, columns: list[np.ndarray]) -> None:
        stacked = np.column_stack([x, *columns])
        _, cv = fit_calibration(stacked, y, sub, names=[*names, *map(str, range(len(columns)))], scores=True)
        m = _prf(np.where(triage_cv >= gate, cv, triage_cv), y, 0.5)
        print(f"{tag:28s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.4f}")

    m = _prf(triage_cv, y, 0.5)
    print(f"{'triage alone':28s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.4f}")
    report("reader", [base])
    for v in variants:
        report(f"reader +{v}", [base, extra[v]])
    if len(variants) > 1:
        report("reader +" + " +".join(variants), [base, *(extra[v] for v in variants)])


if __name__ == "__main__":
    main()
