"""More organization and place recognition of the press importer (session 7): invented sentences."""

from stakegraph.importers.press.places import collect_places, header_place, is_place_word


def test_demonym_of_a_small_foreign_town_is_no_place() -> None:
    # 'Feier' reads as the demonym of a small town abroad; a noun's stem names no place unless the town is at home
    assert "Fei" not in collect_places("Nach der Feier gingen die Gäste heim.")
    assert "Memmingen" in collect_places("Der Memminger Stadtrat tagte.")


def test_town_list_ends_before_a_first_name_and_surname() -> None:
    places = collect_places("sagte der Bürgermeister der Stadt Ebersbach, Markus Lindner, am Abend.")
    assert "Ebersbach" in places and "Markus" not in places


def test_town_bearing_a_state_name_with_its_river() -> None:
    assert is_place_word("Brandenburg an der Havel")
    assert not is_place_word("Brandenburg")  # the state alone is no town
    assert "Brandenburg an der Havel" in collect_places("Die Gäste kamen nach Brandenburg an der Havel zum Fest.")


def test_location_line_of_a_local_page() -> None:
    assert header_place("Weilheim") == "Weilheim"
    assert header_place("Lokales") is None
    assert header_place("Sachsen") is None  # a state, no town
    assert header_place("Art") is None  # a short page label
    assert "Weilheim" in collect_places("Ein Abend im Rathaus\n\nLokales\nWeilheim\n12.03.2021\n\nDer Rat tagte lange.")


def test_state_by_its_official_name_is_the_country() -> None:
    from stakegraph.importers.press.orgs import find_orgs
    found = find_orgs("Es sprach Mira Holm, Honorarkonsulin des Königreichs von Norwegen, zu den Gästen.", set())
    assert [(o.name, o.kind) for o in found] == [("Norwegen", "government")]
    assert "Königreich Norwegen" in found[0].aliases
    assert [o.name for o in find_orgs("ein Gesandter der Französischen Republik", set())] == ["Frankreich"]


def test_mission_of_a_state_is_a_body_of_that_state() -> None:
    from stakegraph.importers.press.orgs import find_orgs
    for text in ("Die Botschaft der Republik Polen lud ein.", "die Botschaft Polens lud ein", "das polnische Generalkonsulat lud ein"):
        found = find_orgs(text, set())
        assert [o.parent.name if o.parent else None for o in found] == ["Polen"], text
    assert find_orgs("der Botschafter kam", set()) == []  # the title alone names no mission


def test_state_government_named_by_its_adjective() -> None:
    from stakegraph.importers.press.orgs import find_orgs
    found = find_orgs("Dort sprach sie mit dem Staatssekretär des Bayerischen Staatsministeriums für Wohnen und Bau.", set())
    assert [(o.name, o.kind) for o in found] == [("Bayerisches Staatsministerium für Wohnen und Bau", "government")]
    assert [o.name for o in find_orgs("wie das sächsische Umweltministerium mitteilte", set())] == ["Sächsisches Umweltministerium"]
    assert [o.name for o in find_orgs("die Bremische Bürgerschaft tagte", set())] == ["Bremische Bürgerschaft"]
    assert find_orgs("das zuständige Ministerium und der technische Verband", set()) == []  # no state's adjective


def test_party_of_several_words_and_party_groups() -> None:
    from stakegraph.importers.press.orgs import find_orgs
    found = find_orgs("die Sprecherin von Bündnis 90/Die Grünen im Ort", set())
    assert [(o.name, o.kind) for o in found] == [("Bündnis 90/Die Grünen", "party")]
    group = find_orgs("Ute Kern, Vorsitzende der FDP-Stadtratsfraktion, sprach", set())
    assert [(o.name, o.parent.name if o.parent else None) for o in group] == [("FDP-Stadtratsfraktion", "FDP")]
    assert [o.parent.name for o in find_orgs("die Fraktion der SPD stimmte zu", set()) if o.parent] == ["SPD"]


def test_genitive_of_more_body_nouns_in_the_nominative() -> None:
    from stakegraph.importers.press.org_grammar import nominative_noun
    assert nominative_noun("Heimatmuseums") == "Heimatmuseum"
    assert nominative_noun("Jugendparlaments") == "Jugendparlament"
    assert nominative_noun("Sozialausschusses") == "Sozialausschuss"
    assert nominative_noun("Museum") == "Museum"


def test_network_after_a_municipal_plural_is_no_town() -> None:
    places = collect_places("Die Stadt Bielefeld trat dem Städte-Netzwerk bei, wie das Städte Netzwerk mitteilte.")
    assert "Bielefeld" in places and "Netzwerk" not in places
    assert not is_place_word("Partnerschaftsverein")


