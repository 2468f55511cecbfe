"""Incident rules of the eleventh round, each on the sentence that showed it, with the cases that
must not change."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-10 train-4255: an age written without hyphens is no count; the caretaker shot dead
        # and his son injured are one each (objects of the casualty verbs)
        (
            "Two unidentified assailants shot dead the caretaker of an imambargah and critically injured"
            " his 24yearold son on November 25.",
            1,
            1,
        ),
        # heldout-10 train-2459: two named men listed with their ages in commas are two dead, not 21
        (
            "TODD RAY WILSON, 20 YEARS OLD, AND JEFFREY BRENT BALL, 21, WERE MURDERED BY MACHINEGUN"
            " BURSTS WHEN THEY WERE WALKING HOME.",
            2,
            None,
        ),
        # the same, lower-cased as the extractor reads shouted copy
        (
            "todd ray wilson, 20 years old, and jeffrey brent ball, 21, were murdered by machinegun"
            " bursts when they were walking home.",
            2,
            None,
        ),
        # heldout-10 train-4072: ages after names in copy without punctuation
        (
            "Islamic State claimed on June 8 that its fighters had kidnapped and killed Chinese couple"
            " Lee Zing Yang 24 and Meng Li Si 26 Now FO said that the DNA tests had confirmed the death"
            " of two Chinese nationals",
            2,
            None,
        ),
        # heldout-10 train-3355: a zone's number is no toll; the one murdered man is
        ("VARGAS WAS MURDERED YESTERDAY MORNING IN ZONE 10 OF THIS CAPITAL.", 1, None),
        # "nearly shot to death": he lived, wounded; "shot to death" and "nearly 20 people" unchanged
        ("The man was nearly shot to death by gunmen in Peshawar on Monday.", None, 1),
        ("The man was shot to death by gunmen in Peshawar on Monday.", 1, None),
        ("Nearly 20 people were killed in the blast.", 20, None),
        # must not change: counts in a list after a place, and a count after a comma
        ("In Sukma District 3 jawans were killed and 2 injured.", 3, 2),
        ("In Kabul, 12, including three children, were killed.", 12, None),
        ("Militants killed Constable Ram Kumar and 4 civilians in the attack.", 4, None),
    ],
)
def test_ages_and_numbers_of_places_are_no_counts(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-10 train-5244: the militants the army reports dead are no victims of the attack
        (
            "ISIL claims responsibility for an attack on a military base in the Sinai Peninsula, Egypt,"
            " yesterday that killed eight soldiers and injured fifteen. The Egyptian Military said 14"
            " militants were killed in the attack.",
            8,
            15,
        ),
        # heldout-10 train-3596: "Police also claimed to have gunned down at least 15 Maoists"
        (
            "Five security personnel were injured on December 8 when Maoist cadres ambushed a team of"
            " Security Forces. Police also claimed to have gunned down at least 15 Maoists in the"
            " encounter although no bodies were recovered.",
            None,
            5,
        ),
        # must not change: militants' deaths that no state force reports, and victims the police count
        ("Six militants were killed when their bomb exploded prematurely.", 6, None),
        ("Police said 14 civilians were killed in the attack.", 14, None),
    ],
)
def test_militants_that_the_state_reports_dead_are_no_toll(
    text: str, killed: int | None, injured: int | None
) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-10 train-4038: a bulletin tells the same two figures twice, the second with "also"
        (
            "Three Frontier Corps FC personnel including a lieutenant colonel were martyred while three"
            " others were injured as unidentified militants opened fire on their convoy in Washuk District"
            " of Balochistan in the evening of September 4 reports Dawn Three FC personnel died while three"
            " others including an officer were also injured during the attack a Senior District"
            " Administration official said",
            3,
            3,
        ),
        # must not change: the same figures of another attack are added
        (
            "Two soldiers were killed and three injured in Kunar. In another attack, two soldiers were"
            " killed and three injured in Paktia.",
            4,
            6,
        ),
    ],
)
def test_the_same_toll_told_twice_is_one_toll(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_who_tells_of_the_attack_is_no_target(extractor: Extractor) -> None:
    """heldout-10 train-4038, heldout-7 train-4211: the official or the mukhiya who "said" speaks of
    the attack; he is not its target, and no assassination is read from his office."""
    text = (
        "Three Frontier Corps FC personnel including a lieutenant colonel were martyred while three"
        " others were injured as unidentified militants opened fire on their convoy in Washuk District"
        " of Balochistan in the evening of September 4 reports Dawn Three FC personnel died while three"
        " others including an officer were also injured during the attack a Senior District"
        " Administration official said adding that the firing also damaged the FC personnel s vehicle"
    )
    (incident,) = extractor.extract(text, []).incidents
    assert not any("official" in t for t in incident.targets)
    assert incident.type == "armed_assault"
    assert (incident.killed, incident.injured) == (3, 3)
    text = (
        "Tritiya Prastuti Committee TPC cadres assaulted two persons identified as Ramvilas Ram and"
        " Ramdeep Ram in Aurangabad District on January 3 reports The Times of India The fear of TPC"
        " backlash is such that it forced the panchayat mukhiya head of the village level local self"
        " government institution Ramji Ram not to lodge a police complaint with Tandawa Police Station"
        " after his 70yearold father and brother were assaulted The mukhiya said TPC cadres demanded 20"
        " per cent of the grant sanctioned by the government for welfare schemes in his panchayat"
    )
    (incident,) = extractor.extract(text, []).incidents
    assert not any("mukhiya" in t.lower() for t in incident.targets)
    # must not change: an official who was attacked is one
    (incident,) = extractor.extract("Gunmen shot dead a senior official in Quetta on Monday.", []).incidents
    assert any("official" in t for t in incident.targets)


def test_the_victims_nationality_does_not_outvote_where_it_happened(extractor: Extractor) -> None:
    """heldout-10 train-2459: "U.S. missionaries", "the U.S. Embassy", "anti-U.S. action" name the
    United States four times, but the street is in La Paz, Bolivia, where the text says things
    happen: an unknown place takes the country named as where, not the one named most."""
    text = (
        "THE MURDER BY MACHINEGUN FIRE OF TWO U.S. MISSIONARIES TODAY PROMPTED AN EMERGENCY MEETING OF"
        " THE BOLIVIAN POLICE HIGH COMMAND.\n\n   THE U.S. EMBASSY IN LA PAZ WILL COOPERATE IN THE"
        " INVESTIGATIONS OF THE MURDER BECAUSE THEY CONSIDERED AN ANTI-U.S. ACTION.\n\n   ACCORDING TO"
        " SOME POLITICAL REACTIONS, THIS CRIMES COMMITTED BY THE SELF-STYLED ZARATE-WILKA GROUP, SHOWS"
        " THAT THERE ARE ARMED GROUPS OPERATING IN BOLIVIA.\n\n   TODD RAY WILSON, 20 YEARS OLD, AND"
        " JEFFREY BRENT BALL, 21, WERE MURDERED BY MACHINEGUN BURSTS WHEN THEY WERE WALKING HOME ON"
        " ANCASH STREET ON WEDNESDAY NIGHT.\n\n   THE ZARATE WILKA GROUP HAS CLAIMED RESPONSIBILITY FOR"
        " THE MURDER OF THESE TWO MISSIONARIES. THIS GROUP REPORTEDLY COMMITTED THIS CRIME TO PROTEST"
        " U.S. MEDDLING IN BOLIVIA."
    )
    incidents = extractor.extract(text, []).incidents
    street = [i for i in incidents if i.location is not None and "ancash" in i.location.name.lower()]
    assert street, [i.location for i in incidents]
    assert street[0].location is not None and street[0].location.country_code == "BO"
    assert street[0].killed == 2


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # heldout-10 dev-1882 and dev-1486: "terrorist" characterises the deed, nobody is named
        ("A suspected terrorist attack in Bamako, Mali, kills five people. (AFP via BDlive) (CNN)", []),
        (
            "A major blackout is reported in Syria after an explosion hits the Arab Gas Pipeline in the Rif"
            ' Dimashq Governorate. Syrian Oil Minister Ali Ghanem says the explosion was a "terrorist'
            ' attack", but does not elaborate on who was behind it.',
            [],
        ),
        # must not change: terrorists who act are the actors
        ("Terrorists attacked a police post in Bamako, killing five people.", ["terrorists"]),
        ("A terrorist opened fire on a bus in Bamako, killing five people.", ["terrorists"]),
    ],
)
def test_a_terrorist_attack_names_no_attacker(extractor: Extractor, text: str, actors: list[str]) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.actors == actors


def test_the_attackers_named_after_the_attack_are_its_actors(extractor: Extractor) -> None:
    """heldout-long train-2394: a radio report of two bombs names "THE TERRORISTS" only after the
    toll and the descriptions of the scene, before any other attack."""
    text = (
        "JUST A FEW MINUTES AGO, AT 1130, TWO BOMBS EXPLODED HERE AT THE EASTERN END OF THE CENTRAL"
        " MARKET. FIVE PERSONS WERE SERIOUSLY WOUNDED IN THIS TERRORIST ATTACK. THEY WERE JUST TAKEN TO"
        " THE ROSALES HOSPITAL. THE PEOPLE AROUND HERE ARE VERY FRIGHTENED. ALL THE WOUNDED WERE TAKEN TO"
        " THE HOSPITAL. THE TERRORISTS LEFT A COMMUNIQUE THAT WAS IMMEDIATELY PICKED UP BY THE NATIONAL"
        " POLICE."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.actors == ["terrorists"]
    # must not change: nobody named after the attack, nobody reported
    (incident,) = extractor.extract(text.rsplit(" THE TERRORISTS", 1)[0], []).incidents
    assert incident.actors == []


def test_an_explosion_that_hits_something_has_it_as_target(extractor: Extractor) -> None:
    """heldout-10 dev-1486: "an explosion hits the Arab Gas Pipeline": the pipeline was hit."""
    text = "An explosion hits the Arab Gas Pipeline in the Rif Dimashq Governorate."
    (incident,) = extractor.extract(text, []).incidents
    assert incident.targets == ["the Arab Gas Pipeline"]


def test_the_village_is_more_specific_than_its_district(extractor: Extractor) -> None:
    """heldout-2026-11-26 dev-806: the lead names the district, the next sentence the village where
    it happened; both are where, and the village is the most specific."""
    text = (
        "Maoists abducted two road construction workers in Sukma District on July 5 reports India"
        " Today The incident took place near Kasaram village on the afternoon of July 3 and Police were"
        " informed"
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.name == "Kasaram"


def test_where_someone_is_based_is_not_where_it_happened(extractor: Extractor) -> None:
    """heldout-10 dev-976 (must not change): "the GOC of the 3 Corps based in Dimapur" says where a
    general was posted, not where six soldiers were killed (Chandel District, Manipur). A first
    version of the village rule, which let any town beat its district, put the attack in Dimapur."""
    text = (
        "Chief of Army Staff General Dalbir Singh Suhag on May 25 reviewed the security situation in"
        " Manipur where a combing operation to arrest militants responsible for gunning down six Assam"
        " Rifles AR personnel in Chandel District on May 22 continued for the fourth day reports Nagaland"
        " Post Taking strong note of the attack General Suhag who was earlier the GOC of the 3 Corps"
        " based in Dimapur stressed on the need to carry out further intensive operation against those"
        " insurgent groups active in the region"
    )
    locations = [i.location.name for i in extractor.extract(text, []).incidents if i.location]
    assert "Dimapur" not in locations


def test_a_town_inside_an_unknown_name_is_its_longest_known_name(extractor: Extractor) -> None:
    """A page of the 181 general-news pages: "a San Francisco Bay Area commuter train" is in the
    United States, not in the Malian town of San."""
    text = "A man was stabbed to death on a San Francisco Bay Area commuter train."
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.country_code == "US"


def test_a_place_the_sentence_puts_inside_the_incidents_is_the_same_incident(extractor: Extractor) -> None:
    """heldout-5 train-3939: the traders "abducted by suspected militants from North Garo Hills
    District" are the traders "abducted on January 15 ... in Kharkutta region of North Garo Hills":
    the second sentence names its village inside the district already told; one incident. (Without
    NER, "Tustu Paul" no longer puts it in Cape Verde's subdivision Paul.)"""
    text = (
        "Separately, the whereabouts of the seven traders from Assam who were abducted by suspected"
        " militants from North Garo Hills District remained unknown even as Security Forces (SFs) have"
        " launched an operation to rescue them, reports The Sentinel on January 18. It may be mentioned"
        " that the seven traders (Tustu Paul, Manoranjan Sarkar, Putul Mukherjee, Piyush Biswas, Pradip"
        " Das, Bijoy Sarkar and Ganesh Basu) were abducted on January 15, afternoon after returning from"
        " Dokhongsi weekly market in Kharkutta region of North Garo Hills."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.type == "kidnapping" and incident.date == "on January 15"


@pytest.mark.parametrize(
    "text",
    [
        # another day: another attack, though the village is in the district
        "Maoists abducted two traders in Sukma District on Monday. On Tuesday, Maoists abducted a"
        " teacher near Kasaram village in Sukma District.",
        # two mapped towns, one placed relative to the other
        "Guerrillas shot dead a mayor in Lima on Friday. Guerrillas shot dead a judge in Huancayo,"
        " 300 km east of Lima, on Friday.",
    ],
)
def test_a_place_told_beside_the_incidents_is_no_container(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, []).incidents) == 2


def test_a_subdivision_inside_a_place_name_still_tells_where(extractor: Extractor) -> None:
    """heldout-train train-7957 (must not change): "In Kuz Kunar" is a place of its own that names
    the province of Kunar, unlike "Tustu Paul"; the two attacks stay two incidents."""
    text = (
        "In Kabul, gunmen wearing police uniforms open fire, killing at least 24 people, including two"
        " newborns, in the maternity ward of a hospital. Security forces kill the attackers. In Kuz"
        " Kunar, a suicide bomber kills at least 32 people at a funeral. (BBC News)"
    )
    incidents = extractor.extract(text, []).incidents
    assert [(i.type, i.killed) for i in incidents] == [("armed_assault", 24), ("suicide_attack", 32)]


@pytest.mark.parametrize(
    ("text", "itype", "place"),
    [
        # heldout-6 train-5467: a headline's "kidnaps" before a count is a verb, not a plural noun
        (
            "Islamic State kidnaps about 20 medical workers from the Ibn Sina Hospital in the Libyan city"
            " of Sirte. (CNN)",
            "kidnapping",
            "Sirte",
        ),
        # heldout-9 train-1741: shells fired at the city are an attack, not a topic
        (
            "A total of 41 people were delivered to Al-Suqaylabiyah hospital in Obong, suffering from"
            " asphyxia, which was caused by the use of poisonous gas by militants, who fired several"
            " shells at the city, the Ikhbariya broadcaster reported, citing a head of the local hospital.",
            "rocket_mortar_attack",
            "Obong",
        ),
        # heldout-10 train-3570: the attackers "seized their vehicle" too; no weapons recovered
        (
            "Unidentified militants on November 18 abducted five security personnel and seized their"
            " vehicle and weapons in the Gerdina area of Kharan District, reports Dawn.",
            "kidnapping",
            "Gerdina",
        ),
        # heldout-8 dev-1147: a ship hijacked with its crew
        ("Somali pirates hijack an Indian cargo ship off the coast of Puntland. (BBC)", "kidnapping", None),
    ],
)
def test_attacks_told_as_headlines_and_second_acts_are_found(
    extractor: Extractor, text: str, itype: str, place: str | None
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.type == itype
    if place is not None and extractor.ner_name != "gazetteer":
        assert incident.location is not None and incident.location.name == place


@pytest.mark.parametrize(
    "text",
    [
        # must not change: a habit, a find, a defused bomb
        "The group has fired rockets at Israel for years and its attacks have killed dozens since 2008.",
        "Militants have often fired mortars at the base in the past.",
        "Police arrested two militants and recovered a bomb in Kharan District.",
        "Security forces recovered and defused a bomb planted by militants in Kharan District.",
    ],
)
def test_habits_and_finds_are_no_attacks(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # review of the round: a town of a city, or a distance from one, is no village where it happened
        ("Gunmen killed 3 people in Orangi Town of Karachi on Monday.", "Orangi"),
        (
            "GUERRILLAS KILLED A MAYOR TODAY IN CUSCATLAN DEPARTMENT, 30 KM WEST OF SAN SALVADOR.",
            "Cuscatlan",
        ),
    ],
)
def test_only_a_village_where_it_happened_beats_its_district(
    extractor: Extractor, text: str, place: str
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.name.lower().startswith(place.lower())


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a singular person as the object of a casualty verb is one victim
        ("Militants shot dead the imam of a mosque in Quetta.", 1, None),
        ("Gunmen killed the principal of a school in Quetta.", 1, None),
        ("Two unidentified assailants shot dead a policeman and critically injured his son.", 1, 1),
        # not the state's killing of a militant, not a plural, not a death told as a noun
        ("Police killed the militant commander in an encounter.", None, None),
        ("The blast injured their children.", None, None),
        ("The secretary said two people were killed.", 2, None),
    ],
)
def test_the_person_a_casualty_verb_names_is_one_victim(
    text: str, killed: int | None, injured: int | None
) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)
