#!/usr/bin/env python3
"""Score the press importer on real articles: eval/press/gold/*.json against the cached texts.

Run with the PYTHONPATH of the worktree being scored (the package is reached only through the
importer registry, so the press importer may live in any module or subpackage):

    python3 eval/press/score.py --set dev [--json] [-v]

Each article is imported on its own (a fresh ImportContext), as a user importing one file would.
Categories: persons, roles (person - organization, the organization or a body it is PART_OF
matching any name the gold allows), partnerships (PARTNERS_WITH/MEMBER_OF, unordered), utilities
(Organization kind=utility), visits (Event kind=visit with guest side and host side right),
visit dates (start and end), leads and participants (person on the side the gold gives).
"press F1" is micro-averaged over persons + roles + partnerships; "visits F1" over visits +
dates + leads + participants. See eval/press/README.md for the gold format.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Iterator

HERE = Path(__file__).resolve().parent
PRESS_CATS = ("persons", "roles", "partnerships")
VISIT_CATS = ("visits", "visit_dates", "visit_leads", "participants")
ALL_CATS = (*PRESS_CATS, "utilities", *VISIT_CATS)
_LINKS = ("PARTNERS_WITH", "MEMBER_OF")

_TRANSLIT = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe"})


def fold(text: str) -> str:
    """Case/accent-folded words (the package's own folding, copied so the scorer does not depend on it)."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


# words naming the kind of a municipality or county: "Stadt Tuggen" and "Gemeinde Tuggen" are one body,
# "Kreis Segeberg" and "Landkreis Segeberg" too (but "Landkreis Landshut" is not "Stadt Landshut")
_MUNICIPAL = {"stadt", "gemeinde", "markt", "stadtgemeinde", "marktgemeinde", "ortsgemeinde", "landeshauptstadt",
              "hansestadt", "bundesstadt", "kreisstadt", "universitatsstadt", "freistadt", "statutarstadt"}
_COUNTY = {"kreis", "landkreis"}


_LEGAL = re.compile(r"\s+(?:gmbh co kg|gmbh co kgaa|ggmbh|gmbh|mbh|ag|se|eg|e v|ev|kg|kgaa|aor|ohg|ug)$")


def keys(name: str, gold: bool = False) -> set[str]:
    """Folded comparison keys of a name: itself, without a trailing legal form ("Stadtwerke X GmbH" is
    "Stadtwerke X"), and its kind-neutral form for municipalities and counties (for a gold name without
    a kind word too: the reader's bare 'Grimsby' is the town, while a predicted bare name stays itself)."""
    f = fold(name)
    out = {f}
    bare = _LEGAL.sub("", f)
    if bare and bare != f:
        out.add(bare)
    head, _, rest = f.partition(" ")
    if rest and head in _MUNICIPAL:
        out.add("@municipality " + rest)
    elif rest and head in _COUNTY:
        out.add("@county " + rest)
    elif f and gold:
        out.add("@municipality " + f)  # a gold town named bare ('Grimsby'): "Stadt Grimsby" matches it
    return out


def alts(spec: Any) -> set[str]:
    """Comparison keys of the names a gold entry allows: a string or a list of alternative names."""
    if spec is None:
        return set()
    items = [spec] if isinstance(spec, str) else list(spec)
    return set().union(*(keys(s, gold=True) for s in items if s)) if items else set()


# ---- running the importer ---------------------------------------------------------------------------

def load_importer() -> Any:
    """The registered press importer of whichever stakegraph is on the path."""
    import stakegraph.importers as imps  # registers every importer module, wherever it lives
    registry = getattr(imps, "IMPORTERS", None)
    if registry is None:
        from stakegraph.importers.base import IMPORTERS as registry  # type: ignore[no-redef]
    return registry["press"]


def import_one(importer: Any, path: Path) -> list[Any]:
    """All records the press importer yields for one file, with a fresh context."""
    try:
        from stakegraph.importers import ImportContext
    except ImportError:
        from stakegraph.importers.base import ImportContext  # type: ignore[no-redef]
    return list(importer.read(path, ImportContext()))


# ---- the graph of one article -----------------------------------------------------------------------

class Graph:
    """Nodes (with merged aliases), relationships and PART_OF parents of one article's records."""

    def __init__(self, records: Iterable[Any]) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.rels: list[Any] = []
        for r in records:
            if hasattr(r, "label"):
                n = self.nodes.setdefault(r.id, {"label": r.label, "name": r.name, "names": set(), "props": {}})
                n["name"] = r.name
                n["names"] |= keys(r.name).union(*(keys(a) for a in (r.props.get("aliases") or [])))
                n["props"].update({k: v for k, v in r.props.items() if v is not None})
            else:
                self.rels.append(r)
        self.parents: dict[str, set[str]] = {}
        for r in self.rels:
            if r.type == "PART_OF":
                self.parents.setdefault(r.source, set()).add(r.target)

    def names(self, nid: str) -> set[str]:
        n = self.nodes.get(nid)
        return n["names"] if n else {fold(nid.split(":", 1)[-1].replace("-", " "))}

    def org_names(self, nid: str) -> set[str]:
        """Names of an organization and of the bodies it is (transitively) PART_OF."""
        out, todo, seen = set(), [nid], set()
        while todo:
            cur = todo.pop()
            if cur in seen:
                continue
            seen.add(cur)
            out |= self.names(cur)
            todo.extend(self.parents.get(cur, ()))
        return out

    def label(self, nid: str) -> str | None:
        n = self.nodes.get(nid)
        return n["label"] if n else None

    def display(self, nid: str) -> str:
        n = self.nodes.get(nid)
        return n["name"] if n else nid


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, Any]:
    p = tp_pred / n_pred if n_pred else 1.0
    r = tp_gold / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp_pred": tp_pred, "pred": n_pred, "tp_gold": tp_gold, "gold": n_gold,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _match_sets(pred: list[Any], gold: list[Any], ok) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """P/R of ``pred`` items against ``gold`` items under the predicate ``ok``; also the misses both ways."""
    spurious = [p for p in pred if not any(ok(p, g) for g in gold)]
    missed = [g for g in gold if not any(ok(p, g) for p in pred)]
    return prf(len(pred) - len(spurious), len(pred), len(gold) - len(missed), len(gold)), spurious, missed


# ---- scoring one article ----------------------------------------------------------------------------

def score_doc(records: list[Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Scores and error lists of one article's records against its gold."""
    g = Graph(records)
    out: dict[str, Any] = {"scores": {}, "errors": {}}

    def put(cat: str, res: tuple[dict[str, Any], list[Any], list[Any]]) -> None:
        out["scores"][cat] = res[0]
        out["errors"][cat] = {"spurious": res[1], "missed": res[2]}

    persons = sorted(nid for nid, n in g.nodes.items() if n["label"] == "Person")
    gold_persons = list(gold.get("persons", []))
    res = _match_sets(persons, gold_persons, lambda p, gp: fold(gp) in g.names(p))
    put("persons", (res[0], [g.display(p) for p in res[1]], res[2]))

    roles = sorted({(r.source, r.target) for r in g.rels if r.type == "HOLDS_ROLE"})
    gold_roles = [(p, alts(orgs), i) for i, (p, _t, orgs) in enumerate(gold.get("roles", []))]
    res = _match_sets(roles, gold_roles, lambda pr, gr: fold(gr[0]) in g.names(pr[0]) and bool(g.org_names(pr[1]) & gr[1]))

    def first(spec: Any) -> str:
        return spec if isinstance(spec, str) else spec[0]
    put("roles", (res[0], [f"{g.display(a)} -> {g.display(b)}" for a, b in res[1]],
                  [f"{p} -> {first(gold['roles'][i][2])}" for p, _o, i in res[2]]))

    links = sorted({tuple(sorted((r.source, r.target))) for r in g.rels if r.type in _LINKS})
    gold_links = [(alts(a), alts(b)) for a, b in gold.get("partnerships", [])]

    def link_ok(pl: tuple[str, str], gl: tuple[set[str], set[str]]) -> bool:
        na, nb = g.names(pl[0]), g.names(pl[1])
        return bool((na & gl[0] and nb & gl[1]) or (na & gl[1] and nb & gl[0]))

    res = _match_sets(links, gold_links, link_ok)
    raw_links = gold.get("partnerships", [])
    put("partnerships", (res[0], [f"{g.display(a)} -- {g.display(b)}" for a, b in res[1]],
                         [" -- ".join(x if isinstance(x, str) else x[0] for x in raw_links[gold_links.index(m)]) for m in res[2]]))

    utils = sorted(nid for nid, n in g.nodes.items() if n["label"] == "Organization" and n["props"].get("kind") == "utility")
    res = _match_sets(utils, list(gold.get("utilities", [])), lambda u, gu: bool(alts(gu) & g.names(u)))
    put("utilities", (res[0], [g.display(u) for u in res[1]], [m if isinstance(m, str) else m[0] for m in res[2]]))

    _score_visits(g, gold, out)
    return out