def test_street_or_building_after_a_town_is_cut() -> None:
    from stakegraph.importers.press.places import known_span
    assert known_span("Neubrandenburg in der Lindenstraße") == "Neubrandenburg"
    assert known_span("Ried im Innkreis") == "Ried im Innkreis"


def test_noun_stem_naming_a_far_city_is_no_demonym() -> None:
    # 'Zimmer' and 'Kaiser' spell demonyms of big cities in Asia: a noun, no place
    assert not ({"Zimme", "Kaisen"} & collect_places("Die Gäste bezogen die Zimmer, die Kaiser Wilhelm einst baute."))


def test_tail_after_a_known_town_that_names_no_place_is_cut() -> None:
    from stakegraph.importers.press.places import known_span
    assert known_span("Weinheim im Süden") == "Weinheim"
    assert known_span("Weinheim im Fokus") == "Weinheim"


def test_run_naming_a_body_without_a_first_name_is_no_person() -> None:
    from stakegraph.importers.press.names import clean_name
    assert clean_name("Neuhafener Feuerwehr", {"Neuhafen"}) is None  # a town's demonym opens it
    assert clean_name("Landesgruppe Bayern", set()) is None  # a body's head, a state at its end
    assert clean_name("Regionalentwicklung Oberland", set()) is None
    assert clean_name("Wynter Boipuso", set()) == "Wynter Boipuso"  # a foreign name stays a person


def test_town_whose_words_read_as_a_name_is_no_person() -> None:
    from stakegraph.importers.press.names import clean_name
    assert clean_name("Santa Catarina", set()) is None  # the gazetteer's town
    assert clean_name("Lena Dorf", {"Lena Dorf"}) is None  # a place of the story
    assert clean_name("Lena Dorfner", set()) == "Lena Dorfner"


def test_kind_of_body_alone_is_no_body_and_town_hall_is_the_town() -> None:
    from stakegraph.importers.press.orgs import org_from_item
    assert org_from_item("VG", set(), loose=True) is None  # 'VG-Chef': which Verbandsgemeinde, the word does not say
    org = org_from_item("Neuhafener Rathaus", {"Neuhafen"}, loose=True)
    assert org is not None and (org.name, org.kind) == ("Stadt Neuhafen", "municipality")


def test_inflected_party_name_is_the_party() -> None:
    from stakegraph.importers.press.orgs import OrgM
    green = OrgM("Grünen", "party")
    assert green.name == "Grüne" and "Die Grünen" in green.aliases
    assert OrgM("Linken", "party").name == "Die Linke"
    assert OrgM("Grünen", "other").name == "Grünen"  # only a party's name


def test_story_town_after_a_full_name_is_no_surname() -> None:
    from stakegraph.importers.press.names import clean_name
    assert clean_name("Helga Berger Neuhafen", {"Neuhafen"}) == "Helga Berger"


def test_quarters_of_the_world_are_no_towns_and_plural_heads_are_singular() -> None:
    from stakegraph.importers.press.orgs import municipality
    assert not is_place_word("Ost") and not is_place_word("Westen")
    assert municipality("Neuhafen", "Landkreisen").name == "Landkreis Neuhafen"
    assert municipality("Neuhafen", "Städten").name == "Stadt Neuhafen"


def test_heading_ending_in_a_municipal_head_names_no_town_on_the_next_line() -> None:
    places = collect_places("Gäste aus den Partnerstädten\n\nAbordnungen kamen zum Fest nach Weilheim.")
    assert "Abordnungen" not in places


def test_coordination_with_an_elided_part_is_one_name() -> None:
    from stakegraph.importers.press.orgs import find_orgs, org_from_item
    found = find_orgs("der Chef der Gas- und Wasserwerke Neuhafen sprach", {"Neuhafen"})
    assert [o.name for o in found] == ["Gas- und Wasserwerke Neuhafen"] and "Wasserwerke Neuhafen" in found[0].aliases
    org = org_from_item("Lugau/Sachsen", {"Lugau"}, loose=True)
    assert org is not None and org.name == "Stadt Lugau"  # the town, its state only telling it apart


def test_common_words_shaped_like_demonyms_name_no_place() -> None:
    places = collect_places("Leider regnete es. Den Bürgern gefiel das Fest trotzdem. Der Memminger Rat tagte.")
    assert "Memmingen" in places and not ({"Leiden", "Burg"} & places)


def test_kind_of_body_noun_alone_is_no_name() -> None:
    from stakegraph.importers.press.orgs import org_from_item
    assert org_from_item("Partnerschaftskomitee", set(), loose=True) is None  # which committee, the word does not say
    assert org_from_item("Stadtparlaments", set(), loose=True) is None
    named = org_from_item("Partnerschaftskomitee Neuhafen", {"Neuhafen"}, loose=True)
    assert named is not None and named.name == "Partnerschaftskomitee Neuhafen"
