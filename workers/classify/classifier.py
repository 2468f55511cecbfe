"""The classifier facade the pipeline calls: ``Classifier.load()`` once, then ``classify(text)``.

``score`` is the fast path (triage only); ``classify`` adds the details (attack types, casualties,
places, actors, incidents) from :mod:`.extraction` for texts at or above the threshold.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from wirewatch.workers.models import Verdict

from .triage import Triage, TriageModel

log = logging.getLogger(__name__)

NAME = "wirewatch-triage"


class Classifier:
    """Triage score plus extracted details; one instance per process (loading takes a second)."""

    name: str = NAME

    def __init__(
        self,
        triage: TriageModel,
        *,
        threshold: float = 0.5,
        max_chars: int = 100_000,
        use_ner: bool | None = None,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold}")
        self.triage = triage
        self.threshold = threshold
        self.max_chars = max_chars
        self.use_ner = use_ner
        self.version: str = triage.version
        self._extractor: Any = None
        self._extractor_loaded = False

    @classmethod
    def load(
        cls,
        *,
        threshold: float = 0.5,
        max_chars: int = 100_000,
        use_ner: bool | None = None,
        model: str | Path | None = None,
        embedding: bool | None = False,
    ) -> Classifier:
        """The bundled model (``config/model``), or the one written by ``wirewatch train --out model``.

        ``embedding``: False (the default) scores with triage alone; None uses the second stage
        when its encoder is installed (the ``embed`` extra); True fails without the encoder.
        """
        triage = TriageModel.load(
            Path(model) if model is not None else None, max_chars=max_chars, embedding=embedding
        )
        return cls(triage, threshold=threshold, max_chars=max_chars, use_ner=use_ner)

    # --- fast path ------------------------------------------------------------------------------

    def score(self, text: str, title: str = "") -> Triage:
        return self.triage.score(text, title)

    def score_many(
        self,
        texts: Iterable[str],
        titles: Iterable[str] | None = None,
        batch_size: int = 64,
        *,
        second_stage: bool = True,
    ) -> list[Triage]:
        return self.triage.score_many(texts, titles, batch_size=batch_size, second_stage=second_stage)

    # --- full verdict ----------------------------------------------------------------------------

    @property
    def extractor(self) -> Any:
        """The details extractor, loaded on first use; None when :mod:`.extraction` is unavailable."""
        if not self._extractor_loaded:
            self._extractor_loaded = True
            try:
                from .extraction import Extractor
            except ImportError:
                log.warning("wirewatch.workers.classify.extraction is unavailable: verdicts carry no details")
            else:
                self._extractor = Extractor(use_ner=self.use_ner)
        return self._extractor

    @property
    def info(self) -> dict[str, str]:
        extractor = self.extractor
        ner = str(getattr(extractor, "ner_name", "none")) if extractor is not None else "none"
        return {"name": self.name, "version": self.version, "ner": ner, "stage2": self.triage.stage2_name}

    def classify(self, text: str, title: str = "", *, reference: date | None = None) -> Verdict:
        return self.verdict(text, self.score(text, title), reference=reference)

    def verdict(self, text: str, triage: Triage, *, reference: date | None = None) -> Verdict:
        """The verdict for ``text`` given its triage (lets callers batch :meth:`score_many`).

        ``reference``: the article's publication date, for incident dates such as "on Tuesday"."""
        is_attack = triage.score >= self.threshold
        fields: dict[str, Any] = {
            "is_attack": is_attack,
            "score": triage.score,
            "evidence": list(triage.evidence),
            "classifier": self.info,
        }
        if is_attack and self.extractor is not None:
            details = self.extractor.extract(
                text[: self.max_chars], list(triage.evidence), reference=reference
            )
            for key in ("attack_types", "killed", "injured", "locations", "actors", "incidents"):
                value = getattr(details, key, None)
                if value is not None:
                    fields[key] = value
            if getattr(details, "evidence", None):
                fields["evidence"] = list(details.evidence)
        return Verdict.model_validate(fields)
