"""A lead that counts several attacks, then tells them one by one ("the first bomb ... the second
bomb ..."), gives one incident per attack told; blasts told as close together stay one."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor

TWO_BOMBINGS = (
    "Two bombings in northern Bogota wounded six people on Friday. The police said the first bomb was "
    "placed at a bank branch on 86th Street. It wounded six passersby. The second bomb was placed at "
    "the telephone company office on 91st Street, causing heavy damage."
)


def test_each_attack_of_a_counted_series_is_an_incident(extractor: Extractor) -> None:
    details = extractor.extract(TWO_BOMBINGS, [])
    assert len(details.incidents) == 2
    first, second = details.incidents
    # the lead's toll stays with the first; the second has none of its own
    assert (first.injured, second.injured) == (6, None)
    assert any("bank" in t for t in first.targets)
    assert any("telephone company office" in t for t in second.targets)
    assert not any("telephone" in t for t in first.targets)
    assert second.type == "bombing"
    assert details.injured == 6  # the article's total is not counted twice


def test_a_third_explosion_after_three_counted(extractor: Extractor) -> None:
    text = (
        "Three explosions rocked the capital today, leaving one dead. Unidentified persons threw a "
        "grenade at a bus, killing one person. Another explosion took place in front of a church in "
        "Zone 5. A third explosion occurred on the first floor of a building in Zone 9."
    )
    assert len(extractor.extract(text, []).incidents) == 3


@pytest.mark.parametrize(
    "text",
    [
        # no count of several attacks: a second blast is the same attack's
        "A bomb exploded at a market in Quetta on Monday, killing four people. A second blast "
        "went off minutes later as rescuers arrived.",
        # counted, but told as close to the first: one place, one attack
        "Two low intensity blasts hit the Chashma Achozai area of Quetta on November 28. Officials "
        "cordoned off the area after the first explosion. As officials gathered, another blast "
        "took place close by.",
        "Two bombs exploded in the Chapinero neighborhood of Bogota tonight, injuring two people. "
        "At the same time, another bomb exploded at a bank branch, two blocks away from the first.",
        # the next one named only as what did the damage: that one, told again
        "Two bombs exploded in Chapinero tonight. The first bomb went off by the door of a bank. "
        "Other banks and shops were damaged by the second explosion.",
    ],
)
def test_blasts_of_one_attack_stay_one_incident(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, []).incidents) == 1


def test_a_counts_toll_told_again_by_a_later_attack_is_counted_once(extractor: Extractor) -> None:
    text = (
        "Five people were injured in two bomb blasts at a police check post in Charsadda town on "
        "August 3. The first blast occurred early in the day and caused no casualty. Workers were "
        "cleaning the drain near the post when the second blast happened and injured five workers."
    )
    details = extractor.extract(text, [])
    assert [i.injured for i in details.incidents] == [0, 5]
    assert details.injured == 5


def test_no_more_attacks_than_counted(extractor: Extractor) -> None:
    text = (
        "Two bombs exploded a few minutes ago in the Chapinero neighborhood of Bogota, wounding one "
        "person. The first explosion occurred at a savings bank on 59th Street. The second explosion "
        "took place at a bank branch on 60th Street. Another explosion, police said, shattered the "
        "windows of the bank on 60th Street."
    )
    assert len(extractor.extract(text, []).incidents) == 2


def test_more_people_hurt_elsewhere_are_another_incident(extractor: Extractor) -> None:
    text = (
        "A car bomb explodes at an outdoor market in Baghdad, killing at least 12 people and "
        "injuring 20 more. Bombings elsewhere in Iraq kill five more people."
    )
    details = extractor.extract(text, [])
    assert [(i.killed, i.injured) for i in details.incidents] == [(12, 20), (5, None)]
    assert details.killed == 17


@pytest.mark.parametrize(
    "text",
    [
        # a lead that counts its own attacks so is the report itself
        "Two soldiers were killed in separate attacks in Kupwara District on Monday.",
        # more people of the same attack
        "A bomb exploded at a market in Quetta, killing four people. Three more people were injured "
        "in the blast.",
    ],
)
def test_more_people_of_the_same_report_stay_one_incident(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, []).incidents) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the next one pointed back to the first one's site
        "Two bombs exploded in the Meena Bazaar of Peshawar on Saturday, killing 12 people. The second "
        "bomb exploded at the same market ten minutes later.",
        # no next one happened
        "Two bombs were found outside a bank in Lima on Monday; one exploded, injuring a guard. The "
        "other bomb was deactivated by the police.",
        "Two gunmen attacked a bus in Karachi on Monday, killing five people. The group warned that "
        "another attack would follow.",
        # the count says they went off together
        "Three car bombs explode simultaneously in the eastern city of Derna, killing ten civilians. "
        "Another bomb exploded outside a mosque.",
    ],
)
def test_the_next_one_that_is_no_other_attack(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, []).incidents) == 1


def test_an_earlier_attack_recalled_after_a_count_keeps_todays_toll(extractor: Extractor) -> None:
    text = (
        "Two blasts hit a vegetable market in Quetta's Hazarganji area on Friday, killing 20 people. "
        "Last year another bomb exploded at the same market, killing 12."
    )
    details = extractor.extract(text, [])
    assert [(i.killed, i.earlier) for i in details.incidents] == [(20, False), (12, True)]
    assert details.killed == 20


def test_a_count_toll_no_part_tells_again_stays_the_series(extractor: Extractor) -> None:
    # the three were killed by the two bombs: neither's alone (the annotation's convention for a
    # combined toll); the 12 are the second's; the article keeps both
    text = (
        "Two bombs exploded in Kabul on Friday, killing three spectators at a cricket ground. The "
        "second bomb exploded at a police post in Shahr-e-Naw, wounding 12 others."
    )
    details = extractor.extract(text, [])
    assert [(i.killed, i.injured) for i in details.incidents] == [(None, None), (None, 12)]
    assert (details.killed, details.injured) == (3, 12)


def test_a_combined_toll_is_the_series_when_no_part_tells_it_again(extractor: Extractor) -> None:
    text = (
        "Militants detonate two bombs in Jolo, Sulu, killing 14 people and wounding 75 others. The "
        "first went off near an army truck. The second was carried out by a female suicide bomber near "
        "the Our Lady of Mount Carmel Cathedral."
    )
    details = extractor.extract(text, [])
    assert len(details.incidents) == 2
    assert all(i.killed is None and i.injured is None for i in details.incidents)
    assert (details.killed, details.injured) == (14, 75)


def test_a_page_that_repeats_itself_tells_no_more_attacks(extractor: Extractor) -> None:
    once = extractor.extract(TWO_BOMBINGS, [])
    repeated = extractor.extract(" ".join([TWO_BOMBINGS] * 40), [])
    assert len(repeated.incidents) == len(once.incidents) == 2
    assert (repeated.killed, repeated.injured) == (once.killed, once.injured)
