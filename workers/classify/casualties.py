"""Casualty counts from the text of one sentence: how many were killed, how many injured.

A pure parser (regular expressions over tokens, no model) so that it behaves the same with or
without the NER pipeline and can be property-tested.  Conventions:

* A number binds to the nearest casualty cue (``killed``, ``dead``, ``died``, ``death toll``,
  ``lives``...; ``injured``, ``wounded``, ``hurt``...) within a few tokens, unless another number
  sits between them ("3 dead and 12 wounded" -> killed 3, injured 12).
* Bounds keep their lower value and set ``approx``: "more than 80" -> 80, "at least five" -> 5,
  "nearly 50" -> 50.  Vague plurals: "dozens" -> 24, "scores" -> 40, "hundreds" -> 200,
  "thousands" -> 2000 (twice the unit: the least the plural can mean), all ``approx``.
  "several", "many", "some" give no count.
* "a/an/one <person>" counts one ("a police chief was killed"), and a coordination of people
  counts each ("a police chief and his son" -> 2).
* Within one sentence, counts of the same kind add up ("killing two soldiers and three
  civilians" -> 5) except after "including"/"among them", which restate a part of the total.
* Years, dates, ages, money, percentages and measures are never counts ("in 2017", "aged 45",
  "Parsa (50)", "$50", "50 km", "June 25").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Literal

from wirewatch.workers.classify.patterns import group_names, names_a_group, target_forms, vocabulary

Kind = Literal["killed", "injured"]

# fmt: off
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
# fmt: on
# Number words of a small count ("abducted eight people"), for the other modules.
SMALL_COUNT_WORDS = frozenset(w for w, v in _UNITS.items() if 2 <= v <= 12)
# fmt: off
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# fmt: on
_SCALES = {"hundred": 100, "thousand": 1000}
# Vague plurals: the least each can mean (documented in the module docstring).
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}
# fmt: off
_BOUND_WORDS = {
    "about", "almost", "an estimated", "approximately", "around", "as many as", "at least", "close to",
    "estimated", "in excess of", "more", "more than", "nearly", "over", "roughly", "some", "up to",
    "upwards of",
}
# fmt: on
_KILL_CUES = vocabulary("kill_cues")
_INJURY_CUES = vocabulary("injury_cues")
_PERSON_NOUNS = vocabulary("person_nouns")
# fmt: off
_NUM_FOLLOWERS = {
    "after", "alleged", "among", "and", "are", "armed", "army", "as", "at", "by", "civilians", "dead",
    "died", "during", "elderly", "for", "foreign", "from", "government", "had", "have", "in",
    "including", "injured", "innocent", "is", "junior", "killed", "local", "lost", "militants",
    "military", "more", "of", "old", "on", "or", "other", "others", "paramilitary", "people",
    "people's", "persons", "police", "received", "security", "senior", "soldiers", "suffered",
    "suspected", "sustained", "to", "unarmed", "was", "were", "when", "while", "with", "wounded",
    "young",
}
# fmt: on
# fmt: off
_UNIT_AFTER = {
    "%", "a.m.", "acres", "am", "billion", "crore", "day", "days", "dollars", "feet", "ft", "hour",
    "hours", "kg", "kilograms", "kilometer", "kilometers", "kilometre", "kilometres", "km", "kms",
    "lakh", "m", "meter", "meters", "metre", "metres", "mile", "miles", "million", "minute", "minutes",
    "month", "months", "nd", "o'clock", "p.m.", "per", "percent", "pesos", "pm", "pounds", "rd",
    "rupees", "st", "th", "tonnes", "tons", "week", "weeks", "year", "years", "yrs",
}
# fmt: on
# fmt: off
_MONTHS = {
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
    "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep", "sept",
    "september",
}
# fmt: on
_BEFORE_NOT_COUNT = {
    "aged",
    "age",
    "ages",
    "by",
    "$",
    "rs",
    "rs.",
    "no",
    "number",
    "page",
    "route",
}
# Words a number labels ("Zone 10", "Sector 5"), unless people follow it ("in Uri sector 3 soldiers").
_LABELLED = {"zone", "sector", "phase", "unit"}

_TOKEN = re.compile(r"\$|\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:[-'][A-Za-z]+)*|[^\sA-Za-z\d]")


@dataclass(frozen=True)
class Count:
    """One number bound to a casualty kind, with where it was found."""

    kind: Kind
    value: int
    approx: bool
    start: int  # character offsets in the parsed text
    end: int
    # (number, person noun) of each group of people the count adds up: ((17, "police"), (8,
    # "civilians")) for "17 Police and CRPF personnel and eight civilians", so that a later sentence
    # that tells one of them again ("also injuring 17 Police and CRPF personnel") adds nothing
    parts: tuple[tuple[int, str], ...] = ()


@dataclass
class Casualties:
    killed: int | None = None
    injured: int | None = None
    killed_approx: bool = False
    injured_approx: bool = False
    counts: list[Count] = field(default_factory=list)
    # the killed are the attackers' own dead, told with no victims ("Two militants were killed")
    attackers_only: bool = False
    # every count of the kind is a plural with no number ("dozens were killed"): enough to tell
    # that people died, not how many
    killed_vague: bool = False
    injured_vague: bool = False


def number_to_words(n: int) -> str:
    """English words for 0 <= n <= 999_999 ("forty-one", "two thousand and five")."""
    if n < 0 or n > 999_999:
        raise ValueError(n)
    units = {v: k for k, v in _UNITS.items()}
    tens = {v: k for k, v in _TENS.items() if k != "fourty"}

    def below_thousand(m: int) -> str:
        parts = []
        if m >= 100:
            parts.append(units[m // 100] + " hundred")
            m %= 100
            if m:
                parts.append("and")
        if m >= 20:
            parts.append(tens[m // 10 * 10] + ("-" + units[m % 10] if m % 10 else ""))
        elif m or not parts:
            parts.append(units[m])
        return " ".join(parts)

    if n < 1000:
        return below_thousand(n)
    head = below_thousand(n // 1000) + " thousand"
    rest = n % 1000
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + below_thousand(rest)


def _word_value(words: list[str]) -> int | None:
    """Value of a run of number words (already lower-cased, hyphens split), or None."""
    total, current, seen = 0, 0, False
    for w in words:
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif w in ("a", "an"):
            current += 1
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> tuple[int, bool] | None:
    """ "forty-one" -> (41, False); "dozens" -> (24, True); "a dozen" -> (12, False); "1,200" -> 1200."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if t.isdigit():
        return int(t), False
    if t in _VAGUE:
        return _VAGUE[t], True
    words = re.split(r"[\s-]+", t)
    if words[-1] == "dozen":
        head = _word_value(words[:-1]) if words[:-1] else 1
        return (head * 12, False) if head is not None else None
    if words[0] in ("a", "an") and len(words) > 1 and words[1] not in _SCALES:
        return None
    value = _word_value(words)
    return (value, False) if value is not None else None


@dataclass
class _Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass
class _Num:
    value: int
    approx: bool
    first: int  # token indices
    last: int
    person: bool = False  # "a policeman": an article counting one person
    opened: bool = False  # a coordination an exact count opened: "one officer and a civilian"
    parts: tuple[tuple[int, str], ...] = ()  # a coordination's groups: see Count.parts


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_numword(low: str) -> bool:
    parts = low.split("-")
    return all(p in _UNITS or p in _TENS or p in _SCALES for p in parts)


def _numbers(toks: list[_Tok]) -> list[_Num]:
    nums: list[_Num] = []
    i, n = 0, len(toks)
    while i < n:
        low = toks[i].low
        j = i
        value: int | None = None
        approx = False
        if re.fullmatch(r"\d[\d,]*", low):
            digits = low.replace(",", "")
            # "around 2 000 personnel": thousands set apart by a space in copy without commas
            while (
                len(digits) <= 3
                and j + 1 < n
                and re.fullmatch(r"\d{3}", toks[j + 1].low)
                and toks[j + 1].start == toks[j].end + 1
                and not (i > 0 and toks[i - 1].low in _MONTHS)  # "On June 1 200 people were killed"
                and not (j + 2 < n and toks[j + 2].low in _UNIT_AFTER)  # "killed 5 100 km north of"
            ):
                j += 1
                digits += toks[j].low
            value = int(digits) if len(digits) <= 7 else None
        elif low in _VAGUE:
            value, approx = _VAGUE[low], True
        elif low in ("a", "the") and i + 1 < n and toks[i + 1].low == "couple":
            j, value = i + 1, 2  # "the killing of a couple"
        elif low == "dozen" or (low in ("a", "one", "half") and i + 1 < n and toks[i + 1].low == "dozen"):
            j = i if low == "dozen" else i + 1
            value = 12 if low != "half" else 6
        elif _is_numword(low) or (low in ("a", "an") and i + 1 < n and toks[i + 1].low in _SCALES):
            words: list[str] = []
            while j < n and (
                _is_numword(toks[j].low)
                or (toks[j].low in ("a", "an") and j == i)
                or (toks[j].low == "and" and j + 1 < n and _is_numword(toks[j + 1].low) and words)
            ):
                words.extend(toks[j].low.split("-"))
                j += 1
            j -= 1
            if words and words[-1] == "and":
                words.pop()
                j -= 1
            value = _word_value(words)
            if value is not None and j + 1 < n and toks[j + 1].low == "dozen":
                j += 1
                value *= 12
        if value is None:
            i += 1
            continue
        if _excluded(toks, i, j, value):
            i = j + 1
            continue
        # A lower bound or hedge right before the number.
        before = " ".join(t.low for t in toks[max(0, i - 3) : i])
        if any(before.endswith(b) for b in _BOUND_WORDS):
            approx = True
        if j + 2 < n and toks[j + 1].low == "or" and toks[j + 2].low == "more":
            approx = True
        nums.append(_Num(value, approx, i, j))
        i = j + 1
    return nums


def _after_comma(toks: list[_Tok], j: int) -> str:
    """The word after the comma that follows token ``j`` ("32," is one token; "32 ," two)."""
    k = j + 1 if toks[j].low.endswith(",") else j + 2
    return toks[k].low if k < len(toks) else ""


def _listed_name(toks: list[_Tok], last: int) -> bool:
    """Whether the name ending at ``last`` follows an "and" that joins it to an earlier person
    ("..., AND JEFFREY BRENT BALL", lower-cased when shouted): up to four name words back."""
    k = last
    while k >= 0 and last - k < 4 and toks[k].low != "and" and toks[k].text.isalpha():
        if toks[k].low in _FUNCTION_WORDS or toks[k].low in _PERSON_NOUNS:
            break
        k -= 1
    return k < last and k >= 0 and toks[k].low == "and"


def _name_word(tok: _Tok) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()


def _age_after_name(toks: list[_Tok], i: int, j: int, value: int) -> bool:
    """A bare number right after a personal name of two words or more, closing it: the age, in
    copy that drops the brackets and commas ("Lee Zing Yang 24 and Meng Li Si 26 Now FO said").
    Only where another name or a new sentence follows, never a noun the count could be of."""
    if i < 2 or i != j or value >= 100 or not toks[i].low.isdigit():
        return False
    if not (_name_word(toks[i - 1]) and _name_word(toks[i - 2])):
        return False
    if toks[i - 1].low in _NOT_NAMES or toks[i - 1].low in _PLACE_WORDS or toks[i - 2].low in _PLACE_WORDS:
        return False  # "in Washuk District 3 ...", "on Monday 12 ..."
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None:
        return True
    if any(t.low in _PERSON_NOUNS for t in toks[j + 1 : j + 4] if t.low != "police"):
        return False  # "Terrorists attacked Lal Chowk 8 Police personnel were injured": a count
    if value >= 15 and _introduced_name(toks, i - 1):
        # "an AR trooper identified as Bhupal Singh 42 were killed": his age, whatever follows (but
        # "identified as Ram Singh 3 were injured" may count others)
        return True
    if nxt.low == "and":
        return j + 3 < len(toks) and _name_word(toks[j + 2]) and _name_word(toks[j + 3])
    return _name_word(nxt) and nxt.low in _SENTENCE_STARTS


def _introduced_name(toks: list[_Tok], last: int) -> bool:
    """Whether the name ending at ``last`` is introduced as a person's: "identified as Bhupal
    Singh" (not "a village named Pedda Gudem")."""
    k = last
    while k > 0 and last - k < 4 and _name_word(toks[k - 1]) and toks[k - 1].low not in _NOT_NAMES:
        k -= 1
    return k > 1 and toks[k - 1].low == "as" and toks[k - 2].low == "identified"


# Words that end a place's name, not a person's ("Sukma District 3 ...").
_PLACE_WORDS = {
    "district", "province", "state", "area", "village", "town", "city", "block", "tehsil", "road",
    "street", "camp", "station", "sector", "zone", "division", "region", "county", "agency", "chowk",
    "bazaar", "market", "colony", "nagar", "mohalla",
}  # fmt: skip
# Words that open a sentence after a name and its age in unpunctuated copy.
_SENTENCE_STARTS = {"now", "the", "he", "she", "they", "police", "meanwhile", "earlier", "later", "this"}


def _singular_verb_after(toks: list[_Tok], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].low in ("was", "is", "has")


def _excluded(toks: list[_Tok], i: int, j: int, value: int) -> bool:
    prev = toks[i - 1].low if i > 0 else ""
    prev2 = toks[i - 2].low if i > 1 else ""
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if prev in _BEFORE_NOT_COUNT or prev in _MONTHS or nxt in _MONTHS or nxt in _UNIT_AFTER:
        return True
    if prev == "not":
        return True  # "three and not five villagers, as reported earlier, were killed"
    if prev == "of" and prev2 in _TAKING_NOUNS and not _own_fate_after(toks, j):
        return True  # "confirmed the abduction of 22 Levies men by the TTP, who also killed two"
    if _tallied_deaths(toks, i, j):
        return True  # "ARE RESPONSIBLE FOR THE DEATHS OF AT LEAST 700 PEOPLE THIS YEAR"
    if _clock_time(toks, i, j):
        return True  # "injured this morning at 0815", "opened fire at around 10 30 am"
    if nxt.split("-")[0] in ("d", "st", "nd", "rd", "th") and toks[j + 1].start == toks[j].end:
        return True  # "a 3d-year student", "his 2nd-year class": an ordinal
    if prev == "of" and prev2 in _PARENTS and (nxt not in _PERSON_NOUNS or _singular_verb_after(toks, j + 1)):
        # "a father of three was killed", "a mother of two children was shot": the children, not
        # the dead (but "the mother of two soldiers killed in the ambush": the soldiers)
        return True
    if prev in _LABELLED and not any(t.low in _PERSON_NOUNS for t in toks[j + 1 : j + 5]):
        return True  # "IN ZONE 10 OF THIS CAPITAL"; not "sector 3 Indian Army soldiers"
    if nxt == "-" and j + 2 < len(toks) and toks[j + 2].low.split("-")[0] in _UNIT_AFTER:
        return True  # "a 400-meter radius", "a 9-year-old boy"
    if (
        prev in ("and", "or", "to", ",")
        and prev2[:1].isdigit()
        and i > 2
        and toks[i - 3].low in _BEFORE_NOT_COUNT
    ):
        return True  # "aged 30 and 35": the second age too
    if prev == "(" and nxt == ")":  # "Indersa Parsa (50)": an age
        return True
    if prev == "-" and i > 1 and toks[i - 2].text.isalpha() and toks[i - 2].end == toks[i - 1].start:
        return True  # "the M-19 guerrilla group", "SU-25": part of a name
    # an acronym in text with small letters ("4 MEN" in wire copy in capitals is no unit), no
    # person noun of its own or within the next words ("12 BSF and Army personnel")
    acronym = (
        j + 1 < len(toks)
        and toks[j + 1].text.isupper()
        and 2 <= len(nxt) <= 5
        and nxt not in _PERSON_NOUNS
        and i > 0
        and not toks[i - 1].text.isupper()
    )
    unit = nxt in ("bn", "battalion") or (
        acronym and not any(t.low in _PERSON_NOUNS for t in toks[j + 2 : j + 5])
    )
    if prev == "of" and (unit or (prev2 in _PERSON_NOUNS and _named_unit(toks, j))):
        return True  # "one personnel of 25 AR was killed", "of 134 Battalion": a unit's number
    if prev == "the" and _named_unit(toks, j):
        return True  # "a security official belonging to the 33 Baloch Regiment"
    if (
        prev == ","
        and (nxt == "," or toks[j].low.endswith(","))  # "32," is one token
        and toks[i].low.rstrip(",").isdigit()
        and value < 120
        and prev2.isalpha()
        and prev2 not in _PERSON_NOUNS
        and prev2 not in _FUNCTION_WORDS
        # and the apposition goes on as a person's would ("..., 32, was killed", "..., 45, a
        # teacher"), not as a count's ("In Kabul, 12, including three children, were killed")
        and (
            _after_comma(toks, j) in ("was", "is", "a", "an", "who", "of", "from", "the")
            # "TODD RAY WILSON, 20 YEARS OLD, AND JEFFREY BRENT BALL, 21, WERE MURDERED": the last
            # of named people listed, the plural verb theirs
            or (_after_comma(toks, j) in ("were", "are") and _listed_name(toks, i - 2))
        )
    ):
        return True  # "JOSE OSCAR MARIN, 32, WAS KILLED" (lower-cased when shouted): an age
    if (
        i == j
        and toks[i].low.isdigit()
        and prev2 in ("in", "at", "near", "of")
        and _name_word(toks[i - 1])
        and toks[i - 1].low not in _NOT_NAMES
        and nxt in ("", ".", ",", ";", ":", ")", "of", "on", "in", "at", "near", "under", "area", "locality")
        and not any(t.low in _PERSON_NOUNS for t in toks[j + 1 : j + 5])
    ):
        return True  # "killed by unidentified armed motorcyclists in Malir 15": a place's number
    if _age_after_name(toks, i, j, value):
        return True  # "killed Chinese couple Lee Zing Yang 24 and Meng Li Si 26" (no punctuation)
    if prev == "," and prev2 in _MONTHS:
        return True
    if nxt in ("-", "/") and j + 2 < len(toks) and toks[j + 2].low.isdigit():  # dates, scores
        return True
    if prev in ("-", "/", ".", ":") and i > 1 and toks[i - 2].low.isdigit():
        return True
    if nxt in (".", ":") and j + 2 < len(toks) and toks[j + 2].low.isdigit():  # times, decimals
        return True
    if 1900 <= value <= 2100 and toks[i].low.rstrip(",").isdigit():  # a year, even standing alone
        return True
    if nxt in ("year", "years") or (nxt == "-" and j + 2 < len(toks) and toks[j + 2].low == "year"):
        return True
    # "a 20 year-old Israeli"; "his 24yearold son" in copy that drops hyphens
    return nxt in ("-year-old", "yr", "year-old", "years-old", "yearold", "yearsold")


# Nouns of a taking whose "of" names the people taken, not hurt: "the abduction of 22 Levies men".
_TAKING_NOUNS = {
    "abduction", "abductions", "kidnapping", "kidnappings", "capture", "arrest", "arrests", "release",
}  # fmt: skip
_CLOCK_WORDS = {"am", "pm", "a.m.", "p.m."}
_DEATHS_OF = {"deaths", "death", "killings", "killing", "murders", "murder"}
# The words of a bound before a count ("at least", "more than", "nearly"), one by one.
_BOUND_TOKENS = {"at", "least", "more", "than", "over", "nearly", "about", "some", "around"}
_TALLY_AFTER = re.compile(
    r"(?:this|last|the\s+past)\s+(?:year|month|decade)|so\s+far|since|to\s+date|till\s+now"
)


def _own_fate_after(toks: list[_Tok], j: int) -> bool:
    """Whether the people counted after "the abduction of" are told to be hurt in their own clause:
    "the abduction of 4 persons who were later found killed", "the capture of 2 soldiers killed in
    the ambush" (not "of 22 Levies men by the TTP, who also killed two": another clause)."""
    for k in range(j + 1, min(j + 6, len(toks))):
        if toks[k].low in ("by", ",", ";", "."):
            return False
        if toks[k].low in ("who", "whom") or _cue_kind(toks, k) is not None:
            return True
    return False


def _tallied_deaths(toks: list[_Tok], i: int, j: int) -> bool:
    """A count of the deaths a group is "responsible for" over a period: "THE SHINING PATH AND THE
    MRTA ARE RESPONSIBLE FOR THE DEATHS OF AT LEAST 700 PEOPLE THIS YEAR" (only that count; the
    attack the sentence also tells keeps its own)."""
    k = i - 1
    while k >= 0 and toks[k].low in _BOUND_TOKENS:
        k -= 1
    if k < 2 or toks[k].low != "of" or toks[k - 1].low not in _DEATHS_OF:
        return False
    if "responsible" not in {t.low for t in toks[max(0, k - 5) : k - 1]}:
        return False
    rest = " ".join(t.low for t in toks[j + 1 : j + 7])
    return _TALLY_AFTER.search(rest) is not None


def _clock_time(toks: list[_Tok], i: int, j: int) -> bool:
    """Whether the number at ``i``..``j`` tells the time, not a count: four digits with a leading
    zero ("at 0815", "0815 hours"), or as hours and minutes apart before "am" in copy that drops
    the colon ("at around 10 30 am"; the minutes alone are excluded by their unit)."""
    low = toks[i].low
    if i == j and len(low) == 4 and low[0] == "0" and low.isdigit():
        return True  # not "killing 02 CRPF personnel", as police copy writes small counts
    return (
        i == j
        and low.isdigit()
        and j + 2 < len(toks)
        and toks[j + 1].low.isdigit()
        and len(toks[j + 1].low) == 2
        and toks[j + 2].low in _CLOCK_WORDS
    )


