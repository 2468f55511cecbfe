"""Where: the places a sentence names, and which of them is an incident's place.

:class:`PlaceFinder` finds the place mentions of a paragraph (spaCy NER when the pipeline has it,
the gazetteer's names, names a place noun designates: "Basugaon area", "the locality of
Situcancha") and notes how each is named: as where something happened ("in/at/near X"), as whose
or whence ("U.S. properties", "from Afghanistan"), or as a people ("Somali officials"). The
functions after it choose an incident's place from its sentences' mentions
(:func:`choose_location`, :func:`context_location`, :func:`context_country`) and tell whether two
places are the same (:func:`same_place`). Apart from :mod:`.extraction` because these rules are
most of the extractor's code; :mod:`.gazetteer` (the names themselves) stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from wirewatch.workers.classify.actors import ActorFinder
from wirewatch.workers.classify.dates import AGENCIES, AGENCY_AFTER, names_a_day
from wirewatch.workers.classify.gazetteer import (
    DEMONYMS,
    DIRECTIONS,
    Gazetteer,
    Place,
    code_name,
    direction_prefix,
)
from wirewatch.workers.classify.patterns import GENERIC_PERPETRATORS, news_outlets, vocabulary
from wirewatch.workers.classify.sentence_facts import Mention, Sentence
from wirewatch.workers.models import Location

_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_NAMED_PLACE = re.compile(
    # the place noun after a name is looked ahead at, not consumed: "the Nigerian town of Damasak"
    rf"\b(?:(?:In|At|Near|From|Of|On)\s+)?(?P<a>{_NAME})\s+(?=(?:[Vv]illage|[Aa]rea|[Tt]own|[Ll]ocality|[Mm]arket|[Cc]olony|[Bb]azaar|[Tt]ehsil|"
    rf"[Dd]istrict|[Bb]lock|[Ss]ub-?[Dd]ivision|[Nn]eighbou?rhood)\b)"
    rf"|\b(?:village|town|city|district|area) of (?P<b>{_NAME})"
    rf"|\b(?:village|hamlet) (?P<c>{_NAME})"
    # "under Podia Police Station limits": the station's area, where SATP copy places a village
    rf"|\bunder (?:the )?(?P<d>{_NAME}) "
    r"(?=(?:[Pp]olice [Ss]tation|[Pp]olice [Oo]ut-?[Pp]ost|[Pp]olice [Pp]ost|PS)\b)"
)
# Police stations named for what they are, not for a place: "Sadar Police Station", "Kotwali PS",
# "Women Police Station", "City Police Station"
_NOT_STATION_NAMES = {
    "sadar", "kotwali", "town", "city", "cantonment", "civil", "mahila", "women", "model", "railway",
    "grp", "cyber", "airport", "thana", "central", "main", "new", "old",
}  # fmt: skip
# "in Berg and Pulwama districts": a name joined to a place by "and" before a plural place noun is
# a place of that kind too, however small
_PAIRED_PLACES = re.compile(
    rf"\b(?P<first>{_NAME})\s+and\s+(?P<second>{_NAME})\s+"
    r"(?:[Dd]istricts|[Pp]rovinces|[Vv]illages|[Tt]owns|[Tt]ehsils)\b"
)
# Faiths and peoples that name villages and districts without being places.
_FAITHS = {
    "christian", "muslim", "sunni", "shiite", "shia", "hindu", "sikh", "buddhist", "jewish", "catholic",
    "protestant", "alawite", "druze", "yazidi", "hutu", "tutsi", "fulani", "dogon", "kurdish", "arab",
}  # fmt: skip
# A street named after a place ("Kabul Road" in Peshawar, "Uruguay Avenue" in Lima) is in the
# article's town, not in the place it is named after.
_STREET_WORDS = {"street", "avenue", "road", "boulevard", "highway", "lane"}
_STREET = re.compile(rf"\b(?P<name>{_NAME})\s+(?:Street|Avenue|Road|Boulevard|Highway|Lane)\b")
_NOT_PLACE_WORDS = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "Police",
    "Security",
    "Army",
    "Border",
    "Tribal",
    "Industrial",
    "Market",
    "Village",
    "District",
    "Area",
    "Town",
    "Civil",
    "Special",
    "Reserve",
    "Same",
    "Nearby",
    "Some",
    "Bomb",
}
# A building NER takes for a place ("the German Embassy", "the Imam Sadiq mosque"): the town it
# stands in is where the attack happened.
_BUILDING = re.compile(
    r"\b(?:mosque|embassy|consulate|church|cathedral|temple|shrine|synagogue|hotel|hospital|school|"
    r"university|college|stadium|airport|ministry|headquarters|compound|palace|prison|jail|mall|plaza|"
    r"bank|cinema|theatre|theater)s?\b",
    re.I,
)
# After a country's name, nouns that make it an adjective: "U.S. military advisers", "Pakistan Army".
INSTITUTIONS = {
    "military",
    "army",
    "armed",
    "forces",
    "troops",
    "soldiers",
    "embassy",
    "consulate",
    "advisers",
    "advisors",
    "officials",
    "government",
    "citizens",
    "nationals",
    "navy",
    "police",
    "ambassador",
    "president",
    "diplomats",
    "marines",
    "intelligence",
    "authorities",
    "ministry",
}
# Last words of a name the small NER model calls a place that say it names people or a force:
# "Policemen", "Assam Rifles", "Frontier Corps".
_FORCE_NAMES = {"rifles", "corps", "constabulary", "regiment"}
_NOT_PLACE_HEADS = vocabulary("person_nouns") | _FORCE_NAMES | {"battalion"}
# A word after a name that makes the name a force's or a group's, not a place: "Assam Rifles",
# "Reformation faction".
_NAMES_A_BODY = _FORCE_NAMES | {"rangers", "scouts", "faction", "wing"}


def _a_bodys_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` opens a force's or a group's name ("Assam Rifles",
    "Reformation faction"), not said to be where ("in Assam Rifles camp" keeps the place)."""
    nxt = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    return nxt in _NAMES_A_BODY and before not in ("in", "at", "near", "inside", "outside")


