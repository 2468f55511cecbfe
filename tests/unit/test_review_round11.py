"""What the independent review of the eleventh round found worse than before, each mended and kept
here on the probe or corpus phrasing that showed it."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    "text",
    [
        # the attackers named after an attack only as the object of talks, aid or blame
        "A BOMB EXPLODED AT A BANK IN SAN SALVADOR TODAY, WOUNDING FIVE PERSONS. THE GOVERNMENT SAID IT"
        " WILL CONTINUE TALKS WITH THE GUERRILLAS.",
        "A bomb exploded at a bank in San Salvador, wounding five people. The guerrillas burned coffee"
        " fields nearby.",
    ],
)
def test_attackers_named_after_only_as_an_object_are_no_actors(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.actors == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the place of the authorities who speak is where, in capitals too
        ("AUTHORITIES IN BOGOTA REPORTED THAT A BOMB EXPLODED AT A BANK TODAY, KILLING THREE PEOPLE.", "CO"),
        # "based in" said of the victims is where they were
        (
            "A suicide bomber attacks the United Nations compound in western Afghanistan based in Herat.",
            "AF",
        ),
    ],
)
def test_speakers_and_bases_keep_their_place(extractor: Extractor, text: str, country: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.country_code == country


@pytest.mark.parametrize(
    "text",
    [
        "A bus hits a roadside bomb in Kandahar, killing two people.",
        "A truck hits a landmine near Kandahar, killing two people.",
    ],
)
def test_the_bomb_a_vehicle_hits_is_no_target(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert not any("roadside" in t or "land" in t for t in incident.targets)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # two attacks with the same toll, the second in another place: both counted
        (
            "Two Policemen were killed and three injured when militants attacked a Police post in Kupwara"
            " District on May 2 reports Daily Excelsior Also on May 2 militants killed two soldiers and"
            " injured three in an ambush in Baramulla District",
            4,
            6,
        ),
        (
            "Two civilians were killed and four injured in a blast in Quetta and two civilians were killed"
            " and four injured in a second blast in Turbat.",
            4,
            8,
        ),
        # a number after "sector" that counts people is a count
        ("Militants fired at troops in the Uri sector 3 soldiers were killed on Monday", 3, None),
        # named people with bare ages are counted, the ages are not
        ("Maoists killed Sodi Hidma 30 and Madvi Joga 28 The bodies were found near Kistaram", 2, None),
        ("Unidentified gunmen shot dead Sardar Khan 28 The Police said the attackers fled", 1, None),
        # every age of a list is an age
        ("JOSE OSCAR MARIN, 32, AND PEDRO LUIS GOMEZ, 28, WERE KILLED WHEN A BOMB EXPLODED.", 2, None),
    ],
)
def test_review_tolls(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)
