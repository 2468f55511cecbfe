"""Measure the classifier on labelled rows (``wirewatch eval``): the figures the docs quote.

Precision, recall, F1 and the confusion matrix at a threshold; a precision-recall table (and PNG);
the same per source (WCEP, SATP, MUC-4, CASE, BBC: SATP is all attacks and BBC all not, so the
mixed-label sources are the ones that say something); the errors with their evidence; and, in the
same run, two baselines: a keyword rule and TF-IDF + logistic regression trained on the train set.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .dataset import MIXED_SOURCES, Row, apply_corrections, load_corrections, load_rows
from .triage import Triage

KEYWORDS = re.compile(
    r"\b(?:attack\w*|bomb\w*|killed|militants?|gunm[ae]n|explosions?|suicide|ambush\w*|kidnap\w*"
    r"|terror\w*|ieds?|blasts?)\b",
    re.IGNORECASE,
)
SOURCE_ORDER = ("WCEP", "SATP", "MUC-4", "CASE", "BBC")
PR_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Metrics:
    n: int
    positives: int
    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def of(cls, scores: np.ndarray, labels: np.ndarray, threshold: float) -> Metrics:
        predicted = scores >= threshold
        positive = labels == 1
        return cls(
            n=len(labels),
            positives=int(positive.sum()),
            tp=int((predicted & positive).sum()),
            fp=int((predicted & ~positive).sum()),
            fn=int((~predicted & positive).sum()),
            tn=int((~predicted & ~positive).sum()),
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "positives": self.positives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
            "confusion": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn},
        }


@dataclass
class SystemResult:
    """One system's scores on the rows and its metrics (overall and by source)."""

    name: str
    scores: np.ndarray
    threshold: float
    overall: Metrics
    by_source: dict[str, Metrics]
    average_precision: float | None = None
    pr_table: list[tuple[float, Metrics]] = field(default_factory=list)


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(-scores, kind="stable")
    hits = labels[order] == 1
    if not hits.any():
        return 0.0
    precision_at = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision_at[hits].mean())


def measure(
    name: str, scores: np.ndarray, rows: Sequence[Row], threshold: float, *, curve: bool = True
) -> SystemResult:
    labels = np.array([r.label for r in rows])
    groups = np.array([r.group for r in rows])
    by_source = {
        g: Metrics.of(scores[groups == g], labels[groups == g], threshold)
        for g in [*SOURCE_ORDER, *sorted(set(groups) - set(SOURCE_ORDER))]
        if (groups == g).any()
    }
    mixed = np.isin(groups, MIXED_SOURCES)
    if mixed.any():
        by_source["mixed (WCEP+MUC-4+CASE)"] = Metrics.of(scores[mixed], labels[mixed], threshold)
    result = SystemResult(name, scores, threshold, Metrics.of(scores, labels, threshold), by_source)
    if curve:
        result.average_precision = average_precision(scores, labels)
        result.pr_table = [(t, Metrics.of(scores, labels, t)) for t in PR_THRESHOLDS]
    return result


# --- baselines ---------------------------------------------------------------------------------


def keyword_scores(texts: Sequence[str]) -> np.ndarray:
    """1.0 when any of the classic keywords occurs, else 0.0."""
    return np.array([1.0 if KEYWORDS.search(t) else 0.0 for t in texts])


