"""Cues, patterns and small readers of the visit sides (``visit_sides``): which words open a side, a place list, a trip."""

from __future__ import annotations

import re

from .lexicon import LEX, UP, WB, any_of
from .scanning import WordStart
from .places import known_place
from .bodies import _MUNI_HEADS
from .visit_places import _SURNAME_NEXT, _TIME_WORDS
from .visit_people import DELEGATION

LO_ = "a-zäöüß"
#: A dateline 'Kempten, 12.05.2023 –' (not a sentence's own date: 'Am Donnerstag, 4. Juli 2019, hat …').
_DATELINE = re.compile(rf"^(?!(?:Am|Vom|Seit|Ab|Bis|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b)[{UP}][\w-]+(?:\s[{UP}][\w-]+)?\s*(?:\([^)]{{1,30}}\))?\s*,\s*(?:den\s+)?"
                       rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.\s+[{UP}][{LO_}]+\s+\d{{4}})\s*[.:–—-]?\s*")
VISIT_VERB = LEX.cue_pattern("visit_verbs")
#: DELEGATION or VISIT_VERB in one scan (whether a sentence is about a visit), searched from the character before the word.
_VISIT_CUES = WordStart(any_of(((w, r"(?![\w-])") for k in ("delegation_words", "visit_verbs") for w in LEX.data[k]), guard=""))
#: A stop of the programme before a visit noun ('nach dem Besuch in X'); a whole word, so that 'bei seinem Besuch in X'
#: (the possessor visits X) is none.
_PROGRAM_STOP = re.compile(r"\b(?:[Nn]ach dem|[Bb]eim|[Ee]inem|[Ee]inen|[Ii]m Anschluss an den)\s+$")
#: Cues followed by the host ('zu Gast in X') and by the guests' body ('Besuch aus X').
_HOST_FIRST = ("zu Gast in", "Zu Gast in", "zu Gast bei", "Zu Gast bei", "zu Gast im", "Zu Gast im", "Besuch in", "Besuch bei",
               "Besuch im", "zu Besuch in", "zu Besuch bei", "zu Besuch im", "zu Gast beim", "Zu Gast beim", "Besuch beim", "zu Besuch beim")
#: Kinds of organisation that receive or send a delegation of their own ('zu Gast bei der Universität X').
_SIDE_KINDS = frozenset({"utility", "university", "company", "chamber", "research", "bank", "housing", "association"})
#: Who comes for an organisation: 'Vertreterinnen und Vertreter der X', 'eine Delegation des Y'.
_SENT_BY = re.compile(r"\b(?:Vertreter(?:innen)?(?:\s+und\s+Vertreter)?|Mitarbeiter(?:innen)?(?:\s+und\s+Mitarbeiter)?|Delegation|"
                      r"Abordnung|Besuchergruppe|Gruppe)\s+(?:der|des|von|vom)\s+")
_GUEST_AFTER = ("Besuch aus", "Gäste aus", "Gast aus", "Besucher aus")
_GUEST_RE = re.compile(rf"(?:{DELEGATION.pattern})\s+(?:aus|der|des|von)\s+(?:der\s+|dem\s+)?(?:[a-zäöü][\w-]*\s+){{0,2}}(?:[{UP}][\w-]+(?:er|s)\s+(?=(?:{_MUNI_HEADS})\s))?(?:(?P<h>{_MUNI_HEADS})\s+)?"
                       rf"(?P<p>{LEX.place_name})")
_ADJ_DELEG = re.compile(rf"(?P<adj>[{UP}]{WB}[{LO_}]+er)\s+(?:{DELEGATION.pattern})")
_HOST_PREP = re.compile(rf"\b(?:besuchte[n]?|besucht|(?<!Besuch )(?<!Ausflug )nach|[Zz]u Gast (?:in|im|bei)|(?<![Nn]ach dem )(?<![Bb]eim )(?<![Ee]inem )(?<![Ee]inen )[Bb]esuch (?:in|im|bei)|"
                        rf"Station in|Gast in|Rathaus (?:von|in))\s+(?:(?:der|dem|die)\s+)?(?:Stadt\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")
