"""Organization-link rules of the press importer: partnerships, joint projects, participations, pairs,
memberships, signers and council sessions of one story (a mixin of ``StoryExtractor``)."""

from __future__ import annotations

import re

from .lexicon import LEX, NB, UP, WB, _either, _trie, _trie_branches, word_alts
from .orgs import OrgM, find_orgs, municipality, nominative_noun, org_from_item
from .places import is_place_word, place_form
from .text import find_date
from .facts import EventF, quote
from .linkcheck import LinkCheck
from .member_frames import MemberFrameRules
from .memberships import _TAKE_PART, MembershipRules
from .twinlists import COUNTRY_ADJ, TwinListRules
from .twinning import _BETWEEN, _PLURAL_AFTER_AND
from .utilities import UtilityRules
from .visits import VisitRules

_TITLE_CHAIN = re.compile(LEX.title_chain_re)
_CLAUSE_END = re.compile(r",\s*(?:(?:die|der|das)\b(?!\s+[A-ZÄÖÜ])|(?:um|wo|was|welche[rs]?|wobei|sodass|damit|weil|dass)\b)|\s[–—-]\s|[.;:!?]|\(|$")
_PARENS = re.compile(r"\([^()]*\)")
_SIGN = re.compile(r"\b(?:unterzeichneten|unterzeichnet|unterschrieben|besiegelten|besiegelt|vereinbarten|schlossen)\b|"
                   r"(?:Kooperations|Partnerschafts|Rahmen|Zusammenarbeits|Freundschafts)(?:vereinbarung|vertrag)\b|\bAbsichtserklärung\b")
#: A fixed part of every _SIGN word: the scan runs only in sentences holding one (few do).
_SIGN_WORDS = ("unterzeichnet", "unterschrieben", "besiegelt", "vereinbar", "schlossen", "vertrag", "Absichtserklärung")
#: 'der Partnerschaftsring mit den Mitgliedern …' / 'Mitglieder des Netzwerks X sind …'.
_MEMBERS_WITH = re.compile(rf"(?P<net>[{UP}][\w-]+)\s+mit\s+(?:den\s+|seinen\s+|ihren\s+)?(?:[a-zäöü]\w*\s+)?Mitglied(?:ern|sstädten|skommunen|sgemeinden)\s+(?P<list>)")
_MEMBERS_ARE = re.compile(rf"Mitglieder\s+(?:des|der)\s+(?P<net>[{UP}][\w-]+(?:\s+[{UP}][\w-]+)*)(?:\s+[„\"][^“\"]+[“\"])?\s+sind\s+(?P<list>)")
_PLACE_ONLY = re.compile(LEX.place_name)
_PLURAL_BODIES = re.compile(r"(?:S(?<!\w.)tädte|L(?<!\w.)andkreise|K(?<!\w.)reise|G(?<!\w.)emeinden|K(?<!\w.)ommunen|B(?<!\w.)ezirke)\b")
_BARE_HOME = re.compile(r"(?:der|dem|den)\s+(?:Stadt|Gemeinde|Kommune|Kreis|Landkreis|Stadtverwaltung|Verwaltung)")
#: Plural heads shared by two names: 'den Feuerwehren A und B' -> 'Feuerwehr A', 'Feuerwehr B' (singular, kind).
_PLURAL_HEADS = {"Städten": ("Stadt", "municipality"), "Gemeinden": ("Gemeinde", "municipality"), "Kommunen": ("Gemeinde", "municipality"),
                 "Landkreisen": ("Landkreis", "municipality"), "Kreisen": ("Kreis", "municipality"), "Feuerwehren": ("Feuerwehr", "other"),
                 "Vereinen": ("Verein", "association"), "Schulen": ("Schule", "other"), "Stadtwerken": ("Stadtwerke", "utility"),
                 "Universitäten": ("Universität", "university"), "Hochschulen": ("Hochschule", "university")}
_PLURAL_HEAD = re.compile(rf"(?:den\s+)?(?:beiden\s+)?(?P<h>{'|'.join(_PLURAL_HEADS)})\s+(?P<a>{LEX.place_name})\s+und\s+(?P<b>{LEX.place_name})")
#: The bodies a pair noun is of: 'Kooperation der beiden Städte A und B', 'Partnerschaft der Landkreise A und B'.
_PAIR_OF = re.compile(r"\s+(?:der|zwischen\s+den)\s+(?:beiden\s+|zwei\s+)?(?P<h>Städte|Gemeinden|Kommunen|Landkreise|Kreise|Städten|Gemeinden|Landkreisen|Kreisen)\s")
#: A cooperation noun with its subject in the genitive: 'Kooperation der Stadtwerke X mit der Y'.
_NOUN_OF_WITH = re.compile(word_alts("Kooperation", "Zusammenarbeit", "Partnerschaft", "Allianz") + r"\s+(?:der|des)\s+(?P<a>[A-ZÄÖÜ][^,;:]{2,80}?)\s+mit\s+")
#: A pair noun with both sides in the genitive: 'die Fusion der Stadtwerke A und der Stadtwerke B'.
#: An agreement noun too: 'die Übereinkunft der Stadt A und der Gemeinde B', 'die Kooperationsvereinbarung der Stadtwerke A und B'.
_NOUN_OF_PAIR = re.compile(r"\b(?:Fusion|Zusammenschluss|Verschmelzung|Kooperation|Zusammenarbeit|Partnerschaft|Allianz|Übereinkunft|"
                           r"[\w-]*[Vv]ereinbarung|[\w-]*[Aa]bkommen[s]?|[\w-]*[Vv]ertrag(?:es|s)?)\s+(?:der|des|von)\s+(?!beiden|zwei)")