# Words after a country's name that leave it a place: "Iraq and Syria", "Iraq on Monday".
_FUNCTION_AFTER = set(STOP_WORDS) | {"said", "says", "reported", "close", "near"} - INSTITUTIONS
_TAKEN = re.compile(r"\b(?:abduct\w*|kidnap\w*|taken|took\s+away|picked\s+up|whisked\s+away)\b", re.I)
_EZAFE = {"e", "i"}  # the Persian "of" written apart: "Pul e Alam", "Mazar i Sharif"
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "of", "on", "into", "within", "between"}
# fmt: off
_PLACE_NOUNS = {
    "area", "capital", "city", "county", "district", "governorate", "municipality", "neighborhood",
    "neighbourhood", "outskirts", "part", "parts", "province", "region", "state", "suburb", "town",
    "village",
    # "Ghazni and Paktika Provinces", "Khunti and Seraikela Kharsawan Districts"
    "districts", "provinces", "regions", "states", "towns", "villages",
}
# fmt: on
# Nouns that follow a place's name in its full form ("Hangu District", "Doaba Bazaar") or precede it
# ("village Kurshipar"), so that a capitalised neighbour of this kind is no sign of a person's name.
# fmt: off
_DESIGNATORS = {
    "agency", "bazaar", "block", "colony", "cantonment", "chowk", "department", "division",
    "governorate", "locality", "market", "municipality", "police", "province", "road", "sector",
    "sub-division", "subdivision", "tehsil", "township", "upazila", "valley", "ward",
}
_NAME_PREFIXES = {
    "upper", "lower", "central", "greater", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "old", "new",
}
# fmt: on
# "in northwest San Salvador", "in downtown Granada": where, as "in" alone says
_QUARTERS = ({*DIRECTIONS, *_NAME_PREFIXES} - {"old", "new"}) | {
    "downtown",
    "mid-town",
    "midtown",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
}
_CONTAINED = re.compile(
    r"^[\s,]*(?:(?:area|village|town|city|district|tehsil|sub-?division|agency|block|province|state|"
    r"union council|department|region|governorate|sector|valley|municipality|neighborhood|neighbourhood|"
    r"locality)\s*)*"
    # "SAN ANTONIO ABAD STREET IN NORTHWEST SAN SALVADOR", "Rafiabad area of north Kashmir"
    r"(?:of|in|,|\()\s*(?:the\s+)?(?:(?:north|south|east|west|central)[a-z]*\s+)?$"
)


