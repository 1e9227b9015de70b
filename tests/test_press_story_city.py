"""The story's own place when a county's officials tell the story: the county, not the town they name.
Invented sentences, real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import story_city as _city


def test_a_county_whose_landrat_receives_in_its_seat_is_the_home(tmp_path: Path):
    text = ("Gäste aus der Ukraine im Kreishaus\n\n"
            "Landrätin Petra Kellner hat am Montag eine Delegation aus Lwiw im Kreishaus in Schwandorf empfangen.\n"
            "Der Landkreis Schwandorf und die Gäste sprachen über Schulen. Der Kreistag lud die Gruppe zum Abendessen ein.\n")
    assert _city(tmp_path, text) == "Schwandorf"  # seat and county share the name: the town stays
    text2 = ("Gäste aus der Ukraine im Kreishaus\n\n"
             "Landrätin Petra Kellner hat am Montag eine Delegation aus Lwiw im Kreishaus in Wasserburg empfangen.\n"
             "Der Landkreis Rosenheim und die Gäste sprachen über Schulen. Der Kreistag lud die Gruppe ein.\n")
    assert _city(tmp_path, text2) == "Rosenheim"


def test_a_partner_county_tells_no_county_story(tmp_path: Path):
    text = ("Landrat Jens Ober empfing in Weilheim eine Delegation des Partnerkreises Weilheim-Schongau.\n"
            "Der Kreistag lud die Gäste zu einem Empfang ein.\n")
    assert _city(tmp_path, text) != "Weilheim-Schongau"


def test_a_towns_press_office_keeps_the_town_when_a_landrat_visits(tmp_path: Path):
    text = ("Landrätin Petra Kellner vom Landkreis Rosenheim besuchte am Montag Wasserburg.\n"
            "Der Kreistag will das Projekt fördern, sagte die Landrätin.\n"
            "Kontakt: Pressestelle der Stadt Wasserburg\n")
    assert _city(tmp_path, text) == "Wasserburg"


def test_a_host_named_as_the_partner_once_stays_the_partner_later(tmp_path: Path):
    text = ("Unter der Leitung von Stadtpräsidentin Vera Imhof besuchte eine Delegation die Partnerstadt Tatabánya.\n"
            "Dort wurde sie vom Bürgermeister empfangen. Die Gäste aus Aarau besuchten danach in Tatabánya das Bergbaumuseum.\n")
    assert _city(tmp_path, text) == "Aarau"


def test_the_most_named_place_introduced_abroad_is_not_the_home(tmp_path: Path):
    text = ("Pfingsttreffen im französischen Chartres\n\n"
            "Das Treffen der Partnerstädte fand in diesem Jahr im französischen Chartres statt. "
            "Chartres feierte dabei sein Stadtfest. In Chartres spielte abends eine Band aus Aalen.\n"
            "Für Aalen war es das dritte Treffen, die Aalener Musiker spielten in der Kathedrale von Chartres.\n"
            "Aalen lädt im nächsten Jahr ein.\n")
    assert _city(tmp_path, text) == "Aalen"
