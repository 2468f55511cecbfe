"""Mends after the independent review of the nineteenth round: each case is one the review found
the round's first rules got wrong."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Gunmen attacked a checkpoint in the northern Helmand district of Sangin, killing four"
            " policemen.",
            "Sangin",
        ),
        (
            "Suspected Boko Haram militants kill 14 civilians in the southeast Diffa Region of Niger near the"
            " Nigerian border.",
            "Diffa",
        ),
    ],
)
def test_a_town_after_the_quartered_region_is_where(extractor: Extractor, text: str, place: str) -> None:
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name.startswith(place)


def test_attackers_linked_to_a_group_keep_it_as_their_actor(extractor: Extractor) -> None:
    """ "Militants linked to the Islamic State attacked a Taliban checkpoint": the Taliban were hit."""
    text = "Militants linked to the Islamic State attacked a Taliban checkpoint in Nangarhar, killing five."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert "Islamic State" in incidents[0].actors


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The blast did not harm any passengers but the driver was killed.", 1, None),
        ("The decision did not harm any chances of peace talks.", None, None),
    ],
)
def test_did_not_harm_any_yields_to_a_told_toll(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_militiaman_killed_is_a_victim() -> None:
    text = (
        "A militiaman was killed and two civilians were injured when Taliban attacked a checkpoint in"
        " Baghlan."
    )
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (1, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Army engineers demolished the old bridge with explosives in Kunar as part of a road project.",
        "Security forces destroyed a militant hideout with explosives in Kunar.",
    ],
)
def test_demolition_by_the_state_or_a_builder_is_no_attack(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


def test_a_pirate_radio_station_is_a_target_not_an_actor(extractor: Extractor) -> None:
    text = "A bomb exploded outside a pirate radio station in Lagos, injuring two."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].actors == []
    assert incidents[0].targets == ["a pirate radio station"]


def test_a_settlement_outpost_is_no_checkpoint(extractor: Extractor) -> None:
    text = "Settlers from a nearby outpost attacked Palestinian farmers, injuring three."
    assert [i.type for i in extractor.extract(text, []).incidents] == ["armed_assault"]


@pytest.mark.parametrize(
    ("text", "not_target"),
    [
        ("The roof of the house was blown away by the storm after gunmen killed two people.", "the house"),
        (
            "Two Palestinians were shot dead by Israeli police after they stabbed a policeman.",
            "Two Palestinians",
        ),
        ("Dozens of young men are shot dead by the military in Maiduguri, Nigeria.", "young men"),
    ],
)
def test_blown_away_and_the_forces_dead_are_no_targets(
    extractor: Extractor, text: str, not_target: str
) -> None:
    for incident in extractor.extract(text, []).incidents:
        assert not_target not in incident.targets


def test_a_name_before_a_dash_keeps_its_role_without_a_tagger() -> None:
    text = "GUERRILLAS KIDNAPPED JOSE PEREZ -- A LOCAL MAYOR -- IN THE TOWN OF SAN PEDRO."
    incidents = Extractor(use_ner=False).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].targets
    assert incidents[0].targets[0].startswith("jose perez")


def test_a_dash_before_the_victims_opens_no_target(extractor: Extractor) -> None:
    text = (
        "NINE PEOPLE WERE WOUNDED--SEVEN CIVILIANS AND TWO SOLDIERS--DURING AN OFFENSIVE LAUNCHED BY THE"
        " SALVADORAN GUERRILLAS IN THE CAPITAL."
    )
    incidents = extractor.extract(text, []).incidents
    assert incidents
    assert not any(t.startswith("--") for t in incidents[0].targets)
