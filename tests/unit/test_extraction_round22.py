"""Round 22, read off the twentieth blind set (a tuning set once the twenty-first was drawn):
sources cited after a space, the place of an earlier attack the time is told by, a knifeman,
names listed without a closing comma, a toll that "rises up to", an attack dated to another
year, and militants killed in the forces' operation told in a relative clause."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


def test_sources_cited_after_a_space_are_no_context(extractor: Extractor) -> None:
    text = (
        "An early morning bomb explodes before two courthouses in Athens; there are no injuries."
        " (Der Spiegel) (Xinhua) (France24) (The New York Times via Indian Express)"
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Athens", "GR")


def test_a_place_in_brackets_alone_stays_a_place(extractor: Extractor) -> None:
    incidents = extractor.extract("Gunmen killed 4 policemen on Monday. (Peshawar)", []).incidents
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Peshawar"


def test_the_place_of_the_attack_the_time_is_told_by_is_not_this_ones(extractor: Extractor) -> None:
    text = (
        "An hour after the attack in Nice, a French guard is stabbed and wounded by a knifeman"
        " outside the French consulate in Jeddah, Saudi Arabia."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Jeddah", "SA")
    assert incidents[0].actors == ["knifeman"]


def test_the_earlier_attacks_place_alone_is_kept(extractor: Extractor) -> None:
    incidents = extractor.extract(
        "Two days after the bombing in Kabul, gunmen killed three policemen.", []
    ).incidents
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Kabul"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "Three Shia men, identified as Faraz Haider, Qasim Ali and Waseem Ali were killed in a"
            " sectarian attack in Liaqutabad area of Karachi on November 7.",
            3,
            None,
        ),
        (
            "Four policemen, identified as Ali Khan, Qasim Ali, Akbar Shah and Raza were injured when"
            " militants attacked.",
            None,
            4,
        ),
        ("The death toll in Somalia's deadliest terror attack rises up to 358.", 358, None),
        ("The death toll went up to 12.", 12, None),
        # the forces' operation, told in a relative clause, kills no attack's victims
        (
            "The note held a surrendered Maoist responsible for the recent encounter in Bijapur district"
            " in which 10 Maoists were gunned down.",
            None,
            None,
        ),
        ("The raid, during which five militants were killed, ended at dawn.", None, None),
        # an attack's own victims in a relative clause stay
        ("Militants attacked a convoy in which 10 soldiers were killed.", 10, None),
    ],
)
def test_tolls(text: str, killed: int | None, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed, result.injured) == (killed, injured)


def test_an_attack_dated_to_another_year_is_another_incident(extractor: Extractor) -> None:
    text = (
        "FIFTEEN SOLDIERS WERE KILLED TODAY IN COLOMBIA DURING AN AMBUSH BY FARC COMMUNIST GUERRILLAS"
        " IN CAQUETA'S SOUTHERN JUNGLES.\n   ANOTHER 13 SOLDIERS WERE WOUNDED IN THE SAME ATTACK.\n"
        "   FARC REBELS KILLED 28 SOLDIERS DURING AN AMBUSH IN THE SAME AREA IN LATE 1987.\n"
    )
    incidents = extractor.extract(text, []).incidents
    assert [(i.killed, i.injured) for i in incidents] == [(15, 13), (28, None)]
