"""What the independent review of the thirteenth round found, each case as the reviewer wrote it
or as a corpus text showed it: an owned capital gives way to any other place told as where, and
the victims added to an incident's targets are never its attackers nor a repeat of a target."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor
from wirewatch.workers.classify.incidents import _with_victims


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Thousands protested in Sudan's capital Khartoum on Sunday after gunmen killed 20 villagers"
            " in Darfur.",
            "Darfur",
        ),
        ("Hundreds marched in Iraq's capital Baghdad a day after a bomb killed 30 people in Basra.", "Basra"),
        (
            "A court in Egypt's capital Cairo sentenced 12 men over a bombing in Sinai that killed 20"
            " soldiers.",
            "Sinai",
        ),
    ],
)
def test_an_owned_capital_gives_way_to_the_place_of_the_attack(
    extractor: Extractor, text: str, place: str
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name == place


@pytest.mark.parametrize(
    ("text", "targets", "kind"),
    [
        (
            "Militants attacked a checkpost in Bajaur. The clash left two soldiers and five Taliban"
            " members dead.",
            ["a checkpost", "two soldiers"],
            "checkpoint_attack",
        ),
        # corpus: the victim phrase repeats the target that holds it
        (
            "Gunmen attacked the office of the Levies Force in Kalat, killing an official of Levies Force.",
            ["the office of the Levies Force", "an official of Levies Force"],
            "assassination",
        ),
    ],
)
def test_added_victims_are_no_attackers_and_no_repeats(
    extractor: Extractor, text: str, targets: list[str], kind: str
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.targets == targets
    assert incident.type == kind


@pytest.mark.parametrize(
    ("targets", "victims", "actors", "expected"),
    [
        # the reviewer's probes and corpus texts: members, fighters and leaders of the attackers
        (["a hideout"], ["a Taliban leader", "two fighters"], [], ["a hideout"]),
        (["the residence"], ["a guerrilla member"], ["FMLN"], ["the residence"]),
        (["a base"], ["150 shining path members"], [], ["a base"]),
        (
            ["a camp"],
            ["three Hizbul cadres", "two porters"],
            ["Hizbul Mujahideen"],
            ["a camp", "two porters"],
        ),
        # a phrase a target holds, and "victims", add nothing
        (["an official of Levies Force"], ["an official"], [], ["an official of Levies Force"]),
        (["a bus"], ["two victims"], [], ["a bus"]),
        # at most three
        (["a bus", "a car"], ["two drivers", "a conductor"], [], ["a bus", "a car", "two drivers"]),
    ],
)
def test_which_victims_join_the_targets(
    targets: list[str], victims: list[str], actors: list[str], expected: list[str]
) -> None:
    assert _with_victims(targets, victims, actors) == expected