# "a father of three", "mother of two": the number counts the children.
_PARENTS = {"father", "mother", "parent", "grandfather", "grandmother"}
_UNIT_WORDS = {"rifles", "regiment", "battalion", "bn", "brigade", "division", "corps", "squadron", "wing"}


def _named_unit(toks: list[_Tok], j: int) -> bool:
    """Whether a capitalised unit's name follows the number ending at ``j``: "of 44 Assam Rifles",
    "of 33 Baloch Regiment" (the battalion's number, not a count)."""
    for u in range(j + 1, min(j + 4, len(toks))):
        if not toks[u].text[:1].isupper():
            return False
        if toks[u].low in _UNIT_WORDS:
            # not "the killing of two Assam Rifles personnel", "12 Frontier Corps (FC) soldiers"
            # (a person noun right after the unit's name, past a bracketed acronym; "33 Baloch
            # Regiment were killed when militants attacked" is a unit)
            v = u + 1
            while (
                v < len(toks)
                and v <= u + 4
                and (toks[v].low in ("(", ")", "and", "&") or toks[v].text[:1].isupper())
            ):
                v += 1  # "(FC)", "and Levies"
            return not (v < len(toks) and toks[v].low in _PERSON_NOUNS)
    return False


def _victims_counted(toks: list[_Tok], num: _Num) -> bool:
    """Whether a count is of people other than the attackers ("two soldiers", not "Two unidentified
    assailants")."""
    return not any(t.low in _MILITANT_NOUNS for t in toks[num.last + 1 : num.last + 4])


def _subject_of(toks: list[_Tok], num: _Num, v: int) -> bool:
    """Whether a count just before the verb at ``v`` is its subject ("Four masked men stabbed"), not
    a toll told before it ("Two killed as gunmen shot the driver dead")."""
    return num.first >= v - 4 and not any(_cue_kind(toks, k) for k in range(num.last + 1, v))


def _split_kill(toks: list[_Tok], v: int) -> bool:
    """Whether ``toks[v]`` opens a killing verb split around its object: "stabbed the deputy mayor
    to death", "shot the shopkeeper dead". The object is then a victim as it is after "killed"; an
    indefinite one ("stabbed a shopkeeper to death") was counted already, a definite one was not.
    An attacker as the object is no victim."""
    if toks[v].low not in _TO_DEATH:
        return False
    end = min(v + 7, len(toks))
    k = v + 1
    while (k := k + 1) < end:
        # "beat him and his son to death": a possessed companion is the object's own (its two
        # words widen the reach: "beat him and his 70-year-old father to death")
        if toks[k].low == "and" and k + 1 < len(toks) and toks[k + 1].low in ("his", "her"):
            end = min(end + 2, len(toks))
            continue
        # "Bodyguards shot the gunman to death": the attack's own man, killed in its answer
        if toks[k].low in (",", ".", ";", "and") or toks[k].low in _ATTACKER_WORDS:
            return False
        if toks[k].low == "to" and k + 1 < len(toks) and toks[k + 1].low == "death":
            return True
        if toks[k].low == "dead" and toks[v].low == "shot":
            return True
    return False


def _people_mentions(toks: list[_Tok], taken: set[int], counts: dict[int, _Num]) -> list[_Num]:
    """ "a local police chief and his son" -> one mention counting 2; "a policeman and two
    civilians" -> 3 (the exact count ``counts[i]`` starting at a coordinated token is absorbed)."""
    out: list[_Num] = []
    i, n = 0, len(toks)
    while i < n:
        # "the governor of Zazi Maidan District and a bodyguard": "the" counts only in a coordination,
        # or as the object of a casualty verb ("shot dead the caretaker of an imambargah",
        # "critically injured his son")
        split = i > 0 and toks[i].low in ("the", "his", "her", "their") and _split_kill(toks, i - 1)
        object_of_cue = (
            i > 0
            and toks[i].low in ("the", "his", "her", "their")
            and (split or _cue_kind(toks, i - 1) is not None)
            and toks[i - 1].low not in _NOUN_CUES
            and not _state_subject(toks, i - 1)  # "Police killed the militant commander"
            # "shot dead a person ... the Maoists shot dead the man": "the" points back to a victim
            # already counted (checked last: it reads every earlier count); "Four masked men
            # stabbed the prefect to death": the count right before a split verb is its subject
            and not (
                toks[i].low == "the"
                and (
                    out
                    or any(
                        _victims_counted(toks, c)
                        for c in counts.values()
                        if c.first < i and not (split and _subject_of(toks, c, i - 1))
                    )
                )
            )
        )
        definite = toks[i].low == "the" and not object_of_cue
        possessed = toks[i].low in ("his", "her", "their") and object_of_cue
        counted = counts.get(i)
        # "one army officer and a civilian died": an exact count can open a coordination too, but
        # not the count of people arrested ("police arrested 12 men and 2 women for killing ...")
        # "at least six civilians and four soldiers": a bound keeps the sum a bound, but a vague
        # plural ("dozens of people and a policeman") is no count to add to
        opens = (
            counted is not None
            and not (counted.approx and toks[counted.last].low in _VAGUE)
            and counted.first == i
            and not {t.low for t in toks[max(0, i - 3) : i]} & _NOT_VICTIMS_BEFORE
        )
        if i > 1 and toks[i - 1].low == "of" and toks[i - 2].low in _OWNED:
            i += 1  # "the house of a militant commander": whose house, not who was hurt
            continue
        if (toks[i].low in ("a", "an", "the") and i not in taken) or possessed or opens:
            # after the cue ("killed 12 people and 30 others were injured"), a coordinated count with
            # a verb of its own starts a new clause
            # (not after a clause opener: "were killed while five other personnel and two civilians
            # sustained injuries" is a clause of its own, its subject the whole coordination)
            after_cue = any(_cue_kind(toks, c) for c in range(max(0, i - 3), i)) and not (
                i > 0 and toks[i - 1].low in ("while", "whereas", "whilst", "but")
            )
            start = counted.last if opens and counted else i
            # up to three modifiers, then a person noun
            k = start + 1
            if (
                k + 2 < n
                and toks[k].low.isdigit()
                and toks[k + 1].low == "-"
                and toks[k + 2].low.startswith("year")
            ):
                k += 3  # "a 8-year-old child": the age is a modifier
            elif k + 1 < n and toks[k].low.isdigit() and toks[k + 1].low in ("yearold", "yearsold"):
                k += 2  # "his 24yearold son", in copy that drops hyphens
            # a modifier is no count and no casualty word: "A bomb killed eight people" is no
            # mention of one person ("a ... people"), it is the count eight
            acronym = 0  # "a Counter Terrorism Department (CTD) official": the bracket is no word
            while (
                k < n
                and k <= i + 4 + acronym
                and not _person_at(toks, k)
                # a possessive too: "killing the camp's commander", "the owner's son"
                # (hyphenated too: "two auto-rickshaw drivers and a bus conductor")
                and (
                    toks[k].low.replace("-", "").isalpha()
                    or (toks[k].low.endswith("'s") and toks[k].low[:-2].isalpha())
                )
                and toks[k].low not in _FUNCTION_WORDS
                and k not in taken
                and _cue_kind(toks, k) is None
                # "a suicide attack targeting Police": an attack, not a person ("a unit commander"
                # and "a camp guard" are people)
                and toks[k].low not in _INCIDENT_NOUNS
                and toks[k].low not in ("raid", "ambush", "harassment", "offensive")
            ):
                k += 1
                if (
                    not acronym
                    and k + 3 < n
                    and toks[k].low == "("
                    and toks[k + 2].low == ")"
                    and toks[k + 1].text.isupper()
                    and toks[k + 1].text.isalpha()
                    and toks[k + 3].low in _PERSON_NOUNS
                ):
                    k += 3
                    acronym = 3
            if (
                k < n
                and _person_at(toks, k)
                and k <= start + 4 + acronym
                and (opens or not toks[k].low.endswith("s"))
            ):
                # "a police chief"; "five other AR personnel" (a force's initials between); "a
                # Border Security Force (BSF) jawan" (the rest of a force's name, then its initials)
                while k + 1 < n:
                    named = _force_name_then_person(toks, k + 1) or _and_force_personnel(toks, k)
                    if named is None and not (
                        toks[k + 1].low in _PERSON_NOUNS
                        or (
                            k + 2 < n
                            and toks[k + 1].text.isupper()
                            and toks[k + 1].text.isalpha()
                            and toks[k + 2].low in _PERSON_NOUNS
                        )
                    ):
                        break
                    k = named or k + 1
                if object_of_cue and toks[k].low in _UNCOUNTED_PLURALS:
                    i = k + 1  # "injured their children", "after killing the peasant family"
                    continue
                possessive = k + 1 < n and toks[k + 1].low in ("s", "'s", "’s")  # "a doctor s clinic"
                if (
                    _attributive(toks, k)
                    or possessive
                    or (k + 1 < n and toks[k + 1].low in _NOT_PEOPLE_HEADS)
                ):
                    # "a security checkpoint", "a police station", "a rebel attack": no one
                    i = k + 1
                    continue
                if k + 1 < n and toks[k + 1].low in SAYING_VERBS:  # "a police spokesman said": the source
                    i = k + 1
                    continue
                count, last = (counted.value if opens and counted else 1), k
                parts = [(count, _part_noun(toks, counted) if opens and counted else toks[k].low)]
                if (
                    opens
                    and last + 3 < n
                    and toks[last + 1].low == "of"
                    and toks[last + 2].low == "the"
                    and toks[last + 3].text[:1].isupper()
                ):
                    # "Two generals of the Iraqi Army and three soldiers": the force named after a
                    # count's noun is part of the phrase that a coordination continues
                    force = last + 3
                    while force + 1 < n and force <= k + 7 and toks[force + 1].text[:1].isupper():
                        force += 1
                    if force + 1 < n and toks[force + 1].low in _GROUP_TAILS:
                        force += 1  # "Three members of the Shia community and a police guard"
                    width = _coordinator(toks, force + 1)
                    after = toks[force + 1 + width] if width and force + 1 + width < n else None
                    # (a coordination of people: "and three soldiers", "and a civilian"; not a
                    # name's own "and": "the Oil and Gas Development Company")
                    if after is not None and (
                        after.low in ("a", "an", "the", "his", "her", "their", "another")
                        or after.low[:1].isdigit()
                        or _is_numword(after.low)
                    ):
                        last = force
                elif (
                    definite
                    and last + 2 < n
                    and toks[last + 1].low == "of"
                    and toks[last + 2].text[:1].isupper()
                ):
                    last += 2
                    while last + 1 < n and last <= k + 5 and toks[last + 1].text[:1].isupper():
                        last += 1
                elif (of_thing := _of_a_thing(toks, last)) is not None:
                    last = of_thing  # "the driver of a covered van and a day laborer": both hurt
                # coordination: "and his son", "and a colleague", "and another", "along with his guard",
                # "and Constable Amresh Kumar" (a title, then a name)
                # "Ajmeer Shah, a senior Police official, and his driver": the mention is a name's
                # aside, closed by a comma before the coordination
                militants = count if _militant(toks[k].low) else 0  # of the count, how many are
                aside_of_name = (
                    i >= 2
                    and toks[i - 1].low == ","
                    and _titled(toks[i - 2])
                    and last + 2 < n
                    and toks[last + 1].low == ","
                    and toks[last + 2].low == "and"
                )
                while (
                    (
                        width := _coordinator(
                            toks, (named := last + 1 if aside_of_name else _past_name(toks, last)) + 1
                        )
                    )
                    and named + width + 1 < n
                    # "Two persons, a woman and her son, were killed": after a count, a comma opens
                    # its breakdown, not more victims
                    and not (toks[named + 1].low == "," and count > 1 and last == k)
                    and (
                        toks[named + width + 1].low in ("his", "her", "their", "a", "an", "another", "the")
                        or (named + width + 1 in counts and not counts[named + width + 1].approx)
                        or _titled_person(toks, named + width + 1)
                    )
                ):
                    aside_of_name = False  # only the first person's aside
                    det = named + width + 1
                    number = counts.get(det)
                    if number is None and toks[det].low in ("his", "her", "their") and det + 1 in counts:
                        number = counts[det + 1]  # "and their two children"
                    m = (number.last if number else det) + 1
                    if toks[det].low in _PERSON_NOUNS and number is None:
                        m = det
                    while m < n and m <= det + 3 and not _person_at(toks, m) and toks[m].low.isalpha():
                        m += 1
                    if (
                        after_cue
                        and m + 1 < n
                        and (toks[m + 1].low in _AUX | _SUFFERED | _ESCAPED or _cue_kind(toks, m + 1))
                    ):
                        break  # "killed 12 people and 30 others were injured": a clause of its own
                    if m < n and _person_at(toks, m):
                        add = number.value if number else 1
                        if toks[m].low.endswith("s") and add == 1 and toks[m].low not in ("boss",):
                            break
                        count += add
                        parts.append((add, toks[m].low))
                        militants += add if _militant(toks[m].low) else 0
                        last = m
                    elif toks[det].low == "another":
                        count += 1
                        parts.append((1, "another"))
                        last = det
                    else:
                        break
                if 0 < militants < count and _forces_answer(toks, i):
                    # "one FC officer and one militant were killed" in an exchange of fire: the
                    # militant fell to the forces' answer, no victim of the attack
                    count -= militants
                if (definite and count == 1) or (opens and last == k):
                    i += 1  # an exact count with nothing coordinated stays what it was
                    continue
                if count == 1 and _apposition(toks, i, last, out):
                    i = last + 1  # "killed the mayor, a retired teacher, near his home": one man
                    continue
                approx = bool(opens and counted and counted.approx)
                told = tuple(parts) if sum(v for v, _ in parts) == count else ()
                out.append(_Num(count, approx, i, last, person=True, opened=opens, parts=told))
                i = last + 1
                continue
        if (
            toks[i].low == "another"
            and i not in taken
            and not (i + 1 < n and (_is_numword(toks[i + 1].low) or toks[i + 1].low[:1].isdigit()))
            and not (i + 1 < n and toks[i + 1].low in _NOT_ANOTHER_PERSON)  # "in another attack"
        ):
            out.append(_Num(1, False, i, i, person=True))
        elif (
            _pronoun_victim(toks, i)
            and not any(toks[m.last].low not in _ATTACKER_WORDS | _PRONOUN_ATTACKERS for m in out)
            and not any(_victims_counted(toks, c) for c in counts.values() if c.first < i)
        ):
            # "beat him and his son to death": the mention ends with the companion, nearer the cue
            count, last = _pronoun_and_companion(toks, i)
            out.append(_Num(count, False, i, last, person=True))
        i += 1
    return out


# Words that tell the forces fought back: militants they killed are no attack's toll ("raid" only
# after a force's word, "retaliation" not "for" something: see _forces_answer).
_FORCES_ANSWER = {
    "exchange", "exchanges", "encounter", "encounters", "shootout", "shootouts", "gunfight", "gunfights",
    "crossfire", "retaliation", "retaliatory", "retaliated",
}  # fmt: skip
# Words that open a clause about another time: a raid "a day after" is not the toll's.
_OTHER_TIME = {"after", "before", "following", "since", "later"}


def _forces_answer(toks: list[_Tok], t: int) -> bool:
    """Whether the sentence around ``t`` tells the forces' answer or operation ("during an exchange
    of fire", "in retaliatory firing", "a Police raid"), in which militants coordinated with the
    victims ("one FC officer and one militant were killed") fell to the forces, not to the attack;
    the attackers' dead stay in the toll only where the text counts them in it ("six civilians and
    four militants are killed in attacks on two hotels")."""
    lo = t
    while lo > 0 and not _full_stop(toks, lo - 1) and toks[lo - 1].low != ";":
        lo -= 1
    hi = t
    while (
        hi < len(toks)
        and not _full_stop(toks, hi)
        and toks[hi].low != ";"
        and toks[hi].low not in _OTHER_TIME
        and not (toks[hi].low == "," and hi + 1 < len(toks) and toks[hi + 1].low == "and")
    ):
        hi += 1
    for u in range(lo, hi):
        low = toks[u].low
        if low == "raid" and any(toks[v].low in _FORCE_AGENTS for v in range(max(lo, u - 2), u)):
            return True  # "a Police raid", not "a Maoist raid on the village"
        if low == "retaliation" and u + 1 < len(toks) and toks[u + 1].low == "for":
            continue  # "in retaliation for the killing of their commander": the attackers' motive
        if low in _FORCES_ANSWER:
            return True
    return False


# Lower-case words that end a named group: "of the Shia community", "of the Hazara tribe".
_GROUP_TAILS = {
    "community",
    "communities",
    "tribe",
    "tribes",
    "clan",
    "sect",
    "family",
    "families",
    "force",
    "forces",
}
# The last words of a force's name: "Border Security Force", "Assam Rifles", "Frontier Corps".
_FORCE_NAME_ENDS = {"force", "forces", "rifles", "corps", "police", "guard", "guards", "constabulary", "army"}


def _force_name_then_person(toks: list[_Tok], k: int) -> int | None:
    """The person noun after the rest of a force's name that starts at ``k`` and its initials:
    "(Border) Security Force (BSF) jawan", "(Central Reserve) Police Force (CRPF) personnel"; None if
    the words at ``k`` are not that."""
    j = k
    while j < len(toks) and j < k + 2 and toks[j].text[:1].isupper() and toks[j].low in _FORCE_NAME_ENDS:
        j += 1
    if j == k:
        return None
    if j + 2 < len(toks) and toks[j].low == "(" and toks[j + 2].low == ")" and toks[j + 1].text.isupper():
        j += 3
    return j if j < len(toks) and toks[j].low in _PERSON_NOUNS else None


# Forces that share one collective noun with the force before them: "17 Police and CRPF personnel",
# "police and army personnel" (one group of victims, not two).
_SHARED_FORCES = {"army", "military", "paramilitary", "security", "police", "border"}
_SHARED_NOUNS = {"personnel", "troops", "jawans", "men", "officers", "officials"}


def _and_force_personnel(toks: list[_Tok], k: int) -> int | None:
    """The collective noun that the force at ``k`` shares with a second force after "and" ("Police
    and CRPF personnel", "police and army personnel"); None if the words after ``k`` are not that."""
    j = k + 1
    if not (toks[k].low in _SHARED_FORCES and j + 2 < len(toks) and toks[j].low == "and"):
        return None
    second = toks[j + 1].text
    if not ((second.isupper() and second.isalpha() and len(second) > 1) or second.lower() in _SHARED_FORCES):
        return None
    return j + 2 if toks[j + 2].low in _SHARED_NOUNS else None


# What may follow a rank that is also an adjective, when it names a person: "a major and two jawans".
_AFTER_RANK = {"and", ",", ".", ";", "were", "was", "who", "had", "have", "also"}


