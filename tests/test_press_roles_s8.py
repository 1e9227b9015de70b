"""Press role attachment, session 8: each phenomenon on a short text of our own.

Places are real gazetteer places; persons are made up."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import roles as _roles


def test_a_genitive_town_before_a_title_holds_when_an_apposition_follows_the_name(tmp_path: Path):
    # 'Xs Bürgermeister A, derzeit Vorsitzender': the apposition gives a role of its own; the mayor stays X's
    roles = _roles(tmp_path, "Gröbenzell. Die Gemeinde berät.\n\nDazu meint Puchheims Bürgermeister Lutz Amsel, "
                             "derzeit Vorstandsvorsitzender.\n")
    assert ("Lutz Amsel", "Stadt Puchheim") in roles
    assert ("Lutz Amsel", "Gemeinde Gröbenzell") not in roles and ("Lutz Amsel", "Stadt Gröbenzell") not in roles


def test_a_bare_unit_in_the_genitive_is_a_unit_of_the_town_and_a_title_is_no_body(tmp_path: Path):
    # 'Leiter des Fachbereichs „…“': the unit (nominative) of the dateline's town; 'des Amtsleiters A' names no body
    roles = _roles(tmp_path, "Fulda. Das sagt Paul Kessler, Leiter des Fachbereichs „Bauen, Umwelt“ im Rathaus, "
                             "im Gespräch.\n")
    assert ("Paul Kessler", "Fachbereich") in roles
    assert ("Paul Kessler", "Fachbereichs") not in roles
    roles = _roles(tmp_path, "Fulda. Das sagt Paul Kessler, Leiter des Fachbereichs Finanzen, im Gespräch.\n")
    assert ("Paul Kessler", "Fachbereich Finanzen") in roles
    roles = _roles(tmp_path, "Fulda. Die Gruppe aus Kassel unter Leitung des Bezirksamtsleiters Paul Kessler kam an.\n")
    assert not any(org.startswith("Bezirksamtsleiter") for _p, org in roles)
