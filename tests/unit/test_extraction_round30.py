"""Round 30: a speaker's town is an aside whichever speech verb follows it ("Officials in Kandahar
reported", "A police spokesman in Srinagar announced"), as round 28 made it for "said" and "told":
the speech verbs after a speaker's place are those after "said in" (``_TOLD``) and more."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Officials in Kandahar reported on Monday that a roadside bomb killed four policemen in "
            "Spin Boldak district.",
            "Spin Boldak",
        ),
        (
            "A police spokesman in Srinagar announced that militants hurled a grenade at a CRPF bunker in "
            "Sopore, injuring three.",
            "Sopore",
        ),
        # the only place named stays the place
        (
            "Police in Peshawar disclosed that a bomb exploded near a mosque on Friday, killing five people.",
            "Peshawar",
        ),
    ],
)
def test_a_speakers_town_is_an_aside_whatever_the_speech_verb(
    extractor: Extractor, text: str, place: str
) -> None:
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name.startswith(place)