def _events(g: Graph) -> list[dict[str, Any]]:
    evs: dict[str, dict[str, Any]] = {}
    for nid, n in sorted(g.nodes.items()):
        if n["label"] == "Event" and n["props"].get("kind") == "visit":
            evs[nid] = {"id": nid, "date": n["props"].get("date"), "end_date": n["props"].get("end_date"),
                        "guest": set(), "host": set(), "people": {}, "lead": set()}
    for r in g.rels:
        if r.type != "ATTENDED" or r.target not in evs:
            continue
        ev, side = evs[r.target], r.props.get("side")
        if g.label(r.source) == "Person":
            ev["people"][r.source] = side
            if r.props.get("lead"):
                ev["lead"].add(r.source)
        elif side in ("guest", "host"):
            ev[side].add(r.source)
    return list(evs.values())


def _date_ok(pred: Any, gold: str) -> bool:
    return isinstance(pred, str) and pred[: len(gold)] == gold


def pair_visits(gvisits: list[Any], events: list[Any], sides: Any, overlap: Any) -> dict[int, int]:
    """Each gold visit's event (indexes), at most one each way: both sides right > one side > shared
    participants, ties by order (``sides(ev, gv)`` -> two booleans, ``overlap(ev, gv)`` -> a count)."""
    cands = []
    for gi, gv in enumerate(gvisits):
        for ei, ev in enumerate(events):
            s = sides(ev, gv)
            key = (s[0] and s[1], s[0] or s[1], overlap(ev, gv))
            if key[1] or key[2]:
                cands.append((key, -gi, -ei, gi, ei))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _key, _a, _b, gi, ei in sorted(cands, reverse=True):
        if gi not in pairs and ei not in used:
            pairs[gi] = ei
            used.add(ei)
    return pairs


