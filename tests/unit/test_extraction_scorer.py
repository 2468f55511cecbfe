"""The per-field scorer of bench/extraction_accuracy.py: what counts as a right location."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from wirewatch.workers.models import Incident, Location

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extraction_accuracy.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(location: str | None, country: str | None) -> dict:
    return {
        "type": "armed_assault",
        "types": ["armed_assault"],
        "location": location,
        "location_alt": [],
        "country_code": country,
        "killed": None,
        "injured": None,
        "actors": [],
        "targets": [],
        "target_heads": [],
        "date": None,
        "date_iso": None,
    }


def _pred(name: str, country: str | None) -> Incident:
    return Incident(type="armed_assault", location=Location(name=name, country_code=country), sentence="")


@pytest.mark.parametrize(
    ("pred", "gold", "right"),
    [
        (("Mali", "ML"), (None, "ML"), True),  # the annotation names no place, only its country
        (("northern Cameroon", "CM"), (None, "CM"), True),
        (("Mali", "ML"), (None, "NE"), False),  # another country
        (("Gao", "ML"), (None, "ML"), False),  # a town the annotators did not read as the place
        (("Mali", "ML"), ("Gao", "ML"), False),  # the annotation names a town: the country is not it
        (("Gao", "ML"), ("Gao", "ML"), True),
    ],
)
def test_a_country_level_location_is_right_only_where_no_place_is_named(
    scorer: ModuleType, pred: tuple[str, str], gold: tuple[str | None, str], right: bool
) -> None:
    result = scorer.score(_pred(*pred), _gold(*gold))
    assert result["location"] is right and result["location_strict"] is right
