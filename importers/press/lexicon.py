"""The press vocabulary (``press_vocab.json`` + the role vocabulary) loaded once, with compiled patterns."""

from __future__ import annotations

import json
import re
from functools import cached_property
from importlib import resources
from typing import Any

from ...graph.roles import vocabulary as role_vocabulary
from .gazetteer import GivenNames, given_names, regions
from .scanning import WordStart, _from_starts

UP = "A-ZÄÖÜÀ-ÖØ-ÞŁŚŠŽČĆŞİ"
LO = "a-zäöüßà-öø-ÿłśšžčćğşıñ"
#: A capitalized name token (lower case after the first letter), optionally hyphenated: 'Kücük', 'Müller-Lüdenscheidt'.
NAME_TOK = rf"[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?"
#: One character of a role phrase's body (no clause punctuation), where an abbreviation's dot ('St. Ingbert',
#: 'Dr. A') is part of the name, not a sentence end: every frame reads the body after its title with it.
PHRASE_CHAR = r"(?:[^,;:()„“\".!?]|(?<=\bSt)\.|(?<=\bDr)\.)"
#: A sentence-ending dot, not an abbreviation's ('St.', 'Dr.').
END_DOT = r"(?<!\bSt)(?<!\bDr)\."
#: NAME_TOK that gives back no letters: what may follow a name token here (white space, '-' + capital, the
#: end of a word) never follows a shorter run of its lower-case letters, so re need not try them all when
#: a name fails (same matches; the backtracking cost most of ``person_re``'s time).
_NAME_TOK_ATOMIC = rf"[{UP}][{LO}]++(?:-[{UP}][{LO}]++)?"
#: A capitalized word of any shape: 'Bochum', 'BeteiligungsHolding', 'IMMS', 'Smart-City-Strategie'.
CAP_WORD = rf"[{UP}][\w&]*(?:-[\w&]+)*"
#: A word of an organization name: capitalized, digits, or camel-case lower start ('regio iT', 'hoferLAND').
ORG_WORD = rf"(?:[{UP}0-9][\w&.]*(?:-[\w&]+)*|[{LO}]+[{UP}][\w]*)"


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


#: What ``\b`` (before a word character) and ``(?<![\w-])`` assert before a match's first character,
#: asserted right after it instead. A pattern that starts with a character or class lets ``re`` skip to
#: the positions where that character occurs (a fast scan in C); one that starts with an assertion is
#: entered at every position of the text. Used as ``_trie(words, WB)`` and ``[A-Z]{WB}…``.
WB = r"(?<!\w.)"
NB = r"(?<![\w-].)"


def word_alts(*alts: str) -> str:
    """``\\b(?:alt|…)`` for alternatives that each open with a word character (a letter or a case pair
    '[Bb]'), written as re can skip ahead in: the ``\\b`` as ``WB`` after each one's first character, a
    case pair as two alternatives in its place (same matches, the alternatives tried in the same order)."""
    out: list[str] = []
    for alt in alts:
        pair = re.match(r"\[([^\W\d_])([^\W\d_])\]", alt)
        firsts = pair.groups() if pair else (alt[0],)
        rest = alt[4:] if pair else alt[1:]
        if not all(re.fullmatch(r"[^\W\d_]", c) for c in firsts):
            raise ValueError(f"word_alts: {alt!r} does not open with a letter")
        out += [c + WB + rest for c in firsts]
    return "(?:" + "|".join(out) + ")"


def _trie(words: Any, guard: str = "") -> str:
    """``_alt(words)`` as a prefix tree ('Stadt(?:r(?:at|ätin))?'), for case-sensitive patterns only.

    Same matches in the same order: the alternatives that match at one position are prefixes of each
    other, and both forms try them longest first (``_alt`` by sorting, the tree by trying the longer
    branch before ending). The tree costs one character test per branch instead of one per word, which
    matters for the title and suffix lists tried at every position of every sentence. Under ``re.I``
    two branches ('A…', 'a…') can match the same text and the order would differ: use ``_alt`` there.
    ``guard`` (``WB``, ``NB``) goes after the first character of every word."""
    if not guard:
        return _emit(_tree(words))
    return _either(_trie_branches(words, guard))


