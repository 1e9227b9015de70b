"""Press recognition from open data and general frames: each phenomenon on a short text of our own.

Places come from the GeoNames gazetteer (so real place names appear), first names from the open list;
the persons, organisations and events are made up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records
from stakegraph.importers.press.names import clean_name

FIX = Path(__file__).resolve().parent / "fixtures" / "press"


def _read(tmp_path: Path, text: str, name: str = "artikel.txt") -> tuple[dict[str, Node], list[Rel]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def _names(nodes: dict[str, Node], label: str) -> set[str]:
    return {n.name for n in nodes.values() if n.label == label}


def _pairs(nodes: dict[str, Node], rels: list[Rel], typ: str) -> set[tuple[str, str]]:
    return {(nodes[r.source].name, nodes[r.target].name) for r in rels if r.type == typ}


def test_html_that_omits_end_tags_keeps_the_article(tmp_path: Path):
    html = ("<!doctype html><html><head><title>Neues aus dem Rathaus</title></head><body><ul><li>Erster Punkt"
            "<li>Bürgermeisterin Jana Fiebig eröffnete die Sitzung.<li>Dritter Punkt</ul>"
            "<p>Stadtrat Ole Brandes stellte den Plan vor.<p>Ende</body></html>")
    nodes, _rels = _read(tmp_path, html, "seite.html")
    assert {"Jana Fiebig", "Ole Brandes"} <= _names(nodes, "Person")


def test_name_boundaries_from_the_first_name_list():
    assert clean_name("Trainerin Greta Halbach", set()) == "Greta Halbach"
    assert clean_name("Karl Heinz Oberndorfer", set()) == "Karl Heinz Oberndorfer"
    assert clean_name("Sven Wilmers von der Stabsstelle", set()) == "Sven Wilmers"
    assert clean_name("Ursula von der Brelen", set()) == "Ursula von der Brelen"
    assert clean_name("Lukas Morhardt Biografie", set()) == "Lukas Morhardt"
    assert clean_name("Dieser Darstellung", set()) is None


def test_copula_and_compound_title_roles(tmp_path: Path):
    text = ("Anna Lorenzen ist Geschäftsführerin der Lindenhof Logistik GmbH. "
            "Die KVB-Chefin Marta Olsberg lobte die Zusammenarbeit. "
            "Dr. Paul Terhorst, Vorstandsvorsitzender von Quellwerk, sprach zuletzt.")
    nodes, rels = _read(tmp_path, text)
    roles = _pairs(nodes, rels, "HOLDS_ROLE")
    assert ("Anna Lorenzen", "Lindenhof Logistik GmbH") in roles
    assert ("Marta Olsberg", "KVB") in roles
    assert ("Paul Terhorst", "Quellwerk") in roles


def test_gazetteer_places_exonyms_demonyms_and_twinning(tmp_path: Path):
    text = ("Sigmaringen. Die Städtepartnerschaft zwischen Feldkirch und Sigmaringen besteht seit vielen Jahren. "
            "Der Sigmaringer Bürgermeister Jonas Wendeler reiste mit einer kleinen Gruppe nach Mailand.")
    nodes, rels = _read(tmp_path, text)
    partners = {frozenset(p) for p in _pairs(nodes, rels, "PARTNERS_WITH")}
    assert frozenset(("Stadt Feldkirch", "Stadt Sigmaringen")) in partners
    assert ("Jonas Wendeler", "Stadt Sigmaringen") in _pairs(nodes, rels, "HOLDS_ROLE")


def test_visit_sides_range_of_relative_dates_and_lead(tmp_path: Path):
    text = ("14.03.2024\n\nBesuch aus Tübingen\n\n"
            "Von Freitag bis Sonntag war eine Delegation aus Tübingen zu Gast in Aarau. "
            "Angeführt wurde die Gruppe von Oberbürgermeisterin Lea Brandstätter. "
            "Empfangen wurden die Gäste von Stadtpräsident Ruedi Aeschlimann im Rathaus.")
    nodes, rels = _read(tmp_path, text)
    visits = [n for n in nodes.values() if n.label == "Event" and n.props.get("kind") == "visit"]
    assert len(visits) == 1
    ev = visits[0]
    assert (ev.props["date"], ev.props["end_date"]) == ("2024-03-08", "2024-03-10")
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED" and r.target == ev.id}
    assert {("Stadt Tübingen", "guest"), ("Stadt Aarau", "host")} <= sides
    assert ("Lea Brandstätter", "guest") in sides and ("Ruedi Aeschlimann", "host") in sides
    lead = [r for r in rels if r.type == "ATTENDED" and r.props.get("lead")]
    assert [nodes[r.source].name for r in lead] == ["Lea Brandstätter"]


def test_county_office_and_party_in_parentheses(tmp_path: Path):
    text = ("Die Landrätin des Mustertalkreises, Petra Kühnel, eröffnete den Breitbandgipfel. "
            "Kreisrat Ole Brandes (SPD) begrüßte den Ausbau.")
    nodes, rels = _read(tmp_path, text)
    roles = _pairs(nodes, rels, "HOLDS_ROLE")
    assert ("Petra Kühnel", "Mustertalkreis") in roles
    assert ("Ole Brandes", "SPD") in roles


def test_cooperation_with_a_utility_in_the_dative_plural(tmp_path: Path):
    text = "Willich. Die Stadtwerke Willich vereinbarten eine Kooperation mit den Wirtschaftsbetrieben Meerbusch."
    nodes, rels = _read(tmp_path, text)
    utilities = {n.name for n in nodes.values() if n.label == "Organization" and n.props.get("kind") == "utility"}
    assert {"Stadtwerke Willich", "Wirtschaftsbetriebe Meerbusch"} <= utilities
    partners = {frozenset(p) for p in _pairs(nodes, rels, "PARTNERS_WITH")}
    assert frozenset(("Stadtwerke Willich", "Wirtschaftsbetriebe Meerbusch")) in partners


def test_same_output_whatever_the_hash_seed():
    """Every press fixture gives byte-identical claims under PYTHONHASHSEED 0 and 1 (ties by position, not set order)."""
    files = sorted(str(p) for p in FIX.rglob("*") if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))
    assert files
    script = ("import io, sys\n"
              "from stakegraph.importers.base import ImportContext\n"
              "from stakegraph.importers.press import extract_claims\n"
              "from pathlib import Path\n"
              "for f in sys.argv[1:]:\n"
              "    out = io.StringIO(); extract_claims([Path(f)], out, ImportContext()); sys.stdout.write(out.getvalue())\n")
    runs = []
    for seed in ("0", "1"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, *files], env=env, capture_output=True, text=True, check=True)
        runs.append(done.stdout)
    assert runs[0] == runs[1]
    assert all(json.loads(line) for line in runs[0].splitlines())


def test_dates_from_release_line_heading_range_and_capital_dateline(tmp_path: Path):
    text = ("Pressemitteilung Nr. 7 vom 16.02.2024 Gäste aus Kempten\n\n"
            "15.-18.02.2024 Besuch aus Kempten\n\n"
            "LAHR – Seit dem gestrigen Donnerstag ist eine Delegation aus Kempten zu Gast. "
            "Bürgermeister Tim Salewski begrüßte die Gäste im Rathaus.")
    nodes, rels = _read(tmp_path, text)
    ev = next(n for n in nodes.values() if n.label == "Event")
    assert (ev.props["date"], ev.props["end_date"]) == ("2024-02-15", "2024-02-18")
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Stadt Kempten", "guest"), ("Stadt Lahr", "host"), ("Tim Salewski", "host")} <= sides


def test_relative_weekday_resolves_against_the_release_date():
    from stakegraph.importers.press.dates import event_dates

    # 2015-05-13 is a Wednesday: a Friday in the present tense is the coming one, in the past the last one
    assert event_dates("Am Freitag besucht eine Delegation den Kreis.", "2015-05-13")[:2] == ("2015-05-15", None)
    assert event_dates("Am Freitag besuchte eine Delegation den Kreis.", "2015-05-13")[:2] == ("2015-05-08", None)
    assert event_dates("vom 30. September bis 2. Oktober 2016 in Chur", None)[:2] == ("2016-09-30", "2016-10-02")


def test_plural_title_signers_and_origin_of_a_list(tmp_path: Path):
    text = ("Kreis Mustertal. In Neustadt unterzeichneten die beiden Landräte Jonas Wendeler und Dr. Petra Kühnel "
            "(Obertal) den Kooperationsvertrag. Aus Bad Homburg waren Oberbürgermeister Lukas Morhardt und "
            "Stadträtin Greta Halbach angereist.")
    nodes, rels = _read(tmp_path, text)
    roles = _pairs(nodes, rels, "HOLDS_ROLE")
    assert ("Jonas Wendeler", "Kreis Mustertal") in roles
    assert ("Petra Kühnel", "Kreis Obertal") in roles
    assert {("Lukas Morhardt", "Stadt Bad Homburg"), ("Greta Halbach", "Stadt Bad Homburg")} <= roles
    partners = {frozenset(p) for p in _pairs(nodes, rels, "PARTNERS_WITH")}
    assert frozenset(("Kreis Mustertal", "Kreis Obertal")) in partners


def test_state_guest_two_delegations_and_a_first_name_that_is_also_a_place(tmp_path: Path):
    text = ("Würzburg. Der Botschafter von Japan, Dr. Kenji Sato, wurde am Montag von Oberbürgermeister "
            "Lukas Morhardt im Rathaus empfangen.")
    nodes, rels = _read(tmp_path, text)
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Japan", "guest"), ("Stadt Würzburg", "host"), ("Kenji Sato", "guest"), ("Lukas Morhardt", "host")} <= sides

    text = ("Sigmaringen. Die Stadt empfing am Wochenende Delegationen aus Feldkirch und Kolding. "
            "Für das Programm sorgte Stadträtin Greta Halbach gemeinsam mit Klaus Oberndorfer.")
    nodes, rels = _read(tmp_path, text, "zwei.txt")
    guests = {nodes[r.source].name for r in rels if r.type == "ATTENDED" and r.props.get("side") == "guest"
              and nodes[r.source].label == "Organization"}
    assert {"Stadt Feldkirch", "Stadt Kolding"} <= guests
    assert "Stadt Klaus" not in _names(nodes, "Organization")


def test_host_officials_stay_hosts_and_programme_stops_are_no_hosts(tmp_path: Path):
    text = ("Kempten. Am Freitag begrüßt die Stadt Kempten ihre Gäste aus der Partnerstadt Sopron im Rathaus. "
            "Oberbürgermeisterin Lea Brandstätter dankte den Gästen.")
    nodes, rels = _read(tmp_path, text)
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Stadt Sopron", "guest"), ("Stadt Kempten", "host"), ("Lea Brandstätter", "host")} <= sides

    text = ("Unter der Leitung von Bürgermeisterin Greta Halbach besuchte eine Delegation aus Kolding am Dienstag "
            "die Partnerstadt Lahr. Nach dem Besuch in Bamberg reisten die Gäste weiter.")
    nodes, rels = _read(tmp_path, text, "zwei.txt")
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Stadt Kolding", "guest"), ("Stadt Lahr", "host"), ("Greta Halbach", "guest")} <= sides
    assert "Stadt Bamberg" not in _names(nodes, "Organization")


def test_the_home_delegation_travels_out(tmp_path: Path):
    text = ("Aarau. Zum Gegenbesuch reiste Stadtpräsident Ruedi Aeschlimann mit einer kleinen Delegation nach Tübingen. "
            "Dort begrüßte ihn Oberbürgermeisterin Lea Brandstätter.")
    nodes, rels = _read(tmp_path, text)
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Stadt Aarau", "guest"), ("Stadt Tübingen", "host"), ("Ruedi Aeschlimann", "guest"),
            ("Lea Brandstätter", "host")} <= sides


def test_photo_credit_inside_a_line_and_function_words_as_names(tmp_path: Path):
    text = ("Die Ausstellung im Museum zog viele Besucher an. Foto: Ivo Brandlmeier - Bildagentur Nord\n"
            "Nur Sachschaden entstand bei dem Unfall am Markt.")
    nodes, _rels = _read(tmp_path, text)
    persons = _names(nodes, "Person")
    assert "Ivo Brandlmeier" in persons
    assert not any(p.startswith("Nur ") for p in persons)


def test_members_listed_with_their_network(tmp_path: Path):
    text = "Der Städtering mit den Mitgliedern Bad Homburg, Cabourg und Terracina feierte sein Jubiläum."
    nodes, rels = _read(tmp_path, text)
    members = _pairs(nodes, rels, "MEMBER_OF")
    assert {("Stadt Bad Homburg", "Städtering"), ("Stadt Cabourg", "Städtering"), ("Stadt Terracina", "Städtering")} <= members


def test_hyphenated_county_and_its_landrat(tmp_path: Path):
    text = "Obertal-Wiesen-Kreis. Landrat Jonas Wendeler unterzeichnete den Vertrag für den Obertal-Wiesen-Kreis."
    nodes, rels = _read(tmp_path, text)
    assert ("Jonas Wendeler", "Obertal-Wiesen-Kreis") in _pairs(nodes, rels, "HOLDS_ROLE")


def test_envoy_named_by_a_genitive_country(tmp_path: Path):
    text = "Osnabrück. Oberbürgermeister Lukas Morhardt empfängt Japans Botschafter im Rathaus."
    nodes, rels = _read(tmp_path, text)
    sides = {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}
    assert {("Japan", "guest"), ("Stadt Osnabrück", "host")} <= sides


def _sides(nodes: dict[str, Node], rels: list[Rel]) -> set[tuple[str, str]]:
    return {(nodes[r.source].name, r.props.get("side")) for r in rels if r.type == "ATTENDED"}


def test_people_without_a_stated_body_go_to_the_side_the_story_travels_with(tmp_path: Path):
    """A report of the travelling town ('reiste in die Partnerstadt'): its unlabelled officials are guests."""
    text = ("Eine Abordnung aus Tübingen reiste vergangene Woche in die Partnerstadt Aarau. "
            "Mit dabei waren Stadträtin Greta Halbach und Stadtrat Ole Brandes. "
            "Nach der Rückreise zog Amtsleiter Sven Wilmers eine gute Bilanz.")
    nodes, rels = _read(tmp_path, text)
    sides = _sides(nodes, rels)
    assert {("Stadt Tübingen", "guest"), ("Stadt Aarau", "host"), ("Sven Wilmers", "guest")} <= sides


def test_the_welcoming_subject_and_the_inviter_host_even_in_a_later_sentence(tmp_path: Path):
    """'X hat die Gäste … willkommen geheißen' and 'auf Einladung von X': X is on the host's side, also when the
    sentence speaks of the guests' region instead of their town."""
    text = ("Eine Delegation aus Tübingen unter Leitung von Bürgermeisterin Lea Brandstätter ist zu Gast in Aarau. "
            "Der Besuch erfolgt auf Einladung von Stadtrat Ole Brandes. "
            "Stadtpräsident Ruedi Aeschlimann hat die Gäste aus der Partnerregion am Montag willkommen geheißen.")
    nodes, rels = _read(tmp_path, text)
    sides = _sides(nodes, rels)
    assert {("Lea Brandstätter", "guest"), ("Ole Brandes", "host"), ("Ruedi Aeschlimann", "host")} <= sides


