"""How many attacks: grouping an article's attack sentences into incidents.

Consecutive attack sentences are one incident unless one names a different place, an
incompatible type, another day or an earlier attack of its own (:func:`_compatible`); a later
group that restates the same toll is the same incident told twice (:func:`_restates`). Each group
becomes one :class:`Incident` with its type, place, tolls, actors, targets and date
(:func:`group_incidents`). Apart from :mod:`.extraction`, which builds the sentences these rules
read, because they are a subject of their own: what makes two sentences one attack.
"""

from __future__ import annotations

import re
from datetime import date

from wirewatch.workers.classify import dates as _dates
from wirewatch.workers.classify.casualties import parse_number
from wirewatch.workers.classify.patterns import (
    GENERIC,
    GENERIC_PERPETRATORS,
    TYPE_PRIORITY,
    group_homes,
    names_a_group,
    vocabulary,
)
from wirewatch.workers.classify.place_mentions import (
    choose_location,
    context_country,
    context_location,
    only_asides,
    same_name,
    same_place,
)
from wirewatch.workers.classify.sentence_facts import Mention, Sentence
from wirewatch.workers.classify.targets import MAX_TARGETS, distinct, head_key, load_lexicon
from wirewatch.workers.models import Incident, Location

_EXPLOSIVE = {"bombing", "suicide_attack", "ied", "rocket_mortar_attack"}
_OPENING_PLACE = re.compile(
    r"\W*(?:In|At|Near)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,"
    # wire copy in capitals, no comma: "IN THE TOWN OF SAN CLEMENTE TERRORISTS THREW BOMBS",
    # "IN TIRAPATA VILLAGE (PUNO DEPARTMENT) A ... DETACHMENT"
    r"|\W*(?i:in|at|near)\s+(?i:the)\s+(?i:town|village|city|hamlet|locality|municipality)\s+(?i:of)\s+"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"|\W*(?i:in|at|near)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?i:village|town|district|department|province)\b"
)
# Words that mark a sentence's attack as another one than the incident before it.
_DISTINCT = re.compile(
    r"\b(?:another|separately|separate|earlier|previously|meanwhile|elsewhere|similar|second|third|"
    r"yet other)\b",
    re.I,
)
# Hostages taken in an assault: the siege's, not an abduction of its own.
_HOSTAGES = re.compile(r"\bhostages?\b", re.I)
# How a digest opens its next item.
_NEXT_ITEM = re.compile(r"\W*(?:similarly|likewise|in addition|additionally|finally|moreover|also)\b", re.I)


