"""Evaluation: metrics, baselines, per-source figures, corrections, plot and the CLI commands."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from wirewatch.workers.classify.classifier import Classifier
from wirewatch.workers.classify.commands import register
from wirewatch.workers.classify.dataset import apply_corrections, load_corrections, load_rows, source_group
from wirewatch.workers.classify.embedding import READER_NAME
from wirewatch.workers.classify.evaluate import Metrics, average_precision, evaluate, keyword_scores, plot_pr
from wirewatch.workers.classify.passages import text_hash

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "labelled"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every 40th dev row and every 200th train row, as small JSON Lines files side by side."""
    if not (SHARED / "dev.jsonl").exists():
        pytest.skip("shared data missing")
    folder = tmp_path_factory.mktemp("labelled")
    for name, step in (("dev.jsonl", 40), ("train.jsonl", 20)):
        lines = (SHARED / name).read_text(encoding="utf-8").splitlines()[::step]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "dev.jsonl"


def test_metrics_arithmetic() -> None:
    m = Metrics.of(np.array([0.9, 0.8, 0.2, 0.6, 0.1]), np.array([1, 1, 1, 0, 0]), 0.5)
    assert (m.tp, m.fp, m.fn, m.tn) == (2, 1, 1, 1)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    assert average_precision(np.array([0.9, 0.8, 0.1]), np.array([1, 0, 1])) == pytest.approx((1 + 2 / 3) / 2)


def test_keyword_rule() -> None:
    scores = keyword_scores(
        ["Militants attacked a base", "An IED went off", "Markets rallied", "terrorism law"]
    )
    assert scores.tolist() == [1.0, 1.0, 0.0, 1.0]


def test_source_groups() -> None:
    assert source_group("ianrastall/current-events-context:2017/08/2017-08-27.yaml") == "WCEP"
    assert source_group("eventdata/ConfliBERT:data/satp_relevant/train.tsv") == "SATP"
    assert source_group("eventdata/ConfliBERT:data/muc4/dev.json#12") == "MUC-4"
    assert source_group("emerging-welfare/case-2021-shared-task:task2/x.tsv") == "CASE"
    assert source_group("eventdata/ConfliBERT:data/BBC_News/test.tsv") == "BBC"


def test_corrections_change_labels_but_never_drop_rows(tmp_path: Path, sample: Path) -> None:
    rows = load_rows(sample)
    target = rows[0]
    table = tmp_path / "corrections.tsv"
    table.write_text(
        "source\tsha256\told\tnew\treason\n"
        f"{target.source}\t{text_hash(target.text)}\t{target.label}\t{1 - target.label}\ttest\n",
        encoding="utf-8",
    )
    fixed, changed = apply_corrections(rows, load_corrections(table))
    assert changed == 1 and len(fixed) == len(rows)
    assert fixed[0].label == 1 - target.label and fixed[1:] == rows[1:]


def test_bundled_corrections_are_well_formed() -> None:
    corrections = load_corrections()
    for digest, (old, new, reason) in corrections.items():
        assert len(digest) == 64 and old != new and reason


def test_evaluate_with_baselines_and_plot(tmp_path: Path, sample: Path, classifier: Classifier) -> None:
    evaluation = evaluate(sample, classifier=classifier, baselines=True, corrected=True)
    names = [s.name for s in evaluation.systems]
    assert names == [
        "wirewatch-triage",
        "keyword rule",
        "tf-idf + logistic regression",
        "tf-idf + LR, corrected train",
    ]
    assert evaluation.classifier["stage2"] == "none"
    # With the second stage, the first stage alone is measured in the same run.
    both = evaluate(sample, classifier=Classifier.load(embedding=True))
    assert [s.name for s in both.systems] == [f"wirewatch-triage + {READER_NAME}", "wirewatch-triage alone"]
    assert both.systems[1].scores.tolist() == evaluation.main.scores.tolist()
    main = evaluation.main
    assert main.overall.n == len(evaluation.rows)
    assert sum(m.n for k, m in main.by_source.items() if not k.startswith("mixed")) == main.overall.n
    assert main.overall.f1 > 0.7
    report = evaluation.as_dict(errors=3)
    json.dumps(report)
    assert set(report["errors"]) == {"labels", "false_positives", "false_negatives"}
    # With corrected labels measured, errors are read against them: every false negative listed is
    # an attack by the corrected label, whatever its original one.
    assert report["errors"]["labels"] == "corrected labels"
    fixed = {r.text[:300]: r.label for r in evaluation.corrected_rows}
    assert all(fixed[e["text"]] == e["label"] == 1 for e in report["errors"]["false_negatives"])
    assert all(fixed[e["text"]] == e["label"] == 0 for e in report["errors"]["false_positives"])
    assert evaluate(sample, classifier=classifier).as_dict(errors=1)["errors"]["labels"] == "original labels"
    plot_pr(evaluation, tmp_path / "pr.png")
    assert (tmp_path / "pr.png").read_bytes()[:4] == b"\x89PNG"


def test_cli_eval(tmp_path: Path, sample: Path) -> None:
    app = typer.Typer()
    register(app)
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(app, ["eval", str(sample), "--errors", "2", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output.lower() or "P" in result.output
    assert json.loads(out.read_text())["systems"][0]["name"] == f"wirewatch-triage + {READER_NAME}"
    alone = tmp_path / "alone.json"
    result = CliRunner().invoke(app, ["eval", str(sample), "--embedding", "off", "--json", str(alone)])
    assert result.exit_code == 0, result.output
    assert [s["name"] for s in json.loads(alone.read_text())["systems"]] == ["wirewatch-triage"]


def test_train_writes_a_model_that_loads_and_scores(tmp_path: Path, sample: Path) -> None:
    """`wirewatch train` end to end on a small real sample (triage stage only): four folds, the
    calibration, the final model; the written model loads and tells an attack from ordinary news."""
    from wirewatch.workers.classify.train import train
    from wirewatch.workers.classify.triage import FEATURES, LEXICAL_FEATURES, READER_FILE

    out = tmp_path / "model"
    summary = train(sample.parent / "train.jsonl", out, seed=0, embedding=False, log=lambda _line: None)
    assert summary["features"] == [*FEATURES, *LEXICAL_FEATURES]
    assert summary["rows"] == len(load_rows(sample.parent / "train.jsonl"))
    assert 0.0 < summary["oof"]["f1"] <= 1.0
    assert {p.name for p in out.iterdir()} == {"textcat", "lexical.npz", "calibration.json"}
    assert not (out / READER_FILE).exists()
    classifier = Classifier.load(model=out)
    attack = classifier.score("Gunmen stormed a police checkpoint and killed six officers, officials said.")
    market = classifier.score("Shares rose on Monday as the central bank left interest rates unchanged.")
    assert attack.score > market.score
