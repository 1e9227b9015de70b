"""Organization mentions in press text, with canonical names, kinds and parent bodies (places: ``places``)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...graph.roles import role_key as _role_key
from .places import (NON_PLACE_END, adjective_base, fold, is_place_word, known_place, known_span, known_town, muni_matches,
                     place_in_name, split_places)
from .lexicon import LEX, LO, NB, UP, _trie
from .scanning import LowerStarts, tokens_back
from .org_mention import OrgM
from .assoc_names import adjective_counties, phrase_associations
from .states import party_bodies, state_adjective, state_bodies
from .org_grammar import (_AGENT_ENDS, _base_in_heads, _complement_place, _COMPOUND_CUE, _CUE_END, _CUE_KINDS,
                          _DESCRIPTOR_ENDS, elided_first, _given_not_place, _HEAD_SINGULAR, _name_run, nominative,
                          nominative_noun, _norm_head, _strip_left, _TOWN_HALLS, _utility_place)

#: ``roles.role_key`` memoized (pure, fixed vocabulary): every role phrase and title asks it, titles repeat.
role_key = lru_cache(maxsize=1 << 12)(_role_key)


def municipality(place: str, head: str = "Stadt") -> OrgM:
    """The body of a place: 'Stadt Hanau' (keeping 'Landkreis X', 'Kreis X', 'Gemeinde X' as written);
    a country or state that is no town ('Botswana', 'Estland') is its own body, not 'Stadt Botswana'."""
    head = _HEAD_SINGULAR.get(head, head)  # 'zwischen den Landkreisen A und B': each one a 'Landkreis'
    if head == "Stadt" and place in LEX.countries_regions and not known_place(place):
        return OrgM(place, "government", place)
    return OrgM(f"{head} {place}", "municipality", place)


_GENITIVE_JOINERS = frozenset({"der", "des"})
#: Honorifics before a name: a list of places ends there ('aus dem Département X, Monsieur Y').
_HONORIFICS = frozenset({*LEX.honorifics, "Monsieur", "Madame", "Mme", "Mme.", "Signor", "Signora"})
_NAME_JOINERS = frozenset({"für", "und", "&", "am", "di", "de", "du", "del", "della", "da", "van", *_GENITIVE_JOINERS})
_POSITIONS = frozenset({"Mitte", "links", "rechts", "vorne", "hinten", "oben", "unten", "l.", "r.", "v. l.", "v.l."})
_NAMED_BODY = re.compile(rf"(?P<noun>[{UP}][{LO}]+)\s*[„\"»«](?P<name>[^“\"»«]{{2,80}})[“\"»«]")


#: Every pattern of the rules is compiled once at import: a pattern string handed to ``re.search`` & co.
#: lives in ``re``'s 512-entry FIFO cache, which the per-name patterns of ``word_re`` flush on large runs.
_PARENT_DER = re.compile(r"\s+(?:der|des)\s+")
_PARENT_OPT = re.compile(r"\s+(?:(?:der|des)\s+)?")
_CAMEL_START = re.compile(rf"[a-z]+[{UP}]")
_CAMEL_IN = re.compile(rf"[a-z][{UP}]")


# ---- organizations --------------------------------------------------------------------------
def find_orgs(text: str, places: set[str]) -> list[OrgM]:
    """Organization mentions in ``text`` (non-overlapping, longest first, in text order)."""
    national = _national_bodies(text, places) if "sch" in text and _NATIONAL_GATE.search(text) else []
    low = text.lower()  # every _BODY_END / _CUE_END match holds one of their words, whatever its first letter's case
    compound = _BODY_AT.search(text, low) is not None
    firm = _CUE_AT.search(text, low) is not None
    envoys = state_bodies(text)
    envoys += party_bodies(text)
    envoys += phrase_associations(text, places)
    envoys += adjective_counties(text)
    if _ANY_ORG_WORD.search(text) is None and not national and not compound and not firm and not envoys:
        return []  # no scan below can match (a third to half of the calls, on phrases and clauses)
    cands: list[tuple[int, OrgM]] = [(2, o) for o in national] + [(3, o) for o in envoys]  # (priority, mention)
    for m in muni_matches(text):
        head = LEX.municipal_heads[m.group("head")]
        names = split_places(m.group("places"))
        if not all(is_place_word(p) and not _given_not_place(p) and p not in _HONORIFICS for p in names):  # 'Kreis Unna sowie Max Muster'
            names = names[:1]
            if not is_place_word(names[0]):
                continue
        if names[0].endswith(_AGENT_ENDS) and not known_place(names[0], 0):
            continue  # 'bleibt die Stadt Alleineigner der …': a role noun after the head, no town
        end = m.end() if len(names) > 1 else m.start("places") + len(names[0])
        for p in names:
            org = municipality(p, head)
            if len(names) > 1:
                at = m.start("places") + m.group("places").find(p)
                org.start, org.end = at, at + len(p)
                cands.append((3, org))
                continue
            if len(names) == 1 and m.group("head") not in ("Stadt", "Gemeinde", "Landkreis", "Kreis") and m.group(0)[: end - m.start()] != org.name:
                org.aliases.append(m.group(0)[: end - m.start()])
            org.start, org.end = m.start(), end
            ordinal = _ORDINAL_BEFORE.search(text, max(0, m.start() - 6), m.start()) if head == "Bezirk" else None
            if ordinal:  # 'des II. Bezirks Budapest', 'im 3. Bezirk': a city's numbered district
                org.name, org.start = f"{ordinal.group('o')}. {org.name}", ordinal.start("o")
            cands.append((3, org))
    for m in _KREIS.finditer(text) if "reis" in text else ():  # every match ends in 'kreis' or '-Kreis'
        name = m.group("name")
        last = name.rsplit("-", 1)[-1]
        if name in LEX.not_county_kreis or (last != "Kreis" and last in LEX.not_county_kreis) or _LINKED_KREIS.search(name):
            continue
        town = _TOWN_IN.search(text, 0, m.start())
        if town and known_place(f"{town.group(0)}{name}", 0):
            continue  # 'Ried im Innkreis': the end of a town's name, no county
        end = m.end()
        seat = _SEAT.match(text, end) if last == "Kreis" else None
        if seat and known_place(seat.group("p"), 1000) and is_place_word(seat.group("p")):
            name, end = f"{name} {seat.group('p')}", seat.end()  # 'Rhein-Kreis Neuss': a county named with its seat
        org = OrgM(name, "municipality", name, aliases=[text[m.start():end]] if m.group("gen") else [])
        org.start, org.end = m.start(), end
        cands.append((3, org))
    for m in _ADJ_KREIS.finditer(text) if "sch" in text and "Kreis" in text else ():
        name = f"{m.group('adj')}er Kreis"  # 'des Rheinisch-Bergischen Kreises', 'im Märkischen Kreis': a county named by adjectives
        org = OrgM(name, "municipality", name, aliases=[m.group(0)] if m.group(0) != name else [])
        org.start, org.end = m.start(), m.end()
        cands.append((3, org))
    heads = _HEAD_WORD.search(text) is not None  # both scans below need a head word (most phrases have none)
    for m in LEX.adj_head_re.finditer(text) if heads else ():
        adj = m.group("adj")
        base = adjective_base(adj) if adj.endswith("er") else (adj[:-1] if adj[:-1] in places else None)  # 'Kellbergs Verwaltung'
        if not base or (base not in places and not is_place_word(base)):
            continue
        head = _norm_head(m.group("head"))
        kind = LEX.head_kinds.get(m.group("head"), "other")
        if head in ("Stadtverwaltung", "Verwaltung", "Stadt"):
            org = municipality(base)
        else:
            org = OrgM(f"{head} {base}", kind, base)
        org.aliases.append(m.group(0))
        org.start, org.end = m.start(), m.end()
        cands.append((4, org))
    hm = LEX.headed_re.search(text) if heads else None
    while hm is not None:
        headed = _headed(text, hm, places)
        civic = _CIVIC_BEFORE.search(text, max(0, hm.start() - 12), hm.start()) if headed and headed.kind == "utility" else None
        if headed and civic and not headed.name.startswith("Städtische"):
            # 'der Städtischen Wirtschaftsbetriebe X': the adjective is part of the name (the head alone an alias);
            # a bare head keeps its name (the story's utility of that head) and the adjective's form as an alias
            if headed.needs_place:
                headed.aliases = [*headed.aliases, f"Städtische {headed.name}"]
            else:
                headed.aliases, headed.name = [*headed.aliases, headed.name], f"Städtische {headed.name}"
            headed.start = civic.start()
        if headed:
            cands.append((2, headed))
        # a mention shorter than its match ('Stadtwerken A und Stadtwerken B' read as 'Stadtwerke A'): the rest is scanned again
        pos = headed.end if headed and hm.start() < headed.end < hm.end() else hm.end()
        hm = LEX.headed_re.search(text, pos)
    last_tail: OrgM | None = None
    for m in _tail_matches(text):
        words = _strip_left(m.group("name").split())
        if words == ["Co."] and last_tail is not None and _AND_CO.fullmatch(text, last_tail.end, m.start("name")):
            # 'X GmbH & Co. KG', 'X GmbH und Co. KG': one limited partnership, its partner's form inside its name
            written = text[last_tail.start:m.end()]
            other = written.replace(" und Co.", " & Co.") if " und Co." in written else written.replace(" & Co.", " und Co.")
            last_tail.name, last_tail.end, last_tail.aliases = written, m.end(), [other]
            continue
        if words == ["Co."]:
            continue  # '… und Co. KG' after no company's name: no name of its own
        if len(words) > 1 and words[0].endswith(_DESCRIPTOR_ENDS):
            words = words[1:]  # 'vom Anteilseigner X AG': X AG
        if len(words) > 2 and words[0].isupper() and words[1] in LEX.utility_heads:
            words = words[1:]  # 'SWO Stadtwerke Olpe GmbH': the short name before the utility's
        if not words:
            continue
        name = nominative(" ".join(words) + " " + m.group("tail"))
        kind = LEX.name_tails[m.group("tail")]
        if kind == "company" and (words[0] in LEX.utility_heads or " ".join(words[:2]) in LEX.utility_heads):
            kind = "utility"  # 'Stadtwerke Service A B GmbH': a utility's company by its head
        if len(words) == 1 and fold(words[0]) in LEX.generic:
            continue
        org = OrgM(name, kind, place_in_name(name, places))
        org.end, org.start = m.end(), m.end() - len(name)
        cands.append((2, org))
        last_tail = org if m.group("tail") in _LEGAL_FORMS else None
    if compound:
        cands += [(2, o) for o in _compound_bodies(text, places)]
    cues = list(LEX.cue_re.finditer(text))
    if firm:
        cues += [c for c in _COMPOUND_CUE.finditer(text) if c.group("cue") not in LEX.kind_cues]
    for m in cues:
        words = m.group("name").split("\n", 1)[0].split()  # a name does not run on into the next line
        if words[-1].endswith(".") and not words[-1].endswith(("e.V.", "V.")) and len(words[-1]) > 3:
            words[-1] = words[-1].rstrip(".")
        words = [w for w in words[:1]] + [w for w in words[1:] if w[:1].isupper() or not w[:1].isalpha() or w[1:2].isupper()]
        cut = next((i for i in range(1, len(words) - 1) if _given_not_place(words[i]) and words[i + 1][:1].isupper()), None)
        if cut is not None:
            words = words[:cut]  # 'der Firma LSW Frank Kurz': a person's name follows the firm's
        if not words or fold(words[0]) in LEX.generic or words[0] in LEX.non_name or LEX.is_titleish(words[0]):
            continue
        if not (words[0].isupper() or not words[0][0].isupper() or words[0] in places or len(words) > 1):
            continue
        if m.re is _COMPOUND_CUE and _given_not_place(words[0]):
            continue  # 'das Familienunternehmen Anna Muster': a person's name, not the firm's
        name = " ".join(words)
        kind = LEX.kind_cues.get(m.group("cue")) or _CUE_KINDS[m.group("end").lower()]
        org = OrgM(name, kind, place_in_name(name, places), aliases=[f"{m.group('cue')} {name}"])
        org.start, org.end = m.start("name"), m.start("name") + len(name)
        cands.append((1, org))
    found = _non_overlapping(cands)
    for org in found if "- und " in text or "- & " in text else ():
        el = elided_first(text, org.start)  # 'Energie- und' + 'Wasserwerke X': one name, the short form an alias
        if el is not None and org.kind != "municipality" and text.startswith(org.name.split()[0], org.start):
            org.aliases, org.name, org.start = [*org.aliases, org.name], f"{el.group('w')}- und {org.name}", el.start()
    return found


#: An association named by a nation's or region's adjective and its compound head: 'Deutscher Städtetag',
#: 'dem Deutschen Städte- und Gemeindebund', 'des Schweizerischen Städteverbandes', 'Deutsch-Italienische Gesellschaft'.
_NATIONAL = re.compile(rf"(?<![\w-])(?P<adj>(?:[{UP}][{LO}]+-)?[{UP}{LO}][{LO}]+(?:isch|sch))(?:er|en|es|em|e)\s+"
                       rf"(?P<noun>[{UP}][{LO}]*(?:-\s+und\s+[{UP}][{LO}]*)?)(?:\s+(?P<place>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?))?(?P<tail>\s+e\.\s?V\.)?(?![\w-])")
#: The heads of such an association's noun, with the ending of the adjective before them in the nominative.
_NATIONAL_HEADS = (("städtetag", "er"), ("landkreistag", "er"), ("gemeindetag", "er"), ("bund", "er"), ("verband", "er"), ("verein", "er"),
                   ("netzwerk", "es"), ("bündnis", "es"), ("gesellschaft", "e"), ("konferenz", "e"), ("allianz", "e"),
                   ("landtag", "er"), ("fonds", "er"), ("freundeskreis", "er"), ("arbeitskreis", "er"), ("rundfunk", "er"), ("jugendwerk", "es"), ("forum", "es"), ("komitee", "es"),
                   ("institut", "es"), ("zentrum", "es"), ("stiftung", "e"), ("akademie", "e"),
                   ("ministerium", "es"), ("staatskanzlei", "e"), ("landesregierung", "e"), ("staatsregierung", "e"),
                   ("bürgerschaft", "e"))
#: Heads of a state's government and parliament among ``_NATIONAL_HEADS`` ('Hessisches Digitalministerium').
_GOVERNMENT_HEADS = ("landtag", "ministerium", "staatskanzlei", "landesregierung", "staatsregierung", "bürgerschaft")
#: A ministry's portfolio after its head: 'für Digitales', 'für Wirtschaft, Arbeit und Tourismus'.
_PORTFOLIO = re.compile(rf"\s+für\s+[{UP}][{LO}]+(?:-?(?:,\s*|\s+und\s+)[{UP}][{LO}]+)*(?![\w-])")

#: The adjective's ending before a capital, in every ``_NATIONAL`` match (one scan with a literal prefix).
_NATIONAL_GATE = re.compile(r"sch(?:er|en|es|em|e)\s+[A-ZÄÖÜ]")
#: Where a head of ``_NATIONAL_HEADS`` ends a word: the full pattern runs only in a window before it.
_NATIONAL_HEAD_ALTS = ("tetag|kreistag|eundeskreis|rbeitskreis|eindetag|bund|verband|verein|netzwerk|bündnis|esellschaft|Gesellschaft|konferenz|allianz"
                       "|[lL]andtag|fonds|[rR]undfunk|[jJ]ugendwerk|[fF]orum|[kK]omitee|[iI]nstitut|[zZ]entrum|[sS]tiftung|[aA]kademie"
                       "|[mM]inisterium|[kK]anzlei|[rR]egierung|[bB]ürgerschaft")
_NATIONAL_HEAD = re.compile(rf"(?:{_NATIONAL_HEAD_ALTS})(?:es|s)?(?![\w-])")
#: Tried only where the lower-cased text holds one of the heads ('[lL]andtag' as 'landtag').
_NATIONAL_HEAD_AT = LowerStarts(_NATIONAL_HEAD, {re.sub(r"\[(\w)\w\]", r"\1", a).lower() for a in _NATIONAL_HEAD_ALTS.split("|")})


def _national_bodies(text: str, places: set[str]) -> list[OrgM]:
    """The associations ``_NATIONAL`` finds, the adjective in the nominative of the head's gender, with the
    place of a local branch after it ('Deutsch-Italienische Gesellschaft X')."""
    out: list[OrgM] = []
    pos = 0
    for h in _NATIONAL_HEAD_AT.finditer(text):  # the full pattern only in a window before each head ('…verband')
        if h.start() < pos or "sch" not in text[max(0, h.start() - 80): h.start()]:
            continue
        stop_at = text.find(" ", min(len(text), h.end() + 60))
        m = _NATIONAL.search(text, max(pos, h.start() - 80), len(text) if stop_at < 0 else stop_at)
        if m is None or m.start() > h.start():
            continue
        pos = m.end()
        noun, end = m.group("noun"), None
        for cut in ("", "s", "es"):  # 'Städteverbandes': the genitive's ending
            base = noun[: len(noun) - len(cut)]
            end = next((e for hd, e in _NATIONAL_HEADS if noun.endswith(cut) and base.lower().endswith(hd)), None)
            if end:
                noun = base
                break
        if end is None or LEX.is_titleish(m.group("adj")):
            continue
        adj = m.group("adj")
        if adj[:1].islower():  # 'das hessische Digitalministerium': lower case only for a state's government
            if not (base.lower().endswith(_GOVERNMENT_HEADS) and state_adjective(adj)):
                continue
            adj = adj[:1].upper() + adj[1:]
        place = m.group("place")
        local = place if place and (place in places or known_place(place, 0) or place in LEX.countries_regions) else None
        name = f"{adj}{end} {noun}" + (f" {local}" if local else "")
        stop = m.end() if local or not place else m.start("place") - 1
        government = noun.casefold().endswith(_GOVERNMENT_HEADS)
        portfolio = _PORTFOLIO.match(text, stop) if government and noun.casefold().endswith("ministerium") and not local else None
        if portfolio:  # 'Hessisches Ministerium für Digitales und Innovation': the portfolio is the ministry's name
            name, stop = name + portfolio.group(0), portfolio.end()
        surface = text[m.start():stop]
        kind = "government" if government else "other" if noun.casefold().endswith("rundfunk") else "association"
        out.append(OrgM(name, kind, local, None, [surface] if surface != name else [], m.start(), stop))
    return out


#: Head nouns of associations and public bodies that close a compound ('Kunstverein', 'Regionalverband',
#: 'Freundschaftsgesellschaft', 'Landesamt'), with the kind of body they make.
_BODY_SUFFIXES = {"verein": "association", "verband": "association", "verbund": "association", "netzwerk": "association",
                  "gesellschaft": "association", "komitee": "association", "bündnis": "association", "genossenschaft": "company",
                  "stiftung": "other", "akademie": "other", "agentur": "other", "kammer": "chamber", "landesamt": "government",
                  "bundesamt": "government", "institut": "research", "universität": "university", "hochschule": "university",
                  "werke": "utility", "elektrizitätswerk": "utility", "stadtwerk": "utility", "energie": "utility",
                  "gemeinschaft": "association", "betriebe": "utility",
                  # municipal umbrella associations, named after their state ('des Landkreistages Rheinland-Pfalz')
                  "landkreistag": "association", "städtetag": "association", "gemeindetag": "association",
                  "gemeindebund": "association", "städtebund": "association"}
#: Each suffix with its genitive forms, in the table's order (the first that ends a word is its head).
_SUFFIX_FORMS = tuple((s, (s, s + "s", s + "es")) for s in _BODY_SUFFIXES)
#: Heads that are a body's whole name before its place ('Landesamt X', 'Stadtwerk X', 'Energie X'); 'Energie' only so.
_WHOLE_HEADS = frozenset({"landesamt", "bundesamt", "elektrizitätswerk", "stadtwerk", "energie", "landkreistag", "städtetag", "gemeindetag",
                          "gemeindebund", "städtebund"})
#: A compound body noun (any case of its head's first letter, a genitive ending) before a capitalized word.
_BODY_END = re.compile("(?:" + "|".join(f"[{s[0]}{s[0].upper()}]{s[1:]}" for s in sorted(_BODY_SUFFIXES, key=len, reverse=True))
                       + rf")(?:es|s)?\s+(?=[{UP}]|de[rs]\s)")
_BODY_AT = LowerStarts(_BODY_END, _BODY_SUFFIXES)  # searched from the suffix words in the lower-cased text
_CUE_AT = LowerStarts(_CUE_END, _CUE_KINDS)
_WORD_BACK = re.compile(rf"[{UP}][{LO}]*(?:-[{UP}]?[{LO}]+)*$")
_ADJ_BACK = re.compile(rf"(?<![\w-])[{UP}][{LO}]+(?:isch|lich|ell|al)(?:e|en|er|es)\s+$")
#: Plural heads that name a utility alone only after such an adjective ('Industrielle Werke X', 'Technische Betriebe X').
_ADJ_HEADS = frozenset({"werke", "betriebe"})
#: The place or region a compound body is named after: 'Mindelheim', 'Sachsen-Anhalt', 'Schleswig-Holstein – Estland'.
#: A particle inside a hyphenated place name: 'Romilly-sur-Seine', 'Saint-Rémy-de-Provence', 'Villeneuve-lès-Avignon'.
_PLACE_PARTICLE = r"(?:-(?:sur|sous|lès|les|le|la|en|de|du|des|aux|am|an|im|ob|bei)(?=-))?"
_COMPLEMENT = re.compile(rf"(?:[{UP}]{{2,4}}(?![\w-])|[{UP}][{LO}]+(?:{_PLACE_PARTICLE}-[{UP}][{LO}]+)*)(?:\s+[–-]\s+[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*)?(?![\w-])")


_SURNAME_AFTER = re.compile(rf"\s+[{UP}][{LO}]")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:der|die|dem|den|des|vom|beim|zur|im)\s+$")


def _compound_bodies(text: str, places: set[str]) -> list[OrgM]:
    """Bodies named by a compound head noun and the place after it: 'vom Kunstverein Mindelheim', 'des
    Statistischen Landesamtes Sachsen-Anhalt' (adjective in the nominative), 'Regionalverband X'; or with the
    municipality it belongs to in the genitive ('des Partnerschaftskomitees der Stadt X': its parent)."""
    out: list[OrgM] = []
    for h in _BODY_AT.finditer(text):
        w = _WORD_BACK.search(text, max(0, h.start() - 40), h.start() + 1)
        noun_end = h.start() + len(h.group(0).rstrip())
        if w is None:
            continue
        word = text[w.start():noun_end]
        folded = word.casefold()
        suffix = next((s for s, forms in _SUFFIX_FORMS if folded.endswith(forms)), None)
        adj = _ADJ_BACK.search(text, max(0, w.start() - 40), w.start())
        whole = suffix in _WHOLE_HEADS or (suffix in _ADJ_HEADS and adj is not None)
        if suffix is None or len(word) < len(suffix) + 3 and not whole:
            continue  # 'Verein X' alone is a head of its own scan
        if suffix == "energie" and (word != "Energie" or not _ARTICLE_BEFORE.search(text, max(0, w.start() - 8), w.start())):
            continue  # 'Solarenergie X', 'mit Energie X versorgen': energy, no utility ('der Energie X' is one)
        if LEX.is_titleish(word) or (w.start() and text[w.start() - 1] in "-„\"") or _base_in_heads(word):
            continue  # a head of the other scans ('Stadtwerke X', 'Wasserwerke X') is read there
        base = word
        for gen in ("es", "s"):
            if word.endswith(gen) and word[: -len(gen)].casefold().endswith(suffix):
                base = word[: -len(gen)]
                break
        start = adj.start() if adj else w.start()
        lead = text[start:w.start()] if adj else ""
        kind = _BODY_SUFFIXES[suffix]
        if not text.startswith(("der ", "des "), h.end()):
            org = _placed_body(text, h.end(), f"{lead}{base}", kind, start, places)
        elif (parent := _parent_after(text, noun_end)) is not None:
            org = OrgM(nominative(f"{lead}{base}"), kind, parent[0].place, parent[0], [text[start:parent[1]]], start, parent[1])
        else:
            org = None
        if org is not None:
            out.append(org)
    return out


def _placed_body(text: str, at: int, noun: str, kind: str, start: int, places: set[str]) -> OrgM | None:
    """The body ``noun`` named by the place (or two joined by a dash) at ``at``, else None."""
    comp = _COMPLEMENT.match(text, at)
    if comp is None:
        return None
    parts = re.split(r"\s+[–-]\s+", comp.group(0))
    if not _complement_place(parts[0], places) or parts[0] in LEX.given and _SURNAME_AFTER.match(text, at + len(parts[0])):
        return None  # 'des Partnerschaftsvereins Anna Muster': its chair's name follows, no place
    named = parts if len(parts) == 2 and _complement_place(parts[1], places) else parts[:1]
    end = comp.end() if len(named) == 2 else at + len(parts[0])
    name = nominative(f"{noun} " + " – ".join(named))
    org = OrgM(name, kind, named[0] if named[0] in places else None, None, [], start, end)
    if text[start:end] != name:
        org.aliases.append(text[start:end])
    return org


#: 'Städtische'/'Städtischen' right before a utility's head word.
_CIVIC_BEFORE = re.compile(r"(?<![\w-])Städtischen?\s+$")
_ORDINAL_BEFORE = re.compile(r"(?<![\w.])(?P<o>[IVX]{1,4}|\d{1,2})\.\s$")
#: A word every match of ``find_orgs``'s scans contains (heads, tails, cues as plain substrings, and
#: 'reis' of '-kreis'/'-Kreis'): one scan that says whether any of the six can match.
_ANY_ORG_WORD = re.compile(_trie({*LEX.municipal_heads, *LEX.head_kinds, *LEX.name_tails, *LEX.kind_cues, "reis"}))
_HEAD_WORD = re.compile(_trie(LEX.head_kinds))  # in every adj_head_re and headed_re match
_LINKED_KREIS = re.compile(r"[^-](?:s|en)kreis$")  # "Arbeitskreis", "Themenkreis": linked with -s- or -en-, no county
_PLACE_AT = re.compile(LEX.place_name)
#: A county named by a regional adjective and 'Kreis': 'Rheinisch-Bergischer Kreis', 'des Oberbergischen Kreises'.
_ADJ_KREIS = re.compile(rf"(?<![\w-])(?P<adj>(?:[{UP}][{LO}]+isch-)?[{UP}][{LO}]+isch)(?:er|en|e|es)\s+Kreis(?:es)?(?![\w-])")
#: A town's name up to a preposition that may go on with a region ('Ried im ', 'Neumarkt in der ').
_TOWN_IN = re.compile(rf"[{UP}][\w-]+\s(?:im|am|in der|an der)\s$")
#: A county named by one compound word: 'Hochsauerlandkreis', 'Rhein-Sieg-Kreis', 'Kyffhäuserkreises'.
#: The seat after a hyphenated '-Kreis' ('Rhein-Kreis Neuss', 'des Rhein-Kreises Neuss').
_SEAT = re.compile(rf"\s(?P<p>[{UP}][{LO}]+)(?![\w-])")
_KREIS = re.compile(rf"(?P<name>[{UP}]{NB}[\w]*(?:-[\w]+)*(?:kreis|-Kreis))(?P<gen>es)?(?![\w-])")


def _tail_matches(text: str) -> list[re.Match]:
    """``LEX.tail_re.finditer(text)``, with the pattern tried only in the few words before each tail word.

    Every match ends in a tail word ('\\sGmbH') and spans at most six tokens before it, so the leftmost
    match after ``pos`` starts no earlier than ``_TAIL_TOKENS`` tokens before the next tail word: the
    pattern (backtracking-heavy, ~0.1 ms on a whole article) runs on that window, and the match it finds
    there is taken again from the full text (greedy words may run past the window)."""
    out: list[re.Match] = []
    pos = 0
    hit = LEX.tail_word_re.search(text)
    while hit:
        lo = max(pos, tokens_back(text, hit.start(), _TAIL_TOKENS))
        w = LEX.tail_re.search(text, lo, hit.end() + 1)
        m = LEX.tail_re.match(text, w.start()) if w else None
        if w and m is None:  # only the window's end could tell them apart: the plain scan decides
            m = LEX.tail_re.search(text, lo)
        if m is None:  # no match starts up to this tail word: the next one's window
            pos = hit.start() + 1
            hit = LEX.tail_word_re.search(text, pos)
            continue
        out.append(m)
        pos = m.end()
        hit = LEX.tail_word_re.search(text, pos)
    return out


_TAIL_TOKENS = 8  # a tail_re name has at most six words; a margin costs nothing but a wider window


#: A hyphenated name before a head word: 'Lorenz-von-Stein-' (particles allowed inside), 'Max-Planck-'.
_HYPHEN_PREFIX = re.compile(rf"(?<![\w-])(?:[{UP}][{LO}]+-(?:(?:von|van|de|der|zu)-)?)+$")


def _headed(text: str, m: re.Match, places: set[str]) -> OrgM | None:
    head = m.group("head")
    kind = LEX.head_kinds[head]
    rest = (m.group("rest") or "").split()
    if rest and rest[-1].endswith(".") and not rest[-1].endswith(("e.V.", "V.")):
        rest[-1] = rest[-1].rstrip(".")
    if kind == "unit" and head in LEX.context_heads and not (rest and rest[0] in places):
        # 'Bürgerbüros der Stadt X' / 'Pressestelle der Stadt X': the unit of the body named after it
        parent = _parent_after(text, m.start() + len(head))
        if parent:
            org, pend = parent
            return OrgM(_norm_head(head), kind, org.place, org, [text[m.start():pend]], m.start(), pend)
    if head in LEX.utility_heads or head in LEX.context_heads:
        # 'Stadtwerke Bochum', 'Stadtwerke Bochum Holding', or a bare context head
        name_words = rest[:1] if rest and _utility_place(rest[0], places) else []
        whole = _PLACE_AT.match(text, m.start("rest")) if rest else None
        town = known_span(whole.group(0)) if whole and " " in whole.group(0) else None
        if town and (known_place(town, 0) or known_town(town, 1000)):
            name_words = [town]  # 'Stadtwerke Ried im Innkreis', 'Stadtwerke Aue-Bad Schlema': a town of several words
        if not name_words and head.endswith(_VERBAND_ENDS) and rest and is_place_word(rest[0]) and not LEX.is_titleish(rest[0]):
            # 'Wasserverband Obere Bigge', 'Abwasserzweckverband Biggetal': a union named after its river or valley
            name_words = [w for w in _name_run(rest[:3])]
        legal = ""
        if name_words and len(rest) > 1 and rest[1] in LEX.name_tails:
            if rest[1] in _LEGAL_FORMS:
                legal = rest[1]  # 'Stadtwerke Werdohl GmbH' is the Stadtwerke Werdohl: the form is an alias
            else:
                name_words.append(rest[1])  # 'Stadtwerke Bochum Holding': another company
        norm = _norm_head(head)
        if not name_words:
            if head in LEX.unit_heads and head not in LEX.context_heads:
                return None
            return OrgM(norm, kind, None, None, [], m.start(), m.start() + len(head), needs_place=True)
        name = f"{norm} {' '.join(name_words)}"
        end = m.start("rest") + len(" ".join(name_words + ([legal] if legal else [])))
        aliases = [text[m.start():end]] if norm != head or legal else []
        return OrgM(name, kind, name_words[0] if len(name_words) == 1 else None, None, aliases, m.start(), end)
    multi = head.endswith("für") or kind in ("unit", "program", "association", "research", "government")
    if not rest:
        return None
    if not multi:
        rest = rest[:1]
        if not (rest[0] in places or rest[0].isupper() or is_place_word(rest[0])):
            return None
    if rest and rest[-1].endswith(".") and not rest[-1].endswith(("e.V.", "V.")):
        rest[-1] = rest[-1].rstrip(".")
    while rest and (rest[-1] in ("und", "für", "&") or LEX.is_titleish(rest[-1])):
        rest = rest[:-1]
    for i in range(1, len(rest) - 1):
        if rest[i] in LEX.given and rest[i + 1][:1].isupper() and not known_place(rest[i], 20_000):
            rest = rest[:i]  # 'Selbstverwaltung Eva Lindqvist': the name of a person follows the organization's
            break
    if not rest or (fold(rest[0]) in LEX.generic):
        return None
    surface_end = m.start("rest") + len(" ".join(rest))
    name = f"{_norm_head(head)} {' '.join(rest)}"
    org = OrgM(nominative(name), kind, None, None, [], m.start(), surface_end)
    if text[m.start():surface_end] != name:
        org.aliases.append(text[m.start():surface_end])
    der = _PARENT_DER.match(text[surface_end:])
    if der:
        pm = LEX.muni_re.match(text, surface_end + der.end())
        if pm and is_place_word(split_places(pm.group("places"))[0]):
            p = split_places(pm.group("places"))[0]
            org.parent = municipality(p, LEX.municipal_heads[pm.group("head")])
            org.end = surface_end + der.end() + pm.start("places") - pm.start() + len(p)
            org.aliases.append(text[org.start:org.end])
    org.place = org.parent.place if org.parent else place_in_name(name, places)
    if kind == "unit" and " " not in name.replace("Amt für ", "Amt_für "):
        return None
    pre = _HYPHEN_PREFIX.search(text, max(0, m.start() - 60), m.start())
    if pre:  # 'Karl-von-Brenner-Institut für …': the head closes a hyphenated name
        org.aliases = [pre.group(0) + a for a in org.aliases]
        org.name, org.start = pre.group(0) + org.name, pre.start()
    return org


_AND_CO = re.compile(r"\s+(?:und|&)\s+")
#: Legal forms after a utility's place: part of how it is written, not of which utility it is.
_LEGAL_FORMS = frozenset({"GmbH", "gGmbH", "mbH", "AG", "SE", "KG", "eG", "Ltd", "Inc."})


_VERBAND_ENDS = ("verband", "verbandes", "zweckverband")


def _parent_after(text: str, end: int) -> tuple[OrgM, int] | None:
    """The body named right after ``end`` ('… der Stadt Bochum'), with where its name ends."""
    parent = _PARENT_OPT.match(text[end:])
    if not parent:
        return None
    pm = LEX.muni_re.match(text, end + parent.end())
    if not pm or not is_place_word(split_places(pm.group("places"))[0]):
        return None
    p = split_places(pm.group("places"))[0]
    return municipality(p, LEX.municipal_heads[pm.group("head")]), end + parent.end() + pm.start("places") - pm.start() + len(p)


def _non_overlapping(cands: list[tuple[int, OrgM]]) -> list[OrgM]:
    """Longest (then highest-priority, then first) mentions that do not overlap, in text order.

    Chosen spans are disjoint and kept sorted, so only a candidate's two neighbours can overlap it."""
    starts: list[int] = []
    chosen: list[OrgM] = []
    for _prio, org in sorted(cands, key=lambda c: (-(c[1].end - c[1].start), -c[0], c[1].start)):
        i = bisect.bisect_left(starts, org.start)
        if i > 0 and chosen[i - 1].end > org.start:
            continue
        if i < len(chosen) and chosen[i].start < org.end:
            continue
        starts.insert(i, org.start)
        chosen.insert(i, org)
    return chosen


