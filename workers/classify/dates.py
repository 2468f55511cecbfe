"""When an incident happened: the date expression of its sentences, as written, and its ISO date.

Expressions (both modes, a regular expression; with the NER pipeline, spaCy's DATE entities are
also candidates when they contain a weekday, a month or a relative day word):
"on Tuesday", "early Sunday", "late on Sunday", "on Saturday, June 7", "on 12 March 2019",
"March 12", "yesterday", "today", "this morning", "last night", "last week", "two days ago",
"a day before".

Attachment: the first expression of the incident's sentences that does not belong to a verb of
saying ("the ministry said on Thursday", "reported Tuesday", "reports Dawn on November 20") or
to a span of time ("since 2001", "for three months", "in the past few days").

Resolution (``resolve``): an absolute date with its year always; a day and month against the
reference date (the latest such day not after it, a day of slack for time zones); a weekday as the
latest such day on or before the reference ("last Tuesday": strictly before); "today", "this
morning", "tonight" as the reference; "yesterday", "last night" as the day before; "N days ago".
Vague ones ("last week", "earlier this month", "a day before") and anything without a reference
resolve to None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|midnight|noon))?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_PATTERN = re.compile(
    rf"(?:\b(?:early|late)\s+(?:on\s+)?|\bon\s+(?:the\s+)?)?"
    rf"(?:"
    rf"(?:(?:last|this|next)\s+)?{_WEEKDAY}{_PART}(?:,?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|,?\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)?"
    rf"|{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?{_PART}"
    rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?{_PART}"
    rf"|(?:the\s+)?night\s+of\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?:the\s+day\s+before\s+)?yesterday{_PART}|today|tonight|this\s+(?:morning|afternoon|evening)"
    rf"|last\s+(?:night|evening)"
    rf"|(?:last|earlier\s+this|this|late\s+last|this\s+past)\s+(?:week|month|weekend)"
    rf"|(?:\d+|one|two|three|four|five|six|seven|ten|a|a\s+few)\s+days?\s+(?:ago|earlier|before)"
    # "a few minutes ago", "two hours ago": wire copy written while the attack goes on
    rf"|(?:\d+|one|two|three|four|five|six|a|an|a\s+few|several)\s+(?:minutes?|hours?)\s+ago"
    # "in the past few hours", "within the last 24 hours": the attacks a bulletin reports
    rf"|(?:in|during|within)\s+the\s+(?:past|last)\s+(?:few\s+|\d+\s+|two\s+|three\s+)?(?:hours|days)"
    rf"|{_MONTH}\s+{_YEAR}"
    rf")\b",
    re.I,
)
_SAYING = re.compile(
    r"\b(?:said|says|say|told|reported|reports|report|stated|states|announced|added|according|quoted|"
    r"wrote|statement|published|claimed|confirmed|communiqu\w*|issued)\b",
    re.I,
)
_SPAN_BEFORE = re.compile(r"\b(?:since|until|till|for|by|from|through|past)\s*$", re.I)
_MAY_ALONE = re.compile(r"(?:on\s+)?may", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:.(]|\bthat\b|\bwhen\b|\bafter\b")
_SAID_AFTER = re.compile(r"\s*(?:said|says|told|reported|announced)\b", re.I)
_LEAD = re.compile(r"^(?:early|late)\s+(?:on\s+)?|^on\s+(?:the\s+)?")
_YEAR_IN = re.compile(rf"\b({_YEAR})\b")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b")
_AGO = re.compile(r"^(\d+|one|two|three|four|five|six|seven|ten|a) days? ago$")
_ON_WEEKDAY = re.compile(rf"^(last |this )?({'|'.join(_WEEKDAYS)})\b")
# Full month names only: "may" and the abbreviations are ordinary words too often on their own.
_FULL_MONTHS = "|".join(m for m in _MONTHS if len(m) > 4 or m in ("june", "july"))
_WEEKDAY_NAMES = "|".join(_WEEKDAYS)
_DAY_WORD = re.compile(rf"\b(?:{_WEEKDAY_NAMES}|{_FULL_MONTHS}|today|yesterday|tonight)\b", re.I)
# A sentence that dates its incident to a past year or month ("in March", "in 2004", "in March
# 2004", "years ago") and says nothing of today recalls it. "On March 7", "on Sunday" and "last
# week" are how reports date what just happened, and a sentence with one of them is current
# whatever else it recalls ("the deadliest since 2004").
_PAST = re.compile(
    rf"\bin\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_FULL_MONTHS})\s+)?(?:19|20)\d\d\b"
    rf"|\bin\s+(?:{_FULL_MONTHS})\b(?!\s+\d)"
    r"|\b(?:years|decades)\s+ago\b",
    re.I,
)
_CURRENT = re.compile(
    r"\b(?:today|yesterday|tonight|last\s+(?:night|week)|this\s+(?:morning|afternoon|evening|week)"
    rf"|on\s+(?:{_WEEKDAY_NAMES})"
    rf"|(?:{_FULL_MONTHS})\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{_FULL_MONTHS})\b)",
    re.I,
)


_RITE_AFTER = re.compile(r"\s+(?:prayers?|sermons?|mass|service|services|market|bazaar)\b", re.I)
_WEEKDAY_ALONE = re.compile(rf"(?:on\s+)?(?:{_WEEKDAY_NAMES})", re.I)


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, expression) of the date expressions in ``text``, left to right."""
    out = []
    for m in _PATTERN.finditer(text):
        expr = m.group().strip()
        # "May" the auxiliary: a month needs a day or a year
        if _MAY_ALONE.fullmatch(expr):
            continue
        out.append((m.start(), m.end(), expr))
    # "during the Friday prayer ... on May 17": a weekly rite is no date when the text gives one
    dated = [o for o in out if not weekly_rite(text, o[1], o[2])]
    return dated if dated else out