def group_incidents(
    sentences: list[Sentence],
    events: list[Sentence],
    reference: date | None = None,
    outlet: str | None = None,
    dateline: Location | None = None,
) -> tuple[list[Incident], list[tuple[int | None, int | None]]]:
    """Group event sentences into incidents; also the (killed, injured) tolls shared by several
    incidents and so given to none of them. ``outlet``: the country of the news outlet the
    article cites, the last resort for the country of a place nothing else locates; ``dateline``:
    the place the story was filed from, the last resort for an incident no sentence locates."""
    # Sentences after the lead that tell an attack of another time ("last year", "three weeks ago",
    # "in June": :func:`.dates.another_time`) and nothing of today recall an earlier attack: they
    # start an incident of their own, marked as earlier. The lead is the report even when it
    # reaches back ("The ELN, which kidnapped a businessman two months ago in Quito, is demanding a
    # ransom"), and a time the lead names too is the report's ("16 Pakistani Policemen, captured
    # during a raid in June ... captured when the Taliban staged an attack ... in June").
    # A page that repeats itself (a scrape that caught the story twice, a block of copy pasted
    # again) tells no more attacks for it: an event sentence word for word the same as an earlier
    # one adds nothing.
    once: dict[str, Sentence] = {}
    for s in events:
        once.setdefault(" ".join(s.text.lower().split()), s)
    events = list(once.values())
    lead = " ".join(events[0].text.lower().split()) if events else ""
    recalled = {id(s) for s in events[1:] if (when := _dates.another_time(s.text)) and when not in lead}
    groups: list[list[Sentence]] = []
    earlier: list[bool] = []
    series: dict[int, Sentence] = {}  # id of a sentence telling the next of several -> the count's
    told = list(sentences[:1])  # the lead and the event sentences before the one at hand
    for s in events:
        joins = bool(groups) and _compatible(groups[-1], s)
        # (noted even where the sentence starts an incident anyway, so that its toll is known
        # to be the series'; an earlier attack recalled is none of it)
        if groups and id(s) not in recalled and (counted := _next_of_several(told, s)):
            # "TWO BOMBS EXPLODED ... THE SECOND EXPLOSION TOOK PLACE AT A BANK ... THE OTHER
            # EXPLOSION ...": no more attacks than the count says (the second is told again)
            parts = sum(1 for c in series.values() if c is counted)
            if parts + 1 < _how_many(counted):
                series[id(s)] = counted
                joins = False
        if joins and id(s) in recalled and not earlier[-1]:
            joins = False
        elif joins and earlier[-1] and id(s) not in recalled and _dates.tells_of_today(s.text):
            # after an earlier attack, a sentence that tells of today is the report's again ("...
            # last year. On Tuesday, gunmen shot dead a policeman"); one that tells no time of its
            # own goes on with the earlier one, as background runs on ("IN OCTOBER ALONE, THEIR
            # ACTIONS CLAIMED 200 LIVES")
            joins = False
        if joins:
            groups[-1].append(s)
        else:
            # "FIFTEEN SOLDIERS WERE KILLED TODAY ... FARC REBELS KILLED 28 SOLDIERS DURING AN
            # AMBUSH IN THE SAME AREA IN LATE 1987": another year than the lead's is an earlier one
            earlier.append(bool(groups) and (id(s) in recalled or _before_the_lead(groups[0], s, reference)))
            groups.append([s])
        told.append(s)
    # "At least eight people were killed in a suicide attack in Hangu ... The bomber killed eight
    # people near a mosque": a later group that states the same figure again is the same incident
    # told twice, unless the text marks it as another one.
    merged: list[list[Sentence]] = []
    merged_earlier: list[bool] = []
    for g, old in zip(groups, earlier, strict=True):
        if merged and merged_earlier[-1] == old and _restates(merged[-1], g):
            merged[-1] = merged[-1] + g
        else:
            merged.append(g)
            merged_earlier.append(old)
    groups = merged
    incidents = []
    shared: list[tuple[int | None, int | None]] = []
    uncounted = _series_totals(groups, series, shared, merged_earlier)
    for g, old in zip(groups, merged_earlier, strict=True):
        for s in g:
            s.earlier = old
        types: set[str] = set().union(*(s.types for s in g)) - {GENERIC}
        counted = any(s.killed is not None or s.injured is not None for s in g)
        if not types and not counted and not any(s.types for s in g):
            continue
        if counted and any(s.killed for s in g) and types <= {"arson", "checkpoint_attack"}:
            types.add("armed_assault")  # killed by some means the text does not name
        itype = min(types, key=lambda t: TYPE_PRIORITY.get(t, 99)) if types else "armed_assault"
        killed = _tolls([s for s in g if 0 not in uncounted.get(id(s), ())])[0]
        injured = _tolls([s for s in g if 1 not in uncounted.get(id(s), ())])[1]
        loc = choose_location(g, village_first=True)
        if loc is None and id(g[0]) in series:
            # the next attack of a series, placed nowhere: where the count put them all, not the
            # place of the attack told just before it
            loc = choose_location([series[id(g[0])]], village_first=True)
        if loc is None or only_asides(g):
            # "three bomb attacks against U.S. properties": a place that only says whose
            # yields to a place the sentences around name as where
            loc = context_location(sentences, g[0], where=True) or loc or context_location(sentences, g[0])
        if loc is None and dateline is not None:
            loc = dateline.model_copy()
        if loc is not None and loc.country_code is None:
            loc.country_code = (
                context_country(sentences, g) or outlet or _home_of([a for s in g for a in s.groups])
            )
        actors: list[str] = []
        for s in g:
            actors += [a for a in s.groups if a not in actors]
        if not actors and g[0].definite:
            # "TTP militants abducted nine people in two separate incidents ... In the first
            # incident, the militants intercepted a bus": the one group named before
            before = {a for s in sentences if s.start < g[0].start and (s.event or s.claim) for a in s.groups}
            if len(before) == 1:
                actors = list(before)
        if not actors:  # "Meanwhile, the TTP claimed responsibility for the attack."
            claims = [s for s in sentences if s.claim and s.groups and s not in g and s.start > g[0].start]
            if claims and len(groups) == 1:
                actors = list(claims[0].groups)
        if not actors:
            generic = [a for s in g for a in s.generic]
            actors = generic[:1]
        if not actors:
            actors = _the_attackers_after(sentences, g)
        if not actors:  # "An official, abducted by a gang of criminals": who the parse says did it
            actors = next(([s.parsed_actors[0]] for s in g if s.parsed_actors), [])
        # "in the past few hours ... early this morning": the closer date
        told = [d for s in g for d in s.dates]
        when = next((d for d in told if not _dates.rough(d)), told[0] if told else None)
        if when is None:
            when = _digest_date(sentences, g)
        resolved = _dates.resolve(when, reference) if when else None
        targets = _with_victims(_merge_targets(g), _victims(g), actors + [a for s in g for a in s.groups])
        if not targets:
            # no attack word's neighbour nor toll says who was hit: what the parse read, if anything
            targets = _merge_targets(g, parsed=True)
        if _singled_out(targets, killed, types):
            itype = "assassination"
        incident = Incident(
            type=itype,
            location=loc,
            killed=killed,
            injured=injured,
            actors=actors,
            targets=targets,
            date=when,
            date_iso=resolved.isoformat() if resolved else None,
            sentence=" ".join(s.text for s in g),
            earlier=old,
        )
        places = _separate_places(g)
        if len(places) < 2:
            incidents.append(incident)
            continue
        # "two suicide bombings at mosques kill 33 people in Yola and Maiduguri": one incident
        # per place; the toll is the two attacks', no one of them's (the article's totals keep it,
        # unless the attacks are earlier ones)
        if not old:
            shared.append((killed, injured))
        for place in places:
            if place.country_code is None and loc is not None:
                place.country_code = loc.country_code  # "Berg and Pulwama districts": both in India
            incidents.append(incident.model_copy(update={"location": place, "killed": None, "injured": None}))
    return incidents, shared


def _the_attackers_after(sentences: list[Sentence], group: list[Sentence]) -> list[str]:
    """Who did it, told right after an incident that names nobody: "FIVE PERSONS WERE SERIOUSLY
    WOUNDED IN THIS TERRORIST ATTACK ... THE TERRORISTS LEFT A COMMUNIQUE". The definite article
    points back to the attack just told; only within the next ten sentences, and not past the
    next attack's."""
    after = [s for s in sentences if s.start > group[-1].start and s not in group]
    named_before = {a for s in sentences if s.start < group[0].start for a in s.generic}
    for s in after[:10]:
        if s.event:
            break
        if (
            s.generic
            and (
                (s.definite and (_ATTACKERS_ACT.match(s.text) or _ATTACKERS_ACT_LATER.search(s.text)))
                or _THROWN_BY.search(s.text)
            )
            and not _OWN_TIME.search(s.text)
            and s.generic[0] not in named_before  # "the gunmen" of an earlier attack
        ):
            return s.generic[:1]
    return []


# The attackers as the subject that opens a sentence and does something of the attack's: "THE
# TERRORISTS LEFT A COMMUNIQUE", "The gunmen fled on motorcycles"; not "talks with the guerrillas",
# "aid to the rebels", "according to the insurgents", nor "The guerrillas burned coffee fields".
_ATTACKERS_ACT = re.compile(
    r"\s*(?:the|these)\s+(?:\w+\s+){0,2}?(?:attackers?|assailants?|gunmen|gunman|terrorists?|militants?|"
    r"bombers?|insurgents?|rebels?|guerrillas?|kidnappers?|abductors?|miscreants)\s+(?:later\s+|then\s+|also\s+)?"
    r"(?:left\s+(?:a|the)\b|fled|escaped|managed\s+to\s+(?:flee|escape)|claimed\s+responsibility|opened\s+fire|"
    r"were\s+(?:wearing|armed|dressed|riding)|had\s+fled)\b",
    re.I,
)


