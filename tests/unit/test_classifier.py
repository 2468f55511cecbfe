"""The facade: verdicts, thresholds, truncation, and the details from the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.workers.classify.classifier import Classifier
from wirewatch.workers.models import Verdict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "incidents" / "seed-isis-guerrilla-attacks.txt"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load()


def test_verdict_of_the_seed_article(classifier: Classifier) -> None:
    verdict = classifier.classify(SEED.read_text(encoding="utf-8"))
    assert isinstance(verdict, Verdict)
    assert verdict.is_attack
    assert verdict.score >= classifier.threshold
    assert verdict.classifier["name"] == "wirewatch-triage"
    assert verdict.classifier["version"] == classifier.version
    assert "ner" in verdict.classifier
    assert any("Kabul" in s for s in verdict.evidence)


def test_verdict_of_a_hard_negative_has_no_details(classifier: Classifier) -> None:
    verdict = classifier.classify((FIXTURES / "hard_negatives" / "football.txt").read_text(encoding="utf-8"))
    assert not verdict.is_attack
    assert verdict.incidents == [] and verdict.killed is None and verdict.attack_types == []


def test_threshold_decides_is_attack(classifier: Classifier) -> None:
    text = SEED.read_text(encoding="utf-8")
    strict = Classifier(classifier.triage, threshold=1.0)
    lenient = Classifier(classifier.triage, threshold=0.0)
    assert not strict.classify(text).is_attack
    assert lenient.classify("Share prices rose on Tuesday.").is_attack
    with pytest.raises(ValueError):
        Classifier(classifier.triage, threshold=1.5)


def test_text_beyond_max_chars_is_not_read() -> None:
    attack = (
        "On Tuesday, gunmen on motorcycles ambushed a military convoy near the town of Djibo in northern "
        "Burkina Faso, killing 17 soldiers and wounding 30 others, the army said."
    )
    filler = (FIXTURES / "triage" / "long-analysis-history.txt").read_text(encoding="utf-8") + "\n\n"
    short = Classifier.load(max_chars=len(filler))
    assert short.score(filler + attack).score < 0.5
    assert Classifier.load().score(filler + attack).score >= 0.5


def test_details_come_from_the_extractor_when_available(classifier: Classifier) -> None:
    verdict = classifier.classify(
        "A suicide bomber killed 12 people and wounded 30 at a market in Kabul on Sunday, police said. "
        "The Taliban claimed responsibility for the attack."
    )
    assert verdict.is_attack
    if classifier.extractor is None:
        pytest.skip("extraction module not available")
    assert verdict.classifier["ner"] == classifier.extractor.ner_name
    assert verdict.killed == 12
    assert verdict.incidents