def _score_visits(g: Graph, gold: dict[str, Any], out: dict[str, Any]) -> None:
    events = _events(g)
    gvisits = list(gold.get("visits", []))

    def sides(ev: dict[str, Any], gv: dict[str, Any]) -> tuple[bool, bool]:
        return (any(g.org_names(o) & alts(gv["visitor"]) for o in ev["guest"]),
                any(g.org_names(o) & alts(gv["host"]) for o in ev["host"]))

    def overlap(ev: dict[str, Any], gv: dict[str, Any]) -> int:
        gp = alts(gv.get("participants", []))
        return sum(1 for p in ev["people"] if g.names(p) & gp)

    pairs = pair_visits(gvisits, events, sides, overlap)

    both = {gi for gi, ei in pairs.items() if all(sides(events[ei], gvisits[gi]))}
    ev_desc = [f"{','.join(sorted(g.display(o) for o in ev['guest'])) or '?'} -> "
               f"{','.join(sorted(g.display(o) for o in ev['host'])) or '?'} ({ev['date']})" for ev in events]
    gv_desc = [f"{gv['visitor'] if isinstance(gv['visitor'], str) else gv['visitor'][0]} -> "
               f"{gv['host'] if isinstance(gv['host'], str) else gv['host'][0]} ({gv.get('date')})" for gv in gvisits]
    out["scores"]["visits"] = prf(len(both), len(events), len(both), len(gvisits))
    out["errors"]["visits"] = {"spurious": [ev_desc[ei] for ei in range(len(events)) if ei not in {pairs[gi] for gi in both}],
                               "missed": [gv_desc[gi] + ("" if gi not in pairs else f"  [paired with {ev_desc[pairs[gi]]}]")
                                          for gi in range(len(gvisits)) if gi not in both]}
    inv = {ei: gi for gi, ei in pairs.items()}

    # dates: start and end each a unit; a predicted date counts unless its visit's gold date is unknown
    tp = n_pred = n_gold = 0
    d_err: dict[str, list[str]] = {"spurious": [], "missed": []}
    for key in ("date", "end_date"):
        n_gold += sum(1 for gv in gvisits if gv.get(key))
        for ei, ev in enumerate(events):
            gv = gvisits[inv[ei]] if ei in inv else None
            if ev[key] and not (gv is not None and not gv.get(key)):
                n_pred += 1
                if gv is not None and _date_ok(ev[key], gv[key]):
                    tp += 1
                else:
                    d_err["spurious"].append(f"{key} {ev[key]} on {ev_desc[ei]}")
        for gi, gv in enumerate(gvisits):
            if gv.get(key) and not (gi in pairs and _date_ok(events[pairs[gi]][key], gv[key])):
                d_err["missed"].append(f"{key} {gv[key]} of {gv_desc[gi]}")
    out["scores"]["visit_dates"] = prf(tp, n_pred, tp, n_gold)
    out["errors"]["visit_dates"] = d_err

    # leads
    tp = n_pred = 0
    l_err: dict[str, list[str]] = {"spurious": [], "missed": []}
    n_gold = sum(1 for gv in gvisits if gv.get("lead"))
    for ei, ev in enumerate(events):
        gv = gvisits[inv[ei]] if ei in inv else None
        for pid in sorted(ev["lead"]):
            if gv is not None and "lead" not in gv:  # a gold without lead information (the shared corpus)
                continue
            n_pred += 1
            if gv is not None and gv.get("lead") and fold(gv["lead"]) in g.names(pid):
                tp += 1
            else:
                l_err["spurious"].append(f"{g.display(pid)} on {ev_desc[ei]}")
    for gi, gv in enumerate(gvisits):
        if gv.get("lead") and not (gi in pairs and any(fold(gv["lead"]) in g.names(p) for p in events[pairs[gi]]["lead"])):
            l_err["missed"].append(f"{gv['lead']} of {gv_desc[gi]}")
    out["scores"]["visit_leads"] = prf(tp, n_pred, tp, n_gold)
    out["errors"]["visit_leads"] = l_err

    # participants on their side (side checked where the gold lists the guests)
    tp = n_pred = n_gold = 0
    p_err: dict[str, list[str]] = {"spurious": [], "missed": []}

    def want_side(gv: dict[str, Any], person: str) -> str | None:
        if "guests" not in gv:
            return None
        return "guest" if fold(person) in alts(gv["guests"]) else "host"

    for gi, gv in enumerate(gvisits):
        n_gold += len(gv.get("participants", []))
        ev = events[pairs[gi]] if gi in pairs else None
        for person in gv.get("participants", []):
            side = want_side(gv, person)
            hit = ev is not None and any(fold(person) in g.names(pid) and (side is None or s == side)
                                         for pid, s in ev["people"].items())
            if not hit:
                got = [s for pid, s in (ev["people"].items() if ev else []) if fold(person) in g.names(pid)]
                p_err["missed"].append(f"{person} ({side or 'any'}{', got ' + got[0] if got else ''})")
    for ei, ev in enumerate(events):
        gv = gvisits[inv[ei]] if ei in inv else None
        for pid, s in sorted(ev["people"].items()):
            n_pred += 1
            ok = gv is not None and any(fold(p) in g.names(pid) and (want_side(gv, p) in (None, s))
                                        for p in gv.get("participants", []))
            if ok:
                tp += 1
            else:
                p_err["spurious"].append(f"{g.display(pid)} ({s}) on {ev_desc[ei]}")
    out["scores"]["participants"] = prf(tp, n_pred, tp, n_gold)
    out["errors"]["participants"] = p_err


