"""Press role attachment, session 8: each phenomenon on a short text of our own.

Places are real gazetteer places; persons are made up."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import roles as _roles


def test_a_genitive_town_before_a_title_holds_when_an_apposition_follows_the_name(tmp_path: Path):
    # 'Xs Bürgermeister A, derzeit Vorsitzender': the apposition gives a role of its own; the mayor stays X's
    roles = _roles(tmp_path, "Germering. Die Stadt plant.\n\nDazu sagt Fürstenfeldbrucks Oberbürgermeister Timo Lange, "
                             "zugleich Verbandsvorsitzender.\n")
    assert ("Timo Lange", "Stadt Fürstenfeldbruck") in roles
    assert ("Timo Lange", "Stadt Germering") not in roles


def test_a_bare_unit_in_the_genitive_is_a_unit_of_the_town_and_a_title_is_no_body(tmp_path: Path):
    # 'Leiter des Fachbereichs „…“': the unit (nominative) of the dateline's town; 'des Amtsleiters A' names no body
    roles = _roles(tmp_path, "Fulda. Das sagt Paul Kessler, Leiter des Fachbereichs „Bauen, Umwelt“ im Rathaus, "
                             "im Gespräch.\n")
    assert ("Paul Kessler", "Fachbereich Fulda") in roles  # the town's unit, named after its town (PART_OF it)
    assert ("Paul Kessler", "Fachbereichs") not in roles
    roles = _roles(tmp_path, "Fulda. Das sagt Paul Kessler, Leiter des Fachbereichs Finanzen, im Gespräch.\n")
    assert ("Paul Kessler", "Fachbereich Finanzen") in roles
    # no dateline: the story's town holds the unit
    roles = _roles(tmp_path, "Die Stadt Fulda informiert. Das sagt Paul Kessler, Leiter des Fachbereichs „Bauen“, im Gespräch.\n")
    assert ("Paul Kessler", "Fachbereich Fulda") in roles and ("Paul Kessler", "Fachbereichs") not in roles
    roles = _roles(tmp_path, "Fulda. Die Gruppe aus Kassel unter Leitung des Bezirksamtsleiters Paul Kessler kam an.\n")
    assert not any(org.startswith("Bezirksamtsleiter") for _p, org in roles)


def test_compound_pilot_and_archivist_titles_and_a_plural_title_with_a_copula_before_the_list(tmp_path: Path):
    # '-lotse/-lotsin' and '-archivar(in)' head compound titles; 'Die neuen Xer Digitallotsen sind: A, B und C'
    roles = _roles(tmp_path, "Fulda. Die neuen Fuldaer Digitallotsen sind: Mira Stern, Ole Brandt und Ida Fink.\n\n"
                             "Dazu sagte Stadtarchivar Timo Reuter etwas.\n")
    assert {("Mira Stern", "Stadt Fulda"), ("Ole Brandt", "Stadt Fulda"), ("Ida Fink", "Stadt Fulda"),
            ("Timo Reuter", "Stadt Fulda")} <= roles


def test_a_delegations_town_or_a_locative_town_before_a_title_gives_the_office_its_town(tmp_path: Path):
    # 'eine Delegation aus X, darunter die Bürgermeisterin A'; 'auf …er Seite B, in X der Erste Beigeordnete C'
    roles = _roles(tmp_path, "Fulda. Im Jahr 2018 kam eine Delegation aus Kassel, darunter die heutige Bürgermeisterin "
                             "Rosa Lenz, die empfangen wurde.\n")
    assert ("Rosa Lenz", "Stadt Kassel") in roles and ("Rosa Lenz", "Stadt Fulda") not in roles
    roles = _roles(tmp_path, "Fulda. Gekümmert haben sich auf französischer Seite vor allem Jean Morel, in Kassel der "
                             "Erste Beigeordnete Veit Hofer und das Kulturamt.\n")
    assert ("Veit Hofer", "Stadt Kassel") in roles


def test_a_side_town_the_gazetteer_does_not_know_and_the_text_names_once_gives_no_office(tmp_path: Path):
    # 'eine Delegation aus Mitgliedern des Rates … mit Bürgermeister A': the noun is no town of A's
    roles = _roles(tmp_path, "Fulda. Eine Delegation aus Mitgliedern des Stadtrates reiste mit Bürgermeister Karl Spohr "
                             "nach Kassel.\n")
    assert not any(org.endswith("Mitgliedern") for _p, org in roles)


def test_two_office_holders_after_a_pair_of_towns_hold_the_towns_in_order(tmp_path: Path):
    # 'der Vertrag zwischen X und Y wurde zwischen den Bürgermeistern A und B unterzeichnet': A of X, B of Y
    roles = _roles(tmp_path, "Fulda. Der Vertrag zwischen Kassel und Erlangen wurde 1970 zwischen den Bürgermeistern "
                             "Otto Kamm und Emil Sander unterzeichnet.\n")
    assert {("Otto Kamm", "Stadt Kassel"), ("Emil Sander", "Stadt Erlangen")} <= roles
    assert ("Otto Kamm", "Stadt Fulda") not in roles


def test_a_sentence_opening_on_a_town_gives_its_untied_offices_that_town(tmp_path: Path):
    # 'In X heißt der neue Bürgermeister A': X, not the story's own town
    roles = _roles(tmp_path, "Fulda. Die Partnerschaft lebt. In Erlangen heißt der neue Bürgermeister Lex Dorn.\n")
    assert ("Lex Dorn", "Stadt Erlangen") in roles and ("Lex Dorn", "Stadt Fulda") not in roles


def test_the_deputy_of_a_municipal_office_holds_an_office_of_its_town(tmp_path: Path):
    # 'A, Stellvertreter des Bürgermeisters': a deputy of the mayor, so of the town
    roles = _roles(tmp_path, "Fulda. Das sagte Jonas Falk, Stellvertreter des Bürgermeisters, am Montag.\n")
    assert ("Jonas Falk", "Stadt Fulda") in roles


def test_the_municipal_titles_of_neighbouring_countries_are_titles(tmp_path: Path):
    """A Dutch alderman ('Wethouder') and town clerk ('Gemeentesecretaris') hold their office at their town."""
    text = ("Kempten, 4. Mai 2024. Eine Delegation aus der niederländischen Partnerstadt Deventer besuchte Kempten. "
            "Zu den Gästen gehörten Wethouder Pieter van Dam und Gemeentesecretaris Anneke Bos.\n")
    assert {("Pieter van Dam", "Stadt Deventer"), ("Anneke Bos", "Stadt Deventer")} <= _roles(tmp_path, text)