# Words that open many place names and are, alone, a town somewhere else ("San" is in Mali).
_SAINTS_AND_ARTICLES = {"san", "santa", "santo", "sao", "são", "saint", "el", "la", "los", "las"}


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The process's one :class:`Gazetteer`, loaded on first use: every :class:`.Extractor` and
    :func:`same_place` share it."""
    return Gazetteer()


class PlaceFinder:
    """The place mentions of a paragraph. Build once per :class:`.Extractor` (with its gazetteer,
    its gazetteer matcher and its :class:`.ActorFinder`), then call :meth:`places` per paragraph."""

    def __init__(
        self, gazetteer: Gazetteer, place_matcher: PhraseMatcher, actor_finder: ActorFinder, use_ner: bool
    ) -> None:
        self.gazetteer = gazetteer
        self.place_matcher = place_matcher
        self.actor_finder = actor_finder  # names inside a group's name tell the country, nothing more
        self.use_ner = use_ner
        # "Kanglaonline reports that ...": a source the text cites is never where the attack was.
        # (a news agency's name is no place either: "NEW DELHI, March 7 (Xinhua) --")
        self.outlets = {name.lower() for name in news_outlets()} | {name.lower() for name in AGENCIES}

    def places(self, doc: Doc, offset: int, original: str, case_free: bool) -> list[Mention]:
        spans: list[Span] = []
        labels: dict[tuple[int, int], str] = {}
        # Names inside a group's name ("Communist Party of India") tell the country, nothing more.
        in_actor = set(self.actor_finder.doc_actors(doc).group_tokens)
        blocked = set(in_actor)
        in_org: set[int] = set()  # tokens of ORG entities: "Maharashtra Police", "Assam Tribune"
        named: set[int] = set()  # tokens of PERSON entities (also "Assam Tribune", sometimes)
        if self.use_ner and not case_free:
            for ent in doc.ents:
                if any(i in blocked for i in range(ent.start, ent.end)) or ent.text.lower() in DEMONYMS:
                    continue
                if ent.text.lower() in _FAITHS:
                    continue  # "in Hutu and Tutsi villages": a people, no place
                if ent.text.lower() in self.outlets:
                    in_org.update(range(ent.start, ent.end))
                    continue
                if len(ent) == 1 and ent[0].lower_ in INSTITUTIONS:
                    continue  # "killed in Police shootout": NER's "Police" is no place
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    while len(ent) > 1 and (
                        (ent[-1].is_lower and ent[-1].is_stop) or (ent[-1].is_punct and ent[-1].text != ")")
                    ):
                        # "Pharung village under (Ukhrul District)", "near Timbuktu, Mali": the small
                        # model takes a stop word or the comma after a name into the name
                        ent = ent[:-1]
                    if (
                        ent.end + 1 < len(doc)
                        and doc[ent.end].text in _EZAFE
                        and doc[ent.end + 1].is_title
                        and doc[ent.end + 1].is_alpha
                    ):
                        # "in Pul e Alam City": NER stops at the Persian "of"; the name goes on
                        ent = Span(doc, ent.start, ent.end + 2, label=ent.label_)
                    if ent[-1].lower_ in _NOT_PLACE_HEADS or ent.text.count("(") != ent.text.count(")"):
                        continue  # "five Policemen", "the Assam Rifles (AR": people, a force, a torn name
                    if _a_bodys_name(doc, ent.start, ent.end):
                        continue  # "attacked Assam Rifles personnel", "Reformation faction of the NSCN"
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    spans.append(ent)
                    building = ent.label_ == "FAC" and bool(
                        _BUILDING.search(doc[ent.start : min(len(doc), ent.end + 1)].text)
                    )
                    labels[(ent.start, ent.end)] = "facility" if building else "ner"
                elif ent.label_ == "ORG" and self.gazetteer.lookup(ent.text) is not None:
                    spans.append(ent)  # the small model often tags towns as ORG ("Kismayo")
                elif ent.label_ == "ORG":
                    in_org.update(range(ent.start, ent.end))
                elif ent.label_ == "PERSON":
                    named.update(range(ent.start, ent.end))
                elif ent.label_ == "DATE":
                    known = self.gazetteer.lookup(ent.text)
                    if known is not None and known.kind == "country":
                        continue  # "a base in Niger": the small model takes the country for a date
                    blocked.update(range(ent.start, ent.end))
        if not case_free:  # "Basugaon area", "village of Nampala": places too small for the gazetteer
            for m in _NAMED_PLACE.finditer(doc.text):
                group = next(g for g in ("a", "b", "c", "d") if m.group(g))
                name_start, name_end = m.span(group)
                span = doc.char_span(name_start, name_end, alignment_mode="expand")
                first = doc.text[name_start:name_end].split()[0]
                if first.lower() in DEMONYMS or first.lower() in _FAITHS:
                    continue  # "a Nigerian village", "a Shia neighbourhood"
                if group in ("c", "d") and (
                    first.lower() in _NOT_STATION_NAMES
                    or (span is not None and any(i in named for i in range(span.start, span.end)))
                ):
                    continue  # "village Mohammad Yousuf", "under Sadar Police Station": no place's name
                if (
                    span is not None
                    and first not in _NOT_PLACE_WORDS
                    and not any(i in blocked for i in range(span.start, span.end))
                ):
                    spans.append(span)
                    labels[(span.start, span.end)] = "named"
            for m in _PAIRED_PLACES.finditer(doc.text):
                span = doc.char_span(m.start("first"), m.end("first"), alignment_mode="expand")
                if (
                    # "Berg and Pulwama districts", not "Christian and Muslim villages" or "Hutu and
                    # Tutsi villages": the second name is a place the gazetteer knows
                    self.gazetteer.lookup(m.group("second")) is not None
                    and m.group("first").lower() not in _FAITHS
                    and span is not None
                    and m.group("first").split()[0] not in _NOT_PLACE_WORDS
                    and m.group("first").lower() not in DEMONYMS
                    and not any(i in blocked for i in range(span.start, span.end))
                ):
                    spans.append(span)
                    labels[(span.start, span.end)] = "named"
            for m in _STREET.finditer(doc.text):
                if self.gazetteer.lookup(m.group("name")) is None or self.gazetteer.needs_context(
                    m.group("name")
                ):
                    continue  # "National Highway", "Airport Road": no place's name to mislead
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and not any(i in blocked for i in range(span.start, span.end)):
                    spans.append(span)
                    labels[(span.start, span.end)] = "street"
        else:  # "THE CHAPINERO NEIGHBORHOOD", "THE LOCALITY OF SITUCANCHA": no capitals, no NER
            for start, end in _designated_names(doc):
                if not any(i in blocked for i in range(start, end)):
                    # "SAN ANTONIO ABAD STREET": the street's whole name, when a place's name is in it
                    street = doc[end].lower_ in _STREET_WORDS and any(
                        self.gazetteer.lookup(doc[a:b].text) is not None
                        for a in range(start, end)
                        for b in range(a + 1, end + 1)
                    )
                    if doc[end].lower_ in _STREET_WORDS and not street:
                        continue  # "WEST BULNES STREET", "HIGH STREET": a street's name, no place
                    end += street
                    spans.append(doc[start:end])
                    labels[(start, end)] = "street" if street else "designated"
        inner: list[tuple[int, int, Place]] = []  # gazetteer places inside other names
        matches = list(self.place_matcher(doc))
        in_place = {i for _, a, b in matches for i in range(a, b)}
        for _match_id, start, end in matches:
            span = doc[start:end]
            if any(i in blocked and i not in in_actor for i in range(start, end)):
                continue
            if _demonym_use(doc, start, end):
                continue  # "the Somali military": a people's name, not the Somali Region
            if not case_free and not span.text[:1].isupper():
                continue
            if _a_bodys_name(doc, start, end):
                continue  # "attacked Assam Rifles personnel": a force's name, no place
            if (
                end == start + 1
                and span.text.lower() in _SAINTS_AND_ARTICLES
                and end < len(doc)
                and doc[end].is_alpha
                and doc[end].text[:1].isupper()
                and doc[end].lower_ not in STOP_WORDS
                and not names_a_day(doc[end].text)  # "in San Tuesday night"
            ):
                continue  # "San Victorino": the first word of a longer name, not Mali's San
            place = self.gazetteer.lookup(span.text)
            if place is not None:
                inner.append((start, end, place))
            if not case_free:
                evidence = self._name_evidence(doc, start, end, in_place)
                if evidence == "drop":
                    continue
                if evidence == "aside":
                    in_org.update(range(start, end))  # "Dhaka Tribune": tells the country only
            if any(i in named or i in in_actor for i in range(start, end)):
                if place is not None and place.kind != "city":
                    in_org.update(range(start, end))  # "Assam Tribune": tells the country only
                else:
                    continue
            spans.append(span)
        out: list[Mention] = []
        for span in filter_spans(spans):
            name = span.text
            if name.lower().startswith("the "):
                name = name[4:]
            place = None if labels.get((span.start, span.end)) == "street" else self.gazetteer.lookup(name)
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            if place is not None and place.kind == "city" and after in _REGION_NOUNS:
                # "JUNIN DEPARTMENT": the region (Peru's), not the town of that name (Argentina's);
                # with capitals NER tells them apart, but only where the two lie in one country:
                # "in Gedo region" is Somalia's, not Ethiopia's town of Gedo
                regions = [p for p in self.gazetteer.candidates(name) if p.kind == "admin"]
                if len({p.country_code for p in regions}) == 1 and (
                    case_free or (after == "region" and regions[0].country_code != place.country_code)
                ):
                    place = regions[0]
            initialism = (name.isupper() and len(name) <= 4) or not name[:1].isupper()
            source = labels.get((span.start, span.end))
            if place is None and source in ("ner", "facility") and initialism:
                continue  # "SF", "DRG": initialisms NER takes for places
            if (
                source != "designated"
                and name.isupper()
                and len(name) <= 4
                and not case_free
                and not self.gazetteer.is_acronym(name)
                and not (span.end < len(doc) and doc[span.end].text in (",", "(", "-", "—"))
            ):
                continue  # "the SWAT unit": an acronym, not the Swat district (a dateline stays)
            if _MEETING_IN.search(original[max(0, offset + span.start_char - 90) : offset + span.start_char]):
                continue  # "while Afghan-Taliban peace talks are taking place in Moscow": not the attack's
            before = [t.text for t in doc[max(0, span.start - 4) : span.start]]
            qualifier = direction_prefix(before)
            surface = original[offset + span.start_char : offset + span.end_char]
            if surface.lower().startswith("the "):
                surface = surface[4:]
            if case_free:
                surface = place.name if place else " ".join(surface.split()).title()  # wrapped lines
            label = (qualifier + " " + surface).strip() if qualifier else surface
            low_before = [w.lower() for w in before]
            # "at his native Koil village", "at his village Kundla", "at village Kundla": whose
            # village it is, or the word "village" before the name, says nothing against where
            bare_before = list(low_before)
            # a village's or a home's name only ("in front of his Kumarpara residence"; "In his
            # Lahore speech" says nothing)
            if source == "named" or after in ("residence", "house", "home", "village", "hamlet"):
                while bare_before and bare_before[-1] in ("native", "home", "ancestral"):
                    bare_before.pop()
                if bare_before[-1:] in (["village"], ["hamlet"]):
                    bare_before.pop()
                while bare_before and bare_before[-1] in ("his", "her", "their"):
                    bare_before.pop()
            station = (
                source == "named"
                and (low_before[-1:] == ["under"] or low_before[-2:] == ["under", "the"])
                and after in ("police", "ps")
            )
            locative = (
                bool(qualifier)
                or (bool(low_before) and low_before[-1] in _LOCATIVE)
                or (
                    len(bare_before) < len(low_before)
                    and bare_before[-1:] != []
                    and bare_before[-1] in _LOCATIVE
                )
                or station
                or (len(low_before) >= 2 and low_before[-1] == "of" and low_before[-2] in _PLACE_NOUNS)
                or (len(low_before) >= 2 and low_before[-2] in _LOCATIVE and low_before[-1][:1].isupper())
                # "in northwest San Salvador", "in northern Bogota"
                or (len(low_before) >= 2 and low_before[-2] in _LOCATIVE and low_before[-1] in _QUARTERS)
                # "in the southern Balochistan province": a quarter between the article and the name
                or (
                    len(low_before) >= 3
                    and low_before[-3] in ("in", "at", "near")
                    and low_before[-2] == "the"
                    and low_before[-1] in _QUARTERS
                    and after in (_DESIGNATORS | _PLACE_NOUNS) - {"police", "department", "capital"}
                    and name.lower() not in DEMONYMS
                    # "in the northern Helmand district of Sangin": the town after it is where (but "in
                    # the southeast Diffa Region of Niger" names its country)
                    and not self._town_after(doc, span.end + 1)
                )
                # "in the Jamrud subdivision", "at the Karkhano market": a name its noun designates
                or (
                    len(low_before) >= 2
                    and low_before[-2] in ("in", "at", "near")
                    and low_before[-1] == "the"
                    and after in (_DESIGNATORS | _PLACE_NOUNS) - {"police", "department"}
                    and after != "capital"  # "in the Somali capital": whose capital, not a name
                    and name.lower() not in DEMONYMS
                )
                # "killed seven people in the capital, Bangui", "in the Somali capital Mogadishu"
                or _in_the_capital(original[max(0, offset + span.start_char - 60) : offset + span.start_char])
                # "in the Chapinero neighborhood"
                or (
                    source == "designated"
                    and len(low_before) >= 2
                    and low_before[-2] in _LOCATIVE
                    and low_before[-1] == "the"
                )
            )
            # "abducted nine people ... from Zhob District": where they were taken is the place
            # ... or "from the Bakriya neighborhood", a named place with its article
            from_the = source == "named" and low_before[-2:] == ["from", "the"]
            taken_from = (
                bool(low_before)
                and (low_before[-1] == "from" or from_the)
                and (place is None or place.kind != "country")  # "from Libya's Ghat region": Ghat
                and _TAKEN.search(doc[max(0, span.start - 8) : span.start].text) is not None
            )
            locative = locative or taken_from
            # "in Afghanistan's Paktika Province": the place the country owns is where, as the
            # country was
            # "in Iraq's capital Baghdad", "in Libya's capital, Tripoli": the capital the country
            # owns, named after the word, is where too
            owner = span.start - 1
            if owner >= 0 and doc[owner].text == ",":
                owner -= 1
            if owner >= 1 and doc[owner].lower_ == "capital":
                owner -= 1
                if owner >= 1 and doc[owner].is_lower and doc[owner].lower_ not in ("'s", "’s"):
                    owner -= 1  # "Libya's eastern capital Benghazi"
            else:
                owner = span.start - 1
                # "in Afghanistan's eastern Kunar Province": a direction between the owner and the place
                while owner >= 1 and doc[owner].lower_ in _QUARTERS and span.start - owner <= 2:
                    owner -= 1
            owned = (
                bool(out)
                and owner >= 0
                and doc[owner].lower_ in ("'s", "’s")
                and out[-1].kind == "country"
                and out[-1].locative
                and out[-1].end == offset + doc[owner].idx
                # "Officials in Pakistan's Khyber Pakhtunkhwa province said": where the speaker is
                and not _speaker_before(original, out[-1].start)
            )
            locative = locative or owned
            owned_capital = owned and owner != span.start - 1
            aside = not taken_from and (
                " ".join(low_before[-2:]) in ("border with", "bordering the")
                or (bool(low_before) and low_before[-1] in ("from", "across", "to", "toward", "towards"))
                or from_the  # "rockets fired from the Bakriya neighborhood"
                # "IT WAS OFFICIALLY REPORTED IN BOGOTA": where the news was told, not the attack
                or _told_in(doc, span.start)
                # "army Bamako, March 12, 2019 (AFP) - Six Malian troops were killed": where the
                # agency filed from, in a dateline after the headline
                or AGENCY_AFTER.match(original, offset + span.end_char) is not None
                # "A Police spokesman in Srinagar said that ... near Degree College Pulwama": where
                # the speaker sits (still the place when the sentence names no other)
                or _speaker_says(doc, span.end, original, offset + span.start_char)
                or after in ("-", "based", "national", "nationals", "-based")
                # "in Manzari Chena area": a name the text calls a place is one, whatever NER says,
                # unless the organisation goes on ("the Anarkali Bazaar Traders Association")
                or (
                    span.start in in_org
                    and not station
                    and not (
                        source == "named"
                        and not (
                            span.end + 1 < len(doc) and doc[span.end + 1].is_alpha and span.end + 1 in in_org
                        )
                    )
                )
            )
            if after == "border" and (place is None or place.kind == "country"):
                aside = True  # "the Afghan border", "Pakistan border"; but "Torkham border" is a place
            if (
                place is not None
                and place.kind == "country"
                and not locative
                and (after in INSTITUTIONS or (after.isalpha() and after not in _FUNCTION_AFTER))
            ):
                # "a residence of U.S. military advisers", "the Pakistan Army", "two U.S. Mormon
                # missionaries": a country's name before a noun says whose, not where
                aside = True
            # "SAN FRANCISCO, ANTIOQUIA": a region right after a place names where that place is
            region_of_previous = (
                place is not None
                and place.kind == "admin"
                and bool(out)
                and span.start >= 1
                and doc[span.start - 1].text == ","
                and out[-1].end == offset + doc[span.start - 1].idx
                # "LIMA, BOLIVAR SANCHEZ, A POLICE OFFICER": a name goes on, a region ends there
                and (
                    after in ("", ",", ".", ";", ")") or after in _PLACE_NOUNS | _DESIGNATORS | _REGION_NOUNS
                )
            )
            if (
                case_free
                and after in ("'s", "’s")
                and span.end + 1 < len(doc)
                and doc[span.end + 1].lower_ in _BELONGINGS
            ):
                continue  # "IN IBARRA'S VEHICLE": a person's car, not the town of Ibarra
            designated = source in ("designated", "street")
            if (
                case_free
                and not (locative or aside or region_of_previous or designated)
                and (place is None or place.kind != "country")
            ):
                continue  # no capitals to tell "EULOGIO FLORES" from Flores: require "in/at/near"
            if place is not None:
                out.append(
                    Mention(
                        place.location(label),
                        place.kind,
                        offset + span.start_char,
                        locative,
                        aside,
                        offset + span.end_char,
                    )
                )
            elif source == "street":
                # "Kabul Road", "URUGUAY AVENUE": the country is the article's, whatever place the
                # street is named after ("Ayacucho Street" is in Buenos Aires)
                out.append(
                    Mention(
                        Location(name=label, country_code=None),
                        "ner",
                        offset + span.start_char,
                        locative,
                        aside,
                        offset + span.end_char,
                    )
                )
            elif source in ("ner", "named", "facility", "designated"):
                # "Mohmand Charsadda": an unknown name around a known place takes its country
                # ... unless that place is a small town the name merely contains ("Tera" in
                # "Tera Yengkhom Leikai"): then the article's other places tell the country.
                contained = [
                    (a, b, p)
                    for a, b, p in inner
                    if span.start <= a
                    and b <= span.end
                    # "the San Victorino neighborhood" (Bogota's): the first word of a saint's or an
                    # article's name is no town of its own (Mali's San)
                    and not (
                        a == span.start and b == a + 1 < span.end and doc[a].lower_ in _SAINTS_AND_ARTICLES
                    )
                ]
                # the longest known name inside first: "San Francisco" in "San Francisco Bay", not
                # the Malian town "San"
                contained.sort(key=lambda c: c[0] - c[1])
                within = [p for a, b, p in contained if not self.gazetteer.needs_context(doc[a:b].text)]
                out.append(
                    Mention(
                        Location(name=label, country_code=within[0].country_code if within else None),
                        "ner",
                        offset + span.start_char,
                        locative,
                        aside,
                        offset + span.end_char,
                        guess=contained[0][2].country_code if contained else None,
                        facility=source == "facility",
                    )
                )
            if out and out[-1].start == offset + span.start_char:
                out[-1].owned_capital = owned_capital
                out[-1].station = station
        inherit_country(out, original, self.gazetteer)
        for tok in doc:
            code = DEMONYMS.get(tok.lower_)
            if code and case_free and not _demonym_noun(doc, tok.i):
                continue  # "COMMENTATOR GERMAN GAMONAL": without capitals, maybe a name
            if code and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "capital":
                # "in the Afghan capital": the capital city itself, a place named as where
                city = self.gazetteer.capital(code)
                if city is not None:
                    before = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]]
                    locative = bool(before) and (before[-1] in _LOCATIVE or before[0] in _LOCATIVE)
                    out.append(
                        Mention(
                            city.location(),
                            "city",
                            offset + tok.idx,
                            locative,
                            end=offset + doc[tok.i + 1].idx + len(doc[tok.i + 1].text),
                        )
                    )
                    continue
            if code and not any(m.start <= offset + tok.idx < m.end for m in out):
                place = self.gazetteer.lookup(code_name(code)) if code_name(code) else None
                loc = place.location() if place else Location(name=tok.text, country_code=code)
                out.append(Mention(loc, "demonym", offset + tok.idx))
        out.sort(key=lambda m: m.start)
        return out

    def _town_after(self, doc: Doc, i: int) -> bool:
        """Whether "of/near" and a capitalised name other than a country's stand at ``i``."""
        if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "near") or not doc[i + 1].text[:1].isupper():
            return False
        known = self.gazetteer.lookup(doc[i + 1].text)
        return known is None or known.kind != "country"

    def _name_evidence(self, doc: Doc, start: int, end: int, in_place: set[int]) -> str:
        """Whether a gazetteer name found without NER is used as a place here: "place", "aside"
        (part of a longer proper name: tells the country at most) or "drop".

        * An acronym is a place only if the gazetteer holds it in capitals ("DIG" is not Dīg).
        * After another capitalised word that is neither a function word, a direction nor a place
          noun, the name is part of a person's or an organisation's name ("Korban Ali",
          "Farooq Ahmad", "President Obama"): a town or a bare subdivision ("Tustu Paul") is
          dropped, a region tells the country.
        * Before such a word ("Dhaka Tribune", "Ali Mohammad") it is a place only after
          "in/at/near/of"; otherwise it tells the country at most.
        * A small town (or another place's alternate name) needs a locative or administrative
          context: "in/at/near/south of X", "X District", "X, <its province>"; a capitalised word
          at the start of a sentence ("Grenade attack", "Airport security") or a surname is not
          a place on its own.
        """
        text = doc[start:end].text
        if text.isupper() and len(text) > 1 and not self.gazetteer.is_acronym(text):
            return "drop"
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        weak = self.gazetteer.needs_context(text)
        if prev is not None and start - 1 not in in_place and _name_word(prev) and not prev.is_sent_start:
            # "(Tustu Paul, Manoranjan Sarkar ...)": a subdivision's name (Cape Verde's Paul) inside a
            # person's name tells no country either; inside a place's ("In Kuz Kunar") it does
            in_a_place = start >= 2 and doc[start - 2].lower_ in _LOCATIVE
            listed = nxt is None or nxt.text in (",", ")", ";") or nxt.lower_ == "and"  # a list of names
            subdivision = self.gazetteer.foreign_subdivision(text) and listed and not in_a_place
            return "drop" if weak or subdivision else "aside"
        before = [t.lower_ for t in doc[max(0, start - 3) : start]]
        locative = bool(
            direction_prefix(before)
            or (before and before[-1] in _LOCATIVE)
            or (len(before) >= 2 and before[-1] in ("the", "a") and before[-2] in _LOCATIVE)
            or (before and before[-1] in _PLACE_NOUNS | _DESIGNATORS)
            # "in the cities of Karbala, Najaf and Basra": listed after a place told as where
            or (
                bool(before)
                and before[-1] == "and"
                and start - 2 in in_place
                and not (end < len(doc) and _name_word(doc[end]))  # "in Peshawar and Ahmad Khan"
                and any(t.lower_ in ("in", "at", "near") for t in doc[max(0, start - 10) : start - 1])
            )
        )
        follows = nxt is not None and end not in in_place and _name_word(nxt)
        if weak:
            designated = nxt is not None and nxt.lower_ in _PLACE_NOUNS | _DESIGNATORS
            contained = (
                nxt is not None
                and nxt.text in (",", "(")
                and end + 1 < len(doc)
                and end + 1 in in_place
                and doc[end + 1].text[:1].isupper()
            )
            if not (locative or designated or contained) or (follows and not locative):
                return "drop"
        if follows and not locative:
            return "aside"
        return "place"


