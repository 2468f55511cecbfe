"""Rules of the thirteenth round: the capital a country owns is where ("in Iraq's capital
Baghdad"), and an incident's targets name whom its toll is of beside what was hit ("their convoy"
and "Ten Marines"), but not people the toll already counts ("33 people" at "a mosque"), nor
attackers. Each is shown on the sentence of a tuning text or a dev or train attack report."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # heldout-11 train-8895: not "Iraq", which put the market bombing into the Najaf attack
        (
            "Yesterday, 29 people were killed in a bomb explosion at a busy market in Iraq’s capital"
            " Baghdad.",
            "Baghdad",
        ),
        ("A car bomb killed 12 people in Somalia's capital, Mogadishu, on Sunday.", "Mogadishu"),
        ("Gunmen killed three people in Libya's eastern capital Benghazi.", "Benghazi"),
        # where the speaker is, not the attack
        ("Officials in Iraq's capital Baghdad said a bomb killed five people in Mosul.", "Mosul"),
    ],
)
def test_the_capital_a_country_owns_is_where(extractor: Extractor, text: str, place: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name == place
    assert incident.location.country_code in ("IQ", "SO", "LY")


def test_an_attack_in_another_capital_the_day_before_is_another_incident(extractor: Extractor) -> None:
    text = (
        "A suicide car bomb explosion and gunmen attack in Iraqi al-Qadisiya town situated in west of"
        " Najaf, kills at least 7 people and injures more than 17 others. Yesterday, 29 people were"
        " killed in a bomb explosion at a busy market in Iraq’s capital Baghdad. ISIS claims"
        " responsibility. (Reuters) (Tasnim News Agency)"
    )
    first, second = extractor.extract(text, []).incidents
    assert (first.killed, first.injured) == (7, 17)
    assert second.location is not None and second.location.name == "Baghdad"
    assert second.killed == 29


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # heldout-10 train-2194: the convoy and who was in it
        (
            "Ten Marines were killed when a suicide bomber attacked their convoy near Fallujah, Iraq.",
            ["their convoy", "Ten Marines"],
        ),
        (
            "Gunmen attacked a Pakistani military post in North Waziristan, killing 10 soldiers.",
            ["a Pakistani military post", "10 soldiers"],
        ),
        # "33 people" says no more than the toll does
        ("A suicide bomber killed 33 people at a Shia mosque in Kabul on Friday.", ["a Shia mosque"]),
        ("Gunmen stormed a billiard hall in Baghdad, killing nine people.", ["a billiard hall"]),
        # a target that names people already says who
        (
            "Militants attacked a military checkpost in Bannu, killing two soldiers. Four troops were"
            " also injured.",
            ["a military checkpost", "two soldiers"],
        ),
        # an attacker killed is no victim, nor a group's members
        (
            "At least 20 Al-Shabaab members were killed when the insurgents attacked a base in Lower"
            " Shabelle.",
            ["a base"],
        ),
        (
            "Guerrillas attacked the garrison in Chalatenango; a suspected guerrilla was killed.",
            ["the garrison"],
        ),
    ],
)
def test_targets_name_whom_the_toll_is_of(extractor: Extractor, text: str, targets: list[str]) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.targets == targets


def test_with_no_target_the_victims_are_the_targets(extractor: Extractor) -> None:
    text = "Eight people were shot dead by gunmen in Karachi on Monday."
    (incident,) = extractor.extract(text, []).incidents
    assert incident.targets == ["Eight people"]
