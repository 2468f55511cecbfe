"""Matchers built from the pattern files in ``config/patterns/``: attack types and armed groups.

The attack-type patterns are written against lemmas (``bomb`` matches "bombed", "bombing") for the
NER pipeline, which has a lemmatizer.  The gazetteer-only fallback is a blank English pipeline with
no lemmatizer, so there each ``LEMMA`` constraint is rewritten into ``LOWER`` over the lemma's
regular inflections (plus a few irregular forms listed here).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from wirewatch.config import data_path

# The output vocabulary (config/patterns/README.md).  "attack" in the pattern file is a generic
# trigger: it marks an attack sentence but is not a type.
ATTACK_TYPES = (
    "suicide_attack",
    "ied",
    "rocket_mortar_attack",
    "checkpoint_attack",
    "ambush",
    "assassination",
    "kidnapping",
    "bombing",
    "arson",
    "armed_assault",
)
GENERIC = "attack"
# When one incident has several types, Incident.type is the first of them in ATTACK_TYPES order.
TYPE_PRIORITY = {t: i for i, t in enumerate(ATTACK_TYPES)}


def load_generic_actors(path: Path | None = None) -> dict[str, str]:
    """Phrase -> actor reported for it, from ``config/patterns/generic_actors.tsv``."""
    path = path or data_path("patterns/generic_actors.tsv")
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {r["phrase"].lower(): r["actor"] or "" for r in rows}


# "gunmen", "unidentified persons", "group of armed men": words for attackers the text does not name.
GENERIC_PERPETRATORS = load_generic_actors()

# fmt: off
_IRREGULAR = {
    "shoot": ["shot"], "blow": ["blew", "blown"], "set": ["set", "sets", "setting"],
    "hit": ["hit", "hits", "hitting"], "take": ["took", "taken"], "hold": ["held"], "gunman": ["gunmen"],
    "strike": ["struck", "stricken"], "behead": ["beheaded"], "slit": ["slit", "slitting"],
    "burn": ["burnt"], "fire": ["fired", "fires", "firing"], "militant": ["militants"],
    "step": ["stepped"], "waylay": ["waylaid"],
}
# fmt: on


def inflections(lemma: str) -> list[str]:
    """Regular inflections of an English lemma: bomb -> bombs, bombed, bombing, bomber, bombers."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es"}
    stem = w[:-1] if w.endswith("e") else w
    double = w + w[-1] if len(w) > 2 and w[-1] in "bdgpt" and w[-2] in "aeiou" and w[-3] not in "aeiou" else w
    for base in {stem, double}:
        forms.update({base + "ed", base + "ing", base + "ings", base + "er", base + "ers"})
    if w.endswith("y"):
        forms.update({w[:-1] + "ies", w[:-1] + "ied"})
    forms.update(_IRREGULAR.get(w, []))
    return sorted(forms)


def _delemmatize(token: dict[str, Any]) -> dict[str, Any]:
    if "LEMMA" not in token:
        return token
    out = {k: v for k, v in token.items() if k != "LEMMA"}
    spec = token["LEMMA"]
    lemmas = spec["IN"] if isinstance(spec, dict) else [spec]
    out["LOWER"] = {"IN": sorted({f for lemma in lemmas for f in inflections(lemma)})}
    return out


@dataclass(frozen=True)
class AttackPattern:
    label: str
    pattern: list[dict[str, Any]]
    needs_violence: bool = False


def load_attack_patterns(path: Path | None = None) -> list[AttackPattern]:
    path = path or data_path("patterns/attack_types.jsonl")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                out.append(AttackPattern(row["label"], row["pattern"], bool(row.get("needs_violence"))))
    return out


def build_type_matcher(nlp: Language, has_lemmas: bool) -> tuple[Matcher, set[str]]:
    """A Matcher whose match ids are ``label`` or ``label|needs_violence``."""
    matcher = Matcher(nlp.vocab)
    contextual: set[str] = set()
    for i, p in enumerate(load_attack_patterns()):
        pattern = p.pattern if has_lemmas else [_delemmatize(t) for t in p.pattern]
        key = f"{p.label}#{i}"
        matcher.add(key, [pattern])
        if p.needs_violence:
            contextual.add(key)
    return matcher, contextual


@dataclass(frozen=True)
class ArmedGroup:
    canonical: str
    aliases: tuple[str, ...]
    exact_case: tuple[str, ...]
    provenance: str
    home: tuple[str, ...] = ()  # countries where the group fights (empty: many)


def load_armed_groups(path: Path | None = None) -> list[ArmedGroup]:
    path = path or data_path("patterns/armed_groups.tsv")
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [
            ArmedGroup(
                r["canonical"],
                tuple(a for a in r["aliases"].split("|") if a),
                tuple(a for a in (r["case_sensitive_aliases"] or "").split("|") if a),
                r["provenance"],
                tuple((r.get("home") or "").split()),
            )
            for r in rows
        ]


@lru_cache(maxsize=1)
def group_homes() -> dict[str, tuple[str, ...]]:
    """Canonical group name -> the countries where it fights (``home`` in armed_groups.tsv)."""
    return {g.canonical: g.home for g in load_armed_groups() if g.home}


