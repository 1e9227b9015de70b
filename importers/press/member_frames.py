"""More membership frames of joint bodies (a mixin of ``StoryExtractor``): a relative clause after the body
('der Städtebund X, dem A und B angehören', '…, in dem auch A und B vertreten sind'), 'X besteht aus A, B und C',
a copula with the member last ('Das jüngste Mitglied im Verband X ist die Gemeinde A'), and member lists whose
plural kind words head the names after them ('die Stadt A sowie die Gemeinden B und C')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LEX, UP
from .orgs import OrgM, find_orgs, municipality
from .places import is_place_word, known_place
from .facts import quote

#: Plural kind words of a member list and the singular head each gives the names after it.
_PLURAL_KINDS = {"Städte": "Stadt", "Städten": "Stadt", "Gemeinden": "Gemeinde", "Kommunen": "Gemeinde", "Ortsgemeinden": "Ortsgemeinde",
                 "Marktgemeinden": "Marktgemeinde", "Samtgemeinden": "Samtgemeinde", "Verbandsgemeinden": "Verbandsgemeinde",
                 "Stadtgemeinden": "Stadtgemeinde", "Märkte": "Markt", "Landkreise": "Landkreis", "Landkreisen": "Landkreis",
                 "Kreise": "Kreis", "Kreisen": "Kreis"}
_KIND_RE = "|".join(sorted(_PLURAL_KINDS, key=len, reverse=True))
_ITEM_LEAD = re.compile(rf"(?:(?:die|der|den|dem|des)\s+)?(?:(?:beiden|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+)\s+)?(?:(?P<kind>{_KIND_RE})\s+)?")
_ARTICLE = re.compile(r"^(?:Der|Die|Das|Dem|Den|Des)\s+")
_SEP = re.compile(r"\s*,\s*(?:(?:und|sowie)\s+)?|\s+(?:und|sowie)\s+(?:auch\s+)?")
_PLACE = re.compile(LEX.place_name)
#: A joint body's head word ('Städtebund', 'Zweckverband', 'Verwaltungsgemeinschaft', 'Netzwerk').
_JOINT = r"(?:gemeinschaft|verband|verbund|bund|netz|netzwerk|allianz|bündnis|region|Region|Verband|Verbund|Bund|Netzwerk)"
#: The body right before a relative clause: its capitalized run ending in the clause's comma (an abbreviation in brackets may follow).
_BODY_BEFORE = re.compile(rf"(?P<net>(?:[{UP}][\w-]*\s+)*[{UP}][\w-]*{_JOINT}(?:\s+[{UP}][\w-]+)*)\s*(?:\([^()]{{1,20}}\))?\s*$")
#: '…, dem auch A und B angehören' / '…, der A, B und C angehören'.
_REL_BELONG = re.compile(r",\s+(?:dem|der)\s+(?:(?:auch|heute|derzeit|inzwischen|mittlerweile|bereits|nun)\s+)*(?P<list>[^,;:]+(?:,\s*[^,;:]+)*?)\s+angehör(?:en|t|ten|te)\b")
#: '…, in dem auch A und B vertreten sind' / 'in der A und B zusammengeschlossen sind' / 'in dem A und B beteiligt sind'.
_REL_INSIDE = re.compile(r",\s+(?:in\s+dem|in\s+der|im\s+dem)\s+(?:(?:auch|heute|derzeit|inzwischen|mittlerweile|bereits|nun)\s+)*(?P<list>[^,;:]+(?:,\s*[^,;:]+)*?)\s+"
                         r"(?:(?:eng\s+)?(?:vertreten|beteiligt|zusammengeschlossen|organisiert|vereint|vernetzt|Mitglied|Mitglieder))\s+(?:sind|ist|waren|war)\b")
#: 'Die Verwaltungsgemeinschaft X besteht aus A, B und C'.
_CONSISTS = re.compile(rf"(?:^|[.;]\s+)(?:(?:Der|Die|Das)\s+)?(?P<net>(?:[{UP}][\w-]*\s+)*[{UP}][\w-]*{_JOINT}(?:\s+[{UP}][\w-]+)*)\s+(?:besteht|bestand|bestehen)\s+"
                       r"(?:(?:heute|derzeit|inzwischen|seit\s+\d{4}|nun)\s+)*aus\s+")
#: 'Das jüngste Mitglied im Netzwerk X ist die Gemeinde A' / 'Neues Mitglied des Verbands X ist …'.
_MEMBER_IS = re.compile(rf"(?:^|[.;]\s+)(?:(?:Das|Ein)\s+)?(?:[a-zäöü]\w*e[sn]?\s+)?Mitglied\s+(?:im|des|der|in\s+der|in\s+dem|beim)\s+(?P<net>[{UP}][^,;:]*?)\s+"
                        r"(?:ist|wird|wurde)\s+(?:(?:seit\s+\S+|nun|jetzt|auch|ab\s+sofort)\s+)*(?P<list>.+)$")

#: 'Ein Mitglied ist auch die Stadt A' opening a sentence: a member of the joint body the sentence before named.
#: The plural too: 'Mitglieder sind die Städte A und B sowie die Gemeinde C', 'Verbandsmitglieder sind derzeit: A, B, C'.
_MEMBER_BARE = re.compile(r"^(?:(?:Ein|Das\s+erste|Erstes|Ein\s+neues|Neues|Jüngstes|Das\s+jüngste|Das\s+neueste|Die|Weitere)\s+)?(?:Gründungs|Verbands)?[Mm]itglied"
                          r"(?:\s+(?:ist|wird|wurde)|(?:er|skommunen|sgemeinden|sstädte)\s+(?:sind|waren|werden))\s+"
                          r"(?:(?:auch|nun|jetzt|zudem|außerdem|ebenfalls|derzeit|heute|aktuell|inzwischen)\s+)*:?\s*(?P<list>.+)$")
#: 'Die LEADER-Region X, bestehend aus den Städten A und B sowie der Gemeinde C, …': the members after the body's comma.
_MADE_OF = re.compile(r",\s+(?:(?:jeweils|heute|derzeit)\s+)?bestehend\s+aus\s+")
#: 'Zur ILE-Region X gehören (die folgenden Gemeinden:) A, B und C' / 'Zum Zweckverband X zählen …': a joint body's members.
_BELONG_TO = re.compile(rf"(?:^|[.;]\s+)(?:Zum|Zur|Zu\s+(?:dem|der))\s+(?P<net>(?:[{UP}][\w-]*\s+)*[{UP}][\w-]*{_JOINT}(?:\s+[{UP}][\w-]+)*)\s+"
                        r"(?:gehören|gehörten|zählen|zählten)\s+(?:(?:heute|derzeit|inzwischen|mittlerweile|aktuell|nun)\s+)*"
                        rf"(?:(?:die\s+)?(?:folgenden|folgende|diese)\s+(?P<kind>{_KIND_RE})(?:\s+und\s+(?:{_KIND_RE}))?\s*:\s*)?")
#: A joint body named anywhere in a sentence (its capitalized run with the head word).
_BODY_ANY = re.compile(rf"(?<![\w-])(?:[{UP}][\w-]*\s+)*[{UP}][\w-]*{_JOINT}(?:\s+[{UP}][\w-]+)*")

#: Heads by gender, for the strong adjective a name takes without its article ('der Internationale Städtebund' -> 'Internationaler Städtebund').
_MASCULINE = ("bund", "verband", "verbund", "Bund", "Verband", "Verbund")
_NEUTER = ("netz", "netzwerk", "bündnis", "Netz", "Netzwerk", "Bündnis")
_WEAK_ADJ = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+(?:isch|al|ig|lich|er|ar|iv))e\s")


def strong_name(name: str) -> str:
    """A joint body's name as it stands without an article: a leading adjective in its weak form after 'der/das'
    takes the strong ending of its head's gender ('Internationale Städtebund X' -> 'Internationaler Städtebund X')."""
    m = _WEAK_ADJ.match(name)
    head = name.split()[1] if m and len(name.split()) > 1 else ""
    if not m or not head:
        return name
    end = "r" if head.endswith(_MASCULINE) else "s" if head.endswith(_NEUTER) else ""
    return name[: m.end() - 1] + end + name[m.end() - 1:] if end else name