# ---- totals -----------------------------------------------------------------------------------------

def pooled(docs: list[dict[str, Any]], cats: Iterable[str]) -> dict[str, Any]:
    """Micro-averaged P/R/F1 over documents and the given categories."""
    cats = list(cats)
    s = {k: sum(d["scores"][c][k] for d in docs for c in cats) for k in ("tp_pred", "pred", "tp_gold", "gold")}
    return prf(s["tp_pred"], s["pred"], s["tp_gold"], s["gold"])


def in_range(stem: str, numbers: tuple[int, int] | None) -> bool:
    """Whether an article id (NNN_slug) falls in an inclusive number range (None: every article)."""
    if numbers is None:
        return True
    head = stem.split("_", 1)[0]
    return head.isdigit() and numbers[0] <= int(head) <= numbers[1]


def articles(gold_dir: Path, which: str, numbers: tuple[int, int] | None = None) -> Iterator[tuple[Path, dict]]:
    """Each gold file of the split ``which`` ('all' for every split) in the number range, with its gold, in order."""
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if (which == "all" or gold.get("set", "dev") == which) and in_range(gpath.stem, numbers):
            yield gpath, gold


def run(gold_dir: Path, texts: Path, which: str, numbers: tuple[int, int] | None = None) -> dict[str, Any]:
    """Import and score every selected article; per-document results and totals."""
    importer = load_importer()
    docs: list[dict[str, Any]] = []
    for gpath, gold in articles(gold_dir, which, numbers):
        tpath = texts / gold["doc"]
        entry: dict[str, Any] = {"id": gpath.stem, "set": gold.get("set"), "outlet": gold.get("outlet"), "error": None}
        if not tpath.is_file():
            entry["error"] = f"text missing: {tpath} (re-read it with the search words in the gold's 'query')"
            records: list[Any] = []
        else:
            try:
                records = import_one(importer, tpath)
            except Exception as exc:  # an importer crash is a result to report, not a reason to stop
                entry["error"] = f"{type(exc).__name__}: {exc}"
                records = []
        entry.update(score_doc(records, gold))
        docs.append(entry)
    totals = {c: pooled(docs, [c]) for c in ALL_CATS}
    totals["press"] = pooled(docs, PRESS_CATS)
    totals["visits_f1"] = pooled(docs, VISIT_CATS)
    return {"set": which, "documents": docs, "totals": totals}