def _person_at(toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a person noun: one of the list, or "major" ending its phrase ("Two
    colonels and a major were killed"; not "a major attack")."""
    if toks[k].low in _PERSON_NOUNS:
        return True
    return toks[k].low == "major" and (k + 1 == len(toks) or toks[k + 1].low in _AFTER_RANK)


# What may come between "among" and the total it introduces: "among the at least 20 people".
# (besides the words of a bound, _BOUND_ONLY: "among up to 30 people killed")
_BEFORE_TOTAL = {"the", "almost", "roughly", "an", "estimated"}


def _first_count_after(toks: list[_Tok], u: int, starts: set[int]) -> int | None:
    """Where a count starts at ``u`` after at most three words that only qualify it, or None."""
    for v in range(u, min(u + 4, len(toks))):
        if v in starts:
            return v
        if toks[v].low not in _BEFORE_TOTAL and toks[v].low not in _BOUND_ONLY:
            return None
    return None


def _stop_between(toks: list[_Tok], lo: int, hi: int) -> bool:
    return any(toks[u].low == ";" or _full_stop(toks, u) for u in range(lo, hi))


def _kind_near(toks: list[_Tok], lo: int, hi: int) -> Kind | None:
    """The kind of the first casualty cue in ``toks[lo:hi]``, or None."""
    return next((kind for u in range(lo, min(hi, len(toks))) if (kind := _cue_kind(toks, u))), None)


def _total_of_among(toks: list[_Tok], t: int, nums: list[_Num], starts: set[int]) -> int | None:
    """Where the total that "among" at ``t`` ranks a part of starts: a count of casualties right
    after it ("among the 20 people killed"; not "among the 150 troops sent to the district"), or
    after "among those killed" / "among the dead" the count of the same kind in a relative clause of
    the same sentence ("... in the blast that killed 20 people"; not "which also wounded 20 people");
    None if none."""
    right_after = _first_count_after(toks, t + 1, starts)
    if right_after is not None:
        total = next(n for n in nums if n.first == right_after and not n.person)
        return right_after if _kind_near(toks, total.last + 1, total.last + 4) else None
    if t + 1 < len(toks) and toks[t + 1].low in ("those", "the"):
        kind = _kind_near(toks, t + 2, t + 4)
        for n in nums:
            if n.first > t and not n.person and not _stop_between(toks, t, n.first):
                relative = next((u for u in range(t + 2, n.first) if toks[u].low in ("that", "which")), None)
                if kind and relative is not None and _kind_near(toks, relative + 1, n.first) == kind:
                    return n.first
                return None
    return None


def _apposition(toks: list[_Tok], i: int, last: int, out: list[_Num]) -> bool:
    """Whether the mention "a ..." from ``i`` to ``last`` is an aside on the person mentioned right
    before its comma ("the mayor, a retired teacher, ..."), closed by a comma or the sentence's end
    and not continued by "and" (which makes it a list: "a soldier, a policeman, and a civilian")."""
    if toks[i].low not in ("a", "an") or i < 2 or toks[i - 1].low != ",":
        return False
    before = bool(out) and out[-1].last == i - 2  # a name before it may be counted by this mention
    if last + 1 < len(toks) and toks[last + 1].low == "of":  # "a resident of Sopore"
        end = next(
            (j for j in range(last + 2, min(last + 7, len(toks))) if toks[j].low in (",", ".", ";")), None
        )
        if end is None or any(_is_numword(t.low) or t.low.isdigit() for t in toks[last + 2 : end]):
            return False  # "a father of three": the count is read on its own
        last = end - 1
    after = [t.low for t in toks[last + 1 : last + 3]]
    closed = not after or after[0] in (".", ";") or (after[0] == "," and after[1:] != ["and"])
    return bool(before) and closed


def _pronoun_and_companion(toks: list[_Tok], i: int) -> tuple[int, int]:
    """1, or more with companions coordinated after the pronoun by a possessive: "injuring him and
    his colleague" (2), "killing him on the spot along with his son" (2), "killed him along with
    his three children" (4); and where the last companion ends. A companion opened by "a" ("killing
    him and a passer-by") is a person mention of its own and is counted there."""
    j = i + 1
    if [t.low for t in toks[j : j + 3]] == ["on", "the", "spot"]:
        j += 3
    count, last = 1, i
    # "killing him, his driver and his guard": each possessed companion of the list counts
    while (
        (width := _coordinator(toks, j)) and j + width < len(toks) and toks[j + width].low in ("his", "her")
    ):
        k = j + width + 1
        many = _word_value([toks[k].low]) if k < len(toks) and _is_numword(toks[k].low) else None
        if many is None and k < len(toks) and toks[k].low.isdigit():
            many = int(toks[k].low)
        age = k + 2 < len(toks) and toks[k + 1].low == "-" and toks[k + 2].low.startswith("year")
        if many is not None and age:
            many, k = None, k + 3  # "his 70-year-old father": an age, not a number of companions
        elif many is not None:
            k += 1
        person = next((m for m in range(k, min(k + 3, len(toks))) if toks[m].low in _PERSON_NOUNS), None)
        if person is None:
            break
        count += many or 1
        j, last = person + 1, person
    return count, last


# What may follow "her" when it is the object, not a possessive ("shot her dead", "killed her in
# her home", "wounded her, police said").
_AFTER_OBJECT = {
    "dead", "to", "in", "at", "on", "outside", "near", "inside", "while", "as", "when", "after",
    "before", "and", ",", ".", ";", "with", "from", "during", "",
}  # fmt: skip


def _pronoun_victim(toks: list[_Tok], i: int) -> bool:
    """ "Gunmen shot him dead", "militants killed her", "stabbed him to death", "wounded him":
    one person, told by a pronoun right after the casualty verb. The caller counts it only when no
    victim was counted before it in the sentence ("a policeman was attacked and they shot him
    dead" tells one death, not two)."""
    if i == 0 or toks[i].low not in ("him", "her"):
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if toks[i].low == "her" and nxt not in _AFTER_OBJECT and not nxt.endswith("ly"):
        return False  # "killed her husband": the husband, counted as a person mention
    verb = toks[i - 1].low
    before = [t.low for t in toks[max(0, i - 4) : i - 1]]
    if verb.endswith("ing") and before[-1:] != [","]:
        return False  # "aimed at killing him", "tried killing him": only ", killing him" tells it
    if _NOT_DONE & set(before[-2:]):
        return False  # "powerful enough to have killed him", "could have killed her"
    if _state_subject(toks, i - 1) or _attacker_before(toks, i - 1):
        return False  # "Troops shot him dead", "saw the suicide bomber before the blast killed him"
    if verb in _TO_DEATH and not _cue_kind(toks, i - 1):
        # "shot him" alone may not be a death; "beat him to death" is one, though "beat" alone
        # is no casualty verb
        return _split_kill(toks, i - 1)
    return _cue_kind(toks, i - 1) is not None and verb.endswith(("ed", "ing"))


# Words before a past participle that make the killing unreal: "could have killed him".
_NOT_DONE = {"would", "could", "might", "may", "should", "must", "to", "nearly", "almost"}


def _attacker_before(toks: list[_Tok], v: int) -> bool:
    """Whether one attacker is named in the sentence before the verb at ``v``, other than as its
    subject right before it ("A gunman shot him dead" keeps its victim)."""
    return any(toks[t].low in _PRONOUN_ATTACKERS for t in range(0, max(0, v - 3)))


_SUFFERED = {"sustained", "suffered", "received"}
# Plural person nouns without an s, which "the" or "their" does not count: "injured their children".
_UNCOUNTED_PLURALS = {"children", "men", "women", "people", "personnel", "police", "staff", "family", "crew"}
# Casualty words that are nouns, after which "the" opens no victim ("the death the militants caused").
_NOUN_CUES = {
    "death", "deaths", "injuries", "injury", "wounds", "wound", "bodies", "body", "toll", "life", "lives",
    "fatalities", "casualties",
}  # fmt: skip
_INCIDENT_NOUNS = {"incident", "attack", "case", "blast", "explosion", "encounter", "ambush", "development"}
# Words before a count that make its people something other than victims.
# Nouns after "another" that make it no person: "35 are killed in another attack".
_NOT_ANOTHER_PERSON = _INCIDENT_NOUNS | {
    "raid", "bombing", "assault", "strike", "shooting", "day", "time", "week", "month", "year",
    "village", "town", "city", "district", "area", "place", "part", "vehicle", "car", "bus",
    "truck", "building", "house", "way", "group", "round", "series",
}  # fmt: skip

_NOT_VICTIMS_BEFORE = {"arrested", "arrest", "detained", "nabbed", "held", "captured", "apprehended"}
# Things a person owns or runs, attacked in the person's name.
_OWNED = {"house", "home", "residence", "car", "vehicle", "office", "shop", "convoy", "farm", "compound"}

# Verbs of saying: the noun before one is the source of a report, not a victim or a target.
SAYING_VERBS = {
    "said",
    "says",
    "told",
    "tells",
    "added",
    "confirmed",
    "reported",
    "stated",
    "claimed",
    "explained",
}


_NOT_NAMES = _MONTHS | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _titled(tok: _Tok) -> bool:
    """A word of a personal name as news copy writes it ("Gajender", "Singh")."""
    return (
        tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.text.isalpha()
        and tok.low not in _NOT_NAMES
        and tok.low not in _FUNCTION_WORDS
    )


def _titled_person(toks: list[_Tok], k: int) -> bool:
    """A title written before a name ("and Constable Amresh Kumar"); not a force the copy
    capitalises ("and Police have registered a case", "and Security Forces launched ...")."""
    return (
        k + 1 < len(toks)
        and toks[k].low in _PERSON_NOUNS
        and toks[k].low not in _COLLECTIVE_PEOPLE
        and _titled(toks[k])
        and _titled(toks[k + 1])
        and toks[k + 1].low not in _PERSON_NOUNS
    )


def _of_a_thing(toks: list[_Tok], last: int) -> int | None:
    """The last token of an "of" phrase naming a thing or a place after a person noun ending at
    ``last``, when another person follows it ("the driver of a covered van and a day laborer", "THE
    MAYOR OF SANTA ANA AND HIS BODYGUARD"); None otherwise."""
    if last + 3 >= len(toks) or toks[last + 1].low != "of":
        return None
    first = last + 3 if toks[last + 2].low in ("a", "an", "the") else last + 2
    if first == last + 2 and not toks[first].text[:1].isupper():
        return None  # "of" and a lower-case word: "the mother of two children", no thing named
    for end in range(first, min(first + 3, len(toks) - 2)):
        if toks[end].low in _PERSON_NOUNS or toks[end].low[:1].isdigit() or not toks[end].text.isalpha():
            return None
        if toks[end + 1].low == "and" and toks[end + 2].low in ("a", "an", "his", "her", "their", "the"):
            return end
    return None


def _past_name(toks: list[_Tok], last: int) -> int:
    """The last token of the personal name that follows a person noun ending at ``last``, directly
    ("Assistant Commandant Gajender Singh and Constable ...") or as a comma aside ("A woman, Akli
    Devi, and a boy"); ``last`` itself when no name follows."""
    j = last + 1
    comma = j < len(toks) and toks[j].low == ","
    j += int(comma)
    identified = j + 1 < len(toks) and toks[j].low == "identified" and toks[j + 1].low == "as"
    if identified:
        # "A man, identified as Bahram Khan, and his son"; without the commas too: "An official
        # identified as Usman Gul and a passer by identified as Iftikhar were killed"
        j += 2
    end = j
    while end < len(toks) and end < j + 3 and _titled(toks[end]):
        end += 1
    if end == j:
        return last
    end += _age_tokens(toks, end)  # "identified as Athari Samson (54)", "... Samson 54" in bare copy
    if comma:
        # the aside must close on a comma before the coordination: ", Akli Devi, and"
        return end if end + 1 < len(toks) and toks[end].low == "," and toks[end + 1].low == "and" else last
    return end - 1


def _age_tokens(toks: list[_Tok], k: int) -> int:
    """Tokens of an age written at ``k`` after a name: "(54)" or a bare "54" (0 if none)."""
    if k + 2 < len(toks) and toks[k].low == "(" and toks[k + 1].low.isdigit() and toks[k + 2].low == ")":
        return 3 if int(toks[k + 1].low) < 100 else 0
    if k < len(toks) and toks[k].low.isdigit() and int(toks[k].low) < 100:
        return 1
    return 0


def _coordinator(toks: list[_Tok], j: int) -> int:
    """Tokens of "and" / "along with" / "together with" at ``j`` (0 if none): one more victim
    follows. A comma is one too when it opens a list that "and" closes: "killing him, his driver
    and a guard" (an aside closed by a comma, "the mayor, a retired teacher, was", is not)."""
    if j < len(toks) and toks[j].low == "and":
        return 1
    if j + 1 < len(toks) and toks[j].low in ("along", "together") and toks[j + 1].low == "with":
        return 2
    if j < len(toks) and toks[j].low == "," and _listed_person(toks, j + 1):
        return 1
    return 0


def _listed_person(toks: list[_Tok], det: int) -> bool:
    """Whether a person mention opened by a possessive or an article at ``det`` is followed by the
    "and" (or ", and") that closes a list of victims."""
    if det >= len(toks) or toks[det].low not in ("his", "her", "their", "a", "an"):
        return False
    for m in range(det + 1, min(det + 4, len(toks))):
        if toks[m].low in _PERSON_NOUNS:
            rest = [t.low for t in toks[m + 1 : m + 3]]
            return rest[:1] == ["and"] or rest == [",", "and"]
        if not toks[m].low.isalpha():
            return False
    return False


# Nouns after a person noun that make it a modifier, whatever the person noun: "a rebel attack",
# "a guerrilla harassment", "a militant hideout".
_NOT_PEOPLE_HEADS = {
    "attack", "attacks", "harassment", "ambush", "raid", "camp", "base", "hideout", "stronghold",
    "offensive", "position", "positions", "column", "group", "unit", "cell", "den", "outfit",
    "injury", "injuries", "wound", "wounds", "damage",  # "a minor injury"
}  # fmt: skip
# Person nouns that are as often a modifier of a thing: "a security post", "a police van".
_ATTRIBUTIVE = {"security", "police", "family", "crew", "staff"}


def _attributive(toks: list[_Tok], k: int) -> bool:
    if toks[k].low not in _ATTRIBUTIVE or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return (
        nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.low not in _FUNCTION_WORDS
        and nxt.low not in _CLAUSE
        and nxt.low not in _AUX
        and _cue_kind(toks, k + 1) is None
        and not nxt.low.endswith("ed")
    )


# Words before "to kill" that make the killing a threat, a plan or an order, not a death:
# "THREATENED TO KILL 10 COLOMBIAN JUDGES", "gave the order to kill the Jesuits".
_INTENT = {
    "threatened", "threatening", "threating", "threaten", "threatens", "threat", "threats", "vowed",
    "vow", "vows", "plan", "plans", "planned", "planning", "plot", "plotted", "plotting", "order",
    "orders", "ordered", "promised", "promise", "warned", "tried", "try", "trying", "attempted",
    "attempt", "attempting", "want", "wanted", "wants", "intended", "intend", "aimed", "going",
    "sworn", "swore", "conspiracy", "conspired", "bid", "sought", "seeking", "failed", "decided",
}  # fmt: skip


def _intended(toks: list[_Tok], k: int) -> bool:
    """Whether the casualty verb at ``k`` is an infinitive of intent ("threatened to kill"), or a
    killing an official "had claimed to have" done, years before ("A head constable, who had
    claimed to have killed a former militant in a controversial case in 2009, disappeared"). A
    confession or a charge keeps its toll: a past attack told with its toll is an incident."""
    if k >= 2 and toks[k - 1].low == "to" and toks[k - 2].low in _INTENT:
        return True
    if [t.low for t in toks[max(0, k - 4) : k]] != ["had", "claimed", "to", "have"]:
        return False
    # an official's claim, not an armed group's ("The Maoists had claimed to have killed 12 CRPF
    # personnel" keeps its toll)
    before = [t.low for t in toks[max(0, k - 16) : k - 4]]
    return any(w in _CLAIMING_OFFICIALS for w in before) and not any(_militant(w) for w in before)


# Who may have claimed a killing of years before in the state's name.
_CLAIMING_OFFICIALS = {"constable", "officer", "official", "inspector", "policeman", "soldier", "commander"}


def _cue_kind(toks: list[_Tok], k: int) -> Kind | None:
    low = toks[k].low
    if k > 0 and toks[k - 1].low == "no":
        return None  # "the three men suffered no wounds": a negation (_NEGATION), not a count
    if low in _INJURY_CUES:
        if (
            k > 0
            and toks[k - 1].low in ("fatal", "mortal")
            and low in ("injuries", "injury", "wounds", "wound")
        ):
            return "killed"  # "sustained fatal injuries"
        return None if _intended(toks, k) else "injured"
    if low in _KILL_CUES:
        if _intended(toks, k):
            return None
        possessed = k > 0 and toks[k - 1].low in ("their", "his", "her", "lost", "claimed")
        counted = k > 0 and toks[k - 1].low.isdigit()
        # "claiming the life of a manager"
        claimed = k > 1 and toks[k - 1].low == "the" and toks[k - 2].low.startswith("claim")
        if low in ("life", "lives") and not possessed and not counted and not claimed:
            return None
        if low == "death" and k + 1 < len(toks) and toks[k + 1].low == "toll":
            return None  # the cue is "toll"
        return "killed"
    if low == "shot" and k + 1 < len(toks) and toks[k + 1].low == "dead":
        return None  # "dead" is the cue
    if low == "gunned" and k + 1 < len(toks) and toks[k + 1].low == "down":
        return "killed"
    if low in ("shot", "stabbed") and k > 0 and toks[k - 1].low == "fatally":
        return "killed"  # "was fatally shot", "were fatally stabbed"
    return None


_WINDOW = 7
_LONG_WINDOW = 12  # "nine Mexican police officers in the state of Jalisco are shot dead"
_BRACKET_SLACK = 8  # bracketed tokens a cue may lie beyond the window ("(TJ)", "(21)")
_ASIDE_SLACK = 24  # tokens of a comma aside a passive cue may lie beyond it ("..., including X, were")
# An article's noun phrase ends at these: "an encounter with Maharashtra Police" counts no one.
_FUNCTION_WORDS = {
    "with",
    "of",
    "in",
    "on",
    "at",
    "by",
    "from",
    "for",
    "to",
    "and",
    "or",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "was",
    "were",
    "is",
    "are",
    "who",
    "which",
    "that",
    "near",
    "after",
    "before",
}
_CLAUSE = {"while", "whereas", "and", "but", "whilst"}
_AUX = {"was", "were", "is", "are", "been", "be", "got", "get", "also", "reportedly", "allegedly", "shot"}
# Words that make "no ... were killed" a question, not a toll: "no word on how many were killed".
_NOT_A_TOLL = (
    r"(?!(?:how|many|much|whether|if|word|details?|information|indication|idea|immediate\w*|less|more|"
    r"fewer)\b)"
)
_NEGATION = re.compile(
    r"\b(?:no\s+(?:other\s+|further\s+|reports?\s+of\s+(?:any\s+)?)?(?:human\s+)?"
    r"(?P<cas>casualt(?:y|ies)|loss of (?:life|lives))|"
    # "did not cause any casualties", "did not result in any casualty", "without any loss of life"
    # (a verb of causing only: "did not disclose casualties" says nothing of the toll)
    # "exploded on the road without causing any damage" (no harm done at all, no one hurt either)
    r"(?:(?:did\s+not|didn't)\s+(?:cause|result\s+in|lead\s+to|leave)|without(?:\s+causing)?)\s+"
    r"(?:any\s+)?(?:human\s+)?(?P<caused>casualt(?:y|ies)|loss of (?:life|lives)|(?<=human\s)loss(?:es)?)|"
    # "did not cause injuries" (not "escaped without injury": one man unhurt, not the toll)
    r"(?:(?:did\s+not|didn't)\s+(?:cause|result\s+in|lead\s+to)|without\s+causing)\s+(?:any\s+)?"
    r"(?P<caused_hurt>injur(?:y|ies))|"
    r"(?:(?:did\s+not|didn't)\s+cause|without\s+causing)\s+(?:any\s+)?(?P<damage>damage)(?!\s+to\b)|"
    # "no one was hurt", "none of the SF personnel was injured", "no AR personnel sustained injuries"
    # ... "NOT A SINGLE PERSON WAS KILLED", "not one person was hurt"
    r"(?:no\s+one|nobody|none(?:\s+of\s+the)?|no|not\s+(?:a\s+single|one)(?!\s+but\b)(?:\s+of\s+the)?)\s+(?:"
    + _NOT_A_TOLL
    + r"[\w()-]+\s+){0,3}?"
    r"(?:was|were|is|are|has been|have been|got|sustained|suffered)\s+(?:any\s+|serious\s+)?"
    r"(?P<cue>killed|hurt|injured|wounded|harmed|injury|injuries)|"
    # "did not harm anyone", "did not harm any staff", "the driver was not hurt", "suffered no
    # wounds", "escaped unhurt"
    r"(?:did\s+not|didn't)\s+(?P<anyone>harm|hurt|injure|kill)\s+any(?:one|body|\s+(?:of\s+the\s+)?"
    r"(?P<any_people>staff|employees|workers|villagers|passengers|civilians|people|persons|residents|hostages"
    r"|labourers|laborers|guards|personnel))|"
    r"(?:was|were)\s+not\s+(?P<not_hurt>hurt|injured|harmed|wounded)|"
    r"(?:suffered|sustained)\s+no\s+(?P<no_wounds>wounds|injur(?:y|ies))|"
    r"(?:escaped|were|was)\s+(?:\w+\s+)?(?P<unhurt>unhurt|unharmed|unscathed|unscratched)|"
    # "no injuries", "there were no reports of injuries or damage"
    r"no\s+(?:reports?\s+of\s+(?:any\s+)?)?(?P<noun>deaths?|injur(?:y|ies)|fatalit(?:y|ies)))\b",
    re.I,
)


def parse_casualties(text: str) -> Casualties:
    """Killed and injured counts in ``text`` (one sentence or a short passage). Never raises."""
    try:
        return _parse(text)
    except Exception:  # the parser must never take a worker down; an empty result is safe
        return Casualties()


# Words that open an aside between a count and its verb: "Three people, including a PPP
# candidate, Aslam Channa, were killed"; "six rangers in the park, famous for its gorillas, were".
_ASIDE_OPENERS = {
    "including", "famous", "known", "mostly", "all", "both", "most", "among", "who", "many", "identified",
    "namely",
}  # fmt: skip


_VERBS_OF_BEING = {"was", "were", "is", "are", "been", "be", "had", "has", "have"}


# How badly, between "sustained" and "injuries": "sustained serious injuries"
_HOW_BADLY = {"serious", "critical", "severe", "grievous", "minor"}


def _suffered_badly(toks: list[_Tok], k: int) -> bool:
    """ "sustained serious injuries" with the cue at ``k``: the verb before the severity word."""
    return k >= 2 and toks[k - 1].low in _HOW_BADLY and toks[k - 2].low in _SUFFERED


def _aside(toks: list[_Tok], last: int, k: int) -> int:
    """How many tokens of a comma-delimited aside lie between a count ending at ``last`` and its
    passive cue at ``k`` ("..., including a candidate, Aslam Channa, were killed"): the aside
    opens with a word of ``_ASIDE_OPENERS`` and closes on the comma right before "were/was"."""
    if toks[k].low == "dead" and k > 0 and toks[k - 1].low == "shot":
        return _aside(toks, last, k - 1)  # "..., identified as X and Y, were shot dead"
    if k >= 3 and _suffered_badly(toks, k):
        return _aside(toks, last, k - 1)  # "..., identified as X, sustained serious injuries"
    if k >= 3 and toks[k - 1].low == "been" and toks[k - 2].low in ("have", "has", "had"):
        return _aside(toks, last, k - 1)  # "..., including the commander, have been injured"
    bare = k >= 2 and toks[k - 1].low == ","  # "18 others, including a Policeman and children, injured in"
    if k < 2 or (toks[k - 1].low not in _VERBS_OF_BEING | _SUFFERED and not bare):
        return 0
    # the closing comma; copy often drops it after an "including" list ("three others, including
    # two girls and the driver were injured") or a list of names
    close = k - 1 if bare else k - 2 if toks[k - 2].low == "," else k - 1
    first = next((t for t in range(last + 1, close) if toks[t].low == ","), None)
    if bare and (first is None or toks[first + 1].low != "including"):
        return 0  # a bare participle after a comma closes only an "including" aside
    if bare and _main_verb_after(toks, k):
        return 0  # "Eight people, including ..., injured in the two attacks, were admitted": a reduced clause
    if first is not None and close == k - 2 and first <= last + 3 and _names_only(toks[first + 1 : close]):
        return close - first  # "another two shopkeepers, Aslam and Sajjad, were injured": their names
    if first is None or toks[first + 1].low not in _ASIDE_OPENERS:
        return 0
    if close == k - 1 and toks[first + 1].low not in ("including", "identified", "namely"):
        return 0  # "Three Shia men, identified as A, B and C were killed": names need no comma
    inside = toks[first + 1 : close]
    opener = toks[first + 1].low
    # "ten others, including five security men and a woman, were wounded": a list inside an
    # "including" aside; "Four Rangers personnel, identified as Qasim Ali (30) and Akhtar Ali,
    # were shot dead": the names of the counted, with their ages; elsewhere an "and" joins clauses
    joins = (";",) if opener in ("including", "among", "identified", "namely") else ("and", ";")
    named = opener in ("identified", "namely")
    if any(
        t.low in _VERBS_OF_BEING
        or t.low in joins
        or (t.low[:1].isdigit() and not (named and _aged(inside, i)))
        for i, t in enumerate(inside)
    ):
        return 0  # "300 worshippers, many of them children, were inside ..., and four people ..."
    return close - first


def _main_verb_after(toks: list[_Tok], k: int) -> bool:
    """Whether a form of "to be" follows the participle at ``k`` in its sentence, within
    twice ``_ASIDE_SLACK`` tokens (a page-long "sentence" is not scanned to its end): then the
    participle only describes its noun, and the sentence says something else of it."""
    for t in range(k + 1, min(len(toks), k + 2 * _ASIDE_SLACK)):
        if toks[t].low == ";" or _full_stop(toks, t):
            return False
        if toks[t].low in ("was", "were", "is", "are"):
            return True
    return False


def _names_only(inside: list[_Tok]) -> bool:
    """Whether an aside is a list of personal names and nothing else: "Aslam and Sajjad"."""
    return any(_name_word(t) for t in inside) and all(
        (
            _name_word(t)
            and t.low not in _NOT_NAMES
            and t.low not in _FUNCTION_WORDS
            and t.low not in _PERSON_NOUNS
        )
        or t.low in ("and", ",")
        for t in inside
    )


def _aged(toks: list[_Tok], i: int) -> bool:
    """Whether the number at ``i`` is an age in brackets after a name: "Qasim Ali (30)"."""
    return 0 < i < len(toks) - 1 and toks[i - 1].low == "(" and toks[i + 1].low == ")"


# "X was shot", not "shot dead/down/at/back", not "shot to death"
_WAS_SHOT = re.compile(
    r"\b(?P<subject>[A-Za-z]+)\s+(?i:was)\s+(?:(?!(?i:fatally))(?i:\w+ly)\s+)?(?P<verb>(?i:shot|stabbed))\b"
    r"(?!\s+(?i:dead|down|at|back|upon|to\s+death|and\s+(?:killed|died)))"
)
# Who was shot may be the attack's own man: "The suicide bomber was shot by guards".
_ATTACKER_SUBJECTS = {
    "bomber", "attacker", "assailant", "gunman", "militant", "terrorist", "insurgent", "suspect",
    "rebel", "guerrilla", "knifeman", "perpetrator", "shooter", "assassin", "kidnapper", "hijacker",
}  # fmt: skip
# What an attacker does, right after the words that name him.
_ATTACK_VERBS = {
    "opened", "fired", "shot", "attacked", "hurled", "lobbed", "threw", "stormed", "detonated",
    "blew", "stabbed", "ambushed", "abducted", "kidnapped", "targeted", "sprayed",
}  # fmt: skip


def _acting_attacker(toks: list[_Tok], num: _Num) -> bool:
    """ "an unidentified gunman opened fire": a single attacker who acts (the next word an attack
    verb) is who hurt the victims, not one of them; so are attackers counted ("was injured when
    two unidentified armed assailants fired at the shop")."""
    head = num.last
    if not num.person:
        # up to two modifiers between the number and the attackers' noun
        head = next(
            (t for t in range(num.last + 1, min(num.last + 4, len(toks))) if toks[t].low in _PERPETRATORS), -1
        )
        if head < 0 or not all(
            toks[t].low.isalpha()
            and toks[t].low not in _FUNCTION_WORDS
            and toks[t].low not in _PERSON_NOUNS  # "two shopkeepers as militants fired"
            and toks[t].low not in ("as", "when", "while", "after", "before")
            and _cue_kind(toks, t) is None
            for t in range(num.last + 1, head)
        ):
            return False  # "three injured when militants attacked": the three are hurt
    j = head + 1
    return (
        (toks[head].low in _ATTACKER_SUBJECTS or (not num.person and toks[head].low in _PERPETRATORS))
        and j < len(toks)
        and toks[j].low in _ATTACK_VERBS
        and not (j + 1 < len(toks) and toks[j].low == "shot" and toks[j + 1].low in ("dead", "by"))
    )


_DIED_AFTER = re.compile(
    r"\b(?:died|dies|dead|death|killed|succumbed|murdered|assassinated|body|bodies|fatally|lifeless)\b", re.I
)
# A plural antecedent just before "who": "Five policemen who ...", "the injured, who ..."
_PLURAL_BEFORE = re.compile(
    r"(?:\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\b[^.;,]*|s)\s+$", re.I
)


def _one_died(text: str, m: re.Match[str], caps: bool) -> bool:
    """Whether "<who> died" at ``m`` is one person dead of the attack: a capitalised name the text
    followed before ("fired at Rabha ... Rabha died") or one told dying of it ("died on the spot",
    "died in the explosion"); in copy without capitals any word, told dying of it. Not a group or
    no one ("nobody died", "the policemen died"), not the attacker ("the bomber died", "the
    attacker, Ahmed, died"), not an illness."""
    who = m.group("who")
    low = who.lower()
    of_it = _DIED_OF_IT.match(text, m.end()) is not None
    if who.islower() and (caps or not of_it):
        return False
    if (
        low in _NOT_ONE
        or low in _FUNCTION_WORDS
        or low in _NOT_NAMES
        or low in _ONE_ATTACKER
        or low in _PERPETRATORS
        or low in _MILITANT_NOUNS
        or _PEOPLES.search(who) is not None  # "Policemen", "Shias"
        or (not who.islower() and low.endswith(("is", "as")) and len(low) > 5)  # "Kashmiris", "Hazaras"
        or (low.endswith("s") and low in _PERSON_NOUNS)
        or (
            who.islower()
            and low.endswith(("men", "ians", "ers", "ists", "ants", "ents", "ees", "ies", "als"))
        )
    ):
        return False
    if _ATTACKER_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _ILLNESS.match(text, m.end()):
        return False
    if of_it:
        return True
    before = text[max(0, m.start() - 2000) : max(0, m.start() - 1)]
    return re.search(rf"\b{re.escape(who)}\b", before) is not None


# "The attacker, Ahmed, died", "a Maoist cadre identified as Kotesu died": the attack's own man
_ATTACKER_BEFORE = re.compile(
    r"\b(?:attacker|assailant|bomber|gunman|militant|terrorist|insurgent|rebel|cadre|guerrilla)s?\s*,?\s*"
    r"(?:(?:identified|named|known)\s+as\s+|named\s+|called\s+)?(?:[A-Z][a-z]+\s+){0,2}$",
    re.I,
)
# "died in hospital after a long illness"
_ILLNESS = re.compile(
    r"[^.;]{0,60}\b(?:illness|cancer|heart\s+attack|natural\s+causes|disease|hunger\s+strike|custody)\b", re.I
)
# Subjects of "died" that are no one person: "many died", "civilians died", "who died".
_NOT_ONE = {
    "many", "several", "some", "all", "most", "others", "people", "persons", "who", "which", "that",
    "they", "both", "few", "dozens", "hundreds", "scores", "he", "she", "everyone", "everybody",
    "nobody", "none", "one", "children", "women", "men", "police", "personnel", "family", "crew",
    "staff", "troops", "bomb", "device", "explosion", "blast", "group", "team", "unit", "convoy", "suspect",
    "prisoner", "accused", "detainee", "inmate", "have", "has", "had",
}  # fmt: skip
# How a death from the attack is told: "Rabha died on the spot", "died of his injuries in hospital".
_DIED_OF_IT = re.compile(
    r"\s+(?:on\s+the\s+spot|instantly|at\s+the\s+scene|on\s+the\s+way\s+to|en\s+route|"
    r"of\s+(?:his|her)\s+(?:injuries|wounds)|in\s+(?:the\s+)?hospital|"
    r"(?:of|from)\s+(?:his\s+|her\s+|the\s+)?(?:gunshot|bullet|stab)\s+(?:injuries|wounds)|while\s+being\s+(?:taken|shifted|rushed)|"
    r"in\s+the\s+(?:explosion|blast|attack|firing|ambush|shooting)|"
    # "DIED TONIGHT 2 HOURS AFTER HAVING BEEN SHOT IN AN ATTACK"
    r"(?:\s*(?:today|tonight|yesterday|later|\w+day))?\s+(?:\d+\s+hours?\s+)?after\s+(?:being|having\s+been)\s+"
    r"(?:shot|attacked|wounded|injured|stabbed))",
    re.I,
)
# Words that open a clause about an earlier killing: "after gunmen shot dead ...", "which killed".
_BACKGROUND_CLAUSE = re.compile(r"\b(?:which|who|that|after|since|following|before)\b[^.;,]*$", re.I)
# Verbs that kill "to death"; a court's sentence does not.
_TO_DEATH = {
    "shot", "stabbed", "hacked", "beaten", "burnt", "burned", "stoned", "tortured", "lynched",
    "bludgeoned", "clubbed", "strangled", "gunned", "beat",
}  # fmt: skip
_WERE_SHOT = re.compile(
    r"\b(?i:were)\s+(?:(?!(?i:fatally))(?i:\w+ly)\s+)?(?i:shot|stabbed)\b"
    r"(?!\s+(?i:dead|down|at|back|upon|to\s+death|and\s+(?:killed|died)|in\s+the\s+head"
    # "Two protesters were shot by police": no attack's victims
    r"|by\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:police|troops|soldiers|security\s+forces|army|policemen)))"
)
_ONE_DEAD = re.compile(
    # "The United States confirms the death of ISIL hostage Kayla Mueller": a death announced, not
    # one recalled ("avenge the death of Mullah Dadullah")
    r"\b(?i:confirm(?:s|ed)?|announc(?:es|ed)|report(?:s|ed)?|mourn(?:s|ed)?) the (?i:death) of "
    r"(?:(?:an?|the|ISIL|ISIS|IS)\s+)?(?:(?i:hostage|journalist|aid worker|soldier|policeman|police officer|"
    r"officer|leader|commander|politician|judge|lawmaker)\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+\b"
    # "A former Ukrainian soldier assassinates former Russian Duma deputy Denis Voronenkov": the
    # sentence's own verb, not a relative clause ("the LTTE, which assassinated ... in 1991")
    r"|(?<!which )(?<!who )(?<!that )\b(?i:assassinat(?:ed|es))\s+(?!(?i:in|at|on|near|by|during|outside)\b)"
    r"(?:[\w-]+\s+){0,5}?[A-Z][a-z]+\s+[A-Z][a-z]+\b(?![^.;]{0,40}\b(?:19|20)\d\d\b)"
)


def _death_follows(text: str, end: int) -> bool:
    """Whether a death is told after ``end`` in this sentence or the next ("He died in hospital")."""
    after = text[end : end + 400]
    stop = re.search(r"[.!?]\s", after)
    if stop:  # this sentence and the next
        then = re.search(r"[.!?](?:\s|$)", after[stop.end() :])
        after = after[: stop.end() + (then.end() if then else len(after))]
    return _DIED_AFTER.search(after) is not None


_NAMED_VICTIM = re.compile(
    r"\b(?P<verb>(?i:shot dead|gunned down|killed|murdered|hacked to death|beheaded|assassinated|"
    r"shot and (?:killed|injured|wounded)|injured|wounded))\s+"
    r"(?:(?P<name>(?:[A-Z][a-z]+\s+){1,3})\((?:aged\s+)?\d{1,2}\)"
    # "shot dead Aijaz Ahmad, a school principal": a name of two or three words, then who he was
    r"|(?P<titled>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),\s+(?:a|an|the)\s+(?=[a-z]))"
)


# "Maoists killed Sodi Hidma 30 and Madvi Joga 28 The bodies were found": named people, each with a
# bare age after the name (copy without brackets or commas), right after the verb of their fate
_NAMED_BARE_AGES = re.compile(
    r"\b(?P<verb>(?i:shot dead|gunned down|killed|murdered|hacked to death|beheaded|executed|"
    r"shot and (?:killed|injured|wounded)|injured|wounded))\s+"
    r"(?P<people>(?:[A-Z][a-z]+\s+){2,3}\d{1,2}(?:\s+and\s+(?:[A-Z][a-z]+\s+){2,3}\d{1,2})*)"
    r"(?=\s+[A-Z]|\s+(?:in|at|near|on)\s|\s*[,.;]|\s*$)"
)


# "TODD RAY WILSON, 20 YEARS OLD, AND JEFFREY BRENT BALL, 21, WERE MURDERED": named people listed
# with their ages in commas, then a plural verb of their fate
_LISTED_WITH_AGES = re.compile(
    r"(?:\b(?!(?:in|by|of|at|on|from|and|his|her|their|the|a)\b)[A-Za-z]+"
    r"(?:\s+(?!(?:in|by|of|at|on|from|and|his|her|their|the|a)\b)[A-Za-z]+){1,3},\s+\d{1,2}"
    r"(?:\s+years\s+old)?,\s+(?:and\s+)?)+"
    r"were\s+(?:\w+\s+)?(?P<verb>killed|murdered|shot\s+dead|assassinated|wounded|injured)\b",
    re.I,
)


# "Unidentified gunmen killed former MLA Rajesh Kumar in Imphal", "shot dead Mostafizur Rahman":
# the object of an active killing verb is a person's name, told by its form alone: two to five
# capitalised words (titles included) that end the phrase, so "killed Afghan National Army
# soldiers" (a noun follows) and "killed in Lashkar Gah" (a preposition first) are not names.
_NAME_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt)\.|[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?|[A-Z]\.|[A-Z]{2,4})"
)
_NAMED_OBJECT = re.compile(
    r"\b(?P<verb>(?i:shot dead|shoots dead|gunned down|guns down|killed|kills|killing|murdered|murders|"
    r"assassinated|assassinates|beheaded|beheads|hacked to death|stabbed to death|shot and killed))\s+"
    r"(?P<role>(?:[a-z]+\s+){0,2})"
    # "killed Pakistan Peoples Party leader Bashir Bilour": whose office, then the name
    # (no preposition: "killed Muhammad Ramzan in Dasht Mughalzai" names him, not a place's office)
    r"(?:(?:" + _NAME_WORD + r"\s+){1,4}(?P<office>(?!(?:and|in|at|near|on|of|from|to|by|with)\b)[a-z]+"
    r"(?:\s+(?!and\b)[a-z]+)?)\s+)?"
    # "shot dead Sarpanch (head of village Panchayat) Habibullah Mir": a title the copy glosses
    r"(?:" + _NAME_WORD + r"\s+\([A-Za-z][^()]{2,60}\)\s+)?"
    r"(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,4})"
    # "and his son", "and Bashir Ali", "and Sepoy Mohan Lal": one more person
    r"(?P<more>\s+and\s+(?:(?:his|her)\s+[a-z]+(?:\s+" + _NAME_WORD + r"){0,3}"
    r"|" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}))?"
    r"(?=\s*[,.;:(]|\s+(?:in|at|near|on|of|from|while|when|after|as|outside|inside|who|with|and|"
    r"during|late|early|last|yesterday|today)\b|\s*$)"
)
# Peoples, faiths and men in the plural: "killed Kashmiri Pandits", "Hazara Shias", "Policemen died"
_PEOPLES_PLURAL = (
    r"Muslims|Shias|Sunnis|Kurds|Pandits|Christians|Hindus|Sikhs|Jews|Yazidis|Copts|Ahmadis|Tamils|[a-z]+men"
)
# Last words of a capitalised run that make it a force, a body, a place or a people, not a person.
_NOT_A_PERSON_END = re.compile(
    r"(?:Police|Army|Forces?|Corps|Rifles|Guards?|Party|Front|Battalion|Regiment|Brigade|Department|"
    r"Ministry|Government|Council|Committee|Agency|Authority|Province|District|Village|City|State|"
    r"Region|Area|Camp|Station|Post|Market|Mosque|Church|Temple|Hospital|School|College|University|"
    r"Office|Road|Bazaar|Airport|Base|Hotel|Group|Movement|Militia|Brotherhood|Organi[sz]ation|"
    r"Company|Bank|Haram|" + _PEOPLES_PLURAL + r"|[a-z]+ans|[a-z]+ites|[a-z]+ists|[a-z]+ers|[A-Z]{2,4}s?)$"
)
# The same peoples as one word: "Shias died", "Policemen died"
_PEOPLES = re.compile(r"(?:" + _PEOPLES_PLURAL + r")$")
_SINGLED_OUT = vocabulary("singled_out")
_ROLE_OK = (
    _PERSON_NOUNS
    | _SINGLED_OUT
    | {"former", "retired", "senior", "local", "deputy", "police", "village", "party", "head", "station"}
    | {"assistant", "mla", "mp", "trader", "journalist", "officer", "official", "activist", "worker"}
)


