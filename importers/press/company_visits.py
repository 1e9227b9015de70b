"""Company visits in press text: a mayor (or a council) visits named firms ('Bürgermeisterin X besuchte die
Firma A und die Bäckerei B', 'zu Gast beim Familienunternehmen C'): each firm hosts one visit of the town."""

from __future__ import annotations

import re

from .lexicon import UP
from .orgs import OrgM, find_orgs
from .places import is_place_word, known_place

#: The kind nouns of a firm: 'Firma', 'Unternehmen', 'Betrieb' alone or ending a compound ('Familienunternehmen',
#: 'Bauhandwerksbetriebe', 'Demeter-Gärtnerei', 'Brauerei', 'Möbelfabrik'); not the towns' own works ('Stadtwerke').
_KIND = (rf"(?:Firma|Unternehmen|Betrieb|Betriebe|Werk|Fabrik|(?!Stadtw|Gemeindew|Kreisw)[{UP}][\w-]*"
         r"(?:firma|unternehmen|betrieb|betriebe|werk|erei|fabrik|manufaktur))")
_NAME_TOK = rf"[{UP}][\w&'’.-]*"
#: A named firm as the object of a visit: 'die Firma Huber', 'das Familienunternehmen Kroll & Söhne', 'die Betriebe A und B'.
_FIRM = re.compile(rf"\b(?:das|die|den|dem|der|beim|bei)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}(?P<kind>{_KIND})\s+"
                   rf"(?P<name>{_NAME_TOK}(?:\s+(?:&\s+)?{_NAME_TOK}){{0,2}})(?=\s+(?:in|im|am|und|sowie|mit|an|auf|,)\b|[\s,.;:!?)]|$)"
                   rf"(?:\s+(?:und|sowie)\s+(?P<more>{_NAME_TOK})\b)?")
#: Visiting verbs and nouns before the firms: 'besuchte', 'besichtigte', 'zu Gast bei', 'Firmenbesuch bei'.
_VISITING = re.compile(r"\b(?:besuchte|besuchten|besucht|besichtigte|besichtigten|besichtigt|zu Gast|[\w-]*[Bb]esuch(?:s|es)?)\b")
#: A plan, a habit or an invitation: no visit made.
_NOT_MADE = re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|plant|planen|geplant|möchte|regelmäßig|jedes\s+Jahr|[Ss]eit\s+Jahren)\b")
_CLAUSE_END = re.compile(r"[.;:!?]|\s[–—-]\s|,\s+(?:die|der|das|wo|als|weil|dass|um|bevor|nachdem)\s+(?![A-ZÄÖÜ])")
#: Plural kinds before two names ('die Betriebe A und B'): each name is a firm of its own.
_PLURAL_KINDS = ("betriebe", "firmen", "Betriebe")


def firm_hosts(sent: str) -> tuple[int, list[OrgM]]:
    """(position of the visiting verb, the named firms it visits in its clause), or (-1, []) when the sentence
    visits no named firm (a plan or a habit visits none)."""
    if not ("esuch" in sent or "esichtig" in sent or "Gast" in sent):
        return -1, []
    v = _VISITING.search(sent)
    if v is None or _NOT_MADE.search(sent):
        return -1, []
    end = _CLAUSE_END.search(sent, v.end())
    clause_end = end.start() if end else len(sent)
    out: list[OrgM] = []
    for m in _FIRM.finditer(sent, v.end(), clause_end):
        if out and m.start() - out[-1].end > 60:
            break  # a firm far from the list: not visited in this clause
        names = [m.group("name")]
        if m.group("more") and m.group("kind").endswith(_PLURAL_KINDS):
            names.append(m.group("more"))
        for i, name in enumerate(names):
            if is_place_word(name) and known_place(name.split()[0], 0):
                continue  # 'das Werk Kempten': a site of a firm not named
            kind = m.group("kind")
            full = f"{kind} {name}" if not kind.endswith(_PLURAL_KINDS) else name
            out.append(OrgM(full, "company", None, None, [name] if full != name else [],
                            m.start("name") if i == 0 else m.start("more"), m.end()))
    for o in find_orgs(sent[v.end():clause_end], set()):  # 'besuchte die Huber Holzbau GmbH': a firm by its legal form
        if o.kind == "company" and not o.needs_place and len(o.name.split()) > 1 and all(not (f.start <= v.end() + o.start < f.end) for f in out):
            out.append(o.at(v.end() + o.start, v.end() + o.end))
    out.sort(key=lambda o: o.start)
    return v.start(), out