_PRESS_OFFICE = re.compile(rf"d{WB}(?:ie|er)\s+(?:{_MUNI_HEADS})\s+(?P<p>{LEX.place_name})\s+(?:mitteilt|mitteilte|mit|berichtet|informiert|meldet)\b")
#: An envoy's seat: 'der Botschafter der Republik A in Berlin', 'Generalkonsulin von B in München'.
_ENVOY_SEAT = re.compile(rf"\b(?:Botschafter(?:in)?|Generalkonsul(?:in)?|Konsul(?:in)?)\s+(?:(?:von|des|der|aus)\s+(?:[{UP}][\w-]+\s+){{1,3}})?in\s+(?P<p>[{UP}][\w-]+)")
#: Whose visit a visit noun names: 'Antrittsbesuch des neuen Bürgermeisters von A', 'Gegenbesuch der Landrätin aus B'.
_VISITOR_OF = re.compile(rf"\s+(?:des|der|eines|einer)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}(?P<t>[{UP}][\w-]+)\s+(?:von|aus)\s+(?:der\s+|dem\s+)?"
                         rf"(?:(?:Partnerstadt|Partnergemeinde|Stadt|Gemeinde)\s+)?(?P<p>{LEX.place_name})")
#: Travel on from the visit: 'fuhren die Gäste weiter nach B', 'die Weiterreise nach B'.
_ONWARD = re.compile(r"\b(?:reiste|reisten|reist|reisen|fuhr|fuhren|flog|flogen|ging\s+es|geht\s+es)\s+(?:[\w-]+\s+){0,3}?weiter\b|\bWeiterreise\b|\bweitergereist\b")
#: A point of the compass ('aus dem Südwesten Frankreichs', 'im Norden'): a region, no body's place.
_COMPASS = re.compile(r"(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Norden|Süden|Osten|Westen|Nordosten|Nordwesten|Südosten|Südwesten)s?$")
#: A stop of a programme: 'Am Dienstag steht ein Besuch in X auf dem Programm'.
_ON_PROGRAMME = re.compile(r"\b(?:auf\s+dem|im|ins)\s+(?:[\w-]+\s+)?Programm\b|\bProgrammpunkt")
_SEAT = re.compile(r"\b(?:[Ss]itz|[Dd]ienstsitz|[Hh]auptsitz|[Ff]irmensitz)\s+(?:in|im)\s+$")
#: Another guests' body after the first ('und der Provinz B', 'sowie der Xer Partnerstadt C').
_MORE_BODIES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:[{UP}][\w-]*er\s+(?=Partner))?"
                          rf"(?:(?:{_MUNI_HEADS}|Partner(?:stadt|gemeinde|kreis|landkreis))\s+)?(?P<p>{LEX.place_name})")
