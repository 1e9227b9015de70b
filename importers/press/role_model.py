"""A small learned re-ranker of role attachments (HOLDS_ROLE person -> organization) over the rules' output.

The rules of one story yield persons, organizations and roles. Every (person, organization) pair of a
story is a candidate; general features (did a rule give the pair and which, how close the two are named,
what stands between them, the organization's kind and whether it is the story's city, the person's title
family, the visit side) go through a logistic model whose weights ship as ``role_model.json`` (trained
on the development articles by ``eval/press/train_roles.py``). Rule roles the model finds unlikely are
dropped; a titled person's most likely body is added when the rules gave none. Deterministic: no
randomness, ties broken by text position.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...graph.roles import role_key
from .facts import RoleF, StoryFacts, quote
from .lexicon import LEX
from .orgs import OrgM, municipality
from .role_context import _company_title, _is_county, _municipal_title, county_office
from .title_frames import _TITLE_AT
from .weights import load_weights, logistic

if TYPE_CHECKING:
    from .rules import StoryExtractor

MODEL_PATH = Path(__file__).with_name("role_model.json")
RULE = "press:role_model"

#: Title families (graph/roles.json keys grouped by the kind of body that holds them).
_FAMILIES = {
    "municipal": ("mayor", "deputy_mayor", "local_mayor", "deputy_local_mayor", "district_administrator",
                  "deputy_district_administrator", "city_director", "deputy_city_director", "city_councillor",
                  "council_member", "substitute_member"),
    "chair": ("council_chair", "deputy_chair"),
    "head": ("head_of_office", "deputy_head_of_office", "cdo", "cio", "smart_city_manager", "project_manager",
             "urban_planner", "economic_development", "press_officer", "employee", "deputy"),
    "company": ("managing_director", "deputy_managing_director", "board_member"),
    "party": ("party_leader", "deputy_party_leader"),
    "state": ("member_of_parliament", "minister"),
    "academic": ("professor",),
}
_FAMILY_OF = {k: fam for fam, keys in _FAMILIES.items() for k in keys}
_KINDS = ("town", "county", "utility", "company", "party", "government", "unit", "other")
_RULES = ("press:title", "press:apposition", "press:party", "press:parenthesis", "press:caption", "press:body-list",
          "press:affiliation")
_SUFFIXES = ("+context", "+side", "+origin", "+utility")
_PERSON_RULES = ("press:name", "press:credit", "press:contact", "press:caption", "press:list", "press:surname")
_PREP = re.compile(r"(?:\b(?:der|des|von|vom|aus|bei|beim|im|in|für|am|zur|zum)\s+(?:[\w-]+\s+){0,2})$", re.I)
_WORD = re.compile(r"\w+")


@dataclass
class Pair:
    """One candidate (person, organization) of a story, its features and the rule role that gave it (if any)."""

    person: str
    org: OrgM
    key: str
    rule: RoleF | None
    feats: dict[str, float] = field(default_factory=dict)
    first: int = 0  # text position of the pair's closest mention (ties)
    title: str | None = None  # the person's first title
    quote: str = ""  # the sentence naming both closest, else the person's quote (cut to a quote when added)
    prob: float = 0.0


def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The shipped weights and thresholds (None when the file is missing: the rules' output stays)."""
    return load_weights(path)


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    """The model's probability that a pair is a true role (``weights.logistic``)."""
    return logistic(feats, model)


# ---- running the rules with the open titles kept ----------------------------------------------------

def run_rules(ex: StoryExtractor) -> tuple[StoryFacts, list[RoleF]]:
    """Run the story's rules; also return the titles the rules found before placing them (org None)."""
    facts = ex.run()
    return facts, list(ex.open_titles)


def run_story(ex: StoryExtractor) -> StoryFacts:
    """The story's facts with the role model applied (the call site of the press extraction)."""
    facts, held = run_rules(ex)
    model = load_model()
    if model is not None:
        who = None
        if float(model.get("drop", 0.0)) <= 0.0 and float(model.get("more", 1.01)) > 1.0:
            who = set(facts.persons) - {r.person for r in facts.roles if r.org is not None}  # only they can change
        if who is None or who:
            apply(model, candidates(ex, facts, held, who), facts)
    return facts


