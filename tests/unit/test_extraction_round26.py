"""Round 26: the tolls a review of rounds 24 and 25 left open (probes written then, not read off a
blind set). A possessed companion inside a verb split around its object ("beat him and his son to
death"); the rest of a force's name and its initials inside a victim's title ("A Border Security
Force (BSF) jawan and a civilian"); a named community after a count's noun ("Three members of the
Shia community and a police guard"); the total that "among" ranks a part of, after it ("Five
soldiers were among the 20 people killed"); the children of "a father of three"; "was beaten to
death"; "a major" as a rank; "he died last year"."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a possessed companion between the verb and "to death" / "dead"
        ("The militants beat him and his son to death.", 2),
        ("Gunmen shot him and his driver dead.", 2),
        ("Gunmen stabbed the deputy mayor and his wife to death.", 2),
        # unchanged: one pronoun, a companion with "a" (a mention of its own), none at all
        ("Militants beat him to death in Karramal.", 1),
        ("Militants killed him along with his three children.", 4),
        ("Maoists beat him and left.", None),
        # the rest of a force's name, then its initials, then the person noun
        ("A Border Security Force (BSF) jawan and a civilian were killed when militants opened fire.", 2),
        ("A Border Security Force jawan and a civilian were killed.", 2),
        ("Militants killed a Central Reserve Police Force (CRPF) jawan and two civilians.", 3),
        ("A BSF jawan and a civilian were killed.", 2),
        # a named community or tribe after "of the", then the coordination goes on
        ("Three members of the Shia community and a police guard were killed in the attack.", 4),
        ("Two generals of the Iraqi Army and three soldiers were killed.", 5),
        # "among" + a total: the part before it (or after it, when "among" opens) is in the total
        ("Five soldiers were among the 20 people killed in the blast.", 20),
        ("Five soldiers were among those killed in the blast that killed 20 people.", 20),
        ("At least five soldiers were among those killed in the blast that killed 20 people.", 20),
        ("Two children were among the dead in the bombing that killed 12 people.", 12),
        ("Among the 20 killed were five soldiers.", 20),
        # unchanged: no total after "among", the part is all that is told; "among them" after a total
        ("Five soldiers were among those killed.", 5),
        ("A councillor was among 12 people killed in the attack.", 12),
        ("Twelve people were killed, among them five soldiers.", 12),
        ("The blast killed 20 people, including five soldiers.", 20),
        # "beaten" and "burnt" before "to death" have no "-ed" to walk back over to "was"
        ("He was beaten to death by a mob.", 1),
        ("The trader was beaten to death by militants.", 1),
        ("The driver was burnt to death when militants set the bus on fire.", 1),
        ("He was beaten by militants.", None),
        # "major" is a person when it ends its phrase
        ("Two colonels and a major were killed in the ambush.", 3),
        ("A Major and two jawans were killed when militants attacked the post.", 3),
        ("A major attack killed five soldiers.", 5),
        ("Militants carried out a major attack on the camp.", None),
        # "he died" told of another time is no death of this attack
        ("He died last year in a similar attack.", None),
        ("The bomb exploded near his car and he died on the spot.", 1),
        # a parent's children are no count of the dead
        ("A father of three was killed in the attack.", 1),
        ("Gunmen shot dead a mother of two in her home.", 1),
    ],
)
def test_killed(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the total after "among" is of its own kind; a later count of another kind is not a total
        ("Two policemen were among five people injured while three were killed.", 3, 5),
        ("Two soldiers were among those killed, and 10 others were injured.", 2, 10),
        ("Two policemen and a civilian were injured while the driver escaped unhurt.", None, 3),
    ],
)
def test_killed_and_injured(text: str, killed: int | None, injured: int | None) -> None:
    parsed = parse_casualties(text)
    assert (parsed.killed, parsed.injured) == (killed, injured)
