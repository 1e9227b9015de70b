"""Organization recognition of the press importer (``importers/press/orgs.py``): invented sentences."""

from stakegraph.importers.press.orgs import find_orgs


def _names(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, set())]


def test_compound_body_noun_with_its_place() -> None:
    # a compound head noun of an association or public body, then the place it is named after
    assert "Heimatverein Mindelheim" in _names("Gerda Pohl vom Heimatverein Mindelheim begrüßte die Gäste.")
    assert "Zweckverband Saarbrücken" in _names("Der Zweckverband Saarbrücken lud ein.")


def test_compound_body_adjective_in_nominative() -> None:
    found = find_orgs("Gäste des Statistischen Landesamtes Sachsen-Anhalt kamen.", set())
    assert [o.name for o in found] == ["Statistisches Landesamt Sachsen-Anhalt"]
    assert found[0].aliases == ["Statistischen Landesamtes Sachsen-Anhalt"]


def test_compound_body_two_places_joined_by_a_dash() -> None:
    assert "Freundschaftsgesellschaft Bayern – Estland" in _names("der Vorsitzende der Freundschaftsgesellschaft Bayern – Estland sprach")


def test_compound_body_needs_a_place_not_a_person() -> None:
    assert _names("der Vorsitzende des Sportvereins Peter Muster sprach") == []
    assert _names("Im Kunstverein Ausstellungen zeigen") == []  # a common noun after it names no place


def test_limited_partnership_with_its_partner_form() -> None:
    found = find_orgs("in der neuen Tochter „Kornfeld GmbH und Co. KG“ arbeiten", set())
    assert [o.name for o in found] == ["Kornfeld GmbH und Co. KG"]
    assert found[0].aliases == ["Kornfeld GmbH & Co. KG"]
    assert [o.name for o in find_orgs("die Haller Bau GmbH & Co. KG baut", set())] == ["Haller Bau GmbH & Co. KG"]


def test_firm_named_after_a_compound_kind_noun() -> None:
    found = find_orgs("der Chef der Beratungsfirma Feldweg Analytics, Tom Berg, sagte", set())
    assert [(o.name, o.kind) for o in found] == [("Feldweg Analytics", "company")]
    assert [o.name for o in find_orgs("den Gasversorger NORDGAS geleitet", set())] == ["NORDGAS"]
    assert find_orgs("das Familienunternehmen Anna Muster", set()) == []  # a person's name after it


def test_national_adjective_before_more_body_heads() -> None:
    # the adjective of a nation or region before a fund, parliament, youth office or academy, in the nominative
    assert _names("Lea Korn vom Deutsch-Finnischen Bürgerfonds kam") == ["Deutsch-Finnischer Bürgerfonds"]
    assert [(o.name, o.kind) for o in find_orgs("im Hessischen Landtag sprach", set())] == [("Hessischer Landtag", "government")]
    assert _names("des Deutsch-Tschechischen Jugendwerks") == ["Deutsch-Tschechisches Jugendwerk"]


def test_verbandsgemeinde_abbreviated() -> None:
    found = find_orgs("die Beigeordnete der VG Lahnhöhe-Nord Eva Kurz", set())
    assert [(o.name, o.aliases) for o in found][:1] == [("Verbandsgemeinde Lahnhöhe-Nord", ["VG Lahnhöhe-Nord"])]


def test_place_name_tail_is_no_body_or_idiom() -> None:
    # 'X im Y' is a place only when Y is no organization's head or prepositional idiom
    assert _names("Gäste der Stadt Neuhafen im Landtag in Kiel") == ["Stadt Neuhafen"]
    assert _names("die Stadt Neuhafen im Rahmen der Feier") == ["Stadt Neuhafen"]
    assert _names("im Kreis Neumarkt in der Oberpfalz") == ["Kreis Neumarkt in der Oberpfalz"]


def test_subsidiary_cue_and_a_person_after_the_firm() -> None:
    # 'die Stadtwerke-Tochter X': a firm by what it is; a first name and surname after it end its name
    found = find_orgs("Der Chef der Stadtwerke-Tochter NWB Jonas Feld sagte", set())
    assert [(o.name, o.kind) for o in found if o.name == "NWB"] == [("NWB", "company")]
    assert not [o for o in found if "Jonas" in o.name]


def test_compound_body_of_a_municipality_in_the_genitive() -> None:
    found = find_orgs("der Vorsitzende des Partnerschaftskomitees der Stadt Neuhafen sprach", set())
    assert [(o.name, o.parent and o.parent.name) for o in found] == [("Partnerschaftskomitee", "Stadt Neuhafen")]
    assert found[0].aliases == ["Partnerschaftskomitees der Stadt Neuhafen"]
    assert [o.name for o in find_orgs("des Fördervereins der Stadtwerke", set())] == ["Stadtwerke"]  # no municipality


def test_utility_compounds_with_their_town() -> None:
    assert [(o.name, o.kind) for o in find_orgs("die Elektrizitätswerke Zürich bauen", set())] == [("Elektrizitätswerke Zürich", "utility")]
    found = find_orgs("das Elektrizitätswerk der Stadt Zürich", set())
    assert [(o.name, o.parent and o.parent.name) for o in found] == [("Elektrizitätswerk", "Stadt Zürich")]


def test_merged_town_with_a_prefixed_second_part() -> None:
    assert _names("Gäste der Stadt Eibenau-Bad Lindtal kamen") == ["Stadt Eibenau-Bad Lindtal"]


def test_administration_names_of_a_municipality() -> None:
    # Austrian 'Magistrat X', Berlin 'Bezirksamt X', Swiss 'Einwohnergemeinde X': the municipality, written form kept
    assert [(o.name, o.aliases) for o in find_orgs("der Magistrat Wels teilt mit", set())] == [("Stadt Wels", ["Magistrat Wels"])]
    assert [o.name for o in find_orgs("im Bezirksamt Spandau", set())] == ["Bezirk Spandau"]
    assert [o.name for o in find_orgs("die Einwohnergemeinde Thun", set())] == ["Gemeinde Thun"]


def test_energy_and_singular_utility_names() -> None:
    assert [(o.name, o.kind) for o in find_orgs("Die Energie Graz baut aus", set())] == [("Energie Graz", "utility")]
    assert [o.name for o in find_orgs("Chef des Stadtwerks Amstetten", set())] == ["Stadtwerk Amstetten"]
    assert find_orgs("um Häuser mit Energie Bochum zu versorgen", set()) == []  # energy, not a utility


def test_adjective_and_plural_utility_head() -> None:
    found = find_orgs("Gäste der Industriellen Werke Basel", set())
    assert [(o.name, o.kind) for o in found] == [("Industrielle Werke Basel", "utility")]
    assert find_orgs("die Betriebe Bochum", set()) == []  # the plural head alone names no utility


def test_compound_body_before_its_chairs_name() -> None:
    # a first name that is also a place, with a surname after it: the chair, not the body's place
    found = find_orgs("mit der Vorsitzenden des Partnerschaftsvereins Alexandra Morel", set())
    assert not [o for o in found if "Alexandra" in o.name]