def _named_object_role(role: str) -> bool:
    """Whether the lower-case words between the verb and the name are a role ("former MLA",
    "police constable") or nothing, not a preposition or a count ("in", "two")."""
    words = role.split()
    return all(w in _ROLE_OK for w in words)


# "ALLEGED TERRORISTS TODAY KILLED DOLORES HINOSTROZA, THE MAYOR OF MULQUI DISTRICT": in upper-case
# wire copy a name is told by the office in commas after it, or by the office before it ("MURDERED
# MAYOR JOSE PEREZ IN SAN MIGUEL", "KILLED PRESIDENCY MINISTER ANTONIO RODRIGUEZ PORTH")
_OFFICE = "|".join(sorted((w.upper() for w in _SINGLED_OUT), key=len, reverse=True))
_NAMED_UPPER = re.compile(
    r"\b(?P<verb>KILLED|MURDERED|ASSASSINATED|SHOT DEAD|KIDNAPPED AND KILLED)\s+"
    r"(?:(?P<name>[A-Z]+(?:\s+[A-Z]+){1,3}),\s+(?:THE|A|AN)\s+(?P<role>(?:[A-Z0-9-]+\s+){0,2}[A-Z]+)\b"
    r"|(?:FORMER\s+)?(?:[A-Z]+\s+)?(?:" + _OFFICE + r")\s+(?P<named>[A-Z]+(?:\s+[A-Z]+){1,2})"
    r"(?P<more>\s+AND\s+HIS\s+[A-Z]+)?"
    r"(?=\s*[,.;]|\s+(?:IN|ON|AT|NEAR|AND|WHILE|WHEN|AFTER|OUTSIDE|INSIDE|YESTERDAY|TODAY|LAST)\b))"
)
_NAMED_CASELESS = re.compile(_NAMED_UPPER.pattern, re.I)

# "The death toll from the drone and missile attack on a mosque ... in Ma'rib, Yemen, has risen to
# 116": a toll that rose is the new total of the dead, however long the phrase before the verb.
_TOLL_NOW = re.compile(
    r"\bdeath\s+toll\b[^.;]{0,160}?\s(?:has\s+|have\s+|had\s+)?(?:now\s+)?"
    r"(?:risen|rose|rises|climbed|climbs|reached|reaches|jumped|jumps|increased|increases|stands|stood|"
    r"grew|grows|went\s+up|goes\s+up|gone\s+up)"
    r"\s+(?:up\s+to\s+|to\s+|at\s+)?(?:a\s+record\s+(?:high\s+of\s+)?)?"
    r"(?P<bound>(?:at\s+least|more\s+than|over|nearly|about|some|around)\s+)?"
    r"(?P<n>\d[\d,]*|(?!an?\b)[a-z]+(?:-[a-z]+)?)\b",
    re.I,
)
# A toll over a period, not one attack's: "the death toll this year has risen to 1,200"
_AGGREGATE_TOLL = re.compile(
    r"\bthis\s+(?:year|month|week)\b|\bthe\s+(?:year|month)\b|\boverall\b|\btotal\b|\bso\s+far\b|\bsince\b|"
    r"\b(?:in|of)\s+(?:19|20)\d\d\b|\b(?:war|conflict|insurgency|violence|fighting|unrest|clashes|epidemic)\b",
    re.I,
)
_ALSO = re.compile(r"\balso\b", re.I)

# further "Name (age)" items after a named victim: ", Ram Singh (40) and his son Sita Ram (35)"
_MORE_NAMED = re.compile(
    r"(?:\s*(?:,|and|,\s*and)\s+(?:(?:his|her|their)\s+\w+\s+)?"
    r"(?:[A-Z][a-z]+\s+){1,3}\((?:aged\s+)?\d{1,2}\))*"
)


def _has_object(toks: list[_Tok], k: int, firsts: list[int]) -> bool:
    """Whether the active casualty verb at ``k`` has a count of its own right after it ("and wound
    53 other people", "killing at least five"): then a count before it is not what it did."""
    j = k + 1
    while j < len(toks) and toks[j].low in _BOUND_ONLY:
        j += 1
    at = bisect_left(firsts, j)
    return at < len(firsts) and firsts[at] == j


# Who kills militants when it is no attack on them: "the army claims to have killed 100 terrorists".
_STATE_FORCES = vocabulary("state_forces")


# "a combat operation that killed 75 persons": the forces' operation, whoever it killed; not the
# attackers' ("the Maoist operation", "a rebel offensive", "the joint operation ... by LeT and JeM")
_STATE_OPERATIONS = {
    "military",
    "army",
    "combat",
    "security",
    "police",
    "counterinsurgency",
    "counter-insurgency",
}


