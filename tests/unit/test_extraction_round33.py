"""Round 33, read off the twenty-fourth set's errors: numbers that are no count (a clock time, an
ordinal, an age after an introduced name, the people an abduction took, a tally over a year), a toll
told twice in other words, the place of talks beside an attack, and an English word that is only
another spelling of a town; a branch named with its parent, and a parent named only beside its
sub-network."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a time written with a leading zero, or as hours and minutes before "am", is no count
        ("A student was injured this morning at 0815 when a bomb exploded near his school.", None, 1),
        ("Militants opened fire at around 10 30 am, killing three villagers.", 3, None),
        # an ordinal
        ("A 3d-year student was injured when a bomb exploded near his school in Copiapo.", None, 1),
        # the age after a name that "identified as" introduces, whatever follows it
        ("An Assam Rifles trooper identified as Bhupal Singh 42 was killed by militants.", 1, None),
        (
            "One civilian identified as Athari Samson 54 and an Assam Rifles trooper identified as "
            "Bhupal Singh 42 were killed when militants opened fire.",
            2,
            None,
        ),
        (
            "One civilian identified as Athari Samson (54) and an Assam Rifles trooper identified as "
            "Bhupal Singh (42) were killed when militants opened fire.",
            2,
            None,
        ),
        # the people an abduction took are not the dead of the verb after it
        (
            "The APA confirmed the abduction of 22 Levies men by the TTP, who also killed two personnel.",
            2,
            None,
        ),
        # a tally over a year is no attack's toll
        (
            "THE SHINING PATH AND THE MRTA ARE RESPONSIBLE FOR THE DEATHS OF AT LEAST 700 PEOPLE THIS YEAR.",
            None,
            None,
        ),
        # thousands set apart by a space
        ("Militants killed 3 000 people in the region.", 3000, None),
        # a retelling that names one of the dead otherwise ("another man") counts them once
        (
            "One civilian and an Assam Rifles trooper were killed when militants ambushed a patrol at "
            "Khunthak village on January 2. The AR troops retaliated. The encounter left one AR trooper "
            "and another man dead.",
            2,
            None,
        ),
    ],
)
def test_numbers_that_are_no_count(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


def test_other_people_in_a_second_list_are_counted() -> None:
    text = (
        "Two soldiers and a civilian were killed when militants attacked a patrol in Kupwara on "
        "Monday. Officials said that later in Baramulla district, two soldiers and a policeman were "
        "killed when militants fired on a checkpoint."
    )
    assert parse_casualties(text).killed == 6


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "also" adds only what was not counted before: the two personnel are told again
        (
            "More than 400 TTP militants stormed security checkpoints in Peshawar, killing two Levies "
            "personnel and abducting 22 others. The APA confirmed the abduction of 22 Levies men by the "
            "TTP, who also killed two personnel and injured another.",
            2,
        ),
        # "two more" adds
        (
            "Militants stormed a checkpoint in Peshawar, killing two Levies personnel. In the evening "
            "they also killed two more personnel in a second raid.",
            4,
        ),
    ],
)
def test_a_toll_told_again_with_also(extractor: Extractor, text: str, killed: int) -> None:
    assert extractor.extract(text, []).killed == killed


def test_where_talks_are_held_is_not_where_the_attack_was(extractor: Extractor) -> None:
    details = extractor.extract(
        "The Taliban kill over 40 people in three separate attacks while Afghan-Taliban peace talks "
        "are taking place in Moscow.",
        [],
    )
    (incident,) = details.incidents
    assert incident.location is not None
    assert incident.location.country_code == "AF"
    assert "Moscow" not in [loc.name for loc in details.locations]


def test_an_attack_on_a_conference_keeps_its_place(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "A suicide bomber killed 12 people at a conference in Kabul.", []
    ).incidents
    assert incident.location is not None and incident.location.name == "Kabul"


def test_luck_is_no_town(extractor: Extractor) -> None:
    text = (
        "UNKNOWN PEOPLE PLACED A BOMB UNDER A DIPLOMAT'S CAR. BY A STROKE OF LUCK THERE WERE NO CASUALTIES."
    )
    assert extractor.extract(text, []).locations == []


# The review of round 33 (probes against the code before and after it): each of these went wrong
# in its first version.


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # police copy writes small counts with a leading zero; only four digits are a time
        (
            "On March 4 at 0930 hrs Maoists triggered an IED blast in Sukma district killing 02 CRPF "
            "personnel and injuring 03 others.",
            2,
            3,
        ),
        # "24 hours" is a span, not the minutes of a time
        ("Militants killed 12 24 hours after the ceasefire ended in Kupwara district.", 12, None),
        # no thousands after a month's day or before a unit
        ("On June 1 200 people were killed when militants attacked villages in Borno state.", 200, None),
        ("Gunmen killed 5 100 km north of Maiduguri on Sunday.", 5, None),
        # a small number after an introduced name counts others
        ("Militants killed a trooper identified as Ram Singh 3 were injured in the attack in Tripura.", 1, 3),
        # a place "named" is no person
        ("Maoists attacked a village named Pedda Gudem 5 were killed in the attack.", 5, None),
        # the people an abduction took, told killed in their own clause
        (
            "Police confirmed the abduction of 4 persons who were later found killed in Tank district.",
            4,
            None,
        ),
        # only the count a group is responsible for over a period is a tally
        (
            "A car bomb kills 12 people in Mogadishu; al-Shabaab, which is responsible for the deaths of "
            "hundreds of people this year, claims responsibility.",
            12,
            None,
        ),
        ("No one has so far been held responsible for the killing of three policemen in Quetta.", 3, None),
    ],
)
def test_review_numbers(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed two policemen in Quetta on Monday. In another attack, militants also killed two "
        "policemen in Turbat.",
        "Two soldiers were killed in an IED blast in Kunar. In other violence, Taliban fighters also killed "
        "two soldiers at a checkpoint.",
    ],
)
def test_another_attack_still_adds(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).killed == 4


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A suicide bomber killed 12 people when he blew himself up at a peace conference in Jalalabad.",
            "Jalalabad",
        ),
        ("A bomb exploded during a conference in Peshawar, killing 5 people.", "Peshawar"),
        ("Militants stormed the hotel as peace talks were being held in Kabul, killing 4 guards.", "Kabul"),
        ("TERRORISTS SET OFF A BOMB IN THE DEPARTMENT OF CUZCO, INJURING TWO PEOPLE.", "Cusco"),
        ("A BOMB EXPLODED 20 KM NORTHWEST OF CUZCO, INJURING TWO PEOPLE.", "Cusco"),
    ],
)
def test_review_places_kept(extractor: Extractor, text: str, place: str) -> None:
    assert any(loc.name.endswith(place) for loc in extractor.extract(text, []).locations)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a group's name and its branch's, joined by a dash, are one name: the branch's
        (
            "A suicide bombing near a military training center in Kabul kills 6 people. The Islamic State "
            "of Iraq and the Levant – Khorasan Province claims responsibility.",
            ["Islamic State Khorasan Province"],
        ),
        # a "sub network of" a group is a splinter: the parent did not act
        (
            "A suicide bomber killed 20 people in Peshawar. Jamaat-ul-Ahrar, a sub network of the Tehreek "
            "e Taliban Pakistan (TTP), claimed responsibility for the attack.",
            ["Jamaat-ul-Ahrar"],
        ),
        (
            "A suicide bomber killed 20 people in Peshawar. The Tehreek e Taliban Pakistan (TTP) claimed "
            "responsibility for the attack.",
            ["Tehrik-i-Taliban Pakistan"],
        ),
    ],
)
def test_a_branch_and_its_parent(extractor: Extractor, text: str, actors: list[str]) -> None:
    assert extractor.extract(text, []).actors == actors
