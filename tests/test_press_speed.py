"""Speed devices of the press rules give the same answers as the plain patterns they stand for."""

from __future__ import annotations

import re

from stakegraph.importers.press import rules, title_frames, visits
from stakegraph.importers.press.lexicon import FOLDS_TO_ASCII, LEX, Gated, anchored_finditer, cover

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