# ... or later in the sentence, after a clause of the story: "Following the incident, an exchange of
# fire took place and the attackers fled", "the attacker was arrested following the blast"
_ATTACKERS_ACT_LATER = re.compile(
    r"(?:,|\band|\bsaid(?:\s+that)?)\s+(?:the)\s+(?:\w+\s+){0,2}?(?:attackers?|assailants?|gunmen|gunman|"
    r"terrorists?|militants?|bombers?|insurgents?|kidnappers?|abductors?|miscreants)\s+"
    r"(?:fled|escaped|managed\s+to\s+(?:flee|escape)|(?:was|were)\s+(?:later\s+)?(?:arrested|caught|nabbed|"
    r"apprehended|detained))\b",
    re.I,
)
# A weapon's thrower told in the passive: "Fragments of an MK2 grenade were recovered from the
# scene, reportedly lobbed by two militants"
_THROWN_BY = re.compile(
    r"\b(?:lobbed|hurled|thrown|planted|detonated|triggered)\s+by\s+(?:the\s+|two\s+|three\s+|some\s+)?"
    r"(?:\w+\s+)?(?:attackers?|assailants?|gunmen|gunman|terrorists?|militants?|bombers?|insurgents?|rebels?|"
    r"guerrillas?|miscreants)\b",
    re.I,
)


_SINGLED_OUT = vocabulary("singled_out")
# A rank or office of the forces, not its holder's own: "a police official", "army general".
_FORCE_WORDS = {"police", "security", "army", "military", "paramilitary", "prison", "jail"}


def _singled_out(targets: list[str], killed: int | None, types: set[str]) -> bool:
    """Whether a shooting or abduction that killed one to three people was aimed at the holder of an
    office the target names ("Jaleshwar Prajapati (38), a councillor", "a prayer leader", "the
    MIR spokesman"): an assassination (config/patterns/README.md, the type table). Not with
    explosives (a bomb that kills a mayor among others is a bombing), not for a force's own ranks
    ("a police official")."""
    if (
        killed is None
        or not 1 <= killed <= 3
        or types & _EXPLOSIVE
        or not types <= {"armed_assault", "kidnapping", GENERIC}
    ):
        return False
    for phrase in targets:
        words = re.findall(r"[a-z]+", phrase.lower())
        for i, word in enumerate(words):
            if word in _SINGLED_OUT and not (i > 0 and words[i - 1] in _FORCE_WORDS):
                return True
    return False


