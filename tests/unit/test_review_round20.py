"""Mends after the independent review of the twentieth round: each case is one the review found
the round's first rules got wrong."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Protesters burned the flag of the United States in Lahore.",
        "Residents burned an effigy of the minister in Quetta.",
    ],
)
def test_burning_a_flag_or_an_effigy_is_no_arson(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


def test_the_place_of_an_event_reported_there_stays_where(extractor: Extractor) -> None:
    text = "Two explosions were reported in Quetta on Monday, killing three people, police in Karachi said."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Quetta"


def test_a_province_named_as_such_keeps_the_countrys_town(extractor: Extractor) -> None:
    text = "A bomb exploded outside a bank in Santiago province, injuring two, Chilean police said."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.country_code == "CL"


def test_a_neighborhood_of_working_families_is_no_place(extractor: Extractor) -> None:
    text = "A CAR BOMB EXPLODED TODAY IN A NEIGHBORHOOD OF WORKING FAMILIES IN MEDELLIN, KILLING FOUR PEOPLE."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Medellín"


def test_the_reports_own_toll_is_kept_when_the_earlier_attacks_comes_first() -> None:
    """ "A week after 35 were killed ..., 41 people are killed in another attack": the 41 are this
    report's dead and stay counted (the rule dropped them and kept the 35). Since round 21 the 35,
    told as the time of this attack, are left out: 41."""
    text = "A week after 35 were killed in a market bombing, 41 people are killed in another attack."
    assert parse_casualties(text).killed == 41


def test_an_and_after_a_verb_joins_clauses() -> None:
    """ "while 40 villagers fled and others were wounded": the 40 fled; none of them is counted
    wounded."""
    cas = parse_casualties("Two soldiers were killed while 40 villagers fled and others were wounded.")
    assert cas.injured != 40
