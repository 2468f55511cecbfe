"""The fast path: one calibrated score in [0, 1] that a text reports an attack, and why.

Three signals are combined by a small logistic calibration (``config/model/calibration.json``):

* a spaCy text classifier (bag of n-grams, ``config/model/textcat``) applied to the whole text
  and to each sentence and pair of adjacent sentences, so that a long analysis is judged by its
  strongest passages (max and top-3 pooling) as well as on the whole;
* domain rules (``config/patterns/triage_*.jsonl``, spaCy ``PhraseMatcher``/``Matcher`` patterns):
  attack events, casualty phrases, weapons, armed groups, and the contexts that look like attacks
  but are not (trials, anniversaries, policy, sport, fiction, disasters, ordinary crime, drills);
* the number of sentences, so that one passing mention in a long text weighs less;
* a TF-IDF logistic regression over hashed word uni- and bigrams (``config/model/lexical.npz``,
  :mod:`.lexical`), length-normalised, on the whole text and on its strongest sentences and pairs.

Without a trained model (``config/model`` missing) the rules alone give the score, with weights set
by hand; that mode exists so the pipeline runs end to end and is not what ``wirewatch eval`` reports.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from wirewatch.config import data_path

from .dates import recalls_the_past
from .embedding import strongest_passage
from .lexical import LexicalModel, ngram_slots
from .minilm import READER_FILE, NumpyReader
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
    "NEG_CYBER",
)
RULE_LABELS = CUE_LABELS + NEG_LABELS
FEATURES = (
    "z_doc",
    "z_max",
    "z_top3",
    "z_best_sentence",
    "z_sentence_mean",
    "positive_sentence_fraction",
    "rule_best",
    "rule_best_at_zmax",
    "event_sentences",
    "event_fraction",
    "casualty_sentences",
    "group_sentences",
    "neg_at_zmax",
    "incident_sentences",
    "z_best_incident",
    "group_agent_sentences",
    "state_agent_sentences",
    "group_victim_sentences",
    "group_agent_at_best",
    "state_agent_at_best",
    "accident_at_best",
    *(f"log_{label.lower()}" for label in NEG_LABELS),
    "log_sentences",
)
# Features of the second, length-normalised linear model (``lexical.py``), when the model has one.
# Passages only: its logit for a whole long text is diluted by unrelated paragraphs, as a reader's
# attention is not; the strongest passages carry the report.
LEXICAL_FEATURES = ("lex_max", "lex_top3")
# The second stage's extra feature (``embedding.py``): the fine-tuned reader's logit for the text's
# strongest passage.
EMBEDDING_FEATURES = ("reader_logit",)


class Reader(Protocol):
    """What the second stage needs of a reader: :class:`minilm.NumpyReader` at run time,
    :class:`embedding.PassageReader` (PyTorch) while training."""

    name: str

    def logits(self, passages: Sequence[str]) -> np.ndarray: ...


_NEG_COLUMNS = [FEATURES.index(f"log_{label.lower()}") for label in NEG_LABELS]
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
    stage: str = "triage"  # "embedding" when the second stage scored this text
    triage_score: float | None = None  # the first stage's score, when the second one replaced it

    def is_attack(self, threshold: float = 0.5) -> bool:
        return self.score >= threshold

    @property
    def first_stage_score(self) -> float:
        """The triage stage's own score, whether or not the second stage replaced it."""
        return self.score if self.triage_score is None else self.triage_score


@dataclass
class _Analysis:
    """Per-text intermediate results: features for the calibration and evidence ranking."""

    sentences: list[str]
    features: np.ndarray
    sentence_strength: list[float]
    incident: list[bool]
    z_doc: float
    z_max: float
    cues: dict[str, int]
    # Features of the strongest incident sentence (attack event and casualty phrase) read alone.
    incident_features: np.ndarray | None = None
    # The lexical model's logit for each sentence: which ones the second stage reads.
    lexical_strength: list[float] = field(default_factory=list)

    @property
    def passage(self) -> str:
        """What the second stage reads: the sentences the lexical model rates highest."""
        return strongest_passage(self.sentences, self.lexical_strength or [0.0] * len(self.sentences))