def tfidf_scores(train_rows: Sequence[Row], texts: Sequence[str], seed: int = 0) -> np.ndarray:
    """TF-IDF (word 1-2 grams) + logistic regression fitted on ``train_rows``; needs scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=300_000)
    x = vectorizer.fit_transform([r.text for r in train_rows])
    model = LogisticRegression(C=10.0, max_iter=2000, random_state=seed)
    model.fit(x, [r.label for r in train_rows])
    return np.asarray(model.predict_proba(vectorizer.transform(list(texts)))[:, 1])


# --- the evaluation run --------------------------------------------------------------------------


@dataclass
class Evaluation:
    data: str
    rows: list[Row]
    triages: list[Triage]
    systems: list[SystemResult]
    corrected: list[SystemResult]
    corrections_applied: int
    seconds: float
    classifier: dict[str, str]
    corrected_rows: list[Row] = field(default_factory=list)

    @property
    def main(self) -> SystemResult:
        return self.systems[0]

    @property
    def error_rows(self) -> list[Row]:
        """The rows errors are read against: the corrected labels when measured (those the model is
        trained on, so an error there is the model's and not the label's), else the original ones."""
        return self.corrected_rows or self.rows

    @property
    def error_labels(self) -> str:
        return "corrected labels" if self.corrected_rows else "original labels"

    def errors(self, limit: int) -> tuple[list[int], list[int]]:
        """Indices of the worst false positives and false negatives (most confident first)."""
        scores, threshold = self.main.scores, self.main.threshold
        labels = np.array([r.label for r in self.error_rows])
        fps = [int(i) for i in np.argsort(-scores) if scores[i] >= threshold and labels[i] == 0]
        fns = [int(i) for i in np.argsort(scores) if scores[i] < threshold and labels[i] == 1]
        return fps[:limit], fns[:limit]

    def as_dict(self, errors: int = 0) -> dict[str, Any]:
        def system(s: SystemResult) -> dict[str, Any]:
            return {
                "name": s.name,
                "threshold": s.threshold,
                "overall": s.overall.as_dict(),
                "average_precision": None if s.average_precision is None else round(s.average_precision, 4),
                "by_source": {k: v.as_dict() for k, v in s.by_source.items()},
                "pr": [{"threshold": t, **m.as_dict()} for t, m in s.pr_table],
            }

        out: dict[str, Any] = {
            "data": self.data,
            "rows": len(self.rows),
            "classifier": self.classifier,
            "articles_per_second": round(len(self.rows) / self.seconds, 1) if self.seconds else None,
            "systems": [system(s) for s in self.systems],
        }
        if self.corrected:
            out["corrected"] = {
                "labels_changed": self.corrections_applied,
                "systems": [system(s) for s in self.corrected],
            }
        if errors:
            fps, fns = self.errors(errors)
            out["errors"] = {
                "labels": self.error_labels,
                **{
                    kind: [self._error(i) for i in idx]
                    for kind, idx in (("false_positives", fps), ("false_negatives", fns))
                },
            }
        return out

    def _error(self, i: int) -> dict[str, Any]:
        row = self.error_rows[i]
        return {
            "source": row.group,
            "category": row.category,
            "label": row.label,
            "score": round(float(self.main.scores[i]), 4),
            "text": row.text[:300],
            "evidence": self.triages[i].evidence[:3],
        }


def evaluate(
    data: str | Path,
    *,
    classifier: Any = None,
    threshold: float = 0.5,
    baselines: bool = False,
    train_path: str | Path | None = None,
    corrected: bool = False,
    corrections: str | Path | None = None,
) -> Evaluation:
    """Score every row of ``data`` with the classifier (and baselines); metrics on original labels,
    and on corrected labels too when ``corrected``."""
    from .classifier import Classifier

    rows = load_rows(data)
    fixes = load_corrections(corrections) if corrected else {}
    classifier = classifier or Classifier.load(threshold=threshold)
    started = time.perf_counter()
    triages = classifier.score_many([r.text for r in rows])
    seconds = time.perf_counter() - started
    scores = {"wirewatch-triage": np.array([t.score for t in triages])}
    stage2 = getattr(getattr(classifier, "triage", None), "stage2_name", "none")
    if stage2 != "none":
        # The second stage is kept only if it gains over the first alone: both, from one run.
        scores = {
            f"wirewatch-triage + {stage2}": scores["wirewatch-triage"],
            "wirewatch-triage alone": np.array([t.first_stage_score for t in triages]),
        }
    if baselines:
        scores["keyword rule"] = keyword_scores([r.text for r in rows])
        train_rows = load_rows(train_path or Path(data).with_name("train.jsonl"))
        scores["tf-idf + logistic regression"] = tfidf_scores(train_rows, [r.text for r in rows])
        if corrected:
            # The model trains on corrected labels (``wirewatch train`` applies the same file), so the
            # baseline is also shown trained on them: the comparison on equal terms.
            fixed_train, _ = apply_corrections(train_rows, fixes)
            scores["tf-idf + LR, corrected train"] = tfidf_scores(fixed_train, [r.text for r in rows])

    def systems(on: list[Row]) -> list[SystemResult]:
        return [measure(name, s, on, threshold, curve=name != "keyword rule") for name, s in scores.items()]

    fixed: list[SystemResult] = []
    corrected_rows: list[Row] = []
    applied = 0
    if corrected:
        corrected_rows, applied = apply_corrections(rows, fixes)
        fixed = systems(corrected_rows)
    return Evaluation(
        data=str(data),
        rows=rows,
        triages=triages,
        systems=systems(rows),
        corrected=fixed,
        corrections_applied=applied,
        seconds=seconds,
        classifier={"name": classifier.name, "version": classifier.version, "stage2": stage2},
        corrected_rows=corrected_rows,
    )


def plot_pr(evaluation: Evaluation, path: str | Path) -> None:
    """Precision-recall curves of the systems that give scores, as a PNG (matplotlib, Agg): one
    panel on the original labels and, when measured, one on the corrected labels."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [("original labels", evaluation.systems, evaluation.rows)]
    if evaluation.corrected:
        panels.append(
            (
                f"corrected labels ({evaluation.corrections_applied} changed)",
                evaluation.corrected,
                evaluation.corrected_rows,
            )
        )
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 5), dpi=110, squeeze=False)
    for ax, (title, systems, rows) in zip(axes[0], panels, strict=True):
        labels = np.array([r.label for r in rows])
        for system in systems:
            m = system.overall
            if system.average_precision is None:
                ax.plot([m.recall], [m.precision], "o", label=f"{system.name} (F1 {m.f1:.3f})")
                continue
            order = np.argsort(-system.scores, kind="stable")
            hits = labels[order] == 1
            precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
            recall = np.cumsum(hits) / max(1, hits.sum())
            ax.plot(recall, precision, label=f"{system.name} (AP {system.average_precision:.3f})")
            ax.plot([m.recall], [m.precision], "k.", markersize=6)
        ax.set_xlabel("recall")
        ax.set_ylabel("precision")
        ax.set_xlim(0, 1.01)
        ax.set_ylim(0.3, 1.01)
        ax.grid(alpha=0.3)
        ax.set_title(f"{Path(evaluation.data).name}, {title} (dots: threshold)", fontsize=9)
        ax.legend(loc="lower left", fontsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