# ---- candidates and features ------------------------------------------------------------------------

def _mentions(text: str, forms: list[str]) -> list[tuple[int, int, bool]]:
    """(start, end, demonym) of whole-word occurrences of any form (a form + 'er' is a demonym: 'Kasseler')."""
    out = []
    for form in dict.fromkeys(f for f in forms if len(f) >= 2):
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            before_ok = at == 0 or not text[at - 1].isalnum()
            tail = text[end:end + 3]
            demonym = tail[:2] == "er" and not tail[2:3].isalpha()
            after_ok = end == len(text) or not text[end].isalpha() or demonym or (tail[:1] == "s" and not tail[1:2].isalpha())
            if before_ok and after_ok:
                out.append((at, end + (2 if demonym else 0), demonym))
            at = text.find(form, end)
    return sorted(out)


def _title_words(text: str, start: int, end: int) -> list[str]:
    """Title-like words (the lexicon's title grammar) right before a name or in an apposition after it."""
    before = text[max(0, start - 60):start].split("\n")[-1].split()[-3:]
    after = text[end:end + 60].split("\n")[0]
    words = [w.strip(",;:()") for w in before]
    if after.startswith((",", " (", " –", " -")):
        words += [w.strip(",;:()") for w in after.split()[:5]]
    return [w for w in words if w[:1].isupper() and len(w) > 3 and LEX.is_titleish(w)]


def _org_forms(org: OrgM) -> list[str]:
    forms = [org.name, *org.aliases]
    if org.place and org.kind == "municipality":
        forms.append(org.place)
    head, _, rest = org.name.partition(" ")
    if rest and org.kind in ("utility", "company") and len(rest) > 3:
        forms.append(rest) if org.kind == "company" else None
    return forms


def _kind(org: OrgM) -> str:
    if org.kind == "municipality":
        return "county" if _is_county(org) else "town"
    return org.kind if org.kind in _KINDS else "other"


@lru_cache(maxsize=4096)
def _family(titles: tuple[str | None, ...]) -> frozenset[str]:
    """The title families of a person's titles (graph/roles.json keys grouped), plus the kinds of office they name."""
    fams = {_FAMILY_OF.get(role_key(t) or "", "other") for t in titles if t}
    if any(county_office(t) for t in titles if t):
        fams.add("countyoffice")
    if any(_municipal_title(t) for t in titles if t):
        fams.add("municipaltitle")
    if any(_company_title(t) for t in titles if t):
        fams.add("companytitle")
    return frozenset(fams)


def _log(n: float) -> float:
    return math.log1p(max(0.0, n))


