#!/usr/bin/env python3
"""Score the press importer on SmartData (DFKI, CC BY 4.0): hand-annotated German news, another genre.

    python3 eval/smartdata/score.py [--data ../shared/real/smartdata/dev.json.gz] [--json] [-v]

Each document's text is written to a temporary .txt file and imported on its own through the
registered ``press`` importer. Measured:
- persons: the gold PERSON mentions of a document, grouped into entities (a one-word mention joins
  the full name it ends), against the Person nodes (name or alias equal to a mention, or one name
  ending the other with at least two words); precision, recall, F1 over entities.
- leadership: each distinct (person, organisation) of the OrganizationLeadership relation mentions
  is found when a HOLDS_ROLE edge joins a matching person to an organisation whose name contains
  the gold organisation's words or is contained in them (``Zentralbank`` in ``Zentralbankchef``).
  Recall only: SmartData does not annotate every role, so other roles cannot be judged.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
_TRANSLIT = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe"})
_HONORIFICS = {"dr", "prof", "herr", "frau", "med", "h", "c", "dipl", "ing"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def person_key(text: str) -> str:
    """Folded name without leading honorifics."""
    toks = fold(text).split()
    while toks and toks[0] in _HONORIFICS:
        toks.pop(0)
    return " ".join(toks)


def read_docs(path: Path) -> Iterator[dict[str, Any]]:
    """The concatenated JSON objects of a SmartData file."""
    raw = gzip.open(path, "rt", encoding="utf-8").read() if path.suffix == ".gz" else path.read_text(encoding="utf-8")
    dec, i = json.JSONDecoder(), 0
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            return
        obj, i = dec.raw_decode(raw, i)
        yield obj


def gold_of(doc: dict[str, Any]) -> tuple[str, list[set[str]], list[tuple[str, str, str]]]:
    """Text, person entities (sets of folded surfaces) and leadership facts of one document."""
    text = (doc.get("text") or {}).get("string") or ""
    surfaces = sorted({person_key(text[c["span"]["start"]:c["span"]["end"]])
                       for c in (doc.get("conceptMentions") or {}).get("array", []) if c.get("type") == "PERSON"} - {""},
                      key=lambda s: (-len(s.split()), s))
    entities: list[set[str]] = []
    for s in surfaces:
        home = None
        if len(s.split()) == 1:
            home = next((e for e in entities if any(x.split()[-1] == s or x.endswith(" " + s) for x in e)), None)
        else:  # a genitive "Justin Biebers" is the entity "Justin Bieber"
            home = next((e for e in entities if any(x + "s" == s or s + "s" == x for x in e)), None)
        if home is None:
            entities.append({s})
        else:
            home.add(s)
    lead: list[tuple[str, str, str]] = []
    for r in (doc.get("relationMentions") or {}).get("array", []):
        if r.get("name") != "OrganizationLeadership":
            continue
        args = {a["role"]: text[a["conceptMention"]["span"]["start"]:a["conceptMention"]["span"]["end"]]
                for a in r["args"]["array"]}
        if "person" in args and "organization" in args:
            fact = (person_key(args["person"]), fold(args["organization"]), args.get("position", ""))
            if not any(f[:2] == fact[:2] for f in lead):
                lead.append(fact)
    return text, entities, lead


def person_ok(names: set[str], entity: set[str]) -> bool:
    for n in names:
        for s in entity:
            if n == s:
                return True
            if len(s.split()) >= 2 and n.endswith(" " + s):
                return True
            if len(n.split()) >= 2 and s.endswith(" " + n):
                return True
    return False


def org_ok(names: set[str], gold_org: str) -> bool:
    g = gold_org.replace(" ", "")
    for n in names:
        m = n.replace(" ", "")
        if len(m) >= 2 and (m in g or g in m):
            return True
    return False


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, Any]:
    p = tp_pred / n_pred if n_pred else 1.0
    r = tp_gold / n_gold if n_gold else 1.0
    return {"tp_pred": tp_pred, "pred": n_pred, "tp_gold": tp_gold, "gold": n_gold, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def run(data: Path) -> dict[str, Any]:
    import stakegraph.importers as imps
    try:
        from stakegraph.importers import ImportContext
    except ImportError:
        from stakegraph.importers.base import ImportContext  # type: ignore[no-redef]
    importer = imps.IMPORTERS["press"]
    totals = {"tp_pred": 0, "pred": 0, "tp_gold": 0, "gold": 0}
    lead_found = lead_total = n_roles = 0
    docs_out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, doc in enumerate(read_docs(data)):
            text, entities, lead = gold_of(doc)
            path = Path(tmp) / f"{n:03d}.txt"
            path.write_text(text, encoding="utf-8")
            error = None
            try:
                recs = list(importer.read(path, ImportContext()))
            except Exception as exc:  # a crash is a result to report
                recs, error = [], f"{type(exc).__name__}: {exc}"
            names: dict[str, set[str]] = {}
            label: dict[str, str] = {}
            for r in recs:
                if hasattr(r, "label"):
                    label[r.id] = r.label
                    names.setdefault(r.id, set()).update({person_key(r.name) if r.label == "Person" else fold(r.name),
                                                          *(fold(a) for a in r.props.get("aliases") or [])})
            persons = sorted(i for i, lab in label.items() if lab == "Person")
            roles = [(r.source, r.target) for r in recs if not hasattr(r, "label") and r.type == "HOLDS_ROLE"]
            n_roles += len(roles)
            tp_pred = sum(1 for p in persons if any(person_ok(names[p], e) for e in entities))
            found = [e for e in entities if any(person_ok(names[p], e) for p in persons)]
            totals["tp_pred"] += tp_pred
            totals["pred"] += len(persons)
            totals["tp_gold"] += len(found)
            totals["gold"] += len(entities)
            lead_hits = [f for f in lead if any(person_ok(names.get(a, set()), {f[0]}) and org_ok(names.get(b, set()), f[1])
                                                for a, b in roles)]
            lead_found += len(lead_hits)
            lead_total += len(lead)
            if entities or persons or lead or error:
                docs_out.append({
                    "doc": n, "id": doc.get("id"), "error": error,
                    "persons_missed": [max(e, key=len) for e in entities if e not in found],
                    "persons_spurious": [min(names[p], key=len) for p in persons if not any(person_ok(names[p], e) for e in entities)],
                    "leadership_missed": [f"{f[0]} -> {f[1]} ({f[2]})" for f in lead if f not in lead_hits],
                    "roles": [f"{min(names.get(a, {a}), key=len)} -> {min(names.get(b, {b}), key=len)}" for a, b in roles]})
    return {"persons": prf(totals["tp_pred"], totals["pred"], totals["tp_gold"], totals["gold"]),
            "leadership": {"found": lead_found, "gold": lead_total, "recall": round(lead_found / lead_total, 3) if lead_total else 1.0,
                           "predicted_roles": n_roles},
            "documents": docs_out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path("/work/wt/shared/real/smartdata/dev.json.gz")
    ap.add_argument("--data", type=Path, default=default if default.exists() else HERE.parents[2] / "shared/real/smartdata/dev.json.gz")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data}: no such file (SmartData dev set)", file=sys.stderr)
        return 2
    res = run(args.data)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        for d in res["documents"]:
            parts = [f"{k}: {'; '.join(v)}" for k, v in d.items() if isinstance(v, list) and v and k != "roles"]
            if parts or d["error"]:
                print(f"doc {d['doc']}: " + " | ".join(parts) + (f" ERROR {d['error']}" if d["error"] else ""))
    s, lead = res["persons"], res["leadership"]
    print(f"persons     P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} "
          f"({s['tp_gold']}/{s['gold']} gold entities, {s['tp_pred']}/{s['pred']} predicted)")
    print(f"leadership  recall {lead['recall']:.2f} ({lead['found']}/{lead['gold']} person-organisation facts; "
          f"{lead['predicted_roles']} HOLDS_ROLE predicted in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
