"""Casualty rules of the twelfth round: deaths told without a count word (a person named as the
object of a killing verb, a named person who "died on the spot", a death toll that "has risen to"),
people nouns the list missed, and the cases that must not change. Each rule is shown on the
sentence of a tuning text or of the dev and train attack reports that showed it."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-11 train-5570: a rising toll after a long phrase is the total of the dead
        (
            "The death toll from the drone and missile attack on a mosque in a military training camp"
            " in Ma'rib, Yemen, has risen to 116. (BBC News)",
            116,
            None,
        ),
        # a toll that rose replaces the first telling, it does not add to it
        (
            "A bomb killed 20 people in Kabul on Monday. The death toll from the bombing has risen to 64.",
            64,
            None,
        ),
        # train-4932: the wounded beside it are kept
        (
            "The death toll from yesterday's Taliban attack on the National Directorate of Security in"
            " Kabul rises to 64, with 347 others wounded, according to the Afghan Interior Ministry.",
            64,
            347,
        ),
        # train-3716: the toll's number is no one's wounded
        (
            "The death toll of the July 10 suicide attack on ANP leader Haroon Bilour in Yakatoot had"
            " risen to 21 when an injured ANP activist succumbed to his injures on July 11.",
            21,
            None,
        ),
        # a toll in another attack told after it stays its own
        (
            "The death toll from the Kabul bombing has risen to 64. In a separate attack, 5 soldiers"
            " were killed in Kandahar.",
            69,
            None,
        ),
    ],
)
def test_a_toll_that_rose_is_the_total(text: str, killed: int | None, injured: int | None) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Unidentified gunmen killed former MLA Rajesh Kumar in Imphal.", 1),
        ("Gunmen shot dead Ahmad Khan in Kabul.", 1),
        ("Gunmen killed police officer Ahmad Khan in Kabul.", 1),
        # train-3538
        ("Armed men opened fire and killed Head Constable Ashfaq Qazi in Killi Sheikhan area.", 1),
        ("A suicide bomber killed Pakistan Peoples Party leader Bashir Bilour in Peshawar.", 1),
        ("Militants killed Kandahar police chief Abdul Raziq on Thursday.", 1),
        ("The bomb killed Ahmad Khan and his son in Kabul.", 2),
        # upper-case wire copy, and the same lower-cased as the extractor reads it (heldout-11
        # train-3407, dev-510)
        ("ALLEGED TERRORISTS TODAY KILLED DOLORES HINOSTROZA, THE MAYOR OF MULQUI DISTRICT.", 1),
        ("alleged terrorists today killed dolores hinostroza, the mayor of mulqui district.", 1),
        ("THE GUERRILLAS MURDERED MAYOR JOSE PEREZ IN SAN MIGUEL.", 1),
        ("the fmln killed presidency minister antonio rodriguez porth and his driver.", 2),
        ("TERRORISTS ASSASSINATED CARLOS PIZARRO, THE M-19 LEADER.", 1),
        # must not count: a force, a plural people, a preposition, a count, state forces, a killing
        # recalled, an air strike
        ("Militants killed Afghan National Army soldiers in Kandahar.", None),
        ("Militants killed Afghan National Army in Kandahar.", None),
        ("Troops killed Riyaz Naikoo in Pulwama.", None),
        ("The LTTE, which assassinated Rajiv Gandhi, was banned.", None),
        ("Police arrested the brothers accused of killing Ram Singh.", None),
        (
            "United States Africa Command announces that a March 24 airstrike in Ubari, Libya, killed"
            " Musa Abu Dawud, who was a wanted alleged senior member of al-Qaida.",
            None,
        ),
        ("the guerrillas killed six peasants, the army said.", 6),
        ("the guerrillas killed several civilians, a spokesman said.", None),
    ],
)
def test_a_person_named_as_the_object_of_a_killing_verb_is_one_dead(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # heldout-11 train-4500
        ("An unidentified gunman fired at Rabha at Nalkhamra village. Rabha died on the spot.", 1),
        ("Rabha died on the spot.", 1),
        ("Kumar died of his injuries in hospital.", 1),
        # heldout-1 dev-487, lower-cased shouted copy
        ("inspector eulogio flores died in the explosion.", 1),
        # heldout-9 train-2559
        (
            "the medical authorities have reported that luis carlos galan, senator and presidential"
            " hopeful, died tonight 2 hours after having been shot in an attack.",
            1,
        ),
        # not one person, or not the attack's death
        ("civilians died in the explosion.", None),
        ("many died in the explosion.", None),
        ("Gandhi died in 1991.", None),
        ("An unidentified gunman fired at Rabha. Kumar died.", None),
    ],
)
def test_a_named_person_who_died_of_the_attack_is_one_dead(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # people nouns the list missed (heldout-11 train-8596, train-8078)
        ("A bomb at a football stadium yesterday killed up to five spectators.", 5, None),
        (
            "Boko Haram attack the city, destroying several buildings and leaving at least 23 locals dead.",
            23,
            None,
        ),
        # reported dead, past an aside or a force's name (heldout-11 dev-1652, dev-1235)
        (
            "At least 17 people, including two Canadians, are reported dead and eight others injured in"
            " an attack on a Turkish themed restaurant.",
            17,
            8,
        ),
        (
            "Taliban insurgents attack the consulate, with two members of the Afghan National Police"
            " reported as killed and about 20 civilians injured.",
            2,
            20,
        ),
        # a threat, a plan or an order to kill is no death (train-2578, train-3196)
        ("THE GROUP THREATENED TO KILL 10 COLOMBIAN JUDGES FOR EVERY MAN EXTRADITED.", None, None),
        ("Gunmen tried to kill a judge; two guards were wounded.", None, 2),
        # the wounded told again with "the" are the same people (train-4167, train-3943)
        (
            "Unidentified persons exploded a grenade at a store leaving two non locals injured. The two"
            " injured persons were working as salesmen.",
            None,
            2,
        ),
        (
            "Militants lobbed a grenade injuring two labourers. The two injured labourers were taken"
            " to hospital.",
            None,
            2,
        ),
        # "the two others" are other people (dev-901)
        ("Two men died on the spot, while the two others died at the Civil Hospital.", 4, None),
        # a count after "while" shares the verb after it (train-2475, train-6465)
        (
            "AS A RESULT OF THE ATTACK 5 SOLDIERS WERE KILLED, WHILE 1 OFFICER AND 14 SOLDIERS WERE WOUNDED.",
            5,
            15,
        ),
        ("Three soldiers are killed while two others and a policeman are injured after an explosion.", 3, 3),
    ],
)
def test_people_counted_past_asides_threats_and_retellings(
    text: str, killed: int | None, injured: int | None
) -> None:
    cas = parse_casualties(text)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # militants or suspects killed, in the passive, by the forces or in their operation: the
        # forces' action, no attack's toll (heldout-6 train-3860, train-3662, train-8829; train-8038)
        (
            "A woman CPI Maoist cadre was killed in an alleged encounter with Police at a village in"
            " Dhanora tehsil early on May 10.",
            None,
        ),
        (
            "A TTP terrorist, identified as Wahid alias Saddar Bush, was killed in Police shootout in"
            " Ittehad Town on September 11.",
            None,
        ),
        ("one Islamic State IS suspect was killed by the Anti Terrorist Squad ATS in Thakurganj area.", None),
        ("At least seven militants are killed by Afghan security forces in Logar Province.", None),
        ("Three militants were killed in an encounter with security forces in Pulwama.", None),
        # the forces' men, civilians, or militants killed by no named agent still count
        ("A policeman was killed by militants in Shopian.", 1),
        ("Two policemen were killed in an encounter with militants in Pulwama.", 2),
        ("A militant commander was killed in Shopian.", 1),
        ("Two civilians were killed by security forces in Shopian.", 2),
        # the forces' exchange of fire, and an attack by "rebel forces" that is no state's (train-1685)
        (
            "Two Communist Party of India Maoist (CPI Maoist) cadres, including a woman were killed in a"
            " fierce encounter with Security Force (SF) personnel in a dense forest.",
            None,
        ),
        ("Two policemen were killed in an exchange of fire with militants.", 2),
        (
            "At least 12 people were killed and two others were injured in an attack by rebel forces in"
            " Kaya.",
            12,
        ),
    ],
)
def test_militants_the_forces_killed_are_no_toll(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_ner=False)


def test_a_named_victim_makes_an_incident(extractor: Extractor) -> None:
    """A killing told only by the victim's name was no incident at all: now it is one, with its
    dead, place and perpetrators."""
    details = extractor.extract("Unidentified gunmen killed former MLA Rajesh Kumar in Imphal.", [])
    assert len(details.incidents) == 1
    incident = details.incidents[0]
    assert incident.killed == 1
    assert incident.location is not None and incident.location.name == "Imphal"
    assert incident.actors == ["unidentified gunmen"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # heldout-11 train-8475: a plural attack noun before a list of places is one attack per place
        (
            "Bomb attacks in the Iraqi cities of Karbala, Najaf and Basra kill at least nineteen people"
            " and injure scores more.",
            ["Karbala", "Najaf", "Basra"],
        ),
        ("Bombings in Baghdad and Karbala killed 30 people.", ["Baghdad", "Karbala"]),
        # a place and the region it lies in is no list (train-5892 was split before)
        ("Maoists carried out attacks in Dantewada, Chhattisgarh, killing 5 policemen.", ["Dantewada"]),
        ("Two attacks in Dantewada, Chhattisgarh killed 5 policemen.", ["Dantewada"]),
        (
            "At least 80 people are killed as twin suicide blasts hit a demonstration in Kabul, Afghanistan.",
            ["Kabul"],
        ),
    ],
)
def test_attacks_in_a_list_of_places_are_one_incident_each(
    extractor: Extractor, text: str, places: list[str]
) -> None:
    incidents = extractor.extract(text, []).incidents
    assert [i.location.name if i.location else None for i in incidents] == places
    if len(places) > 1:  # the toll is the attacks' together, no one place's
        assert all(i.killed is None for i in incidents)