_JOINT_WORDS = ("gemeinschaft", "verband", "verbund", "bund ", "netz", "allianz", "bündnis", "egion", "zusammen", "umfass", "verein", "Zum ", "Zur ")
#: A subject of people named by the bodies they speak for: 'Die Bürgermeister von A und B', 'Die Vertreter der Stadtwerke A und B'.
_PEOPLE_OF = re.compile(r"^(?:Die|Beide)\s+(?:beiden\s+)?(?P<t>[A-ZÄÖÜ][a-zäöüß-]*(?:er|räte|ten|nden|innen|stände))\s+(?:von|der|aus)\s+(?P<list>[^,;:()]+?)\s*(?=[,(]|\s+(?:haben|wollen|werden|sind|sollen|möchten)\b)")
_PAIR_OF_WORDS = ("Fusion", "Zusammenschluss", "Verschmelzung", "Kooperation", "Zusammenarbeit", "Partnerschaft", "Allianz",
                  "Übereinkunft", "ereinbarung", "bkommen", "ertrag")
#: The cue scans below are asked only whether they match: as prefix trees (``_trie``) they match where the
#: alternations of the words do, at one character test per branch instead of one per word.
_JOINT_CUE = re.compile(_trie(_JOINT_WORDS))
_PAIR_OF_CUE = re.compile("|".join(_PAIR_OF_WORDS))
#: Any cue of the whole-story sentence rules below (one scan; most sentences have none).
_STORY_CUES = re.compile(_trie((*_JOINT_WORDS, *_PAIR_OF_WORDS, " bei", "Gründungsmitglied", "Teil de", "itgliedern", "beteilig",
                                                  "aufgenommen", " mit ", "Gemeinsam mit", "Zusammen mit", "In Kooperation mit", "In Zusammenarbeit mit",
                                                  "In Partnerschaft mit", "gehör", "zähl", "bilde", "gründe", "getragen", "Gesellschafter", "verbindet",
                                                  "vereint", "umfasst", "vertreten", "organisiert", "vernetzt", "artnerschaft", "Beitritt")))
#: 'A hat mit B einen Freundschaftsvertrag geschlossen': the partner in a 'mit' object before an agreement and its verb.
_WITH_THEN_SIGN = re.compile(r"\b(?:hat|haben|hatte|hatten)\s+(?:[^\s,;:]+\s+){0,4}?mit\s+(?P<obj>[^,;:]+?)\s+(?:einen|eine|ein|den|die|das)\s+"
                             r"(?:[\w-]+\s+){0,2}?[\w-]*(?:[Vv]ertrag|[Vv]ereinbarung|[Aa]bkommen|[Pp]artnerschaft|[Kk]ooperation|[Ee]rklärung)\s+"
                             r"(?:[^\s,;:]+\s+){0,3}?(?:geschlossen|abgeschlossen|unterzeichnet|unterschrieben|vereinbart|besiegelt|eingegangen)\b")
#: A sentence opening with its partner: 'Gemeinsam mit den Stadtwerken X baut die Stadt Y …' (the subject after the verb).
#: Also a framing noun phrase: 'In enger Zusammenarbeit mit …', 'Im Rahmen einer Kooperation mit der Hochschule X bietet die Stadt Y …'.
_WITH_FIRST = re.compile(r"^(?:Gemeinsam|Zusammen|In\s+(?:enger\s+|guter\s+)?(?:Kooperation|Zusammenarbeit|Partnerschaft)|"
                         r"Im\s+Rahmen\s+(?:einer|der|ihrer|seiner)\s+(?:[a-zäöü][\w-]*\s+)?(?:Kooperation|Zusammenarbeit|Partnerschaft))\s+mit\s+")