#: Offices of a town's or county's administration that a title names without their name ('Leiterin des Referats').
_OFFICE_HEADS = frozenset({"Fachbereich", "Fachdienst", "Referat", "Dezernat", "Amt", "Stabsstelle"})
#: Compound nouns that name a kind of body, not one body, when they stand alone ('Partnerschaftskomitee').
_KIND_NOUNS = ("verein", "verband", "komitee", "parlament", "netzwerk", "bündnis", "gesellschaft", "ausschuss", "forum", "kuratorium")


def org_from_item(item: str, places: set[str], loose: bool = False) -> OrgM | None:
    """The organization a list item or slot names: a recognized mention, a place's body, or a proper name.

    ``loose``: the slot itself says an organization follows ('Chef von X'), so one capitalized word that
    is no common noun is taken as its name, and 'für' + name words continue it."""
    item = item.strip(" ,.;:()\"„“")
    if item in _POSITIONS or item in LEX.municipal_heads:
        return None  # '(Mitte)', '(links)': where a person stands in a photo; 'VG', 'Stadt' alone: a kind of body, no body
    seat, slash, region = item.partition("/")
    if slash and region in LEX.countries_regions and " " not in seat and (seat in places or known_place(seat, 1000)):
        return municipality(seat)  # 'Lugau/Sachsen': the town, with its state to tell it from others
    found = find_orgs(item, places)
    if found:
        return found[0]
    if " " in item:  # 'von Ried im Innkreis', 'von Dar es Salaam (zu Gast)': a town of several words, the longest one
        town = max((p for p in places if " " in p and (item == p or item.startswith(p + " "))), key=len, default=None)
        if town is not None and is_place_word(town):
            return municipality(town)
    named = _NAMED_BODY.match(item)
    if named:  # 'Arbeitskreises „Deutsch-Französische Freundschaft“' -> 'Arbeitskreis Deutsch-Französische Freundschaft'
        return OrgM(f"{nominative_noun(named.group('noun'))} {named.group('name')}", "association", None)
    raw = item.split()
    while raw and raw[0] in LEX.org_stop:
        raw = raw[1:]
    # inside a slot's name 'der'/'des' continue it ('Bund der Strafvollzugsbediensteten'), other stop words go
    words = _strip_left([w for w in raw if w not in LEX.org_stop or (loose and w in _GENITIVE_JOINERS)])
    if not words or fold(words[0]) in LEX.generic or words[0].lower() in LEX.org_stop:
        return None
    if len(words) == 1 and (words[0] in places or known_place(words[0])):
        return municipality(words[0])
    base = adjective_base(words[0])
    if base and base in places and (len(words) == 1 or (len(words) == 2 and words[1] in _TOWN_HALLS)):
        return municipality(base)  # 'Neuhafener', 'das Neuhafener Rathaus': the town's body
    kind, cue = "other", None
    if words[0] in LEX.kind_cues and len(words) > 1:
        kind, cue, words = LEX.kind_cues[words[0]], words[0], words[1:]
    name_words: list[str] = []
    for i, w in enumerate(words):
        if w[:1].isupper() or w[:1].isdigit() or _CAMEL_START.match(w):
            name_words.append(w)
        elif loose and w in _NAME_JOINERS and name_words and i + 1 < len(words) and words[i + 1][:1].isupper() and (
                w != "und" or name_words[-1].endswith("-") or "für" in name_words) and not (w == "am" and "am" in name_words):
            name_words.append(w)  # 'Amici di Gemellaggio', 'Schule am Markt'; 'und' only in 'Industrie- und …', 'für A und B'
        else:
            break
    if not name_words or all(w in LEX.non_name for w in name_words) or LEX.is_titleish(name_words[0]):
        return None
    name = " ".join(map(nominative_noun, name_words))  # 'des X-Vereins' -> 'X-Verein', 'Freundeskreises Y' -> 'Freundeskreis Y'
    if not cue and name in _OFFICE_HEADS:
        return OrgM(name, "unit", None, needs_place=True)  # 'Leiter des Fachbereichs': an office of the story's administration
    if not cue and len(name_words) == 1 and not (name.isupper() or name[0].islower() or _CAMEL_IN.search(name)):
        if not loose or name.endswith(NON_PLACE_END) or name in LEX.non_name or fold(name) in LEX.generic \
                or name.casefold().endswith(_KIND_NOUNS):
            return None  # a single ordinary capitalized noun is not a name ('des Stadtparlaments': which one?)
    return OrgM(name, kind, place_in_name(name, places), aliases=[f"{cue} {name}"] if cue else [])
