"""The story's own place: which of the places a press story names is its home (the side whose officials
speak), and place mentions themselves. Invented sentences, real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.places import collect_places, is_place_word

from tests.press_text import story_city as _city


def test_a_host_named_as_the_partner_town_is_not_the_home(tmp_path: Path):
    text = ("Eine Delegation aus Aalen besuchte am Wochenende die ungarische Partnerstadt Tatabánya.\n"
            "In Tatabánya empfing der Bürgermeister die Gäste im Rathaus. Tatabánya zeigte sein Bergbaumuseum.\n")
    assert _city(tmp_path, text) == "Aalen"


def test_a_host_of_unnamed_guests_is_the_home_only_when_no_place_is_named_more(tmp_path: Path):
    text = ("Die Aarauer Stadtpräsidentin Vera Imhof war eine Woche in Sizilien unterwegs.\n"
            "In Palermo wurde sie von der Stadtregierung empfangen.\n"
            "Aarau und die sizilianische Stadt tauschen sich seit Jahren über Kultur aus. "
            "Nach ihrer Rückkehr berichtete sie dem Stadtrat von Aarau.\n")
    assert _city(tmp_path, text) == "Aarau"
    inbound = ("Bei seinem Besuch in Palermo trug sich der Bürgermeister der Partnerstadt Aarau, Kurt Imhof, "
               "in das Goldene Buch ein.\n"
               "Aarau zeigte sich dankbar. Aarau lädt zum Gegenbesuch.\n")
    assert _city(tmp_path, inbound) == "Palermo"


def test_a_place_inside_a_longer_place_name_is_not_counted_on_its_own(tmp_path: Path):
    text = ("Der Gemeindevorstand von St. Moritz hat eine neue Leiterin der Bauverwaltung gewählt.\n"
            "Sie arbeitete zuvor in Chur. St. Moritz freut sich auf die Zusammenarbeit.\n")
    assert _city(tmp_path, text) == "St. Moritz"


def test_a_host_placed_abroad_by_a_lands_adjective_is_not_the_home(tmp_path: Path):
    text = ("Eine Aalener Delegation hat Gespräche im polnischen Opole geführt.\n"
            "Die Stadt Opole baut ein Jugendzentrum. Der Bürgermeister von Opole zeigte das Museum.\n")
    assert _city(tmp_path, text) == "Aalen"


def test_a_compound_noun_with_a_joining_s_is_no_place_unless_the_gazetteer_knows_it(tmp_path: Path):
    assert not is_place_word("Mehrheitsträger") and not is_place_word("Wohnungsgeber")
    assert is_place_word("Kühlungsborn")
    text = "Mit 60 Prozent ist die Stadt Mehrheitsträger an der Bädergesellschaft.\n"
    assert _city(tmp_path, text) is None


def test_a_first_name_after_a_town_head_is_a_person_not_a_town():
    text = "Der Bürgermeister der Partnerstadt Klaus Berger, kam mit seiner Frau nach Aalen."
    assert "Klaus" not in collect_places(text)
    assert "Klaus" in collect_places("Die Gemeinde Klaus liegt im Vorarlberg.")


def test_a_demonym_finds_its_town_with_the_ending_it_dropped_when_the_gazetteer_lacks_it():
    text = "Das Birkenseer Stadtoberhaupt lud ein. Birkensee und Opole feiern ihre Partnerschaft."
    assert "Birkensee" in collect_places(text)
    assert "Deutsche" not in collect_places("Der Deutsche Städtetag und der Deutscher Landkreistag tagten.")


def test_a_trip_of_unnamed_travellers_yields_to_a_later_reception_for_the_home(tmp_path: Path):
    text = ("Am Montag reiste Bürgermeisterin Vera Imhof nach Opole.\n"
            "Opole feierte sein Stadtfest. Die Stadt Opole zeigte ihr neues Theater.\n"
            "Zwei Tage später begrüßte Bürgermeisterin Vera Imhof eine Delegation aus Opole in Aalen.\n")
    assert _city(tmp_path, text) == "Aalen"


def test_a_demonym_with_an_umlaut_names_its_town(tmp_path: Path):
    assert "Münnerstadt" in collect_places("Der Münnerstädter Stadtrat beschloss einen neuen Radweg.")
    text = ("Mit knapper Mehrheit beschloss der Stadtrat einen neuen Radweg.\n"
            "Die Münnerstädter Radlerinnen freuen sich über die Entscheidung.\n")
    assert _city(tmp_path, text) == "Münnerstadt"


def test_guests_named_by_their_country_first_still_leave_their_town_out_of_the_home(tmp_path: Path):
    text = ("Delegation aus Polen zu Besuch bei den Stadtwerken\n"
            "Wie die Stadtwerke Aalen arbeiten, haben die Mitglieder der Delegation aus Opole bei einem Rundgang erfahren.\n"
            "Opole will nun selbst ein Blockheizkraftwerk bauen.\n")
    assert _city(tmp_path, text) == "Aalen"


def test_a_person_in_a_list_of_places_is_no_town(tmp_path: Path):
    """A hyphenated first name ends a list of places as a plain one does, and 'first name + name' is no place's name
    unless the gazetteer knows it: the mayors' names before their towns in brackets are persons, not partner towns."""
    visit = ("Zum Stadtfest kam der Oberbürgermeister der Partnerstadt Gera, Karl-Heinz Obermüller, nach Kempten. "
             "Er wurde im Rathaus empfangen.\n")
    assert "Karl-Heinz" not in collect_places(visit)
    assert _city(tmp_path, visit) == "Kempten"
    assert not is_place_word("Giacomo Ferrante") and not is_place_word("Anna-Lena Maurer")
    assert is_place_word("Maria Enzersdorf") and is_place_word("Lindau")


def test_a_demonym_whose_base_the_text_uses_as_a_noun_names_no_town(tmp_path: Path):
    """'die Bergbahner' beside 'der Bergbahn': the base is a noun with an article, no town the gazetteer knows."""
    text = ("Kempten. Am Samstag öffnet das Museum der Bergbahn seine Türen. "
            "Ehemalige Bergbahner führen die Besucher durch die Hallen.\n")
    assert "Bergbahn" not in collect_places(text)


def test_small_partner_towns_abroad_are_known_and_common_words_are_not(tmp_path: Path):
    """The gazetteer holds the partner countries' small towns ('Haapsalu', 'Kcynia', 'Porcia'), but none named like a
    common German word ('Schulen', 'Recht' are villages too): an apposition 'Bürgermeister in X' then binds."""
    from stakegraph.importers.press.places import known_place
    from tests.press_text import roles

    assert all(known_place(p, 1000) for p in ("Haapsalu", "Kcynia", "Porcia"))
    assert not known_place("Schulen", 0) and not known_place("Recht", 0)
    text = "Lindau. Auch Liis Tamm, Bürgermeisterin in Haapsalu, reiste zum Sommerfest an.\n"
    assert ("Liis Tamm", "Stadt Haapsalu") in roles(tmp_path, text)