_MORE_PLACES = re.compile(rf"\s*(?:,|und|sowie)\s+(?:aus\s+)?(?:(?:der|dem)\s+)?(?P<p>{LEX.place_name})")
#: Another origin in a list of them, its preposition repeated: '… und aus dem englischen C', ', aus der Gemeinde D'.
_AND_FROM = re.compile(rf"(?:\s+(?:und|sowie)|,)\s+aus\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
#: The end of a clause listing origins.
_ORIGIN_STOP = re.compile(r"[.;:!?]|\s[–—-]\s|,\s+(?:die|der|das|wo|als|weil|dass|um)\b")
_PLACE_NEXT = re.compile(rf"\s+(?:(?:der|dem|den)\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})")
_ORGAN_END = ("ausschuss", "ausschusses", "tag", "tages", "rat", "rats", "rates", "räte", "kreisen", "städten", "gemeinden",
              "kommunen", "verwaltung", "vorstand", "fraktion", "fraktionen")
_IN_HOST = re.compile(rf"^\s*(?:Im|In)\s+(?:der\s+(?:Stadt|Gemeinde)\s+|dem\s+(?:Landkreis|Kreis)\s+)?(?P<p>{LEX.place_name})\s+(?:waren|war|sind|ist)\b[^.;:]*?\bzu\s+(?:Gast|Besuch)\b")
#: The dative before the object of 'einen Besuch abstatten': 'der Partnerstadt B', 'dem Landkreis C'.
_DATIVE = re.compile(r"\b(?:der|dem|ihrer|seiner|ihrem|seinem)\s+(?:[\w-]+\s+){0,2}?$")
#: The verb right before a bare dative: 'A stattete B einen Besuch ab' (B, no article, is visited).
_STATTETE = re.compile(r"\b(?:stattete|statteten|stattet|statten|hat|haben|hatte|hatten)\s+(?:(?:am|im)\s+[\w.]+\s+|nun\s+|jetzt\s+|erstmals\s+)*$")
#: A destination before a body: 'nach B', 'in den Partnerkreis B', 'in die Stadt B'.
_DEST = re.compile(r"\b(?:nach|ins|zum|zur|in\s+(?:den|die|das))\s+(?:[\w-]+\s+){0,2}?$")
_STOP_WORD = re.compile(r"[Ee]inen\s+$")
_TRAVEL_VERB = re.compile(r"(?:reiste|reisten|gereist|reist|fuhr|fuhren|gefahren|angereist|auf den Weg)$")
_TO_PLACE = re.compile(r"\bnach\s")
_VISITED_OBJECT = re.compile(rf"\b(?:die|den|das)\s+(?:[a-zäöü][\w-]*\s+)?(?:(?:{_MUNI_HEADS})\s+)?(?P<p>{LEX.place_name})\s+(?:besucht|besuchen|besichtigt)\b")
_VISITS_ORG = re.compile(r"\b(?:besuchte|besuchten|besucht)\b[^.,;]{0,30}$")
#: A habit, also at a sentence's start ('Seit Jahren besuchen sich …'), and visits to each other ('besuchen sich',
#: 'gegenseitige Besuche'): what is done over the years, not one visit.
_HABITUAL = re.compile(r"\b(?:[Rr]egelmäßig\w*|[Mm]ehrmals|[Mm]ehrfach|[Jj]ährlich|[Aa]lljährlich|[Jj]edes\s+Jahr|[Ii]mmer\s+wieder|[Ss]eit\s+Jahren|"
                       r"besuchen\s+sich|[Gg]egenseitige[n]?\s+Besuch\w*)\b")
_MANY = re.compile(r"\b(?:[Vv]iele|[Vv]ielen|[Zz]ahlreiche|[Zz]ahlreichen|tausende|Tausende|hunderte|Hunderte|[Uu]nzählige|\d{3,})\s+(?:[\w-]+\s+)?$")
_CROWD = re.compile(r"\b(?:ganz|aller\s+Welt|nah\s+und\s+fern|der\s+ganzen)\b")
#: A visit only planned ('Ein Besuch in X ist geplant', 'plant eine Reise nach X'): its host is no sign of the story's city.
#: A town's own press office ('Pressestelle der Stadt X', 'Pressestelle der Gemeinde X').
_TOWN_PRESS = re.compile(r"Pressestelle\s+(?:der|des)\s+(?:Stadt|Gemeinde|Marktes|Marktgemeinde|Stadtverwaltung|Magistrats)\b")
_PLAN = re.compile(r"\b(?:geplant|plant|planen|soll|sollen|will|wollen)\b")
_INVITATION = re.compile(r"\b(?:sind|ist|seid|seien|wären|sei)\s+(?:[a-z]\w*\s+){0,2}willkommen\b")
#: Who is received: a delegation, guests or an official before the body they come from ('empfing den Bürgermeister von A').
_RECEIVED = re.compile(rf"(?:{DELEGATION.pattern})|\b(?:Gast|Besuch|Amtskolleg\w*|Kolleg(?:e|en|in)|Bürgermeister\w*|Oberbürgermeister\w*|Landr[aä]t\w*|"
                       r"Vertreter\w*|Botschafter\w*|Konsul\w*|Minister\w*|Präsident\w*|Partnerstadt|Partnergemeinde|Partnerkreis\w*)\b")
#: Private persons from a place, not a body's delegation: pupils, families, tourists, the public ('Besucherinnen und Besucher').
_PUBLIC_FROM = re.compile(rf"\b(?:Schulklassen?|Klassen?|Schüler\w*|Kinder|Jugendliche\w*|Senior(?:en|innen)\w*|Familien|Touristen|Urlauber\w*|"
                          rf"Besucherinnen|Fans|Bürgerinnen|Einwohner\w*|Interessierte\w*|Radfahrer\w*|Wanderer|Pilger\w*|Sportler\w*|Musiker\w*)"
                          rf"(?:\s+und\s+[\w-]+)?\s+aus\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})")
#: A receiving verb's participle after a passive auxiliary ('… wurden am Montag in B empfangen'): its subject is the guest.
_PASSIVE_RECEIVE = ("empfangen", "begrüßt")
_PASSIVE_AUX = re.compile(r"\b(?:wurden?|worden)\b")
#: Where the guests were: 'in B', 'im Rathaus von B', 'in der Stadt B'.
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Ii]m|nach)\s+(?:(?:der|dem|die)\s+)?(?:[\w-]+\s+(?:von|der|des)\s+)?(?:[\w-]+\s+)?$")
#: A place as the owner of the partner named after it: 'Xs Partnerstadt B', 'Xs polnischer Partnerkreis B'.
_OWNER = re.compile(rf"[{UP}][\w-]*s\s+(?:[a-zäöü][\w-]*\s+){{0,2}}Partner(?:stadt|gemeinde|kreis|landkreis|kommune|region)\s+[{UP}]")
#: The object right before a clause-final participle: 'hat am Montag (die Stadt) B besucht' (not 'aus B', 'der Stadt B').
_ART_BEFORE = re.compile(rf"\b(?:die|den|das)\s+(?:[a-zäöü][\w-]*\s+)?(?:(?:{_MUNI_HEADS}|Partner(?:stadt|gemeinde|kreis|landkreis))\s+)?$")
_TO_PARTICIPLE = re.compile(r"\s+(?:[a-zäöü]\w*\s+)?")
_AUX_BEFORE = re.compile(r"\b(?:hat|haben|hatte|hatten)\b")
#: An article right before a word the guests' pattern took as a place ('Delegation der Vereine', 'aus den Vertretern').
_GENITIVE_NOUN = re.compile(r"\b(?:der|des|den)\s+$")
_PLURAL_NOUN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:ine|eine|ungen|schaften|heiten|keiten|tionen|innen|ern)$")
#: A part of a country by the compass or its middle ('Mitteldeutschland', 'Nordfrankreich', 'Ostpolen'): a region, no body.
_REGION_OF = re.compile(r"(?:Nord|Süd|Ost|West|Mittel|Zentral|Nordost|Nordwest|Südost|Südwest)(?:deutschland|frankreich|italien|polen|"
                        r"england|europa|spanien|schweden|tschechien|ungarn|china|afrika|amerika|asien)$")