class MemberFrameRules:
    """Mixin of ``StoryExtractor``: joint bodies and the members a relative clause, 'besteht aus' or a copula names."""

    places: set[str]
    facts: Any
    prev: str

    if TYPE_CHECKING:  # provided by the other mixins of StoryExtractor
        def body(self, place: str, title: str | None = None) -> OrgM: ...

        def _join(self, members: list[OrgM], phrase: str, q: str) -> None: ...

    def _kind_list(self, text: str) -> list[OrgM]:
        """The bodies listed at the start of ``text``: 'die Stadt A sowie die Gemeinden B und C' (a plural kind word
        heads each bare name after it), 'A, B und C' (each a place of the story or the gazetteer)."""
        out: list[OrgM] = []
        pos, head = 0, ""
        while pos < len(text):
            lead = _ITEM_LEAD.match(text, pos)
            at = lead.end() if lead else pos
            if lead and lead.group("kind"):
                head = _PLURAL_KINDS[lead.group("kind")]
            org = next((o for o in find_orgs(text[at:at + 90], self.places) if o.start == 0 and not o.needs_place), None)
            if org is not None and org.kind == "municipality":
                end = at + org.end
            else:
                item = _PLACE.match(text, at)
                name = item.group(0) if item else ""
                if not name or not is_place_word(name) or not (name in self.places or known_place(name, 0) or head):
                    break
                org = municipality(name, head) if head else self.body(name)
                end = item.end() if item else at
            if all(o.key != org.key for o in out):
                out.append(org)
            sep = _SEP.match(text, end)
            if sep is None:
                break
            pos = sep.end()
        return out

    def _member_frames(self, sent: str) -> None:
        """The frames of the module docstring: each listed body joins the named joint body."""
        q = quote(sent)
        for rel in (_REL_BELONG, _REL_INSIDE):
            m = rel.search(sent) if ("angehör" in sent if rel is _REL_BELONG else " in de" in sent) else None
            body = _BODY_BEFORE.search(sent, 0, m.start()) if m else None
            if m is None or body is None:
                continue
            members = self._kind_list(m.group("list"))
            if members:
                self._join(members, strong_name(body.group("net")), q)
        consists = _CONSISTS.search(sent) if "besteh" in sent or "bestand" in sent else None
        if consists is not None:
            members = self._kind_list(sent[consists.end():])
            if len(members) >= 2:
                self._join(members, strong_name(consists.group("net")), q)
        bare = _MEMBER_BARE.match(sent) if "itglied" in sent[:40] else None
        named = list(_BODY_ANY.finditer(self.prev)) if bare is not None and self.prev else []
        if bare is not None and named:  # 'Der Zweckverband X wurde gegründet. Ein Mitglied ist auch die Stadt A.'
            members = self._kind_list(bare.group("list"))
            if members:
                self._join(members, strong_name(_ARTICLE.sub("", named[-1].group(0))), q)
        made = _MADE_OF.search(sent) if "bestehend aus" in sent else None
        body = _BODY_BEFORE.search(sent, 0, made.start()) if made else None
        if made is not None and body is not None:
            members = self._kind_list(sent[made.end():])
            if len(members) >= 2:
                self._join(members, strong_name(_ARTICLE.sub("", body.group("net"))), q)
        belong = _BELONG_TO.search(sent) if "Zu" in sent and ("gehör" in sent or "zähl" in sent) else None
        if belong is not None:
            rest = sent[belong.end():]
            kind = belong.group("kind")
            members = self._kind_list(f"{kind} {rest}" if kind else rest)
            if len(members) >= 2:
                self._join(members, strong_name(belong.group("net")), q)
        member_is = _MEMBER_IS.search(sent) if "Mitglied" in sent else None
        if member_is is not None:
            members = self._kind_list(member_is.group("list"))
            if members:
                self._join(members, member_is.group("net"), q)