def _visit_pairs(nodes: dict[str, Node], rels: list[Rel]) -> set[tuple[str, str]]:
    """(guest body, host body) of every visit."""
    out = set()
    for ev in (n for n in nodes.values() if n.label == "Event" and n.props.get("kind") == "visit"):
        side = {r.props.get("side"): nodes[r.source].name for r in rels
                if r.type == "ATTENDED" and r.target == ev.id and nodes[r.source].label == "Organization"}
        out.add((side.get("guest"), side.get("host")))
    return out


def test_subject_after_the_verb_visits_the_object_and_a_country_is_no_part_of_the_town(tmp_path: Path):
    """'besuchte [Zeit] der Rat von A die Partnergemeinde B in der Schweiz': A visits B; 'in der Schweiz' is not B's name."""
    text = "Im Frühjahr besuchte der Gemeinderat von Tübingen die Partnergemeinde Aarau in der Schweiz."
    nodes, rels = _read(tmp_path, text)
    assert _visit_pairs(nodes, rels) == {("Stadt Tübingen", "Gemeinde Aarau")}


def test_frame_between_two_towns_before_the_verb_names_no_side(tmp_path: Path):
    text = ("Kempten. Im Rahmen der Städtepartnerschaft zwischen Kempten und Aarau besuchte jetzt eine "
            "sechsköpfige Schweizer Delegation ihre Partnerstadt.")
    nodes, rels = _read(tmp_path, text)
    assert _visit_pairs(nodes, rels) == {("Stadt Aarau", "Stadt Kempten")}