# "in the capital, Bangui", "in provincial capital Quetta" (a country's own, "in Iraq's capital
# Baghdad", is read where the country is); not where a speaker is ("Officials in the capital,
# Kabul, said")
_IN_THE_CAPITAL = re.compile(
    r"(?:^|(?P<who>\b[A-Za-z]+)\s+)(?:in|at)\s+(?:the\s+)?(?:[A-Za-z]+\s+)?capital,?\s+$", re.I
)


# Where talks go on while the attack happens, or where a news conference is held, says nothing of
# where the attack was: "while Afghan-Taliban peace talks are taking place in Moscow".
_MEETING_IN = re.compile(
    r"\bwhile\s+(?:[^.;,]+\s+)?(?:talks|negotiations)\s+(?:are|were)\s+(?:being\s+)?"
    r"(?:taking\s+place|held|under\s*way)\s+in\s+$|"
    r"\b(?:news|press)\s+conference\s+(?:(?:held|given)\s+)?in\s+$",
    re.I,
)
_TOLD = {"reported", "announced", "said", "stated", "disclosed", "confirmed", "told", "declared"}


def _told_in(doc: Doc, start: int) -> bool:
    """Whether the place at ``start`` follows "said in" or "it was (officially) reported in": where
    the news was told. Not "Two explosions were reported in Quetta", which tells where they were."""
    if start < 2 or doc[start - 1].lower_ != "in" or doc[start - 2].lower_ not in _TOLD:
        return False
    if doc[start - 2].lower_ in ("said", "stated", "told", "declared"):
        return True
    return "it" in {t.lower_ for t in doc[max(0, start - 6) : start - 2]}


