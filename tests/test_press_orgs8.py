"""Organization recognition of the press importer (session 8): invented sentences, real gazetteer places."""

from stakegraph.importers.press.orgs import find_orgs


def _names(text: str, places: set[str] | None = None) -> list[str]:
    return [o.name for o in find_orgs(text, places or set())]


def test_municipal_umbrella_association_named_after_its_state() -> None:
    assert _names("Die Vorsitzende des Landkreistages Sachsen-Anhalt, Marta Quist, sprach.") == ["Landkreistag Sachsen-Anhalt"]
    found = find_orgs("Er wurde in den Vorstand des Städte- und Gemeindebundes Brandenburg gewählt.", set())
    assert [o.name for o in found] == ["Städte- und Gemeindebund Brandenburg"]


def test_national_association_with_its_region_and_a_circle_of_friends() -> None:
    assert _names("im Namen des Deutsch-Italienischen Zentrums Hessen gratulierte") == ["Deutsch-Italienisches Zentrum Hessen"]
    assert _names("dankte dem Deutsch-Polnischen Freundeskreis für die Hilfe") == ["Deutsch-Polnischer Freundeskreis"]


def test_compound_body_after_a_french_town_with_a_particle() -> None:
    found = _names("Lea Morel, Vorsitzende des Partnerschaftskomitees Châlons-en-Champagne, kam.", {"Châlons-en-Champagne"})
    assert found == ["Partnerschaftskomitee Châlons-en-Champagne"]


def test_french_twinning_committee() -> None:
    assert _names("Sie dankte dem Comité de Jumelage für den Empfang.") == ["Comité de Jumelage"]
    found = find_orgs("Die Präsidentin des Comité de Jumelage de Valence lud ein.", {"Valence"})
    assert [o.name for o in found] == ["Comité de Jumelage Valence"] and "Comité de Jumelage" in found[0].aliases


def test_association_named_by_its_purpose() -> None:
    found = find_orgs("Vorsitzender des Vereins für Heimatpflege und Geschichte Neuhafen, Otto Brems, lud ein.", {"Neuhafen"})
    assert [o.name for o in found] == ["Verein für Heimatpflege und Geschichte Neuhafen"]
    assert "Verein für Heimatpflege und Geschichte" in found[0].aliases
    assert _names("Mitglieder des Vereins für deutsche Sprache und Kultur, Ida Moor und Jan Brok") == ["Verein für deutsche Sprache und Kultur"]


def test_civic_adjective_belongs_to_a_utility_name() -> None:
    found = find_orgs("Geschäftsführer der Städtischen Verkehrsbetriebe Neuhafen ist er seit 2019.", {"Neuhafen"})
    assert [o.name for o in found] == ["Städtische Verkehrsbetriebe Neuhafen"] and "Verkehrsbetriebe Neuhafen" in found[0].aliases
    bare = find_orgs("Chef der Städtischen Verkehrsbetriebe", set())[0]
    assert bare.needs_place and bare.name == "Verkehrsbetriebe"  # the story's utility of that head
    assert "Städtische Verkehrsbetriebe Neuhafen" in bare.with_place("Neuhafen").aliases


def test_office_of_the_administration_named_alone_is_the_story_towns() -> None:
    from stakegraph.importers.press.orgs import org_from_item
    office = org_from_item("Fachbereichs", set(), loose=True)
    assert office is not None and office.kind == "unit" and office.needs_place and office.name == "Fachbereich"
    bound = office.with_place("Neuhafen")
    assert bound.place == "Neuhafen" and bound.kind == "unit"
    council = org_from_item("Stadtrats", set(), loose=True)
    assert council is None or council.kind != "unit"  # a council is an organ, not an office


def test_neighbouring_countries_parties_after_a_name() -> None:
    from stakegraph.importers.press.role_context import party_of
    assert party_of("LSAP") == "LSAP" and party_of("ProDG, 47") == "ProDG" and party_of("cdH") == "cdH"
    assert party_of("PD") is None  # in Swiss papers a photo credit (press service), no party


def test_place_tail_after_bei_is_no_title_and_place_lists_end_at_an_honorific() -> None:
    import re

    from stakegraph.importers.press.lexicon import LEX
    place = re.compile(LEX.place_name)
    assert place.match("Kaunas bei Bürgermeister Ott").group(0) == "Kaunas"  # a visit to a person, no 'X bei Y'
    assert place.match("Neumarkt bei Regensburg").group(0) == "Neumarkt bei Regensburg"
    found = _names("Gäste aus dem Département Vendée, Monsieur Luc Morin, kamen.")
    assert found == ["Département Vendée"]


def test_county_named_by_an_adjective_and_a_noun() -> None:
    found = find_orgs("Aus dem Landkreis Sächsische Schweiz-Osterzgebirge kam Lene Graf.", set())
    assert [(o.name, o.kind, o.place) for o in found] == [
        ("Landkreis Sächsische Schweiz-Osterzgebirge", "municipality", "Sächsische Schweiz-Osterzgebirge")]
    assert _names("Der Kreis Südliche Weinstraße grüßt.") == ["Kreis Südliche Weinstraße"]


def test_administrative_associations_of_municipalities() -> None:
    found = find_orgs("Sie arbeitet für die Verwaltungsgemeinschaft Triptis und die Stadt Gera.", set())
    assert [(o.name, o.kind) for o in found][:1] == [("Verwaltungsgemeinschaft Triptis", "municipality")]
    assert _names("der Vorsitzende des Gemeindeverwaltungsverbandes Winnenden") == ["Gemeindeverwaltungsverband Winnenden"]


def test_group_nouns_after_aus_name_no_place() -> None:
    from stakegraph.importers.press.places import is_place_word
    # 'Eine Delegation aus Mitgliedern des Rates', 'Gäste aus der Landesmetropole': who came, not from where
    assert not any(is_place_word(w) for w in ("Mitgliedern", "Vertretern", "Landesmetropole", "Partnerkreise"))
    assert is_place_word("Arezzo")


def test_french_honorifics_and_kinds_of_towns_name_no_place() -> None:
    from stakegraph.importers.press.lexicon import LEX
    from stakegraph.importers.press.places import is_place_word
    assert {"Monsieur", "Madame"} <= set(LEX.honorifics)  # 'durch Monsieur Luc Morin': an honorific before a name
    # kinds of town ('die Kleinstadt', 'der Bezirksvorort') and 'mit Leben erfüllen' name no town
    assert not any(is_place_word(w) for w in ("Kleinstadt", "Bezirksvorort", "Leben"))


def test_a_purpose_named_association_ends_before_the_verb() -> None:
    # 'Der Verein für Denkmalpflege sammelte Spenden': the purpose is nouns (and 'und', der/des), never the clause after it
    assert _names("Der Verein für Denkmalpflege sammelte Spenden für die Kirche.") == ["Verein für Denkmalpflege"]
    assert "Verein für Sport" in _names("Sie hofft, dass der Verein für Sport einen Zuschuss erhält.")
    assert "Verein für Heimatkunde und Geschichte" in _names("Er leitet den Verein für Heimatkunde und Geschichte seit Jahren.")


def test_a_hyphenated_partner_head_names_the_body_as_the_closed_form_does():
    """'der Partner-Kreis X', 'die Nachbar-Gemeinde Y' are 'Partnerkreis X', 'Nachbargemeinde Y'."""
    assert [o.name for o in find_orgs("Gäste aus dem Partner-Kreis Elbing", set())] == ["Landkreis Elbing"]
    assert [o.name for o in find_orgs("Besuch in der Nachbar-Gemeinde Lindau", set())] == ["Gemeinde Lindau"]