# Relative expressions that place an attack only roughly: "a few minutes ago", "in the past few
# hours", "a few days ago". An incident takes one only when nothing dates it more closely, and a
# sentence that gives one tells no other attack for it.
_ROUGH = re.compile(
    r"^(?:(?:\d+|one|two|three|four|five|six|a|an|a\s+few|several)\s+(?:minutes?|hours?)\s+ago"
    r"|last\s+evening"
    r"|a\s+few\s+days?\s+(?:ago|earlier|before)"
    r"|(?:in|during|within)\s+the\s+(?:past|last)\s+.*)$",
    re.I,
)


# ... not the victims' own clause: "THE TWO U.S. CITIZENS WHO WERE KIDNAPPED IN THE PAST FEW HOURS"
_OTHER_CLAUSE = re.compile(
    r"\b(?:had|such)\b|\b(?:who|which|whom)\b(?!\s+(?:was|were)\s+\w+(?:ed|en)\b)", re.I
)


def rough(expr: str) -> bool:
    """Whether a date expression places its attack only roughly (:data:`_ROUGH`)."""
    return _ROUGH.match(expr.strip()) is not None


def weekly_rite(text: str, end: int, expr: str) -> bool:
    """Whether a weekday ending at ``text[end]`` names a weekly rite or market, not a date:
    "during the Friday prayer", "at the Sunday market"."""
    return bool(_RITE_AFTER.match(text, end)) and _WEEKDAY_ALONE.fullmatch(expr.strip()) is not None


def names_a_day(expr: str) -> bool:
    """Whether a date expression from elsewhere (an NER DATE entity) names a day, a month or a
    weekday, as an attack's date does ("last week" and "two years" do not)."""
    return _DAY_WORD.search(expr) is not None


def recalls_the_past(sentence: str) -> bool:
    """Whether a sentence dates what it tells to a past month or year, and to nothing recent."""
    return _PAST.search(sentence) is not None and _CURRENT.search(sentence) is None


