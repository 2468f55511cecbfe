"""Round 29: an earlier attack the article recalls is an incident of its own, marked ``earlier``,
and stays out of the article's types, totals, places and actors. A sentence after the lead that
tells of last year or month, or of years or months ago, and of nothing today ("the same area where
a Maoist ambush had killed 27 people last year") starts one, as does one dated to another year than
the lead's incident. The lead is the report even when it reaches back."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.workers.classify.dates import another_time
from wirewatch.workers.classify.extraction import Extractor

SUKMA = (
    "Fifteen Security Force (SF) personnel were killed in a Communist Party of India Maoist (CPI Maoist) "
    "ambush on March 11 in Sukma District of south Chhattisgarh, reports The Hindu. One civilian, "
    "Vikram Nishad, also died in the crossfire, while three were injured. The incident took place when "
    "a joint team of the CRPF and the Police, about 50 personnel divided into two platoons were moving "
    "from Tongpal village to Jeeram Ghati, the same area where a Maoist ambush had killed 27 people last "
    "year on May, 25. About 100 Maoists surrounded them and opened fire."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A soldier died in an ambush on the same road last year.", True),
        ("Two marines died in a bombing of a market some 3 years ago.", True),
        ("Pirates abducted seven Filipinos in Nigeria last month.", True),
        ("It was the deadliest attack since last year.", False),
        ("Gunmen killed two soldiers last week.", False),
        ("Militants who killed 27 people last year struck again on Monday.", False),
        ("A bomb exploded in a market in Kabul today.", False),
        ("Last year, a soldier died in a similar ambush.", True),
        ("Maoists killed 27 people in an ambush in the same area on June 25 last year.", True),
        ("A similar bomb at the same market killed 30 people a decade ago.", True),
        ("A similar bomb at the same market killed 30 people three weeks ago.", True),
        ("A bomb killed 30 people at the same market earlier this year.", True),
        ("The last attack with similar characteristics occurred in June.", True),
        ("A bomb killed 30 people at the same market on June 3.", False),
        # a measure from today, or another thing's time, or today named beside it
        ("Three soldiers were killed, the highest toll since the army retook the town last year.", False),
        ("Twelve people were killed, among them a policeman who joined the force last year.", False),
        ("Four policemen were killed in the attack, which broke a truce agreed two months ago.", False),
        ("Militants who escaped from prison last year killed three guards Tuesday.", False),
        ("Compared with last month, attacks killed fewer people.", False),
    ],
)
def test_which_sentences_tell_of_another_time(sentence: str, expected: bool) -> None:
    assert (another_time(sentence) is not None) is expected


def test_last_years_ambush_is_an_earlier_incident_outside_the_toll(extractor: Extractor) -> None:
    found = extractor.extract(SUKMA, [])
    assert [(i.killed, i.earlier) for i in found.incidents] == [(16, False), (27, True)]
    assert found.killed == 16
    assert found.injured == 3
    assert "Tongpal" not in [loc.name for loc in found.locations]


def test_a_recalled_attack_gives_the_report_no_type_or_evidence(extractor: Extractor) -> None:
    text = (
        "Gunmen killed three police officers at a checkpoint in Kirkuk on Monday. "
        "A soldier died in an ambush on the same road last year."
    )
    found = extractor.extract(text, [])
    report, recalled = found.incidents
    assert (report.type, report.killed, report.earlier) == ("checkpoint_attack", 3, False)
    assert "last year" not in report.sentence
    assert (recalled.type, recalled.killed, recalled.earlier) == ("ambush", 1, True)
    assert "ambush" not in found.attack_types
    assert found.killed == 3
    assert all("last year" not in e for e in found.evidence)


def test_the_earlier_bombs_toll_is_its_own(extractor: Extractor) -> None:
    text = (
        "A bomb exploded in a classroom at Ghazni University in Afghanistan on Tuesday, wounding at least "
        "nineteen students. The same university was targeted last month with a bomb attached to a "
        "university minibus. That bomb killed one person and injured five others."
    )
    found = extractor.extract(text, [])
    assert [(i.killed, i.injured, i.earlier) for i in found.incidents] == [(None, 19, False), (1, 5, True)]
    assert (found.killed, found.injured) == (None, 19)


def test_another_years_attack_is_an_earlier_one(extractor: Extractor) -> None:
    text = (
        "FIFTEEN SOLDIERS WERE KILLED TODAY IN AN AMBUSH IN CAQUETA. FARC REBELS KILLED 28 SOLDIERS "
        "DURING AN AMBUSH IN THE SAME AREA IN LATE 1987."
    )
    found = extractor.extract(text, [])
    assert [(i.killed, i.earlier) for i in found.incidents] == [(15, False), (28, True)]
    assert found.killed == 15


def test_the_lead_is_the_report_even_when_it_reaches_back(extractor: Extractor) -> None:
    text = (
        "The ELN guerrilla movement, which kidnapped a Spanish businessman almost 2 months ago in Quito, "
        "is demanding a ransom for his release. Guerrillas disguised as policemen kidnapped the "
        "businessman at his hotel."
    )
    found = extractor.extract(text, [])
    assert found.attack_types == ["kidnapping"]
    assert not any(i.earlier for i in found.incidents)
    assert any("Quito" in i.sentence for i in found.incidents)


def test_a_recalled_attack_told_alone_is_the_report(extractor: Extractor) -> None:
    found = extractor.extract("Two soldiers were killed in an ambush in the same district last year.", [])
    (incident,) = found.incidents
    assert (incident.type, incident.killed, incident.earlier) == ("ambush", 2, False)
    assert found.killed == 2


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "Gunmen attacked an army post in Kirkuk on Monday. Three soldiers were killed, the highest "
            "toll since the army retook the town last year.",
            3,
            None,
        ),
        (
            "Gunmen attacked a police station in Kirkuk on Monday. Four policemen were killed in the "
            "attack, which broke a truce agreed two months ago.",
            4,
            None,
        ),
        # today's again after the earlier attack: its own incident, in the toll
        (
            "Gunmen shot dead three policemen in Kirkuk on Monday. Gunmen killed two soldiers on the same "
            "road last year. On Tuesday, gunmen shot dead a policeman in Kirkuk.",
            4,
            None,
        ),
        (
            "Gunmen shot dead three policemen in Kirkuk on Monday. Gunmen killed two soldiers on the same "
            "road last year. The gunmen also wounded four civilians in the attack on Monday.",
            3,
            4,
        ),
        # this year's, by the publication date, though the lead names no year
        (
            "Gunmen killed five people in Kirkuk on Monday. A bomb killed three people in Mosul on "
            "March 5, 2024.",
            8,
            None,
        ),
    ],
)
def test_todays_toll_stays_in_the_article(
    extractor: Extractor, text: str, killed: int, injured: int | None
) -> None:
    found = extractor.extract(text, [], reference=date(2024, 3, 6))
    assert (found.killed, found.injured) == (killed, injured)


def test_the_triages_evidence_leaves_out_the_recalled_attack(extractor: Extractor) -> None:
    lead = "Gunmen killed three police officers at a checkpoint in Kirkuk on Monday."
    recalled = "A soldier died in an ambush on the same road last year."
    found = extractor.extract(f"{lead} {recalled}", [recalled, lead])
    assert found.evidence == [lead]


def test_a_time_the_lead_names_too_is_the_reports(extractor: Extractor) -> None:
    text = (
        "The Taliban released a video showing the execution of 16 Pakistani Policemen, captured during a "
        "raid in June from Upper Dir District, reports Dawn. Pakistan Army spokesman Major General Athar "
        "Abbas said the Policemen were captured when the Taliban staged an attack from Afghanistan in "
        "Upper Dir District in June."
    )
    found = extractor.extract(text, [])
    assert not any(i.earlier for i in found.incidents)
    assert found.killed == 16
