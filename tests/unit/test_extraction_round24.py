"""Round 24: tolls the twenty-first blind set's errors showed missing (read after that set was
scored, and measured on the twenty-second, still unread). A bound before a coordinated count
("at least six civilians and four soldiers"); people an abduction took and a later verb killed
("abducted three members of a family ... and subsequently killed them"); "beat him to death"; a
force's initials inside a victim's title ("a Counter Terrorism Department (CTD) official"); a
perfect tense of "died" with how ("has died from gunshot wounds"); bodies counted with an
adjective ("107 disfigured bodies"); a clause opened by "while" whose subject is a coordination;
victims named by their work ("his helper")."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a bound before the first count of a coordination keeps the sum, as a bound
        ("At least six civilians and four soldiers were killed in the attack.", 10),
        ("At least 11 Colombian Army soldiers and one policeman have been killed in an ELN attack.", 12),
        ("At least 12 people and a policeman were killed in the blast.", 13),
        # a vague plural is no count to add to
        ("Dozens of people and a policeman were killed in the blast.", 1),
        # people an abduction took, killed later in the sentence: the pronoun agrees with the count
        (
            "Maoist cadres abducted three members of a family suspecting them to be police informers"
            " and subsequently killed them in Jamui District on July 14.",
            3,
        ),
        (
            "Maoist cadres abducted a panchayat secretary identified as Lakpati Dansena and beat him to"
            " death in the forests of Karramal on April 21.",
            1,
        ),
        ("Maoists abducted two traders from the market on Monday and shot them dead in the forest.", 2),
        # released, threatened, or killed by others: no toll of the abduction
        (
            "Maoists abducted three villagers on Monday, accusing them of being informers, and later"
            " released them.",
            None,
        ),
        ("Maoists abducted three villagers and threatened to kill them.", None),
        ("Militants kidnapped two engineers and demanded a ransom; police killed them later.", None),
        # "beat" kills only "to death"; a court's sentence kills no one
        ("Militants beat him to death in Karramal.", 1),
        ("Maoists tortured her to death.", 1),
        ("Maoists beat him and left.", None),
        ("The court sentenced him to death.", None),
        # a force's initials in brackets inside the victim's title
        (
            "Unidentified assailants shot dead a Counter Terrorism Department (CTD) official, identified"
            " as Deputy Superintendent of Police Noor Muhammad Khan, on the Diyal Road on June 30.",
            1,
        ),
        ("Militants killed a Bharatiya Janata Party (BJP) leader in Bijapur.", 1),
        # and the initials before the victim after "shot dead": the count before is the killers
        ("Sources said that three unidentified militants on motorbikes shot dead FC official Ali Rehman.", 1),
        ("Two militants shot dead in Kupwara.", 2),
        # "has died" and how: one person (all-caps copy arrives lowered)
        (
            "bernardo jaramillo ossa, the 36-year-old patriotic union (up) presidential candidate, has died"
            " from gunshot wounds, angelino garzon, spokesman for that political organization, has reported.",
            1,
        ),
        ("many people have died from gunshot wounds this year.", None),
        ("he had died of natural causes.", None),
        # bodies with an adjective are the dead
        (
            "rescue teams had the sorry task of recovering 107 disfigured bodies of the victims of the"
            " boeing 727 that exploded in midair near bogota.",
            107,
        ),
        ("Police recovered three charred bodies from the burnt vehicle.", 3),
    ],
)
def test_the_toll(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "while" opens a clause whose subject is the whole coordination
        ("Two soldiers were killed while five other soldiers and two civilians sustained injuries.", 2, 7),
        (
            "At least two Assam Rifles (AR) personnel and a civilian were killed while five other AR"
            " personnel and two civilians sustained injuries in serial bomb blasts on September 28.",
            3,
            7,
        ),
        ("The blast killed 12 people and 30 others were injured.", 12, 30),
        ("Three policemen were killed while two others sustained injuries.", 3, 2),
        # militants coordinated with the victims count in the toll, unless the forces' answer
        # killed them (an exchange of fire, an encounter, retaliation, a raid)
        (
            "At least six civilians and four militants are killed in attacks on two hotels in Mogadishu.",
            10,
            None,
        ),
        (
            "Unknown gunmen storm a hotel in Bosaso, leaving at least four guards and two militants dead.",
            6,
            None,
        ),
        (
            "Separately, one Frontier Corps (FC) officer and one militant were killed during an exchange"
            " of fire in Sariab Road area of Quetta on August 26, reports Dawn.",
            1,
            None,
        ),
        (
            "At least three policemen and two militants were killed during an exchange of fire in Tank.",
            3,
            None,
        ),
        ("Two militants and a soldier were killed in an encounter in Kupwara.", 1, None),
        ("Five militants and three soldiers, including an officer, were killed in the gunfight.", 3, None),
        (
            "Six militants were killed while two militants and a soldier sustained injuries during an"
            " encounter in Sheraki area of Orakzai Agency.",
            None,
            1,
        ),
        # a victim named by his work
        (
            "Unidentified militants opened fire on a NATO oil tanker in Jamrud, killing the driver and"
            " injuring his helper, reports Daily Times.",
            1,
            1,
        ),
        ("Gunmen shot dead a truck driver and his helper near Mendipather.", 2, None),
    ],
)
def test_killed_and_injured(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


def test_an_abduction_that_ends_in_a_killing_tells_its_dead(extractor: Extractor) -> None:
    text = (
        "Communist Party of India Maoist (CPI Maoist) cadres abducted a panchayat secretary identified"
        " as Lakpati Dansena and beat him to death in the forests of Karramal in Raigarh District on"
        " April 21, reports The Times of India."
    )
    details = extractor.extract(text, [])
    assert details.killed == 1
    assert [incident.killed for incident in details.incidents] == [1]


def test_an_all_caps_report_of_a_death_from_wounds(extractor: Extractor) -> None:
    text = (
        "BERNARDO JARAMILLO OSSA, THE\n36-YEAR-OLD PATRIOTIC UNION (UP) PRESIDENTIAL CANDIDATE, HAS DIED"
        " FROM\nGUNSHOT WOUNDS, ANGELINO GARZON, SPOKESMAN FOR THAT POLITICAL ORGANIZATION,\nHAS REPORTED."
    )
    details = extractor.extract(text, [])
    assert details.killed == 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # found by the review of rounds 24 and 25
        ("Militants abducted a woman and killed her husband.", 1, None),
        (
            "Gunmen abducted three shopkeepers, but police tracked down the gunmen and killed them in an"
            " encounter.",
            None,
            None,
        ),
        (
            "Militants abducted two soldiers and the Army launched an operation against the abductors,"
            " killing them.",
            None,
            None,
        ),
        ("The SP escaped without any injury while his gunman was killed on the spot.", 1, None),
        ("The minister escaped without injury, but his driver was killed.", 1, None),
        ("Two political bodies condemned the attack in which a policeman was injured.", None, 1),
        ("Two civic bodies demanded compensation for the three injured.", None, 3),
        # a raid by the attackers, retaliation as their motive, a raid at another time
        ("Six villagers and two militants were killed in a Maoist raid on the village.", 8, None),
        ("Seven soldiers and five rebels were killed in a rebel raid on a military base.", 12, None),
        (
            "Four soldiers and two militants were killed when Taliban attacked a checkpost in retaliation"
            " for the killing of their commander.",
            6,
            None,
        ),
        (
            "Two policemen and three militants were killed when militants attacked a police station, a"
            " day after a police raid on their hideout.",
            5,
            None,
        ),
        (
            "Three policemen and two terrorists were killed in the suicide attack, and security forces"
            " later launched a raid in the area.",
            5,
            None,
        ),
        (
            "At least three policemen and two militants were killed during a Police raid in Omar Kalay.",
            3,
            None,
        ),
    ],
)
def test_found_by_the_review(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)