def model_dir() -> Path:
    return data_path("model")


def pattern_files() -> list[Path]:
    return sorted(data_path("patterns").glob("triage_*.jsonl"))


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
        tokenizer: Any = spacy.blank("en").tokenizer  # a Tokenizer (typed as a plain callable)
        for label, phrases in phrase_lists.items():
            self.phrases.add(label, list(tokenizer.pipe(p.lower() for p in phrases)))

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of every match, one per label and start token."""
        found: list[tuple[str, int, int]] = []
        seen: set[tuple[str, int]] = set()
        strings = doc.vocab.strings
        for match_id, start, end in list(self.phrases(doc)) + list(self.tokens(doc)):
            label = strings[match_id]
            if (label, start) in seen:
                continue
            seen.add((label, start))
            found.append((label, start, end))
        return found

    def counts(self, doc: Doc) -> dict[str, int]:
        return _count(self.matches(doc))


def _count(matches: Iterable[tuple[str, int, int]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for label, _start, _end in matches:
        found[label] = found.get(label, 0) + 1
    return found


# Between an actor and its verb: a reporting verb, a passive, a clause break or another actor means
# the actor is not the one doing it ("police said gunmen killed", "three soldiers were killed").
_NOT_AGENT_BETWEEN = {
    "said", "says", "say", "told", "reported", "according", "claimed", "claim", "accused", "blamed",
    "was", "were", "is", "are", "been", "being", "be", "got", ",", ";", ":", "that", "which",
    "and", "or", "after", "when", "as", "while", "before", "against", "in", "during", "died", "dies",
    "dead",
}  # fmt: skip
# After a participle, these make it a passive with the actor before it as the victim: "soldiers
# killed by Boko Haram", "militants killed in an army raid" (headlines drop the "were").
_PASSIVE_AFTER = {"by", "in", "during", "when", "as", "after", "while"}
_PERFECT = {"have", "has", "had"}
_ACTOR_WINDOW = 6


@dataclass(frozen=True)
class Roles:
    """Who does the violence a sentence reports, read from word order (no parser).

    The corrected labels turn on it: "rebels killed 36 villagers" is an attack, "the army killed
    36 rebels" and "an air strike killed 36" are not. ``group_agent``: an armed group (militants,
    gunmen, a named group) acts ("militants stormed", "killed by gunmen"); ``state_agent``: state
    forces act ("troops shelled", "shot by police", "an air strike"); ``group_victim``: an armed
    group is on the receiving end ("killing 20 militants").
    """

    group_agent: bool = False
    state_agent: bool = False
    group_victim: bool = False

    @classmethod
    def read(cls, doc: Doc, matches: Sequence[tuple[str, int, int]]) -> Roles:
        actors = [(start, end, label) for label, start, end in matches if label in ("GROUP", "STATE")]
        violence = [(start, end) for label, start, end in matches if label == "VIOLENCE"]
        words = [t.lower_ for t in doc]
        agent = {"GROUP": False, "STATE": False}
        group_victim = False
        for start, end, label in actors:
            for v_start, v_end in violence:
                before = set(words[end:v_start])
                if end <= v_start <= end + _ACTOR_WINDOW and not (
                    before & _NOT_AGENT_BETWEEN or any(end <= a < v_start for a, _e, _l in actors)
                ):
                    if (
                        v_end < len(words)
                        and words[v_end] in _PASSIVE_AFTER
                        and words[v_end - 1].endswith(("ed", "shot", "hit"))
                        and not before & _PERFECT
                    ):
                        group_victim = group_victim or label == "GROUP"  # "militants killed in a raid"
                    else:
                        agent[label] = True  # "militants on Friday stormed"
                elif v_end <= start <= v_end + 3:
                    between = words[v_end:start]
                    if "by" in between:
                        agent[label] = True  # "killed by suspected militants"
                    elif label == "GROUP" and not set(between) & _NOT_AGENT_BETWEEN:
                        group_victim = True  # "killing 20 militants"

        # "an air strike" is the state's, unless the text says whose: "a drone strike by the Houthis"
        def claimed(end: int) -> bool:
            return words[end : end + 1] == ["by"] and any(
                lab == "GROUP" and end + 1 <= a <= end + 3 for a, _e, lab in actors
            )

        state_strike = any(label == "STATE_STRIKE" and not claimed(e) for label, _s, e in matches)
        return cls(
            group_agent=agent["GROUP"],
            state_agent=agent["STATE"] or state_strike,
            group_victim=group_victim,
        )


class TriageModel:
    """Scores texts; load once per process (``TriageModel.load()``) and reuse."""

    def __init__(
        self,
        nlp: Language,
        rules: RuleSet,
        calibration: dict[str, Any] | None,
        *,
        max_chars: int = 100_000,
        lexical: LexicalModel | None = None,
        reader: Reader | None = None,
    ) -> None:
        self.nlp = nlp
        self.lexical = lexical
        # The second stage runs only with its reader and its calibration both present.
        stage2 = (calibration or {}).get("embedding")
        self.stage2: dict[str, Any] | None = stage2 if reader and stage2 else None
        self.reader = reader if self.stage2 else None
        self.incident_pooling = True
        self.rules = rules
        self.calibration = calibration
        # The fitted weights as arrays once, not converted from JSON lists on every score.
        self._first = _Linear.of(calibration) if calibration is not None else None
        self._second = _Linear.of(self.stage2) if self.stage2 is not None else None
        self.max_chars = max_chars
        # A TextCategorizer; spaCy types get_pipe's result as a plain callable.
        self.textcat: Any = nlp.get_pipe("textcat") if "textcat" in nlp.pipe_names else None
        self.meta = dict(nlp.meta)
        self._bias: float | None = None

    @classmethod
    def load(
        cls, path: Path | None = None, *, max_chars: int = 100_000, embedding: bool | None = False
    ) -> TriageModel:
        """``embedding``: False (the default) scores with triage alone; None uses the second stage
        when the model has one and its encoder is installed; True fails when it cannot."""
        path = path or model_dir()
        calibration = None
        lexical = None
        reader = None
        if (path / "textcat" / "config.cfg").exists():
            nlp = spacy.load(path / "textcat")
            calibration_file = path / "calibration.json"
            if calibration_file.exists():
                calibration = json.loads(calibration_file.read_text(encoding="utf-8"))
            if (path / "lexical.npz").exists():
                lexical = LexicalModel.load(path / "lexical.npz")
        else:
            nlp = spacy.blank("en")
        if calibration is not None and list(calibration["features"]) != list(FEATURES) + (
            list(LEXICAL_FEATURES) if lexical is not None else []
        ):
            raise ValueError(f"{path}: calibration.json does not match this version's features: retrain")
        has_stage2 = bool(calibration and "embedding" in calibration and (path / READER_FILE).exists())
        if has_stage2 and list(calibration["embedding"]["features"]) != [  # type: ignore[index]
            *FEATURES,
            *LEXICAL_FEATURES,
            *EMBEDDING_FEATURES,
        ]:
            raise ValueError(f"{path}: the second stage does not match this version's features: retrain")
        if embedding is not False and has_stage2:
            reader = NumpyReader.load(path)
        if embedding and reader is None:
            raise RuntimeError(
                f"{path}: no second stage"
                if not has_stage2
                else f"{path}: the second stage's files or libraries (tokenizers, safetensors) are missing"
            )
        return cls(
            nlp,
            RuleSet(nlp.vocab, pattern_files()),
            calibration,
            max_chars=max_chars,
            lexical=lexical,
            reader=reader,
        )

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

    @property
    def stage2_name(self) -> str:
        """The second stage's reader, or "none" when this model scores with triage alone."""
        return self.reader.name if self.reader is not None else "none"

    # --- scoring ------------------------------------------------------------------------------

    def score(self, text: str, title: str = "") -> Triage:
        return self.score_many([text], [title])[0]

    def score_many(
        self,
        texts: Iterable[str],
        titles: Iterable[str] | None = None,
        batch_size: int = 64,
        *,
        second_stage: bool = True,
    ) -> list[Triage]:
        """Scores in order; ``second_stage=False`` gives the first stage's alone (for measuring)."""
        texts = list(texts)
        title_list = list(titles) if titles is not None else [""] * len(texts)
        out: list[Triage] = []
        for start in range(0, len(texts), batch_size):
            chunk = self.analyse(texts[start : start + batch_size], title_list[start : start + batch_size])
            triages = [self._finish(analysis) for analysis in chunk]
            if second_stage and self.stage2 is not None:
                self._second_stage(chunk, triages)
            out.extend(triages)
        return out

    def _second_stage(self, chunk: list[_Analysis], triages: list[Triage]) -> None:
        """Rescore, in place, the texts whose triage score reaches the gate, with the reader's logit."""
        assert self.stage2 is not None and self.reader is not None
        gate = float(self.stage2["gate"])
        chosen = [i for i, t in enumerate(triages) if t.score >= gate]
        if not chosen:
            return
        logits = self.reader.logits([chunk[i].passage for i in chosen])
        for i, logit in zip(chosen, logits, strict=True):
            analysis = chunk[i]
            assert self._second is not None
            score = self._second.score(np.append(analysis.features, logit))
            if analysis.incident_features is not None:
                score = max(score, self._second.score(np.append(analysis.incident_features, logit)))
            triages[i].triage_score = triages[i].score
            triages[i].score = score
            triages[i].stage = "embedding"

    def analyse(self, texts: Sequence[str], titles: Sequence[str]) -> list[_Analysis]:
        """Features of each text (used by :meth:`score_many` and by training)."""
        per_text = [self._read(text, title) for text, title in zip(texts, titles, strict=True)]
        # The bag-of-n-grams model is linear before its output: a passage's logit is the sum of its
        # sentences' logits less the repeated bias (bar the n-grams that straddle a sentence break),
        # so one batched prediction over sentences gives the whole text and the sentence pairs too.
        flat = [doc for _sentences, docs in per_text for doc in docs]
        z_flat = self._predict(flat)
        out, start = [], 0
        for sentences, docs in per_text:
            z_sent = z_flat[start : start + len(docs)]
            start += len(docs)
            bias = self.bias
            z_doc = float((z_sent - bias).sum() + bias)
            z_pairs = z_sent[:-1] + z_sent[1:] - bias
            z = np.clip(np.concatenate([[z_doc], z_sent, z_pairs]), -_Z_CLIP, _Z_CLIP)
            analysis = self._features(sentences, docs, z, len(docs))
            pooled = (
                [i for i in range(len(docs)) if analysis.incident[i] and not recalls_the_past(sentences[i])]
                if self.incident_pooling and len(docs) > 1
                else []
            )
            if pooled:
                best = max(pooled, key=lambda i: analysis.sentence_strength[i])
                alone = self._features([sentences[best]], [docs[best]], np.array([z[1 + best]] * 2), 1)
                # (one dated to a past month or year recalls an attack and is not pooled alone)
                # ...but in the article's context: its negative contexts (a trial, an anniversary) stay.
                alone.features[_NEG_COLUMNS] = analysis.features[_NEG_COLUMNS]
                analysis.incident_features = alone.features
            out.append(analysis)
        return out

    def _read(self, text: str, title: str) -> tuple[list[str], list[Doc]]:
        """The title and the sentences of a text, with their (normalised) docs; empty ones dropped."""
        sentences = split_sentences(text[: self.max_chars])
        if title.strip():
            sentences.insert(0, " ".join(title.split()))
        kept, docs = [], []
        for sentence in sentences:
            doc = self.nlp.make_doc(normalise(sentence))
            if len(doc):
                kept.append(sentence)
                docs.append(doc)
        if not docs:  # nothing to read: one placeholder keeps the shapes simple
            kept, docs = [""], [self.nlp.make_doc("-")]
        return kept, docs

    def passages(self, texts: Sequence[str]) -> list[str]:
        """The passage the second stage reads for each text, as :meth:`analyse` chooses it (training)."""
        out = []
        for text in texts:
            sentences, docs = self._read(text, "")
            out.append(strongest_passage(sentences, self._lexical_features(docs)[1]))
        return out

    @property
    def bias(self) -> float:
        """The output layer's bias, as a logit of the positive class."""
        if self._bias is None:
            self._bias = 0.0
            if self.textcat is not None:
                labels = list(self.textcat.labels)
                for node in self.textcat.model.walk():
                    if node.name == "sparse_linear" and node.has_param("b"):
                        b = node.get_param("b")
                        self._bias = float(b[labels.index(POSITIVE)] - b[labels.index(NEGATIVE)])
        return self._bias

    def _predict(self, docs: list[Doc]) -> np.ndarray:
        """Logit of the positive class for each doc (unclipped)."""
        if self.textcat is None or not docs:
            return np.zeros(len(docs))
        scores = np.asarray(self.textcat.model.ops.to_numpy(self.textcat.model.predict(docs)))
        labels = list(self.textcat.labels)
        positive, negative = scores[:, labels.index(POSITIVE)], scores[:, labels.index(NEGATIVE)]
        return np.log(np.maximum(positive, 1e-30)) - np.log(np.maximum(negative, 1e-30))

    def _features(self, sentences: list[str], docs: list[Doc], z: np.ndarray, n: int) -> _Analysis:
        z_doc = float(z[0])
        z_sent = z[1 : 1 + n]
        z_units = z[1:]
        matched = [self.rules.matches(doc) for doc in docs]
        cues_per_sentence = [_count(m) for m in matched]
        roles = [Roles.read(doc, m) for doc, m in zip(docs, matched, strict=True)]
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
        incident = [bool(c.get("EVENT") and c.get("CASUALTY")) for c in cues_per_sentence]
        # The strongest passage: a sentence, or a sentence pair (attributed to its better sentence).
        best_unit = int(np.argmax(z_units))
        if best_unit < n:
            best_sentence = best_unit
        else:
            pair = best_unit - n
            best_sentence = pair + int(z_sent[pair + 1] > z_sent[pair])
        top = np.sort(z_units)[::-1][:3]
        n_event = sum(1 for c in cues_per_sentence if c.get("EVENT"))
        lexical, lexical_strength = self._lexical_features(docs)
        features = [
            z_doc,
            float(z_units.max()),
            float(top.mean()),
            float(z_sent.max()),
            float(z_sent.mean()),
            float((z_sent > 0).mean()),
            max(rule),
            rule[best_sentence],
            math.log1p(n_event),
            n_event / n,
            math.log1p(sum(1 for c in cues_per_sentence if c.get("CASUALTY"))),
            math.log1p(sum(1 for c in cues_per_sentence if c.get("GROUP"))),
            float(negatives(cues_per_sentence[best_sentence])),
            math.log1p(sum(incident)),
            max((float(z_sent[i]) for i in range(n) if incident[i]), default=-_Z_CLIP),
            math.log1p(sum(r.group_agent for r in roles)),
            math.log1p(sum(r.state_agent for r in roles)),
            math.log1p(sum(r.group_victim for r in roles)),
            float(roles[best_sentence].group_agent),
            float(roles[best_sentence].state_agent),
            # a disaster or accident word where the text is strongest, and no armed group acting
            float(
                cues_per_sentence[best_sentence].get("NEG_DISASTER", 0) > 0
                and not roles[best_sentence].group_agent
            ),
            *(math.log1p(total.get(label, 0)) for label in NEG_LABELS),
            math.log1p(n),
            *lexical,
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
            incident=incident,
            z_doc=z_doc,
            z_max=float(z_units.max()),
            cues=total,
            lexical_strength=lexical_strength,
        )

    def _lexical_features(self, docs: list[Doc]) -> tuple[list[float], list[float]]:
        """The lexical model's logit for the best passage (sentence or adjacent pair) and the top
        three; and its logit for each sentence."""
        if self.lexical is None:
            return [], [0.0] * len(docs)
        slots = [ngram_slots(doc) for doc in docs]
        sentences = [self.lexical.logit(s) for s in slots]
        units = sentences + [
            self.lexical.logit(np.concatenate(pair)) for pair in zip(slots[:-1], slots[1:], strict=True)
        ]
        top = np.sort(np.clip(units, -_Z_CLIP, _Z_CLIP))[::-1]
        return [float(top[0]), float(top[:3].mean())], sentences

    def _finish(self, analysis: _Analysis) -> Triage:
        score = self.combine(analysis.features)
        if analysis.incident_features is not None:
            # A report of an attack with its casualties is news however long the text around it.
            score = max(score, self.combine(analysis.incident_features))
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
        if self._first is not None:
            return self._first.score(features)
        return round(_sigmoid(float(features[: len(FEATURES)] @ _RULE_WEIGHTS + _RULE_INTERCEPT)), 6)

    def evidence(self, analysis: _Analysis) -> list[str]:
        """The sentences that carry the decision, best first.

        Sentences that report an incident (an attack event and a casualty phrase) come first; when
        there are none, the strong sentences close to the best one; at least the best sentence.
        """
        strength = analysis.sentence_strength
        order = sorted(range(len(analysis.sentences)), key=lambda i: -strength[i])
        if not order:
            return []
        incidents = [i for i in order if analysis.incident[i] and strength[i] >= EVIDENCE_FLOOR]
        if not incidents:
            best = strength[order[0]]
            incidents = [
                i for i in order if strength[i] >= EVIDENCE_FLOOR and strength[i] >= best - EVIDENCE_MARGIN
            ]
        return [analysis.sentences[i] for i in (incidents or order[:1])[:MAX_EVIDENCE]]


