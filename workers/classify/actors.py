"""Who did it: the armed groups a sentence names and its generic words for attackers.

Group names (``config/patterns/armed_groups.tsv``) and generic attacker words ("militants",
"unknown gunmen") are matched once per document by :meth:`ActorFinder.doc_actors`; each sentence
then takes its own by position (:meth:`ActorFinder.actors`), and :meth:`ActorFinder.claims` tells
whether a sentence attributes the attack to a group it names. Apart from :mod:`.extraction`
because these rules (names used as adjectives, parent groups of a splinter, "anti-" groups,
"Kurdish insurgents") are a subject of their own; :mod:`.place_mentions` reads the matched names
too, since the places inside a group's name are no places of the attack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from wirewatch.workers.classify.gazetteer import DEMONYMS
from wirewatch.workers.classify.patterns import build_actor_matchers, build_generic_matcher, vocabulary

_GROUPISH_ORG = re.compile(
    r"front|army|liberation|brigade|movement|militia|mujahide|jihad|jama|lashkar|tehr|tahrir|"
    r"islamic|ansar|harakat|organi[sz]ation|faction|cartel|commando",
    re.I,
)
_STATE_ORG = re.compile(
    r"police|government|ministry|national army|armed forces|u\.s\.|united nations|un\b|"
    # "launched by Army and Special Operations Group SOG": the state's own
    r"^(?:the\s+)?army\b(?!\s+of\b)|special\s+operations?\s+group|security\s+forces",
    re.I,
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
_SPLINTER = {
    "splinter", "faction", "offshoot", "breakaway", "affiliate", "wing", "branch", "network", "subnetwork",
}  # fmt: skip
# Words before "to"/"with" that make the next group a patron, not the actor: "linked to".
_PATRON_WORDS = {"linked", "affiliated", "allied", "loyal", "allegiance"}
# ... when they describe a group the text names ("Abu Sayyaf, a group linked to", "which is
# affiliated with"), not the attackers themselves ("Militants linked to the Islamic State attacked").
_PATRON_OF_A_GROUP = {
    "group",
    "outfit",
    "organisation",
    "organization",
    "faction",
    "is",
    "was",
    "closely",
    ",",
}
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
# What the word "terrorist" qualifies when it characterises a deed rather than naming its doers.
_CHARACTERISED = {
    "attack", "attacks", "act", "acts", "incident", "incidents", "strike", "strikes", "activity",
    "activities", "violence", "plot", "threat", "threats", "bombing", "bombings", "assault", "crime",
}  # fmt: skip
_PATRON = re.compile(r"^(?:pro-\w+|\w+-(?:led|backed|linked|allied|aligned|affiliated|inspired|supported))$")


@dataclass
class DocActors:
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


class ActorFinder:
    """The group names and generic attacker words of a text. Build once per :class:`.Extractor`
    (with its spaCy pipeline), then ask per document and sentence."""

    def __init__(self, nlp: Language, use_ner: bool) -> None:
        self.nlp = nlp
        self.use_ner = use_ner
        self._doc_cache: tuple[Doc, DocActors] | None = None  # see doc_actors
        self.actor_lower, self.actor_exact = build_actor_matchers(nlp)
        self.generic_matcher = build_generic_matcher(nlp)

    def doc_actors(self, doc: Doc) -> DocActors:
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
                and not _victims_group(doc, a, b)
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
            found = DocActors(
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

    def actors(self, doc: Doc, sent: Span) -> tuple[list[str], list[str], bool]:
        """The sentence's named groups, its generic words for attackers, and whether the first of
        those is definite ("the militants": attackers the text has already named)."""
        groups: list[str] = []
        parents: list[str] = []
        named: set[int] = set()  # tokens of the groups found by name
        previous: Span | None = None
        found = self.doc_actors(doc)
        lo, hi = bisect_left(found.starts, sent.start), bisect_left(found.starts, sent.end)
        for span, qualifies in zip(found.spans[lo:hi], found.qualifying[lo:hi], strict=True):
            if qualifies:
                continue  # "the Maoist Shining Path": an adjective of the group, not another group
            name = span.label_
            named.update(range(span.start, span.end))
            if (
                previous is not None
                and previous.label_ in groups
                and name.startswith(previous.label_ + " ")
                and span.start - previous.end == 1
                and doc[previous.end].text in ("-", "–", "—")
            ):
                # "The Islamic State of Iraq and the Levant – Khorasan Province": one name, the branch's
                groups.remove(previous.label_)
            previous = span
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
                        if not any(
                            _folded(name) in _folded(g) or _folded(g) in _folded(name) for g in groups
                        ):
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
            if doc[end - 1].lower_ == "terrorist" and end < len(doc) and doc[end].lower_ in _CHARACTERISED:
                continue  # "a suspected terrorist attack", "the explosion was a "terrorist act"": what
                # officials call the deed, not who did it
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

    def claims(self, doc: Doc, sent: Span) -> bool:
        """Whether the sentence attributes an attack, clause by clause: "No group claims
        responsibility; officials suspect Boko Haram" does, in its second clause; "The TTP denied
        involvement; police suspect a land dispute" does not (no group in the suspecting clause)."""
        clauses = [m.span() for m in re.finditer(r"[^;]+", sent.text)]
        if len(clauses) <= 1:
            return bool(_CLAIM.search(sent.text)) and not _DENIAL.search(sent.text)
        found = self.doc_actors(doc)
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


# Words between a group's name used as an adjective and the group it describes: "the Maoist
# terrorist group the Shining Path", "the pro-Maoist Shining Path".
_GROUP_DESCRIPTORS = {
    "the", "terrorist", "guerrilla", "rebel", "insurgent", "militant", "armed", "group",
    "movement", "organization", "organisation", "-",
}  # fmt: skip


