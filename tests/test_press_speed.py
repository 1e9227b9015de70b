"""Speed devices of the press rules give the same answers as the plain patterns they stand for."""

from __future__ import annotations

import re

import pytest

from stakegraph.graph import roles as graph_roles
from stakegraph.graph.records import fold
from stakegraph.importers.press import links, places, role_frames, rules, title_frames, visit_people, visits
from stakegraph.importers.press.lexicon import LEX, word_alts
from stakegraph.importers.press.scanning import FOLDS_TO_ASCII, FromStarts, Gated, anchored_finditer, cover

#: Invented sentences (invented people, gazetteer places) that name titles, cues and neither.
SENTENCES = [
    "Der Abend endete mit einem Konzert im Innenhof.",
    "Die Delegation wurde von Bürgermeisterin Edda Kranich angeführt.",
    "Begleitet wurde sie von Stadtrat Ole Finkbeiner und der Kämmerin Uta Sperling.",
    "BEGLEITET WURDE DIE GRUPPE VON ANNA BROSE.",
    "Zur Delegation gehörten auch zwei Schülerinnen aus Gotha.",
    "Auch dabei war der stellvertretende Landrat Jörn Quast aus Meiningen.",
    "Laut dem 1. Bürgermeister Tilo Hesse ist der Termin gesetzt.",
    "Der Potsdamer Oberbürgermeister Karl Wendt und die Erste Beigeordnete Ina Lohse sprachen.",
    "Kranich ist seit 2020 Geschäftsführerin der Stadtwerke Gotha.",
    "Hesse, Amtsleiter Digitales, bleibt im Amt.",
    "Die Gäste besichtigten die Bibliothek, darunter die Sammlung alter Karten.",
    "Wer mit ihm sprach, lobte den Plan; mit ihr kamen drei Räte.",
    "Es kamen Gäste aus Erfurt, zu der Feier im Rathaus.",
    "Die neue Leiterin des Amtes, Ruth Vogelsang, stellte sich vor.",
    "Zu den Gästen zählten Vertreter aus Weimar.",
    "Mit dabei war auch die Kulturdezernentin Ria Obst.",
    "Die Gruppe bestand aus zwölf Personen.",
    "Der Rat der Stadt Jena tagt am Montag.",
    "In Suhl wurde gebaut; \u017fo ſagte es die Ortsvorsteherin.",
    "Geleitet von Dr. Egon Riehm besuchte die Gruppe das Werk.",
]


def test_cover_pieces_hold_for_every_word():
    words = [*LEX.member_cues, "zu der", "zu der auch", "mit ihm", "bleibt", "ist"]
    parts = cover(words)
    assert all(any(p in w for p in parts) for w in words)
    assert not any(p != q and p in q for p in parts for q in parts)  # none that another already implies
    assert cover(["geleitet", "angeführt"]) == ("angeführt", "geleitet")


def test_gated_patterns_answer_as_their_patterns():
    gated = [visits.MEMBER_CUE, visits._LEAD_PASSIVE, rules._SURNAME_COP]
    for g in gated:
        assert isinstance(g, Gated)
        for sent in SENTENCES:
            plain = g.pattern.search(sent)
            got = g.search(sent)
            assert (plain and plain.span()) == (got and got.span()), (g.parts, sent)
            assert [m.span() for m in g.pattern.finditer(sent)] == [m.span() for m in g.finditer(sent)]
    # under re.I an upper-case cue or a letter re.I folds to ASCII still reaches the pattern
    assert visits.MEMBER_CUE.search("BEGLEITET WURDE DIE GRUPPE") is not None
    shout = Gated(re.compile(r"bestand aus", re.I), ["bestand aus"])
    assert shout.may_match("be" + FOLDS_TO_ASCII[2] + "tand aus")
    assert shout.search("be\u017ftand aus") is not None
    assert not shout.may_match("ein Satz ohne den Hinweis")


def test_title_frames_tried_only_at_their_lead_find_the_plain_matches():
    for sent in SENTENCES:
        plain = [(m.span(), m.groupdict()) for m in title_frames.PRE_TITLE.finditer(sent)]
        fast = anchored_finditer(title_frames.PRE_TITLE, title_frames._TITLE_AT, sent, 2, title_frames._PRE_FIRST, None, title_frames._PRE_LEAD)
        assert plain == [(m.span(), m.groupdict()) for m in fast], sent
    assert "s" not in title_frames._PRE_LEAD and "d" in title_frames._PRE_LEAD and "1" in title_frames._PRE_LEAD


