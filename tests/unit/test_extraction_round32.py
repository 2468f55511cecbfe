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


# The review of round 32 (probes against the code before and after it): each of these went wrong
# with the round's first version and is mended.
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the wounded after "and" are others when the clause goes on to say who
        ("The attack left four militants dead and 12 wounded, including eight policemen.", None, 12),
        ("THE ATTACK LEFT ONE GUERRILLA DEAD AND SIX WOUNDED, FIVE OF THEM SOLDIERS.", None, 6),
        ("The suicide attack left two militants dead and 14 injured, most of them shoppers.", None, 14),
        (
            "Two militants were killed in Kupwara on Sunday, and 5 injured in a grenade attack at Lal Chowk.",
            None,
            5,
        ),
        ("Two terrorists were killed and 8 injured after they opened fire on worshippers.", None, 8),
        # a militant leader's own men are militants
        (
            "TTP commander Khan and his 12 militants were killed when they attacked the check post; two "
            "policemen were also injured.",
            None,
            2,
        ),
        ("Three Maoists were killed and two injured.", 3, 2),
    ],
)
def test_the_reviews_tolls(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a post named as a setting or a job keeps the attack's own type
        (
            "Militants ambushed a convoy returning from a border post in Khyber Agency, killing four "
            "soldiers.",
            "ambush",
        ),
        ("A bomb exploded in a crowded market near the border post, killing seven people.", "bombing"),
        (
            "The retired general, who had held a senior military post under Musharraf, was shot dead in "
            "Rawalpindi.",
            # the parse (NER mode) reads "The retired general" as the victim, singled out: an
            # assassination; the gazetteer mode finds no target, and the attack stays an assault
            ("armed_assault", "assassination"),
        ),
    ],
)
def test_a_post_that_is_only_the_setting(
    extractor: Extractor, text: str, kind: str | tuple[str, str]
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    if isinstance(kind, tuple):
        kind = kind[extractor.use_ner]
    assert incident.type == kind