# Another year or month than the report's, told relative to it: "last year", "two months ago",
# "three weeks ago", "earlier this year", "in January" (a month with no day).
_ANOTHER_YEAR = re.compile(
    r"\blast\s+(?:year|month)\b|\b(?:\w+\s+)?(?:years?|months?|decades?)\s+ago\b"
    r"|\b(?:two|three|four|five|six|several|\d+)\s+weeks\s+ago\b|\bearlier\s+this\s+year\b"
    rf"|\bin\s+(?:early\s+|late\s+|mid-?)?(?:{_FULL_MONTHS})\b(?!\s*,?\s*\d)",
    re.I,
)
# What the clause of a recalled attack tells: "where a Maoist ambush had killed 27 people last year"
_ATTACK_TOLD = re.compile(
    r"\b(?:attack\w*|bomb\w*|blasts?|explo\w+|ambush\w*|grenades?|rockets?|mortars?|IEDs?|fired|shot|"
    r"shooting|kill\w*|died|dead|murder\w*|assassinat\w*|massacre\w*|wound\w*|injur\w*|kidnap\w*|"
    r"abduct\w*|targeted|stormed|torched|raid\w*)\b",
    re.I,
)
_CLAUSE_EDGE = re.compile(r"[,;:]")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|where|that)\b", re.I)
# A measure from today, not a time of its own: "since the army retook the town last year",
# "compared with last month"
_SPAN_FROM = re.compile(r"\b(?:since|until|till|compared)\b", re.I)
# Today's words ("on Monday", "yesterday", "Tuesday" alone as wire copy dates): a sentence with one
# tells of now, whatever it recalls ("Militants who escaped from prison last year killed three
# guards Tuesday"). Not a day of the month, which a recalled attack has too ("on June 25 last year").
_NOW = re.compile(
    rf"\b(?:today|yesterday|tonight|last\s+(?:night|week)|this\s+(?:morning|afternoon|evening|week)"
    rf"|{_WEEKDAY_NAMES})\b",
    re.I,
)
_OF_ANOTHER_YEAR = re.compile(r"\s*,?\s*(?:last\s+year|(?:19|20)\d\d)\b", re.I)


def tells_of_today(sentence: str) -> bool:
    """Whether a sentence names today, yesterday or a day of this week ("on Monday", "Tuesday")."""
    return _NOW.search(sentence) is not None


def another_time(sentence: str) -> str | None:
    """The time ("last year", "in june") of an attack a sentence tells of last year or month, of
    weeks, months or years ago or of a month with no day, when it tells nothing of today; else
    None. Its attack is not the one reported, when the report tells another (the caller decides
    that): "A soldier died in an ambush on the same road last year."

    The time must be the attack's: its clause tells an attack ("Last year, ..." takes the clause
    after it), it is no measure from today ("the highest toll since the army retook the town last
    year"), and the clause is not about something else ("a policeman who joined the force last
    year", "a truce agreed two months ago"). A day of the month dates today's attack unless another
    year follows it ("on June 25 last year").

    Separate from :func:`recalls_the_past`, which the triage's features read as trained."""
    recalled = None
    for m in _ANOTHER_YEAR.finditer(sentence):
        start = max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, 0, m.start())), default=0)
        after = _CLAUSE_EDGE.search(sentence, m.end())
        end = after.start() if after else len(sentence)
        if len(sentence[start:end].split()) <= 4 and after is not None:
            following = _CLAUSE_EDGE.search(sentence, after.end())
            end = following.start() if following else len(sentence)  # "Last year, a soldier died ..."
        if _SPAN_FROM.search(sentence, start, m.start()):
            continue
        # inside a relative clause, that clause's: "the same area where a Maoist ambush had killed
        # 27 people last year", not "REFUGEES WHO RETURNED TO THE COUNTRY LATE LAST YEAR"
        relative = [r.end() for r in _RELATIVE.finditer(sentence, start, m.start())]
        if _ATTACK_TOLD.search(sentence, relative[-1] if relative else start, end):
            recalled = " ".join(m.group().lower().split())
            break
    if recalled is None or tells_of_today(sentence):
        return None
    if all(_OF_ANOTHER_YEAR.match(sentence, c.end()) for c in _CURRENT.finditer(sentence)):
        return recalled
    return None


# A possessive day before the attack it names: "yesterday's attack", "Sunday's twin bombings".
_OF_THE_ATTACK = re.compile(
    r"['’]s?\s+(?:\w+\s+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|ambush|assault|raid|shooting|"
    r"massacre|killings?)\b",
    re.I,
)