def candidates(ex: StoryExtractor, facts: StoryFacts, held: list[RoleF], who: set[str] | None = None) -> list[Pair]:
    """Every (person, organization) pair of the story with its features, in text order (only the persons in
    ``who`` when given that the adder may give a body: their features are the same as in the full set)."""
    from .build import org_id

    text = ex.seg.text
    city = ex.city
    dateline = ex._dateline_city()
    if not facts.persons:
        return []
    # sentences as character spans
    spans: list[int] = []
    texts: list[str] = []
    pos = 0
    for line, split in zip(ex.seg.lines, ex.seg.line_sentences(), strict=True):
        for off, s in split:
            spans.append(pos + off)
            texts.append(s)
        pos += len(line) + 1

    def sent(at: int) -> int:
        return bisect.bisect_right(spans, at)

    near_title: dict[str, str] = {}
    sent_title: set[str] = set()
    p_ment = {}
    for name, person in facts.persons.items():
        sur = name.split()[-1]
        p_ment[name] = _mentions(text, [name, *(a for a in person.aliases if a != "caption"), *([sur] if len(sur) > 2 else [])])
        word = next((w for s, e, _d in p_ment[name] for w in _title_words(text, s, e)), None)
        if word:
            near_title[name] = word
    # a title-like word in a sentence naming the person and nobody else (the title is not another's)
    sent_people: dict[int, set[str]] = {}
    for name, ms in p_ment.items():
        for s0, _e, _d in ms:
            sent_people.setdefault(sent(s0), set()).add(name)
    for name, ms in p_ment.items():
        if name not in near_title and any(
                sent_people[sent(s0)] == {name} and sent(s0)
                and any(w[:1].isupper() and len(w) > 3 and LEX.is_titleish(w.strip(",;:().")) for w in texts[sent(s0) - 1].split())
                for s0, _e, _d in ms):
            sent_title.add(name)
    titles: dict[str, list[str | None]] = {}
    for r in [*held, *facts.roles]:
        titles.setdefault(r.person, []).append(r.title)
    if who is not None and not any(titles.get(n) or n in near_title or n in sent_title for n in who):
        return []  # the adder gives a body only to a titled person or one with a title-like word by the name (``may_add``)
    orgs: dict[str, OrgM] = {}

    def add(o: OrgM | None) -> None:
        if o is not None and o.name:
            orgs.setdefault(org_id(o), o)

    for r in facts.roles:
        add(r.org)
    for ev in facts.events:
        add(ev.guest)
        add(ev.host)
        for part in ev.participants.values():
            add(part.get("acting_for"))
    for link in facts.links:
        add(link.a)
        add(link.b)
    for of in facts.orgs:
        add(of.org)
    for o in ex.bodies:  # the municipal bodies the text names (found once per story by the rules)
        add(o)
    for place in (city, dateline):
        if place:
            add(municipality(place))
    if not orgs:
        return []
    # word starts for token distances
    words = [m.start() for m in _WORD.finditer(text)]

    def tok(at: int) -> int:
        return bisect.bisect_left(words, at)

    o_ment = {k: _mentions(text, _org_forms(o)) for k, o in orgs.items()}
    o_starts = {k: [m[0] for m in ms] for k, ms in o_ment.items()}
    o_toks = {k: [(tok(a), tok(e)) for a, e, _d in ms] for k, ms in o_ment.items()}
    p_toks = {name: [(tok(a), tok(e)) for a, e, _d in ms] for name, ms in p_ment.items()}
    rules: dict[tuple[str, str], RoleF] = {}
    for r in facts.roles:
        if r.org is not None:
            rules.setdefault((r.person, org_id(r.org)), r)
    roles_at: dict[str, int] = {}
    for (_p, k) in rules:
        roles_at[k] = roles_at.get(k, 0) + 1
    visit = next((e for e in facts.events if e.kind == "visit"), None)
    n_p, n_o = len(facts.persons), len(orgs)
    art = {"n_persons": _log(n_p), "n_orgs": _log(n_o), "bias_visit": float(visit is not None)}
    o_sents = {k: {sent(a) for a, _e, _d in ms} for k, ms in o_ment.items()}
    ofeat: dict[str, dict[str, float]] = {}
    kinds: dict[str, str] = {}
    for k, o in orgs.items():
        kinds[k] = kind = _kind(o)
        g = {"kind_" + kind: 1.0, "org_mentions": _log(len(o_ment[k])),
             "demonym": float(any(dm for _s, _e, dm in o_ment[k]))}
        if o.place and o.place == city:
            g["is_city"] = 1.0
        if o.place and o.place == dateline:
            g["is_dateline"] = 1.0
        if o.parent is not None:
            g["has_parent"] = 1.0
        ofeat[k] = g
    out: list[Pair] = []
    for name in facts.persons:
        if who is not None and name not in who:
            continue
        pm = p_ment[name]
        fams = sorted(_family(tuple(titles.get(name, ()))))
        own = [k for (p, k) in rules if p == name]
        prule = facts.persons[name].rule
        pf: dict[str, float] = {**art, "n_rule_orgs": _log(len(own)), "titled": float(bool(titles.get(name))),
                                "person_" + (prule if prule in _PERSON_RULES else "other"): 1.0,
                                "person_mentions": _log(len(pm))}
        if name in near_title:
            pf["title_near"] = 1.0
        elif name in sent_title:
            pf["title_in_sentence"] = 1.0
        if name in ex.partner_people:
            pf["partner_person"] = 1.0  # 'der Bürgermeister der Partnerstadt A': a partner's official
        for fam in fams:
            pf["fam_" + fam] = 1.0
        if not fams:
            pf["fam_none"] = 1.0
        if who is not None and not pf["titled"] and not may_add(pf):
            continue  # only the adder asks for ``who``: for a person without a title, its answer is the person's alone
        p_sents = {sent(a) for a, _e, _d in pm}
        title = next((t for t in titles.get(name, []) if t), None) or near_title.get(name)
        ptitles = [*titles.get(name, []), near_title.get(name)]
        vp = visit.participants.get(name) if visit is not None else None
        side_id = acting_id = None
        if vp is not None and visit is not None:
            side_org = visit.guest if vp["side"] == "guest" else visit.host
            side_id = org_id(side_org) if side_org is not None else None
            acting_id = org_id(vp["acting_for"]) if vp.get("acting_for") is not None else None
        dists: dict[str, tuple[int, int, int]] = {}
        for k in orgs:
            best = (10 ** 6, 0, 0)
            om, starts = o_ment[k], o_starts[k]
            otok = o_toks[k]
            for (ps, pe, _d), (tps, tpe) in zip(pm, p_toks[name], strict=True):
                at = bisect.bisect_left(starts, pe)  # the org mentions next to the person's, on either side
                for j in range(max(0, at - 2), min(len(om), at + 1)):
                    os_ = om[j][0]
                    d = otok[j][0] - tpe if os_ >= pe else tps - otok[j][1]
                    if d < 0:
                        d = -d
                    if d < best[0] or (d == best[0] and min(ps, os_) < best[1]):
                        best = (d, min(ps, os_), ps - os_)
            dists[k] = best
        order = sorted(orgs, key=lambda k: (dists[k][0], dists[k][1]))
        for k, o in orgs.items():
            rr = rules.get((name, k))
            kind = kinds[k]
            f: dict[str, float] = {**pf, **ofeat[k]}
            d, first, sign = dists[k]
            if rr is not None:
                f["rule"] = 1.0
                f["rule_conf"] = rr.confidence
                base, plus, rest = rr.rule.partition("+")
                f["rule_" + (base if base in _RULES else "other")] = 1.0
                if plus:
                    f["rule_suffix" + ("+" + rest if "+" + rest in _SUFFIXES else "+other")] = 1.0
            else:
                f["no_rule"] = 1.0
                f["has_other_rule"] = float(bool(own))
            f["roles_at_org"] = _log(roles_at.get(k, 0) - (1 if rr is not None else 0))
            for fam in fams:
                f[f"fam_{fam}*{kind}"] = 1.0
            found = d < 10 ** 6
            f["mentioned"] = float(found)
            where = facts.persons[name].quote
            if found:
                f["dist_log"] = _log(d)
                f["near3"] = float(d <= 3)
                f["near8"] = float(d <= 8)
                f["nearest"] = float(order[0] == k)
                f["second"] = float(len(order) > 1 and order[1] == k)
                f["org_first"] = float(sign > 0)
                at_sent = sent(first)
                same = at_sent == sent(first + abs(sign))
                f["same_sentence"] = float(same)
                if same:
                    lo, hi = sorted((first, first + abs(sign)))
                    gap = text[lo:hi]
                    f["gap_comma"] = float("," in gap)
                    f["gap_paren"] = float("(" in gap)
                    f["gap_und"] = float(" und " in gap or " sowie " in gap)
                    f["gap_title"] = float(_TITLE_AT.search(gap) is not None)
                    f["gap_prep"] = float(sign < 0 and _PREP.search(gap) is not None)
                    if any(lo < a < hi for other, ms in p_ment.items() if other != name for a, _e, _d in ms):
                        f["gap_person"] = 1.0  # another person named between the two
                    if at_sent:
                        where = texts[at_sent - 1]
            f["co_sentences"] = _log(len(p_sents & o_sents[k]))
            head = o.name.split()[0].casefold() if o.name else ""
            if len(head) > 3 and any(head[:6] in (t or "").casefold() for t in ptitles):
                f["title_names_org"] = 1.0  # 'Stadtwerke-Geschäftsführer', 'Kreisbrandmeister': the title names the body's head
            if vp is not None:
                if acting_id == k:
                    f["acting_for"] = 1.0
                if side_id == k:
                    f["own_side"] = 1.0
                elif side_id is not None and kind in ("town", "county"):
                    f["other_side"] = 1.0
                if vp.get("lead"):
                    f["lead"] = 1.0
            out.append(Pair(name, o, k, rr, f, first if found else len(text), title, where))
    return out


