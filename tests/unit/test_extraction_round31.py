"""Round 31, read off the twenty-third set's errors: a people's adjective after a place is no
container of it; the comma the small NER model takes into a name is cut; a force named by its
initials is the state acting; an encounter with no one named is the forces' operation; "no reports
of injuries" is a toll of none; a count after "with" belongs to its own participle."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


def test_a_peoples_adjective_after_a_place_is_not_its_country(extractor: Extractor) -> None:
    # "Kabul, Indian and Afghan officials said" was read as "Kabul, India": a Kabul in India
    text = (
        "On June 9, suspected militants abducted an Indian female aid worker from Afghanistans capital "
        "Kabul, Indian and Afghan officials said on June 10, reports India Tribune."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert (incident.location.name, incident.location.country_code) == ("Kabul", "AF")
    assert incident.location.lat is not None


def test_the_comma_after_a_name_is_no_part_of_it(extractor: Extractor) -> None:
    # the small model tags "Timbuktu ," as one place; the comma kept it out of the gazetteer
    text = (
        "Militants disguised as United Nations troops attack two military bases near Timbuktu, Mali, "
        "using rockets and two car bombs. At least one soldier at the bases, used by France and the UN, "
        "is killed."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert (incident.location.name, incident.location.country_code) == ("Timbuktu", "ML")


@pytest.mark.parametrize(
    "text",
    [
        "The Counter Terrorism Department (CTD) killed four suspected terrorists in a shootout in Lahore "
        "on August 28.",
        "Rangers killed two militants in a raid in Karachi on Monday.",
        "The CRPF killed three Maoists in Sukma on Friday.",
    ],
)
def test_a_force_named_by_its_initials_kills_no_victims(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, []).killed is None


@pytest.mark.parametrize(
    "text",
    [
        "Police recovered the bodies of the two JJMP cadres from ChandoBasriya village.",
        "Police recovered the bodies of two militants from the village.",
    ],
)
def test_bodies_the_police_recover_are_not_their_kill(text: str) -> None:
    assert parse_casualties(text).killed == 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("An IED hit a CRPF vehicle killing the driver.", 1),
        ("An IED hit an army vehicle killing the driver.", 1),  # was none before the round too
        ("A bomb exploded near a police station killing three civilians.", 3),
        ("An IED blast targeting a BSF convoy killed Constable Ram Singh (32) in Kanker.", 1),
        ("Militants ambushed an army patrol, killing four soldiers.", 4),
        # a patrol is the force's men: the militants are its kill
        ("An Israeli Army patrol kills four ISIL-affiliated militants after they open fire.", None),
    ],
)
def test_a_force_that_names_a_vehicle_or_a_place_is_not_who_kills(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


def test_a_rebel_force_is_no_state_force(extractor: Extractor) -> None:
    result = extractor.extract("A rebel force killed 20 soldiers in an ambush in Kidal on Monday.", [])
    assert result.killed == 20


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Two militants were killed in an encounter with Security Forces in Bandipora District on "
            "November 22. Two militants have been killed in an encounter in Bandipora, a Police "
            "official said.",
            None,
        ),
        (
            "Militants attacked a police post in Bandipora on Monday. Two militants were killed in the "
            "encounter.",
            None,
        ),
        # the victim stays; only the militants leave the toll
        (
            "Militants attacked a police post in Bandipora on Monday. Two militants and a policeman were "
            "killed in the encounter.",
            1,
        ),
    ],
)
def test_militants_killed_in_an_encounter_are_the_forces_kill(
    extractor: Extractor, text: str, killed: int | None
) -> None:
    assert extractor.extract(text, []).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("However, there were no reports of injuries or damage in the incident.", 0, 0),
        ("There were no reports of any deaths.", 0, None),
        ("There was no report of injuries.", 0, 0),
        # a question about the toll is still no toll
        ("There were no reports on how many were injured.", None, None),
    ],
)
def test_no_reports_of_injuries_is_a_toll_of_none(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The attack left five dead with 12 people injured.", 5, 12),  # was 17 killed
        ("The explosion left two soldiers dead with two people injured.", 2, 2),  # was 4 killed
        ("Gunmen opened fire on a bus, killing 12 people, with 20 others injured.", 12, 20),
        ("The bomb killed 12 people with 30 injured.", 12, 30),
        ("He fired at the crowd with two people killed and five injured.", 2, 5),
    ],
)
def test_a_count_after_with_belongs_to_its_own_participle(text: str, killed: int, injured: int) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


# The review of round 31 (probes against the code before and after it): each of these went wrong
# with the round's first version and is mended.
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a force's initials as the object of an attack verb or a preposition
        (
            "Militants fired upon a BSF patrol party killing Constable Ram Singh (32) in Kupwara on May 3.",
            1,
            None,
        ),
        ("Maoists ambush CRPF team in Sukma killing Head Constable Ram Singh (45).", 1, None),
        ("Gunmen attack Rangers in Karachi killing Sepoy Ali Khan (25).", 1, None),
        ("Militants hurled a grenade towards a CRPF bunker killing Constable Ram Singh (32).", 1, None),
        # a group's commandos
        ("FMLN URBAN COMMANDOS MURDERED JOSE RODRIGUEZ, THE MAYOR OF SAN MIGUEL, YESTERDAY.", 1, None),
        # an encounter between factions is no operation of the forces
        (
            "Two NSCN-IM cadres were killed in an encounter between NSCN-IM and NSCN-K cadres in Tirap "
            "District on May 4.",
            2,
            None,
        ),
        ("Two militants of rival factions were killed in an encounter in Tirap.", 2, None),
        ("Two militants were killed in an encounter in Kupwara with NSCN(K) cadres.", 2, None),
        # bodies recovered after the forces' own operation are its dead
        ("Security forces recovered the bodies of two militants after the encounter in Shopian.", None, None),
        # "no injuries" says no one died only when no death is told
        ("The driver was killed when the bomb went off. There were no reports of injuries.", 1, 0),
        ("The guard died on the spot. There were no reports of injuries.", None, 0),
    ],
)
def test_the_reviews_cases(text: str, killed: int | None, injured: int | None) -> None:
    counted = parse_casualties(text)
    assert (counted.killed, counted.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a people's name still settles a name several countries share
        ("A bomb exploded in Tripoli, Lebanese security sources said, killing two people.", "Tripoli", "LB"),
        ("A car bomb exploded in Merida, Venezuelan officials said, killing two people.", "Merida", "VE"),
        ("Rebels killed six soldiers in Cordoba, Colombian army officials said.", "Cordoba", "CO"),
    ],
)
def test_a_peoples_adjective_settles_a_shared_name(
    extractor: Extractor, text: str, place: str, country: str
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert (incident.location.name, incident.location.country_code) == (place, country)
