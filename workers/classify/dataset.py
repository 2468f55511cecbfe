"""Labelled rows (``text, label, source, category`` JSON Lines) and the label corrections file.

``config/label_corrections.tsv`` records labels we judged wrong while reading errors: one row per
text, keyed by the sha256 of its normalised text, with the old and new label and the reason. No row
is ever dropped: metrics are reported on the original labels and, with ``--corrected``, on these.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from pathlib import Path

from wirewatch.config import data_path

from .passages import text_hash

# Where a row comes from, from the prefix of its ``source`` (``owner/repo:path[#doc]``).
SOURCE_GROUPS = (
    ("current-events-context", "WCEP"),
    ("satp", "SATP"),
    ("muc4", "MUC-4"),
    ("case-2021", "CASE"),
    ("bbc_news", "BBC"),
)
MIXED_SOURCES = ("WCEP", "MUC-4", "CASE")
CORRECTIONS_HEADER = ("source", "sha256", "old", "new", "reason")


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    source: str = ""
    category: str = ""

    @property
    def group(self) -> str:
        return source_group(self.source)


def source_group(source: str) -> str:
    lowered = source.lower()
    for needle, name in SOURCE_GROUPS:
        if needle in lowered:
            return name
    return source.split(":", 1)[0] or "unknown"


def load_rows(path: str | Path) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                rows.append(
                    Row(
                        text=item["text"],
                        label=int(item["label"]),
                        source=item.get("source", ""),
                        category=item.get("category", ""),
                    )
                )
    return rows


def corrections_path() -> Path:
    return data_path("label_corrections.tsv")


def load_corrections(path: str | Path | None = None) -> dict[str, tuple[int, int, str]]:
    """sha256 of normalised text -> (old label, new label, reason)."""
    path = Path(path) if path is not None else corrections_path()
    if not path.exists():
        return {}
    found: dict[str, tuple[int, int, str]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            found[record["sha256"]] = (int(record["old"]), int(record["new"]), record["reason"])
    return found


def apply_corrections(rows: list[Row], corrections: dict[str, tuple[int, int, str]]) -> tuple[list[Row], int]:
    """Rows with corrected labels (same order and length) and how many labels changed."""
    out, changed = [], 0
    for row in rows:
        fix = corrections.get(text_hash(row.text)) if corrections else None
        if fix is not None and fix[0] == row.label and fix[1] != row.label:
            out.append(replace(row, label=fix[1]))
            changed += 1
        else:
            out.append(row)
    return out, changed
