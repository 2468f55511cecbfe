"""Round 34, read off the twenty-fifth set's errors: names set off by commas after a count, a
denial that names its people ("not a single person was killed"), a toll "in separate attacks", a
thing after a person's "of" in a list of victims, "human loss" denied; the region a known town is
said to lie in, an agency's dateline after a headline; the state's own forces and a group's name
without its apostrophe."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the names after a count, set off by commas, are theirs: the verb after them is the count's
        (
            "A barber named Shafiq, was shot dead and another two shopkeepers, Aslam and Sajjad, were "
            "injured when unidentified assailants opened fire on them.",
            1,
            2,
        ),
        # a denial's people are no toll
        ("NOT A SINGLE PERSON WAS KILLED IN MEDELLIN.", 0, None),
        ("Two soldiers were killed but not a single civilian was hurt.", 2, 0),
        ("Not one of the 12 passengers was injured.", 0, 0),
        # "the driver of a covered van" is one person of the list
        (
            "In Feni District, the driver of a covered van and a day laborer were injured in crude bomb "
            "attacks.",
            None,
            2,
        ),
        ("The owner of the shop and his son were shot dead.", 2, None),
        # ... or a place's name
        ("THE GUERRILLA COMMANDOS KILLED THE MAYOR OF SANTA ANA AND HIS BODYGUARD.", 2, None),
        ("The mother of two children and a neighbour were killed.", 3, None),
        # no human loss: no one died
        ("The blast, however, did not cause any human loss to the PTI candidate or his neighbours.", 0, None),
    ],
)
def test_round34_counts(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


def test_a_region_several_countries_share_is_the_known_towns(extractor: Extractor) -> None:
    details = extractor.extract(
        "Three persons were killed and 27 others were injured in a bomb explosion outside the Baba Haider "
        "Sayeen shrine in Lahore in Punjab Province on February 3, reports Daily Times.",
        [],
    )
    (incident,) = details.incidents
    assert incident.location is not None
    assert (incident.location.name, incident.location.country_code) == ("Lahore", "PK")
    assert incident.location.lat is not None


def test_an_agencys_name_is_no_place(extractor: Extractor) -> None:
    details = extractor.extract(
        "NEW DELHI, March 7 (Xinhua) -- Two civilians were killed in separate attacks in restive "
        "Indian-controlled Kashmir, police said Saturday.",
        [],
    )
    assert details.incidents[0].location is not None and details.incidents[0].location.name == "Kashmir"
    assert "Xinhua" not in [loc.name for loc in details.locations]


def test_an_agencys_dateline_after_a_headline(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "At least six Mali troops killed by landmines: army Bamako, March 12, 2019 (AFP) - Six Malian "
        "troops were killed on Tuesday when their vehicles drove over improvised land mines in the centre "
        "of the country, the army said.",
        [],
    ).incidents
    assert incident.location is not None and incident.location.name != "Bamako"
    assert incident.location.country_code == "ML"
    assert incident.date == "on Tuesday"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the state's army named by NER beside "by" is no armed group
        (
            "LeT militants fired upon an Army patrol party in Rajwar forests in Kupwara District on May 25 "
            "night. A joint operation was launched by Army and Special Operations Group SOG Handwara in "
            "Rajwar forest area.",
            ["Lashkar-e-Taiba"],
        ),
        # a group's name without its apostrophe is the same group
        (
            "A former cadre was gunned down by cadres of the People s Liberation Front of India (PLFI) on "
            "April 2 in Duko village in Gumla District.",
            ["People's Liberation Front of India"],
        ),
    ],
)
def test_round34_actors(extractor: Extractor, text: str, actors: list[str]) -> None:
    assert extractor.extract(text, []).actors == actors
