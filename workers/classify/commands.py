"""``wirewatch eval`` and ``wirewatch train``: added to the main CLI by :func:`register`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .embedding import mode_flag
from .evaluate import Evaluation, SystemResult


class Stage2(StrEnum):
    """Whether to use the second stage (the fine-tuned reader)."""

    auto = "auto"
    on = "on"
    off = "off"

    @property
    def flag(self) -> bool | None:
        return mode_flag(self.value)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` and ``train`` commands to ``app``."""
    app.command("eval")(eval_command)
    app.command("train")(train_command)


def eval_command(
    data: Annotated[Path, typer.Argument(help="Labelled JSON Lines: text, label, source, category.")],
    threshold: Annotated[float, typer.Option(help="Score at or above which a text is an attack.")] = 0.5,
    baselines: Annotated[
        bool, typer.Option("--baselines", help="Also run the keyword rule and TF-IDF + logistic regression.")
    ] = False,
    train: Annotated[
        Path | None,
        typer.Option(help="Training rows for the TF-IDF baseline (default: train.jsonl beside DATA)."),
    ] = None,
    corrected: Annotated[
        bool,
        typer.Option("--corrected", help="Also report metrics on labels fixed by label_corrections.tsv."),
    ] = False,
    corrections: Annotated[
        Path | None, typer.Option(help="Label corrections TSV (default: bundled).")
    ] = None,
    plot: Annotated[Path | None, typer.Option(help="Write the precision-recall curves to this PNG.")] = None,
    errors: Annotated[int, typer.Option(help="Show this many false positives and false negatives.")] = 0,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write all figures as JSON here.")] = None,
    model: Annotated[
        Path | None, typer.Option(help="A model from `wirewatch train --out` (default: the bundled one).")
    ] = None,
    embedding: Annotated[
        Stage2, typer.Option(help="Second stage: auto uses it if the model has one and `embed` is installed.")
    ] = Stage2.auto,
) -> None:
    """Precision, recall, F1, confusion matrix, PR table and per-source metrics on DATA."""
    from .classifier import Classifier
    from .evaluate import evaluate, plot_pr

    console = Console(width=max(Console().width, 120))
    evaluation = evaluate(
        data,
        classifier=Classifier.load(threshold=threshold, model=model, embedding=embedding.flag),
        threshold=threshold,
        baselines=baselines,
        train_path=train,
        corrected=corrected,
        corrections=corrections,
    )
    console.print(
        f"[bold]{data}[/]: {len(evaluation.rows)} rows, classifier {evaluation.classifier['name']} "
        f"{evaluation.classifier['version']}, {len(evaluation.rows) / evaluation.seconds:.0f} articles/s"
    )
    _print_systems(console, "original labels", evaluation.systems)
    if evaluation.corrected:
        _print_systems(
            console, f"corrected labels ({evaluation.corrections_applied} changed)", evaluation.corrected
        )
    _print_pr(console, evaluation)
    if errors:
        _print_errors(console, evaluation, errors)
    if plot is not None:
        plot_pr(evaluation, plot)
        console.print(f"wrote {plot}")
    if json_out is not None:
        json_out.write_text(json.dumps(evaluation.as_dict(errors=errors), indent=1) + "\n", encoding="utf-8")
        console.print(f"wrote {json_out}")


def train_command(
    data: Annotated[Path, typer.Argument(help="Labelled JSON Lines to train on.")],
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the bundled config/model).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same data and seed: same model).")] = 0,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the calibration.")] = 4,
    embedding: Annotated[
        Stage2, typer.Option(help="Train the second stage: auto when the `embed` extra is installed.")
    ] = Stage2.auto,
    corrections: Annotated[
        Path | None,
        typer.Option(help="Label corrections TSV applied to DATA before training (default: bundled)."),
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            help="Keep the per-fold models, features and readers here: a rerun reuses them, and "
            "bench/second_stage_study.py reads them (default: a temporary directory)."
        ),
    ] = None,
) -> None:
    """Rebuild the triage model (text classifier + calibration) from DATA, deterministically."""
    from .train import train as run_training
    from .triage import model_dir

    summary = run_training(
        data,
        out or model_dir(),
        seed=seed,
        folds=folds,
        embedding=embedding.flag,
        corrections=corrections,
        work_dir=work_dir,
    )
    result = {"oof": summary["oof"], "threshold_before_shift": summary["threshold_before_shift"]}
    if "embedding" in summary:
        result["second_stage"] = {k: summary["embedding"][k] for k in ("encoder", "gate", "oof")}
    typer.echo(json.dumps(result))


def _print_systems(console: Console, title: str, systems: list[SystemResult]) -> None:
    table = Table(title=f"Overall and per source, {title}, threshold {systems[0].threshold}")
    for column in ("system", "source", "n", "pos", "P", "R", "F1", "TP", "FP", "FN", "TN"):
        table.add_column(column, justify="left" if column in ("system", "source") else "right")
    for system in systems:
        for source, m in [("all", system.overall), *system.by_source.items()]:
            table.add_row(
                system.name,
                source,
                str(m.n),
                str(m.positives),
                f"{m.precision:.3f}",
                f"{m.recall:.3f}",
                f"{m.f1:.3f}",
                str(m.tp),
                str(m.fp),
                str(m.fn),
                str(m.tn),
            )
        table.add_section()
    console.print(table)


def _print_pr(console: Console, evaluation: Evaluation) -> None:
    for system in evaluation.systems:
        if not system.pr_table:
            continue
        table = Table(
            title=f"Precision-recall, {system.name} (average precision {system.average_precision:.3f})"
        )
        for column in ("threshold", "P", "R", "F1", "alerts"):
            table.add_column(column, justify="right")
        for threshold, m in system.pr_table:
            table.add_row(
                f"{threshold:.1f}", f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.tp + m.fp)
            )
        console.print(table)


def _print_errors(console: Console, evaluation: Evaluation, limit: int) -> None:
    fps, fns = evaluation.errors(limit)
    for title, indices in (("False positives", fps), ("False negatives", fns)):
        console.print(f"\n[bold]{title}[/] ({len(indices)} shown, {evaluation.error_labels})")
        for i in indices:
            row = evaluation.error_rows[i]
            console.print(
                f"[cyan]{evaluation.main.scores[i]:.3f}[/] {row.group} [dim]{row.category}[/] "
                f"{' '.join(row.text.split())[:240]}",
                markup=True,
                highlight=False,
            )
            for sentence in evaluation.triages[i].evidence[:2]:
                console.print(f"    [green]evidence:[/] {sentence[:200]}", highlight=False)
