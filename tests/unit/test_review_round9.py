"""False firings an independent review found in the ninth round's extraction rules, each on the
sentence that showed it (every one was wrong before its mend, right after); the "was shot" cases
are in test_casualties.py."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a unit's number is no count, but "4 MEN" in capitals and "12 BSF and Army personnel" are
        ("THE ATTACK CAUSED THE DEATHS OF 4 MEN.", 4, None),
        ("THE BOMB CAUSED THE DEATH OF TWO WOMEN AND A CHILD.", 3, None),
        ("The blast caused the death of 12 BSF and Army personnel.", 12, None),
        ("The attack caused the deaths of 4 ISAF service members.", 4, None),
        ("Police recovered the bodies of 5 MEN.", 5, None),
        # a count before a comma needs a casualty verb before it: years and articles are none
        ("In 2007, the Taliban tried to kill President Karzai in Kabul.", None, None),
        ("Under Article 235, which allows the death sentence, he was charged.", None, None),
        # a capitalised force after "and" is no second victim; a title before a name is
        ("Militants killed a civilian and Security Forces launched a search operation in the area.", 1, None),
        ("Unidentified militants shot dead a shopkeeper and Police have registered a case.", 1, None),
        # "at least nine of them" is the verb's own count
        ("Gunmen fired on a bus carrying 25 pilgrims, killing at least nine of them.", 9, None),
        # "no loss of life or injury" says both
        ("There was no loss of life or injury in the blast.", 0, 0),
    ],
)
def test_counts_the_review_probed(text: str, killed: int | None, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed, result.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a member who died in his own group's attack leaves the group the actor
        (
            "An Al-Shabaab commander was killed when his fighters stormed an army base near Kismayo,"
            " killing six soldiers.",
            "al-Shabaab",
        ),
        (
            "An Islamic State member was killed when his explosive vest detonated at a checkpoint in Mosul.",
            "Islamic State",
        ),
        (
            "A Taliban commander was killed and two policemen wounded when militants attacked a"
            " checkpoint in Kunduz.",
            "Taliban",
        ),
        # a member named, then his own act
        ("Taliban commander Mullah Dadullah killed two policemen in Helmand on Monday.", "Taliban"),
    ],
)
def test_a_member_who_attacked_keeps_his_group(extractor: Extractor, text: str, actor: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert actor in incident.actors


def test_background_hostages_are_no_part_of_the_assault(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a police checkpoint in Kandahar on Monday, killing two policemen. Taliban"
        " militants also abducted five aid workers last week and are holding them hostage."
    )
    first = extractor.extract(text, []).incidents[0]
    assert first.actors == ["gunmen"]
    assert not any("aid workers" in t for t in first.targets)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the object of an attack verb was attacked, named village or road or not
        ("Maoists attacked Gaijen village in Gumla District, killing two villagers.", "Gaijen village"),
        ("Maoists blew up the road near Latehar on Monday.", "the road"),
        ("Gunmen attacked the Kurdish village of Qamishli, killing four.", "the Kurdish village"),
    ],
)
def test_an_attacked_village_or_road_stays_a_target(extractor: Extractor, text: str, target: str) -> None:
    targets = [t for incident in extractor.extract(text, []).incidents for t in incident.targets]
    assert any(t.startswith(target) for t in targets)
