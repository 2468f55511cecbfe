"""Incident rules of the tenth round, each on the sentence that showed it, with the cases that
must not change."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor


@pytest.fixture(scope="module", params=[True, False], ids=["ner", "gazetteer"])
def extractor(request: pytest.FixtureRequest) -> Extractor:
    return Extractor(use_ner=request.param)


def _country(extractor: Extractor, text: str) -> str | None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    return incident.location.country_code


def test_a_subdivision_abroad_is_the_articles_own_small_place(extractor: Extractor) -> None:
    """The data packages know "Uri" only as a Swiss canton; in a report that names Baramulla and
    Srinagar it is the Kashmir town, and the map gets no Swiss pin."""
    text = (
        "Four heavily armed militants stormed an army brigade headquarters in Uri near the Line of"
        " Control on Sunday, killing 17 soldiers. The attack in Baramulla district was the deadliest"
        " on the army in Kashmir in two decades. Officials in Srinagar blamed Jaish-e-Mohammed."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.name == "Uri"
    assert incident.location.country_code == "IN"
    assert incident.location.lat is None


def test_a_subdivision_keeps_its_country_when_the_article_points_there(extractor: Extractor) -> None:
    alone = "A bomb exploded outside a police station in Uri, killing two officers."
    assert _country(extractor, alone) == "CH"
    text = (
        "A bomb exploded outside a police station in Uri on Sunday, killing two officers. Swiss police"
        " said the attack in Uri was the first of its kind; officials in Srinagar sent condolences."
    )
    assert _country(extractor, text) == "CH"
