"""Rules of the twentieth round, read off the nineteenth set: the Colombian EPL is a group of
its own, not "Maoist" India's; where the news was reported is no place of the attack; "the
municipality of Arboletes" is a designated place in all-caps copy; "Gedo region" is Somalia's
region, not Ethiopia's town; the state's operations kill no attack's victims;
a group's toll "since it was founded in 1985" and "had so far been killed" are tallies; a count
"killed in another attack" beside the sentence's own is not added; a count that opens its clause
("while 10 Police and FC men were injured") takes the cue after it."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


def test_the_maoist_popular_liberation_army_is_the_epl(extractor: Extractor) -> None:
    """heldout-19 train-3116: the actor was the Communist Party of India (Maoist), the place the
    city the news was reported in."""
    text = (
        "THREE POLICEMEN WERE KILLED AND\nONE WAS WOUNDED TODAY IN AN AMBUSH SET BY GUERRILLAS OF THE"
        " MAOIST\nPOPULAR LIBERATION ARMY (EPL) IN THE NORTHWESTERN MUNICIPALITY OF\nARBOLETES, IT WAS"
        " OFFICIALLY REPORTED IN BOGOTA."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].actors == ["EPL"]
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Arboletes", "CO")


def test_a_region_named_as_such_is_the_region(extractor: Extractor) -> None:
    """heldout-19 train-1976: Ethiopia's town of Gedo took the Somali region's place."""
    text = (
        "An attack has been launched on a Kenyan military base in Gedo region, causing deaths and"
        " injuries, reports say. At least one Kenyan soldier was killed after al-Shabab fighters"
        " attacked a military base."
    )
    incidents = extractor.extract(text, []).incidents
    assert incidents
    assert incidents[0].location is not None
    assert incidents[0].location.country_code == "SO"


@pytest.mark.parametrize(
    "text",
    [
        "A security operation by the Somali Army in Lower Shabelle region kills 14 al-Shabaab fighters.",
    ],
)
def test_the_states_strikes_and_operations_are_no_attack(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-19 train-2339
        (
            "SINCE THE UP WAS FOUNDED IN 1985, APPROXIMATELY 900 OF ITS MEMBERS HAVE BEEN MURDERED.",
            None,
            None,
        ),
        # heldout-19 train-3853
        (
            "He added that six people belonging to the Ahmadi community had so far been killed in 2013.",
            None,
            None,
        ),
        # heldout-19 train-7562
        (
            "Forty one people are killed in an attack in the Yoro and Gangafani villages in Mali, one week"
            " after 35 are killed in another attack.",
            41,
            None,
        ),
        ("Two soldiers were killed in another attack in Kunar.", 2, None),
        # heldout-19 train-3696
        (
            "Five Security Force (SF) personnel, including Superintendent of Police (SP) Rural Khurshid"
            " Khan, were killed while 10 Police and Frontier Constabulary (FC) men were injured when the"
            " militants attacked.",
            5,
            10,
        ),
        ("Two policemen have also been killed in the attack so far, officials said.", 2, None),
    ],
)
def test_tolls(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_burnt_a_temple_is_arson_with_its_date(extractor: Extractor) -> None:
    """heldout-19 train-3628: "burnt" was no trigger, so the first sentence, with the actors and
    the date, was not the attack's."""
    text = (
        "Unidentified militants burnt a Hindu temple behind Barrage Colony area in Tando Mohammad Khan"
        " District on November 20, reports Dawn. A deity and religious books in the temple were reduced"
        " to ashes in the suspected arson attack."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].type == "arson"
    assert incidents[0].date == "on November 20"
    assert incidents[0].targets[:1] == ["a Hindu temple"]
