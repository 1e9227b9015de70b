"""Press visits of session 7, round 2: frames of the genre that name a side by something other than a town, each
phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import pairs, read, visits


def test_guests_named_by_their_landscape_are_no_other_visit(tmp_path: Path):
    """'ihre Gäste aus dem Odenwald': a name after an article that no gazetteer knows as a town is the guests'
    landscape, not the town of a second visit."""
    text = ("Lahr, 3. Mai 2022. Eine Delegation der Partnerstadt Kolding weilte am Wochenende in Lahr. Bürgermeister "
            "Karl Weber empfing die Gäste im Rathaus. Dabei informierte die Verwaltung ihre Gäste aus dem Nordwaldgau "
            "über die laufenden Bauprojekte in Lahr.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}


def test_representatives_of_listed_partner_towns_with_one_letter_codes(tmp_path: Path):
    """'hat B Vertreter der Partnergemeinden A1 (D) und A2 (A) empfangen': the genitive plural lists every guest
    body, and a one-letter country code in brackets ('(D)', '(A)') is no part of a town's name."""
    text = ("Lahr, 3. Mai 2022. Zum Stadtfest hat Lahr Vertreter der Partnergemeinden Kolding (D) und "
            "Santa Catarina (A) empfangen.")
    assert pairs(*read(tmp_path, text)) == {("Gemeinde Kolding", "Stadt Lahr"), ("Gemeinde Santa Catarina", "Stadt Lahr")}


def test_delegations_of_unnamed_partner_towns_visit_by_their_heads(tmp_path: Path):
    """'Delegationen aus den drei Partnerstädten' with no town listed: each town abroad whose mayor the story names
    visits the story's town, its mayor leading."""
    text = ("Lahr, 3. Mai 2022. Zum Stadtjubiläum saßen Delegationen aus den drei Partnerstädten am Sonntag mit den "
            "Lahrer Vereinen zusammen. Lena Krüger, Bürgermeisterin von Kolding, dankte für die Einladung.")
    ev = visits(*read(tmp_path, text))
    assert [(v["guest"], v["host"], v["lead"]) for v in ev] == [("Stadt Kolding", "Stadt Lahr", {"Lena Krüger"})]


def test_a_state_secretary_visits_for_his_ministry(tmp_path: Path):
    """'besuchte Staatssekretär X (Niedersächsisches Ministerium für …) das Landratsamt': the ministry the story names
    visits the county it names as where ('im Landkreis A'), the state secretary leading."""
    text = ("Zum Austausch über die Digitalisierung im Landkreis Emsland besuchte Staatssekretär Paul Fenner "
            "(Niedersächsisches Ministerium für Inneres und Sport) das Kreishaus in Meppen. Landrat Otto Bruns "
            "begrüßte den Gast.")
    ev = visits(*read(tmp_path, text))
    assert [(v["guest"], v["host"], v["lead"]) for v in ev] == [
        ("Niedersächsisches Ministerium für Inneres und Sport", "Landkreis Emsland", {"Paul Fenner"})]


def test_members_listed_after_a_received_delegation_are_guests(tmp_path: Path):
    """'empfing der Landkreis B eine Delegation aus A, bestehend aus Bürgermeister X …': the verb's subject is a body,
    so the first person after the delegation word is one of its members, not the one who received it."""
    text = ("Am 4. Mai 2022 empfing der Landkreis Emsland eine Delegation aus dem Partnerkreis Kolding, bestehend aus "
            "Bürgermeister Jens Madsen und der Referentin Mette Lund.")
    ev = visits(*read(tmp_path, text))
    assert [(v["guest"], v["host"], v["people"]) for v in ev] == [
        ("Landkreis Kolding", "Landkreis Emsland", {"Jens Madsen": "guest", "Mette Lund": "guest"})]


def test_a_headline_partner_visited_is_the_host(tmp_path: Path):
    """'Partnerstadt A besucht' ending the sentence: the partner is the participle's object, visited by the story's
    own town, not the guest."""
    text = ("Partnerstadt Kolding besucht\nLahr. Zum Jubiläum der Städtepartnerschaft folgten Oberbürgermeister Karl "
            "Weber und einige Stadträte der Einladung von Bürgermeister Jens Madsen.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Lahr", "Stadt Kolding")}
