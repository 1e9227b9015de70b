"""States and addresses of visit sides: the state an envoy comes for (named by the country, its genitive or its
adjective; his seat apart), and a town's body named with its address or region."""

from __future__ import annotations

import re

from .lexicon import LEX, UP
from .organs import state_aliases
from .orgs import OrgM, municipality
from .places import known_place
from .states import country_of_adjective
from .visit_people import _ENVOY

_COUNTRY_BEFORE = re.compile(rf"\b(?P<c>[{UP}][\w-]+?)s\s+(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?)\b")
_COUNTRY_GENITIVE = re.compile(rf"\b(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?)\s+(?P<c>[{UP}][\w-]+?)s\b")
_COUNTRY_AFTER = re.compile(rf"\b(?:von|aus|des|der|in)\s+(?:der\s+|den\s+)?(?P<c>[{UP}][\w-]+(?:\s[{UP}][\w-]+){{0,3}})")

#: An address or a region after a place ('A in der Bahnhofstraße', 'B in der Oststeiermark'): no part of its name.
_ADDRESS_TAIL = re.compile(r"\s(?:in\s+der|in\s+dem|im|am|an\s+der)\s+(?:[\w-]+(?:straße|strasse|platz|weg|allee|gasse|ring|damm|ufer)"
                           r"|(?:Ost|West|Nord|Süd|Mittel)[a-zäöü][\w-]+)$")


def _no_address(org: OrgM | None) -> OrgM | None:
    """A town's body named with its address or region ('Stadt A in der Bahnhofstraße'): the town's, unless the whole is a known place."""
    if org is None or org.kind != "municipality" or not org.place or " " not in org.place or known_place(org.place, 0):
        return org
    tail = _ADDRESS_TAIL.search(org.place)
    if tail is None:
        return org
    place = org.place[: tail.start()]
    return municipality(place, org.name[: -len(org.place)].strip() or "Stadt") if org.name.endswith(org.place) else org


#: A country's adjective before an envoy's title: 'der Schwedische Botschafter', 'die japanische Generalkonsulin'.
_ENVOY_ADJ = re.compile(r"\b(?P<stem>[A-Za-zÄÖÜäöü]{3,}isch)(?:e|en|er)?\s+(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?|Gesandte[rn]?)\b")
#: The states of German-language releases: an envoy's seat there is no guest.
_HOME_STATES = frozenset({"Deutschland", "Österreich", "Schweiz", "Bundesrepublik Deutschland"})


def _adjective_country(stem: str) -> str | None:
    """The one-word country an adjective's stem names ('schwedisch' -> Schweden, 'ungarisch' -> Ungarn): the country
    sharing the longest start (four letters at least) with the stem, if only one does; the states table's name
    first ('russisch' -> 'Russische Föderation', as the diplomat roles name it)."""
    named = country_of_adjective(stem)
    if named is not None:
        return None if named in _HOME_STATES else named
    low = stem.casefold()
    best: list[tuple[int, str]] = []
    for c in LEX.countries_regions:
        if " " in c or "-" in c:
            continue
        n = 0
        for a, b in zip(low, c.casefold(), strict=False):
            if a != b:
                break
            n += 1
        if n >= 4:
            best.append((n, c))
    if not best:
        return None
    top = max(n for n, _c in best)
    found = sorted(c for n, c in best if n == top)
    return found[0] if len(found) == 1 and found[0] not in _HOME_STATES else None


def state_guest(sent: str) -> OrgM | None:
    """A state as the guest: its envoy ('Botschafter', 'Generalkonsulin') named with the country."""
    if _ENVOY.search(sent) is None:
        return None
    adj = _ENVOY_ADJ.search(sent)  # 'der schwedische Botschafter in Deutschland': the adjective's country, not the seat
    listed = adj is not None and ("," in sent[: adj.start()] or "darunter" in sent[: adj.start()])  # one of many guests named
    state = _adjective_country(adj.group("stem")) if adj and not listed else None
    if state is not None:
        return OrgM(state, "government", None)
    gen = _COUNTRY_BEFORE.search(sent)  # 'Japans Botschafter'
    if gen and gen.group("c") in LEX.countries_regions:
        return OrgM(gen.group("c"), "government", None)
    post = _COUNTRY_GENITIVE.search(sent)  # 'der Botschafter Ungarns'
    if post and post.group("c") in LEX.countries_regions:
        return OrgM(post.group("c"), "government", None)
    for m in _COUNTRY_AFTER.finditer(sent):
        if m.group(0).startswith("in ") and m.group("c") in _HOME_STATES:
            continue  # 'Botschafter … in Deutschland': the envoy's seat, not his state
        words = m.group("c").split()
        spans = [(0, n) for n in range(len(words), 0, -1)] + [(i, len(words)) for i in range(1, len(words))]
        for i, n in spans:  # 'der Vereinigten Staaten von Amerika' -> 'Vereinigte Staaten'; 'der Volksrepublik China' -> 'China'
            name = " ".join(words[i:n])
            for form in (name, re.sub(r"^(\w+)en\b", r"\1e", name)):
                if form in LEX.countries_regions:
                    return OrgM(form, "government", None)
    return None


#: The consuls of a seat as one body: 'das Konsularische Korps', 'des Konsularischen Korps'.
_CORPS = re.compile(r"\b[Kk]onsularische[ns]?\s+Korps\b")


def consular_corps(sent: str) -> OrgM | None:
    """The consular corps named in ``sent`` as a visiting body ('empfing das Konsularische Korps'), else None."""
    return OrgM("Konsularisches Korps", "association", None) if _CORPS.search(sent) else None


