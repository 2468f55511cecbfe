"""Round 28: where a speaker sits ("A Police spokesman in Srinagar said") is not where the attack
was when the sentence or its incident names another place, and a later sentence that counts again
only a group of people told before ("resulting in injuries to 17 Police and CRPF personnel and some
civilians") restates the incident instead of starting another one."""

from __future__ import annotations

from wirewatch.workers.classify.extraction import Extractor

PULWAMA = (
    "A Central Reserve Police Force (CRPF) Commandant was among 17 Police and CRPF personnel and eight "
    "civilians injured as militants attacked a Police party in Pulwama District on August 24. "
    "Militants threw two grenades on a Police party near Degree College Pulwama. "
    "A Police spokesman in Srinagar said that during stone pelting near Degree College Pulwama, "
    "militants hiding in the mob fired and hurled two grenades on the deployment resulting in "
    "injuries to 17 Police and CRPF personnel and some civilians."
)


def test_the_spokesmans_town_is_no_second_incident(extractor: Extractor) -> None:
    found = extractor.extract(PULWAMA, [])
    (incident,) = found.incidents
    assert incident.location is not None
    assert incident.location.name.startswith("Pulwama")
    assert incident.injured == 25
    assert found.injured == 25


def test_the_speakers_town_yields_to_the_place_of_the_attack(extractor: Extractor) -> None:
    text = (
        "Officials in Kandahar said on Monday that a roadside bomb killed four policemen in "
        "Spin Boldak district."
    )
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name.startswith("Spin Boldak")


def test_the_speakers_town_is_the_place_when_it_is_the_only_one(extractor: Extractor) -> None:
    text = "Police in Peshawar said a bomb exploded near a mosque on Friday, killing five people."
    (incident,) = extractor.extract(text, []).incidents
    assert incident.location is not None
    assert incident.location.name == "Peshawar"
    assert incident.killed == 5


def test_a_group_told_again_in_another_town_is_another_incident(extractor: Extractor) -> None:
    text = (
        "Militants killed two soldiers and three civilians in an ambush in Kupwara on Monday. "
        "Gunmen killed two soldiers at a checkpoint in Anantnag on Tuesday."
    )
    incidents = extractor.extract(text, []).incidents
    assert [(i.location.name if i.location else None, i.killed) for i in incidents] == [
        ("Kupwara", 5),
        ("Anantnag", 2),
    ]