# "two separate ambushes", "twin blasts", "three attacks": the sentence counts its attacks.
# A list of places that goes on past the last one the gazetteer knew: "Karbala, Najaf and Basra".
_LIST_GOES_ON = re.compile(r",?\s+and\s+[A-Z]")
_SEVERAL_ATTACKS = re.compile(
    r"\b(two|three|twin|separate|simultaneous|coordinated)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|explosions|ambushes|raids|shootings|assaults)\b"
    # "Bomb attacks in the Iraqi cities of Karbala, Najaf and Basra kill at least nineteen": a
    # plural attack noun right before where; the list of places after it says how many
    r"|\b(?:attacks|bombings|blasts|explosions|ambushes|shootings|bombs)\s+(?:\w+\s+){0,2}?(?:in|on|at|across)\s",
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


def _digest_date(sentences: list[Sentence], group: list[Sentence]) -> str | None:
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


# "Two suicide bomber attacks, one on a Shia mosque in Kabul and one on a Sunni mosque in Ghor
# Province": the second place after "and one ... in"
_ONE_AND_ONE = re.compile(r",?\s*and (?:one|another|the other|a second)\b[^.;,]{0,50}\b(?:in|at|near)")
_PLURAL_PLACE_NOUN = re.compile(r"\s+(?:districts|provinces|states|regions)\b", re.I)


# "San Agustin in Usulutan Department, Yamabal in Morazan Department, and Suchitoto ...": after
# each town its region, then the list goes on (names capitalised, or all-caps copy).
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_TOWN_IN_REGION = (
    rf"(?P<town>{_NAME})\s+(?i:in)\s+(?:(?i:the)\s+)?(?P<region>{_NAME})"
    r"\s+(?i:department|province|district)\b"
)
_ITEM = re.compile(_TOWN_IN_REGION)
_SEPARATOR = r",\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+"
_SEPARATOR_RE = re.compile(_SEPARATOR)
_ANOTHER_ITEM = _TOWN_IN_REGION.replace("?P<town>", "").replace("?P<region>", "")
_TOWN_LIST = re.compile(rf"\b(?i:in)\s+{_TOWN_IN_REGION}(?:(?:{_SEPARATOR}){_ANOTHER_ITEM})+")


# The list follows the attack verb, its object between: "attacked local troops in ...".
_ATTACKED_BEFORE = re.compile(
    r"\b(?:attack(?:ed|s)|ambush(?:ed|es)|raid(?:ed|s)|struck|strikes|storm(?:ed|s)|bomb(?:ed|s)|shell(?:ed|s)|"
    r"harass(?:ed|es)|burn(?:ed|t|s)|torch(?:ed|es)|fired\s+on|opened\s+fire\s+on)\b(?:\s+[\w'’-]+){0,5}\s*$",
    re.I,
)


def _towns_in_their_regions(s: Sentence) -> list[Location]:
    """The towns of a list that gives each its own region: "attacked local troops in San Agustin
    in Usulutan Department, Yamabal in Morazan Department, and Suchitoto in Cuscatlan
    Department" tells three attacks, one per town, each in its region's country."""
    listed = _TOWN_LIST.search(s.text)
    if listed is None or not _ATTACKED_BEFORE.search(s.text[max(0, listed.start() - 80) : listed.start()]):
        return []  # "The Taliban, who are active in Musa Qala in Helmand province and ...": no attacks
    out: list[Location] = []
    pos = listed.start("town")
    while (item := _ITEM.match(s.text, pos)) is not None:
        sep = _SEPARATOR_RE.match(s.text, item.end())
        pos = sep.end() if sep else len(s.text)
        town = item.group("town")
        known = next((m for m in s.places if same_name(m.location.name, town)), None)
        if known is not None:
            out.append(known.location.model_copy())
            continue
        at = s.start + item.start("region")
        coded = next((m for m in s.places if m.start <= at < m.end and m.location.country_code), None)
        name = town.title() if town.isupper() else town
        out.append(Location(name=name, country_code=coded.location.country_code if coded else None))
    return out if len(out) >= 2 else []


def _separate_places(group: list[Sentence]) -> list[Location]:
    """The places of an incident that is several attacks in as many places, one sentence saying so
    ("two separate ambushes in Khunti and Seraikela Kharsawan Districts"): two or three towns or
    districts named as where, joined by "and" or a comma, or enumerated ("one on a Shia mosque in
    Kabul and one on a Sunni mosque in Ghor Province"). Otherwise none."""
    listed = _towns_in_their_regions(group[0])
    if len(listed) >= 2 and not any(m.rank >= 0 for s in group[1:] for m in s.places):
        return listed
    # the lead says it; the sentences after it ("A police official said militants lobbed a
    # grenade") name no place of their own
    said = _SEVERAL_ATTACKS.search(group[0].text)
    if said is None or any(m.rank >= 0 for s in group[1:] for m in s.places):
        return []
    s = group[0]
    # "Bomb attacks in X, Y and Z": with no number word, only the places after the attack noun
    after = said.end() if said.group(1) is None else 0
    mentions = [
        m
        for m in s.places
        if m.start - s.start >= after
        and m.kind in ("city", "admin", "ner")
        and not m.facility
        # "Ghazni and Paktika Provinces": NER takes the second for an organisation's name
        and (m.rank >= 0 or _PLURAL_PLACE_NOUN.match(s.text, m.end - s.start) is not None)
    ]
    out: list[Mention] = []
    enumerated = False  # "one on ... in Kabul and one on ... in Ghor Province": a town and a province
    last_joint = ""
    for m in mentions:
        if out and not same_name(out[-1].location.name, m.location.name):
            between = s.text[out[-1].end - s.start : m.start - s.start].strip().lower()
            one_and_one = _ONE_AND_ONE.fullmatch(between) is not None
            enumerated = enumerated or one_and_one
            if between not in ("and", ",", ", and") and not one_and_one:
                continue
            last_joint = between
        if not out or not same_name(out[-1].location.name, m.location.name):
            out.append(m)
    if last_joint == "," and not enumerated and not _LIST_GOES_ON.match(s.text, out[-1].end - s.start):
        return []  # "in Dantewada, Chhattisgarh": a place and the state it lies in, no list
    # "Ghazni and Paktika Provinces": the plural noun says both are provinces, whatever the
    # gazetteer's first guess for one of them was (Ghazni is a city too)
    plural = bool(out) and _PLURAL_PLACE_NOUN.match(s.text, out[-1].end - s.start) is not None
    if (
        len(out) < 2
        or len(out) > 3
        or (len({m.kind == "admin" for m in out}) > 1 and not (plural or enumerated))
    ):
        return []
    word = (said.group(1) or "").lower()
    if {"two": 2, "twin": 2, "three": 3}.get(word, len(out)) != len(out):
        return []  # "three bomb blasts in Mumbai and Pune": which place had two, the text does not say
    return [m.location.model_copy() for m in out]


def _merge_targets(group: list[Sentence], parsed: bool = False) -> list[str]:
    """An incident's targets: objects of attack words first, then sites, then victims, in text
    order; one phrase per head noun (``parsed``: of the targets read off the parse instead)."""
    ranked = sorted(
        (
            (pri, n, idx, phrase)
            for n, s in enumerate(group)
            for pri, idx, phrase in (s.parsed if parsed else s.targets)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    return [phrase for *_, phrase in distinct(ranked, lambda t: t[3])]


def _victims(group: list[Sentence]) -> list[str]:
    """Whom the incident's tolls are of ("eight people"), when nothing else is named as hit: the
    victims are who was attacked."""
    out: list[str] = []
    for s in group:
        out += [v for v in s.victims if v.lower() not in {o.lower() for o in out}]
    return out[:MAX_TARGETS]


def _with_victims(targets: list[str], victims: list[str], actors: list[str]) -> list[str]:
    """What an incident hit and whom: "a Pakistani military post" and the "10 soldiers" its toll
    is of. Victims are added only when no target names people already ("two soldiers" at "a
    military checkpost", "an official of Levies Force" say who), only when their noun says more
    than the toll does ("33 people" beside "a mosque" says nothing new), never the attackers ("a
    guerrilla member", "20 Al-Shabaab members", the incident's ``actors``) nor a phrase a target
    already holds, one per head noun, within :data:`MAX_TARGETS`. With no target at all, the
    victims are the targets."""
    if not targets:
        return victims
    if any(_head(t) in _PERSON_HEADS for t in targets):
        return targets
    out = list(targets)
    heads = {_head(t) for t in out}
    named = [" ".join(a.lower().replace("-", " ").split()) for a in actors]
    for phrase in victims:
        if len(out) >= MAX_TARGETS:
            break
        low = " ".join(phrase.lower().split())
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", low)
        if not words or words[-1] in _ANYONE or _ATTACKER_WORDS.intersection(words) or names_a_group(words):
            continue
        if any(n and n in low.replace("-", " ") for n in named):
            continue  # "three Taliban fighters" where the Taliban attacked
        if any(_ARTICLE.sub("", low) in t.lower() for t in out):
            continue  # "an official" inside "an official of Levies Force"
        if _head(phrase) not in heads:
            out.append(phrase)
            heads.add(_head(phrase))
    return out


def _head(phrase: str) -> str:
    """A target's head noun: "official" in "an official of Levies Force", "soldiers" in "10
    soldiers"."""
    words = re.split(r"\s+(?:of|from|belonging)\s+", phrase.lower(), maxsplit=1)[0].split()
    return head_key(words[-1]) if words else ""


_PERSON_HEADS = {head_key(w) for w in vocabulary("person_nouns")}
# Words for victims that say no more than the toll: "33 people" beside "a mosque" adds nothing.
_ANYONE = {"people", "persons", "person", "others", "individuals", "victims"}
# Words that make a counted person one of the attackers ("a guerrilla member", "some 30 men" is
# left to the parser): the one-word generic perpetrators and their kin.
_ATTACKER_WORDS = {k for k in GENERIC_PERPETRATORS if " " not in k} | {
    "guerrilla",
    "guerrillas",
    "guerillas",
    "pirates",
    "bombers",
    "cadres",
    "fighters",
}
_ARTICLE = re.compile(r"^(?:a|an|the|another)\s+")


def _before_the_lead(lead: list[Sentence], s: Sentence, reference: date | None) -> bool:
    """Whether the sentence dates its attack to another year than the lead's incident, and to one
    before the article's (when its publication date is known: "on March 5, 2024" in a report of
    March 2024 is this year's, whatever the lead says)."""
    if not _another_year(lead, s):
        return False
    years = {int(y) for y in _A_YEAR.findall(" ".join(s.dates))} | {
        int(m.group(1)) for m in _IN_A_YEAR.finditer(s.text)
    }
    return reference is None or (bool(years) and max(years) < reference.year)


def _compatible(group: list[Sentence], s: Sentence) -> bool:
    if (
        _TOLD_AGAIN.match(s.text)
        and s.killed is None
        and s.injured is None
        and s.types - {GENERIC} <= set().union(*(x.types for x in group))
        and not (_other_day(group, s) or _earlier_attack(s.text) or _another_year(group, s))
    ):
        # "The incident took place in LondKhor area where ... unidentified persons intercepted
        # them and opened indiscriminate firing": the attack just told, told in detail (a toll in
        # it may be another attack's: "... the same area where a Maoist ambush had killed 27
        # people last year"), and no other kind of attack ("The attack took place days after a
        # suicide bomber struck a police station in Bannu")
        return True
    if _more_elsewhere(s):
        return False
    sloc = choose_location([s], where_only=True, stations=False)  # "Colombian guerrillas" says who, not where
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
    if _earlier_attack(s.text) or _another_year(group, s):
        return False
    gtypes = set().union(*(x.types for x in group)) - {GENERIC}
    stypes = s.types - {GENERIC}
    gloc = choose_location(group, stations=False)
    if gloc and sloc and not same_place(gloc, sloc) and not _told_inside(group, s, sloc, gloc):
        return False
    # "Similarly, three peasants were shot ... in Tierra Alta": a sentence that says it tells of
    # another attack, in a place of another name, is another incident even in the same country
    if (
        gloc
        and sloc
        and (_DISTINCT.search(s.text) or _NEXT_ITEM.match(s.text))
        and not same_name(gloc.name, sloc.name)
    ):
        return False
    if gloc and _opens_elsewhere(s, group):
        return False
    if _another_attack(group, s):
        return False
    if not gtypes or not stypes or gtypes & stypes:
        return True
    if (
        stypes == {"kidnapping"}
        and sloc is None
        and gtypes & {"armed_assault", "suicide_attack"}
        and _HOSTAGES.search(s.text)
        and not (_DISTINCT.search(s.text) or _NEXT_ITEM.match(s.text))
        and not (_OWN_TIME.search(s.text) or s.dates or re.search(r"\b(?:also|had)\b", s.text, re.I))
    ):
        # "... militant fighters storm the building. Officials said at least 15 were killed, 25
        # injured, and an unknown number of guests were taken hostage": hostages of the same siege
        return True
    if "armed_assault" in gtypes | stypes and "kidnapping" not in gtypes ^ stypes:
        return True
    return bool(gtypes <= _EXPLOSIVE | {"checkpoint_attack"} and stypes <= _EXPLOSIVE | {"checkpoint_attack"})


# "TWO TERRORIST BOMBINGS IN NORTHERN BOGOTA", "three explosions rocked", "detonate two bombs": the
# lead counts several attacks or devices of one kind.
_SEVERAL = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|twin|several|multiple|serial|a\s+series\s+of)\s+"
    r"(?:[a-z-]+\s+|\([A-Za-z]+\)\s+){0,4}?(?:attacks|bombs|blasts|explosions|bombings|grenade\s+attacks)\b",
    re.I,
)
# "THE SECOND BOMB WAS PLACED ...", "ANOTHER EXPLOSION TOOK PLACE ...", "A THIRD EXPLOSION OCCURRED",
# "The second was carried out by ...": the next one of them.
_NEXT_ONE = re.compile(
    r"\b(?:(?:a|the)\s+(?:second|third|fourth|fifth|sixth)|another|the\s+other)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:bomb|blast|explosion|explosive\s+device|attack|bombing)\b|"
    r"^\W*the\s+(?:second|third|fourth|fifth)\s+(?:was|were|went|occurred|exploded|took|hit|targeted)\b",
    re.I,
)


def _tolls(g: list[Sentence]) -> tuple[int | None, int | None]:
    """A group's (killed, injured)."""
    # "Dozens of people were killed ... At least 17 people were killed": the number is the
    # figure; a plural alone gives none
    told = [s for s in _victims_told(g) if not s.killed_vague]
    killed = _combine([(s.killed, s.additive, s.killed_parts) for s in told])
    injured = _combine([(s.injured, s.additive, s.injured_parts) for s in g if not s.injured_vague])
    return killed, injured


def _of_series(g: list[Sentence], series: dict[int, Sentence], counted: Sentence) -> bool:
    return any(series.get(id(s)) is counted for s in g)


def _series_totals(
    groups: list[list[Sentence]],
    series: dict[int, Sentence],
    shared: list[tuple[int | None, int | None]],
    earlier: list[bool],
) -> dict[int, set[int]]:
    """ "Five people sustained injuries in two bomb blasts ... the first blast caused no casualty
    ... the second blast happened and injured five workers": the count's toll is the series' total,
    not its first attack's, for each kind (0 killed, 1 injured) that a later attack of the series
    tells a toll of, or that the first attack's own sentences do not tell again ("detonate two
    bombs ..., killing 14 people. The first ... The second ...": the 14 are both attacks'). Returns
    the counting sentences' ids with the kinds they count for no incident; what their total adds
    to the attacks' own tolls joins ``shared`` (the article's totals keep it). An earlier attack
    the text recalls is no part of the series; the groups told between the count and its last
    part are."""
    uncounted: dict[int, set[int]] = {}
    for li, lead in enumerate(groups):
        for counted in lead:
            if counted.killed is None and counted.injured is None:
                continue
            idx = [i for i, g in enumerate(groups) if not earlier[i] and _of_series(g, series, counted)]
            if not idx:
                continue
            between = [groups[i] for i in range(li + 1, max(idx) + 1) if not earlier[i]]
            own = [_tolls([s for s in lead if s is not counted])] + [_tolls(g) for g in between]
            kinds = {k for i in idx for k, v in enumerate(_tolls(groups[i])) if v is not None}
            kinds |= {k for k, v in enumerate(own[0]) if v is None}
            kinds &= {k for k, v in enumerate((counted.killed, counted.injured)) if v is not None}
            if not kinds:
                continue
            uncounted[id(counted)] = kinds
            extra: list[int | None] = [None, None]
            for k in kinds:
                total = (counted.killed, counted.injured)[k]
                told = sum(t[k] or 0 for t in own)
                extra[k] = total - told if total is not None and total > told else None
            if extra != [None, None]:
                shared.append((extra[0], extra[1]))
    return uncounted


def _how_many(counted: Sentence) -> int:
    """How many attacks the counting sentence says, the most it says ("IT WAS NOT TWO EXPLOSIONS
    ... BUT THREE EXPLOSIONS": three; "several", "a series of": no bound)."""
    counts = []
    for m in _SEVERAL.finditer(counted.text):
        word = m.group(0).split()[0].lower()
        told = parse_number(word) if word not in ("a", "twin") else None
        counts.append(2 if word == "twin" else told[0] if told else 99)
    return max(counts, default=99)


def _next_of_several(told: list[Sentence], s: Sentence) -> Sentence | None:
    """ "TWO TERRORIST BOMBINGS IN NORTHERN BOGOTA HAVE WOUNDED SIX PERSONS ... THE FIRST BOMB WAS
    PLACED AT A COLPATRIA BANK BRANCH ... THE SECOND BOMB WAS PLACED BY A YOUNG MAN AT THE TELEPHONE
    COMPANY OFFICE": once the text has counted several attacks or devices (in ``told``, the lead
    and the event sentences before this one), a sentence that tells the next of them starts an
    incident of its own, with its own target, place and toll (the count's toll stays with the
    first unless a later one tells a toll: :func:`_series_totals`). Without such a count, "a
    second blast" is the same attack's, and so is one told as close by. The count is returned."""
    m = _NEXT_ONE.search(s.text)
    if m is None or _CLOSE_BY.search(s.text):
        return None
    if s.text[: m.start()].lower().split()[-1:] in (["by"], ["in"], ["after"], ["from"], ["of"], ["since"]):
        return None  # "Other banks were damaged by the second explosion": that one, told again
    if not _ITS_VERB.match(s.text, m.end()):
        return None  # "another attack would follow", "THE OTHER BOMB WAS DEACTIVATED": none happened
    counted = next((x for x in reversed(told) if _SEVERAL.search(x.text)), None)
    if counted is None:
        return None
    said = counted.text.lower()
    own_place = any(not p.aside and p.location.name.lower() not in said for p in s.places)
    if not own_place and s.killed is None and s.injured is None:
        # with no place and no toll of its own, it is the same attack when it points back to the
        # first one's site ("at the same market", "hit the main hall", "a few metres away") or
        # names no site at all ("as shoppers ran from the first"), or when the count says the
        # blasts went off together ("three car bombs explode simultaneously")
        if _BACK_SITE.search(s.text) or not (s.targets or _ANY_SITE.search(s.text)):
            return None
        if _AT_ONCE.search(counted.text):
            return None
    return counted


# The next one is the subject of a verb that tells it happening.
_ITS_VERB = re.compile(
    r"[^.;:]{0,60}?\b(?:exploded|explodes?|went\s+off|goes\s+off|took\s+place|takes\s+place|occurred|"
    r"occurs|happened|placed|planted|detonated|hits?|struck|strikes|targeted|targets|carried\s+out|"
    r"killed|kills|injured|injures|wounded|wounds|damaged|damages|destroyed|destroys|ripped|tore|"
    r"rocked|rocks|followed|reported|blew|hurled|landed)\b",
    re.I,
)
# A site told as the first one's, or a part of it.
_BACK_SITE = re.compile(
    r"\bthe\s+(?:same\s+[\w-]+|(?:[\w'-]+\s+)?(?:site|scene|spot|area|vicinity|gate|entrance|exit|roof|"
    r"hall|courtyard|compound|premises|stage|door|garage|vault))\b|\b(?:metres|meters|yards|feet)\s+away\b",
    re.I,
)
_ANY_SITE = re.compile(r"\b(?i:at|in|on|near|outside|inside|from)\s+(?i:an?\s+|the\s+)?[A-Z0-9]")
_AT_ONCE = re.compile(r"\b(?:simultaneous(?:ly)?|at\s+the\s+same\s+time|in\s+quick\s+succession)\b", re.I)


# "another blast took place close by", "two blocks away from where the first explosion took
# place": blasts in one place over a short span are one attack, however the text counts them.
_CLOSE_BY = re.compile(
    r"\b(?:close\s+by|nearby|blocks?\s+away|(?:at|in)\s+the\s+same\s+(?:place|spot|site|area|location))\b",
    re.I,
)


# A sentence that opens by pointing back to the incident just told and saying where or how.
_TOLD_AGAIN = re.compile(
    r"(?:the|this)\s+(?:incident|attack|ambush|blast|explosion|killing|firing|shooting)\s+"
    r"(?:took\s+place|occurred|happened)\b",
    re.I,
)


def _other_date(group: list[Sentence], s: Sentence) -> bool:
    """Whether the sentence dates its attack otherwise than the incident already has (an incident
    told with no date yet takes the sentence's)."""
    told = {d.lower() for g in group for d in g.dates if not _dates.rough(d)}
    return bool(told) and any(d.lower() not in told and not _dates.rough(d) for d in s.dates)


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _another_year(group: list[Sentence], s: Sentence) -> bool:
    """ "FIFTEEN SOLDIERS WERE KILLED TODAY ... FARC REBELS KILLED 28 SOLDIERS DURING AN AMBUSH IN
    THE SAME AREA IN LATE 1987": an attack the sentence dates to a year the incident's own dates do
    not name is an earlier one, when the incident is dated."""
    years = set(_A_YEAR.findall(" ".join(s.dates))) | {m.group(1) for m in _IN_A_YEAR.finditer(s.text)}
    told = [d for g in group for d in g.dates]
    seen = set(_A_YEAR.findall(" ".join(told + [g.text for g in group])))
    # "on September 27" then "late on September 26, 2012": the same days, told with their year
    # ("on March 3" then "In March 2008" is another year's attack)
    days = [md for md in map(_dates.month_day, told) if md]
    if any(
        m == n and abs(d - e) <= 1 for m, d in filter(None, map(_dates.month_day, s.dates)) for n, e in days
    ):
        return False
    return bool(years) and bool(told) and not years & seen


# "in late 1987", "in 2004", "in early 2010": a sentence that puts its attack in a year.
_IN_A_YEAR = re.compile(r"\bin\s+(?:late\s+|early\s+|mid-?\s*)?((?:19|20)\d\d)\b(?!\s*(?:-|to)\s*\d)", re.I)


def _told_inside(group: list[Sentence], s: Sentence, sloc: Location, gloc: Location) -> bool:
    """Whether the sentence tells the same incident at a place it puts inside the incident's:
    "abducted ... from Dokhongsi weekly market in Kharkutta region of North Garo Hills" after "from
    North Garo Hills District". The sentence names the incident's place as well, after its own (the
    container follows what it contains), and its own is no country. Not when the incident's place
    is a mapped town ("in Huancayo, 300 km east of Lima": two towns), nor when the sentence has a
    date, a toll or a year of its own ("On Tuesday ... near Kasaram village in Sukma District", "A
    grenade attack in Handwara area of Kupwara District injured three civilians": another attack)."""
    if gloc.lat is not None or _other_date(group, s):
        return False
    if s.killed is not None or s.injured is not None or _A_YEAR.search(s.text):
        return False
    own = next((m for m in s.places if same_name(m.location.name, sloc.name)), None)
    if own is None or own.kind == "country":
        return False
    return any(
        m.start > own.start and m.kind != "country" and same_name(m.location.name, gloc.name)
        for m in s.places
    )


# A sentence that says its attack is not the one told before: other attackers, another attack,
# a later hour. "A second bomb", "another blast" and "minutes later" are left out: the second blast
# of a double bombing is the same attack (unless the text has counted several: _next_of_several).
_ANOTHER_ATTACK = re.compile(
    r"\b(?:(?:two |three |the )?other (?:attackers|assailants|gunmen|militants|bombers?)|"
    r"another (?:attack|attacker|group of)|"
    r"in (?:a|another) separate (?:attack|incident)|separately|elsewhere|"
    r"(?:hours|days) later|later (?:that|on|in the))\b",
    re.I,
)


def _another_attack(group: list[Sentence], s: Sentence) -> bool:
    """ "A suicide bomber blew himself up at a police checkpoint in Quetta ... Two other attackers
    targeted an Imambargah, where they shot dead three worshippers": a fresh attack that says it
    is another one, has a toll of its own and hits something the incident's sentences have not
    named is an incident of its own, even with no place of its own (it takes the article's). A
    bomb found and defused ("Authorities disarm another bomb") hurts no one and stays a detail."""
    if not (s.event and s.fresh and s.targets and (s.killed or s.injured) and _ANOTHER_ATTACK.search(s.text)):
        return False
    told = {head_key(w) for g in group for *_, phrase in g.targets for w in phrase.lower().split()}
    # what it hits is a building or a vehicle the incident has not named ("an Imambargah", "a police
    # patrol"), not people ("opened fire on the crowd" at the rally just bombed)
    lexicon = load_lexicon()
    for *_, phrase in s.targets:
        words = phrase.lower().split()
        if head_key(words[-1]) not in told and lexicon.kind_at(words, len(words) - 1)[0] in (
            "place",
            "vehicle",
        ):
            return True
    return False


# "Bombings elsewhere in Iraq kill five more people", "13 more civilians were injured in separate
# attacks": a further toll told as other attacks'.
_ELSEWHERE = re.compile(
    r"\b(?:elsewhere|in\s+(?:other|separate)\s+(?:attacks|incidents|bombings|blasts))\b", re.I
)
_MORE_COUNT = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:more|other)\b|\banother\s+(?:\d+|[a-z]+)\b", re.I)