@dataclass(frozen=True)
class _Linear:
    """A fitted calibration (``train.fit_calibration``): standardise, weigh, add, squash."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float

    @classmethod
    def of(cls, calibration: dict[str, Any]) -> _Linear:
        return cls(
            np.asarray(calibration["mean"], dtype=np.float64),
            np.asarray(calibration["scale"], dtype=np.float64),
            np.asarray(calibration["weights"], dtype=np.float64),
            float(calibration["intercept"]),
        )

    def score(self, features: np.ndarray) -> float:
        z = float(((features - self.mean) / self.scale) @ self.weights) + self.intercept
        return round(_sigmoid(z), 6)


EVIDENCE_FLOOR = 1.5
EVIDENCE_MARGIN = 0.9
# Hand-set weights of the rules-only mode (no trained model); features not named weigh 0.
_RULE_WEIGHT_BY_NAME = {
    "rule_best": 1.6,
    "rule_best_at_zmax": 0.6,
    "event_sentences": 0.8,
    "event_fraction": 1.0,
    "casualty_sentences": 0.5,
    "group_sentences": 0.3,
    "neg_at_zmax": -0.5,
    "incident_sentences": 0.5,
    **{f"log_{label.lower()}": -0.8 for label in NEG_LABELS},
    "log_sentences": -0.2,
}
_RULE_WEIGHTS = np.array([_RULE_WEIGHT_BY_NAME.get(name, 0.0) for name in FEATURES])
_RULE_INTERCEPT = -3.2
assert len(_RULE_WEIGHTS) == len(FEATURES)
