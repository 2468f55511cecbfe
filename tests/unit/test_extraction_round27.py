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


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "among" ranks a part of a total only when the total is a count of casualties
        ("Two soldiers killed on Monday were among the 150 troops sent to the district last week.", 2, None),
        ("The three teachers killed were among 40 staff at the school.", 3, None),
        ("Militants killed three soldiers among the 50 troops escorting the convoy.", 3, None),
        ("Five soldiers were among the 20 people killed in the blast.", 20, None),
        ("Five soldiers were among up to 30 people killed in the blast.", 30, None),
        ("Five soldiers were among an estimated 30 people killed in the blast.", 30, None),
        # ... and a relative clause's count only when it is of the same kind as "those killed"
        ("Five soldiers were among those killed in the attack, which also wounded 20 people.", 5, 20),
        ("Two soldiers were among those killed in the ambush, which involved some 30 militants.", 2, None),
        ("Five soldiers were among those killed in the blast that killed 20 people.", 20, None),
        ("Among the 3 villages attacked was Dara, where 12 people were killed.", 12, None),
        # a parent's children are no count; people after "mother of" are
        ("The mother of two soldiers killed in the ambush appealed for justice.", 2, None),
        ("The father of 3 children killed in the school bombing spoke to reporters.", 3, None),
        ("A father of three was killed in the blast.", 1, None),
        ("A mother of two children was shot dead by gunmen.", 1, None),
        # a companion's age is no count, and its words do not use up the reach of "to death"
        ("A mob beat him and his 70-year-old father to death.", 2, None),
        # a death told of another time
        ("The officer was shot and he died two weeks ago.", None, None),
        ("The guard was shot by militants and he died last night.", 1, None),
    ],
)
def test_round_26_review(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)
