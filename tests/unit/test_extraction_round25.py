"""Round 25: read off the twenty-second set's errors once that set had been scored twice (before
and after round 24). A force named after a count's noun inside a coordination ("Two generals of
the Iraqi Army and three soldiers"); ranks as victims; "he ... passed away"; "did not cause
injuries"; "subversives" as the attackers' word (a "militia" was tried and left
out: in the corpus it named the victims more often than the attackers, "Nine volunteers of
Zakhakhel tribal lashkar (militia) were killed")."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the force after the first count's noun belongs to it, and the coordination goes on
        (
            "Two generals of the Iraqi Army and three soldiers are killed and ten wounded when an"
            " Islamic State suicide bomber detonates in northern Ramadi.",
            5,
            10,
        ),
        ("Two soldiers of the Assam Rifles and a civilian were killed in the ambush.", 3, None),
        ("Two soldiers of the Assam Rifles were killed in the ambush.", 2, None),
        # a rank alone is no one counted
        ("The general said two soldiers were killed.", 2, None),
        (
            "five employees of the Oil and Gas Development Company Limited (OGDCL) were injured when"
            " their vehicle was attacked.",
            None,
            5,
        ),
        ("A general strike was called after the attack killed three people.", 3, None),
        # "passed away" is a death; one told with its year is history
        ("the victim was taken to the air force hospital where he unfortunately passed away.", 1, None),
        ("he passed away in 2004 after a long illness.", None, None),
        # (found by the review) told of the past, or of an illness
        (
            "Gunmen attacked the house of a retired judge; he passed away last year, and his son was"
            " injured in the attack.",
            None,
            1,
        ),
        ("he passed away after a prolonged illness last month.", None, None),
        # (found by the review) a count whose own verb says they got away
        ("Two generals survived the ambush, but their driver was killed.", 1, None),
        # an explosion that "did not cause injuries" hurt no one
        (
            "the explosion knocked down a light pole that carried a transformer, but did not cause"
            " injuries or a power cut.",
            0,
            0,
        ),
    ],
)
def test_the_toll(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "AT 0945 THIS MORNING, A GROUP OF SUBVERSIVES CONDUCTED AN ARMED TERRORIST ATTACK AGAINST"
            " FORMER DEFENSE MINISTER DIVISON GENERAL ENRIQUE LOPEZ ALBUJAR, RETIRED.",
            ["subversives"],
        ),
    ],
)
def test_the_attackers_word(extractor: Extractor, text: str, actors: list[str]) -> None:
    details = extractor.extract(text, [])
    assert [incident.actors for incident in details.incidents] == [actors]
