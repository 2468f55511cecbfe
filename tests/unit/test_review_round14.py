"""What the independent review of the fourteenth round found, each case as the reviewer wrote it
or as a corpus text showed it: the militants-beside-victims rule keeps every count that is someone
else's victim (another group's, a strike's, a mob's), every object of a killing verb, the forces'
and the parties' own men; and the country an armed group fights in moves a town only when the
article names a place of that country."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # corpus: "police" heads a phrase of its own before "and"
        (
            "Two Russian police and seven militants are killed in firefights while thirty people are"
            " injured.",
            9,
            30,
        ),
        # objects of a killing verb are whoever's victims
        ("ISIS killed 20 Taliban fighters and wounded 5 civilians in Nangarhar.", 20, 5),
        (
            "Airstrikes on militant hideouts in North Waziristan kill 17 militants and injure 20 civilians.",
            17,
            20,
        ),
        # someone else's victims: another group, a strike, a mob
        (
            "Two ceasefire-bound NSCN cadres were shot dead by rival NSCN-IM cadres at Dimapur; a civilian"
            " was injured.",
            2,
            1,
        ),
        ("Two suspected militants were shot dead by unidentified gunmen and a woman was injured.", 2, 1),
        ("Ten Houthi fighters were killed in an airstrike and 3 civilians were injured.", 10, 3),
        (
            "Ten Peshmerga fighters were killed and five civilians were wounded in an Islamic State attack.",
            10,
            5,
        ),
        # the forces' and the parties' men are no militants
        (
            "A police commander was killed and three civilians were injured when a roadside bomb hit his"
            " vehicle.",
            1,
            3,
        ),
        ("Two TMC cadres were killed and three were injured in post-poll violence.", 2, 3),
        ("Two CPI-M cadres were hacked to death and three BJP workers were injured in the clash.", 2, 3),
        # the attackers' own wounded are no victims who would drop their dead
        ("ONE FMLN REBEL WAS KILLED AND ANOTHER WOUNDED IN THE CLASH.", 1, 1),
        # a clause break ends the count's phrase
        ("A suicide bombing in Kabul killed 30, a Taliban spokesman said, and wounded 50.", 30, 50),
    ],
)
def test_victims_of_others_stay_in_the_toll(text: str, killed: int | None, injured: int | None) -> None:
    casualties = parse_casualties(text)
    assert (casualties.killed, casualties.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the group's country named only as a country or a people: the town stays where it is
        (
            "Abu Sayyaf gunmen from the Philippines kidnapped two tourists from a diving resort in Semporna.",
            "MY",
        ),
        ("Boko Haram fighters from Nigeria attacked an army base near Bol, killing 20 soldiers.", "TD"),
        (
            "Colombia's ELN guerrillas killed two soldiers in an attack on a military post in Guasdualito.",
            "VE",
        ),
    ],
)
def test_a_group_from_abroad_moves_no_town(extractor: Extractor, text: str, country: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.country_code == country


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the second review: militants the forces kill beside a victim are no toll
        (
            "Army foiled an infiltration bid killing three militants while a senior Army officer was"
            " injured.",
            None,
            1,
        ),
        (
            "The militants attacked a SFs outpost in the area and SFs retaliated by killing six militants and"
            " injuring two others.",
            None,
            2,
        ),
        # a strike later in the sentence killed them
        (
            "20 militants are killed and six others wounded as helicopter gunships pound militant hideouts"
            " in Orakzai.",
            20,
            6,
        ),
        # "another civilian", "three others": anyone, not more of the attackers
        ("Two militants were killed and another civilian was injured.", None, 1),
        ("Two gunmen were killed and three others were injured in the attack on the bank.", None, 3),
    ],
)
def test_the_forces_kill_and_another_is_anyone(text: str, killed: int | None, injured: int | None) -> None:
    casualties = parse_casualties(text)
    assert (casualties.killed, casualties.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a possessive before a city's name makes no place where
        (
            "In his Lahore speech the minister condemned the attack in Quetta that killed five people.",
            ["Quetta"],
        ),
        # but a home's name after a possessive is where (heldout-11 train-4006)
        (
            "A judge was injured when a bomb exploded in front of his Kumarpara residence in Sylhet on"
            " Monday.",
            ["Kumarpara"],
        ),
        # a person's name after "village", a station named for what it is: no place
        ("A man was shot dead by militants at his village Mohammad Yousuf in Shopian.", ["Shopian"]),
        (
            "A man was killed by militants under Sadar Police Station limits in Gaya District.",
            ["Gaya"],
        ),
        # a station's area, the only place of its sentence, still keeps two incidents apart
        (
            "A man was shot dead by militants under Tral Police Station limits on Monday. Another man was"
            " shot dead by militants in Sopore on Tuesday.",
            ["Tral", "Sopore"],
        ),
    ],
)
def test_places_the_second_review_found(extractor: Extractor, text: str, places: list[str]) -> None:
    if ("Mohammad" in text or "Kumarpara" in text) and not extractor.use_ner:
        pytest.skip("without NER a name the gazetteer lacks is no place, nor a person's name told apart")
    incidents = extractor.extract(text, []).incidents
    names = [i.location.name if i.location else "" for i in incidents]
    assert len(names) == len(places)
    assert [name[: len(place)] for name, place in zip(names, places, strict=True)] == places