def _in_the_capital(before: str) -> bool:
    """Whether the text before a name places it as the capital the attack was in."""
    m = _IN_THE_CAPITAL.search(before)
    return m is not None and not (m.group("who") and _SPEAKER.match(m.group("who") + " in "))


def _name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a person's or an organisation's name."""
    low = tok.lower_
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and low not in STOP_WORDS
        and low not in _PLACE_NOUNS
        and low not in _DESIGNATORS
        and low not in _NAME_PREFIXES
        and low not in DEMONYMS
    )


_REGION_NOUNS = {"department", "province", "region", "state", "governorate", "prefecture"}
_DESIGNATED_AFTER = {
    "neighborhood", "neighbourhood", "municipality", "department", "district", "province", *_STREET_WORDS
}  # fmt: skip
_DESIGNATED_BEFORE = {
    "town",
    "village",
    "locality",
    "municipality",
    "hamlet",
    "neighborhood",
    "neighbourhood",
}
# Common words that may stand next to those nouns without being a name.
_NOT_NAMES = {
    "same", "whole", "entire", "local", "nearby", "rural", "urban", "small", "poor", "residential",
    # directions: "the northern department of Bolivar" names Bolivar
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern",
    # departments that are offices, not regions: "the press department", "the secret police department"
    "press", "police", "secret", "fire", "health", "justice", "defense", "defence", "state", "foreign",
    "interior", "treasury", "security", "intelligence", "investigation", "investigations", "public",
}  # fmt: skip


def _designated_names(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of unknown place names in text without capitals, told by the noun that
    designates them: "the escalon neighborhood", "san benito neighborhood", "the locality of
    situcancha". At most three words, none a stop word or a number."""

    def name_word(tok: Token) -> bool:
        return (
            tok.is_alpha
            and tok.lower_ not in STOP_WORDS
            and tok.lower_ not in _NOT_NAMES
            and tok.lower_ not in GENERIC_PERPETRATORS  # "the town of san clemente terrorists threw"
            and len(tok) > 1
        )

    out = []
    for tok in doc:
        if tok.lower_ in _DESIGNATED_AFTER:
            start = tok.i
            while start > 0 and tok.i - start < 3 and name_word(doc[start - 1]):
                start -= 1
            if start < tok.i and doc[start].lower_ not in _PLACE_NOUNS | _DESIGNATED_BEFORE:
                out.append((start, tok.i))
                continue
        # "the municipality of arboletes": a designator that can stand after a name stands before this one
        # (not "a neighborhood of working families")
        if (
            tok.lower_ in _DESIGNATED_BEFORE
            and (
                tok.lower_ not in _DESIGNATED_AFTER
                or "the" in {t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]}
            )
            and tok.i + 2 < len(doc)
            and doc[tok.i + 1].lower_ == "of"
            and name_word(doc[tok.i + 2])
        ):
            end = tok.i + 3
            while (
                end < len(doc)
                and end - tok.i < 5
                and name_word(doc[end])
                and doc[end].lower_ not in _PLACE_NOUNS
            ):
                end += 1
            out.append((tok.i + 2, end))
    return out