#: The sides a sign verb names after 'für': 'unterzeichneten für die Stadt A und die Hochschule B die Vereinbarung'.
_SIGN_FOR = re.compile(r"\s+(?:[^\s,;:]+\s+){0,2}?für\s+")
#: Finite verbs of a pair cue after which the subject may follow ('Im Jahr 1990 schlossen A und B …').
_FINITE_PAIR_VERBS = frozenset({"schlossen", "schließen", "unterzeichneten", "unterzeichnen", "besiegelten", "vereinbarten", "vereinbaren", "verbindet"})
#: An agreement a 'schließen' is about: 'schließen eine Kooperationsvereinbarung', 'schlossen einen Partnerschaftsvertrag'.
_AGREEMENT = re.compile(r"(?:[Vv]ertrag|[Vv]ereinbarung|[Pp]artnerschaft|[Kk]ooperation|[Aa]bkommen|[Bb]ündnis|[Aa]llianz|[Ff]reundschaft|[Pp]akt)")
_AGAIN_MIT = re.compile(r"^(?:[^\s]+\s+){0,3}?mit\s+")
_ARTICLE = re.compile(r"^(?:der|die|das|dem|den|des)\s+")
_BARE_WORD = re.compile(r"(?:(?:der|die|den|dem)\s+)?(?:Stadtverwaltung|Stadt|Gemeinde|Kommune|Universität|Uni|Hochschule|Stadtwerke|Stadtwerken)")
#: (= r"\s*,\s*|(?<!-)\s+(?:und|sowie|&)\s+", written to open with the character class every separator starts
#: with: re skips ahead to those characters instead of entering the pattern at every position.)
_LIST_SPLIT = re.compile(r"[\s,](?:(?<=,)\s*|(?<=\s)\s*,\s*|(?<=\s)(?<!-\s)\s*(?:und|sowie|&)\s+)")
_MUNI_SUBJECT = re.compile(rf"{_trie(LEX.municipal_subjects, NB)}(?![\w-])")
_GAP_MIT = r"(?:\s+[^\s,.;:]+){0,4}?\s+mit"  # 'arbeitet [bis zu vier Wörter] mit'
_PARTNER = re.compile(rf"{_either(_trie_branches(LEX.partner_cues, NB), _trie_branches(LEX.partner_gap_verbs, NB, _GAP_MIT))}(?![\w-])")
_PAIR = LEX.cue_pattern("pair_cues")
#: Pair frames of a coordinated subject: a separable 'arbeiten … zusammen', their own tie ('feiern ihre 50-jährige Partnerschaft'),
#: a joint foundation ('gründen eine gemeinsame Gesellschaft').
_PAIR_FRAME = re.compile(r"\b(?:arbeiten|arbeiteten)\s+(?:[^\s,;:.]+\s+){0,4}?zusammen\b|"
                         r"\b(?:ihre|ihrer|ihren)\s+(?:[\w-]+\s+){0,2}?(?:Städtepartnerschaft|Partnerschaft|Freundschaft|Zusammenarbeit|Kooperation)\b|"
                         r"\b(?:gründen|gründeten|gegründet)\s+(?:eine|einen|ein)\s+gemeinsame[ns]?\b|"
                         r"\b(?:pflegen|pflegten|unterhalten|unterhielten|feiern|feierten|begehen|begingen)\s+(?:[^\s,;:.]+\s+){0,4}?(?:eine|die|ihre)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:Städtepartnerschaft|Partnerschaft|Städtefreundschaft)\b|"
                         r"\b(?:feiern|feierten|begehen|begingen)\s+(?:\d+|[a-zäöü]+zig)\s+Jahre\s+(?:Städtepartnerschaft|Partnerschaft|Städtefreundschaft)\b")
_PAIR_NOUN = LEX.cue_pattern("pair_nouns")
#: Between a subordinate clause's last subject and its final verb: 'und die Stadt Y | künftig bei der Beschaffung von Software | zusammenarbeiten'.
_VERB_FINAL_GAP = re.compile(r"(?:\s+[^\s,;:.]+){0,8}?\s+")
_COORD_GAP = re.compile(rf"\s*(?:,|und|sowie|&)\s*(?:(?:der|die|das|dem|den)\s+)?(?:{COUNTRY_ADJ}\s+)?")  # 'A und die ungarische Gemeinde B'
_CLAUSE_SPLIT = re.compile(r"[,;:]\s")
_AT_SPLIT = re.compile(r"\s(?:an|am|bei|im)\s(?=\w+\s+\w+\s*$)")
_PAIR_SPLIT = re.compile(r"[,;:]\s|\b(?:dass|weil|wie|wobei)\s")
#: A relative clause of what is taken part in: '…, an der A und B beteiligt sind', '…, am dem …'.
_REL_AT = re.compile(r"\s*(?:an\s+(?:der|dem|denen)|am)\s")
_SESSION_BODY = re.compile(rf"(?P<b>{_trie(LEX.session_bodies, WB)})\s+(?:der|des)\s+")


