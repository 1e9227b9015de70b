"""Places of visit sentences: a side's whole place name, bare towns where only a side stands, the town of a hall, who
invited and whose delegation leads (a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re

from .lexicon import LEX, UP
from .orgs import OrgM, municipality
from .places import is_place_word, known_place, place_form
from .visit_people import VisitPeople, _titleish, demonym_place

LO_ = "a-zäöüß"

#: A bare town right after an active 'besuchte' and its time words, and one fronted before the verb ('In B wurde …').
_TIME_WORDS = r"(?:(?:am|im|an|vom|zum)\s+[\w.]+\s+|heute\s+|gestern\s+|erstmals\s+|kürzlich\s+|jüngst\s+|nun\s+|jetzt\s+|auch\s+|zuletzt\s+)*"
_BARE_OBJECT = re.compile(rf"\b(?:besuchte|besuchten|besucht)\s+{_TIME_WORDS}(?P<p>[{UP}][\w-]+)(?=[\s,.;:!?]|$)")
_BARE_BEFORE = re.compile(rf"\b(?:hat|haben|hatte|hatten)\s+{_TIME_WORDS}(?P<p>[{UP}][\w-]+)\s+besucht\b")
_FRONTED_IN = re.compile(rf"\s*(?:In|Im)\s+(?P<p>[{UP}][\w-]+)\s+(?:wurde|wurden|empfing|empfingen|begrüßte|begrüßten|war|waren|trafen|traf|hat|haben|ist|sind)\b")
#: A known town after a mayor's or Landrat's title: 'der Bürgermeister von Dar es Salaam'.
_TITLE_FROM = re.compile(rf"(?:[Bb]ürgermeister(?:in)?|Landr(?:at|ätin))\s+(?:von|aus)\s+(?P<p>[{UP}][\w-]+(?:\s(?:es|de|da|di|del|la|le|sur)\s[{UP}][\w-]+)?)")
#: The hall of a town: 'im Xer Rathaus', 'im Rathaus der Stadt B', 'ins Rathaus von B'.
_VENUE_OF = re.compile(rf"\b(?:im|ins)\s+(?:(?P<adj>[{UP}][\w-]*[a-zäöü]er)\s+(?:Rathaus|Kreishaus|Landratsamt|Ratssaal|Rathaussaal|Bürgersaal)\b"
                       rf"|(?:Rathaus|Kreishaus|Landratsamt)\s+(?:der\s+(?:Stadt|Gemeinde|Hansestadt)\s+|von\s+|des\s+(?:Landkreises|Kreises)\s+)(?P<p>{LEX.place_name}))")
#: Who invited ('Auf Einladung des Bürgermeisters von B'), up to the end of its phrase: the visit's verb or a clause break.
_INVITED = re.compile(r"\b[Aa]uf\s+(?:Einladung|Initiative)\s+(?:von|vom|der|des|ihres|seines|ihrer|seiner)\b")
_INVITE_END = re.compile(r"\b(?:besuchte|besuchten|reiste|reisten|kam|kamen|war|waren|ist|sind|hat|haben|weilte|weilten|fuhr|fuhren)\b|[;:]|\s[–—-]\s")
#: Who led the guests: 'unter (der) Leitung der Landrätin des Kreises A', 'unter Führung von Bürgermeister X aus A'.
_LED_BY = re.compile(r"\bunter\s+(?:der\s+)?(?:Leitung|Führung)\s+(?:von|vom|der|des)\b")
_CLAUSE_BREAK = re.compile(r"[;:.]|,\s+(?:die|der|das|wo|als|weil|dass)\b")
#: A capitalised word and the next one (with a particle: 'Dar es Salaam'), for a place cut after its first word.
_NEXT_WORD = re.compile(rf"(?<![\w-])(?P<w>[{UP}][\w.-]+)\s(?=(?P<y>(?:(?:es|de|da|do|di|del|la|le|les|sur|sous)\s)?[{UP}][{LO_}][\w-]*)\b)")
_SURNAME_NEXT = re.compile(rf"\s+[{UP}][{LO_}]")


def named_county(sents: list[str], place: str) -> bool:
    """Whether the story names ``place`` after a county's head ('im Landkreis A') and never after a town's ('Stadt A')."""
    text = " ".join(sents)
    if place not in text:
        return False
    county = re.search(rf"\b(?:Landkreis|Kreis|Partnerkreis|Partnerlandkreis)(?:es)?\s+{re.escape(place)}\b", text)
    return county is not None and re.search(rf"\b(?:Stadt|Gemeinde|Markt|Partnerstadt|Partnergemeinde)\s+{re.escape(place)}\b", text) is None


def landscape(sent: str, org: OrgM | None) -> bool:
    """Whether the town ``org`` is a landscape: named only after an article ('Gäste aus dem Spreewald', 'im Allgäu'),
    unknown to the gazetteer, no county or district ('aus dem Salzlandkreis')."""
    place = org.place if org is not None and org.kind == "municipality" else None
    if not place or place not in sent or known_place(place, 0) or re.search(r"(?i)kreis|bezirk|amt|land$", place):
        return False
    at = [m.start() for m in re.finditer(re.escape(place), sent)]
    return all(re.search(r"\b(?:dem|der|den|im|vom|ins|zum)\s+$", sent[max(0, a - 6):a]) for a in at)


class VisitPlaces(VisitPeople):
    """Mixin of ``StoryExtractor``: the places of visit sentences (whole names, bare towns, halls, inviters, leaders' bodies)."""

    def _bare_places(self, sent: str) -> None:
        """Towns the gazetteer knows, named bare where only a side can stand, become places of the story: the object right
        after 'besuchte' and its time words ('besuchte am Montag B'), a fronted 'In B' before the verb ('In B wurde die
        Delegation … empfangen')."""
        titled = _TITLE_FROM.search(sent) if "meister" in sent or "Landr" in sent else None  # 'der Bürgermeister von A'
        if titled is not None and titled.group("p") not in self.places and known_place(titled.group("p"), 1000):
            self.places.add(titled.group("p"))
        if "besucht" not in sent and not sent.lstrip().startswith(("In ", "Im ")):
            return
        for m in (_BARE_OBJECT.search(sent) if "besucht" in sent else None, _BARE_BEFORE.search(sent) if "besucht" in sent else None,
                  _FRONTED_IN.match(sent)):
            if m is None:
                continue
            p = m.group("p")
            if p not in self.places and is_place_word(p) and known_place(p, 1000) and not _SURNAME_NEXT.match(sent, m.end("p")):
                self.places.add(p)

    def _whole_place(self, sent: str, org: OrgM | None) -> OrgM | None:
        """A side named by the first word of a two-word place ('Satu' of 'Satu Mare', 'Aue-Bad' of 'Aue-Bad Schlema'): the
        whole place, when the gazetteer knows it, or when the first word is none it knows and the second could only be a
        place's word (no title, first name or place of its own, no third name after it)."""
        if org is None or not org.place or " " in org.place or org.kind != "municipality" or org.place not in sent:
            return org
        for m in _NEXT_WORD.finditer(sent):
            if m.group("w") != org.place:
                continue
            y = m.group("y")
            whole = f"{org.place} {y}"
            if known_place(whole, 0) or " " not in y and (org.place.endswith(("-Bad", "-St.")) or (
                    not known_place(org.place, 0) and org.place not in LEX.given and is_place_word(y) and not _titleish(y)
                    and y not in self.places and not _SURNAME_NEXT.match(sent, m.end() + len(y)))):
                self.places.add(whole)
                head = org.name[: -len(org.place)].strip()
                return municipality(whole, head) if head and head != "Stadt" else self.body(whole)
        return org

    def _venue_host(self, sent: str) -> OrgM | None:
        """The town of the hall a receiving takes place in: 'im Xer Rathaus' (a demonym the story's places or the gazetteer
        know), 'im Rathaus der Stadt B'."""
        m = _VENUE_OF.search(sent) if "im " in sent or "ins " in sent else None
        if m is None:
            return None
        place = demonym_place(m.group("adj")) if m.group("adj") else place_form(m.group("p"), self.places)
        if not place or not is_place_word(place) or not (place in self.places or known_place(place, 2000)):
            return None
        self.places.add(place)
        return self.body(place)

    def _invited_led(self, sent: str, bodies: list[tuple[int, OrgM]]) -> tuple[OrgM | None, OrgM | None]:
        """(inviter, leader's body) of a visit sentence: the first body named in 'Auf Einladung des Landrats des Kreises B'
        (up to the clause's end), and the first named in 'unter (der) Leitung der Bürgermeisterin von A' (within a few words)."""
        inviter = led = None
        inv = _INVITED.search(sent) if "Einladung" in sent or "Initiative" in sent else None
        if inv is not None:
            end = _INVITE_END.search(sent, inv.end())
            stop = end.start() if end else len(sent)
            inviter = next((o for at, o in bodies if inv.end() <= at < stop), None)
        lead = _LED_BY.search(sent) if "unter" in sent else None
        if lead is not None:
            led = next((o for at, o in bodies if lead.end() <= at < lead.end() + 70 and o is not inviter
                        and not _CLAUSE_BREAK.search(sent, lead.end(), at)), None)
        return inviter, led