def _spellings(alias: str) -> set[str]:
    """An alias as copy without punctuation writes it too (SATP drops hyphens and apostrophes):
    "Lashkar e Taiba", "Jamaat ul Ahrar", "Peoples Liberation Front of India"."""
    forms = {alias, alias.replace("-", " ")}
    return forms | {f.replace("'", "").replace("’", "") for f in forms}


def build_actor_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-insensitive matcher, exact-case matcher); match ids are canonical group names."""
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for g in load_armed_groups():
        aliases = sorted({form for a in g.aliases for form in _spellings(a)})
        lower.add(g.canonical, [nlp.make_doc(a) for a in aliases])
        if g.exact_case:
            exact.add(g.canonical, [nlp.make_doc(a) for a in g.exact_case])
    return lower, exact


def build_generic_matcher(nlp: Language) -> PhraseMatcher:
    generic = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase, canonical in GENERIC_PERPETRATORS.items():
        generic.add("generic:" + canonical, [nlp.tokenizer(phrase)])
    return generic


@cache
def vocabulary(name: str) -> frozenset[str]:
    """The words of list ``name`` in ``config/patterns/vocabulary.tsv`` (all its rows joined: a long
    list is kept in rows by meaning); a KeyError names a list the file does not hold."""
    lists: dict[str, set[str]] = {}
    with data_path("patterns/vocabulary.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            words = {w.strip() for w in row["words"].split("|") if w.strip()}
            lists.setdefault(row["list"].strip(), set()).update(words)
    return frozenset(lists[name])


@cache
def target_forms() -> dict[tuple[str, ...], str]:
    """Every surface form (lower-case tokens) of ``config/patterns/targets.tsv`` -> its kind
    (place, vehicle, person): what an attack hits, and so what a force's name may qualify ("a CRPF
    vehicle", "an army camp") without being who acts."""
    forms: dict[tuple[str, ...], str] = {}
    with data_path("patterns/targets.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            for form in row["forms"].split("|"):
                forms.setdefault(tuple(form.strip().lower().split()), row["kind"])
    return forms


@lru_cache(maxsize=1)
def group_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for group in load_armed_groups():
        for alias in (group.canonical, *group.aliases, *group.exact_case):
            for form in _spellings(alias):
                names.setdefault(" ".join(form.lower().split()), group.canonical.lower())
    return names


def names_a_group(words: list[str]) -> bool:
    """Whether some run of the lower-case words is an armed group's name or alias ("boko haram")."""
    names = group_names()
    return any(" ".join(words[i:j]) in names for i in range(len(words)) for j in range(i + 1, len(words) + 1))


# Words for attackers the text does not identify: one class, whichever word the text or the
# annotator used ("gunmen", "unidentified persons", "assailants").
_UNIDENTIFIED = frozenset(
    [
        "gunmen",
        "assailants",
        "attackers",
        "unidentified attackers",
        "armed men",
        "armed individuals",
        "group of men",
    ]
)


_GENERIC_WORDS = frozenset(GENERIC_PERPETRATORS.values()) - {"", "unidentified attackers"}


def actor_key(name: str) -> str:
    """One key per actor, to compare actors as an analyst would (the extraction benchmark, tests):
    a named group by its canonical name whatever alias was written ("Maoists" and "Communist Party
    of India (Maoist)" are one group), generic words in their plural, and every word for
    unidentified attackers as one class. "Unidentified" or "unknown" before another generic word
    names nobody more or less: "unidentified militants" is "militants" (annotators wrote either)."""
    low = " ".join(name.lower().split())
    groups = group_names()
    if low in groups:
        return groups[low]
    low = GENERIC_PERPETRATORS.get(low) or low
    head = low.rsplit(" ", 1)
    if len(head) == 2 and GENERIC_PERPETRATORS.get(head[1]):  # "Islamic extremist" = "Islamic extremists"
        low = f"{head[0]} {GENERIC_PERPETRATORS[head[1]]}"
    if low.startswith(("unidentified ", "unknown ")):
        rest = low.split(" ", 1)[1]
        rest = GENERIC_PERPETRATORS.get(rest) or rest
        if rest in _GENERIC_WORDS and rest not in _UNIDENTIFIED:
            return rest
        return "unidentified attackers"
    if low in _UNIDENTIFIED:
        return "unidentified attackers"
    return low


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], re.Pattern[str]]:
    found: dict[str, str] = {}
    with data_path("patterns/news_outlets.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            found[row["outlet"]] = row["country"]
    names = "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True))
    # "..., reports Dawn.", "reported The Hindu", "according to Pajhwok", "(Premium Times)"
    cue = re.compile(
        rf"(?:\breport(?:s|ed)(?:\s+by)?|\baccording\s+to|\badds)\s+(?P<a>{names})\b|\((?P<b>{names})\)"
    )
    return found, cue


def news_outlets() -> dict[str, str]:
    """Outlet name -> ISO country code, as ``config/patterns/news_outlets.tsv`` lists them."""
    return dict(_outlets()[0])


def outlet_country(text: str) -> str | None:
    """The home country of the news outlet the text cites as its source ("reports Dawn" -> PK),
    from ``config/patterns/news_outlets.tsv``; None if it cites none of them (or outlets of two
    countries)."""
    found, cue = _outlets()
    countries = {found[m.group("a") or m.group("b")] for m in cue.finditer(text)}
    return countries.pop() if len(countries) == 1 else None