def _tree(words: Any) -> dict:
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_branches(words: Any, guard: str = "", tail: str = "") -> list[str]:
    """The top branches of ``_trie(words)`` (one per first character), ``guard`` after that character and
    ``tail`` after each branch: ``_either`` joins such lists into one flat alternation that ``re`` can skip
    ahead in (a first alternative that is itself a group would hide the first characters)."""
    root = _tree(words)
    if "" in root or (guard == WB and not all(re.match(r"\w", ch) for ch in root)):
        raise ValueError(f"{guard} needs non-empty words starting with a word character")
    return [re.escape(ch) + guard + _emit(sub) + tail for ch, sub in sorted(root.items())]


def any_of(pairs: Any, guard: str = NB) -> str:
    """One prefix tree over ``(word, tail)`` pairs, each word's end followed by its own tail pattern: it
    matches where any ``word + tail`` matches (whole words with ``NB``), for whether and where one does,
    not which (shared branches are tried once, unlike ``_either`` of separate lists)."""
    root: dict = {}
    for word, tail in pairs:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault(None, set()).add(tail)

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted((k, v) for k, v in node.items() if k is not None)]
        alts += sorted(node.get(None, ()))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    top = [re.escape(ch) + guard + emit(sub) for ch, sub in sorted((k, v) for k, v in root.items() if k is not None)]
    return top[0] if len(top) == 1 else "(?:" + "|".join(top) + ")"


def _word_table_re(table: dict[str, str]) -> re.Pattern:
    """One pattern over a table's keys (``*`` = any lower-case run), a group ``wN`` per key, whole words."""
    alts = [f"(?P<w{i}>{re.escape(k).replace(chr(92) + '*', f'[{LO}]*')})" for i, k in enumerate(table)]
    return re.compile(rf"(?:{'|'.join(alts)})$")


def _word_table_value(pattern: re.Pattern, table: dict[str, str], word: str) -> str | None:
    """The table's value for the key ``word`` matches (``pattern`` from :func:`_word_table_re`), else None."""
    m = pattern.match(word)
    return list(table.values())[int(m.lastgroup[1:])] if m and m.lastgroup else None


def _ends_in(endings: Any) -> str:
    """After ``[LO]++`` (a whole lower-case run): the run ends in one of ``endings`` with a letter before it.

    What ``[LO]+(?:er|s)`` matches where the run must end (white space or a word's end follows) without
    giving back the run's letters one by one to try each ending (lower-case endings only)."""
    assert all(re.fullmatch(rf"[{LO}]+", e) for e in endings)
    return "(?:" + "|".join(rf"(?<=[{LO}]{re.escape(e)})" for e in endings) + ")"


def _either(*branches: list[str]) -> str:
    """One alternation of branch lists, tried in the order given (as ``(?:A|B)`` of their groups)."""
    flat = [b for part in branches for b in part]
    return flat[0] if len(flat) == 1 else "(?:" + "|".join(flat) + ")"


def _emit(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if end else body


def _strs(data: dict[str, Any], key: str) -> list[str]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"press vocabulary: {key} must be a list of strings")
    return value


_PREFIX_NOUNS = ("Partner", "Nachbar")


def _hyphenated(heads: dict[str, str]) -> dict[str, str]:
    """The heads with their hyphenated spellings added ('Partnerkreis' -> also 'Partner-Kreis')."""
    out = dict(heads)
    for key, value in heads.items():
        for pre in _PREFIX_NOUNS:
            if key.startswith(pre) and len(key) > len(pre) + 2 and key[len(pre)].islower():
                out.setdefault(f"{pre}-{key[len(pre)].upper()}{key[len(pre) + 1:]}", value)
    return out


def _map(data: dict[str, Any], key: str, typ: type) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict) or not all(isinstance(v, typ) for v in value.values()):
        raise ValueError(f"press vocabulary: {key} must map words to {typ.__name__}")
    return value