def _more_elsewhere(s: Sentence) -> bool:
    """A sentence after the incident whose toll is of more people hurt in other attacks, with no
    place of the incident's: "A car bomb explodes at an outdoor market in Baghdad, killing at least
    12 people. Bombings elsewhere in Iraq kill five more people." (A lead that counts its own
    attacks so, "Two soldiers were killed in separate attacks", is no later sentence.)"""
    if s.killed is None and s.injured is None:
        return False
    return bool(_ELSEWHERE.search(s.text) and _MORE_COUNT.search(s.text))


_SEPARATE_INCIDENTS = re.compile(
    # "in separate suicide bombing attacks in Baghdad and Fallujah"
    r"\bin (?:two |three |four |several |a series of )?separate (?:[a-z]+ ){0,2}?"
    r"(?:incidents|attacks|bombings|blasts|explosions)\b|"
    r"\bin (?:two|three|four|several) (?:different )?(?:incidents|attacks)\b",
    re.I,
)


def _opens_elsewhere(s: Sentence, group: list[Sentence]) -> bool:
    """ "In Kabul, gunmen ... In Kuz Kunar, a suicide bomber ...": a digest's sentence that opens on
    another town (not a country, not a region) than every place the incident names starts another
    story, even when the gazetteer cannot place it."""
    m = _OPENING_PLACE.match(s.text)
    if m is None:
        return False
    at = next(k for k in (1, 2, 3) if m.group(k))
    name = " ".join(m.group(at).split())  # wire copy breaks lines inside names
    opening = [p for p in s.places if p.start - s.start <= m.end(at) and same_name(name, p.location.name)]
    if not opening or any(p.kind in ("country", "demonym") for p in opening):
        return False
    known = [p for g in group for p in g.places]
    if not known or any(p.kind == "country" for p in known):
        return False  # "... in Afghanistan. In Kabul, ...": the same story, told closer
    return not any(same_name(name, p.location.name) for p in known)