def test_host_is_not_one_of_the_bodies_listed_with_the_guests(tmp_path: Path):
    """'eine Delegation aus A und der Provinz B hat sich in C informiert': C hosts, B came along with A."""
    text = ("Eine Delegation aus der Stadt Tübingen und dem Landkreis Reutlingen hat sich zwei Tage lang "
            "in Aarau über die Verwaltung informiert.")
    nodes, rels = _read(tmp_path, text)
    pairs = _visit_pairs(nodes, rels)
    assert ("Stadt Tübingen", "Stadt Aarau") in pairs and all(h == "Stadt Aarau" for _g, h in pairs)


def test_guests_from_the_partner_of_a_third_town(tmp_path: Path):
    """'Gäste aus der Xer Partnergemeinde Y': Y's people are the guests, and Y is X's partner, not the host's."""
    text = ("Kempten. Gäste aus der Lindauer Partnergemeinde Aarau trugen sich am Samstag in das Goldene Buch "
            "der Stadt Kempten ein.")
    nodes, rels = _read(tmp_path, text)
    assert ("Gemeinde Aarau", "Stadt Kempten") in _visit_pairs(nodes, rels) or \
        ("Stadt Aarau", "Stadt Kempten") in _visit_pairs(nodes, rels)
    partners = {frozenset(p) for p in _pairs(nodes, rels, "PARTNERS_WITH")}
    assert not any("Stadt Kempten" in p for p in partners)