def _has_name(text: str, name: str) -> bool:
    return name in text or name.split()[-1] in text


def _shared_head(first: OrgM, nxt: OrgM, text: str) -> OrgM:
    """'die Stadtwerke A und B', 'die Universitäten A und B': a bare place coordinated right after a headed
    organization of another place shares its head (B is 'Stadtwerke B', not the town B)."""
    if nxt.kind != "municipality" or not nxt.place or text[nxt.start:nxt.end] != nxt.place or first.kind in ("municipality", "other") \
            or not first.place or not first.name.endswith(" " + first.place) or first.place == nxt.place \
            or not _COORD_GAP.fullmatch(text[first.end:nxt.start]):
        return nxt
    head = first.name[: -len(first.place) - 1]
    return OrgM(f"{head} {nxt.place}", first.kind, nxt.place, None, [], nxt.start, nxt.end)


def _is_body(org: OrgM) -> bool:
    return org.kind == "municipality" and org.name.split()[0] in LEX.municipal_heads and org.name.split()[0] != "Stadt"


class LinkRules(VisitRules, UtilityRules, MembershipRules, MemberFrameRules, TwinListRules, LinkCheck):
    """Mixin of ``StoryExtractor``: links between organizations and council sessions."""

    prev: str

    def _previous_subject(self) -> OrgM | None:
        """The first organization of the sentence before ('Die X GmbH berät. Ihre Geschäftsführerin …')."""
        orgs = [o for o in find_orgs(self.prev, self.places) if not o.needs_place]
        return orgs[0] if orgs else None

    def _story_links(self, sents: list[str]) -> None:
        """The rules over the whole story, after the roles: signers, ownership, utilities, then the links' cleanup."""
        self._signers(sents)
        kept, self.prev = self.prev, ""
        for sent in sents:
            if "ochter" in sent or "Prozent" in sent or "%" in sent:
                self._ownership(sent)
            if "angehör" in sent or " in de" in sent or "besteh" in sent or "bestand" in sent or "itglied" in sent \
                    or sent.startswith("Zu") and ("gehör" in sent or "zähl" in sent):
                self._member_frames(sent)
            if " mit " not in sent and " bei" not in sent and _STORY_CUES.search(sent) is None:  # two common cues first
                self.prev = sent
                continue
            extra = self._listed_places(sent) if ("gehör" in sent or "itglied" in sent or "bilde" in sent or "gründe" in sent or "beteilig" in sent
                                                   or "tritt" in sent or "treten" in sent or "zusammen" in sent or sent.startswith(("Im ", "In d"))) else set()
            self.places |= extra  # the towns a member list names, kept only where a link takes them (as _with_listed_places)
            if _PAIR_OF_CUE.search(sent):
                self._genitive_pair(sent, quote(sent))
            if _JOINT_CUE.search(sent):
                self._member_bodies(sent)
            if sent.startswith(("Im ", "In der ", "In dem ")) and (" zusammen" in sent or " vertreten" in sent or " organisiert" in sent
                                                                   or " vereint" in sent or " vernetzt" in sent):
                self._inside(sent)
            if " bei" in sent and ("tritt " in sent or "treten " in sent or "trat " in sent or "traten " in sent):
                self._separable_join(sent)
            if "Beitritt" in sent:
                self._joining_of(sent)
            if "Gründungsmitglied" in sent or "Teil de" in sent or "itgliedern" in sent or "beteilig" in sent or "aufgenommen" in sent:
                self._member_predicate(sent)
            if " und " in sent and ("zusammen" in sent or "ihre" in sent or "gemeinsam" in sent or "artnerschaft" in sent):
                self._with_listed_places(sent, self._pair_frame)
            if " mit " in sent and ("geschlossen" in sent or "unterzeichnet" in sent or "unterschrieben" in sent or "vereinbart" in sent
                                    or "besiegelt" in sent or "eingegangen" in sent):
                self._with_then_sign(sent)
            if sent.startswith(("Gemeinsam mit", "Zusammen mit", "In ", "Im Rahmen ")) and " mit " in sent[:60]:
                self._with_first(sent)
            if "gehör" in sent or "zähl" in sent or "beteilig" in sent or "bilde" in sent or "gründe" in sent or "getragen" in sent or "Gesellschafter" in sent \
                    or "verbindet" in sent or "vereint" in sent or "umfasst" in sent:
                self._joint_lists(sent)
            if extra:
                self.places -= extra - {o.place for link in self.facts.links for o in (link.a, link.b)}
            self.prev = sent
        self.prev = kept
        self._twin_lists(sents)
        self._owner_partners(sents)
        self._utilities(sents)
        self._clean_links()

    def _signers(self, sents: list[str]) -> None:
        """'Die Landräte A und B unterzeichneten den Vertrag', 'OB A und Präsident B stellten eine
        Kooperationsvereinbarung vor': persons of two bodies who sign or agree together in one sentence make
        their bodies partners."""
        for sent in sents:
            cue = _SIGN.search(sent) if any(w in sent for w in _SIGN_WORDS) else None
            if cue is None:
                continue
            q = quote(sent)
            bodies: list[OrgM] = []
            for r in self.facts.roles:
                if r.org is not None and r.quote == q and _has_name(sent, r.person) and all(b.key != r.org.key for b in bodies):
                    bodies.append(r.org)
            if 2 <= len(bodies) <= 4:  # 'Landrat A, OB B und Bürgermeister C haben … unterzeichnet': each pair
                for i, a in enumerate(bodies):
                    for b in bodies[i + 1:]:
                        self._link("PARTNERS_WITH", a, b, q, "press:signers")

    def _unit_parent(self, org: OrgM) -> OrgM:
        place = org.place or self.city
        if org.kind == "unit" and org.parent is None and place:
            org.place = place
            org.parent = self.body(place)
        return org

    def _subject_before(self, sent: str, pos: int) -> OrgM | None:
        """The acting body before ``pos``: the nearest organization or 'die Stadt'/'sie', else the previous
        sentence's."""
        head = _PARENS.sub(lambda p: " " * len(p.group(0)), sent[:pos])  # '(Kreis X)' is said of a place, no subject
        before = [o for o in find_orgs(head, self.places) if not o.needs_place]
        pron = None
        for pron in _MUNI_SUBJECT.finditer(sent[:pos + 20]):  # noqa: B007 - the last match is wanted
            continue
        ctx = self.subject[0] if self.subject else (self.body(self.city) if self.city else None)
        if before and not (pron and pron.start() > before[-1].end and ctx):
            return self._unit_parent(before[-1])
        if pron and ctx:
            return ctx
        opening = self._munis(sent[:pos])
        if opening and _ARTICLE.sub("", sent).startswith(opening[0][1].place or "\0"):
            return opening[0][1]  # 'Houilles verbinden … Partnerschaft mit X': a town opening the sentence
        prev = self._previous_subject()
        return self._unit_parent(prev) if prev else None

    def _objects(self, text: str, near: OrgM | None, sent: str | None = None) -> list[OrgM]:
        end = _CLAUSE_END.search(text)
        span = text[: end.start()] if end else text
        out: list[OrgM] = []
        for item in _LIST_SPLIT.split(span):
            item = _AGAIN_MIT.sub("", item)  # '… mit A sowie auch 25 (Jahre) mit B': B is the second partner
            bare = item.strip(" ,.;:()\"„“")
            if _TITLE_CHAIN.match(_ARTICLE.sub("", bare)) or LEX.person_re.match(bare) and not find_orgs(bare, self.places):
                break  # 'gemeinsam mit (der) Kreisbaurätin X', 'zusammen mit Anna Muster': a person, not a partner
            found = org_from_item(item, self.places)
            if found is not None and found.end and len(item.strip(" ,.;:()\"„“")[: found.start].split()) > 3:
                break  # 'gemeinsam mit einer Kirsche an das Jubiläum „10 Jahre Landkreis X“': a name deep inside the item is no partner
            org = self._bind(found, near, sent)
            if org and all(o.key != org.key for o in out):
                out.append(org)
        return out

    def _groups(self, text: str) -> list[list[OrgM]]:
        """Runs of organizations (or places' bodies) joined by 'und'/','/'sowie' anywhere in ``text``, in order."""
        orgs = [o for o in find_orgs(text, self.places) if not o.needs_place]
        spans = [(o.start, o.end) for o in orgs]
        orgs += [o for at, o in self._munis(text) if not any(s <= at < e for s, e in spans)]
        orgs.sort(key=lambda o: o.start)
        groups: list[list[OrgM]] = []
        for o in orgs:
            o = _shared_head(groups[-1][-1], o, text) if groups else o
            if groups and _COORD_GAP.fullmatch(text[groups[-1][-1].end:o.start]) and o.key not in {x.key for x in groups[-1]}:
                groups[-1].append(o)
            else:
                groups.append([o])
        return groups

    def _between(self, sent: str, at: int) -> list[OrgM]:
        """The two sides of 'zwischen A und B' from ``at`` ('der Stadt' is the story's body)."""
        end = _CLAUSE_END.search(sent, at)
        span = sent[at: end.start() if end else len(sent)]
        home = self.subject[0] if self.subject else (self.body(self.city) if self.city else None)
        shared = _PLURAL_HEAD.match(span.strip(" ,.;:"))
        if shared and not re.fullmatch(r"(?:\s+[a-zäöüß][\w-]*)*", span.strip(" ,.;:")[shared.end():]):
            shared = None  # 'zwischen den Landkreisen A und B unterzeichnet': only the clause's verb may follow the pair
        if shared:  # 'zwischen den Feuerwehren A und B', 'den Landkreisen A und B': the head is each one's
            head, kind = _PLURAL_HEADS[shared.group("h")]
            pair = [municipality(p, head) if kind == "municipality" else OrgM(f"{head} {p}", kind, p) for p in (shared.group("a"), shared.group("b"))]
            return pair if pair[0].key != pair[1].key else []
        out: list[OrgM] = []
        items = _LIST_SPLIT.split(span)
        head, sep, _tail = span.partition(" und ")
        if len(items) > 2 and not (sep and "," in head):
            items = items[:2]  # more than two only as 'A, B und C' ('zwischen A und B fuhr … und des X': two)
        for item in items[:5]:  # 'zwischen der Hochschule A, der Universität B und der Hochschule C': each pair
            bare = item.strip(" ,.;:")
            if _BARE_HOME.fullmatch(bare) and home is not None:
                out.append(home)
                continue
            lone = self._bare_mentions(bare) if _BARE_WORD.fullmatch(bare) else []
            org = lone[0] if lone else self._bind(org_from_item(bare, self.places))
            if org is None:  # 'zwischen A und B besteht …': a place opening the item, the clause going on
                first = next(iter(self._munis(bare)), None)
                org = first[1] if first is not None and first[0] == 0 else None
            if org is None:
                break
            out.append(org)
        return out if len(out) >= 2 and len({o.key for o in out}) == len(out) else []

    def _coordinated(self, text: str) -> list[OrgM]:
        """The organizations (or places' bodies) at the end of ``text`` joined by 'und'/','/'sowie': 'A und der B'."""
        orgs = [o for o in find_orgs(text, self.places) if not o.needs_place]
        spans = [(o.start, o.end) for o in orgs]
        orgs += [o for at, o in self._munis(text) if not any(s <= at < e for s, e in spans)]
        spans = [(o.start, o.end) for o in orgs]
        orgs += [o for o in self._bare_mentions(text) if not any(s <= o.start < e for s, e in spans)]
        orgs.sort(key=lambda o: o.start if o.end else 0)
        out: list[OrgM] = []
        for o in reversed(orgs):
            if out and not _COORD_GAP.fullmatch(text[o.end:out[0].start] if o.end else " und "):
                break
            if out and o.end:
                out[0] = _shared_head(o, out[0], text)
            out.insert(0, o)
        return out

    def _member_list(self, sent: str) -> None:
        """'Der Partnerschaftsring mit den Mitgliedern A, B und C', 'Mitglieder des Netzwerks X sind A, B und C':
        each listed body is a MEMBER_OF the named network."""
        m = _MEMBERS_WITH.search(sent) or _MEMBERS_ARE.search(sent)
        if m is None or sent.startswith(("des ", "der "), m.start("list")):
            return  # 'ein Treffen mit den Mitgliedern des X': X's members, no list
        head, _sp, name = m.group("net").partition(" ")  # 'des Zweckverbands Biggesee' -> 'Zweckverband Biggesee'
        net = OrgM(" ".join(w for w in (nominative_noun(head), name) if w), "association")
        end = _CLAUSE_END.search(sent, m.start("list"))
        span = _PARENS.sub("", sent[m.start("list"): end.start() if end else len(sent)])
        q = quote(sent)
        for item in _LIST_SPLIT.split(span):
            bare = item.strip(" ,.;:")
            if not bare:
                continue
            shaped = _PLACE_ONLY.match(bare)
            place = place_form(shaped.group(0), self.places) if shaped else ""
            org = self._bind(org_from_item(bare, self.places)) if bare != place else None
            if (org is None or org.kind == "other") and place and is_place_word(place):
                org = self.body(place)
            if org is None:
                break
            if org.kind == "municipality" and org.place:
                self.places.add(org.place)
            self._link("MEMBER_OF", org, net, q, "press:member-list")

    def _links(self, sent: str) -> None:
        """The link rules of one sentence holding a link cue, with the towns its lists name among the places."""
        if " und " in sent or ", " in sent:
            self._with_listed_places(sent, self._sentence_links)
        else:
            self._sentence_links(sent)

    def _sentence_links(self, sent: str) -> None:
        q = quote(sent)
        of = _NOUN_OF_WITH.search(sent)
        objs: list[OrgM] = []
        if of is not None:  # 'Eine Kooperation der Stadtwerke X mit der Y GmbH': the genitive is the subject
            subj = self._bind(org_from_item(of.group("a"), self.places), None, sent)
            objs = self._objects(sent[of.end():], subj, sent) if subj else []
            for obj in objs:
                self._link("PARTNERS_WITH", subj, obj, quote(sent, of.start(), of.end()), "press:partner")
        m = _PARTNER.search(sent) if not objs else None
        if m:
            subj = self._subject_before(sent, m.start())
            for obj in self._objects(sent[m.end():], subj, sent) if subj else []:
                self._link("PARTNERS_WITH", subj, obj, quote(sent, m.start(), m.end()), "press:partner")
        for m in LEX.cue_pattern("joint_cues").finditer(sent):
            orgs = [o for o in find_orgs(sent[m.end():], self.places) if not o.needs_place][:6]
            for i, a in enumerate(orgs):
                for b in orgs[i + 1:]:
                    self._link("PARTNERS_WITH", a, b, q, "press:joint")
        for m in LEX.cue_pattern("participation_cues").finditer(sent) if not _TAKE_PART.match(sent) else ():  # 'An X beteiligen sich': _joint_lists
            if m.group(0) in ("beteiligt",):  # 'Außerdem sind A und B an dem Projekt beteiligt': partners of the story's actor
                if sent.startswith(" sich", m.end()):
                    continue  # 'Die Stadt X beteiligt sich mit 20.000 Euro': X takes part in something, no partner of the actor
                actor = self.actor or self._previous_subject() or (self.body(self.city) if self.city else None)
                clause = _CLAUSE_SPLIT.split(sent[: m.start()])[-1]
                if _REL_AT.match(clause):
                    continue  # 'Die X GmbH, an der neben A auch B und C beteiligt sind': they take part in X, no partners of the actor
                for obj in self._coordinated(_AT_SPLIT.split(clause)[0]):
                    self._link("PARTNERS_WITH", actor, obj, q, "press:participation")
                continue
            subj = self._subject_before(sent, m.start())
            for obj in self._objects(sent[m.end():], subj) if subj else []:
                self._link("PARTNERS_WITH", subj, obj, q, "press:participation")
        pair = _PAIR.search(sent)
        if pair is not None and pair.group(0) in ("schließen", "schlossen", "geschlossen", "abgeschlossen") and not _AGREEMENT.search(sent):
            pair = None  # 'A und B schließen ihre Bäder': no agreement, no pair
        if pair is None and (_BETWEEN.search(sent) or _PLURAL_BODIES.search(sent)):
            pair = _PAIR_NOUN.search(sent)
        if pair:
            between = _BETWEEN.search(sent)
            both = self._between(sent, between.end()) if between else []
            both = both or self._coordinated(_PAIR_SPLIT.split(sent[: pair.start()])[-1].rstrip())
            if len(both) < 2 and _PLURAL_BODIES.search(sent):  # 'Die Landkreise A und B verbindet eine Partnerschaft'
                both = next((g for g in self._groups(sent[: pair.start()]) if len(g) == 2 and all(_is_body(o) for o in g)), [])
            people = _PEOPLE_OF.match(sent) if len(both) < 2 else None
            if people is not None and people.end() <= pair.start() and LEX.is_titleish(people.group("t")):  # 'Die Bürgermeister von A und B, X und Y, wollen … zusammenarbeiten'
                both = self._coordinated(people.group("list"))
            of = _PAIR_OF.match(sent, pair.end()) if len(both) < 2 else None
            if of is not None:  # 'die Kooperation der beiden Städte A und B'
                groups = self._groups(sent[of.end() - len(of.group("h")) - 1:])
                both = groups[0] if groups and len(groups[0]) >= 2 and groups[0][0].start <= len(of.group("h")) + 2 else []
            if len(both) < 2 and pair.group(0) in _FINITE_PAIR_VERBS:  # 'Im Jahr 1990 schlossen A und B einen Vertrag'
                groups = self._groups(sent[pair.end():])
                both = groups[0] if groups and len(groups[0]) >= 2 and groups[0][0].start <= 6 else []
            for_ = _SIGN_FOR.match(sent, pair.end()) if len(both) < 2 and pair.group(0).startswith(("unterzeichn", "unterschrieb", "besiegelt")) else None
            if for_ is not None:  # 'A und B unterzeichneten für die Stadt X und die Hochschule Y die Vereinbarung'
                groups = self._groups(sent[for_.end():])
                both = groups[0] if groups and len(groups[0]) >= 2 and groups[0][0].start <= 5 else both
            later = _PAIR.search(sent, pair.end()) if len(both) < 2 else None
            if later is not None:  # 'A und B vereinbarten, dass die Stadt X und die Stadt Y künftig zusammenarbeiten': the later cue's subject
                seg = _PAIR_SPLIT.split(sent[pair.end(): later.start()])[-1]
                groups = [g for g in self._groups(seg) if len(g) >= 2]
                both = groups[-1] if groups and _VERB_FINAL_GAP.fullmatch(seg, groups[-1][-1].end) else []
            star = False
            if between is not None and _PLURAL_AFTER_AND.search(sent, between.end(), between.end() + 120) is not None:
                end = _CLAUSE_END.search(sent, between.end())  # 'zwischen A und den beiden Gemeinden B und C': A's partners, not B's and C's
                sides, star = self._between_sides(sent[between.end(): end.start() if end else len(sent)])
                both = sides if star else both
            if len(both) >= 2:
                for i, a in enumerate(both[:1] if star else both):  # 'zwischen A und den beiden Gemeinden B und C': A's partners, not B's and C's
                    for b in both[i + 1:]:
                        self._link("PARTNERS_WITH", a, b, q, "press:pair")
        self._membership(sent)

    def _pair_frame(self, sent: str) -> None:
        """'A und B arbeiten seit Jahren eng zusammen', 'A und B feiern ihre 50-jährige Partnerschaft', 'A und B gründen
        eine gemeinsame Gesellschaft': the bodies coordinated right before the frame (its subject) are partners."""
        m = _PAIR_FRAME.search(sent)
        if m is None:
            return
        clause = _PAIR_SPLIT.split(sent[: m.start()])[-1]
        verb = re.search(r"\s(?:[a-zäöüß]+)\s*(?:(?:seit|bereits|schon|nun|jetzt|künftig|eng|gemeinsam|in diesem Jahr|\d+|Jahren)\s*)*$", clause)
        head = clause[: verb.start()] if verb else clause  # the subject before the finite verb: 'A und B | feiern …'
        both = self._coordinated(head.rstrip())
        for i, a in enumerate(both):
            for b in both[i + 1:]:
                self._link("PARTNERS_WITH", a, b, quote(sent), "press:pair")

    def _with_then_sign(self, sent: str) -> None:
        """'Die Stadt A hat mit der Stadt B einen Freundschaftsvertrag geschlossen': A and each body of the 'mit' object."""
        m = _WITH_THEN_SIGN.search(sent)
        if m is None:
            return
        subj = self._subject_before(sent, m.start())
        for obj in self._objects(m.group("obj"), subj, sent) if subj else []:
            self._link("PARTNERS_WITH", subj, obj, quote(sent, m.start(), m.end()), "press:partner")

    def _with_first(self, sent: str) -> None:
        """'Gemeinsam mit den Stadtwerken A baut die Stadt B ein Netz': the organization right after 'mit' and the
        first one after it that is not coordinated with it (the subject after the verb)."""
        m = _WITH_FIRST.match(sent)
        if m is None:
            return
        rest = sent[m.end():]
        orgs = [o for o in find_orgs(rest, self.places) if not o.needs_place]
        spans = [(o.start, o.end) for o in orgs]
        orgs = sorted([*orgs, *(o for at, o in self._munis(rest) if not any(s <= at < e for s, e in spans))], key=lambda o: o.start)
        if len(orgs) < 2 or orgs[0].start > 5 or _TITLE_CHAIN.match(_ARTICLE.sub("", rest)):
            return
        partner = orgs[0]
        subject = next((o for o in orgs[1:] if not _COORD_GAP.fullmatch(rest[partner.end:o.start]) and o.key != partner.key), None)
        if subject is not None and re.search(r"\s[a-zäöüß]+\s", rest[partner.end:subject.start]):  # a verb between them
            self._link("PARTNERS_WITH", subject, self._bind(partner) or partner, quote(sent), "press:partner")

    def _genitive_pair(self, sent: str, q: str) -> None:
        """'die Fusion der Verkehrsbetriebe A und der Verkehrsbetriebe B', 'der Zusammenschluss der Sparkassen A und B': the
        coordinated organizations right after a pair noun's genitive are partners."""
        if " und " not in sent or "der " not in sent and "des " not in sent:
            return
        for m in _NOUN_OF_PAIR.finditer(sent):
            groups = self._groups(sent[m.end() - 4:])  # from the article: 'der Stadtwerke A'
            both = groups[0] if groups and len(groups[0]) >= 2 and groups[0][0].start <= 5 else []
            for i, a in enumerate(both):
                for b in both[i + 1:]:
                    self._link("PARTNERS_WITH", a, b, q, "press:pair")

    def _session(self, sent: str) -> None:
        sw = LEX.cue_pattern("session_words").search(sent)
        if not sw:
            return
        hit = find_date(sent, self.year_hint)
        body = _SESSION_BODY.search(sent)
        if not hit or not body:
            return
        muni = LEX.muni_re.match(sent, body.end())
        parent = municipality(muni.group("places").split()[0], LEX.municipal_heads[muni.group("head")]) if muni else (
            municipality(self.city) if self.city else None)
        if parent is None:
            return
        unit = OrgM(f"{body.group('b')} der {parent.name}", "unit", parent.place, parent, [])
        ev = EventF("council_session", hit[0], parent.place, quote(sent), "press:session", 0.75, host=unit)
        self.facts.events.append(ev)