#: A subject right after a verb in second place: 'besucht der Bürgermeister von A', 'besuchte eine Delegation aus A'.
_SUBJECT_AFTER = re.compile(rf"\s+(?:{_TIME_WORDS})(?:der|die|eine|ein)\s+(?:[a-zäöü][\w-]*\s+)?(?:[{UP}][\w-]*\s+)(?:von|aus|der|des)\s")
_AUX_TIME = re.compile(rf"\b(?:hat|haben|hatte|hatten)\s+{_TIME_WORDS}$")
#: Being somewhere: 'war vom 1. bis 3. Mai in B', 'waren in der Partnerstadt B zu Gast'.
_WAS_IN = re.compile(rf"\b(?:war|waren|weilte|weilten)\b[^;:]{{0,60}}?\b(?:in|im)\s+(?:der\s+|dem\s+)?(?:(?:{_MUNI_HEADS}|Partner(?:stadt|gemeinde|kreis|landkreis))\s+)?"
                     rf"(?P<p>{LEX.place_name})")
_OWNED = re.compile(rf"[{UP}][\w-]*s\s+(?:[a-zäöü][\w-]*\s+){{0,2}}Partner(?:stadt|gemeinde|kreis|landkreis|kommune|region)\s+(?P<p>{LEX.place_name})")
#: A country after a listed place: 'A (PL)', 'B (Ungarn)', 'C (Kap Verde)'.
_COUNTRY_CODE = re.compile(rf"\s*\((?:[A-Z]{{1,3}}|[{UP}][{LO_}]+(?:\s[{UP}][{LO_}]+)?)\)")
_PLACE_ITEM = rf"[{UP}][\w'’.-]+(?:\s+(?:am|an der|im|in der|bei)?\s*[{UP}][\w'’.-]+)?(?:\s*\((?:[A-Z]{{1,3}}|[{UP}][{LO_}]+(?:\s[{UP}][{LO_}]+)?)\))?"
_PLURAL_LIST = re.compile(rf"\b(?P<head>Landkreisen|Kreisen|Städten|Gemeinden|Kommunen|Partnerstädten|Partnerkreisen|Partnergemeinden|"
                          rf"Städte|Landkreise|Kreise|Partnerstädte|Partnergemeinden)\s+"
                          rf"(?P<list>{_PLACE_ITEM}(?:\s*,\s*{_PLACE_ITEM})*(?:\s+(?:und|sowie)\s+{_PLACE_ITEM})?)")