def _killed_by_the_state(toks: list[_Tok], num: _Num, cue: int) -> bool:
    """A count of militants that state forces killed ("the Pakistan Army claims to have killed
    more than 100 terrorists", "troops killed 12 insurgents"): the militants' losses in an
    operation, not an attack's toll. Only with the verb before the count and the state forces
    before the verb in the same clause. Also anyone "a combat operation that killed 75 persons"
    counts: an operation a state word names is the forces', whoever it killed."""
    if (
        cue >= 3
        and toks[cue - 1].low in ("that", "which")
        and toks[cue - 2].low in ("operation", "operations", "offensive", "crackdown")
        and toks[cue - 3].low in _STATE_OPERATIONS
    ):
        return True
    if toks[cue].low in ("body", "bodies") and not any(
        t.low in _FORCES_ANSWER or t.low in _OPERATIONS for t in toks[cue : cue + 12]
    ):
        # "Police recovered the bodies of the two cadres": found, not killed, by them (unless
        # "after the encounter": their own operation's dead)
        return False
    # "troops killed 20 rebel fighters", "the CRPF killed three Maoists"
    fighters = _PERPETRATORS | _MILITANT_NOUNS
    if _head_noun(toks, num) not in fighters and (
        num.last + 1 >= len(toks) or toks[num.last + 1].low not in fighters
    ):
        return False
    return _state_subject(toks, cue)


# Words for militants as a count's people: "15 Maoists", "14 militants".
_MILITANT_NOUNS = {
    "gunmen", "militants", "attackers", "assailants", "bombers", "insurgents", "rebels", "terrorists",
    "guerrillas", "maoists", "naxals", "naxalites", "jihadists", "extremists", "cadres", "fighters",
    "militiamen", "separatists", "taliban", "cadre",
}  # fmt: skip
# Either: no victim as the object of a split killing verb ("shot the gunman to death")
_ATTACKER_WORDS = frozenset(_ATTACKER_SUBJECTS | _MILITANT_NOUNS)


def _state_reports_militants(toks: list[_Tok], num: _Num) -> bool:
    """A count of militants that state forces report dead ("The Egyptian Military said 14 militants
    were killed in the attack", "Police also claimed to have gunned down at least 15 Maoists"): the
    attackers' losses as the forces tell them, not the attack's toll, which the annotation counts
    only when the text puts them in it. The saying verb within eight words before the count, in
    its clause, and state forces its subject."""
    if not {t.low for t in toks[num.last + 1 : num.last + 3]} & _MILITANT_NOUNS:
        return False
    b = num.first - 1
    while b >= 0 and num.first - b <= 8 and toks[b].low not in SAYING_VERBS:
        if toks[b].low in (",", ";", ".", "and", "but", "while"):
            return False
        b -= 1
    return b >= 0 and toks[b].low in SAYING_VERBS and _state_subject(toks, b)


# Words for one militant or suspect a count can be of: "A woman CPI Maoist cadre", "one IS suspect".
_ONE_MILITANT = {
    "cadre", "militant", "terrorist", "suspect", "suspects", "insurgent", "rebel", "guerrilla", "maoist",
    "naxal", "naxalite", "jihadist", "extremist", "separatist", "fighter", "militiaman", "commander",
}  # fmt: skip
# The forces as the agent of a passive killing: "killed by the Anti Terrorist Squad", "shot dead by
# police", "killed in an alleged encounter with Police", "killed in Police shootout".
_FORCE_AGENTS = _STATE_FORCES | {
    "ats", "rangers", "commandos", "sfs", "sf", "crpf", "bsf", "security", "squad", "force", "ctd", "drg",
    "stf", "cobra",
}  # fmt: skip
# A force named by its initials or its kind is the state acting too ("The Counter Terrorism
# Department (CTD) killed four suspected terrorists", "Rangers killed two militants"); not "force",
# "squad" or "security" alone ("a rebel force killed 20 soldiers", "a hit squad").
# (nor "commandos": "FMLN URBAN COMMANDOS MURDERED THE MAYOR"; and such a name must open its
# clause: "Maoists ambush CRPF team in Sukma killing Head Constable Ram Singh")
_STATE_SUBJECTS = _STATE_FORCES | (_FORCE_AGENTS - {"force", "squad", "security", "commandos"})
_OPERATIONS = {
    "encounter",
    "shootout",
    "gunfight",
    "operation",
    "raid",
    "crossfire",
    "firing",
    "fire",
    "exchange",
}


def _with_its_own_cue(toks: list[_Tok], num: _Num, cue_at: Container[int]) -> bool:
    """A count after "with" whose own participle follows it: "left five dead with 12 people
    injured", "killing three, with 20 others wounded"; it is not the object of a cue before it."""
    if num.first == 0 or toks[num.first - 1].low != "with":
        return False
    return any(t in cue_at for t in range(num.last + 1, min(len(toks), num.last + 4)))


def _in_an_operation(toks: list[_Tok], num: _Num) -> bool:
    """Militants counted in a relative clause of the forces' operation: "the encounter in which 10
    Maoists were gunned down", "a raid during which five militants were killed"."""
    if num.first < 3 or toks[num.first - 1].low != "which" or toks[num.first - 2].low not in ("in", "during"):
        return False
    before = {t.low for t in toks[max(0, num.first - 6) : num.first - 2]}
    # (not "the retaliatory fire in which one Maoist cadre was killed": the attack's own answer,
    # whose dead are the attackers' loss)
    named = _OPERATIONS - {"fire", "firing", "crossfire", "exchange"}
    return bool(before & named) and _only_militants(toks, num.first, min(num.last + 4, len(toks)))


def _killed_by_the_state_passive(toks: list[_Tok], num: _Num, cue: int) -> bool:
    """A count of militants or suspects killed, in the passive, by state forces or in their
    operation: the forces' own action, not an attack's toll. Only for militants, suspects or
    attackers (within five words of the count), the agent in the clause after the verb."""
    return _only_militants(toks, num.first, min(num.last + 10, cue)) and _state_agent_after(toks, cue)


def _militant(low: str) -> bool:
    return low in _MILITANT_NOUNS or low in _ONE_MILITANT or low in _ONE_ATTACKER


def _only_militants(toks: list[_Tok], lo: int, hi: int) -> bool:
    """Whether the people between ``lo`` and ``hi`` (one clause) are militants and no one else:
    "Two militants were killed", not "A civilian and two militants were killed"."""
    words: list[str] = []
    for t in toks[lo:hi]:
        if t.low in (".", ";"):
            words = []  # the clause starts after a full stop
            continue
        words.append(t.low)
    # a person noun before a militant one qualifies it ("a woman CPI Maoist cadre")
    return any(_militant(w) for w in words) and not any(
        w in _PERSON_NOUNS
        and not _militant(w)
        and w not in _ATTRIBUTIVE
        and w not in ("other", "others", "ones")  # "three other militants"
        and not (i > 0 and words[i - 1] in ("all", "both"))  # "15 Kurdish militants, all women"
        and not _qualifies_militant(words, i)
        for i, w in enumerate(words)
    )


# Words that make a count the attackers' own men: the militant nouns and their singulars, but not
# "cadres", "fighters" or "militiamen" of any party or force unless an armed group's name or
# "armed" stands beside them.
_PLAIN_MILITANTS = (_MILITANT_NOUNS - {"cadres", "fighters", "militiamen"}) | {
    "gunman", "militant", "attacker", "assailant", "bomber", "insurgent", "rebel", "terrorist", "guerrilla",
}  # fmt: skip
# Words that make militants someone's victims, not the attackers: "pro-government militiamen",
# "surrendered militants", "rival cadres", "Peshmerga fighters".
_NOT_ATTACKERS = {
    "pro", "government", "former", "ex", "surrendered", "rival", "anti", "peshmerga", "kurdish", "sdf",
    "ypg", "tribal", "sahwa", "awakening", "ceasefire", "relatives", "family", "brothers", "sons",
}  # fmt: skip
# Words of the other side beside the militant word in a count's phrase.
_BOTH_SIDES = {"military", "army", "government", "civilian", "civilians", "soldier", "soldiers"}
# Who else kills militants: another group, a strike, a mob ("shot dead by rival cadres", "killed in
# an airstrike", "lynched").
_OTHER_KILLERS = {
    "airstrike", "airstrikes", "strike", "strikes", "drone", "drones", "rival", "rivals", "lynched", "mob",
    "tank", "helicopter", "helicopters", "gunships", "shelling", "shell", "missile",
}  # fmt: skip


def _forces_kill(toks: list[_Tok], cue: int) -> bool:
    """Whether the forces are who kills at ``cue``: a force word or "retaliated" before it in its
    clause ("SFs retaliated by killing", "the Army ... killing three militants")."""
    for t in range(cue - 1, max(-1, cue - 9), -1):
        low = toks[t].low
        if low in (",", ";", ".", "but", "while", "when", "after") or low in SAYING_VERBS:
            return False
        if (low in _FORCE_AGENTS and not _in_group_name(toks, t)) or low.startswith("retaliat"):
            return True
    return False


def _in_group_name(toks: list[_Tok], t: int) -> bool:
    """Whether "Army" at ``t`` ends an armed group's name: "Garo National Liberation Army",
    "Arakan Army" are no state forces (groups named "Forces" fight as forces do)."""
    if toks[t].low != "army":
        return False  # "the Syrian Democratic Forces killed 35 militants": a force fighting them
    words = [toks[u].low for u in range(max(0, t - 5), t + 1)]
    names = group_names()
    return any(" ".join(words[i:]) in names for i in range(len(words) - 1))


def _attackers_loss(toks: list[_Tok], num: _Num, cue: int) -> bool:
    """Whether a count whose verb follows it is of the attack's own militants ("Three TTP militants
    were shot dead", "Around 12 armed cadres ... killed a civilian"): its phrase (up to the verb or
    three words after the count, never past a clause break) names militants and no one else, none of
    them someone's victims, and no other group, strike or mob killed them. The object of a killing
    verb is one only when the forces killed them ("SFs retaliated by killing six militants"), not
    "killing 30 militants and five soldiers" nor "ISIS killed 20 Taliban fighters"."""
    if cue < num.first and not _forces_kill(toks, cue):
        return False
    possessed = toks[num.first].low in ("his", "her") or (
        num.first > 0 and toks[num.first - 1].low in ("his", "her")
    )
    if possessed and any(t.low in ("gunmen", "gunman") for t in toks[num.first : num.last + 4]):
        # "An elder ... was shot dead while his two other gunmen sustained injuries": his guards
        # (not "commander Khan and his 12 militants")
        return False
    words: list[str] = []
    for t in toks[num.first : min(num.last + 4, cue) if cue > num.last else num.last + 4]:
        if t.low in (".", ";", ",", "while", "but") or (cue < num.first and t.low == "and"):
            break
        words.append(t.low)
    wide = [t.low for t in toks[num.first : num.last + 9]]
    grouped = "armed" in wide or any(names_a_group(wide[i : i + 4]) for i in range(len(wide)))
    if not any(w in _PLAIN_MILITANTS or (w in _MILITANT_NOUNS and grouped) for w in words):
        return False
    if any(w.strip("-") in _NOT_ATTACKERS or w.startswith(("pro-", "anti-", "ex-")) for w in words):
        return False
    if "and" in words and any(w in _BOTH_SIDES for w in words):
        # "AT LEAST FIVE MILITARY AND REBEL DEATHS": the toll counts both sides (not "four
        # militants wearing army uniforms")
        return False
    # "Two Russian police and seven militants": "police" heads a phrase of its own here
    if any(w in _ATTRIBUTIVE and words[i + 1 : i + 2] in (["and"], ["or"]) for i, w in enumerate(words)):
        return False
    if not _only_militants(toks, num.first, num.first + len(words)):
        return False
    if (
        num.person
        and cue > num.last
        and any(t.low == "and" for t in toks[num.first : num.last + 1])
        and not _only_militants(toks, num.first, min(cue, num.first + 16))
    ):
        return False  # "Five militants and three Security Forces (SF) personnel": a coordination
    return not _killed_by_others(toks, cue)


def _killed_by_others(toks: list[_Tok], cue: int) -> bool:
    """Whether another group, a strike or a mob killed the militants counted at ``cue``."""
    after = [t.low for t in toks[cue + 1 : cue + 8]]
    clause = after[
        : next((i for i, w in enumerate(after) if w in (",", ";", ".", "while", "and")), len(after))
    ]
    # a strike anywhere in the sentence after it: "20 militants are killed and six others wounded
    # as helicopter gunships pound militant hideouts"
    sentence = [t.low for t in toks[cue + 1 : cue + 20]]
    sentence = sentence[: next((i for i, w in enumerate(sentence) if w in (";", ".")), len(sentence))]
    return bool(set(sentence) & _OTHER_KILLERS or ("by" in clause[:3] and any(_militant(w) for w in clause)))


