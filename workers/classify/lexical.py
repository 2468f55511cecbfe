"""A second linear view of the text: TF-IDF of hashed word uni- and bigrams, logistic regression.

The bag-of-n-grams text classifier sums evidence, so its document logit grows with length. This model
divides by the length instead (sublinear term frequency times IDF, L2-normalised, as in the TF-IDF
baseline of ``wirewatch eval``), so it reads a short item and a single sentence of a long article on
the same scale. Its logits for the strongest sentence or pair of adjacent sentences (and the mean of
the top three) are features of the triage calibration, fitted out of fold like the others; it is
trained on whole texts.

Only numpy is needed at run time: the n-grams are hashed from spaCy's token ids (``ORTH``, a hash of
the token's text) into ``N_FEATURES`` slots, and the model is two arrays over the slots that the
training rows use (``config/model/lexical.npz``). scikit-learn fits it (``wirewatch train`` only).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH
from spacy.tokens import Doc

N_FEATURES = 1 << 20
MIN_DF = 2
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SLOTS = np.uint64(N_FEATURES)


def ngram_slots(doc: Doc) -> np.ndarray:
    """The hashed slots of a doc's word unigrams and bigrams (punctuation and spaces skipped)."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    attrs = doc.to_array([ORTH, IS_PUNCT, IS_SPACE])
    words = attrs[(attrs[:, 1] == 0) & (attrs[:, 2] == 0), 0].astype(np.uint64)
    bigrams = (words[:-1] * _MIX) ^ (words[1:] >> np.uint64(7))
    return (np.concatenate([words, bigrams]) % _SLOTS).astype(np.int64)


class LexicalModel:
    """Logit of the positive class for a bag of hashed n-gram slots."""

    def __init__(self, idf: np.ndarray, coef: np.ndarray, intercept: float) -> None:
        self.idf = idf.astype(np.float32)  # 0 for slots the training rows did not use MIN_DF times
        self.coef = coef.astype(np.float32)
        self.intercept = float(intercept)

    @classmethod
    def load(cls, path: Path) -> LexicalModel:
        with np.load(path) as data:
            slots = data["slots"].astype(np.int64)
            idf = np.zeros(N_FEATURES, dtype=np.float32)
            coef = np.zeros(N_FEATURES, dtype=np.float32)
            idf[slots] = data["idf"]
            coef[slots] = data["coef"]
            return cls(idf, coef, float(data["intercept"]))

    def save(self, path: Path) -> None:
        slots = np.flatnonzero(self.idf).astype(np.int32)
        np.savez_compressed(
            path,
            slots=slots,
            idf=self.idf[slots].astype(np.float16),
            coef=self.coef[slots].astype(np.float16),
            intercept=np.float64(self.intercept),
        )

    def logit(self, slots: np.ndarray) -> float:
        """The model's logit for one bag of slots (a sentence, a passage or a whole text)."""
        if not len(slots):
            return self.intercept
        unique, counts = np.unique(slots, return_counts=True)
        weights = (1.0 + np.log(counts)) * self.idf[unique]
        norm = float(np.sqrt(weights @ weights))
        if norm == 0.0:
            return self.intercept
        return float(weights @ self.coef[unique]) / norm + self.intercept

    @classmethod
    def fit(
        cls, bags: Sequence[np.ndarray], labels: Sequence[int] | np.ndarray, c: float = 30.0, seed: int = 0
    ) -> LexicalModel:
        """Fit on one bag of slots per text (needs scikit-learn and scipy: training only)."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        x = _counts(bags)
        df = np.bincount(x.indices, minlength=N_FEATURES)
        n = len(bags)
        idf = np.where(df >= MIN_DF, np.log((1.0 + n) / (1.0 + df)) + 1.0, 0.0)
        x = csr_matrix(((1.0 + np.log(x.data)) * idf[x.indices], x.indices, x.indptr), shape=x.shape)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        x = csr_matrix(x.multiply(1.0 / norms[:, None]))
        x.eliminate_zeros()
        model = LogisticRegression(C=c, max_iter=2000, random_state=seed)
        model.fit(x, np.asarray(labels))
        coef = model.coef_.ravel() * (idf > 0)
        # Rounded as stored (float16), so that out-of-fold features match what the saved model gives.
        return cls(idf.astype(np.float16), coef.astype(np.float16), float(model.intercept_[0]))


def _counts(bags: Sequence[np.ndarray]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    indices, data = [], []
    for i, bag in enumerate(bags):
        unique, counts = np.unique(bag, return_counts=True)
        indices.append(unique)
        data.append(counts.astype(np.float64))
        indptr[i + 1] = indptr[i] + len(unique)
    values = np.concatenate(data) if data else np.zeros(0)
    columns = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
    return csr_matrix((values, columns, indptr), shape=(len(bags), N_FEATURES))