# What a person's name owns in "X's vehicle": without capitals, the sign that X is no town.
_BELONGINGS = {
    "vehicle",
    "car",
    "house",
    "home",
    "office",
    "residence",
    "family",
    "wife",
    "son",
    "daughter",
    "body",
    "bodyguard",
    "bodyguards",
    "brother",
    "truck",
    "jeep",
    "farm",
    "driver",
    "life",
}
# Nouns after which a people's name is surely one, even in text without capitals.
_PEOPLE_NOUNS = INSTITUTIONS | {
    "guerrillas",
    "rebels",
    "insurgents",
    "militants",
    "terrorists",
    "capital",
    "border",
    "territory",
    "people",
    "businessman",
    "businessmen",
    "citizen",
    "citizens",
    "soldiers",
    "troops",
    "police",
    "town",
    "city",
    "village",
    "province",
    "region",
    "national",
    "nationals",
    "journalist",
}


def _demonym_noun(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ in _PEOPLE_NOUNS


# Who speaks "in X": "officials in Pakistan's Khyber Pakhtunkhwa province said ...".
_SPEAKER = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|sources?|police|authorities|governor|residents?|"
    r"witnesses|ministry|officers?)\s+(?:based\s+)?in\s+$",
    re.I,
)


def _speaker_before(text: str, at: int) -> bool:
    """Whether the place at ``text[at]`` follows a speaker and "in" ("A spokesman in ...")."""
    return _SPEAKER.search(text[max(0, at - 40) : at]) is not None


