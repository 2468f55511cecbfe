"""Round 36, read off the twenty-eighth set's errors: an "including" aside between a count and a
bare participle ("18 others, including a Policeman, women and some children, injured in a blast"),
and one before "have been" ("15 others, including ..., have been injured")."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the aside's list ends on a comma, and the participle follows bare
        (
            "Two persons were killed and 18 others, including a Policeman, women and some children, "
            "injured in a remote controlled blast in Hangu.",
            2,
            18,
        ),
        ("Two persons were killed and 18 others, including a Policeman and some children, injured.", 2, 18),
        # "have been" before the participle
        ("At least 15 others, including the driver, have been injured in the encounter.", None, 15),
        (
            "At least 15 others, including CoBRA Commander P.S. Yadav and the chief of the District "
            "Reserve Group (DRG), have been injured in the encounter.",
            None,
            15,
        ),
        # unchanged: a bare participle after a comma closes no other aside
        ("Three soldiers were killed and 12 others, including two officers, wounded in the ambush.", 3, 12),
        ("Two soldiers were killed, three injured, police said.", 2, 3),
        ("Three people, including a PPP candidate, Aslam Channa, were killed.", 3, None),
        ("Five people, mostly women, were injured.", None, 5),
    ],
)
def test_round36_counts(text: str, killed: int | None, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed, result.injured) == (killed, injured)