def _fmt(s: dict[str, Any]) -> str:
    return f"P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} ({s['tp_gold']}/{s['gold']} gold, {s['tp_pred']}/{s['pred']} pred)"


#: Splits nobody tunes on: the report gives their totals only (``-v`` still lists them, for the session's end).
UNREAD = ("check", "test")


def report(result: dict[str, Any], verbose: bool) -> str:
    lines = [f"{'article':34} set  {'persons':>9} {'roles':>9} {'partners':>9} {'visits':>7} {'partic':>7}"]
    for d in result["documents"]:
        if d["set"] in UNREAD and not verbose:
            continue  # judging splits: totals only, no per-article cells to steer by
        s = d["scores"]

        def cell(c: str, s: dict[str, Any] = s) -> str:
            return f"{s[c]['tp_gold']}/{s[c]['gold']}+{s[c]['pred'] - s[c]['tp_pred']}"
        lines.append(f"{d['id'][:34]:34} {str(d['set'])[:4]:4} {cell('persons'):>9} {cell('roles'):>9} "
                     f"{cell('partnerships'):>9} {cell('visits'):>7} {cell('participants'):>7}"
                     + (f"  ERROR {d['error']}" if d["error"] else ""))
        if verbose:
            for c in ALL_CATS:
                e = d["errors"][c]
                if e["missed"]:
                    lines.append(f"    {c} missed: " + "; ".join(map(str, e["missed"])))
                if e["spurious"]:
                    lines.append(f"    {c} spurious: " + "; ".join(map(str, e["spurious"])))
    lines.append("(cells: gold found/gold + spurious predictions)")
    lines.append(f"\n{len(result['documents'])} articles, set {result['set']}")
    failed = [d for d in result["documents"] if d["error"]]
    if failed:  # counted for every split: a crash scores as an empty article and must not hide in the totals
        lines.append(f"{len(failed)} article(s) not scored (text missing or importer error; -v names them)")
    t = result["totals"]
    for c in (*ALL_CATS, "press", "visits_f1"):
        name = {"press": "PRESS F1 (persons+roles+partnerships)", "visits_f1": "VISITS F1 (visits+dates+leads+participants)"}.get(c, c)
        lines.append(f"{name:44} {_fmt(t[c])}")
    return "\n".join(lines)


