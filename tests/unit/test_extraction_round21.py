"""Round 21: the cases the reviews of earlier rounds left open (a victim told by a pronoun, an
earlier attack's toll told as this one's time, people who fled, a counted plural burned, a wire
dateline), each on the parser and on the extractor in both modes."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Gunmen shot him dead outside his home in Peshawar on Tuesday.", 1, None),
        ("Gunmen shot her dead outside her home in Peshawar on Tuesday.", 1, None),
        ("Militants killed him in Peshawar on Tuesday.", 1, None),
        ("Militants stabbed him to death in Peshawar on Tuesday.", 1, None),
        ("Militants wounded her in Peshawar on Tuesday, police said.", None, 1),
        # the companion after the pronoun is one more
        ("Gunmen opened fire on the officer, injuring him and his colleague on the road.", None, 2),
        ("Assailants opened fire on the chief, killing him on the spot along with his son.", 2, None),
        # "her" before a noun is a possessive: the husband is the one person
        ("Gunmen killed her husband in Peshawar on Tuesday.", 1, None),
        # a victim counted before the pronoun is the same person
        ("A policeman was shot dead in Peshawar when gunmen shot him at close range.", 1, None),
        # "shot him" alone tells no death
        ("Militants shot him in the leg in Peshawar on Tuesday.", None, None),
    ],
)
def test_a_victim_told_by_a_pronoun(text: str, killed: int | None, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed, result.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A week after 35 were killed in a market bombing, 41 people are killed in another attack.", 41),
        ("Two days after 12 soldiers were killed in an ambush, militants killed five policemen in Kunar.", 5),
        # no verb of being in the "after" clause: the same attack, both counts its toll
        ("After killing two policemen at a checkpoint, the gunmen shot dead three civilians in Kunar.", 5),
        # alone, the toll in the "after" clause is the sentence's own
        ("The market was closed after 35 were killed in a bombing.", 35),
    ],
)
def test_an_earlier_attacks_toll_told_as_the_time(text: str, killed: int) -> None:
    assert parse_casualties(text).killed == killed


def test_another_attack_is_no_person() -> None:
    assert parse_casualties("41 people are killed in another attack on Tuesday.").killed == 41
    assert parse_casualties("Another was killed in the attack.").killed == 1


def test_people_who_fled_are_no_toll() -> None:
    text = "Two soldiers were killed while 40 villagers fled and others were wounded when militants attacked."
    assert parse_casualties(text).killed == 2


@pytest.mark.parametrize(
    "text",
    [
        "Players of the visiting side said a bomb exploded outside the stadium, injuring one player.",
        "A bomb exploded outside the stadium, injuring a player.",
    ],
)
def test_a_player_is_a_person(text: str) -> None:
    assert parse_casualties(text).injured == 1


def test_a_counted_plural_burned_is_arson(extractor: Extractor) -> None:
    text = "Maoists burned two trucks engaged in road construction in Dantewada district on Monday."
    incidents = extractor.extract(text, []).incidents
    assert [i.type for i in incidents] == ["arson"]


def test_burning_as_a_habit_is_no_arson(extractor: Extractor) -> None:
    assert extractor.extract("The rebels often burn several trucks a year.", []).incidents == []


def test_the_dateline_places_an_attack_no_sentence_locates(extractor: Extractor) -> None:
    text = "ISLAMABAD - A suicide bomber killed 12 people at a market on Friday, police said."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Islamabad", "PK")


def test_a_place_in_the_text_wins_over_the_dateline(extractor: Extractor) -> None:
    text = "WASHINGTON - A bomb killed 12 people at a market in Kandahar on Friday."
    incidents = extractor.extract(text, []).incidents
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Kandahar"


def test_a_heading_word_is_no_dateline(extractor: Extractor) -> None:
    text = "UPDATE - A bomb killed 12 people at a market on Friday."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Al-Shabaab gunmen stormed Garissa University College in Kenya, killing 147 people.", "Garissa"),
        ("Gunmen stormed the Kabul Serena Hotel in Afghanistan, killing six.", "Kabul"),
        # a town that names no place of the attack leaves the country where it is
        ("Gunmen from Garissa attacked a bus in Kenya, killing three.", "Kenya"),
    ],
)
def test_the_town_a_name_opens_beats_its_country(extractor: Extractor, text: str, place: str) -> None:
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name == place


@pytest.mark.parametrize(
    "text",
    [
        "FMLN troops also attacked local troops in San Agustin in Usulutan Department, Yamabal in"
        " Morazan Department, and Suchitoto in Cuscatlan Department.",
        "FMLN TROOPS ALSO ATTACKED LOCAL TROOPS IN SAN AGUSTIN IN USULUTAN DEPARTMENT, YAMABAL IN"
        " MORAZAN DEPARTMENT, AND SUCHITOTO IN CUSCATLAN DEPARTMENT.",
    ],
)
def test_towns_listed_each_with_its_region_are_as_many_attacks(extractor: Extractor, text: str) -> None:
    incidents = extractor.extract(text, []).incidents
    assert [i.location.name if i.location else None for i in incidents] == [
        "San Agustin",
        "Yamabal",
        "Suchitoto",
    ]
    assert {i.location.country_code for i in incidents if i.location} == {"SV"}


def test_one_town_in_its_region_is_one_attack(extractor: Extractor) -> None:
    text = "Rebels attacked an army post in Suchitoto in Cuscatlan Department on Monday."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1


@pytest.mark.parametrize(
    "text",
    [
        "These casualties include an artillery lieutenant, the army said.",
        "The rocket regiment held its annual parade in the capital.",
    ],
)
def test_a_weapon_naming_who_serves_is_no_attack(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


def test_a_weapon_fired_is_still_an_attack(extractor: Extractor) -> None:
    incidents = extractor.extract("Artillery shells hit the market in Donetsk, killing two.", []).incidents
    assert [i.type for i in incidents] == ["rocket_mortar_attack"]
