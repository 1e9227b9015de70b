"""Press visits of session 8: general forms met on articles nobody tuned for (dates, plural origins, common nouns
and surnames taken for towns), each on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import pairs, read, visits


def test_date_range_with_weekdays_and_glued_day():
    """'Von Donnerstag, dem 2. bis Samstag, dem 4. Oktober 2025': the weekdays inside a range are no dates of their own;
    'am 4.September 2004' (no space) is a day, not only a month; 'am Samstag (25. Juni)' is the bracketed day."""
    from stakegraph.importers.press.dates import event_dates

    assert event_dates("Von Donnerstag, dem 2. bis Samstag, dem 4. Oktober 2025, weilte eine kleine Gruppe in Lahr",
                       "2025-01-22")[:2] == ("2025-10-02", "2025-10-04")
    assert event_dates("Die Feier fand am 4.September 2004 in Lahr statt.", "2004-10-01")[:2] == ("2004-09-04", None)
    assert event_dates("am Samstag (25. Juni) kamen die Gäste", "2022-07-01")[:2] == ("2022-06-25", None)
    assert event_dates("am Freitag, 3. Mai, in Lahr", "2019-05-27")[:2] == ("2019-05-03", None)


def test_a_page_date_stamp_does_not_date_the_visit(tmp_path: Path):
    """' date 2025-01-22 Headline' (a page's stamp before its first line) is the release's date; the visit's own
    sentence gives the visit's date."""
    text = (" date 2025-01-22 LAHR – Delegation aus Kolding zu Gast in Lahr\n\n"
            "Von Donnerstag, dem 2. bis Samstag, dem 4. Oktober 2025, besuchte eine Delegation aus Kolding die Stadt Lahr. "
            "Bürgermeister Karl Weber empfing die Gäste im Rathaus.")
    ev = visits(*read(tmp_path, text))
    assert [(v["guest"], v["host"], v["date"], v["end"]) for v in ev] == [("Stadt Kolding", "Stadt Lahr", "2025-10-02", "2025-10-04")]


def test_participants_from_a_towns_partner_towns_listed(tmp_path: Path):
    """'Teilnehmer aus den Lahrer Partnerstädten A (Dänemark) und B (Frankreich)': a demonym before the plural, and
    each listed town visits."""
    text = ("Lahr, 3. Mai 2022. Zwanzig Teilnehmer aus den Lahrer Partnerstädten Kolding (Dänemark) und Dole (Frankreich) "
            "besuchten am Wochenende das Stadtfest in Lahr. Bürgermeister Karl Weber empfing die Gäste im Rathaus.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr"), ("Stadt Dole", "Stadt Lahr")}