#: The host before a clause-final 'zu Gast': 'waren vom 1. bis 3. Mai im Landkreis B zu Gast', 'war in der Partnerstadt B zu Besuch'.
_AT_THEN_GUEST = re.compile(rf"\b(?:in|im|bei|beim)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?:(?P<h>{_MUNI_HEADS}|Partner(?:stadt|gemeinde|kreis|landkreis))\s+)?"
                            rf"(?P<p>{LEX.place_name}|(?<=kreis\s)[{UP}][\w-]+\s+[{UP}][\w-]+)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}?zu\s+(?:Gast|Besuch)\b(?!\s+(?:in|im|bei|beim)\b)")
#: The guests' plural origin before its list: 'Delegationen aus den', 'Besuch aus den', 'Vertreter der' (then 'Partnerstädten A und B').
_FROM_LIST = re.compile(rf"(?:{DELEGATION.pattern}|\b(?:Besuch|Vertreter(?:innen)?|Bürgermeister(?:innen)?|Oberhäupter|Gäste|Teilnehmer(?:innen)?))"
                        rf"\s+(?:aus\s+den|von\s+den|der)\s+(?:[a-zäöü][\w-]*\s+|[{UP}][{LO_}]+er\s+)?(?=(?:Partner)?(?:[Ss]tädten|[Gg]emeinden|[Kk]reisen|[Ll]andkreisen|[Kk]ommunen|[Ss]tädte|[Gg]emeinden|[Kk]reise)\s)")
#: Persons of several bodies, the bodies' places listed: 'Die Stadträte von A und B', 'Delegationen aus A, B und C'.
_PLURAL_FROM = re.compile(rf"\b(?P<head>Delegationen|Abordnungen|Stadträte|Gemeinderäte|Landräte|Bürgermeisterinnen|Oberbürgermeister\w*|"
                          rf"Vertreterinnen\s+und\s+Vertreter|Gäste)\s+(?:aus|von)\s+"
                          rf"(?P<list>{_PLACE_ITEM}(?:\s*,\s*{_PLACE_ITEM})*\s+(?:und|sowie)\s+{_PLACE_ITEM})")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+(?:und|sowie)\s+")
_NEXT_NAME = re.compile(rf"\s+([{UP}][{LO_}]+)\s+[{UP}][{LO_}]")


#: Setting out for a place: 'machte sich … auf den Weg nach B' (not 'auf den Weg bringen': no 'sich' before it).
_ON_THE_WAY = re.compile(r"\bsich\b[^;:]{0,80}?\b(?P<v>auf den Weg)\s+(?:nach|in|ins|zu|zum|zur)\b")
_WAY_VERB = re.compile(r"auf den Weg")


