"""The fast path: one calibrated score in [0, 1] that a text reports an attack, and why.

Three signals are combined by a small logistic calibration (``config/model/calibration.json``):

* a spaCy text classifier (bag of n-grams, ``config/model/textcat``) applied to the whole text
  and to each sentence and pair of adjacent sentences, so that a long analysis is judged by its
  strongest passages (max and top-3 pooling) as well as on the whole;
* domain rules (``config/patterns/triage_*.jsonl``, spaCy ``PhraseMatcher``/``Matcher`` patterns):
  attack events, casualty phrases, weapons, armed groups, and the contexts that look like attacks
  but are not (trials, anniversaries, policy, sport, fiction, disasters, ordinary crime, drills);
* the number of sentences, so that one passing mention in a long text weighs less.

Without a trained model (``config/model`` missing) the rules alone give the score, with weights set
by hand; that mode exists so the pipeline runs end to end and is not what ``wirewatch eval`` reports.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from wirewatch.config import data_path

from .passages import normalise, split_sentences

POSITIVE = "ATTACK"
NEGATIVE = "OTHER"
CUE_LABELS = ("EVENT", "CASUALTY", "WEAPON", "GROUP")
NEG_LABELS = (
    "NEG_LEGAL",
    "NEG_MEMORIAL",
    "NEG_POLICY",
    "NEG_SPORT",
    "NEG_FICTION",
    "NEG_DISASTER",
    "NEG_CRIME",
    "NEG_MILITARY",
)
RULE_LABELS = CUE_LABELS + NEG_LABELS
FEATURES = (
    "z_doc",
    "z_max",
    "z_top3",
    "z_best_sentence",
    "rule_best",
    "rule_best_at_zmax",
    "event_sentences",
    "event_fraction",
    "casualty_sentences",
    "group_sentences",
    "neg_at_zmax",
    *(f"log_{label.lower()}" for label in NEG_LABELS),
    "log_sentences",
)
MAX_EVIDENCE = 5
_Z_CLIP = 8.0


@dataclass
class Triage:
    """How strongly a text reports an attack (``score``) and the sentences that say so, best first."""

    score: float
    evidence: list[str] = field(default_factory=list)
    passage_score: float = 0.0  # the model's probability for the strongest passage
    document_score: float = 0.0  # the model's probability for the whole text
    cues: dict[str, int] = field(default_factory=dict)  # rule matches by label, whole text
    n_sentences: int = 0

    def is_attack(self, threshold: float = 0.5) -> bool:
        return self.score >= threshold


@dataclass
class _Analysis:
    """Per-text intermediate results: features for the calibration and evidence ranking."""

    sentences: list[str]
    features: np.ndarray
    sentence_strength: list[float]
    z_doc: float
    z_max: float
    cues: dict[str, int]


def model_dir() -> Path:
    return data_path("model")


def pattern_files() -> list[Path]:
    return sorted(data_path("patterns").glob("triage_*.jsonl"))


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.clip(np.log(p / (1 - p)), -_Z_CLIP, _Z_CLIP)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


class RuleSet:
    """Phrase and token patterns, matched on lower-cased text; counts matches by label."""

    def __init__(self, vocab: Any, paths: Sequence[Path]) -> None:
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = Matcher(vocab)
        phrase_lists: dict[str, list[str]] = {}
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                entry = json.loads(line)
                label, pattern = entry["label"], entry["pattern"]
                if isinstance(pattern, str):
                    phrase_lists.setdefault(label, []).append(pattern)
                else:
                    self.tokens.add(label, [pattern])
        tokenizer = spacy.blank("en").tokenizer
        for label, phrases in phrase_lists.items():
            self.phrases.add(label, list(tokenizer.pipe(p.lower() for p in phrases)))

    def counts(self, doc: Doc) -> dict[str, int]:
        found: dict[str, int] = {}
        seen: set[tuple[str, int]] = set()
        strings = doc.vocab.strings
        for match_id, start, _end in list(self.phrases(doc)) + list(self.tokens(doc)):
            label = strings[match_id]
            if (label, start) in seen:
                continue
            seen.add((label, start))
            found[label] = found.get(label, 0) + 1
        return found


class TriageModel:
    """Scores texts; load once per process (``TriageModel.load()``) and reuse."""

    def __init__(
        self,
        nlp: Language,
        rules: RuleSet,
        calibration: dict[str, Any] | None,
        *,
        max_chars: int = 100_000,
    ) -> None:
        self.nlp = nlp
        self.rules = rules
        self.calibration = calibration
        self.max_chars = max_chars
        self.textcat = nlp.get_pipe("textcat") if "textcat" in nlp.pipe_names else None
        self.meta = dict(nlp.meta)

    @classmethod
    def load(cls, path: Path | None = None, *, max_chars: int = 100_000) -> TriageModel:
        path = path or model_dir()
        calibration = None
        if (path / "textcat" / "config.cfg").exists():
            nlp = spacy.load(path / "textcat")
            calibration_file = path / "calibration.json"
            if calibration_file.exists():
                calibration = json.loads(calibration_file.read_text(encoding="utf-8"))
        else:
            nlp = spacy.blank("en")
        return cls(nlp, RuleSet(nlp.vocab, pattern_files()), calibration, max_chars=max_chars)

    @property
    def trained(self) -> bool:
        return self.textcat is not None

    @property
    def version(self) -> str:
        if not self.trained:
            return "rules-only"
        version = str(self.meta.get("version", "0.0.0"))
        if self.calibration and self.calibration.get("trained_on"):
            version += f"+{self.calibration['trained_on']}"
        return version

    # --- scoring ------------------------------------------------------------------------------

    def score(self, text: str, title: str = "") -> Triage:
        return self.score_many([text], [title])[0]

    def score_many(
        self, texts: Iterable[str], titles: Iterable[str] | None = None, batch_size: int = 64
    ) -> list[Triage]:
        texts = list(texts)
        title_list = list(titles) if titles is not None else [""] * len(texts)
        out: list[Triage] = []
        for start in range(0, len(texts), batch_size):
            chunk = self.analyse(texts[start : start + batch_size], title_list[start : start + batch_size])
            out.extend(self._finish(analysis) for analysis in chunk)
        return out

    def analyse(self, texts: Sequence[str], titles: Sequence[str]) -> list[_Analysis]:
        """Features of each text (used by :meth:`score_many` and by training)."""
        per_text: list[tuple[list[str], list[Doc]]] = []
        for text, title in zip(texts, titles, strict=True):
            sentences = split_sentences(text[: self.max_chars])
            if title.strip():
                sentences.insert(0, " ".join(title.split()))
            docs = [self.nlp.make_doc(normalise(s)) for s in sentences] or [self.nlp.make_doc("")]
            per_text.append((sentences, docs))
        # One batched prediction for every unit of every text: whole text, sentences, sentence pairs.
        units: list[Doc] = []
        spans: list[tuple[int, int, int]] = []
        for _sentences, docs in per_text:
            first = len(units)
            units.append(Doc.from_docs(docs, ensure_whitespace=True) if len(docs) > 1 else docs[0])
            units.extend(docs)
            units.extend(
                Doc.from_docs([docs[i], docs[i + 1]], ensure_whitespace=True) for i in range(len(docs) - 1)
            )
            spans.append((first, len(docs), len(units)))
        z_all = self._predict(units)
        return [
            self._features(sentences, docs, z_all[first:end], n)
            for (sentences, docs), (first, n, end) in zip(per_text, spans, strict=True)
        ]

    def _predict(self, docs: list[Doc]) -> np.ndarray:
        if self.textcat is None:
            return np.zeros(len(docs))
        scores = self.textcat.model.predict(docs)
        column = list(self.textcat.labels).index(POSITIVE)
        return _logit(np.asarray(self.textcat.model.ops.to_numpy(scores))[:, column])

    def _features(self, sentences: list[str], docs: list[Doc], z: np.ndarray, n: int) -> _Analysis:
        z_doc = float(z[0])
        z_sent = z[1 : 1 + n]
        z_units = z[1:]
        cues_per_sentence = [self.rules.counts(doc) for doc in docs]
        total: dict[str, int] = {}
        for cues in cues_per_sentence:
            for label, count in cues.items():
                total[label] = total.get(label, 0) + count

        def rule_strength(cues: dict[str, int]) -> float:
            return (
                (cues.get("EVENT", 0) > 0)
                + (cues.get("CASUALTY", 0) > 0)
                + 0.5 * (cues.get("GROUP", 0) > 0)
                + 0.5 * (cues.get("WEAPON", 0) > 0)
            )

        def negatives(cues: dict[str, int]) -> int:
            return sum(cues.get(label, 0) for label in NEG_LABELS)

        rule = [rule_strength(c) for c in cues_per_sentence]
        # The strongest passage: a sentence, or a sentence pair (attributed to its better sentence).
        best_unit = int(np.argmax(z_units))
        if best_unit < n:
            best_sentence = best_unit
        else:
            pair = best_unit - n
            best_sentence = pair + int(z_sent[pair + 1] > z_sent[pair])
        top = np.sort(z_units)[::-1][:3]
        n_event = sum(1 for c in cues_per_sentence if c.get("EVENT"))
        features = [
            z_doc,
            float(z_units.max()),
            float(top.mean()),
            float(z_sent.max()),
            max(rule),
            rule[best_sentence],
            math.log1p(n_event),
            n_event / n,
            math.log1p(sum(1 for c in cues_per_sentence if c.get("CASUALTY"))),
            math.log1p(sum(1 for c in cues_per_sentence if c.get("GROUP"))),
            float(negatives(cues_per_sentence[best_sentence])),
            *(math.log1p(total.get(label, 0)) for label in NEG_LABELS),
            math.log1p(n),
        ]
        # Evidence: the model's view of the sentence, sharpened by the rules' view of it.
        strength = [
            float(z_sent[i]) + 1.2 * rule[i] - 0.8 * min(negatives(c), 2)
            for i, c in enumerate(cues_per_sentence)
        ]
        return _Analysis(
            sentences=sentences,
            features=np.asarray(features, dtype=float),
            sentence_strength=strength,
            z_doc=z_doc,
            z_max=float(z_units.max()),
            cues=total,
        )

    def _finish(self, analysis: _Analysis) -> Triage:
        score = self.combine(analysis.features)
        return Triage(
            score=score,
            evidence=self.evidence(analysis),
            passage_score=_sigmoid(analysis.z_max),
            document_score=_sigmoid(analysis.z_doc),
            cues={label: analysis.cues[label] for label in RULE_LABELS if label in analysis.cues},
            n_sentences=len(analysis.sentences),
        )

    def combine(self, features: np.ndarray) -> float:
        """The calibrated score: a logistic function of the features."""
        if self.calibration is not None:
            mean = np.asarray(self.calibration["mean"])
            scale = np.asarray(self.calibration["scale"])
            weights = np.asarray(self.calibration["weights"])
            z = float(((features - mean) / scale) @ weights + self.calibration["intercept"])
        else:
            z = float(features @ _RULE_WEIGHTS + _RULE_INTERCEPT)
        return round(_sigmoid(z), 6)

    def evidence(self, analysis: _Analysis) -> list[str]:
        """The sentences that carry the decision, best first: strong ones close to the best."""
        order = sorted(range(len(analysis.sentences)), key=lambda i: -analysis.sentence_strength[i])
        if not order:
            return []
        best = analysis.sentence_strength[order[0]]
        keep = [
            i
            for i in order[:MAX_EVIDENCE]
            if analysis.sentence_strength[i] >= EVIDENCE_FLOOR
            and analysis.sentence_strength[i] >= best - EVIDENCE_MARGIN
        ]
        return [analysis.sentences[i] for i in keep or order[:1]]


EVIDENCE_FLOOR = 1.5
EVIDENCE_MARGIN = 0.9
# Hand-set weights of the rules-only mode (no trained model), in FEATURES order.
_RULE_WEIGHTS = np.array(
    [0, 0, 0, 0, 1.6, 0.6, 0.8, 1.0, 0.5, 0.3, -0.5, -0.8, -0.8, -0.6, -0.8, -0.8, -0.8, -0.6, -0.4, -0.2],
    dtype=float,
)
_RULE_INTERCEPT = -3.2
assert len(_RULE_WEIGHTS) == len(FEATURES)