def test_a_surname_in_er_is_no_towns_adjective(tmp_path: Path):
    """'begrüßte Bürgermeister Anna Bergner Delegationen aus …': after a first name, an -er word is her surname, not the
    adjective of a town that would visit."""
    text = ("Lahr, 3. Mai 2022. Zum Stadtfest begrüßte Bürgermeisterin Anna Bergner Delegationen aus der Partnerstadt "
            "Kolding in Lahr.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}


def test_a_delegation_of_members_names_no_town(tmp_path: Path):
    """'Eine Delegation aus Mitgliedern des Stadtrates …': a word no gazetteer knows, with a genitive after it, is a
    common noun, not the guests' town."""
    text = ("Lahr, 3. Mai 2022. Eine Delegation aus Mitgliedern des Stadtrates und des Partnerschaftsvereins reiste "
            "nach Kolding. Bürgermeisterin Lene Holm empfing die Gäste.")
    got = pairs(*read(tmp_path, text))
    assert all(g != "Stadt Mitgliedern" for g, _h in got)


def test_a_canton_visits_a_canton_named_by_its_head_word(tmp_path: Path):
    """'Der Regierungsrat des Kantons A besucht … den Kanton B': a state below the country, named by its head word and a
    name the region list knows, hosts; the story's town (its capital) does not."""
    text = ("Aarau, 3. Mai 2022. Der Regierungsrat des Kantons Luzern besucht am Montag den Kanton Aargau. "
            "Landammann Paolo Neri empfängt die Gäste.")
    assert ("Kanton Luzern", "Kanton Aargau") in pairs(*read(tmp_path, text))


def test_a_state_cut_short_is_the_whole_state(tmp_path: Path):
    """'Gäste aus dem Kanton Appenzell Ausserrhoden': the guests' state is the whole two-word name the region list knows,
    not 'Kanton Appenzell'."""
    text = ("Vaduz, 3. Mai 2022. Die Regierung empfing am Dienstag Gäste aus dem Kanton Appenzell Ausserrhoden im "
            "Regierungsgebäude in Vaduz.")
    got = pairs(*read(tmp_path, text))
    assert any(g == "Kanton Appenzell Ausserrhoden" for g, _h in got), got


def test_a_stippvisite_is_a_visit(tmp_path: Path):
    """'Stippvisite' (a short visit) is a visit word of the genre like 'Besuch'."""
    text = ("Lahr, 3. Mai 2022. Landrat Karl Weber aus dem Landkreis Emsland auf Stippvisite im Landkreis Leer. Landrat "
            "Jens Brandt zeigte ihm das Kreishaus.")
    assert pairs(*read(tmp_path, text)) == {("Landkreis Emsland", "Landkreis Leer")}


def test_the_inviter_hosts(tmp_path: Path):
    """'X und seine Begleiter kamen auf Einladung von Bürgermeister Y': Y invited, so Y is on the
    hosts' side even in a sentence that names the guests."""
    text = ("Lahr, 3. Mai 2022. Am Wochenende war eine Delegation aus der Partnerstadt Kolding in Lahr zu Gast. "
            "Bürgermeister Lars Holm und seine vier Begleiter kamen auf Einladung von Bürgermeister Karl Weber.")
    ev = visits(*read(tmp_path, text))
    assert [v["people"].get("Karl Weber") for v in ev] == ["host"]


def test_a_state_minister_visits_for_her_state(tmp_path: Path):
    """'Niedersachsens Innenministerin X hat … das Rathaus besucht', 'der bayerische Digitalminister': with no ministry
    named as a body, the state the title names by genitive or adjective visits the story's town."""
    from stakegraph.importers.press.visit_states import minister_state

    assert minister_state("der niedersächsische Umweltminister Paul Fenner").name == "Land Niedersachsen"
    assert minister_state("Die bayerische Digitalministerin Eva Roth").name == "Land Bayern"  # also called Freistaat Bayern
    assert minister_state("Der Bürgermeister Paul Fenner") is None
    # the undeclined '-er' adjectives of states, Austrian state councillors and city-state senators
    assert minister_state("die Kärntner Landesrätin Ida Pfeifer").name == "Land Kärnten"
    assert minister_state("der Hamburger Senator Ole Brandt").name == "Land Hamburg"
    assert minister_state("der Kieler Stadtrat Ole Brandt") is None
    text = ("Lahr, 3. Mai 2022. Baden-Württembergs Innenministerin Eva Roth hat am Montag das Lahrer Rathaus besucht. "
            "Bürgermeister Karl Weber zeigte ihr die neuen Bürgerdienste.")
    ev = visits(*read(tmp_path, text))
    assert [(v["guest"], v["host"]) for v in ev] == [("Land Baden-Württemberg", "Stadt Lahr")]


def test_a_person_after_bei_is_no_part_of_the_guests_town(tmp_path: Path):
    """'Delegation aus A bei Bürgermeister X in B': 'bei' with a title names the host person, not a town 'A bei …'."""
    text = "Delegation aus Kolding bei Bürgermeister Weber in Lahr.\n\nLahr, 3. Mai 2022. Bürgermeister Karl Weber empfing die Gäste."
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}