#: More invented text for the rewritten patterns: lists, hyphens before joiners, visits, envoys.
MORE = [
    "Anna Quast, Bert Lohse und Cora Wendt sowie Dirk Obst & Eva Sperling",
    "Nord- und Südstadt, Ost-\nund Weststadt ,  Mitte",
    "Die Stadtwerke Gotha-Nord und die Stadt Gotha reisten nach Suhl.",
    "Auf Einladung von Bürgermeister Tilo Hesse trafen sich die Gäste; auf Initiative der Stadt reiste man ab.",
    "Der Botschafter Japans, die Generalkonsulin und ein Konsul empfingen Delegationen aus Weimar.",
    "Begleitet wurde die Delegation von Ina Lohse; begleitet wurden die Besucher vom Rat.",
    "Die Kooperation der Stadtwerke Gotha mit der Stadt Jena läuft; Xkooperation der A mit B nicht.",
    "Kranich ist Vorsitzende, Lohse wird Leiterin; Ober-Kranich war da.",
    "fuhren flogen reiste-fuhr treffen trafen sich mit dem Rat",
]


def test_word_alternations_match_as_their_leading_boundary_form():
    pairs = [(r"\b(?:Kooperation|Zusammenarbeit)\s+(?:der|des)\s+", word_alts("Kooperation", "Zusammenarbeit") + r"\s+(?:der|des)\s+"),
             (r"\b[Aa]uf (?:Einladung|Initiative)\b", word_alts("[Aa]uf") + r" (?:Einladung|Initiative)\b"),
             (r"\b(?:trafen|traf|treffen)(?:\s+sich)?(?:\s+mit)?\b", word_alts("trafen", "traf", "treffen") + r"(?:\s+sich)?(?:\s+mit)?\b"),
             (r"\b(?:reiste|fuhr|fuhren|[Bb]egleitet)\b", word_alts("reiste", "fuhr", "fuhren", "[Bb]egleitet") + r"\b")]
    for old, new in pairs:
        for text in [*SENTENCES, *MORE, *(s.lower() for s in MORE)]:
            assert [(m.span(), m.groups()) for m in re.finditer(old, text)] == [(m.span(), m.groups()) for m in re.finditer(new, text)]
    for pattern in (links._NOUN_OF_WITH, visit_people._ENVOY, visit_people._TRAVEL_OUT, visits._TRIP, visits._DELEGATIONS):
        assert not pattern.pattern.startswith(r"\b")  # re can skip ahead to the first letters
    with pytest.raises(ValueError):
        word_alts(r"\d+")


def test_list_split_and_mayors_title_as_their_plain_forms():
    split = re.compile(r"\s*,\s*|(?<!-)\s+(?:und|sowie|&)\s+")
    heads = re.compile(r"(?:Alt|Ehren)?[Bb]ürgermeister(?:innen)?\b|Gemeindepräsident(?:en|innen)?\b")
    texts = [*SENTENCES, *MORE, "die Altbürgermeister und AltBürgermeisterinnen, Ehrenbürgermeister", "Gemeindepräsidentinnen-\t und"]
    for text in texts:
        assert split.split(text) == links._LIST_SPLIT.split(text), text
        assert [(m.span(), m.group(0)) for m in heads.finditer(text)] == [(m.span(), m.group(0)) for m in role_frames._MUNI_HEADS_TITLE.finditer(text)]


def test_place_word_and_article_tests_answer_as_the_scans():
    for text in ["Gotha-Nord und Gotha", "die Gothaer Gotha_x", "Suhls Weg", "(Suhl)", "Erfurter Straße", "Jena"]:
        for word in ("Gotha", "Suhl", "Gothaer", "Suhls", "Erfurter", "Jena"):
            assert places._whole_word_in(text, word) == bool(places.word_re(word).search(text)), (text, word)
    nouns_of = lambda text: {m.group(1) for m in places._AFTER_ARTICLE.finditer(" " + text)}  # noqa: E731
    for text in ["Kultur und Wissen, das Wissen", "mit Essen und einem  Essen", "Wissen und " + " " * 45 + "eines Wissen", "und Wissen"]:
        for word in ("Wissen", "Essen"):
            if word in nouns_of(text):
                assert places._after_an_article(text, word), (text, word)
    assert not places._after_an_article("Kultur und Wissen", "Wissen")


def test_compound_titles_keyed_by_their_longest_ending():
    titles, pattern = graph_roles._index()

    def longest(word: str) -> str | None:  # the rule as it was: every title sorted, longest first, per word
        return next((titles[t] for t in sorted(titles, key=len, reverse=True) if " " not in t and len(t) >= 6 and word.endswith(t)), None)

    words = [fold(w) for w in ("Stadtwerkegeschäftsführer", "Obersteuerinspektorin", "Kreisbrandmeister", "Hauptamtsleiterin", "Xyzabc")]
    words = [w for w in words if w not in titles and pattern.search(w) is None]  # the compound fallback answers these
    assert len(words) >= 4
    assert [graph_roles._base_key(w) for w in words] == [longest(w) for w in words]
    assert graph_roles._base_key(fold("Hauptamtsleiterin")) is not None


def test_patterns_searched_from_their_first_letters_answer_as_plain():
    plain = re.compile(r"(?:Delegation|Gäste)(?:\s+aus\s+[A-Z]\w+)?|\bBesuch aus\s+[A-Z]\w+")
    fast = FromStarts(plain, "DGB")
    texts = [*SENTENCES, *MORE, "Ein Besuch aus Gotha; die Gäste aus Suhl, xBesuch aus Jena", "Delegationen"]
    for text in texts:
        assert [(m.span(), m.group(0)) for m in plain.finditer(text)] == [(m.span(), m.group(0)) for m in fast.finditer(text)]
        a, b = plain.search(text), fast.search(text)
        assert (a and a.span()) == (b and b.span()), text
    assert isinstance(visit_people._GUESTS_NAMED, FromStarts)


