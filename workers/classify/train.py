"""Rebuild the triage model from labelled data, deterministically (``wirewatch train``).

1. Split the training rows into ``folds`` by a hash of their normalised text.
2. For each fold, ``spacy train`` the text classifier (``config/textcat.cfg``) on the other folds and
   compute the triage features of the held-out fold: out-of-fold features for every row.
3. Fit the logistic calibration on those features (never on the evaluation set), choose the
   threshold that maximises out-of-fold F1 with precision >= ``min_precision`` (by cross-validating
   the calibration itself), and shift the intercept so that this threshold is 0.5.
4. ``spacy train`` the text classifier on all rows; write it and the calibration to ``out_dir``.
5. With the sentence encoder installed (the ``embed`` extra), the second stage (``embedding.py``):
   fine-tune the reader out of fold on each row's strongest passage (chosen by that fold's lexical
   model), fit a second calibration on the triage features plus the reader's logit, choose the
   gate, and fine-tune the reader on all rows.

The last epoch's model is used (``model-last``), not the best on a development set, so that no
held-out data steers the fit.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.tokens import DocBin

from wirewatch.config import data_path

from .dataset import Row, apply_corrections, load_corrections, load_rows
from .embedding import PassageReader, installed
from .lexical import LexicalModel, ngram_slots
from .minilm import READER_FILES, export_base
from .passages import normalise, split_sentences, text_hash
from .triage import (
    EMBEDDING_FEATURES,
    FEATURES,
    LEXICAL_FEATURES,
    NEGATIVE,
    POSITIVE,
    READER_FILE,
    RuleSet,
    TriageModel,
    pattern_files,
)

MODEL_NAME = "wirewatch_triage"
MODEL_VERSION = "1.1.0"


def config_path() -> Path:
    return data_path("textcat.cfg")


def train(
    train_path: str | Path,
    out_dir: str | Path,
    seed: int = 0,
    *,
    folds: int = 4,
    min_precision: float = 0.9,
    config: str | Path | None = None,
    corrections: str | Path | None = None,
    work_dir: str | Path | None = None,
    embedding: bool | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train the text classifier and calibration from ``train_path`` into ``out_dir``; return a summary.

    ``work_dir`` keeps the per-fold models; a later run with the same data, seed and config reuses
    them (only the calibration is refitted), which makes changing rules or features cheap.
    ``embedding``: None trains the second stage when the sentence encoder is installed, False
    never, True fails without it. It fine-tunes a transformer five times (once per fold and once
    on all rows): about 70 minutes on two CPU cores, as measured for the bundled model.
    """
    rows = load_rows(train_path)
    rows, changed = apply_corrections(rows, load_corrections(corrections))
    log(f"{len(rows)} rows ({sum(r.label for r in rows)} attacks), {changed} labels corrected")
    config = Path(config) if config is not None else config_path()
    out_dir = Path(out_dir)
    fold_of = [int(text_hash(r.text)[:8], 16) % folds for r in rows]
    labels = np.array([r.label for r in rows])
    names = [*FEATURES, *LEXICAL_FEATURES]
    features = np.zeros((len(rows), len(names)))
    blank = spacy.blank("en")
    bags = [_bag(blank, r.text) for r in rows]
    stage2 = embedding is not False and installed()
    if embedding and not stage2:
        raise RuntimeError('the sentence encoder is not installed: pip install "wirewatch[embed]"')
    # What the second stage reads of every row, as each fold's (and the final) lexical model chooses.
    passages: dict[int | str, list[str]] = {}

    # The data as trained on: the file and the labels after corrections (a corrections file that
    # changes the same number of labels differently is a different training set).
    trained = Path(train_path).read_bytes() + labels.astype(np.uint8).tobytes()
    digest = hashlib.sha256(trained).hexdigest()[:12]
    with tempfile.TemporaryDirectory(prefix="wirewatch-train-") as tmp:
        key = hashlib.sha256(f"{digest}:{seed}:".encode() + config.read_bytes()).hexdigest()[:12]
        work = Path(work_dir) / key if work_dir is not None else Path(tmp)
        for fold in range(folds):
            inside = [r for r, f in zip(rows, fold_of, strict=True) if f != fold]
            held = [i for i, f in enumerate(fold_of) if f == fold]
            log(f"fold {fold + 1}/{folds}: training on {len(inside)} rows")
            nlp = _spacy_train(
                config,
                inside,
                [rows[i] for i in held[:: max(1, len(held) // 300)]],
                work / f"fold{fold}",
                seed,
            )
            lexical = LexicalModel.fit(
                [bags[i] for i, f in enumerate(fold_of) if f != fold],
                labels[np.array(fold_of) != fold],
                seed=seed,
            )
            model = TriageModel(nlp, RuleSet(nlp.vocab, pattern_files()), None, lexical=lexical)
            features[held] = _features(model, [rows[i].text for i in held])
            if stage2:
                passages[fold] = model.passages([r.text for r in rows])

        if work_dir is not None:  # out-of-fold features, for studying the calibration
            np.savez(work / "oof.npz", features=features, labels=labels, fold_of=np.array(fold_of))
        calibration, triage_cv = fit_calibration(
            features, labels, np.array(fold_of), min_precision=min_precision, names=names, scores=True
        )
        log(
            "out-of-fold at threshold 0.5: precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f}".format(
                **calibration["oof"]
            )
        )
        final_lexical = LexicalModel.fit(bags, labels, seed=seed)
        reader = None
        if stage2:
            passages["final"] = TriageModel(
                blank, RuleSet(blank.vocab, []), None, lexical=final_lexical
            ).passages([r.text for r in rows])
            if work_dir is not None:  # what each fold's reader read, for studying the second stage
                (work / "passages.json").write_text(json.dumps(passages), encoding="utf-8")
            reader, calibration["embedding"] = _second_stage(
                passages, features, labels, np.array(fold_of), triage_cv, work, seed, min_precision, log
            )
        log(f"training the final model on {len(rows)} rows")
        nlp = _spacy_train(config, rows, rows[:: max(1, len(rows) // 300)], work / "final", seed)
        nlp.meta.update(
            {
                "name": MODEL_NAME,
                "version": MODEL_VERSION,
                "description": "wirewatch triage: does a text report a violent attack by an armed group?",
                "author": "wirewatch",
                "license": "Apache-2.0",
            }
        )
        calibration.update(
            {
                "trained_on": f"train-{digest}",
                "seed": seed,
                "folds": folds,
                "rows": len(rows),
                "labels_corrected": changed,
            }
        )
        if (out_dir / "textcat").exists():
            shutil.rmtree(out_dir / "textcat")
        out_dir.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out_dir / "textcat")
        final_lexical.save(out_dir / "lexical.npz")
        if reader is not None:
            reader.save(out_dir / READER_FILE)
            export_base(out_dir)  # what the reader reads at run time besides its tuned layers
        else:
            for name in READER_FILES:  # a stale reader must not outlive its calibration
                (out_dir / name).unlink(missing_ok=True)
        (out_dir / "calibration.json").write_text(json.dumps(calibration, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out_dir}")
    return calibration


GATES = (0.02, 0.05, 0.1, 0.2)


def _second_stage(
    passages: dict[int | str, list[str]],
    features: np.ndarray,
    labels: np.ndarray,
    fold_of: np.ndarray,
    triage_cv: np.ndarray,
    work: Path,
    seed: int,
    min_precision: float,
    log: Callable[[str], None],
    epochs: float = 2.0,
) -> tuple[PassageReader, dict[str, Any]]:
    """The reader fine-tuned on all rows and the second calibration, with its gate, chosen out of fold.

    Each fold's logits and weights and the final weights are kept in ``work`` (keyed like the fold
    models), so a rerun that changes only rules or features does not fine-tune again, and a study of
    other passages or features can score the held-out rows with their own fold's reader.
    """
    work.mkdir(parents=True, exist_ok=True)
    logits = np.zeros(len(labels))
    for fold in (int(f) for f in np.unique(fold_of)):
        held = fold_of == fold
        cache = work / f"reader-fold{fold}.npy"
        if cache.exists():
            logits[held] = np.load(cache)
            continue
        log(f"second stage, fold {fold + 1}: fine-tuning the reader on {int((~held).sum())} rows")
        chosen = passages[fold]
        reader = PassageReader.fine_tune(
            [p for p, h in zip(chosen, held, strict=True) if not h],
            labels[~held],
            seed=seed,
            epochs=epochs,
            log=log,
        )
        logits[held] = reader.logits([p for p, h in zip(chosen, held, strict=True) if h])
        np.save(cache, logits[held])
        reader.save(work / f"reader-fold{fold}-{READER_FILE}")  # to score other passages out of fold
    names = [*FEATURES, *LEXICAL_FEATURES, *EMBEDDING_FEATURES]
    stage2, stage2_cv = fit_calibration(
        np.column_stack([features, logits]),
        labels,
        fold_of,
        min_precision=min_precision,
        names=names,
        scores=True,
    )
    # The gate: the highest triage score below which the second stage may be skipped at no cost
    # out of fold (within 0.002 of F1), so that ordinary news is never read by it.
    ungated = _prf(stage2_cv, labels, 0.5)["f1"]
    gate = GATES[0]
    for candidate in GATES:
        gated = np.where(triage_cv >= candidate, stage2_cv, triage_cv)
        if _prf(gated, labels, 0.5)["f1"] >= ungated - 0.002:
            gate = candidate
    gated = np.where(triage_cv >= gate, stage2_cv, triage_cv)
    stage2.update(
        {
            "encoder": PassageReader.name,
            "gate": gate,
            "gated_share": round(float((triage_cv >= gate).mean()), 4),
            "oof": {k: round(v, 4) for k, v in _prf(gated, labels, 0.5).items()},
        }
    )
    log(
        f"second stage out of fold, gate {gate}: precision {stage2['oof']['precision']:.3f} "
        f"recall {stage2['oof']['recall']:.3f} f1 {stage2['oof']['f1']:.3f}"
    )
    final = work / f"reader-final-{READER_FILE}"
    kept = PassageReader.load(final, threads=None) if final.exists() else None
    if kept is not None:
        return kept, stage2
    log(f"second stage: fine-tuning the reader on all {len(labels)} rows")
    reader = PassageReader.fine_tune(passages["final"], labels, seed=seed, epochs=epochs, log=log)
    reader.save(final)
    return reader, stage2


def _features(model: TriageModel, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
    out: list[np.ndarray] = []
    for start in range(0, len(texts), batch_size):
        batch = texts[start : start + batch_size]
        out.extend(a.features for a in model.analyse(batch, [""] * len(batch)))
    return np.vstack(out)


def _bag(nlp: Any, text: str) -> np.ndarray:
    """The lexical model's n-gram slots of a whole text, sentence by sentence as triage reads it."""
    slots = [ngram_slots(nlp.make_doc(normalise(sentence))) for sentence in split_sentences(text)]
    return np.concatenate(slots) if slots else np.zeros(0, dtype=np.int64)


def _docbin(nlp: Any, rows: Sequence[Row], path: Path) -> None:
    docs = DocBin()
    for row in rows:
        doc = nlp.make_doc(normalise(row.text))
        doc.cats = {POSITIVE: float(row.label), NEGATIVE: float(1 - row.label)}
        docs.add(doc)
    docs.to_disk(path)


def _spacy_train(config: Path, rows: Sequence[Row], dev: Sequence[Row], work: Path, seed: int) -> Any:
    from spacy.cli.train import train as spacy_train

    if (work / "out" / "model-last" / "config.cfg").exists():
        return spacy.load(work / "out" / "model-last")
    work.mkdir(parents=True, exist_ok=True)
    blank = spacy.blank("en")
    _docbin(blank, rows, work / "train.spacy")
    _docbin(blank, dev, work / "dev.spacy")
    spacy_train(
        config,
        work / "out",
        use_gpu=-1,
        overrides={
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
        },
    )
    return spacy.load(work / "out" / "model-last")


# --- calibration ---------------------------------------------------------------------------------


def _fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> np.ndarray:
    """Weights (last one the intercept) of an L2-regularised logistic regression, by Newton steps."""
    design = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (p - y) + penalty * weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def _prf(scores: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    predicted = scores >= threshold
    tp = int((predicted & (y == 1)).sum())
    fp = int((predicted & (y == 0)).sum())
    fn = int((~predicted & (y == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def fit_calibration(
    features: np.ndarray,
    labels: np.ndarray,
    fold_of: np.ndarray,
    *,
    min_precision: float = 0.9,
    names: Sequence[str] = FEATURES,
    scores: bool = False,
) -> Any:
    """Logistic calibration of the triage features; the chosen threshold is moved to 0.5.

    With ``scores``, also the cross-validated scores of the calibration (threshold at 0.5), for
    stacking a second stage on the same folds.
    """
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    x = (features - mean) / scale
    # Cross-validate the calibration itself to choose the threshold without looking at its own fit.
    cv_scores = np.zeros(len(labels))
    for fold in np.unique(fold_of):
        inside = fold_of != fold
        w = _fit_logistic(x[inside], labels[inside])
        cv_scores[~inside] = 1.0 / (1.0 + np.exp(-(x[~inside] @ w[:-1] + w[-1])))
    best_threshold, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.2, 0.81, 0.01):
        m = _prf(cv_scores, labels, float(threshold))
        if m["precision"] >= min_precision and m["f1"] > best_f1:
            best_threshold, best_f1 = float(threshold), m["f1"]
    weights = _fit_logistic(x, labels)
    shift = float(np.log(best_threshold / (1 - best_threshold)))
    intercept = float(weights[-1]) - shift
    shifted_cv = 1.0 / (1.0 + np.exp(-(np.log(cv_scores / (1 - cv_scores)) - shift)))
    fitted = {
        "features": list(names),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "weights": weights[:-1].round(6).tolist(),
        "intercept": round(intercept, 6),
        "threshold_before_shift": round(best_threshold, 3),
        "oof": {k: round(v, 4) for k, v in _prf(shifted_cv, labels, 0.5).items()},
    }
    return (fitted, shifted_cv) if scores else fitted