def test_partner_town_unknown_to_the_gazetteer_from_between_a_and_b(tmp_path: Path):
    """'zwischen A und B besuchte eine chinesische Delegation ihre Partnerstadt': B (in no list) sent it to A."""
    text = ("KEMPTEN. Im Rahmen der Städtepartnerschaft zwischen Kempten und Qaoliwang besuchte jetzt eine "
            "chinesische Delegation ihre Partnerstadt.")
    nodes, rels = _read(tmp_path, text)
    assert ("Stadt Qaoliwang", "Stadt Kempten") in _visit_pairs(nodes, rels)


def test_an_envoy_stays_the_guest_when_his_seat_is_named(tmp_path: Path):
    """The consul's state is the guest; the town where his office is ('Dienstsitz in X') is not."""
    text = ("Kempten. Oberbürgermeister Tim Salewski begrüßte den Generalkonsul von Kanada, Herrn Ole Brandes, im Rathaus. "
            "Hier empfing Salewski den Gast, der seinen Dienstsitz in München hat.")
    nodes, rels = _read(tmp_path, text)
    pairs = _visit_pairs(nodes, rels)
    assert pairs and all(g == "Kanada" for g, _h in pairs)


def _leads(nodes: dict[str, Node], rels: list[Rel]) -> set[str]:
    return {nodes[r.source].name for r in rels if r.type == "ATTENDED" and r.props.get("lead")}