_REFERS_BACK = re.compile(r"\bthe (?:blast|attack|explosion|bombing|incident|ambush|firing|shooting)\b", re.I)
_FURTHER = re.compile(
    r"\b(?:added|also|furthermore|moreover|in addition|another|separately|meanwhile)\b", re.I
)


def _further_toll_elsewhere(group: list[Sentence], s: Sentence) -> bool:
    """A sentence that says it adds something, gives a toll of its own, and names as where it
    happened a town or district the group has not named (not a country, not a larger region
    of it)."""
    if (s.killed is None and s.injured is None) or not _FURTHER.search(s.text) or _REFERS_BACK.search(s.text):
        return False  # "... were also injured in the blast in Peshawar": the same blast
    mine = [
        m for m in s.places if m.locative and m.kind in ("city", "ner") and not m.facility and not m.station
    ]
    known = [m for g in group for m in g.places]
    if not mine or not known:
        return False
    return not any(same_name(a.location.name, b.location.name) for a in mine for b in known)


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


def _other_day(group: list[Sentence], s: Sentence) -> bool:
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
    # "in the past few hours" places the group's attacks on no day of their own
    theirs = [_day(d) for g in group for d in g.dates if _day(d) and not _dates.rough(d)]
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


def _restates(group: list[Sentence], later: list[Sentence]) -> bool:
    """Whether ``later`` (a group that a fresh trigger started) restates ``group``'s casualty figure:
    it states the same positive number of killed or injured, says nothing that marks another
    incident ("another", "separately", "earlier", "also"...), and names no place that rules the same
    incident out (a different town the gazetteer knows, or another country)."""
    killed = _combine([(s.killed, s.additive, s.killed_parts) for s in group])
    injured = _combine([(s.injured, s.additive, s.injured_parts) for s in group])
    later_killed = _combine([(s.killed, s.additive, s.killed_parts) for s in later])
    later_injured = _combine([(s.injured, s.additive, s.injured_parts) for s in later])
    same = (bool(killed) and later_killed == killed) or (bool(injured) and later_injured == injured)
    # "17 Police and CRPF personnel and eight civilians injured ... resulting in injuries to 17
    # Police and CRPF personnel and some civilians": a group of people counted before, at no other
    # place
    part = _parts_told([s.killed_parts for s in group], [s.killed_parts for s in later]) or _parts_told(
        [s.injured_parts for s in group], [s.injured_parts for s in later]
    )
    if not (same or part) or any(
        s.additive or _DISTINCT.search(s.text) or _ANOTHER_ATTACK.search(s.text) for s in later
    ):
        return False
    a, b = choose_location(group, stations=False), choose_location(later, stations=False)
    if all(m.rank < 0 for s in later for m in s.places):
        b = None  # "A Police spokesman in Srinagar said ...": where it was told rules nothing out
    if a is None or b is None or same_place(a, b):
        return True
    if not same:
        return False
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    return not (a.lat is not None and b.lat is not None)  # two towns the gazetteer knows