def _qualifies_militant(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` qualifies a militant noun within the next eight words, with no
    coordination between ("a woman CPI Maoist cadre"; not "a civilian and two militants")."""
    for x in words[i + 1 : i + 9]:
        if x in ("and", ",", "or", "&"):
            return False
        if _militant(x):
            return True
    return False


def _state_agent_after(toks: list[_Tok], cue: int) -> bool:
    """Whether the clause after the casualty verb at ``cue`` (ten words) names state forces as
    who killed: "by the police", "in an encounter with security forces", "in Police shootout"."""
    after = []
    for t in toks[cue + 1 : cue + 11]:
        if t.low in (".", ";", ",", "while", "and", "but"):
            break
        after.append(t.low)

    names = group_names()

    def force(j: int) -> bool:  # a force word not qualified as the militants' ("rebel forces")
        militant_before = j > 0 and _militant(after[j - 1])
        countering = j > 1 and after[j - 2] in ("anti", "counter")  # "Anti Terrorist Squad"
        # "Houthi forces", "Islamic State forces": a group's, no state's
        groups = any(" ".join(after[i:j]) in names for i in range(max(0, j - 3), j))
        return after[j] in _FORCE_AGENTS and (not militant_before or countering) and not groups

    for i, w in enumerate(after):
        window = range(i + 1, min(i + 6, len(after)))
        if w == "by" and any(force(j) for j in window):
            return True
        if w in _OPERATIONS and (
            (i > 0 and force(i - 1)) or ("with" in after[i + 1 : i + 5] and any(force(j) for j in window))
        ):
            return True
        if w in ("encounter", "encounters") and i <= 3 and not _FACTIONS.intersection(after):
            # "Two militants have been killed in an encounter in Bandipora": with no one named, an
            # encounter is the forces' operation (the word's South Asian sense); not one "between"
            # two factions or "with" others
            return not _FACTIONS.intersection(t.low for t in toks[max(0, cue - 10) : cue])
    return False


_PREPOSITIONS = {"as", "in", "near", "of", "at", "by", "with", "from", "into", "inside", "outside", "on"}
# Words that make an encounter one between armed groups: "between NSCN-IM and NSCN-K cadres".
_FACTIONS = {"with", "between", "among", "amongst", "rival", "rivals", "internecine", "factional", "factions"}


# Verbs whose object a force's name may be: "an IED targeting a BSF convoy killed a constable".
_STRUCK = {
    "targeting", "targeted", "hit", "hitting", "struck", "striking", "attacked", "attacking", "ambushed",
    "ambushing", "stormed", "storming", "rammed", "ramming",
}  # fmt: skip
# Target nouns that are people acting together: "an army patrol kills four militants".
_FORCE_UNITS = {"patrol", "patrols", "party", "team", "convoy", "convoys"}


def _names_a_thing(toks: list[_Tok], k: int) -> bool:
    """Whether the words at ``k`` are a place or vehicle of the target nouns ("vehicle", "camp",
    "check post"), which a force's name before them qualifies; not a unit of its men ("patrol")."""
    if k >= len(toks) or toks[k].low in _FORCE_UNITS:
        return False
    forms = target_forms()
    words = [t.low for t in toks[k : k + 3]]
    return any(forms.get(tuple(words[:n])) in ("place", "vehicle") for n in range(1, len(words) + 1))


# Where a force's clause starts, walking back from its verb.
_CLAUSE_OPENERS = {",", ";", ".", "and", "but", "while", "when", "after"}


def _opens_its_clause(toks: list[_Tok], t: int) -> bool:
    """Whether only a name's words, articles and brackets come before ``toks[t]`` in its clause
    ("The Counter Terrorism Department (CTD) killed"), so that it is the subject, not an object
    after a lower-case verb or preposition ("Gunmen attack Rangers in Karachi killing ...")."""
    for u in range(t - 1, -1, -1):
        w = toks[u]
        if w.low in _CLAUSE_OPENERS or w.low in SAYING_VERBS:
            return True
        if w.low not in ("a", "an", "the", "(", ")") and not w.text[:1].isupper():
            return False
    return True


def _state_subject(toks: list[_Tok], cue: int) -> bool:
    """Whether state forces are the subject of the verb at ``cue``: a force word before it in the
    clause, not in a prepositional phrase ("gunmen dressed as police", "a bomber in an army
    uniform", "a bomb planted near the army camp")."""
    for t in range(cue - 1, max(-1, cue - 9), -1):
        low = toks[t].low
        if low in _CLAUSE_OPENERS or low in SAYING_VERBS:
            return False
        if low in _STATE_SUBJECTS and not _in_group_name(toks, t):
            if low not in _STATE_FORCES and not _opens_its_clause(toks, t):
                return False  # "Militants fired upon a BSF patrol party killing Constable ..."
            if _names_a_thing(toks, t + 1):
                return False  # "An IED hit a CRPF vehicle killing the driver": the force's vehicle
            before = [toks[u].low for u in range(max(0, t - 3), t)]
            while before and before[-1] in ("a", "an", "the", "pakistani", "indian", "afghan", "local"):
                before.pop()
            # the object of an attack ("targeting a BSF convoy killed", "ambushed an army patrol,
            # killing"), not its subject
            return not (before and (before[-1] in _PREPOSITIONS or before[-1] in _STRUCK))
    return False


def _cue_before(toks: list[_Tok], first: int) -> bool:
    """Whether a casualty verb stands right before the count at ``first``, past words of bound
    ("killing at least nine", "wounded more than 100")."""
    b = first - 1
    while b >= 0 and toks[b].low in _BOUND_ONLY:
        b -= 1
    return b >= 0 and _cue_kind(toks, b) is not None


# What a people's name can modify that is no person: "three Fulani villages", "two Hindu temples".
_SETTLEMENT_HEADS = {
    "village", "villages", "town", "towns", "camp", "camps", "district", "districts", "temples",
    "mosques", "churches", "shrines", "homes", "houses", "areas", "settlements", "hamlets",
}  # fmt: skip


# What a hyphenated modifier after a number may describe that is no one: "three vehicle-borne
# improvised explosive devices"
_THINGS = {
    "device", "devices", "bomb", "bombs", "ied", "ieds", "vbieds", "mine", "mines", "rocket", "rockets",
    "shell", "shells", "grenade", "grenades", "missile", "missiles", "vehicle", "vehicles", "car", "cars",
    "truck", "trucks", "bus", "buses", "house", "houses", "shop", "shops", "rounds", "explosives",
}  # fmt: skip


def _counted_person(toks: list[_Tok], num: _Num) -> str | None:
    """The person noun right after a count, or after one capitalised modifier ("two Muslim women")."""
    after = toks[num.last + 1 : num.last + 3]
    if after and after[0].low in _PERSON_NOUNS:
        return after[0].low
    if len(after) == 2 and _titled(after[0]) and after[1].low in _PERSON_NOUNS - _MILITANT_NOUNS:
        return after[1].low  # not "Two Maoist cadres", "Two Taliban fighters"
    return None


# What a dead body is told to be like: "107 disfigured bodies", "three charred bodies".
_BODY_STATES = {
    "disfigured", "charred", "mutilated", "decomposed", "bullet-riddled", "riddled", "burnt", "burned",
    "decapitated", "headless", "beheaded", "bloodied", "lifeless", "dead", "unidentified", "more",
}  # fmt: skip


def _plausible_victims(toks: list[_Tok], num: _Num) -> bool:
    """A count of people, not of rockets or buses: what follows the number must allow it."""
    if num.person:
        return True
    j = num.last + 1
    if j >= len(toks) or (toks[num.last].low.endswith(",") and _cue_before(toks, num.first)):
        return True  # "wounded more than 100, the agency said": the clause ends with the count
    nxt = toks[j]
    if nxt.text.islower() and "-" in nxt.text and nxt.text.replace("-", "").isalpha():
        # "three vehicle-borne improvised explosive devices", "two anti-personnel mines": things;
        # "two on-duty traffic wardens", "3,545 non-combatants": people, whatever the noun; only
        # the words it modifies decide ("two off-duty policemen in their car" are people)
        for t in toks[j + 1 : j + 4]:
            if not t.low.isalpha() or t.low in _FUNCTION_WORDS or t.low in _PERSON_NOUNS:
                return True
            if t.low in _THINGS:
                return False
        return True
    if not nxt.text.isalpha() or nxt.low in _PERSON_NOUNS or nxt.low in _NUM_FOLLOWERS:
        return True
    if nxt.low in _KILL_CUES or nxt.low in _INJURY_CUES:
        return True  # "14 deaths of civilians", "three bodies of villagers"
    if nxt.text[:1].isupper() and not nxt.text.isupper() or (nxt.text.isupper() and len(nxt.text) <= 6):
        # "two Frontier Corps personnel", "Seven CRPF personnel"; but "three Fulani villages"
        return not (
            j + 1 < len(toks)
            and toks[j + 1].low in _SETTLEMENT_HEADS
            # "Two Kandahar district police chiefs": the people come after
            and not any(t.low in _PERSON_NOUNS for t in toks[j + 2 : j + 4])
        )
    # "7 newly US-trained Iraqi policemen", but not "two buses wounded"; a bracketed acronym is no
    # word of the phrase ("two unidentified Assam Rifles (AR) troopers")
    words: list[_Tok] = []
    depth = 0
    for t in toks[j + 1 : j + 16]:
        if t.low == "(":
            depth += 1
        elif t.low == ")" and depth:
            depth -= 1
        elif not depth:
            words.append(t)
        if len(words) == 4:
            break
    for t in words:
        if t.low in _PERSON_NOUNS:
            return True
        if t.low == "bodies":  # "107 disfigured bodies", not "two political bodies"
            return nxt.low in _BODY_STATES and all(w.low in _BODY_STATES for w in words[: words.index(t)])
        if t.low in ("between", "in", "at", "on", "with", "from", "by", "of", "near", "against"):
            return False  # "two clashes between guerrillas and soldiers": the soldiers are another phrase
        if t.low in _KILL_CUES or t.low in _INJURY_CUES or not t.text.replace("-", "").isalpha():
            return False
    return False


# fmt: off
_PERPETRATORS = {
    "gunmen", "gunman", "militants", "attackers", "assailants", "bombers", "insurgents", "rebels",
    "terrorists", "guerrillas",
}
# fmt: on


def _attackers(toks: list[_Tok], num: _Num, cue: int) -> bool:
    """ "Two gunmen kill three soldiers": the number counts the killers (active verb, no "were")."""
    # "Two gunmen shot dead three worshippers", not the headline "Two militants shot dead in Kupwara"
    shot_dead = toks[cue].low == "dead" and cue > 0 and toks[cue - 1].low in ("shot", "stabbed", "hacked")
    if shot_dead:  # an object after "dead": a count, an article, a person, a name
        obj = toks[cue + 1] if cue + 1 < len(toks) else None
        shot_dead = (
            obj is not None
            and (
                obj.low in ("a", "an", "the", "his", "her", "their", "two", "three", "four", "five", "six")
                or obj.low[:1].isdigit()
                or obj.low in _PERSON_NOUNS
                or (obj.text[:1].isupper() and not obj.text.isupper() and obj.text.isalpha())
                # a force's initials before the victim: "shot dead FC official Ali Rehman"
                or (
                    obj.text.isupper()
                    and obj.text.isalpha()
                    and cue + 2 < len(toks)
                    and (toks[cue + 2].low in _PERSON_NOUNS or toks[cue + 2].text[:1].isupper())
                )
            )
        )
    if (
        toks[cue].low in ("dead", "died", "die", "dies", "dying", "toll", "death", "deaths", "lives")
        and not shot_dead
    ):
        return False  # intransitive: the number counts the dead ("two gunmen shot dead ..." does not)
    owner = {t.low for t in toks[max(0, num.first - 2) : num.first]}
    if cue > 0 and toks[cue - 1].low in ("sustained", "suffered", "received") and owner & {"his", "their"}:
        return False  # "his two other gunmen sustained injuries": a victim's guards, wounded
    noun = toks[num.last + 1].low if num.last + 1 < len(toks) else ""
    if noun not in _PERPETRATORS and (
        num.last + 2 >= len(toks) or toks[num.last + 2].low not in _PERPETRATORS
    ):
        return False
    return not any(t.low in _AUX or t.low in ("been", "be") for t in toks[num.last + 1 : cue - shot_dead])


def _of_the_attackers(toks: list[_Tok], num: _Num) -> bool:
    """ "four of the assailants were killed": the attackers' losses, not the attack's victims."""
    j = num.last + 1
    return (
        j + 2 < len(toks)
        and toks[j].low == "of"
        and toks[j + 1].low in ("the", "those", "these")
        and toks[j + 2].low in _PERPETRATORS
    )


# Verbs a wound is the object of, where "were" stands before a participle: "sustained injuries".
_SUFFERED = {"sustained", "suffered", "received"}


def _shared_cue(
    toks: list[_Tok], num: _Num, later: list[_Num], cues: list[tuple[int, Kind]]
) -> tuple[int, Kind] | None:
    """ "died, 5 policemen and 2 civilians were injured": ``num`` is coordinated with the next count
    ("and" within three tokens), whose cue follows it after an auxiliary, and a comma separates
    ``num`` from the cue before it ("are killed while two others and a policeman are injured": or a
    word that opens a clause; or "and" right after that cue, where the later cue of the other kind
    may follow with no auxiliary: "were killed and 16 civilians and four Policemen injured"); the
    coordinated counts then share the later cue (returned)."""
    opener = toks[num.first - 1].low if num.first else ""
    # "were killed and 16 civilians and four Policemen injured": "and" right after the other cue
    # opens the next clause, whose participle may stand without its auxiliary
    elliptic = opener == "and" and num.first >= 2 and _cue_kind(toks, num.first - 2) is not None
    if opener not in (",", "while", "whilst", "whereas", "but") and not elliptic:
        return None
    end = num.last
    if (
        later
        and 0 < later[0].first - num.last <= 3
        and "and" in {t.low for t in toks[num.last + 1 : later[0].first]}
    ):
        end = later[0].last
    elif not any(t.low == "and" for t in toks[num.first : num.last + 1]):
        return None  # no coordination: "killed four, 3 ..." is not this case
    after = next(((k, kind) for k, kind in cues if k > end), None)
    # "were injured", or "while two militants and a soldier sustained injuries"
    if after is not None and after[0] - end <= 4 and toks[after[0] - 1].low in _AUX | _SUFFERED:
        return after
    if (
        elliptic
        and after is not None
        and after[0] - end <= 4
        and after[1] != _cue_kind(toks, num.first - 2)
        # only the count's own words in between: "four Policemen injured"
        and all(t.low.isalpha() and t.low not in _FUNCTION_WORDS for t in toks[end + 1 : after[0]])
    ):
        return after
    return None


_BOUND_ONLY = {"around", "about", "some", "nearly", "over", "at", "least", "more", "than", "up", "to"}


def _by_whom(toks: list[_Tok], num: _Num) -> bool:
    """ "by 3 gunmen", "by a gang of around 48 Maoists": the count names the attackers. The number
    must stand inside the "by" phrase: "by a <noun> of", then only bound words ("an attack by a
    group of militants two soldiers were killed" counts the soldiers)."""
    before = [t.low for t in toks[max(0, num.first - 6) : num.first]]
    if before[-1:] == ["by"]:
        return True
    if "of" not in before:
        return False
    of = len(before) - 1 - before[::-1].index("of")
    return (
        of >= 3
        and before[of - 3] == "by"
        and before[of - 2] in ("a", "an")
        and all(w in _BOUND_ONLY for w in before[of + 1 :])
    )


def _full_stop(toks: list[_Tok], t: int) -> bool:
    """A full stop that ends a sentence: after a word, before a capital. A cue in one sentence does
    not count the people of the next ("A policeman is killed. The three attackers are later
    killed."), but an initial ("U.S.") or a title ("Maj. Gen. Ali Khan", "Dr. Rahman") ends none."""
    return (
        toks[t].low == "."
        and 0 < t < len(toks) - 1
        and len(toks[t - 1].text) > 1
        and toks[t - 1].text.isalpha()
        and toks[t - 1].low not in _TITLES
        and toks[t + 1].text[:1].isupper()
    )


# Abbreviations that a full stop follows inside a sentence.
# fmt: off
_TITLES = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "brig", "gov", "sen", "rep",
    "prof", "insp", "supt", "st", "no", "nos", "cdr", "cmdr", "adm", "hon", "rev", "fr", "jr", "sr", "mt",
    "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs",
}
# fmt: on


def _another_of_them(toks: list[_Tok], num: _Num) -> bool:
    """ "ONE FMLN REBEL WAS KILLED AND ANOTHER WOUNDED": a bare "another", its verb or cue right
    after it, is one more of the people counted before (not "another civilian", not "three others",
    who may be anyone)."""
    nxt = toks[num.last + 1].low if num.last + 1 < len(toks) else ""
    return toks[num.last].low == "another" and (nxt in _AUX or _cue_kind(toks, num.last + 1) is not None)


def _elided_noun(toks: list[_Tok], num: _Num, cue: int) -> bool:
    """ "left 50 rebels dead and 90 wounded while ...": a bare number after "and", its cue right
    after it and its clause ending there, counts the people the count before it named (not "and 12
    wounded, including eight policemen", nor "and 5 injured in a grenade attack at Lal Chowk")."""
    after = toks[cue + 1].low if cue + 1 < len(toks) else "."
    return (
        num.first > 1
        and toks[num.first - 1].low == "and"
        and toks[num.first - 2].low != ","
        and cue == num.last + 1
        and not num.person
        and not _head_noun(toks, num)
        and (after in (".", ";", "while", "whereas", "but") or _full_stop(toks, cue + 1))
    )


def _head_noun(toks: list[_Tok], num: _Num) -> str:
    """The person noun a count is of ("two security personnel" -> "personnel"), or ""."""
    for t in toks[num.last + 1 : num.last + 4]:
        if t.low in _PERSON_NOUNS and t.low not in _ATTRIBUTIVE:
            return t.low
    return ""


def _part_noun(toks: list[_Tok], num: _Num) -> str:
    """The first person noun after a count, as a coordination's part is named ("17 Police and CRPF
    personnel" -> "police"): the same words give the same name wherever they are told."""
    after = range(num.last + 1, min(num.last + 5, len(toks)))
    return next((toks[k].low for k in after if _person_at(toks, k)), "")


# Words a retelling may use for someone the first telling named otherwise ("another man").
_ANYONE_ELSE = {
    "man", "men", "woman", "women", "person", "persons", "people", "other", "others", "another", "",
}  # fmt: skip


def _same_people(later: tuple[tuple[int, str], ...], earlier: tuple[tuple[int, str], ...]) -> bool:
    """Whether a coordination restates an earlier one: the same number of groups, sharing a person
    noun, every other noun of the later one a word for anyone ("one civilian and an AR trooper" ->
    "one AR trooper and another man"), not other people ("two soldiers and a policeman")."""
    nouns = {noun for _, noun in earlier}
    return (
        len(later) == len(earlier)
        and any(noun in nouns and noun not in _ANYONE_ELSE for _, noun in later)
        and all(noun in nouns or noun in _ANYONE_ELSE for _, noun in later)
    )


def _told_again(toks: list[_Tok], num: _Num, earlier_end: int, elsewhere: list[int]) -> bool:
    """Whether this count restates an earlier one of the same kind, number and people, ending at
    ``earlier_end``: a bulletin without full stops tells its toll twice ("Two security personnel
    were killed ... Two security personnel Idrees Khan and Arshad were killed"). Not in a list
    ("in Kunar and two soldiers in Paktia"), not within a dozen words, and not after a word that
    marks another incident ("In another incident ... two soldiers were killed")."""
    if num.first > 0 and toks[num.first - 1].low in ("and", ",", "while"):
        return False
    return num.first - earlier_end >= 12 and elsewhere[num.first] == elsewhere[earlier_end + 1]


# Past participles after which a count's people were not hurt (what befell them instead).
_OTHER_FATES = {"captured", "arrested", "abducted", "kidnapped", "rescued", "detained", "freed", "released"}
# Verbs that befall people otherwise than death or wounds, in their forms, and the participles
# above: "kidnap 170", "abducting 20", "took 30 hostage", "displaced 400", "released three".
_OTHER_FATE_VERBS = {
    f"{stem}{ending}"
    for stem, endings in (
        ("kidnap", ("", "s", "ped", "ping")), ("abduct", ("", "s", "ed", "ing")),
        ("captur", ("e", "es", "ed", "ing")), ("seiz", ("e", "es", "ed", "ing")),
        ("arrest", ("", "s", "ed", "ing")), ("rescu", ("e", "es", "ed", "ing")),
        ("detain", ("", "s", "ed", "ing")), ("displac", ("e", "es", "ed", "ing")),
        ("evacuat", ("e", "es", "ed", "ing")), ("t", ("ake", "akes", "ook", "aking")),
    )
    for ending in endings
} | _OTHER_FATES  # fmt: skip


def _another_verb(gap: list[str]) -> bool:
    """Whether the words between two counts open a clause of another verb: "kill nine and kidnap
    170", not "killing four detained suspects and two constables" (the participle qualifies)."""
    joins = [i for i, w in enumerate(gap) if w in ("and", ",")]
    return bool(joins) and joins[-1] + 1 < len(gap) and _other_fate_verb(gap[joins[-1] + 1])


def _other_fate_verb(low: str) -> bool:
    """A verb, not a noun: "kidnap 170", not "killing two rescuers"."""
    return low in _OTHER_FATE_VERBS


def _own_verb(toks: list[_Tok], num: _Num) -> bool:
    """ "killed and two others were captured alive": a count that opens a clause of its own ("and",
    "while" or a comma before it) is the subject of another verb. Not "shot dead two teachers who
    were abducted": there the verb is the victims' relative clause."""
    if num.first == 0 or toks[num.first - 1].low not in ("and", "while", ","):
        return False
    after = [t.low for t in toks[num.last + 1 : num.last + 5]]
    return any(
        a in _AUX and b in _OTHER_FATES and "who" not in after[:k] and "that" not in after[:k]
        for k, (a, b) in enumerate(zip(after, after[1:], strict=False))
    )


def _fled(toks: list[_Tok], num: _Num) -> bool:
    """ "while 40 villagers fled and others were wounded", "and 40 villagers fled to the forest": a
    count whose own verb says the people got away is no toll, wherever the casualty verb is."""
    # (or opening its sentence: "Two generals survived the ambush, but their driver was killed")
    opens = num.first == 0 or _full_stop(toks, num.first - 1)
    if not opens and toks[num.first - 1].low not in ("and", "while", ","):
        return False
    after = [t.low for t in toks[num.last + 1 : num.last + 3]]
    verb = after[1:2] if after[:1] and after[0] in _PERSON_NOUNS else after[:1]
    return bool(verb) and verb[0] in _ESCAPED


# What people did who were neither killed nor wounded: "while 40 villagers fled".
_ESCAPED = {"fled", "escaped", "survived", "ran", "hid", "managed", "returned", "evacuated"}


def _the_attackers(toks: list[_Tok], num: _Num) -> bool:
    """ "The three attackers are later killed": the definite article marks the attack's own men,
    whose deaths are no victims' toll (unlike "six guerrillas were killed", which can be)."""
    j = num.last + 1
    return (
        not num.person
        and num.first > 0
        and toks[num.first - 1].low in ("the", "all")
        and j < len(toks)
        and toks[j].low in _PERPETRATORS | {"bombers", "bomber", "assailant", "attacker", "gunman"}
    )


_ONE_ATTACKER = vocabulary("one_attacker")
# One attacker, who may be the "him" of a later verb: "the suicide bomber ... the blast killed him".
_PRONOUN_ATTACKERS = _ONE_ATTACKER | {"stabber", "knifeman"}
_COLLECTIVE = {"police", "army", "force", "team", "crowd", "family", "group", "convoy", "patrol", "unit"}
# Nouns of a body of people the copy capitalises ("and Police have registered a case"): no title.
_COLLECTIVE_PEOPLE = _COLLECTIVE | {"security", "forces", "staff", "crew", "personnel"}


def _one_suffered(toks: list[_Tok], k: int) -> bool:
    """ "she suffered four gunshot wounds", "his companion sustained serious injuries": one person
    hurt (a number there counts wounds, not people)."""
    if toks[k].low not in ("wounds", "wound", "injuries", "injury"):
        return False
    for b in range(k - 1, max(-1, k - 5), -1):
        if toks[b].low in ("suffered", "sustained", "received"):
            if b > 0 and toks[b - 1].low in ("he", "she"):
                return True
            noun = toks[b - 1].low if b > 0 else ""
            return (
                b > 1
                and toks[b - 2].low in ("his", "her", "a", "an")
                and noun.isalpha()
                and not noun.endswith("s")
                and noun not in _COLLECTIVE
            )
    return False


def _own_clause(toks: list[_Tok], num: _Num) -> bool:
    """ "... while three FC personnel were during an exchange": the count is the subject of a
    clause of its own (an auxiliary follows its noun phrase before any cue), so an earlier cue
    across the conjunction is not its verb."""
    for t in toks[num.last + 1 : num.last + 5]:
        if t.low in ("was", "were", "is", "are", "have", "has", "had"):
            return True
        if t.low in _KILL_CUES or t.low in _INJURY_CUES or not t.text[:1].isalpha():
            return False
    return False


def _passive_pair(toks: list[_Tok], k: int) -> bool:
    """ "were shot at and wounded", "were attacked and injured": the cue shares an earlier auxiliary."""
    return k >= 3 and toks[k - 1].low == "and" and any(t.low in _AUX for t in toks[max(0, k - 5) : k - 1])


_REPORTING = {"reported", "confirmed", "feared", "believed", "presumed"}


def _found_dead(toks: list[_Tok], k: int) -> bool:
    """ "is found dead" with "dead" at ``k``: a passive, as "was killed" is."""
    return toks[k].low == "dead" and k >= 2 and toks[k - 1].low == "found" and toks[k - 2].low in _AUX


def _reported(toks: list[_Tok], k: int) -> bool:
    """Whether the casualty word at ``k`` is told as reported ("are reported dead", "reported as
    killed", "confirmed dead"): a passive of its own, as "were killed" is."""
    if k >= 1 and toks[k - 1].low in _REPORTING:
        return True
    return k >= 2 and toks[k - 1].low == "as" and toks[k - 2].low in _REPORTING


# A tally over a period, told in the perfect: "SO FAR, TWO DEPUTIES HAVE BEEN MURDERED ... IN LESS
# THAN 15 DAYS", "five judges have been killed in 2 months", "during the last 6 months"
_PERIOD = re.compile(
    r"\b(?:so\s+far|till\s+now|to\s+date|this\s+year|"
    r"(?:during|in|over|within)\s+the\s+(?:last|past)\s+(?:\w+\s+){0,2}(?:weeks?|months?|years?|decades?)|"
    r"in\s+(?:the\s+)?(?:last\s+|past\s+)?(?:\d+|two|three|four|five|six|ten|several)\s+(?:weeks|months|years)|"
    # "in the past two days" is one attack's time; "in less than 15 days" a tally
    r"in\s+less\s+than\s+\d+\s+days|since\s+(?:19|20)\d\d|"
    # "SINCE THE UP WAS FOUNDED IN 1985, APPROXIMATELY 900 OF ITS MEMBERS HAVE BEEN MURDERED"
    r"since\s+(?:\w+\s+){1,4}?(?:was|were)\s+(?:founded|formed|created|established|launched))\b",
    re.I,
)
_PERFECT = re.compile(
    r"\b(?:have|has|had)\s+(?:\w+\s+){0,2}(?:been\s+(?:\w+\s+)?)?"  # "had so far been killed"
    r"(?:killed|murdered|slain|assassinated|died|lost\s+their\s+lives|wounded|injured|shot\s+dead)\b",
    re.I,
)


# Right after a casualty word: the count is another attack's ("35 are killed in another attack").
_IN_ANOTHER = re.compile(
    r"\s+(?:in|during)\s+(?:another|a\s+separate|an\s+earlier|a\s+previous|a\s+similar)\s+(?:\w+\s+)?"
    r"(?:attack|incident|bombing|assault|raid|blast|ambush|explosion)\b",
    re.I,
)


_AFTER = re.compile(r"\b(?:after|following)\b", re.I)
# A count in a clause that opens with "after" and has its own verb of being: "(A week) after 35
# were killed in a market bombing, ...". The clause ends at its comma.
_AFTER_CLAUSE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|several|few|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:after|since)\s+(?:[^.;,\s]+\s+){0,3}$",
    re.I,
)
# A later count that adds to the earlier one: "three more soldiers died", "killing 5 more".
_MORE_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:more|others|other)\b", re.I)
_OWN_BEING = re.compile(r"[^.;,]*?\b(?:were|was|are|is|been|died)\b[^.;]*?,", re.I)


def _earlier_toll(text: str, count: Count, same_kind: list[Count]) -> bool:
    """Whether ``count`` is an earlier attack's toll, told as the time of this one: "A week after 35
    were killed in a market bombing, 41 people are killed in a suicide attack" counts 41. Only
    after a span of days or more ("Minutes after 10 were killed in the first blast" is the same
    attack), when a toll of the same kind follows the clause's comma and does not add to it ("three
    more soldiers died"); "After killing two policemen, the gunmen shot dead three civilians" tells
    one attack (no verb of being in the clause)."""
    if not _AFTER_CLAUSE.search(text, max(0, count.start - 60), count.start):
        return False
    clause = _OWN_BEING.match(text, count.end)
    return clause is not None and any(
        c.start >= clause.end() and not _MORE_AFTER.match(text, c.end) for c in same_kind
    )


def _running_total(text: str, at: int) -> bool:
    """Whether the count at character ``at`` is a tally over a period: its sentence (within 300
    characters) says a period and uses the perfect, and names no one attack ("in a bomb attack",
    "on Sunday") nor ranks it among others ("the deadliest this year", "the second such attack")."""
    lo = max(text.rfind(". ", max(0, at - 300), at) + 1, max(0, at - 300))
    hi = text.find(". ", at, at + 300)
    hi = min(len(text), at + 300) if hi < 0 else hi
    return (
        _PERIOD.search(text, lo, hi) is not None
        and _PERFECT.search(text, lo, hi) is not None
        and _ONE_ATTACK.search(text, lo, hi) is None
    )


# What makes a sentence in the perfect one attack's: "in a bomb attack in Mogadishu", "in the
# attack", "on Sunday", "the worst attack so far this year", "the second this year"
_ONE_ATTACK = re.compile(
    r"\b(?:in|during|after)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:attack|blast|bombing|explosion|ambush|"
    r"encounter|firing|shooting|raid|assault|strike|incident)\b|"
    r"\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|"
    r"\b(?:yesterday|last\s+night)\b|"
    r"\b(?:second|third|fourth|fifth|latest|deadliest|worst|biggest|first)\b",
    re.I,
)


# One wounded victim's death, told without a killing verb.
# (not "succumbed to pressure": "to" only before the victim's own wounds)
_DIED_OF_WOUNDS = re.compile(
    r"\bsuccumb(?:ed|s)\b(?!\s+to\s+(?!his\b|her\b|their\b|(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:injur|wound|bullet|burn)))"
    r"|\bbreath(?:ed|es)\s+(?:his|her)\s+last\b",
    re.I,
)


# A death told of another time than the attack's: "last year", "two weeks ago", "a month ago".
_ANOTHER_TIME = r"last\s+(?:year|month|week)|(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago"
# What can tell a death or a wound, or their absence, without a casualty cue.
# "the victim was taken to the hospital where he unfortunately passed away"; not told with a year,
# of another time or of an illness
_PASSED_AWAY = re.compile(
    r"\b(?:he|she)\s+(?:later\s+|\w+ly\s+)?passed\s+away\b(?!\s+(?:\w+\s+){0,2}\d{4}\b)"
    rf"(?![^.;]{{0,60}}\b(?:{_ANOTHER_TIME}|illness|cancer|natural\s+causes|heart)\b)",
    re.I,
)
_UNCUED = (
    _NEGATION, _WAS_SHOT, _WERE_SHOT, _ONE_DEAD, _NAMED_OBJECT, _NAMED_CASELESS, _DIED_OF_WOUNDS,
    _PASSED_AWAY,
)  # fmt: skip


_ABDUCTED = {"abducted", "kidnapped", "abducting", "kidnapping"}
_OBJECT_PRONOUNS = {"him", "her", "them"}


def _abductees_killed(
    toks: list[_Tok], num: _Num, cues: list[tuple[int, Kind]], nums: list[_Num]
) -> int | None:
    """The cue that kills the people an abduction took, told by a pronoun later in the sentence:
    "Maoists abducted three members of a family suspecting them to be informers and subsequently
    killed them" (3), "abducted a panchayat secretary identified as X and beat him to death" (1).
    The count is the abduction's object, too far from the verb that kills for a window to bind it;
    the pronoun must agree with it ("killed her husband" is the husband), no other count may come
    between ("police arrested three men who killed them") and the forces are not who killed
    ("police tracked down the gunmen and killed them in an encounter")."""
    if not (num.first > 0 and toks[num.first - 1].low in _ABDUCTED):
        return None
    for k, kind in cues:
        if k <= num.last or kind != "killed":
            continue
        if any(toks[t].low == ";" or _full_stop(toks, t) for t in range(num.last, k)):
            return None
        # the pronoun after the verb, or inside a verb split around it: "shot him dead", "beat him
        # to death"
        split_to = toks[k].low == "death" and toks[k - 1].low == "to"
        at = k - 1 if toks[k].low == "dead" else k - 2 if split_to else k + 1
        pronoun = toks[at].low if at < len(toks) else ""
        after = toks[at + 1].low if at + 1 < len(toks) else ""
        possessive = pronoun == "her" and after not in _AFTER_OBJECT and not after.endswith("ly")
        # (a count of people between; not "a student of class nine", nor an age)
        between = any(
            num.last < other.first < k and (other.person or _counted_person(toks, other)) for other in nums
        )
        if (
            pronoun in _OBJECT_PRONOUNS
            and (pronoun == "them") == (num.value > 1)
            and not possessive
            and not between
            # the forces as the killers: "police tracked down the gunmen and killed them", "the
            # Army launched an operation against the abductors, killing them" (not a force's word
            # that qualifies a noun: "suspecting them to be police informers")
            and not any(
                toks[t].low in _FORCE_AGENTS and not _in_group_name(toks, t) and not _attributive(toks, t)
                for t in range(num.last + 1, k)
            )
        ):
            return k
        return None  # the first killing after the abduction is the one told
    return None


def _parse(text: str) -> Casualties:
    toks = _tokens(text)
    nums = _numbers(toks)
    taken = {k for num in nums for k in range(num.first, num.last + 1)}
    by_first = {num.first: num for num in nums}
    mentions = [
        p for p in _people_mentions(toks, taken, by_first) if p.first not in taken or p.first in by_first
    ]
    # a count coordinated into a mention ("a policeman and two civilians") is part of it, and so
    # is the count that opens one ("one officer and a civilian")
    absorbed = {c.first for p in mentions for c in nums if p.first <= c.first and c.last <= p.last}
    nums = [c for c in nums if c.first not in absorbed] + mentions
    nums.sort(key=lambda m: m.first)
    cues = [(k, kind) for k in range(len(toks)) if (kind := _cue_kind(toks, k)) is not None]
    result = Casualties()
    if not cues and not any(p.search(text) for p in _UNCUED):
        return result
    cue_at = {k for k, _ in cues}
    # "killing nine persons, including four children, ..., and injuring 13": the part after
    # "including" restates the total, up to the next casualty cue.
    parts: set[int] = set()
    # "including"/"among" restate a part only after a count: "a councillor was among 12 people
    # killed" gives 12, the person before "among" is not that count.
    first_last = min((n.last for n in nums if not n.person or n.opened), default=len(toks))
    walked = 0  # tokens before this were already walked to their next cue
    last_of = {n.last: n.first for n in nums}
    starts = {n.first for n in nums if not n.person}
    for t, tok in enumerate(toks):
        if tok.low == "among" and (total := _total_of_among(toks, t, nums, starts)) is not None:
            # "Five soldiers were among the 20 people killed", "Two children were among the dead in
            # the bombing that killed 12 people": the total comes after "among", the part before
            # it; "Among the 20 killed were five soldiers": after the total
            before = [n for n in nums if t - 5 <= n.last < t and not _stop_between(toks, n.last, t)]
            after = [
                n for n in nums if total < n.first <= total + 8 and not _stop_between(toks, total, n.first)
            ]
            if before:
                parts.add(before[-1].first)
            elif (
                after
                and total == _first_count_after(toks, t + 1, starts)
                and any(toks[u].low in ("were", "was", "are", "is") for u in range(total, after[0].first))
            ):
                parts.add(after[0].first)
            continue
        restating = tok.low in ("including", "among") or (
            tok.low == "of" and t + 1 < len(toks) and toks[t + 1].low in ("whom", "them")
        )
        if restating and first_last < t:
            # "injuring 10 people, two of whom were Policemen": a part of the count before; not
            # "injured three of them" (the verb's own count) or "three of them were killed"
            first = last_of.get(t - 1)
            if (
                tok.low == "of"
                and first is not None
                and not _cue_before(toks, first)
                and not any(u in cue_at for u in range(t + 2, t + 5))
            ):
                parts.add(first)
            u = max(t + 1, walked)
            while u < len(toks) and u not in cue_at:
                parts.add(u)
                u += 1
            walked = u
    nums = [n for n in nums if n.first not in parts and _plausible_victims(toks, n)]
    sums: dict[Kind, list[Count]] = {"killed": [], "injured": []}
    # "Three TTP militants were shot dead and one Policeman was injured": militants dead beside
    # victims are the attackers' losses, no toll; told alone, they are what the text counts
    attackers_dead: list[Count] = []
    attackers_hurt: list[Count] = []  # counted, as their dead are, only if no victims are told
    victims_told = False  # a count of anyone else than the attackers
    militants_before = False  # the last count kept was the attackers'
    bound: dict[int, int] = {}  # index in nums -> cue token bound to
    # Only cues within the longest window can bind, and only other numbers between decide:
    # bisecting sorted positions keeps a 60,000-character "sentence" linear, not quadratic.
    cue_ks = [k for k, _ in cues]
    firsts = [n.first for n in nums]
    # Tokens inside brackets do not count toward the distance: "four members of the Tablighi
    # Jamaat (TJ) were wounded" binds as if the acronym were not there.
    bracketed = [0]
    depth = 0
    for tok in toks:
        depth = depth + 1 if tok.low == "(" else max(0, depth - 1) if tok.low == ")" else depth
        bracketed.append(bracketed[-1] + int(depth > 0 or tok.low == ")"))
    # (kind, value, head noun) of each count kept -> where its number ended; and how many words
    # that mark another incident ("another", "separately") precede each token
    told: dict[tuple[Kind, int, str], int] = {}
    told_lists: list[tuple[Kind, int, tuple[tuple[int, str], ...], int]] = []  # coordinations told
    elsewhere = [0]
    for t, tok in enumerate(toks):
        nxt = toks[t + 1].low if t + 1 < len(toks) else ""
        marks = tok.low in ("separately", "elsewhere") or (tok.low == "another" and nxt in _INCIDENT_NOUNS)
        elsewhere.append(elsewhere[-1] + int(marks))
    for idx, num in enumerate(nums):
        best: tuple[int, int, int, Kind] | None = None
        best_k = -1
        lo_k = bisect_left(cue_ks, num.first - _LONG_WINDOW - _BRACKET_SLACK)
        hi_k = bisect_right(cue_ks, num.last + _LONG_WINDOW + _BRACKET_SLACK + _ASIDE_SLACK)
        for k, kind in cues[lo_k:hi_k]:
            if num.first <= k <= num.last:
                continue
            dist = num.first - k if k < num.first else k - num.last
            lo_t, hi_t = (k, num.first) if k < num.first else (num.last, k)
            dist -= bracketed[hi_t] - bracketed[lo_t + 1]
            aside = _aside(toks, num.last, k) if k > num.last else 0
            dist -= aside
            window = _WINDOW
            if (
                k > num.last
                and (
                    toks[k - 1].low in _AUX
                    or _passive_pair(toks, k)
                    or _reported(toks, k)
                    or (num.person and _found_dead(toks, k))  # "X, a journalist for ..., is found dead"
                )
                and not any(c in cue_at for c in range(num.last + 1, k))
            ):
                window = _LONG_WINDOW
            if dist > window:
                continue
            lo, hi = (k, num.first) if k < num.first else (num.last, k)
            if bisect_right(firsts, lo) < bisect_left(firsts, hi):
                continue  # another number is closer to this cue
            if any(toks[t].low == ";" or _full_stop(toks, t) for t in range(lo, hi)):
                continue  # a cue binds within its sentence
            if k < num.first and _with_its_own_cue(toks, num, cue_at):
                continue  # "left five dead with 12 people injured": the 12 are the participle's
            if _by_whom(toks, num):
                continue  # "killed by 3 gunmen", "by a gang of around 48 Maoists": attackers, not victims
            # "were killed while 39 others sustained injuries": a conjunction before the number
            # starts a new clause, so a cue after it wins over the one before.
            # Either way, a conjunction in between ("5 people and injuring") weakens the bond; on a
            # tie the verb before its object wins ("killing at least 5 people and injuring 20").
            if k > num.last and toks[k - 1].low not in _AUX and _has_object(toks, k, firsts):
                continue  # "15 peacekeepers and five soldiers, and wound 53": the verb's count is after it
            between = toks[k + 1 : num.first] if k < num.first else toks[num.last + 1 : k - aside]
            # headline copy: "Three militants shot dead, two cops hurt": a comma alone between the
            # verb and the count ends the verb's clause as a conjunction would
            # "were killed while 10 Police and Frontier Constabulary (FC) men were injured": a count
            # that opens its clause keeps the "and" of its own noun phrase, up to its passive verb
            own_clause = (
                k > num.last
                and toks[k - 1].low in _AUX | _SUFFERED
                and num.first > 0
                and toks[num.first - 1].low in ("while", "whereas", "whilst", "but")
            )
            # (an "and" after a verb joins clauses: "while 40 villagers fled and others were wounded")
            verb_at = next(
                (n for n, t in enumerate(between) if t.low in _AUX or t.low.endswith("ed")), len(between)
            )
            split = (
                any(
                    t.low in _CLAUSE and not (own_clause and t.low == "and" and n < verb_at)
                    for n, t in enumerate(between)
                )
                or (
                    k < num.first
                    and [t.low for t in between] == [","]
                    # a count of its own right before the verb ("Three militants shot dead,"); not "Of
                    # those killed, 12 were soldiers"
                    and any(0 < k - n.last <= 4 for n in nums[max(0, idx - 2) : idx])
                )
            )
            if split and k < num.first and _own_clause(toks, num):
                continue  # "were killed while three FC personnel were [verb missing]": not the victims
            rank = (int(split), dist, 0 if k < num.first else 1)
            if best is None or rank < best[:3]:
                best = (rank[0], rank[1], rank[2], kind)
                best_k = k
        shared = (
            _shared_cue(toks, num, nums[idx + 1 :], cues) if best is not None and best_k < num.first else None
        )
        if shared is not None:
            # "one officer died, 5 policemen and 2 civilians were injured": the count opens a
            # coordination whose verb comes after it; the cue before lies past a comma.
            # the later cue wins outright: the rank fields (clause split, distance, cue after) are
            # only compared between candidate cues, and none is left to compare
            best_k, best = shared[0], (0, 0, 1, shared[1])
            bound[idx] = best_k
        elif best is None and idx > 0 and idx - 1 in bound:
            # "killing two soldiers and three civilians": a list after the cue shares it
            prev, k = nums[idx - 1], bound[idx - 1]
            gap = [t.low for t in toks[prev.last + 1 : num.first]]
            # ("15 peacekeepers, mostly Tanzanian, and five soldiers": an aside before the "and")
            # not "kill nine and kidnap 170": the count after another verb is that verb's
            listed = len(gap) <= 4 and ("and" in gap or "," in gap) and not _another_verb(gap)
            aside = (
                len(gap) <= 8
                and gap[-2:] == [",", "and"]
                and gap.count(",") == 2
                and not any(w in SAYING_VERBS or w in _VERBS_OF_BEING for w in gap)
                and not _own_clause(toks, num)
            )
            if k < prev.first and (listed or aside):
                best = (0, 0, 0, "injured" if toks[k].low in _INJURY_CUES else "killed")
                bound[idx] = k
        elif best is not None:
            bound[idx] = best_k
        if best is None and (k := _abductees_killed(toks, num, cues, nums)) is not None:
            best, best_k = (0, 0, 1, "killed"), k
            bound[idx] = k
        if best is None:
            continue
        if best_k > num.last and (_attackers(toks, num, best_k) or _of_the_attackers(toks, num)):
            continue
        if (
            best_k + 2 < len(toks)
            and toks[best_k + 1].low == "or"
            and _cue_kind(toks, best_k + 2) not in (None, best[3])
        ):
            continue  # "dozens were killed or wounded": which, the text does not say
        if (
            best_k < num.first
            and best_k >= 2
            and toks[best_k - 1].low == "or"
            and _cue_kind(toks, best_k - 2) not in (None, best[3])
        ):
            continue  # "killed or wounded at least 26 civilians": neither alone
        if (
            num.person
            and best[1] > 4
            and not (
                best_k > num.last
                # "X, a journalist for the newspaper Milenio, is found dead"
                and (
                    toks[best_k - 1].low in _AUX
                    or _reported(toks, best_k)
                    or _found_dead(toks, best_k)
                    # "another businessman, identified as X, sustained minor injuries"
                    or _suffered_badly(toks, best_k)
                )
            )
        ):
            bound.pop(
                idx, None
            )  # too far to count: "X ..., identified as Y (45), was killed" still counts one
            continue
        key = (best[3], num.value, _head_noun(toks, num))
        if key[2] and not num.person and key in told and _told_again(toks, num, told[key], elsewhere):
            continue  # "Two security personnel were killed ... Two security personnel X and Y were killed"
        if len(num.parts) > 1 and any(
            kind == best[3]
            and value == num.value
            and _same_people(num.parts, earlier)
            and _told_again(toks, num, end, elsewhere)
            for kind, value, earlier, end in told_lists
        ):
            # "One civilian and an AR trooper were killed ... left one AR trooper and another man dead"
            continue
        if (
            toks[num.last + 1 : num.last + 2]
            and toks[num.last + 1].low == "bodies"
            and any(k[:2] == key[:2] and _told_again(toks, num, end, elsewhere) for k, end in told.items())
        ):
            continue  # "Four persons ... were killed ... four bodies were found": the same dead
        if (
            num.first > 0
            and toks[num.first - 1].low == "the"
            and not num.person
            # "The two injured persons": a casualty word right after the number points back; not
            # "the two civilians injured in Baramulla" nor "the two others"
            and num.last + 1 < len(toks)
            and _cue_kind(toks, num.last + 1) == best[3]
            and any(c.value == num.value for c in sums[best[3]])
        ):
            continue  # "leaving two non locals injured. The two injured persons ...": told again
        if _running_total(text, toks[num.first].start):
            continue  # "so far, two deputies have been murdered ... in less than 15 days": a tally
        if (
            sums[best[3]]
            and _IN_ANOTHER.match(text, toks[best_k].end)
            # not when the toll already counted is the earlier attack's: "A week after 35 were
            # killed in a market bombing, 41 people are killed in another attack"
            and not any(_AFTER.search(text, max(0, c.start - 30), c.start) for c in sums[best[3]])
        ):
            # "41 people are killed in an attack ..., one week after 35 are killed in another
            # attack": that attack's toll (alone in its sentence, it is the sentence's own)
            continue
        if _fled(toks, num):
            # "while 40 villagers fled and others were wounded": they got away (and the verb is
            # free for the one it tells: "Two generals survived ..., but their driver was killed")
            bound.pop(idx, None)
            continue
        if best_k < num.first and _own_verb(toks, num):
            continue  # "ten were killed and two others were captured": "captured" is what befell them
        if best_k < num.first and _killed_by_the_state(toks, num, best_k):
            continue  # "the army claims to have killed more than 100 terrorists": no victims of the attack
        if _state_reports_militants(toks, num):
            continue
        if best_k > num.last and _in_an_operation(toks, num):
            continue  # "the recent encounter in which 10 Maoists were gunned down": the forces' kill
        if best_k > num.last and _killed_by_the_state_passive(toks, num, best_k):
            continue  # "A TTP terrorist ... was killed in Police shootout": the forces' operation
        if _acting_attacker(toks, num):
            continue  # "a man was wounded after an unidentified gunman opened fire": the gunman shot
        if best_k > num.last and _the_attackers(toks, num):
            continue  # "the three attackers were later killed": the attack's own men
        parts = num.parts or ((num.value, toks[num.last].low if num.person else _part_noun(toks, num)),)
        count = Count(best[3], num.value, num.approx, toks[num.first].start, toks[num.last].end, parts)
        told.setdefault(key, num.last)
        if len(num.parts) > 1:
            told_lists.append((best[3], num.value, num.parts, num.last))
        # "ONE FMLN REBEL WAS KILLED AND ANOTHER WOUNDED": another of the attackers
        more_of_them = militants_before and (_another_of_them(toks, num) or _elided_noun(toks, num, best_k))
        militants = _attackers_loss(toks, num, best_k) or more_of_them
        militants_before = militants
        if best[3] == "killed" and militants:
            attackers_dead.append(count)  # counted only if the passage tells of no victims
            continue
        if best[3] == "injured" and militants:
            attackers_hurt.append(count)  # "five soldiers were killed and two militants injured"
            continue
        victims_told = victims_told or not militants
        sums[best[3]].append(count)
    for kind in sums:
        sums[kind] = [c for c in sums[kind] if not _earlier_toll(text, c, sums[kind])]
    if not victims_told:
        sums["killed"] += attackers_dead
        sums["injured"] += attackers_hurt
    negated: set[int] = set()
    # "no injuries" says no one died too, unless a death is told some other way ("The driver was
    # killed ... There were no reports of injuries"): that zero waits for every other reading
    inferred_zero: Count | None = None
    for m in _NEGATION.finditer(text):
        cue = next(
            (m.group(g) for g in ("cue", "anyone", "not_hurt", "no_wounds", "unhurt") if m.group(g)), None
        )
        if m.group("damage") and cues:
            continue  # "without causing any damage, but a soldier was wounded": the toll is told
        if m.group("any_people") and any(not (m.start() <= toks[k].start < m.end()) for k, _ in cues):
            continue  # "did not harm any passengers but the driver was killed": the toll is told
        said = m.group("cas") or m.group("caused") or m.group("caused_hurt") or ""
        if said.lower().startswith("loss") and not re.match(r"\s+or\s+injur", text[m.end() :], re.I):
            kinds: tuple[Kind, ...] = ("killed",)  # "no loss of life": no one died; the injured untold
        elif said or m.group("damage"):
            kinds = ("killed", "injured")
        elif m.group("not_hurt") or m.group("unhurt"):
            kinds = ("injured",)  # "the governor escaped unharmed": others may still have died
        elif cue is not None:
            kinds = ("killed",) if cue.lower() in ("killed", "kill") else ("injured", "killed")
        else:
            noun = m.group("noun").lower()
            # "no injuries are reported": no one hurt, so no one killed either
            kinds = ("killed",) if noun.startswith(("death", "fatal")) else ("injured", "killed")
        one = bool(m.group("not_hurt") or m.group("unhurt"))  # "he was unharmed": one person, not the toll
        # ("no injuries": the killed zero is inferred; "no deaths" tells it)
        inferred = cue is None and not said and (m.group("noun") or "").lower().startswith("injur")
        for kind in kinds:
            if one and any(not (m.start() <= toks[k].start < m.end()) for k, _ in cues):
                continue  # "he was unharmed, but some of his bodyguards were injured"
            # the people "not a single" or "not one" names are no toll: "NOT A SINGLE PERSON WAS
            # KILLED", "Not one of the 12 passengers was injured" (not "no" before a number: "Ward
            # No 7 two women were injured")
            if m.group().lower().startswith("not"):
                sums[kind] = [c for c in sums[kind] if not (m.start() <= c.start < m.end())]
            if not sums[kind]:
                negated.update(range(m.start(), m.end()))
                zero = Count(kind, 0, False, m.start(), m.end())
                if inferred and kind == "killed":
                    inferred_zero = inferred_zero or zero
                else:
                    sums[kind].append(zero)
    # "X was killed" / "he succumbed": one victim even without a number word.
    used_cues = set(bound.values())
    # "was injured and later succumbed", "succumbs to his injuries", "breathed his last"
    died_later = bool(_DIED_OF_WOUNDS.search(text))
    for k, kind in cues:
        if sums[kind] or k in used_cues or toks[k].start in negated or (kind == "injured" and died_later):
            continue
        b = k - 1  # back over "abducted and", "allegedly", "shot" to a singular "was"
        while (
            b > 0
            and k - b <= 4
            and (
                toks[b].low in ("and", "also", "allegedly", "reportedly", "brutally", "later", "then", "shot")
                # "was shot to death", not "was sentenced to death"
                or (toks[b].low == "to" and toks[k].low == "death" and toks[b - 1].low in _TO_DEATH)
                or (toks[b].low.endswith("ed") and toks[b].low not in ("killed", "injured", "wounded"))
                or toks[b].low in ("beaten", "burnt")  # "was beaten to death": no "-ed" to go by
                # "was severely injured"
                or (toks[b].low.endswith("ly") and toks[b].low not in ("only", "early"))
            )
        ):
            b -= 1
        if (
            b > 1
            and toks[b].low in ("was", "is")
            and toks[b - 1].low in _ONE_ATTACKER
            and toks[b - 2].low == "the"
        ):
            continue  # "The attacker is then shot dead by a fellow officer": the attack's own man
        if (
            kind == "killed"
            and b > 0
            and _only_militants(toks, max(0, b - 8), b)
            and _state_agent_after(toks, k)
        ):
            continue  # "A woman CPI Maoist cadre was killed in an alleged encounter with Police"
        if (b >= 0 and toks[b].low in ("was", "is")) or (kind == "injured" and _one_suffered(toks, k)):
            if kind == "killed" and any(t.low in ("nearly", "almost") for t in toks[b + 1 : k]):
                # "was nearly shot to death", "was almost killed": he lived, wounded
                if not sums["injured"]:
                    sums["injured"].append(Count("injured", 1, False, toks[k].start, toks[k].end))
                continue
            sums[kind].append(Count(kind, 1, False, toks[k].start, toks[k].end))
    caps = any(c.isupper() for c in text)
    for m in re.finditer(
        _DIED_OF_WOUNDS.pattern
        # (not told of another time: "he died last year", "she died years ago")
        + r"|\b(?:he|she)\s+(?:later\s+)?died\b(?!\s+(?:\w+\s+){0,2}\d{4}\b)"
        + rf"(?!\s+(?:\w+\s+){{0,6}}(?:{_ANOTHER_TIME})\b)"
        + "|"
        + _PASSED_AWAY.pattern
        # "a truck driver who suffered burn injuries in a petrol bomb attack ..., died at the burn unit"
        + r"|\bwho\s+(?:had\s+)?(?:suffered|sustained|received)\b[^.;]{0,200}?,\s+(?:later\s+)?died\b"
        r"|\bclaim(?:ing|ed|s)?\s+the\s+life\s+of\b"
        # "An unidentified gunman fired at Rabha ... Rabha died on the spot": a person named before
        # ("X, the party's candidate, has died from gunshot wounds": a perfect tense alike)
        r"|\b(?P<who>(?-i:[A-Z][a-z]+|[a-z]+)),?\s+(?:has\s+|had\s+)?(?:later\s+|also\s+)?died\b"
        r"(?!\s+(?:\w+\s+){0,4}\d{4}\b)",
        text,
        re.I,
    ):
        if m.group("who") is not None and not _one_died(text, m, caps):
            continue
        if m.group().lower().startswith("who") and _PLURAL_BEFORE.search(
            text[max(0, m.start() - 40) : m.start()]
        ):
            continue  # "Five policemen who sustained injuries ..., died": a count the verb binds, or none
        if not sums["killed"]:
            sums["killed"].append(Count("killed", 1, False, m.start(), m.end()))
    # "A driver ... was shot twice": one person wounded, when nothing else is counted, no attacker
    # was the one shot, and no death follows in this sentence or the next ("He died in hospital")
    for m in _WAS_SHOT.finditer(text):
        if sums["injured"] or sums["killed"] or m.group("subject").lower() in _ATTACKER_SUBJECTS:
            break
        if not _death_follows(text, m.end()):
            sums["injured"].append(Count("injured", 1, False, m.start("verb"), m.end("verb")))
        break
    # "Two labourers, identified as Abdul Sukur and Ainul Haq were shot in their residence": the
    # people counted are wounded, on the same terms
    for m in _WERE_SHOT.finditer(text):
        if sums["injured"] or sums["killed"]:
            break
        were = next((k for k, t in enumerate(toks) if t.start >= m.start()), len(toks))
        counted = [
            num
            for num in nums
            if not num.person
            and 0 < were - num.last <= 10
            # "two labourers", "two Muslim women"; not "in two villages residents were shot"
            and (noun := _counted_person(toks, num)) is not None
            and noun not in _PERPETRATORS
        ]
        if counted and not _death_follows(text, m.end()):
            num = counted[-1]
            sums["injured"].append(Count("injured", num.value, num.approx, toks[num.first].start, m.end()))
        break
    # "confirms the death of ISIL hostage Kayla Mueller", "assassinates former Russian Duma deputy
    # Denis Voronenkov": one person dead
    one_dead = _ONE_DEAD.search(text)
    if one_dead and not sums["killed"]:
        sums["killed"].append(Count("killed", 1, False, one_dead.start(), one_dead.end()))
    # "The CPI (Maoist) shot dead Sharad Kursami (30)": one named person, the age in brackets
    # saying it is a person; "shot and wounded Ali Khan (45)" alike
    for m in _NAMED_VICTIM.finditer(text):
        kind = "injured" if m.group("verb").lower().split()[-1] in _INJURY_CUES else "killed"
        verb_at = next((k for k, t in enumerate(toks) if t.start >= m.start()), len(toks))
        if sums[kind] or _state_subject(toks, verb_at):
            continue  # "Troops gunned down Riyaz Naikoo (40)": no attack's victim
        # "killed Ramesh Kumar (45) and his son Suresh Kumar (20)": every named person listed
        if m.group("titled"):
            before = text[max(0, m.start() - 40) : m.start()]
            if _BACKGROUND_CLAUSE.search(before) or _YEAR.search(text, m.end(), m.end() + 60):
                continue  # "after gunmen shot dead Rashid Rehman, a counsel", "which killed ... in 2011"
            sums[kind].append(Count(kind, 1, False, m.start("titled"), m.end("titled")))
            continue
        more = _MORE_NAMED.match(text, m.end())  # the pattern matches the empty string too
        named = 1 + (more.group().count("(") if more else 0)
        sums[kind].append(Count(kind, named, False, m.start("name"), m.end()))
    for m in _NAMED_BARE_AGES.finditer(text):
        kind = "injured" if m.group("verb").lower().split()[-1] in _INJURY_CUES else "killed"
        verb_at = next((k for k, t in enumerate(toks) if t.start >= m.start()), len(toks))
        # an age the parser took for a count inside the names goes ("Gul Zaman 30 in Bannu")
        sums[kind] = [c for c in sums[kind] if not m.start("people") <= c.start < m.end("people")]
        if not sums[kind] and not _state_subject(toks, verb_at):  # "Troops killed Riyaz Naikoo 40"
            named = len(re.findall(r"\d{1,2}", m.group("people")))
            sums[kind].append(Count(kind, named, False, m.start("people"), m.end("people")))
    ages_listed = _LISTED_WITH_AGES.search(text)
    if ages_listed:
        kind = "injured" if ages_listed.group("verb").lower() in ("wounded", "injured") else "killed"
        ages = len(re.findall(r",\s+\d{1,2}\b", ages_listed.group()))
        if ages >= 2:
            # "JOSE OSCAR MARIN, 32, AND PEDRO LUIS GOMEZ, 28, WERE KILLED": any age taken for a
            # count inside the list goes, and the people listed are counted
            sums[kind] = [
                c for c in sums[kind] if not ages_listed.start() <= c.start < ages_listed.end("verb")
            ]
            if not sums[kind]:
                sums[kind].append(Count(kind, ages, False, ages_listed.start(), ages_listed.end()))
    if not sums["killed"]:
        _count_named_objects(text, toks, sums, caps)
    if (
        inferred_zero is not None
        and not sums["killed"]
        # (nor a death the parser could not count: "The guard died on the spot")
        and not _DIED_AFTER.search(text[: inferred_zero.start] + " " + text[inferred_zero.end :])
    ):
        sums["killed"].append(inferred_zero)
    _count_toll_now(text, sums)
    _drop_restated_pair(text, sums)
    result.attackers_only = (
        not victims_told and bool(attackers_dead) and all(c in attackers_dead for c in sums["killed"])
    )
    for kind in ("killed", "injured"):
        counts = sums[kind]  # type: ignore[index]
        if not counts:
            continue
        # "27 killed and dozens more": the number is the figure, the plural adds none
        vague_ones = [c for c in counts if _vague_count(text, c)]
        vague = len(vague_ones) == len(counts)
        total = sum(c.value for c in counts if vague or c not in vague_ones)
        approx = any(c.approx for c in counts)
        if kind == "killed":
            result.killed, result.killed_approx, result.killed_vague = total, approx, vague
        else:
            result.injured, result.injured_approx, result.injured_vague = total, approx, vague
        result.counts.extend(counts)
    return result


def _vague_count(text: str, count: Count) -> bool:
    """Whether a count is only a plural with no number: "dozens", "scores of", "hundreds", or a
    scale after "several" or "a few" ("several dozen", "a few hundred")."""
    words = re.findall(r"[a-z]+|\d", text[count.start : count.end].lower())
    if words and words[0] in ("dozen", "hundred", "thousand"):
        before = re.findall(r"[a-z]+", text[max(0, count.start - 12) : count.start].lower())
        return bool(before) and before[-1] in ("several", "few")
    return any(w in _VAGUE for w in words) and not any(w.isdigit() or _is_numword(w) for w in words)


def _count_named_objects(text: str, toks: list[_Tok], sums: dict[Kind, list[Count]], caps: bool) -> None:
    """One dead per person an active killing verb names ("gunmen killed former MLA Rajesh Kumar",
    "KILLED DOLORES HINOSTROZA, THE MAYOR OF MULQUI"), when no count said how many died: a death
    told without a number word. Not when state forces killed, not for a killing recalled
    ("after gunmen shot dead ...", "which killed ... in 2011", "accused of killing ...")."""
    found: list[tuple[int, int, int, int]] = []  # verb start, name start, end, people named
    for m in _NAMED_OBJECT.finditer(text):
        name = m.group("name")
        office = m.group("office")
        if not _named_object_role(m.group("role") + (office or "")) or _NOT_A_PERSON_END.search(name):
            continue
        words = [w.lower() for w in name.split()]
        if words[0] in _NOT_NAMES or any(w in _FUNCTION_WORDS or w in _PREPOSITIONS for w in words):
            continue  # "Bomb Kills Afghan Soldiers In Helmand": a headline in title case, no name
        if names_a_group(words):
            continue  # "Gunmen killed Boko Haram in Borno"
        found.append((m.start(), m.start("name"), m.end(), 2 if m.group("more") else 1))
    # the same forms in wire copy the extractor lower-cased ("killed dolores hinostroza, the mayor")
    upper = _NAMED_UPPER if caps else _NAMED_CASELESS
    for m in upper.finditer(text):
        name = m.group("name") or m.group("named")
        if not all(_name_like(w) for w in name.lower().split()):
            continue  # "KILLED SIX PEASANTS, THE ARMY SAID": a count, not a name
        if m.group("name") and any(w in _ROLE_OK for w in m.group("role").lower().split()):
            found.append((m.start(), m.start("name"), m.end("name"), 1))
        elif m.group("named"):
            found.append((m.start(), m.start("named"), m.end(), 2 if m.group("more") else 1))
    starts = [t.start for t in toks]
    for verb, start, end, named in sorted(found):
        verb_at = bisect_left(starts, verb)
        clause = text[max(text.rfind(".", max(0, verb - 300), verb) + 1, verb - 300) : verb]
        if (
            _state_subject(toks, verb_at)
            or _FORCE_SUBJECT.search(clause)
            or _BACKGROUND_CLAUSE.search(text[max(0, verb - 40) : verb])
            or _RECALLED_BY.search(text[max(0, verb - 30) : verb])
            or _YEAR.search(text[end : end + 60])
            or _STRIKE.search(clause)
            or _STATE_CLAIMS.search(clause)
            or _LAST_TIME.search(clause)
            or _LAST_TIME.match(text, end)
        ):
            continue
        sums["killed"].append(Count("killed", named, False, start, end))
        return  # the first person named; others are told by counts or by "and his son"


def _name_like(word: str) -> bool:
    """Whether a lower-cased word can be part of a person's name: no function word, number,
    month, casualty word or noun for people ("six peasants", "in san salvador")."""
    return (
        word.isalpha()
        and word not in _FUNCTION_WORDS
        and word not in _PREPOSITIONS
        and word not in _NOT_NAMES
        and word not in _PERSON_NOUNS
        and word not in _KILL_CUES
        and word not in _INJURY_CUES
        and not _is_numword(word)
        and word not in ("people", "persons", "his", "her", "their", "them", "him")
    )


# "accused of killing", "arrested for murdering", "charged with": a killing recalled by a case;
# "the murdered journalist": an adjective
_RECALLED_BY = re.compile(r"\b(?:of|for|with|in|the|a|an|his|her|their)\s+$", re.I)
# "The army said it killed Taliban commander Mullah Nazir": the forces' own claim
_STATE_CLAIMS = re.compile(
    r"\b(?:army|police|troops|military|forces|rangers|commandos|soldiers|crpf|bsf|officials)\b[^.;]{0,60}"
    r"\bsaid\s+(?:that\s+)?(?:it|they)\b",
    re.I,
)
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "In a separate incident last year, militants killed ...", "killed ... last May": a killing recalled
_LAST_TIME = re.compile(
    r"[^.;]{0,40}?(?:\blast\s+(?:year|month|week|" + _MONTH_NAMES + r")\b|\bearlier\b|\bover\s+the\s+years\b|"
    r"\bhad\s+(?:\w+\s+)?(?:killed|shot|murdered)\b)|^\s*in\s+" + _MONTH_NAMES + r"\b",
    re.I,
)
# The forces as the subject at the head of the clause: "Rangers shot dead ...", "The CRPF killed ..."
_FORCE_SUBJECT = re.compile(
    r"^\s*(?:the\s+)?(?:\w+\s+)?(?:rangers|commandos|crpf|bsf|ctd|ats|security\s+forces|troops|police|army|"
    r"soldiers)\b[^,;]*$",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "a March 24 airstrike in Ubari, Libya, killed Musa Abu Dawud": a state's strike, no attack's victim
_STRIKE = re.compile(r"\b(?:air\s*strikes?|drone\s+strikes?|missile\s+strikes?|air\s+raids?)\b", re.I)


def _count_toll_now(text: str, sums: dict[Kind, list[Count]]) -> None:
    """A death toll that rose ("has risen to 116") is the attack's dead: it replaces the earlier
    tellings of them, and a count after it in the same sentence ("rises to 21 when an injured
    activist succumbed"). Only when the passage has one such toll, and not a toll over a period
    ("this year", "since 2015", "of the insurgency"); another attack marked as such keeps its count."""
    tolls = list(_TOLL_NOW.finditer(text))
    if len(tolls) != 1:
        return
    sentence_end = text.find(". ", tolls[0].end())
    sentence_end = len(text) if sentence_end < 0 else sentence_end
    if _AGGREGATE_TOLL.search(text, tolls[0].start(), sentence_end):
        return
    toll = tolls[0]
    parsed = parse_number(toll.group("n"))
    if parsed is None or parsed[0] <= 0:
        return
    value, approx = parsed
    start, end = toll.start("n"), toll.end("n")
    marks = sorted(m.start() for p in (_ANOTHER_TOLL, _ALSO) for m in p.finditer(text))

    def marked(lo: int, hi: int) -> bool:  # a word of another attack between lo and hi
        at = bisect_left(marks, lo)
        return at < len(marks) and marks[at] < hi

    sums["killed"] = [
        c
        for c in sums["killed"]
        if (c.start > end and (c.start > sentence_end or marked(end, c.end + 40)))
        or (c.end <= toll.start() and marked(c.end, toll.start()))
    ]
    # the toll's number is no one's wounded ("had risen to 21 when an injured activist succumbed"),
    # and the wounded told again beside it are the same ("... injuring 63 others. The death toll
    # has risen to 31 with 63 wounded")
    earlier = {c.value for c in sums["injured"] if c.end <= toll.start()}
    sums["injured"] = [
        c
        for c in sums["injured"]
        if not (c.start < end and start < c.end)
        and not (toll.start() <= c.start <= sentence_end and c.value in earlier)
    ]
    sums["killed"].append(Count("killed", value, approx or bool(toll.group("bound")), start, end))


# Words between two tolls that make the second another incident's.
_ANOTHER_TOLL = re.compile(
    r"\b(?:another|separate(?:ly)?|elsewhere|second|meanwhile|earlier|previous|similar|also on|later)\b",
    re.I,
)
_NEW_SETTING = re.compile(
    r"\b(?:[Oo]n\s+(?:[A-Z][a-z]+day|\d{1,2}\s+" + _MONTH_NAMES + r"|" + _MONTH_NAMES + r"\s+\d{1,2})|"
    r"(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?[A-Z][a-z]+)"
)
_PLACE_AFTER = re.compile(r"\b(?:in|at|near)\s+(?:the\s+|a\s+\w+\s+(?:in|at)\s+)?([A-Z][a-z]+)")


def _new_place(text: str, first_end: int, second: int, second_end: int) -> bool:
    """Whether the second toll's clause names, after "in/at/near", a capitalised place that the text
    before the second toll does not name."""
    own = text[second : second_end + 80]
    before = text[:second]
    return any(m.group(1) not in before for m in _PLACE_AFTER.finditer(own))


# Words by which a toll points back to the attack just told.
_BACK_TO_IT = re.compile(
    r"\b(?:during|in) the (?:attack|incident|firing|blast|explosion|ambush|assault|encounter)\b", re.I
)


def _drop_restated_pair(text: str, sums: dict[Kind, list[Count]]) -> None:
    """A toll of dead and wounded told twice with the same two figures ("Three FC personnel ...
    were martyred while three others were injured ... Three FC personnel died while three others
    including an officer were also injured during the attack"): the second pair is the first
    restated, "also" or not, unless a word between marks another incident. Dropped in place."""
    killed, injured = sums["killed"], sums["injured"]
    if not 2 <= len(killed) <= 6 or not 2 <= len(injured) <= 6:
        return  # (more tolls than a bulletin restates: a digest, and the search would be quartic)
    for k1 in killed:
        for i1 in injured:
            first_end = max(k1.end, i1.end)
            for k2 in killed:
                for i2 in injured:
                    second = min(k2.start, i2.start)
                    if (
                        k2.value == k1.value > 0
                        and i2.value == i1.value > 0
                        and second > first_end
                        and not _ANOTHER_TOLL.search(text, first_end, second)
                        # "... On May 3 two soldiers were killed", "In Shopian District two ...": a
                        # date or a place right before the second toll, or a place in it not named
                        # before, tells another attack
                        and not _NEW_SETTING.search(text, max(first_end, second - 40), second)
                        and not _new_place(text, first_end, second, max(k2.end, i2.end))
                        # the second telling points back to the attack told ("during the attack")
                        and _BACK_TO_IT.search(text, second, max(k2.end, i2.end) + 100)
                    ):
                        killed.remove(k2)
                        injured.remove(i2)
                        return


# Who a count is of when the count names the attackers, not the attacked.
_ATTACKER_NOUNS = _PERPETRATORS | _ONE_ATTACKER | {"cadre", "cadres", "fighter", "fighters", "militiamen"}
_VICTIM_REACH = 4  # words between a count and its person noun ("eight Pakistani paramilitary soldiers")
# Nouns that only point back to people counted before ("two others", "the other ones"): who they
# were, the earlier phrase says.
_ANYONE = {"others", "other", "ones"}


def victim_phrases(text: str, counts: list[Count]) -> list[str]:
    """The people a sentence's casualty counts are of, as written ("eight people", "Three
    construction workers"): who an attack hit when the text names no other target. Counts of
    attackers ("two militants") and zero tolls are not victims."""
    out: list[str] = []
    for count in counts:
        if count.value <= 0:
            continue
        written = text[count.start : count.end]
        if " " in written.strip():
            # a mention that lists its people ("Two soldiers and three construction workers",
            # "a policeman and two civilians"): each item that names who they were
            for item in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+along with\s+", written):
                words = item.split()
                low = words[-1].lower() if words else ""
                if low in _PERSON_NOUNS and low not in _ATTACKER_NOUNS | _ANYONE and low not in _ATTRIBUTIVE:
                    phrase = " ".join(words)
                    if phrase not in out:
                        out.append(phrase)
            continue
        words = list(re.finditer(r"[A-Za-z]+(?:[-'][A-Za-z]+)*", text[count.end :]))[:_VICTIM_REACH]
        for m in words:
            low = m.group().lower()
            if low in _PERSON_NOUNS:
                if low not in _ATTACKER_NOUNS and low not in _ATTRIBUTIVE and low not in _ANYONE:
                    phrase = " ".join(text[count.start : count.end + m.end()].split())
                    if phrase not in out:
                        out.append(phrase)
                break
            if low in _NUM_FOLLOWERS - {"civilians", "people", "persons", "soldiers", "others"}:
                break  # "three were killed in Kabul and two people ...": the noun is another count's
    return out