_ADJECTIVE_SUFFIXES = vocabulary("adjective_suffixes")


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


# A group's member as the text names a victim: "An NSCN R cadre ... was killed", "shot dead a
# Hizbul commander", "senior TTP leader Qari Basit killed".
# One member only: "20 Al-Shabaab members were killed ... when the insurgents set upon a base"
# are the attackers' own losses.
_MEMBERS = {
    "cadre", "leader", "commander", "member", "activist", "worker", "chief", "spokesman", "functionary",
}  # fmt: skip
_BEFORE_MEMBER = {"a", "an", "the", "senior", "former", "local", "top", "self-styled", "area", "two", "three"}
_BEFELL = {
    "killed", "shot", "injured", "wounded", "gunned", "abducted", "kidnapped", "murdered", "hacked",
    "beheaded", "assassinated", "dead", "lynched", "executed",
}  # fmt: skip


# Words that end the member's own clause before a "was killed" could be said of him.
_CLAUSE_ENDS = {
    ";", "and", "but", "while", "when", "after", "which", "who", "that", "claimed", "claims", "said",
    "says", "owned", "carried", "attacked", "ambushed", "opened", "triggered", "stormed", "led",
}  # fmt: skip


def _victims_group(doc: Doc, start: int, end: int) -> bool:
    """Whether the group named at ``start:end`` is only the group of a member the text names as
    the victim: a member noun follows the name (past a faction letter or a bracketed short form),
    and either a killing verb comes before the phrase ("gunmen shot dead a Hizbul commander") or
    the member is what "was killed" after it ("An NSCN R cadre, identified as X, was killed by
    unidentified assailants"; "senior TTP leader Qari Basit killed")."""
    j = end
    if j < len(doc) and doc[j].text == "(":  # "(TTP)"
        while j < len(doc) and doc[j].text != ")" and j < end + 6:
            j += 1
        j += 1
    if j < len(doc) and len(doc[j].text) <= 2 and doc[j].text.isupper():  # "NSCN R", "NSCN-K"
        j += 1
    if j < len(doc) and doc[j].text == ")":  # "(NSCN R) cadre": the short form inside brackets
        j += 1
    if j >= len(doc) or doc[j].lower_ not in _MEMBERS:
        return False
    sent = doc[start].sent
    b = start - 1
    while b >= sent.start and doc[b].lower_ in _BEFORE_MEMBER:
        b -= 1
    if b >= sent.start and doc[b].lower_ in _BEFELL:
        return True  # "killed a senior TTP leader", "shot dead the Hizbul commander"
    k = j + 1
    while k < len(doc) and k <= j + 3 and doc[k].text[:1].isupper() and doc[k].text.isalpha():
        k += 1  # the member's name: "TTP leader Qari Basit killed"
    if k > j + 1 and k < sent.end and doc[k].lower_ in _BEFELL:
        # a reduced passive ("saw senior TTP leader Qari Basit killed"), not the member's own
        # act ("Taliban commander Mullah Omar killed two policemen")
        obj = doc[k + 1] if k + 1 < sent.end else None
        return obj is None or not (obj.like_num or obj.lower_ in _BEFORE_MEMBER or obj.text[:1].isupper())
    # "was/were ... killed" after the member phrase, before any other verb's clause ends
    for t in range(j + 1, min(sent.end, j + 16)):
        low = doc[t].lower_
        if low in _CLAUSE_ENDS or (low == "," and doc[t + 1 : t + 2].text.lower() in ("and", "but")):
            return False  # "A TTP commander claimed the attack in which three soldiers were killed"
        if low in ("was", "were") and any(
            doc[u].lower_ in _BEFELL for u in range(t + 1, min(sent.end, t + 4))
        ):
            return not _died_attacking(doc[t + 1 : sent.end])
    return False


# After "was killed": the member died in his own attack or in a fight ("... when his fighters
# stormed an army base", "... in a gun battle").
_OWN_ATTACK_VERBS = {
    "stormed", "attacked", "detonated", "ambushed", "raided", "exploded", "opened", "fired", "blew",
    "triggered", "launched", "went",
}  # fmt: skip
_FIGHT_NOUNS = {
    "encounter", "gunfight", "gun-battle", "battle", "clash", "clashes", "exchange", "shootout", "crossfire",
}  # fmt: skip


def _died_attacking(rest: Span) -> bool:
    words = [t.lower_ for t in rest]
    if any(w in _FIGHT_NOUNS for w in words):
        return True
    return any(
        w in ("when", "while", "as", "after") and any(v in _OWN_ATTACK_VERBS for v in words[i + 1 : i + 7])
        for i, w in enumerate(words)
    )


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


def _folded(name: str) -> str:
    """A group's name without case, spaces or punctuation: "People s Liberation Front of India" in
    copy that drops apostrophes is the "People's Liberation Front of India" found by name."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _parent_group(doc: Doc, start: int, end: int) -> bool:
    """ "a splinter group of the TTP", "TTP (...) splinter group Ahrar ul Hind": the parent group."""
    before = [t.lower_ for t in doc[max(0, start - 5) : start]]
    if "of" in before[-2:] and any(w in _SPLINTER for w in before):
        return True
    if before[-1:] == ["the"]:
        before = before[:-1]
    # "the Abu Sayyaf, a group linked to the Islamic State": the patron did not act, the group did
    if (
        len(before) >= 3
        and before[-1] in ("to", "with")
        and before[-2] in _PATRON_WORDS
        and before[-3] in _PATRON_OF_A_GROUP
    ):
        return True
    after = [t.lower_ for t in doc[end : end + 6]]
    if after[:1] == ["("] and ")" in after:  # "(TTP)"
        after = after[after.index(")") + 1 :]
    return bool(after) and after[0] in _SPLINTER
