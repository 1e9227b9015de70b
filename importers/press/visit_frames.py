"""Visit frames of the press importer told without the usual visit sentence, and the finishing of told visits: a Golden
Book signing, the agent phrase of a passive receiving, visits of the same sides merged, a visit's dates (a mixin of
``StoryExtractor``)."""

from __future__ import annotations

import re

from .lexicon import LEX
from .places import is_place_word
from .facts import EventF, quote
from .orgs import OrgM, _national_bodies, role_key
from .visit_people import _PASSIVE, _SAID
from .visit_sides import VisitSides
from .visit_cues import _DATELINE, _same_place
from .dates import departure_weekday, event_dates, until_weekday
from .visit_states import minister_state

#: The town whose Golden Book is signed: 'ins Goldene Buch der Stadt B', 'in das Goldene Buch von B'.
_BOOK_OF = re.compile(rf"\bGoldenen?\s+Buch\s+(?:der\s+(?:Stadt|Gemeinde|Hansestadt|Landeshauptstadt)\s+|des\s+(?:Landkreises|Kreises)\s+|von\s+)(?P<p>{LEX.place_name})")
#: A demonym before a title ('die Xer Bürgermeisterin Y'): read as 'Xer Gast' for the origin.
_DEMONYM_TITLE = re.compile(r"(?P<adj>[A-ZÄÖÜ][\w-]*[a-zäöü]er)\s+[A-ZÄÖÜ][\w-]+\s*$")
#: A title with its town right before a name: 'Die Bürgermeisterin von A, Y', 'der Bürgermeister aus dem französischen A Y'.
_TITLE_OF = re.compile(rf"\b[A-ZÄÖÜ][\w-]+\s+(?:von|vom|aus)\s+(?:(?:der|dem)\s+)?(?:[a-zäöü][\w-]*\s+)?(?P<p>{LEX.place_name})\s*,?\s*$")
_APPOSITION = re.compile(r",\s+[^,]{3,70},\s*")
_OF_AFTER = re.compile(rf",\s+[A-ZÄÖÜ][\w-]+\s+(?:der|des|von|aus)\s+(?:(?:der|dem)\s+)?(?:(?:Partnerstadt|Partnergemeinde|Stadt|Gemeinde)\s+)?(?P<p>{LEX.place_name})")
_BY_AGENT = re.compile(r"\b(?:von|vom|durch)\b")
_PARTICIPLE = re.compile(r"\b(?:empfangen|begrüßt|willkommen\s+geheißen)\b")
#: Signing the Golden Book: 'trug sich … ins Goldene Buch ein', 'hat sich … in das Goldene Buch eingetragen'.
_SIGNED = re.compile(r"\b(?:trug|trugen|trägt|tragen|hat|haben|hatte|hatten|schrieb|schrieben|durfte|durften|konnte|konnten)\s+sich\b[^.;:]{0,80}?"
                     r"\b(?:ins|in\s+das|im)\s+(?P<book>Goldenen?\s+Buch)\b")
_CLAUSE = re.compile(r"[,;:]\s")
_BRACKETS = re.compile(r"\([^()]{0,40}\)")
_BY_WITH = re.compile(r"\b(?:von|vom|mit|Beisein|durch)\s+(?:[\w.-]+\s+){0,3}$")
#: A weekday with its date: 'Am Freitag, den 6.9.2024', 'Montag, 3. Mai'.
#: Guests of the partner towns, none named after the plural: 'Delegationen aus den fünf Partnerstädten', 'Vertreter aller Partnergemeinden'.
_UNNAMED_PARTNERS = re.compile(r"\b(?:Delegationen|Vertreter(?:innen)?|Gäste|Abordnungen|Oberhäupter|Bürgermeister(?:innen)?)\s+(?:aus\s+den|der|aller|von\s+den)\s+"
                               r"(?:[a-zäöü][\w-]*\s+)?Partner(?:städten|städte|gemeinden|kommunen|kreisen|kreise)\b(?!\s+[A-ZÄÖÜ])")