# The speech verbs after a speaker's place: those after "said in" and more ("added").
_SAYS = _TOLD | {"say", "says", "added"}


def _speaker_says(doc: Doc, end: int, text: str, at: int) -> bool:
    """Whether the place at ``text[at]`` (ending at token ``end``) is where a speaker is who says
    something: "A Police spokesman in Srinagar said", "officials in Kabul, Afghanistan, told"."""
    if not _speaker_before(text, at):
        return False
    for tok in doc[end : end + 4]:
        if tok.lower_ in _SAYS:
            return True
        if tok.is_punct and tok.text != "," or tok.lower_ in ("that", "who", "where", "and"):
            return False
    return False


def same_name(a: str, b: str) -> bool:
    na, nb = bare(a).lower(), bare(b).lower()
    return na == nb or na in nb or nb in na


def _demonym_use(doc: Doc, start: int, end: int) -> bool:
    """ "Somali officials", "the Kurdish fighters": a people's name before a common noun."""
    if end - start != 1 or doc[start].lower_ not in DEMONYMS or end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.is_alpha and nxt.is_lower and nxt.lower_ not in _PLACE_NOUNS | _DESIGNATORS


def inherit_country(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """ "Gilan District of Ghazni Province", "Santa Fe, Antioquia": the smaller place is in the
    larger one's country, whatever the gazetteer's first guess for its name was. A chain ("Baz
    Darra village in Palai Union Council of Malakand District") is read from its largest place
    inwards, so that each place takes the country its container has taken."""
    inherited: set[int] = set()  # mentions that took their container's country pass it on
    for a, b in reversed(list(zip(mentions, mentions[1:], strict=False))):
        gap = text[a.end : b.start] if b.start > a.end else ""
        if len(gap) > 40 or not _CONTAINED.fullmatch(gap.lower()):
            continue
        if b.kind == "demonym":
            # "in Tripoli, Lebanese officials said": a people's name settles a name several
            # countries share; not one the gazetteer knows only elsewhere ("from Afghanistans
            # capital Kabul, Indian and Afghan officials said": no Kabul in India)
            code = b.location.country_code
            options = gazetteer.candidates(a.location.name)
            there = [p for p in options if p.country_code == code]
            if not code or a.location.country_code == code or (options and not there):
                continue
            if there:
                a.location = max(there, key=lambda p: p.population).location(a.location.name)
                a.kind = "ner"
                inherited.add(id(a))
                continue
            # a place the gazetteer does not know takes the demonym's country as any container's
        known = b.kind != "ner" or id(b) in inherited
        if (
            known
            and id(b) not in inherited
            and a.kind != "ner"
            and a.location.country_code
            and b.location.country_code not in (None, a.location.country_code)
        ):
            # "Lahore in Punjab Province": a container whose name several countries share is the
            # one in the country of the town the gazetteer knows (Pakistan's Punjab, not India's)
            there = [
                p
                for p in gazetteer.candidates(bare(b.location.name))
                if p.country_code == a.location.country_code and p.kind == "admin"
            ]
            # (not "SANTA ANA, SANTA ANA DEPARTMENT": a town named for its region is in it, wherever
            # the gazetteer's first guess for the town's name lies)
            if there and b.kind != "country" and not same_name(a.location.name, b.location.name):
                b.location = max(there, key=lambda p: p.population).location(b.location.name)
                continue
        if b.location.country_code and a.location.country_code != b.location.country_code and known:
            a.location = Location(name=a.location.name, country_code=b.location.country_code)
            a.kind = "ner"
            inherited.add(id(a))


def same_place(a: Location, b: Location) -> bool:
    if same_name(a.name, b.name):
        return True
    # a country or region named after a city: the same incident described at another scale
    if a.country_code is None or a.country_code != b.country_code:
        return False
    # ... but two regions of one country are two places ("Cordoba" and "Santander", two
    # Colombian departments, two incidents)
    if (a.lat is not None and b.lat is not None) or (_is_region(a) and _is_region(b)):
        return False
    # a district is inside a region, not inside a town or another district: "Sukma" and "Mumbai",
    # "Kupwara" and "Srinagar" are two places
    for one, other in ((a, b), (b, a)):
        if _is_district(one) and not (_is_region(other) or _is_country(other)):
            return False
    return True


def _is_district(loc: Location) -> bool:
    """A district or town of ``config/patterns/regions.tsv`` in the location's country."""
    cands = shared_gazetteer().candidates(bare(loc.name))
    return any(p.district and p.country_code == loc.country_code for p in cands)


def _is_country(loc: Location) -> bool:
    return any(p.kind == "country" for p in shared_gazetteer().candidates(loc.name))


def _is_region(loc: Location) -> bool:
    """A first-level division of the location's country (not the country, not a mapped town)."""
    if loc.lat is not None:
        return False
    cands = shared_gazetteer().candidates(bare(loc.name))
    return any(
        p.kind == "admin" and not p.district and p.country_code == loc.country_code for p in cands
    ) and not any(p.kind == "country" for p in cands)


def bare(name: str) -> str:
    words = name.split()
    if "of" in words:
        return " ".join(words[words.index("of") + 1 :])
    return name


def choose_location(
    group: list[Sentence], where_only: bool = False, village_first: bool = False, stations: bool = True
) -> Location | None:
    """The incident's place: "in/at/near X" beats a bare mention, a town beats its country,
    and "from X" / "the border with X" / a demonym come last; ties go to the earliest.
    ``where_only`` leaves demonyms out: a people's name says who, not where. ``stations=False``
    (for grouping) leaves a police station's area out when the sentences name another place: it
    lies inside a district the text may tell elsewhere, and is no sign of another incident.
    ``village_first``
    (for the incident's own place, not for grouping): equally placed, a village the text calls
    one beats the district it lies in ("in Sukma District ... The incident took place near
    Kasaram village" happened at Kasaram), but not a village that only says whose ("a resident of
    Andrapalli village")."""
    mentions = [m for s in group for m in s.places if not (where_only and m.kind == "demonym")]
    if not stations and any(not m.station for m in mentions):
        mentions = [m for m in mentions if not m.station]  # unless the station's area is all there is
    if not mentions:
        return None
    # "An hour after the attack in Nice, a French guard is stabbed ... in Jeddah": the place of the
    # attack the time is told by is not this one's, when the sentence names another
    earlier = {
        id(m) for s in group for m in s.places if _EARLIER_ATTACK_AT.search(s.text[: m.start - s.start])
    }
    if earlier and len(earlier) < len(mentions):
        mentions = [m for m in mentions if id(m) not in earlier]
    if not village_first:
        best = max(mentions, key=lambda m: (m.rank, not m.owned_capital, -m.start))
        return _named_for_its_town(group, best).location.model_copy()
    # (only for the incident's own place: grouping calls this for every sentence)
    texts = {id(m): s for s in group for m in s.places}
    first_date = next((d for s in group for d in s.dates), None)

    def village(m: Mention) -> bool:
        if m.kind in ("country", "admin", "demonym") or m.end < 0 or not m.locative:
            return False
        s = texts[id(m)]
        if not s.event or (s.dates and s.dates[0] != first_date) or _ANOTHER_TIME.search(s.text):
            return False  # "the RPF said it had also attacked an army camp at Ashi village on September 9"
        if m.location.name.lower() in DEMONYMS or m.location.name.lower() in _FAITHS:
            return False  # "near a Muslim village"
        after = s.text[m.end - s.start :].lstrip().lower()
        before = s.text[: m.start - s.start].rstrip().lower()
        return (
            after.startswith(("village", "hamlet"))
            and not before.endswith(("of", "from"))
            and not _AFTERWARDS.search(before[-40:])
        )

    best = max(mentions, key=lambda m: (m.rank, not m.owned_capital, village(m), -m.start))
    return _named_for_its_town(group, best).location.model_copy()


# Between a town and its country: the rest of a name the town opens, then "in" ("Garissa
# University College in Kenya", "Kabul Serena Hotel in Afghanistan").
_REST_OF_NAME = re.compile(r"(?:\s+[A-Z][\w'’&.-]*){1,4},?\s+in\s+(?:the\s+)?$")


def _named_for_its_town(group: list[Sentence], best: Mention) -> Mention:
    """The town a place's name opens, when the chosen place is only its country: "stormed Garissa
    University College in Kenya" happened in Garissa."""
    if best.kind != "country" or not best.location.country_code:
        return best
    for s in group:
        if best not in s.places:
            continue
        for m in s.places:
            if (
                m.kind in ("city", "admin")
                and m.end <= best.start
                and m.location.country_code == best.location.country_code
                and _REST_OF_NAME.fullmatch(s.text[m.end - s.start : best.start - s.start])
            ):
                return m
    return best


# From the sentence's start to a place: "An hour after the attack in", "Following last week's
# bombing at" (not "are killed following an explosion in Mogadishu": that explosion is the attack).
_EARLIER_ATTACK_AT = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:after|following|since|before)\s+(?:the|last\s+\w+'s|\w+'s)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|shootings?|massacre|stabbings?|explosions?)\s+(?:in|at|on)\s+(?:the\s+)?$",
    re.I,
)