def attached(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``text[start:end]`` can date the attack the sentence reports:
    not the date of a statement ("said on Thursday", "reports Dawn on November 20") nor a bound of a
    span of time ("since March 2019")."""
    if _OF_THE_ATTACK.match(text, end):
        return True  # "claim responsibility for yesterday's attack": the attack's own day
    before = text[max(0, start - 40) : start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = clause.split()
    if _SAYING.search(" ".join(words[-4:])):
        return False
    if _SPAN_BEFORE.search(before):
        return False
    # "A man who had been released a few days ago shot dead two policemen", "the second such blast
    # in the past few days": a rough time of something else the sentence tells
    if rough(text[start:end]) and _OTHER_CLAUSE.search(clause):
        return False
    # "Bamako, March 12, 2019 (AFP) - Six Malian troops were killed on Tuesday": the day of the
    # filing, after the dateline's comma (not "in Kabul on January 5 (Reuters) -")
    if AGENCY_AFTER.match(text, end) and text[max(0, start - 2) : start] == ", ":
        return False
    # "The ministry on Thursday said": the statement's date; "... on July 21, reported Dawn" is not
    return not _SAID_AFTER.match(text[end : end + 25])


# News agencies, whose credit follows a dateline: "Bamako, March 12, 2019 (AFP) -".
AGENCIES = (
    "AFP", "Reuters", "AP", "Xinhua", "UPI", "dpa", "EFE", "ANI", "PTI", "IANS", "Anadolu", "IRNA", "Bernama",
    "Kyodo", "Yonhap",
)  # fmt: skip
# A news agency's credit after a dateline's date or place.
AGENCY_AFTER = re.compile(
    r",?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?\((?:" + "|".join(AGENCIES) + r")\)\s*[-–—:]"
)


def _normal(expr: str) -> str:
    return _LEAD.sub("", " ".join(expr.lower().replace(",", " ").replace(".", " ").split()))


def _month_and_day(low: str) -> tuple[int | None, int | None]:
    month = day = None
    for tok in re.findall(r"[a-z]+|\d+", low):
        if tok in _MONTHS and month is None and not (tok == "may" and not re.search(r"may\s+\d", low)):
            month = _MONTHS[tok]
        elif tok.isdigit() and len(tok) <= 2 and day is None:
            day = int(tok)
    ordinal = _ORDINAL.search(low) if day is None else None
    if ordinal:
        day = int(ordinal.group(1))
    return month, day


def month_day(expr: str) -> tuple[int, int] | None:
    """The month and day a date expression names, whatever its year ("late on September 26,
    2012" -> (9, 26)); None when it names no day of a month ("in March 2008", "on Monday")."""
    month, day = _month_and_day(_normal(expr))
    return (month, day) if month and day else None


def resolve(expr: str, reference: date | None) -> date | None:
    low = _normal(expr)
    year_m = _YEAR_IN.search(low)
    year = int(year_m.group(1)) if year_m else None
    month, day = _month_and_day(low)
    if month and day:
        if year:
            return _safe(year, month, day)
        if reference is None:
            return None
        candidate = _safe(reference.year, month, day)
        if candidate and candidate > reference + timedelta(days=1):
            candidate = _safe(reference.year - 1, month, day)
        return candidate
    if month:  # "June 2019": a month, not a day
        return None
    if reference is None:
        return None
    if re.search(r"\bday before yesterday\b", low):
        return reference - timedelta(days=2)
    if re.search(r"\byesterday\b|\blast (?:night|evening)\b", low):
        return reference - timedelta(days=1)
    if re.search(r"^(?:today|tonight|this (?:morning|afternoon|evening))$", low):
        return reference
    ago = _AGO.match(low)
    if ago:
        n = int(ago.group(1)) if ago.group(1).isdigit() else _NUMBERS[ago.group(1)]
        return reference - timedelta(days=n)
    wd = _ON_WEEKDAY.match(low)
    if wd:
        back = (reference.weekday() - _WEEKDAYS[wd.group(2)]) % 7
        if wd.group(1) == "last " and back == 0:
            back = 7
        return reference - timedelta(days=back)
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
