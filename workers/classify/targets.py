"""Who or what an attack hit: short noun phrases found next to attack words in a sentence.

Token rules that run in both modes (no dependency parse: the NER pipeline runs without its parser
for speed, and the gazetteer pipeline has none):

* the object of an attack verb or noun: "attacked X", "targeted X", "stormed X", "ambushed X",
  "opened fire on X", "an attack on X", "the bombing of X", "set ablaze X";
* the site of an explosion or a shooting: "exploded at/near/outside/in front of X",
  "a bomb ... at X", "opens fire ... at X" (X must be a target noun of the lexicon);
* victims named by their role: "killing 41 police trainees", "shot dead a Hazara man",
  "X was hit / were killed / was abducted".

A phrase ends on a target noun of ``config/patterns/targets.tsv``; with the NER pipeline's tagger, a
noun outside the lexicon also ends a phrase after an attack verb or noun ("attack on a container
ship"), never after a killing verb, where bare "people"/"persons" are counts, not targets.
Phrases are kept as written ("a fake checkpoint"), without "at least"/"up to"; an "of" phrase
stays attached ("the house of a National Conference leader").  Objects of attack verbs come first,
then explosion sites, then victims; one phrase per head noun, at most three.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from spacy.tokens import Span, Token

from wirewatch.workers.classify.casualties import SAYING_VERBS, SMALL_COUNT_WORDS
from wirewatch.workers.classify.gazetteer import DEMONYMS
from wirewatch.workers.classify.patterns import target_forms, vocabulary

MAX_TARGETS = 3
MAX_WORDS = 9
T = TypeVar("T")

# Attack verbs and nouns whose object is what was attacked (lower-case surface forms).
# fmt: off
_OBJECT_VERBS = {
    "attack", "attacked", "attacking", "target", "targeted", "targeting", "targets", "storm", "stormed",
    "storming", "storms", "ambush", "ambushed", "ambushing", "ambushes", "bomb", "bombed", "raid",
    "raided", "raiding", "overrun", "overran", "overrunning", "torch", "torched", "torching", "hit",
    "hits", "struck", "strikes", "besieged", "shelled", "rammed", "hijacked", "hijack", "hijacks",
    "kidnap", "kidnapped", "kidnapping", "kidnaps", "abduct", "abducted", "abducting", "abducts",
    "assassinated", "assassinate", "assassinates", "assassinating",
    # headline present tense and burning: "A suicide bomber attacks the UN compound", "raid and
    # burn the village of Mailari"
    "attacks", "raids", "burn", "burns", "burned", "burnt", "torches",
    # "militants assaulted Aijaz Ahmad, Principal of the Army Goodwill School"
    "assaulted", "assaulting",
}
_BURN_VERBS = {"burn", "burns", "burned", "burnt"}
# Verbs of taking people, whose counted "people" no toll reports ("abducted eight people").
_TAKING_VERBS = {"kidnap", "kidnapped", "kidnapping", "kidnaps", "abduct", "abducted", "abducting", "abducts"}
_PEOPLE = {"people", "persons", "individuals"}
_COUNT_WORDS = SMALL_COUNT_WORDS | {"dozen", "several"}
# Words right after an attack verb that say it has no object here ("struck near", "attacked by").
_NO_OBJECT_AFTER = {"by", "in", "at", "near", "on", "during", "when", "while", "after", "to"}
_HIT_VERBS = {"hit", "hits", "struck", "strikes"}
_HIT_WEAPONS = {"bomb", "bombs", "mine", "mines", "landmine", "landmines", "ied", "ieds", "device",
                "explosive", "explosives"}
_PHRASE_ENDS = {"with", "by", "and", "carrying", "in", "near", "at", "on", "killing", "injuring", ",", "."}
_OBJECT_NOUNS = {"attack", "attacks", "assault", "raid", "raids", "ambush", "strike", "bombing", "bombings",
                 "shelling", "siege", "kidnapping", "abduction", "killing"}
_VICTIM_VERBS = {"kill", "killed", "killing", "kills", "injure", "injured", "injuring", "injures", "wound",
                 "wounded", "wounding", "wounds", "murdered", "beheaded", "executed", "shot", "stab",
                 "stabbed", "stabbing", "stabs"}
_SITE_WORDS = {"exploded", "explodes", "explosion", "blast", "bomb", "bombing", "detonated", "detonates",
               "off",
               "fire", "fired", "firing", "grenade", "went", "occurred", "occurs", "explode", "attack",
               "lobbed", "hurled", "planted", "shooting", "bombings", "blasts", "explosions", "shootings",
               "up", "struck", "landed", "fell", "threw", "thrown", "throwing", "hurling",
               "kill", "kills", "killed", "killing", "attacks",
               "injure", "injures", "injured", "injuring", "wound", "wounds", "wounded", "wounding"}
# "in" too: "a blast in a crowded market" (a site must be a place or vehicle noun of the lexicon,
# so "a blast in Kabul" gives none).
# Killing words find a site only "at/near/outside/inside" a place noun: "killed in X" says where.
_KILL_SITE_WORDS = {"kill", "kills", "killed", "killing", "injure", "injures", "injured", "injuring", "wound",
                    "wounds", "wounded", "wounding"}
_WEAPON_AFTER = {"bomb", "bombs", "bombing", "bombings", "bomber", "bombers", "blast", "blasts", "explosion"}
_SETTLEMENTS = {"village", "villages", "town", "towns", "hamlet", "settlement", "city", "area", "district"}
_SITE_PREPS = {"at", "near", "outside", "inside", "on", "into", "in front of", "targeting", "in"}
_PASSIVE = {"attacked", "targeted", "hit", "ambushed", "stormed", "shot", "killed", "injured", "wounded",
            "abducted", "kidnapped", "torched", "bombed", "overrun", "struck", "assaulted", "raided",
            "gunned", "murdered", "beheaded", "shelled", "damaged", "destroyed", "burnt", "burned", "razed",
            "blown"}
_AUX = {"was", "were", "is", "are", "been", "being", "be", "got"}
_SKIP = {"at", "least", "up", "to", "more", "than", "as", "many", "about", "nearly", "around", "some",
         "over", "almost", "dead", "down", "and", "also", "the", "other"}
_DETS = {"a", "an", "the", "his", "her", "their", "its", "our", "one", "two", "three", "four", "five",
         "six", "seven", "eight", "nine", "ten", "several", "many", "dozens", "scores", "hundreds", "another",
         "this", "that", "these", "those", "some"}
_NOT_TARGET = {"people", "persons", "person", "others", "other", "one", "ones", "individuals", "lives",
               "dozens", "scores", "hundreds", "thousands", "number", "total", "toll", "responsibility",
               "explosives", "explosive", "bomb", "bombs", "device", "devices", "ied", "ieds", "charge",
               "grenade", "grenades", "rocket", "rockets", "mortar", "mortars", "mine", "mines", "vest",
               "vests", "gun", "guns", "weapons", "rifle", "fire", "firing", "spot", "scene", "site", "place",
               "area", "incident", "attack", "attacks", "blast", "explosion", "way", "time", "day", "night"}
# fmt: on


@dataclass(frozen=True)
class TargetLexicon:
    forms: dict[tuple[str, ...], str]  # surface form (tokens) -> kind
    longest: int

    def kind_at(self, words: list[str], end: int) -> tuple[str | None, int]:
        """The kind of the lexicon form ending at ``words[end]`` (longest first) and its length."""
        for n in range(min(self.longest, end + 1), 0, -1):
            kind = self.forms.get(tuple(words[end - n + 1 : end + 1]))
            if kind:
                return kind, n
        return None, 0


@lru_cache(maxsize=1)
def load_lexicon() -> TargetLexicon:
    forms = target_forms()
    return TargetLexicon(forms, max(len(k) for k in forms))


def _hit_weapon(words: list[str], j: int) -> bool:
    """Whether the object that starts at ``j`` is headed by a weapon ("hits a roadside bomb in
    ...", "a land mine"), not merely names one ("a bomb shelter", "troops with IEDs")."""
    k = j
    while k < len(words) and k - j < 5 and words[k] not in _PHRASE_ENDS:
        k += 1
    return k > j and words[k - 1] in _HIT_WEAPONS


def distinct(ranked: Iterable[T], phrase_of: Callable[[T], str]) -> list[T]:
    """The first :data:`MAX_TARGETS` of ``ranked`` (best first), one per head noun, none of them
    inside a phrase already kept."""
    out: list[T] = []
    kept: list[str] = []
    heads: set[str] = set()
    for item in ranked:
        phrase = phrase_of(item)
        head = head_key(phrase.split(" of ")[0].split()[-1])
        if head in heads or any(phrase.lower() in k.lower() for k in kept):
            continue
        heads.add(head)
        kept.append(phrase)
        out.append(item)
    return out[:MAX_TARGETS]


def head_key(word: str) -> str:
    """A head noun compared without its plural ending ("checkpoints" ~ "checkpoint")."""
    w = word.lower().strip(".,;:'\"()")
    for suffix, repl in (("ies", "y"), ("men", "man"), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2 and not w.endswith("ss"):
            return w[: -len(suffix)] + repl
    return w


class TargetFinder:
    def __init__(self, use_pos: bool) -> None:
        self.use_pos = use_pos
        self.lexicon = load_lexicon()

    def find(
        self, sent: Span, blocked: set[int], places: set[int] | None = None
    ) -> list[tuple[int, int, str]]:
        """(priority, token index, phrase) for the targets of ``sent``. ``blocked`` holds the token
        indices of perpetrators (armed groups, "militants") and dates, never part of a target;
        ``places`` those of place names, part of a target only before a target noun of the lexicon
        ("Domodedovo International Airport", "the tribal Khassadar force")."""
        places = places or set()
        toks = list(sent)
        words = [t.lower_ for t in toks]
        found: list[tuple[int, int, str]] = []
        for i in range(len(toks)):
            w = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            # "opened fire on X", "fired at X", "shot at X", "set upon X", "attack on X", "bombing of X"
            if (
                (w in ("fire", "fired", "firing", "shot", "shooting") and nxt in ("on", "at", "upon"))
                or (w == "set" and nxt == "upon")
                or (
                    w in _OBJECT_NOUNS
                    and nxt in ("on", "against", "targeting") + (("of",) if w != "killing" else ())
                )
                or (w in ("set", "sets", "setting") and nxt in ("ablaze", "alight"))
                or (w == "fire" and nxt == "to" and i > 0 and words[i - 1] in ("set", "sets", "setting"))
                or (w in ("stormed", "storm", "rammed", "crashed") and nxt == "into")
            ):
                if i + 2 < len(words) and words[i + 2] != "and":  # "shot at and injured X": the next verb
                    self._add(found, 3, self._forward(toks, words, i + 2, blocked, places, open_head=True), i)
            elif w == "up" and i > 0 and words[i - 1] in ("blew", "blow", "blows", "blowing", "blown"):
                # "blew up a primary school"
                self._add(found, 3, self._forward(toks, words, i + 1, blocked, places, open_head=True), i)
            elif w in _OBJECT_VERBS and self._verbal(toks, i):
                # "struck near the German Embassy": no object; the site below may say what was hit
                if w in _HIT_VERBS and _hit_weapon(words, i + 1):
                    pass  # "A bus hits a roadside bomb": the bus was hit, the bomb is the weapon
                elif nxt not in _NO_OBJECT_AFTER or words[i + 1 : i + 3] == ["at", "least"]:
                    # ("kidnapped at least 12 people": the count's hedge, not a place)
                    # burning takes a building or vehicle of the lexicon ("burn the village"), not
                    # "burns tyres"
                    burning = w in _BURN_VERBS
                    phrase = self._forward(
                        toks,
                        words,
                        i + 1,
                        blocked,
                        places,
                        open_head=not burning,
                        kinds={"place", "vehicle"} if burning else None,
                    )
                    if phrase and w == "rammed" and _WEAPON.search(phrase):
                        # "rammed his explosives laden vehicle into an abandoned house": the
                        # vehicle is the weapon; what it was driven into was hit
                        into = next(
                            (j for j in range(i + 2, min(len(words), i + 10)) if words[j] == "into"), None
                        )
                        phrase = None
                        if into is not None:
                            phrase = self._forward(toks, words, into + 1, blocked, places, open_head=True)
                    if phrase is None and w in _TAKING_VERBS:
                        # "abducted eight people": no toll counts them, so the captives are the target
                        phrase = self._counted_people(toks, words, i + 1)
                    self._add(found, 3, phrase, i)
            elif (
                w in _VICTIM_VERBS
                and self._verbal(toks, i)
                and nxt not in ("by", "in", "at", "during", "when")
            ):
                start = i + 1
                if w == "shot" and nxt in ("dead", "down"):
                    start += 1
                if nxt in ("or", "and") and i + 2 < len(words) and words[i + 2] in _VICTIM_VERBS:
                    start += 2  # "killed or wounded at least 26 civilians"
                self._add(found, 1, self._forward(toks, words, start, blocked, places, open_head=False), i)
            if w in _SITE_WORDS and not (w in _KILL_SITE_WORDS and i > 0 and words[i - 1] in ("the", "of")):
                # ("one of the injured at the hospital": "the injured" are people, no act)
                killing = w in _KILL_SITE_WORDS
                for j in range(i + 1, min(len(toks), i + 10)):
                    if words[j] in (".", ";", "when", "while", "killing", "injuring", "and") or (
                        words[j] == "," and j > i + 1
                    ):
                        break
                    prep = words[j]
                    if prep == "in" and words[j + 1 : j + 3] == ["front", "of"]:
                        prep, skip = "in front of", 3
                    else:
                        skip = 1
                    if prep in _SITE_PREPS and not (killing and prep == "in"):
                        # "kills 32 people at a funeral", but "killed in the town of Mbau" says where
                        phrase = self._forward(
                            toks,
                            words,
                            j + skip,
                            blocked,
                            places,
                            open_head=False,
                            kinds={"place", "vehicle"},
                        )
                        if phrase and killing and phrase.lower().split()[-1] in _SETTLEMENTS:
                            phrase = None  # "killed at Alitola village": where, not what
                        if phrase:
                            self._add(found, 2, phrase, j)
                            break
            # passive: "the patrolling party was hit", "Two civilians ... were killed", "trucks
            # parked in the outskirts of Bacheli town ... were set ablaze"
            set_ablaze = nxt == "set" and i + 2 < len(words) and words[i + 2] in ("ablaze", "alight", "afire")
            blown = nxt == "blown" and words[i + 2 : i + 3] != ["up"]  # "was blown away by the storm"
            if (
                w in _AUX
                and ((nxt in _PASSIVE and not blown) or set_ablaze)
                or (
                    w in _AUX
                    and nxt in ("allegedly", "reportedly")
                    and i + 2 < len(words)
                    and words[i + 2] in _PASSIVE
                )
            ):
                phrase = self._backward(toks, words, i - 1, blocked, places)
                if phrase and _by_the_state(words, i + 2):
                    phrase = None  # "Two Palestinians were shot dead by Israeli police after they stabbed"
                if phrase and set_ablaze:  # what burns is a building or a vehicle, not "a forested patch"
                    last = phrase.lower().split()
                    if self.lexicon.kind_at(last, len(last) - 1)[0] not in ("place", "vehicle"):
                        phrase = None
                self._add(found, 1, phrase, i)
        found.sort(key=lambda f: (-f[0], f[1]))
        return distinct(found, lambda f: f[2])

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _counted_people(toks: list[Token], words: list[str], start: int) -> str | None:
        """ "eight people", "about 20 persons" right after a verb of taking: bare "people" is no
        target, but a count of captives says who was taken."""
        i = start
        while i < len(words) and words[i] in _SKIP:
            i += 1
        if i + 1 < len(words) and (toks[i].like_num or words[i] in _COUNT_WORDS) and words[i + 1] in _PEOPLE:
            return " ".join(t.text for t in toks[i : i + 2])
        return None

    def _verbal(self, toks: list[Token], i: int) -> bool:
        if not self.use_pos:
            return True
        return toks[i].pos_ in ("VERB", "AUX") or toks[i].tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP", "VB")

    @staticmethod
    def _add(found: list, pri: int, phrase: str | None, idx: int) -> None:
        # a named village or road as the object of an attack verb was attacked ("attacked Gaijen
        # village", "blew up the road"); found as a site or a passive subject, it says where
        if phrase and not (pri != 3 and _where(phrase)):
            found.append((pri, idx, phrase))

    def _is_noun(self, tok: Token) -> bool:
        return (
            self.use_pos
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ not in ("DATE", "TIME", "GPE", "CARDINAL")
        )

    def _wordish(self, tok: Token) -> bool:
        if tok.text in ("-", "'s", "’s", "'"):
            return True
        if not (tok.is_alpha or tok.like_num or "-" in tok.text or "." in tok.text[:-1]):
            return False
        if self.use_pos:
            # a participle right after its article modifies the noun: "an abandoned house"
            modifier = tok.tag_ == "VBN" and tok.i > 0 and tok.nbor(-1).lower_ in ("a", "an", "the")
            return (
                tok.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PART", "PUNCT")
                or tok.lower_ in _DETS
                or modifier
            )
        return tok.lower_ in _DETS or tok.like_num or tok.lower_ not in _BOUNDARY

    def _forward(
        self,
        toks: list[Token],
        words: list[str],
        start: int,
        blocked: set[int],
        places: set[int],
        open_head: bool,
        kinds: set[str] | None = None,
        depth: int = 0,
    ) -> str | None:
        i = start
        while i < len(toks) and words[i] in _SKIP and words[i] not in ("the",):
            i += 1
        begin = i
        end = None  # inclusive index of the head
        j = i
        lexical_end = None
        while j < len(toks) and j - begin < MAX_WORDS:
            if "--" in words[j] and (end is not None or j == begin):
                break  # "FOUR ENGINEERS--TWO PERUVIANS AND TWO FRENCHMEN": a dash opens an aside
            if words[j] == "(" and ")" in words[j + 1 : j + 4] and j > begin:
                # "Frontier Corps (FC) camp", "Crime Investigation Department (CID) Superintendent"
                j = words.index(")", j + 1) + 1
                continue
            if not self._wordish(toks[j]) and self.lexicon.kind_at(words, j)[1] < 2:
                break  # (the end of a form of the lexicon goes on: "a tube well", whatever its tag)
            if toks[j].i in blocked:
                if j == begin:
                    return None
                break
            if (
                not self.use_pos
                and end is not None
                and re.search(r"(?:ed|ing)$", words[j])
                and j + 1 < len(words)
                and (words[j + 1] in _DETS or toks[j + 1].like_num)
            ):
                break  # "the office garage damaged a motorcycle": a verb, no tagger to say so
            kind, width = self.lexicon.kind_at(words, j)
            weapon = kind == "vehicle" and j + 1 < len(words) and words[j + 1] in _WEAPON_AFTER
            # a word that is no target alone can end a longer form: "site", but "a holy site"
            plain = words[j] not in _NOT_TARGET or width >= 2
            if kind and (kinds is None or kind in kinds) and plain and not weapon:
                end = lexical_end = j  # ("a car bomb attack": the car is the weapon, not the target)
            elif (
                open_head
                and self._is_noun(toks[j])
                and words[j] not in _NOT_TARGET
                and (end is None or end == j - 1)
            ):
                end = j  # "a container ship", "a Gram Panchayat"
            j += 1
        if end is None:
            # "killed Jaleshwar Prajapati (38), a councillor of ward VI": a name, then its role
            if (
                depth == 0
                and j < len(toks)
                and words[j] in (",", "--")
                and _names(toks[begin:j])
                and not any(t.i in places for t in toks[begin:j])
            ):
                role = self._forward(toks, words, j + 1, blocked, places, open_head=False, depth=1)
                said = any(
                    w in SAYING_VERBS for w in words[j + 1 : j + 9]
                )  # "in Peshawar, a police official said"
                if role and words[j + 1] in _DETS and not said:
                    return _clean(" ".join(t.text for t in toks[begin:j]) + ", " + role)
            return None
        if any(t.i in places for t in toks[begin : end + 1]) and lexical_end != end:
            return None  # "at Kotahbari": a place, not a target
        if end + 1 < len(words) and words[end + 1] in SAYING_VERBS:
            return None  # "during the attack a Senior District Administration official said": who tells it
        # a proper name right after a role stays with it: "a Hazara man", "journalist Pavel Sheremet"
        phrase_toks = toks[begin : end + 1]
        if phrase_toks and phrase_toks[0].lower_ in ("and", ","):
            return None
        text = " ".join(t.text for t in phrase_toks)
        # "a local police chief and his son": a coordinated target of the lexicon stays with it
        if (
            depth == 0
            and end + 3 < len(toks)
            and words[end + 1] == "and"
            and (words[end + 2] in _DETS or toks[end + 2].like_num)
        ):
            tail = self._forward(toks, words, end + 2, blocked, places, open_head=False, depth=1)
            if tail:
                text = f"{text} and {tail}"
                return _clean(text)
        # "the house of X", "a troop of 80 CRPF personnel"
        if depth == 0 and end + 1 < len(toks) and words[end + 1] == "of":
            tail = self._forward(toks, words, end + 2, blocked, places, open_head=True, depth=1)
            if tail and len(text.split()) + len(tail.split()) < MAX_WORDS + 2:
                text = f"{text} of {tail}"
        return _clean(text)

    def _backward(
        self,
        toks: list[Token],
        words: list[str],
        end: int,
        blocked: set[int],
        places: set[int],
        depth: int = 0,
    ) -> str | None:
        while end >= 0 and words[end] in ("who", "which", "that", "allegedly", "reportedly", ","):
            end -= 1
        if end >= 0 and words[end] == ")":  # "Haider Ali (50)"
            while end >= 0 and words[end] != "(":
                end -= 1
            end -= 1
        # "two Shia lawyers identified as Atif Zaidi and Ali Muntazir were shot dead"
        named = [k for k in range(max(0, end - 9), end) if words[k] == "identified" and words[k + 1] == "as"]
        if named and named[-1] > 0:
            end = named[-1] - 1
            while end >= 0 and words[end] == ",":  # "A man, identified as Ali Hussain, was shot"
                end -= 1
        suffix = ""
        name_start = end
        while name_start > 0 and end - name_start < 4 and _name_token(toks[name_start]):
            name_start -= 1
        if name_start < end and not self.lexicon.kind_at(words, end)[0]:
            if words[name_start] == "," and name_start > 0:
                end = name_start - 1  # "a prayer leader, Shafiq Rehman (30), was shot dead"
            elif self.lexicon.kind_at(words, name_start)[0] == "person":
                # "ANP local leader Syed Jamshaid Ali was shot dead": the role, then the name
                suffix = " " + " ".join(t.text for t in toks[name_start + 1 : end + 1])
                end = name_start
        if end >= 0 and toks[end].i in places:
            # "nine Mexican police officers in the state of Jalisco are shot dead"
            for k in range(end - 1, max(-1, end - 7), -1):
                if words[k] in ("in", "from", "at", "near") and k > 0:
                    end = k - 1
                    break
        if end < 0 or toks[end].i in blocked or words[end] in _NOT_TARGET:
            return None
        if words[end] == "board" and end > 0 and words[end - 1] == "on":
            return None  # "A BUS WITH SOVIET SEAMEN ON BOARD WAS BLOWN UP": where they were
        kind, _ = self.lexicon.kind_at(words, end)
        if not kind and not (self._is_noun(toks[end]) and toks[end].pos_ == "NOUN"):
            return None
        begin = end
        while (
            begin - 1 >= 0
            and end - begin < MAX_WORDS - 1
            and self._wordish(toks[begin - 1])
            and toks[begin - 1].i not in blocked
        ):
            if words[begin - 1] in ("of",):
                break
            begin -= 1
            if words[begin] in _DETS or toks[begin].like_num:
                break  # a determiner or a count starts the phrase
        while begin < end and words[begin] in _SKIP | {"and"} and words[begin] not in _DETS:
            begin += 1
        before = begin - 1
        if before >= 0 and words[before] == ")" and "(" in words[max(0, before - 5) : before]:
            before = max(k for k in range(max(0, before - 5), before) if words[k] == "(") - 1
        if before >= 0 and toks[before].i in blocked:
            return None  # "Seven CPI (Maoist) cadres were killed": the perpetrators' own men
        return _clean(" ".join(t.text for t in toks[begin : end + 1]) + suffix)


_STATE_FORCES = vocabulary("state_forces") | {"security"}  # ("army", "troops", "police" are in the list)


def _by_the_state(words: list[str], start: int) -> bool:
    """Whether "by" and a state force follow within a few words: "were shot dead by Israeli police"
    tells of the forces' fire, whose dead are no target of the attack."""
    for k in range(start, min(len(words), start + 4)):
        if words[k] == "by":
            return any(w in _STATE_FORCES for w in words[k + 1 : k + 4])
        if words[k] in (",", ".", ";", "when", "after", "while"):
            return False
    return False


# A vehicle or device the attackers used: "his explosives laden vehicle", "a booby-trapped car".
_WEAPON = re.compile(
    r"\b(?:explosives?[- ]laden|booby[- ]trapped|rigged|his own|their own)\b|^(?:his|their) ", re.I
)


def _name_token(tok: Token) -> bool:
    """A word of a person's name: capitalised, not all capitals, not a function word."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper() and tok.lower_ not in _BOUNDARY


def _names(toks: list[Token]) -> bool:
    """Whether ``toks`` are a name and at most an age in brackets: "Jaleshwar Prajapati (38)"."""
    words = [t for t in toks if not (t.text in "()" or t.like_num)]
    return 0 < len(words) <= 4 and all(_name_token(t) for t in words)


# A named settlement or road: "Tirra village", "Liaquatabad Town", "the Hub River Road".
_NAMED_SETTLEMENT = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,3})(?:[Vv]illage|[Tt]own|[Aa]rea|[Rr]oad|[Ss]treet|[Cc]olony|[Tt]ehsil)"
)


def _where(text: str) -> bool:
    """Whether a phrase says where the attack was rather than what it hit: a named village, town or
    road ("at Tirra village", "in Sadda town", "on Sariab Road"), "the Peruvian town", a bare "the
    road". A village named by its people ("the Christian village") was what was attacked."""
    m = _NAMED_SETTLEMENT.fullmatch(text)
    if m:
        return m.group("name").split()[0].lower() not in _COMMUNITIES
    words = text.lower().split()
    if len(words) == 3 and words[0] == "the" and words[1] in DEMONYMS and words[2] in ("town", "city"):
        return True
    return words in (["the", "road"], ["the", "roads"])


# Adjectives of a community, not a nation: a village so named is the attack's object.
_COMMUNITIES = {
    "christian", "muslim", "hindu", "sikh", "shia", "shiite", "sunni", "yazidi", "alawite", "druze",
    "ahmadi", "hazara", "coptic", "kurdish", "pandit", "dalit", "police",
}  # fmt: skip


def _clean(text: str) -> str | None:
    text = " ".join(text.replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "’s").split())
    text = text.replace("( ", "(").replace(" )", ")")  # "(CID)", as written
    text = text.strip(" ,.;:")
    if not text or text.lower() in _NOT_TARGET:
        return None
    if text.isupper() and len(text) > 4:
        text = text.lower()
    return text


# Words that end a phrase in the gazetteer mode, which has no tagger: function words and verbs
# that follow a target in a news sentence.
# fmt: off
_BOUNDARY = {
    "in", "on", "at", "near", "by", "from", "for", "with", "to", "into", "outside", "inside", "of",
    "during", "after", "before", "when", "while", "who", "which", "that", "was", "were", "is", "are",
    "and", "or", "but", "killing", "injuring", "wounding", "leaving", "said", "says", "reports",
    "reported", "as", "under", "along", "across", "against", "between", "through", "where", "has",
    "have", "had", "been", "be", "it", "they", "he", "she", "we", "not", "no", "today", "yesterday",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "early", "late",
    "last", "this", "morning", "night", "evening", "afternoon",
}
# fmt: on
