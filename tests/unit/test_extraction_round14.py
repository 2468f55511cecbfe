"""Rules of the fourteenth round: the names of the counted between a count and its verb ("Four
Rangers personnel, identified as Qasim Ali ... and Akhtar Ali, were shot dead"), a bracketed
acronym inside a count's phrase, militants dead beside the victims of their attack, and the
country an article's armed group fights in for a small town the gazetteer puts abroad. Each is
shown on the sentence of a tuning text or a dev or train attack report."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-13 train-4471: the aside names four, with "and" among them
        (
            "Four Sindh Rangers personnel, identified as Qasim Ali, Shahdat Ali, Ashfaq and Akhtar Ali,"
            " were shot dead by three unidentified assailants on November 20.",
            4,
            None,
        ),
        # heldout-13 train-4111: the names, then a second aside
        (
            "Two persons, identified as Ghullam Rasool Gola and Mehmood Gola, the workers of Pakistan"
            " Peoples Party (PPP), were killed when a motorbike hit a landmine.",
            2,
            None,
        ),
        # corpus: ages in brackets after the names, a comma after "as"
        (
            "Two persons, identified as Naik Akhtar (30) and Naeem Jan (25), were killed when armed"
            " militants opened fire.",
            2,
            None,
        ),
        (
            "Two traffic Police Officers, identified as, Shakeel Ahmad and Muhammad Kamran, were shot"
            " dead near Aisha Manzil.",
            2,
            None,
        ),
        (
            "Two persons, identified as Sudir Mahanta and Anwar Hussain, were injured in a grenade attack.",
            None,
            2,
        ),
        # heldout-13 train-3966: a bracketed acronym inside the phrase of the count
        (
            "On November 11, two unidentified Assam Rifles (AR) troopers were killed and while three AR"
            " men were injured when militants attacked them.",
            2,
            3,
        ),
    ],
)
def test_the_names_of_the_counted_and_acronyms_do_not_cut_a_count(
    text: str, killed: int | None, injured: int | None
) -> None:
    casualties = parse_casualties(text)
    assert (casualties.killed, casualties.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # heldout-13 train-3537: the attackers shot dead in the police's retaliatory fire
        (
            "Three Tehreek e Taliban Pakistan (TTP) militants were shot dead and one Policeman was"
            " injured in retaliatory firing in Manghopir area of Gadap Town in Karachi.",
            None,
            1,
        ),
        # corpus: twelve cadres who killed one civilian are not twelve dead
        (
            "Around 12 armed cadres of the Communist Party of India Maoist (CPI Maoist) allegedly killed"
            " a tribal civilian, identified as Kamana Kadraka (53), at Dasini village.",
            1,
            None,
        ),
        (
            "At least six militants were killed while a soldier embraced martyrdom and two other injured"
            " during a search operation in Mashkey area of Awaran District.",
            1,
            2,
        ),
        # told alone, the militants dead are what the text counts
        ("Two militants were killed in the attack.", 2, None),
        # but not in an encounter, the forces' operation (round 31, the annotation's reading)
        ("Two militants were killed in the encounter.", None, None),
        # counted with the victims, they stay in the toll
        ("Five soldiers and two militants were killed in the attack.", 7, None),
        ("At least 12 people were killed on both sides, including 10 rebels.", 12, None),
    ],
)
def test_militants_dead_beside_victims_are_no_toll(
    text: str, killed: int | None, injured: int | None
) -> None:
    casualties = parse_casualties(text)
    assert (casualties.killed, casualties.injured) == (killed, injured)


def test_a_small_town_takes_the_country_the_articles_group_fights_in(extractor: Extractor) -> None:
    # heldout-13 train-2307: San Sebastian is only Guatemala's in the gazetteer; the FMLN and San
    # Miguel (named only as where the vehicle went) say El Salvador
    text = (
        "ON 10 JANUARY AT 1030, AN FMLN UNIT COMMEMORATED THIS OCCASION BY AMBUSHING A MILITARY VEHICLE\n"
        "TRANSPORTING NATIONAL GUARDSMEN FROM SESORI TO SAN MIGUEL.  THE AMBUSH\n"
        "TOOK PLACE AT EL BOTIJON, IN SAN SEBASTIAN CANTON, SESORI, AND WAS\n"
        "CARRIED OUT USING EXPLOSIVES.  FIVE NATIONAL GUARD SOLDIERS WERE KILLED."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.country_code == "SV"


def test_a_region_stays_in_its_country_whoever_the_group(extractor: Extractor) -> None:
    # corpus: the kidnappers fight in the Philippines; Sabah is Malaysia's
    text = (
        "Abu Sayyaf of the Philippines allegedly kidnap three Filipino fishermen from their trawler off"
        " the Malaysian state of Sabah on Borneo island. (International Business Times)"
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert (incident.location.name, incident.location.country_code) == ("Sabah", "MY")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # heldout-13: whose village, and "village" before the name, say nothing against where
        (
            "The militants shot Farooq Ahmad Sheikh at his native Koil village in Pulwama District, killing"
            " him.",
            "Koil",
        ),
        (
            "A villager was killed by Maoist cadres at his village Kundla under Kurusnar Police Station"
            " limits of Narayanpur District on February 27.",
            "Kundla",
        ),
        ("A villager was killed by Maoist cadres at village Kundla in Narayanpur District.", "Kundla"),
        # heldout-13: the station's area, where no village is named
        (
            "A village headman was killed by Maoist cadres under Podia Police Station limits in Malkangiri"
            " District on February 19.",
            "Podia",
        ),
        # "the house of ... of Naranseina under Moirang Police Station": the station's area is where
        (
            "Militants hurled a grenade near a house under Moirang Police Station in Bishnupur District on"
            " August 16, injuring two persons.",
            "Moirang",
        ),
    ],
)
def test_the_smallest_place_told_as_where(extractor: Extractor, text: str, place: str) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name == place


def test_a_station_named_in_one_sentence_starts_no_other_incident(extractor: Extractor) -> None:
    # corpus: the district told later is the same incident's, not another one
    text = (
        "A constable of CoBRA succumbed to bullet injuries and a havildar was injured in an encounter with"
        " the CPI Maoist deep inside the forest in Labhar picket under Burwadih Police Station in Latehar"
        " District on April 5. Latehar Superintendent of Police said that a joint team was caught in a"
        " sudden firing unleashed by the Maoists in the Karamdeeh forests bordering Chhattisgarh. Local"
        " people saw at least six bodies being carried by the Maoists into Jharkhand's deep forests."
    )
    incidents = extractor.extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None and incidents[0].location.name == "Burwadih"