#: A state below the country by its head word: 'den Kanton Graubünden', 'aus dem Kanton Appenzell Ausserrhoden', 'das Land
#: Steiermark' (the name one the country/region list knows).
_STATE_BODY = re.compile(rf"\b(?P<h>Kantons?|Landes|Land|Bundeslandes|Bundesland|Freistaate?s|Freistaat|Fürstentums?)\s+(?P<p>[{UP}][\w-]+(?:\s+[{UP}][\w-]+)?)")
_STATE_HEADS = {"Kantons": "Kanton", "Landes": "Land", "Bundeslandes": "Bundesland", "Freistaates": "Freistaat", "Freistaats": "Freistaat",
                "Fürstentums": "Fürstentum"}
_TO_STATE = re.compile(r"\b(?:den|dem|im|ins|in|nach)\s+$")
_FROM_STATE = re.compile(r"\baus\s+(?:dem\s+)?$")


def state_bodies(sent: str) -> list[tuple[int, OrgM]]:
    """The states below the country that ``sent`` names by a head word, with positions: 'Kanton Graubünden' (two words when the
    list knows them: 'Kanton Appenzell Ausserrhoden')."""
    if "Kanton" not in sent and "Land" not in sent and "Freistaat" not in sent and "Fürstentum" not in sent:
        return []
    out = []
    for m in _STATE_BODY.finditer(sent):
        name = m.group("p")
        if name not in LEX.countries_regions:
            name = name.split()[0]
        if name in LEX.countries_regions:
            head = _STATE_HEADS.get(m.group("h"), m.group("h"))
            out.append((m.start(), OrgM(f"{head} {name}", "municipality", name)))  # as find_orgs gives "Kanton Schwyz"
    return out


def state_sides(sent: str, guest: OrgM | None, host: OrgM | None, after: int) -> tuple[OrgM | None, OrgM | None]:
    """Sides of a visit sentence with states below the country: a side cut short ('Kanton Appenzell' of 'Kanton Appenzell
    Ausserrhoden') is the whole state; with no host, a state after the visit verb (at ``after``) 'den/im Kanton B' hosts; with
    no guest, 'aus dem Kanton A' visits."""
    states = state_bodies(sent)
    if not states:
        return guest, host

    def whole(org: OrgM | None) -> OrgM | None:
        if org is None:
            return None
        longer = [s for _at, s in states if s.name != org.name and s.name.startswith(org.name + " ")]
        return longer[0] if longer else org
    guest, host = whole(guest), whole(host)
    for at, state in states:
        same = any(o is not None and (o.name == state.name or o.place == state.place) for o in (guest, host))
        if host is None and not same and at > after >= 0 and _TO_STATE.search(sent, max(0, at - 6), at):
            host = state
        elif guest is None and not same and _FROM_STATE.search(sent, max(0, at - 9), at):
            guest = state
    return guest, host


#: The states of Germany and Austria by their adjective (a closed class): a state minister's or Landeshauptmann's side.
#: The '-isch' adjectives are declined ('der bayerische'), the '-er' ones are not ('die Tiroler Landesrätin').
_STATE_ADJ = {"baden-württembergisch": "Baden-Württemberg", "bayerisch": "Bayern", "berliner": "Berlin", "brandenburgisch": "Brandenburg",
              "bremisch": "Bremen", "bremer": "Bremen", "hamburgisch": "Hamburg", "hamburger": "Hamburg", "hessisch": "Hessen",
              "mecklenburg-vorpommersch": "Mecklenburg-Vorpommern", "niedersächsisch": "Niedersachsen",
              "nordrhein-westfälisch": "Nordrhein-Westfalen", "rheinland-pfälzisch": "Rheinland-Pfalz", "saarländisch": "Saarland",
              "sächsisch": "Sachsen", "sachsen-anhaltisch": "Sachsen-Anhalt", "schleswig-holsteinisch": "Schleswig-Holstein",
              "thüringisch": "Thüringen", "thüringer": "Thüringen", "burgenländisch": "Burgenland", "kärntner": "Kärnten",
              "niederösterreichisch": "Niederösterreich", "oberösterreichisch": "Oberösterreich", "salzburger": "Salzburg",
              "steirisch": "Steiermark", "tiroler": "Tirol", "vorarlberger": "Vorarlberg", "wiener": "Wien"}
#: 'der niedersächsische Umweltminister', 'Bayerns Digitalministerin', 'die Tiroler Landesrätin', 'der Bremer Senator'.
_MINISTER_STATE = re.compile(r"\b(?:(?P<adj>[A-Za-zäöüÄÖÜ-]+?isch)e[nr]?\s+|(?P<dem>[A-ZÄÖÜ][\w-]+?er)\s+|(?P<gen>[A-ZÄÖÜ][\w-]+?)s\s+)"
                             r"(?:[\w-]*[Mm]inister(?:in)?|Staatssekretär(?:in)?|Landeshauptmann|Landeshauptfrau|Ministerpräsident(?:in)?"
                             r"|Landesr(?:at|ätin)|[\w-]*[Ss]enator(?:in)?)\b")


def minister_state(sent: str) -> OrgM | None:
    """The state a minister's title names by its adjective or genitive ('der niedersächsische Umweltminister', 'Niedersachsens
    Innenministerin'): 'Land Niedersachsen', 'Freistaat Bayern'; None when no state of the closed list is named."""
    for m in _MINISTER_STATE.finditer(sent):
        if m.group("adj") or m.group("dem"):
            state = _STATE_ADJ.get((m.group("adj") or m.group("dem")).lower())
        else:
            state = m.group("gen") if m.group("gen") in _STATE_ADJ.values() else None
        if state:  # the node the role rules give the state ('Land Bayern', also called 'Freistaat Bayern')
            return OrgM(f"Land {state}", "government", None, None, state_aliases(state)) if state in LEX.federal_states \
                else OrgM(f"Land {state}", "government", state)
    return None