def test_lead_by_um_at_the_start_and_by_allen_voran(tmp_path: Path):
    text = ("Eine Delegation aus Tübingen war zu Gast in Aarau. "
            "Um den stellvertretenden Bürgermeister Ole Brandes waren acht Stadträte angereist.")
    nodes, rels = _read(tmp_path, text)
    assert _leads(nodes, rels) == {"Ole Brandes"}
    text = ("Gäste aus Tübingen begrüßte Stadtpräsident Ruedi Aeschlimann in Aarau, allen voran die "
            "Bürgermeisterin Lea Brandstätter.")
    nodes, rels = _read(tmp_path, text, "zwei.txt")
    assert _leads(nodes, rels) == {"Lea Brandstätter"}


def test_the_envoy_leads_the_side_of_his_state(tmp_path: Path):
    text = "Kempten. Oberbürgermeister Tim Salewski empfing den Botschafter von Kanada, Herrn Ole Brandes, im Rathaus."
    nodes, rels = _read(tmp_path, text)
    assert _leads(nodes, rels) == {"Ole Brandes"}
    assert {("Ole Brandes", "guest"), ("Tim Salewski", "host")} <= _sides(nodes, rels)


def test_object_first_the_person_after_the_finite_verb_hosts(tmp_path: Path):
    """'Zwölf Gäste aus A hat Ole Brandes in B begrüßt – darunter Y': the subject hosts, the guests' people do not."""
    text = ("Aarau. Zwölf Gäste aus Tübingen hat Ole Brandes am Montag im Rathaus begrüßt, darunter "
            "Lea Brandstätter und Sven Wilmers.")
    nodes, rels = _read(tmp_path, text)
    sides = _sides(nodes, rels)
    assert {("Ole Brandes", "host"), ("Lea Brandstätter", "guest"), ("Sven Wilmers", "guest")} <= sides