# Where the victims were taken or freed afterwards: "was released at Tengmu village", "produced
# before a people's court at Similipodar village".
_AFTERWARDS = re.compile(r"\b(?:released|freed|produced|brought|taken|escaped|towards|court)\b[^.;]*$")


# A sentence that tells of another attack or an earlier one ("it had also attacked").
_ANOTHER_TIME = re.compile(r"\b(?:also|had|earlier|previously|another)\b", re.I)


def only_asides(group: list[Sentence]) -> bool:
    """Whether every place the incident's sentences name is a country's name that says whose or
    whence, not where ("U.S. properties", "from Afghanistan"), or a people's name. (A town or a
    region inside a longer name, "Kuz Kunar", is also an aside, but still tells where.)"""
    mentions = [m for s in group for m in s.places]
    return bool(mentions) and all(m.kind in ("country", "demonym") and m.rank < 0 for m in mentions)


def context_location(sentences: list[Sentence], first: Sentence, where: bool = False) -> Location | None:
    """The place of the nearest sentence before ``first`` that names one, else of the next two;
    ``where``: only places named as where something is (no "U.S. properties", no demonym, no
    source), in the two sentences on either side."""
    idx = sentences.index(first)
    around = [*reversed(sentences[max(0, idx - 2) : idx]), *sentences[idx + 1 : idx + 3]]
    for s in around if where else [*reversed(sentences[:idx]), *sentences[idx + 1 : idx + 3]]:
        if where:
            # only "in/at/near X", and never a source's name: "(The New York Times)", "(AP via
            # Houston Chronicle)" is no place of the attack
            places = [m for m in s.places if m.locative and m.rank >= 0 and not _in_brackets(s, m)]
            if places:
                return max(
                    places, key=lambda m: (m.rank, not m.owned_capital, -m.start)
                ).location.model_copy()
            continue
        loc = choose_location([s])
        if loc:
            return loc
    return None


def _in_brackets(s: Sentence, m: Mention) -> bool:
    before = s.text[: m.start - s.start]
    return before.count("(") > before.count(")")


def context_country(sentences: list[Sentence], group: list[Sentence]) -> str | None:
    """Country for a place the gazetteer does not know: the best-placed coded mention in the
    incident's sentences, else the country the article names most as where things happen: a
    mention after "in/at/near" weighs two, a people's name or an aside ("U.S. missionaries",
    "from Pakistan") a half, so that the victims' nationality does not outvote "in La Paz"."""
    coded = [m for s in group for m in s.places if m.location.country_code]
    if coded:
        return max(coded, key=lambda m: (m.rank, -m.start)).location.country_code
    weights: dict[str, float] = {}
    for s in sentences:
        for m in s.places:
            if m.location.country_code:
                weight = 2.0 if m.locative else 1.0 if m.rank >= 0 else 0.5
                weights[m.location.country_code] = weights.get(m.location.country_code, 0.0) + weight
    # the first named wins a tie, as Counter.most_common kept it
    return max(weights, key=lambda code: weights[code]) if weights else None
