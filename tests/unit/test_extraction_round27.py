"""Round 27: two forces that share one noun ("17 Police and CRPF personnel and eight civilians") are
one group of victims, and the coordination goes on after them; a later sentence that tells one of a
coordination's groups again ("They also fired at the Police, injuring 17 Police and CRPF personnel")
restates it and adds nothing to the toll, where "also" with people not counted before still adds."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # two forces, one noun, then the coordination goes on
        ("17 Police and CRPF personnel and eight civilians were killed.", 25, None),
        ("Militants killed 17 Police and CRPF personnel and eight civilians in the attack.", 25, None),
        ("17 police and army personnel and eight civilians were injured in the blast.", None, 25),
        ("Three police and army personnel were injured and two civilians were killed.", 2, 3),
        # unchanged: one force, two counts, a clause of its own
        ("Five police and CRPF personnel were killed.", 5, None),
        ("Two police and 3 army personnel were killed.", 5, None),
        ("The attack killed 4 police and the army sent 200 men to the area.", 4, None),
    ],
)
def test_two_forces_sharing_a_noun(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


def test_a_coordination_records_its_groups() -> None:
    found = parse_casualties("17 Police and CRPF personnel and eight civilians were injured.")
    assert [c.parts for c in found.counts] == [((17, "police"), (8, "civilians"))]


def test_a_group_told_again_adds_nothing(extractor: Extractor) -> None:
    text = (
        "17 Police and CRPF personnel and eight civilians were injured as militants attacked a Police "
        "party in Pulwama District on August 24. Militants threw two grenades on the Police party near "
        "Degree College Pulwama. They also fired at the Police and CRPF injuring 17 Police and CRPF "
        "personnel."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.injured == 25


def test_also_with_people_not_counted_before_still_adds(extractor: Extractor) -> None:
    text = (
        "Two soldiers and three civilians were killed in a bombing in Kabul on Monday. "
        "Three policemen were also killed in the blast."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.killed == 8


def test_in_addition_the_same_number_is_more_people(extractor: Extractor) -> None:
    text = (
        "Two rebels were killed in a bomb attack on an army post in Santander department on Monday. "
        "In addition, two EPL rebels were killed in the attack."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.killed == 4