def _parts_told(before: list[frozenset[tuple[int, str]]], after: list[frozenset[tuple[int, str]]]) -> bool:
    """Whether the later sentences' groups of people (``after``, each sentence's ``Sentence.killed_parts``
    or ``injured_parts``) are all among those counted before, number and noun alike."""
    told: frozenset[tuple[int, str]] = frozenset().union(*before)
    again: frozenset[tuple[int, str]] = frozenset().union(*after)
    return bool(again) and again <= told


def _victims_told(group: list[Sentence]) -> list[Sentence]:
    """The group's sentences whose dead count toward its toll: "killing more than 50 government
    soldiers ... At least 12 militants were also killed in the assault": the attackers' own dead,
    told in a sentence of their own, join no toll of victims' dead another sentence tells (within
    one sentence, ``casualties._attackers_loss`` decides)."""
    if not any(s.killed and not s.attackers_only for s in group):
        return group  # no victims' dead told: the attackers' are what the text counts
    named = {g for s in group if not s.attackers_only for g in s.groups}
    if len(named) > 1:
        return group  # "Islamic State gunmen attacked a Taliban checkpoint": one group's men are victims
    return [s for s in group if not s.attackers_only or not set(s.groups) <= named]


def _combine(values: list[tuple[int | None, bool, frozenset[tuple[int, str]]]]) -> int | None:
    """A group's figure from its sentences' (figure, additive, parts): the largest, plus what an
    additive sentence ("also", "in addition") tells, unless every group of people it counts was
    counted before ("17 Police and CRPF personnel and eight civilians were injured ... They also
    fired at the Police, injuring 17 Police and CRPF personnel": 25, not 42)."""
    total: int | None = None
    told: set[tuple[int, str]] = set()
    for value, additive, parts in values:
        if value is None:
            continue
        if total is None:
            total = value
        elif additive and not (parts and parts <= told):
            total += value
        else:
            total = max(total, value)
        told |= parts
    return total