# ---- decisions --------------------------------------------------------------------------------------

def may_add(feats: dict[str, float]) -> bool:
    """Whether the adder may give a person this body: not a partner's official; a person with a title the
    rules found, unless the body is the town or county of the story or of the person's visit side (the
    rules' fallback to those decided already, and its refusals are deliberate); a person without one (and not named in a photo
    credit) when a title-like word stands by the name or in a sentence naming nobody else."""
    if feats.get("partner_person"):
        return False
    if not feats.get("titled"):
        if feats.get("person_press:credit"):
            return False  # named in a photo credit: the photographer, no office
        return bool(feats.get("title_near") or feats.get("title_in_sentence"))  # a title the rules did not parse: they never placed the person
    own = feats.get("is_city") or feats.get("is_dateline") or feats.get("own_side")
    return not (own and (feats.get("kind_town") or feats.get("kind_county")))


def choose(pairs: list[tuple[str, bool, dict[str, float], float, int]], model: dict[str, Any]) -> tuple[set[int], set[int]]:
    """The decisions over a story's (person, from a rule, features, probability, position) pairs: the rule
    pairs to drop (below ``drop``) and the pairs to add: per person without a rule role left, the most
    likely addable body at ``add`` or above; per person with one, the most likely other at ``more`` or above."""
    drop, add, more = float(model.get("drop", 0.0)), float(model.get("add", 1.01)), float(model.get("more", 1.01))
    dropped = {i for i, (_n, rule, _f, prob, _at) in enumerate(pairs) if rule and prob < drop}
    kept = {n for i, (n, rule, _f, _p, _at) in enumerate(pairs) if rule and i not in dropped}
    best: dict[str, int] = {}
    for i, (name, rule, feats, prob, at) in enumerate(pairs):
        if rule or prob < (more if name in kept else add) or not may_add(feats):
            continue
        j = best.get(name)
        if j is None or (prob, -at) > (pairs[j][3], -pairs[j][4]):
            best[name] = i
    return dropped, set(best.values())


def apply(model: dict[str, Any], pairs: list[Pair], facts: StoryFacts) -> None:
    """Drop the rule roles and add the roles ``choose`` decides; an added role keeps its quote, a confidence
    from its probability and the rule name ``press:role_model``."""
    for p in pairs:
        p.prob = probability(p.feats, model)
    dropped, added = choose([(p.person, p.rule is not None, p.feats, p.prob, p.first) for p in pairs], model)
    if dropped:
        from .build import org_id
        gone = {(pairs[i].person, pairs[i].key) for i in dropped}
        facts.roles = [r for r in facts.roles if r.org is None or (r.person, org_id(r.org)) not in gone]
    for p in sorted((pairs[i] for i in added), key=lambda x: (x.first, x.person)):
        facts.roles.append(RoleF(p.person, p.org, p.title, quote(p.quote), RULE, round(0.5 + 0.4 * p.prob, 2)))