#: A member of a state's government as a sentence's visitor: 'Digitalminister X', 'Staatssekretär Y', 'die Ministerpräsidentin'.
_MINISTER = re.compile(r"(?:\b|(?<=[a-zäöü]))[Mm]inister(?:in|präsident(?:in)?)?\b|\bStaatssekretär(?:in)?\b")
_WEEKDAY_DATE = re.compile(r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s+(?:den\s+)?\d{1,2}\.")


#: A page's own date stamp before its first line (' date 2025-01-22 Headline …'): the release's date, not the visit's.
_STAMP = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s")


def _title_of(sent: str, at: int) -> re.Match[str] | None:
    """A title with its town right before the name at ``at`` ('Die Bürgermeisterin von A Y'), not 'im Beisein von OB Y'."""
    m = _TITLE_OF.search(sent, max(0, at - 60), at)
    if m is None or m.group(0).startswith("Beisein") or not is_place_word(m.group("p")) or LEX.is_titleish(m.group("p")):
        return None
    return m


class VisitFrames(VisitSides):
    """Mixin of ``StoryExtractor``: visits told by a signing, the hosts of a passive's agent phrase, merged visits."""

    def _merge_same_visits(self, visits: list[EventF]) -> None:
        """Visits of the same sides (one told by part of a place's name, 'Nova' of 'Nova Gorica', until finished) are one:
        the first keeps what the later ones add (date, lead, participants)."""
        first: dict[tuple[str, str], EventF] = {}
        for v in visits:
            if v.guest is None or v.host is None:
                continue
            key = (v.guest.key, v.host.key)
            kept = first.setdefault(key, v)
            if kept is v:
                continue
            kept.date, kept.end_date = (kept.date, kept.end_date) if kept.date else (v.date, v.end_date)
            kept.lead |= v.lead
            for name, part in v.participants.items():
                kept.participants.setdefault(name, part)
            self.facts.events.remove(v)

    def _in_agent(self, sent: str, at: int) -> bool:
        """Whether ``at`` lies in the agent phrase of a passive receiving ('Die Gäste wurden von der Xer Delegation mit A,
        Bürgermeister, und B, Gemeinderätin, empfangen'): after 'von' following the auxiliary, before the participle."""
        aux = _PASSIVE.search(sent)
        if aux is None or aux.end() > at:
            return False
        by = _BY_AGENT.search(sent, aux.end(), at)
        part = _PARTICIPLE.search(sent, at)
        return by is not None and part is not None and not any(c in sent[by.end():at] for c in ";:") and not _SAID.search(sent, by.end(), at)

    def _book_visit(self, sent: str) -> EventF | None:
        """The visit a Golden Book signing tells with no visit word: the signer's body (his role's, or the origin named with
        him: 'Bürgermeisterin Y aus A', 'der Xer Bürgermeister Y') visits the book's town ('ins Goldene Buch der Stadt B'), else
        the story's city. None when the signer's body is not named or is the host."""
        signers = self._book_signers(sent)
        if not signers:
            return None
        at = sent.find(signers[0])
        title_of = _title_of(sent, at) or _OF_AFTER.match(sent, at + len(signers[0]))  # 'Die Bürgermeisterin
        # von A, Y, trägt sich …', 'Y, Bürgermeister der Partnerstadt A, trug sich …'
        guest = self._role_body(signers[0]) or self._origin_body(sent[at:at + len(signers[0]) + 40]) \
            or self._origin_body(_DEMONYM_TITLE.sub(r"\g<adj> Gast", sent[max(0, at - 40):at])) \
            or (self._origin_body("aus " + title_of.group("p")) if title_of else None)
        book = _BOOK_OF.search(sent)
        host = self.body(book.group("p")) if book and book.group("p") in self.places else self.body(self.venue) if self.venue else None
        if guest is None or host is None or guest.kind not in ("municipality", "government") or _same_place(guest.place, host.place):
            return None
        visit = EventF("visit", None, host.place, quote(sent), "press:visit", 0.7, guest, host)
        self.facts.events.append(visit)
        return visit

    def _book_signers(self, sent: str) -> list[str]:
        """Who signs the Golden Book ('X trug sich ins Goldene Buch ein', 'trugen sich X und Y in das Goldene Buch
        ein'): the persons of the clause of 'trug sich' before the book, not one named 'im Beisein von', 'mit'."""
        sign = _SIGNED.search(sent) if "Goldene" in sent else None
        if sign is None:
            return []
        masked = _BRACKETS.sub(lambda b: " " * len(b.group(0)), sent)  # 'Y (62, l.) trägt sich …': no clause inside brackets
        start = max((m.end() for m in _CLAUSE.finditer(masked, 0, sign.start())), default=0)
        named = [n for at, n in self._named(sent) if start <= at < sign.end("book") and not (_BY_WITH.search(sent, max(0, at - 25), at)
                                                                                          and _title_of(sent, at) is None)]
        if not named:  # 'X, Bürgermeister der Partnerstadt A, trug sich …': the name before an apposition
            named = [n for at, n in self._named(sent) if at < sign.start() and _APPOSITION.fullmatch(sent, at + len(n), sign.start())][-1:]
        return named

    def _date_before(self, visit: EventF, sents: list[str]) -> None:
        """The day a short sentence right before a visit sentence gives with its weekday ('Am Freitag, den
        6.9.2024 war der große Tag. Die Bürgermeisterin von A besuchte …'), when it tells of nothing else."""
        for prev, sent in zip(sents, sents[1:], strict=False):
            if len(prev) > 80 or not _WEEKDAY_DATE.search(prev) or self._visit_sent(prev) or not self._visit_sent(sent):
                continue
            span = self._dates(prev)
            if span and len(span[0]) == 10:
                visit.date, visit.end_date = span[0], span[1]
            return

    def _dates(self, sent: str) -> tuple[str, str | None, int] | None:
        """The first date or range ``sent`` names, not its dateline's: that is the release's, not the visit's."""
        kept = self.__dict__.setdefault("_dates_of", {})  # asked of the same sentences by several frames
        key = (sent, self._release_date())
        if key not in kept:
            kept[key] = event_dates(_DATELINE.sub("", _STAMP.sub("", sent)), key[1])
        return kept[key]

    def _date_range(self, visit: EventF, sents: list[str]) -> None:
        """A date range the story gives ('vom 19. bis 22. Juni', '22.-24.9.2016' in a heading) that holds the
        visit's date becomes its start and end; 'bis Sonntag' after a start date is its end."""
        for sent in sents:
            span = self._dates(sent)
            if span and span[1] and (visit.date is None or span[0] <= visit.date <= span[1]):
                visit.date, visit.end_date = span[0], span[1]
                return
        if visit.date and not visit.end_date and len(visit.date) == 10:
            for sent in sents:
                end = until_weekday(sent, visit.date) or departure_weekday(sent, visit.date)
                if end:
                    visit.end_date = end
                    return

    def _unnamed_partner_visits(self, sents: list[str]) -> list[tuple[EventF, list[str]]]:
        """'Delegationen aus den fünf Partnerstädten nahmen teil' with no town listed: each other town whose head the
        story names ('X, Bürgermeister von A') visits the story's town, led by that head; first named first."""
        cue = next((s for s in sents if "Partner" in s and _UNNAMED_PARTNERS.search(s)), None)
        if cue is None or not self.venue:
            return []
        host = self.body(self.venue)
        told: list[tuple[EventF, list[str]]] = []
        seen: set[str] = set()
        for r in self.facts.roles:
            org = r.org
            if org is None or org.kind != "municipality" or not org.place or _same_place(org.place, self.venue) \
                    or org.key in seen or role_key(r.title) not in LEX.head_roles:
                continue
            seen.add(org.key)
            visit = EventF("visit", None, host.place, quote(cue), "press:visit", 0.6, org, host)
            visit.lead.add(r.person)
            self.facts.events.append(visit)
            told.append((visit, [x for x in sents if org.place in x]))
        return told

    def _government_guest(self, sent: str, sents: list[str], guest: OrgM | None, host: OrgM | None) -> tuple[OrgM | None, OrgM | None]:
        """A minister or state secretary visiting ('besuchte Staatssekretär X das Landratsamt in B', 'Digitalminister zu
        Gast im Landratsamt'): the government body the story names ('Hessisches Ministerium für …', 'der Bayerischen
        Staatsregierung') visits; a body of the story named as where ('im Landkreis A') hosts. Else the sides as given."""
        if not _MINISTER.search(sent):
            return guest, host
        if guest is None and (host is not None or self.venue) and not any(o.kind == "government" for o in _national_bodies(sent, self.places)):
            state = minister_state(sent)  # 'Niedersachsens Innenministerin X hat das Rathaus besucht': her state visits (the
            if state is not None:  # story's town, when no other host is named)
                return state, host or self.body(self.venue or "")
        if not (host is not None or guest is not None):
            return guest, host
        if guest is not None and not (self.venue and _same_place(guest.place, self.venue)) and f"im {guest.name}" not in sent:
            return guest, host  # guests of a town of their own: a minister only takes part
        ministry = next((o for o in _national_bodies(" ".join(sents), self.places) if o.kind == "government"), None)
        if ministry is None:
            return guest, host
        return ministry, guest if guest is not None and host is None or guest is not None and f"im {guest.name}" in sent else host

    def _minister(self, sents: list[str]) -> list[str]:
        """The person first named within a few words after a minister's or state secretary's title ('Staatsminister Dr. X')."""
        for sent in sents:
            for m in _MINISTER.finditer(sent):
                tail = sent[m.end():m.end() + 40]
                named = sorted((tail.find(n), n) for n in self.facts.persons if n in tail)
                if named:
                    return [named[0][1]]
        return []