def default_texts() -> Path:
    env = os.environ.get("PRESS_CACHE")
    if env:
        return Path(env)
    for cand in (HERE.parents[2] / "press-cache", Path("/work/wt/press-cache")):
        if cand.is_dir():
            return cand
    return Path("/work/wt/press-cache")


def dump_records(gold_dir: Path, texts: Path, which: str) -> dict[str, list[str]]:
    """Canonical JSON lines of every record per article (for comparing runs under different hash seeds)."""
    importer = load_importer()
    out: dict[str, list[str]] = {}
    for gpath, gold in articles(gold_dir, which):
        tpath = texts / gold["doc"]
        if not tpath.is_file():
            continue
        lines = []
        for r in import_one(importer, tpath):
            d = {"label": r.label, "id": r.id, "name": r.name} if hasattr(r, "label") else \
                {"type": r.type, "source": r.source, "target": r.target, "key": r.key}
            lines.append(json.dumps({**d, "props": r.props}, ensure_ascii=False, sort_keys=True, default=str))
        out[gpath.stem] = lines
    return out


def check_seeds(args: argparse.Namespace, texts: Path, seeds: list[str]) -> int:
    """Run the importer under each PYTHONHASHSEED and name the articles whose records differ."""
    import subprocess
    runs = []
    for seed in seeds:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--set", args.set, "--gold", str(args.gold),
               "--texts", str(texts), "--dump-records"]
        proc = subprocess.run(cmd, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
        runs.append(json.loads(proc.stdout))
    differ = sorted(k for k in runs[0] if any(r.get(k) != runs[0][k] for r in runs[1:]))
    print(f"{len(runs[0])} articles under PYTHONHASHSEED {', '.join(seeds)}: "
          + (f"{len(differ)} differ: {', '.join(differ)}" if differ else "identical records"))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("dev", "check", "test", "all"), default="dev")
    ap.add_argument("--gold", type=Path, default=HERE / "gold", help="folder of gold JSON files")
    ap.add_argument("--texts", type=Path, default=None, help="folder of cached article texts (default $PRESS_CACHE or /work/wt/press-cache)")
    ap.add_argument("--json", action="store_true", help="print the full result (scores and error lists) as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious facts per article")
    ap.add_argument("--range", dest="numbers", help="only articles numbered in N-M (e.g. 77-88)")
    ap.add_argument("--compare", type=Path, help="an earlier --json result: list per-article gains and losses")
    ap.add_argument("--seeds", help="comma-separated PYTHONHASHSEED values: check the records are identical under each")
    ap.add_argument("--dump-records", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    texts = args.texts or default_texts()
    if args.dump_records:
        print(json.dumps(dump_records(args.gold, texts, args.set)))
        return 0
    if args.seeds:
        return check_seeds(args, texts, [x.strip() for x in args.seeds.split(",") if x.strip()])
    numbers = None
    if args.numbers:
        lo, _, hi = args.numbers.partition("-")
        if not (lo.isdigit() and (hi or lo).isdigit()):
            ap.error(f"--range {args.numbers}: expected N-M")
        numbers = (int(lo), int(hi or lo))
    result = run(args.gold, texts, args.set, numbers)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(report(result, args.verbose))
    if args.compare:
        print(compare(json.loads(args.compare.read_text(encoding="utf-8")), result))
    return 0


def compare(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Per-article changes against an earlier --json result: gold facts found and spurious facts, by category."""
    before = {d["id"]: d["scores"] for d in old["documents"]}
    lines = ["\nchanges against the earlier result (found gold / spurious; - = worse):"]
    for d in new["documents"]:
        if d["id"] not in before:
            continue
        parts = []
        for c in ALL_CATS:
            a, b = before[d["id"]][c], d["scores"][c]
            dg, ds = b["tp_gold"] - a["tp_gold"], (b["pred"] - b["tp_pred"]) - (a["pred"] - a["tp_pred"])
            if dg or ds:
                flag = "-" if dg < 0 or ds > 0 else ""
                parts.append(f"{flag}{c} {dg:+d}/{ds:+d}")
        if parts:
            lines.append(f"  {d['id']}: " + ", ".join(parts))
    for c in ("press", "visits_f1"):
        lines.append(f"  {c}: F1 {old['totals'][c]['f1']:.3f} -> {new['totals'][c]['f1']:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