class Lexicon:
    """The vocabulary lists (``vocab.json``, each key a typed attribute), the open-data name lists, and
    the regexes built from them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.honorifics: list[str] = _strs(data, "honorifics")
        self.name_particles: list[str] = _strs(data, "name_particles")
        self.non_name_words: list[str] = _strs(data, "non_name_words")
        self.titles_extra: list[str] = _strs(data, "titles_extra")
        self.office_roles: list[str] = _strs(data, "office_roles")
        self.title_units: dict[str, str] = _map(data, "title_units", str)
        self.municipal_heads: dict[str, str] = _hyphenated(_map(data, "municipal_heads", str))
        self.utility_heads: dict[str, str] = _map(data, "utility_heads", str)
        self.context_heads: list[str] = _strs(data, "context_heads")
        self.unit_heads: dict[str, str] = _map(data, "unit_heads", str)
        self.named_heads: dict[str, str] = _map(data, "named_heads", str)
        self.compound_suffixes: dict[str, str] = _map(data, "compound_suffixes", str)
        self.name_tails: dict[str, str] = _map(data, "name_tails", str)
        self.kind_cues: dict[str, str] = _map(data, "kind_cues", str)
        self.generic_orgs: list[str] = _strs(data, "generic_orgs")
        self.org_stop_words: list[str] = _strs(data, "org_stop_words")
        self.place_adjective_exceptions: dict[str, str] = _map(data, "place_adjective_exceptions", str)
        self.place_adjective_stop: list[str] = _strs(data, "place_adjective_stop")
        self.place_stop: list[str] = _strs(data, "place_stop")
        self.countries_regions: frozenset[str] = frozenset(_strs(data, "countries_regions")) | regions()
        self.months: dict[str, int] = _map(data, "months", int)
        self.caption_openers: list[str] = _strs(data, "caption_openers")
        self.credit_openers: list[str] = _strs(data, "credit_openers")
        self.contact_openers: list[str] = _strs(data, "contact_openers")
        self.furniture_lines: list[str] = _strs(data, "furniture_lines")
        self.ad_markers: list[str] = _strs(data, "ad_markers")
        self.delegation_words: list[str] = _strs(data, "delegation_words")
        self.lead_cues: list[str] = _strs(data, "lead_cues")
        self.member_cues: list[str] = _strs(data, "member_cues")
        self.partner_cues: list[str] = _strs(data, "partner_cues")
        self.joint_cues: list[str] = _strs(data, "joint_cues")
        self.participation_cues: list[str] = _strs(data, "participation_cues")
        self.membership_cues: list[str] = _strs(data, "membership_cues")
        self.session_words: list[str] = _strs(data, "session_words")
        self.session_bodies: list[str] = _strs(data, "session_bodies")
        self.head_normal: dict[str, str] = _map(data, "head_normal", str)
        self.membership_target_before: list[str] = _strs(data, "membership_target_before")
        self.partner_gap_verbs: list[str] = _strs(data, "partner_gap_verbs")
        self.pair_cues: list[str] = _strs(data, "pair_cues")
        self.twinning_words: list[str] = _strs(data, "twinning_words")
        self.municipal_subjects: list[str] = _strs(data, "municipal_subjects")
        self.possessives: list[str] = _strs(data, "possessives")
        self.affiliation_preps: list[str] = _strs(data, "affiliation_preps")
        self.county_roles: list[str] = _strs(data, "county_roles")
        self.county_heads: list[str] = _strs(data, "county_heads")
        self.visit_verbs: list[str] = _strs(data, "visit_verbs")
        self.lead_passive: list[str] = _strs(data, "lead_passive")
        self.venue_words: list[str] = _strs(data, "venue_words")
        self.municipal_title_stems: list[str] = _strs(data, "municipal_title_stems")
        self.municipal_title_prefixes: list[str] = _strs(data, "municipal_title_prefixes")
        self.not_county_kreis: frozenset[str] = frozenset(_strs(data, "not_county_kreis"))
        self.own_body_roles: frozenset[str] = frozenset(_strs(data, "own_body_roles"))
        self.head_roles: frozenset[str] = frozenset(_strs(data, "head_roles"))
        self.pair_nouns: list[str] = _strs(data, "pair_nouns")
        self.parties: frozenset[str] = frozenset(_strs(data, "parties"))
        self.place_prefixes: list[str] = _strs(data, "place_prefixes")
        self.place_preps: list[str] = _strs(data, "place_preps")
        self.title_short_suffixes: list[str] = _strs(data, "title_short_suffixes")
        self.title_modifiers: list[str] = _strs(data, "title_modifiers")
        self.title_bodies: dict[str, str] = {k: v for k, v in _map(data, "title_bodies", str).items() if not k.startswith("_")}
        self.state_titles: dict[str, str] = {k: v for k, v in _map(data, "state_titles", str).items() if not k.startswith("_")}
        self.federal_states: dict[str, dict[str, Any]] = {k: v for k, v in data["federal_states"].items() if not k.startswith("_")}
        self.country_adjectives: dict[str, str] = {k: v for k, v in _map(data, "country_adjectives", str).items() if not k.startswith("_")}
        self.non_name = set(self.non_name_words)
        self.given: GivenNames = given_names()
        self.generic = {w.casefold() for w in self.generic_orgs}
        self.org_stop = set(self.org_stop_words)
        self._titleish: dict[str, bool] = {}
        self._cues: dict[str, re.Pattern[str]] = {}

    # ---- titles ---------------------------------------------------------------------------
    @cached_property
    def titles(self) -> list[str]:
        """Every title of the role vocabulary (both initial cases), longest first."""
        out: set[str] = set(self.titles_extra)
        for entry in role_vocabulary().values():
            out.update(entry["titles"])
        # weak masculine titles in the dative/accusative ('dem Präsidenten', 'den Referenten', 'vom Prokuristen')
        out |= {t + "en" for t in out if " " not in t and t.endswith(("ent", "ant", "ist")) and t[:1].isupper()}
        both = {t[0].upper() + t[1:] for t in out} | {t[0].lower() + t[1:] for t in out if " " in t}
        return sorted(both, key=len, reverse=True)

    @cached_property
    def title_suffixes(self) -> list[str]:
        """Lower-case single-word titles usable as compound endings ('Kultur|dezernentin', 'Vorstands|chef')."""
        long = {t.lower() for t in self.titles if " " not in t and len(t) >= 6 and t.isalpha()}
        return sorted(long | set(self.title_short_suffixes), key=len, reverse=True)

    @cached_property
    def title_re(self) -> str:
        """One title: a modifier ('stellvertretende', 'Erster'), hyphenated prefixes ('Stadtwerke-',
        'EU-') and a title of the vocabulary or a German compound ('Digitaldezernentin', 'Vorstandschef')."""
        # A compound is tried only where the capitalized word ends in the last letters (six, or the whole
        # suffix when shorter) of a suffix (the look-ahead): trying every suffix at every letter of every
        # capitalized word cost most of it.
        compound = rf"[{UP}][{LO}]+(?:{_trie(self.title_suffixes)})"
        if all(re.fullmatch(rf"[{LO}]+", t) for t in self.title_suffixes):
            by_len: dict[int, set[str]] = {}
            for t in self.title_suffixes:
                by_len.setdefault(min(len(t), 6), set()).add(t[-6:])
            behind = "|".join(f"(?<={_trie(tails)})" for _n, tails in sorted(by_len.items(), reverse=True))
            compound = rf"(?=[{UP}][{LO}]++(?![\w-])(?:{behind})){compound}"
        mods = rf"(?:(?:{_trie(self.title_modifiers)})\s+){{0,2}}"
        prefix = rf"(?:[{UP}0-9][\w&]*+-)*"  # possessive: no "-" inside [\w&], so the same matches
        # a title in the genitive ('des Bürgermeisters A', 'des Landrats B') is the same title
        return rf"{mods}{prefix}(?:(?:{_trie(self.titles)})s?|{compound})(?![\w-])"

    @cached_property
    def title_chain_re(self) -> str:
        """Titles joined by 'und' or '/': 'Stadträtin und Digitaldezernentin'."""
        return rf"{self.title_re}(?:\s*(?:und|/|sowie)\s*{self.title_re})*"

    @cached_property
    def title_full(self) -> re.Pattern:
        return re.compile(rf"(?:{self.title_chain_re})$")

    @cached_property
    def title_body_re(self) -> re.Pattern:
        """A title word that names its national body ('Bundestagsabgeordnete', 'Bundesinnenministerin')."""
        return _word_table_re(self.title_bodies)

    def title_body(self, word: str) -> str | None:
        """The national body a title word names by itself, else None."""
        return _word_table_value(self.title_body_re, self.title_bodies, word)

    @cached_property
    def state_title_re(self) -> re.Pattern:
        """A title word of a state's government or parliament ('Landesrätin', 'LAbg.')."""
        return _word_table_re(self.state_titles)

    def state_title(self, word: str) -> str | None:
        """'Land' or 'Landtag' when a title word is an office of a state's government or parliament, else None."""
        return _word_table_value(self.state_title_re, self.state_titles, word)

    @cached_property
    def state_words_re(self) -> re.Pattern:
        """Any word naming a German or Austrian state: its name, an adjective of it ('steirischen'), an abbreviation."""
        alts: list[str] = []
        for i, (name, entry) in enumerate(self.federal_states.items()):
            words = [re.escape(name)] + [re.escape(w) + ("(?:e[nmrs]?)?" if w.islower() else "") for w in entry["words"]]
            alts.append(f"(?P<f{i}>{'|'.join(words)})")
        return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.I)

    def states_named(self, text: str) -> set[str]:
        """The German and Austrian states ``text`` names."""
        names = list(self.federal_states)
        return {names[int(m.lastgroup[1:])] for m in self.state_words_re.finditer(text) if m.lastgroup}

    # ---- names ----------------------------------------------------------------------------
    @cached_property
    def honorific_re(self) -> str:
        return rf"(?:(?:{_trie(self.honorifics)})\s+)"

    def _person_src(self, hon: str = "(?P<hon>", name: str = "(?P<name>") -> str:
        part = _trie(self.name_particles)
        tok = _NAME_TOK_ATOMIC
        # up to four tokens: a noun or title before the name and two first names or initials
        # ('Bürgermeister Karl Heinz Brückner'); ``names.clean_name`` finds where the name starts and ends
        mid = rf"(?:{tok}|[{UP}]\.)"  # a middle initial: 'Jörg K. Wendland'
        return rf"{hon}{self.honorific_re}*){name}{tok}(?:\s++{mid}){{0,2}}(?:\s++(?:{part}))?\s++{tok})(?![\w-])"

    @cached_property
    def full_name(self) -> str:
        """The name slot every frame shares: two or three name tokens, the last after a particle or not
        ('Anna Muster', 'Karl Heinz Muster', 'Eva van Dijk', 'Marie de la Roche')."""
        return rf"{NAME_TOK}(?:\s+{NAME_TOK}){{0,1}}(?:\s+(?:{_trie(self.name_particles)}))?\s+{NAME_TOK}"

    @cached_property
    def appositive_name(self) -> str:
        """``full_name`` where commas close the name on both sides ('der Bürgermeister von X, Pieter den Hollander,'):
        there the article-like particles ('den') are safe too ('überreichte Anna den Preis' has no such commas)."""
        return rf"{NAME_TOK}(?:\s+{NAME_TOK}){{0,1}}(?:\s+(?:{_trie([*self.name_particles, 'den', 'van den'])}))?\s+{NAME_TOK}"

    @cached_property
    def person_re(self) -> re.Pattern:
        """'Dr. Isabelle Hemsley', 'Hans Peter Müller', 'Ursula von der Leyen' (validated by callers)."""
        return re.compile(self._person_src())

    @cached_property
    def person_at(self) -> re.Pattern:
        """Where a ``person_re`` match starts: one of its first characters (an honorific's or a name's),
        where the pattern (without its groups) matches. ``person_re`` opens with its honorific group, so
        ``re`` enters it at every position of a text; this one skips in C to the capitals."""
        return re.compile(rf"[{UP}{self._honorific_firsts}](?<=(?={self._person_src('(?:', '(?:')}).)")

    @cached_property
    def _honorific_firsts(self) -> str:
        """The first characters of the honorifics that are no capitals (escaped for a character class)."""
        return "".join(sorted({re.escape(h[0]) for h in self.honorifics if not re.match(rf"[{UP}]", h[0])}))

    def persons_in(self, text: str) -> list[re.Match]:
        """``list(person_re.finditer(text))``: the same matches, the pattern entered only where one starts."""
        return _from_starts(self.person_at, self.person_re, text)

    @cached_property
    def name_list_at(self) -> re.Pattern:
        """Where a ``name_list_re`` match starts (its first name's first character), as ``person_at``."""
        return re.compile(rf"[{UP}{self._honorific_firsts}](?<=(?={self.name_list_re.pattern}).)")

    def name_lists_in(self, text: str) -> list[re.Match]:
        """``list(name_list_re.finditer(text))``: the same matches, the pattern entered only where one starts."""
        return _from_starts(self.name_list_at, self.name_list_re, text)

    @cached_property
    def name_list_re(self) -> re.Pattern:
        """Three or more person-shaped names joined by commas and a final 'und'/'sowie'."""
        one = rf"(?:{self.honorific_re}*{_NAME_TOK_ATOMIC}(?:\s++{_NAME_TOK_ATOMIC}){{1,2}})"
        return re.compile(rf"{one}(?:\s*,\s*{one})+\s*,?\s+(?:und|sowie)\s+{one}")

    # ---- places ---------------------------------------------------------------------------
    @cached_property
    def place_adj_re(self) -> re.Pattern:
        """Place adjectives and genitives: 'Hanauer', 'Bochumer', 'Bochums', 'Münchner'."""
        return re.compile(rf"(?P<adj>[{UP}]{WB}[{LO}]++{_ends_in(('er', 'ers', 'erin', 'erinnen', 'ern', 's'))})\b")

    @cached_property
    def place_name(self) -> str:
        """A place name's shape: 'Hanau', 'Bad Kissingen', 'Mülheim an der Ruhr', 'Bistrita-Nasaud'."""
        pre = rf"(?:(?:{_trie(self.place_prefixes)})\s)?"
        time_words = [*(m.capitalize() for m in self.months), "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                      "Sonntag", "Wochenende", "Abend", "Morgen", "Vormittag", "Nachmittag", "Rande", "Ende", "Anfang"]
        # no place after 'im'/'am': an organization's head ('im Landtag', 'am Institut') or a prepositional idiom ('im Rahmen')
        idioms = ["Landtag", "Bundestag", "Rahmen", "Vorfeld", "Namen", "Auftrag", "Zuge", "Beisein", "Gespräch", "Anschluss"]
        stop = _trie([*self.venue_words, *self.municipal_heads, *self.county_heads, *time_words, *self.head_kinds, *idioms])
        # nor a title after 'bei' ('Delegation aus X bei Bürgermeister Y': a visit to a person, no 'X bei Y')
        titles = _trie({t[:1].upper() + t[1:] for t in (*self.municipal_title_stems, "präsident", "minister", "botschafter", "konsul")})
        tail = rf"(?:\s(?:am|an der|in der|im|ob der|vor der|bei)\s(?!(?:{stop})\b)(?!(?:Ober|Vize|Alt)?(?:{titles}))[{UP}][\w]+)?"
        # 'San Damiano d'Asti', 'Vitry-sur-Seine', 'Dar es Salaam' ('es', 'el', ... only where the gazetteer knows the
        # whole name: ``places.known_span`` cuts a name back to one it knows)
        foreign = rf"(?:\s(?:d'|di\s|de\s|del\s|sur\s|sul\s|es\s|el\s|al\s|do\s|dos\s|da\s|la\s|le\s|nad\s|pod\s|upon\s)[{UP}][\w']+)?"  # 'Ústí nad Orlicí'
        hyph_pre = rf"(?:(?:St\.|{_trie(self.place_prefixes)})\s)?"  # 'Oberdorf-St. Martin', 'Aue-Bad Schlema'
        return rf"{pre}[{UP}][\w]+(?:-{hyph_pre}[\w]+)*{foreign}{tail}"

    @cached_property
    def place_mention_re(self) -> re.Pattern[str]:
        """A place name after a word that makes it one ('in Bad Kissingen', 'Partnerstadt Lahr', 'Stadtwerke Aalen')."""
        words = {*self.place_preps, *self.head_kinds, *self.municipal_heads}
        return re.compile(rf"{_trie(words, NB)}\s+(?:Stadt\s+|Gemeinde\s+)?(?P<p>{self.place_name})")

    @cached_property
    def place_mentions(self) -> WordStart:
        """``place_mention_re`` as a ``WordStart`` (its words start with 'a', 'i', 'n', 'u', 'v', …: most letters)."""
        words = {*self.place_preps, *self.head_kinds, *self.municipal_heads}
        return WordStart(rf"(?:{_trie(words)})\s+(?:Stadt\s+|Gemeinde\s+)?(?P<p>{self.place_name})")

    # ---- organizations ---------------------------------------------------------------------
    @cached_property
    def muni_re(self) -> re.Pattern:
        # 'Frankfurt (Oder)' is one name; 'Tolna (Ungarn)' names the place and its country
        countries = _trie(sorted(c for c in self.countries_regions if " " not in c))
        place = rf"{self.place_name}(?:\s\((?!(?:{countries})\))[{UP}][\w ]+\))?"
        return re.compile(
            rf"(?P<head>{_trie(self.municipal_heads, WB)})\s+(?P<places>{place}(?:(?:\s*,\s*|\s+und\s+|\s+sowie\s+){place})*)"
        )

    @cached_property
    def head_kinds(self) -> dict[str, str]:
        """Head word -> kind for every organization head of the vocabulary."""
        kinds = {h: "utility" for h in self.utility_heads}
        kinds.update(self.unit_heads)
        kinds.update(self.named_heads)
        return kinds

    @cached_property
    def headed_re(self) -> re.Pattern:
        """An organization head followed by its name words: 'Stabsstelle Digitalisierung der Stadt Bochum'."""
        words = rf"{ORG_WORD}(?:(?:\s+(?:und|für|&)\s+|-\s+und\s+|\s+){ORG_WORD})*(?:\s+\([{UP}][\w-]+\))?"
        return re.compile(rf"(?P<head>{_trie(self.head_kinds, WB)})(?![\w-])(?:\s+(?P<rest>{words}))?")

    @cached_property
    def adj_head_re(self) -> re.Pattern:
        """Place adjective + head: 'Hanauer Wirtschaftsförderung', 'Bochumer Stadtwerke'."""
        return re.compile(rf"(?P<adj>[{UP}]{WB}[{LO}]++{_ends_in(('er', 's'))})\s+(?P<head>{_trie(self.head_kinds)})(?![\w-])")

    @cached_property
    def tail_re(self) -> re.Pattern:
        """Name words ending in a legal form or unit word: 'Hanau Marketing GmbH', 'Smart City Innovation Unit'."""
        return re.compile(rf"(?P<name>(?:{ORG_WORD}\s+){{0,5}}{ORG_WORD})\s+(?P<tail>{_trie(self.name_tails)})(?![\w-])")

    @cached_property
    def tail_word_re(self) -> re.Pattern:
        """What every ``tail_re`` match contains ('\\sGmbH'): a cheap test before the backtracking-heavy ``tail_re``."""
        return re.compile(rf"\s(?:{_trie(self.name_tails)})(?![\w-])")

    @cached_property
    def cue_re(self) -> re.Pattern:
        """Kind cue + name: 'dem Grundversorger NEW', 'der IT-Dienstleister regio iT'."""
        return re.compile(rf"(?P<cue>{_trie(self.kind_cues, WB)})\s+(?P<name>{ORG_WORD}(?:\s+{ORG_WORD}){{0,3}})")

    @cached_property
    def compound_re(self) -> re.Pattern:
        """One word whose ending names a kind: 'Technologiestiftung Berlin'."""
        return re.compile(rf"(?P<word>[{UP}]{WB}[{LO}]+(?:{_trie(self.compound_suffixes)}))(?:\s+(?P<place>[{UP}][{LO}]+))?\b")

    # ---- cues -------------------------------------------------------------------------------
    def cue_pattern(self, key: str) -> re.Pattern:
        """A compiled alternation of one cue list of the vocabulary (whole words)."""
        if key not in self._cues:
            self._cues[key] = re.compile(rf"{_trie(_strs(self.data, key), NB)}(?![\w-])")
        return self._cues[key]

    def is_titleish(self, text: str) -> bool:
        """Whether ``text`` is a title or chain of titles (asked for every token of every name candidate: kept)."""
        hit = self._titleish.get(text)
        if hit is None:
            if len(self._titleish) >= 1 << 16:
                self._titleish.clear()
            hit = self._titleish[text] = bool(self.title_full.match(text.strip()))
        return hit


def _load() -> Lexicon:
    text = resources.files(__package__ or "stakegraph.importers.press").joinpath("vocab.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))


LEX = _load()