def test_relative_date_against_a_closing_signature_line(tmp_path: Path):
    """No date at the top; 'am Montag' is read against the release date of the signature at the end."""
    text = ("Besuch aus Tübingen\n\n"
            "Bürgermeister Tim Salewski begrüßte am Montag eine Delegation aus Tübingen im Rathaus von Aarau.\n\n"
            "Stadtverwaltung Aarau / Pressestelle / 14.03.2024\n")
    nodes, _rels = _read(tmp_path, text)
    ev = next(n for n in nodes.values() if n.label == "Event")
    assert ev.props["date"] == "2024-03-11"


def test_a_country_by_its_common_german_name_is_a_state_not_a_town(tmp_path: Path):
    text = "Kempten. Eine Delegation aus Weißrussland war am Montag zu Gast in Kempten."
    nodes, rels = _read(tmp_path, text)
    assert _visit_pairs(nodes, rels) == {("Weißrussland", "Stadt Kempten")}
    assert not _pairs(nodes, rels, "PARTNERS_WITH")


def test_guests_from_a_partner_town_named_with_its_partners_genitive(tmp_path: Path):
    """'die Delegation aus Kemptens Partnerstadt Aarau': Aarau's people, not Kempten's."""
    text = "Die Mitglieder der Delegation aus Kemptens Partnerstadt Aarau besuchten die Stadtwerke in Kempten."
    nodes, rels = _read(tmp_path, text)
    assert ("Stadt Aarau", "Stadt Kempten") in _visit_pairs(nodes, rels)


def test_the_thanked_host_and_the_thanking_guest(tmp_path: Path):
    """'dankte X Y für die Einladung': X came as a guest, Y invited."""
    text = ("Eine Delegation aus Tübingen war zu Gast in Aarau. Beim Abendessen dankte Bürgermeisterin Lea "
            "Brandstätter dem Stadtrat Ole Brandes und seinen Kollegen für die freundliche Einladung.")
    nodes, rels = _read(tmp_path, text)
    assert {("Lea Brandstätter", "guest"), ("Ole Brandes", "host")} <= _sides(nodes, rels)


def test_an_organisations_seat_is_not_the_story_city(tmp_path: Path):
    """'die Agentur mit Sitz in X' names where an organiser sits, not which city the guests visited."""
    text = ("Eine Delegation aus Japan besuchte die Stadt Aarau. Organisiert wurde die Reise von einer Agentur mit "
            "Sitz in München. Stadtpräsident Ruedi Aeschlimann begrüßte die Gäste.")
    nodes, rels = _read(tmp_path, text)
    assert all(h != "Stadt München" for _g, h in _visit_pairs(nodes, rels))
