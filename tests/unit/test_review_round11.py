"""What the independent review of the eleventh round found worse than before, each mended and kept
here on the probe or corpus phrasing that showed it."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    "text",
    [
        # the attackers named after an attack only as the object of talks, aid or blame
        "A BOMB EXPLODED AT A BANK IN SAN SALVADOR TODAY, WOUNDING FIVE PERSONS. THE GOVERNMENT SAID IT"
        " WILL CONTINUE TALKS WITH THE GUERRILLAS.",
        "A bomb exploded at a bank in San Salvador, wounding five people. The guerrillas burned coffee"
        " fields nearby.",
    ],
)
def test_attackers_named_after_only_as_an_object_are_no_actors(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.actors == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the place of the authorities who speak is where, in capitals too
        ("AUTHORITIES IN BOGOTA REPORTED THAT A BOMB EXPLODED AT A BANK TODAY, KILLING THREE PEOPLE.", "CO"),
        # "based in" said of the victims is where they were
        (
            "A suicide bomber attacks the United Nations compound in western Afghanistan based in Herat.",
            "AF",
        ),
    ],
)
def test_speakers_and_bases_keep_their_place(extractor: Extractor, text: str, country: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.country_code == country


@pytest.mark.parametrize(
    "text",
    [
        "A bus hits a roadside bomb in Kandahar, killing two people.",
        "A truck hits a landmine near Kandahar, killing two people.",
    ],
)
def test_the_bomb_a_vehicle_hits_is_no_target(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert not any("roadside" in t or "land" in t for t in incident.targets)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # two attacks with the same toll, the second in another place: both counted
        (
            "Two Policemen were killed and three injured when militants attacked a Police post in Kupwara"
            " District on May 2 reports Daily Excelsior Also on May 2 militants killed two soldiers and"
            " injured three in an ambush in Baramulla District",
            4,
            6,
        ),
        (
            "Two civilians were killed and four injured in a blast in Quetta and two civilians were killed"
            " and four injured in a second blast in Turbat.",
            4,
            8,
        ),
        # a number after "sector" that counts people is a count
        ("Militants fired at troops in the Uri sector 3 soldiers were killed on Monday", 3, None),
        # named people with bare ages are counted, the ages are not
        ("Maoists killed Sodi Hidma 30 and Madvi Joga 28 The bodies were found near Kistaram", 2, None),
        ("Unidentified gunmen shot dead Sardar Khan 28 The Police said the attackers fled", 1, None),
        # every age of a list is an age
        ("JOSE OSCAR MARIN, 32, AND PEDRO LUIS GOMEZ, 28, WERE KILLED WHEN A BOMB EXPLODED.", 2, None),
    ],
)
def test_review_tolls(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


# The second review of the round's mends.


@pytest.mark.parametrize(
    "text",
    [
        # a raid or a find by the forces stays no attack ("and recovered", "and arrested", "and defused")
        "Security forces raided a militant hideout in Kupwara and recovered arms and ammunition.",
        "Police raided a house in Quetta and arrested three suspects.",
        "A bomb was found near the market in Imphal and defused by the bomb squad.",
        # what is hijacked is no vehicle with people aboard
        "Protesters hijacked the debate on bus fares in Karachi on Monday.",
        "Hackers hijacked the flight booking system of the airline.",
        # general statements
        "Maoist attacks nearly doubled in 2010, the ministry said.",
        "Boko Haram attacks 2 years ago displaced thousands in Borno.",
        "Police fired tear gas shells to disperse stone pelters in Srinagar.",
        "North Korea fired several ballistic missiles into the sea on Monday.",
        "The Taliban have launched attacks on government forces across the country this year.",
    ],
)
def test_raids_finds_and_topics_stay_no_attacks(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).incidents == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A missile hit a bomb shelter in Kharkiv, killing 5 people.", "a bomb shelter"),
        ("Insurgents hit troops with IEDs in Kunar, killing 3.", "troops"),
    ],
)
def test_a_weapon_that_only_names_the_object_keeps_it(extractor: Extractor, text: str, target: str) -> None:
    if extractor.ner_name == "gazetteer" and "shelter" in text:
        pytest.skip("without a tagger 'hit' before 'a bomb shelter' is not read as a verb, as before")
    (incident,) = extractor.extract(text, []).incidents
    assert target in incident.targets


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a new date or place before the second toll: another attack
        (
            "Two Policemen were killed and three injured when militants attacked a Police post in Kupwara"
            " District on May 2 reports Daily Excelsior On May 3 two soldiers were killed and three"
            " injured in the encounter in Baramulla District",
            4,
            6,
        ),
        (
            "Three people were killed and 12 injured in a bomb blast in Quetta on Monday. On Tuesday, three"
            " people were killed and 12 injured in the blast at a market in Peshawar.",
            6,
            24,
        ),
        ("Militants fired at troops in the Uri sector 3 Indian Army soldiers were injured", None, 3),
        ("Terrorists attacked Lal Chowk 8 Police personnel were injured", None, 8),
        ("Gunmen shot dead Sardar Khan 28 and Gul Zaman 30 in Bannu on Monday", 2, None),
        ("Troops killed Riyaz Naikoo 40 in an encounter", None, None),
    ],
)
def test_second_review_tolls(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded at a bank in Quetta, wounding 4. The militants claimed the army had killed"
        " civilians in raids.",
        "A bomb exploded at a bank in Mogadishu, killing 4. The insurgents took control of the town last"
        " year.",
    ],
)
def test_attackers_told_of_otherwise_are_no_actors(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.actors == []


def test_the_attackers_of_an_earlier_attack_are_not_a_later_ones(extractor: Extractor) -> None:
    if extractor.ner_name == "gazetteer":
        pytest.skip("without NER the bomb took the gunmen already before this round (another rule)")
    text = (
        "Gunmen killed three people in Kano. A bomb exploded at a market in Maiduguri, wounding five."
        " The gunmen fled on motorcycles."
    )
    incidents = extractor.extract(text, []).incidents
    assert [i.actors for i in incidents] == [["gunmen"], []]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the village where the victim was released is not where he was abducted
        (
            "Militants abducted a tea garden manager in Tinsukia District on Monday. He was released at"
            " Tengmu village on Friday.",
            "Tinsukia",
        ),
        # another attack the group says it "had also" carried out, at a village elsewhere
        (
            "A civilian was injured in an IED explosion at Khurai in Imphal East District. The RPF said"
            " it had also attacked an army camp at Ashi village in Chandel District on September 9.",
            "Khurai",
        ),
        # an attack in a district, then another with a toll of its own in a town of it
        (
            "Militants killed two soldiers in Kupwara District on Monday. A grenade attack in Handwara area"
            " of Kupwara District injured three civilians.",
            "Kupwara",
        ),
    ],
)
def test_a_village_told_of_afterwards_or_elsewhere_is_not_the_place(
    extractor: Extractor, text: str, place: str
) -> None:
    incident = extractor.extract(text, []).incidents[0]
    assert incident.location is not None and incident.location.name.startswith(place)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Insurgents stormed Maidan Wardak police headquarters, killing 6.", "AF"),
        ("Taliban fighters from Kuz Kunar ambushed a convoy, killing 6 soldiers.", "AF"),
    ],
)
def test_a_province_inside_a_place_name_is_kept(extractor: Extractor, text: str, country: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None and incident.location.country_code == country