def _on_the_way(sent: str) -> re.Match[str] | None:
    """The cue 'auf den Weg' of setting out for a place ('machte sich die Delegation auf den Weg nach B'), as a visit verb."""
    m = _ON_THE_WAY.search(sent) if "auf den Weg" in sent else None
    return _WAY_VERB.match(sent, m.start("v")) if m else None


def _names_person(sent: str, m: re.Match[str]) -> bool:
    """Whether the place a pattern took is a first name with a surname after it ('von Klaus Muster'), or a
    title no list knows before a first name and a surname ('von Starost Jan Nowak')."""
    if m.group("p") in LEX.given and _SURNAME_NEXT.match(sent, m.end("p")) is not None:
        return True
    nxt = _NEXT_NAME.match(sent, m.end("p"))
    return m.group("p") not in LEX.countries_regions and nxt is not None and nxt.group(1) in LEX.given


def _first_name(text: str, place: str, end: int, places: set[str]) -> bool:
    """Whether a place named in ``text`` up to ``end`` is a first name before a surname ('Anton Kovacs'), not
    the first word of a longer place the story names ('San Damiano')."""
    if place not in LEX.given or _SURNAME_NEXT.match(text, end) is None:
        return False
    return not any(q.startswith(place + " ") for q in places)


def _organ(word: str) -> bool:
    """Whether a capitalised word the gazetteer does not know is a body's organ or a plural of bodies
    ('Kreisausschuss', 'Kreistag', 'Gemeinderat', 'Partner-Kreisen'), not a place."""
    first = word.split()[0]
    return first.lower().endswith(_ORGAN_END) and not known_place(first, 0)


_PARTNER_HEAD = re.compile(r"\bPartner(?:stadt|gemeinde|kreis|landkreis|region|kommune|ort|städte|gemeinden)\s+"
                           r"(?:(?:von|der|des|im|in)\s+)?(?:[a-zäöü][\w-]*\s+){0,2}")


def _outermost(mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions not inside a longer one ('San' and 'Moritz' are part of 'San Damiano', 'St. Moritz')."""
    return [m for m in mentions if not any(o[0] <= m[0] and m[0] + len(m[2]) <= o[0] + len(o[2]) and len(o[2]) > len(m[2])
                                           for o in mentions)]


def _names_partner(sent: str) -> bool:
    """Whether ``sent`` introduces some place as the partner ('der Bürgermeister der Partnerstadt B')."""
    return "artner" in sent and any(sent[m.end():m.end() + 1].isupper() for m in _PARTNER_HEAD.finditer(sent))


_ABROAD_BEFORE = re.compile(r"\b(?:im|in\s+der|ins|nach|aus\s+dem|aus\s+der)\s+[a-zäöü]+ischen\s+(?:(?:Stadt|Gemeinde|Kreisstadt|Kleinstadt|Hauptstadt)\s+)?$")


def _partner_named(sent: str, place: str) -> bool:
    """Whether ``place`` is introduced as the other party of a partnership ('die Partnerstadt B', 'der
    polnischen Partnergemeinde B', 'aus dem Partnerkreis B') or as abroad ('im russischen B'): the story
    names them from the home's side."""
    for m in _PARTNER_HEAD.finditer(sent):
        if sent.startswith(place, m.end()):
            return True
    at = sent.find(place)
    while at > 0:  # 'im russischen B', 'in der österreichischen Stadt B': a land's adjective places B abroad
        if _ABROAD_BEFORE.search(sent, max(0, at - 60), at):
            return True
        at = sent.find(place, at + 1)
    return False


def _same_place(a: str | None, b: str | None) -> bool:
    """Whether two place names are one place, one in full and one in part ('Buckow', 'Buckow in der Märkischen Schweiz')."""
    return a == b or bool(a and b and (a.startswith(b + " ") or b.startswith(a + " ")))

#: Who invited: 'auf Einladung von Bürgermeister X', 'einer Einladung des Landrats X' (the person named next hosts).
_INVITED_BY = re.compile(r"\b[Ee]inladung\s+(?:von|des|der|seines|seiner|ihres|ihrer)\s")
