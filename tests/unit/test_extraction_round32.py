"""Round 32, read off the twenty-third set's errors too: an attack on a military, paramilitary or
border post is a checkpoint attack; the attackers' wounded count only as their dead do (when the text
tells no victims); a bare number after "and" counts the people the count before it named ("left 50
rebels dead and 90 wounded")."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed and another sustain injury when a group of Tehreek e Taliban Pakistan "
        "(TTP) militants attack a roadside military post near Ladha town in South Waziristan Agency.",
        "Two Nigerian soldiers were killed and six others injured when Boko Haram militants attacked a "
        "military post near the Cameroon border.",
        "Militants attacked a border post in Kupwara on Monday, killing a BSF jawan.",
    ],
)
def test_an_attack_on_a_military_post_is_a_checkpoint_attack(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.type == "checkpoint_attack"


def test_a_military_post_without_violence_is_no_attack_type(extractor: Extractor) -> None:
    assert extractor.extract("Troops were deployed at a military post near the border.", []).incidents == []


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # beside the victims, the attackers' wounded are no toll, as their dead are not
        ("Five soldiers were killed and two militants were injured in the attack.", 5, None),
        # told alone, they are what the text counts
        ("Two militants were injured in the attack.", None, 2),
        # counted with the victims, they stay
        ("Three policemen and two militants were injured in the attack.", None, 5),
        # the 90 are rebels too
        (
            "Hundreds of rebels stormed Syrian Army positions in Idlib, the ensuing fighting left 50 rebels "
            "dead and 90 wounded while government forces reported 40 dead and 80 wounded.",
            40,
            80,
        ),
        ("The blast left 12 people dead and 30 wounded.", 12, 30),
        ("ONE FMLN REBEL WAS KILLED AND ANOTHER WOUNDED.", 1, 1),
        # a victim's own gunmen are no attackers
        ("An elder along with his guard was shot dead while his two other gunmen sustained injuries.", 2, 2),
    ],
)
def test_the_attackers_wounded(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)