def test_patterns_tried_where_the_lower_cased_text_holds_their_words_answer_as_plain():
    from stakegraph.importers.press import orgs
    from stakegraph.importers.press.org_grammar import _CUE_END
    from stakegraph.importers.press.scanning import LowerStarts

    plain = re.compile(r"(?:[vV]erein|[wW]erke)(?:s|es)?\s+(?=[A-ZÄÖÜ])")
    fast = LowerStarts(plain, ["verein", "werke"])
    texts = [*SENTENCES, *MORE, "Der Turnverein Gotha und die VEREIN Werke Suhl; Stadtwerkes Jena", "İm Verein Erfurt",
             "Sportvereines Weimar, werke Jena", "Landtages und landtag, Gesellschafts-Bund; Forum"]
    for text in texts:
        for pat, ls in ((plain, fast), (orgs._BODY_END, orgs._BODY_AT), (_CUE_END, orgs._CUE_AT), (orgs._NATIONAL_HEAD, orgs._NATIONAL_HEAD_AT)):
            assert [(m.span(), m.groups()) for m in pat.finditer(text)] == [(m.span(), m.groups()) for m in ls.finditer(text)]
            a, b = pat.search(text), ls.search(text)
            assert (a and a.span()) == (b and b.span()), text
    with pytest.raises(ValueError):
        LowerStarts(plain, ["Verein"])


def test_the_adder_gives_an_untitled_person_a_body_only_by_the_persons_features():
    """role_model.candidates skips, for the adder, the persons ``may_add`` refuses whatever the body: an untitled
    one without a title-like word by the name (it then needs no organization's features)."""
    import itertools

    from stakegraph.importers.press.role_model import may_add

    person = ["partner_person", "person_press:credit", "title_near", "title_in_sentence"]
    org = ["is_city", "is_dateline", "own_side", "kind_town", "kind_county", "kind_company", "same_sentence", "near3"]
    for p_on in itertools.product((0.0, 1.0), repeat=len(person)):
        pf = {"titled": 0.0, **dict(zip(person, p_on, strict=True))}
        alone = may_add(pf)
        if not (pf["title_near"] or pf["title_in_sentence"]):
            assert not alone
        for o_on in itertools.product((0.0, 1.0), repeat=len(org)):
            assert may_add({**pf, **dict(zip(org, o_on, strict=True))}) == alone


def test_cue_finditer_gives_the_matches_of_finditer():
    """``cue_finditer`` tries a pattern only in the tokens before each cue: the same matches as ``finditer``
    (leftmost, not overlapping) for the party groups and the genitive towns before a mayor's title."""
    from stakegraph.importers.press import states
    from stakegraph.importers.press.scanning import cue_finditer

    texts = ["Die SPD-Fraktion und die Fraktion der Grünen im Kreistag; CDU-Stadtratsfraktion.",
             "Fraktion von FDP-Fraktion der SPD raktion Fraktionen", "Ratsfraktion, AfD-Fraktionraktion\nFraktion\nder CSU",
             "Neuhafens Bürgermeister und Altmarks  Oberbürgermeisterin trafen Bad-Emss Vizebürgermeister.",
             "İlkas Bürgermeisterin, Stadt Bürgermeister, Gothas\nBürgermeister-Wahl, bürgermeister Xas Altbürgermeister"]
    for text in texts:
        for pat, cue, runs in ((states._FACTION, "raktion", 0), (places._GENITIVE_TOWN, "ürgermeister", 1)):
            assert [(m.span(), m.groupdict()) for m in pat.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in cue_finditer(pat, text, cue, runs)], text
    assert [m.group(0) for m in cue_finditer(re.compile(r"ab\s+cd"), "ab  cd ab cd abcd", "cd", 1)] == ["ab  cd", "ab cd"]


def test_word_patterns_and_word_starts_answer_as_the_look_behind_first_forms():
    """``word_re`` (the word first, its head asserted behind it) and ``_word_starts`` (``str.find``) find what
    the plain whole-word pattern finds, hyphens, digits, underscores and line breaks around included."""
    texts = [*SENTENCES, "Gotha-Ost und Gotha, Gothaer Gotha_2 2Gotha\nGotha", "Gotha", "", "GothaGotha Gotha-"]
    for text in texts:
        for word in ("Gotha", "Erfurt", "Gäste", "Bad Ems"):
            for tail, head in ((r"(?![\w])", r"(?<![\w-])"), ("", r"\b"), (r"s?\b", r"\b")):
                plain = re.compile(head + re.escape(word) + tail)
                fast = places.word_re(word, tail, head)
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert places._word_starts(text, word) == [m.start() for m in places.word_re(word).finditer(text)]
