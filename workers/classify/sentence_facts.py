"""What the extractor notes of each sentence (:class:`Sentence`) and of each place it names
(:class:`Mention`).

Kept apart from :mod:`.extraction` because finding places (:mod:`.place_mentions`), grouping
sentences into incidents (:mod:`.incidents`) and the orchestration all read and write them, and
none of those modules should import another only for these two records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.workers.models import Location


@dataclass
class Mention:
    location: Location
    kind: str  # country | admin | city | ner (unresolved NER place) | demonym
    start: int  # char offset in the article
    locative: bool = False  # "in/at/near X": where something happened
    aside: bool = False  # "from X", "border with X", "X-based": not where it happened
    end: int = -1
    guess: str | None = None  # country of a small town inside an unknown name: the last resort
    facility: bool = False  # a building NER names ("the German Embassy"): the town it is in is the place
    # "in Iraq's capital Baghdad": where, but after any other place told as where ("marched in Iraq's
    # capital Baghdad after a bomb killed 30 people in Basra")
    owned_capital: bool = False
    # "under Podia Police Station limits": a station's area, inside some district the text may name
    # elsewhere: where, but no sign of another incident
    station: bool = False

    @property
    def rank(self) -> int:
        if self.kind == "demonym":
            return -1
        if self.aside:
            return -2
        return 4 + (2 if self.locative else 0) + (self.kind != "country") - 2 * self.facility


@dataclass
class Sentence:
    text: str
    start: int
    types: set[str] = field(default_factory=set)
    event: bool = False
    killed: int | None = None
    injured: int | None = None
    attackers_only: bool = False  # its killed are the attackers' own dead only
    # its figure is a plural with no number ("dozens were killed"): it tells that people died and
    # weighs as a toll, but the alert gives no figure for it
    killed_vague: bool = False
    injured_vague: bool = False
    additive: bool = False
    # the (number, person noun) groups its counts add up (``casualties.Count.parts``), by kind
    killed_parts: frozenset[tuple[int, str]] = frozenset()
    injured_parts: frozenset[tuple[int, str]] = frozenset()
    places: list[Mention] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    definite: bool = False  # its first generic attacker word is "the militants", "the kidnappers"
    generic: list[str] = field(default_factory=list)
    claim: bool = False
    fresh: bool = False
    targets: list[tuple[int, int, str]] = field(default_factory=list)  # (priority, token, phrase)
    victims: list[str] = field(default_factory=list)  # whom its counts are of: "eight people"
    # targets read off the dependency parse where the token rules found none (NER mode only)
    parsed: list[tuple[int, int, str]] = field(default_factory=list)
    # who did it, read off the parse where no group or generic word is named (NER mode only)
    parsed_actors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # attached date expressions, in order
    earlier: bool = False  # it tells an earlier attack than the report's (set by incident grouping)
