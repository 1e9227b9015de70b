"""Person names in press text, each phenomenon on a short text of our own: initials, short surnames
that end like nouns, an honorific opening the next name, partners in a list, genitives, and noun
phrases that only look like names."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records
from stakegraph.importers.press.lexicon import LEX
from stakegraph.importers.press.names import clean_name


def _persons(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    return {r.name for r in doc_records(path, ImportContext()) if isinstance(r, Node) and r.label == "Person"}


def test_a_middle_initial_is_part_of_the_name_and_ends_no_sentence(tmp_path: Path):
    found = _persons(tmp_path, "Für den Haushalt ist Stadtkämmerer Jörg K. Wendland (SPD) zuständig. "
                               "Es sprach der Ortsvorsteher Maria T. Hellwig.")
    assert {"Jörg K. Wendland", "Maria T. Hellwig"} <= found


def test_a_short_surname_ending_like_a_noun_is_a_surname():
    assert clean_name("Oberbürgermeister Lothar Jung", set()) == "Lothar Jung"
    assert clean_name("Frau Darstellung", set()) is None


def test_an_honorific_opens_the_next_name(tmp_path: Path):
    assert clean_name("Landrat Udo Brennecke Dr", set()) == "Udo Brennecke"
    found = _persons(tmp_path, "Nun betraute Landrat Udo Brennecke Dr. Ilse Marwitz mit dem Ressort Umwelt.")
    assert "Udo Brennecke" in found and "Udo Brennecke Dr" not in found


def test_a_name_joined_to_a_person_is_a_person_without_a_known_first_name(tmp_path: Path):
    found = _persons(tmp_path, "Die Bürgermeister der Städte Zittau und Görlitz, Heiko Rammler und Octavian "
                               "Bescu, stellten den Antrag gemeinsam.")
    assert {"Heiko Rammler", "Octavian Bescu"} <= found
    alone = _persons(tmp_path, "Der Generalkonsul für die Region Mitteldeutschland, Herr Heiko Rammler, kam.")
    assert "Region Mitteldeutschland" not in alone


def test_a_genitive_names_the_same_person(tmp_path: Path):
    found = _persons(tmp_path, "Der Aufsichtsrat wählte Regina Ostmeier zur Vorsitzenden. "
                               "Regina Ostmeiers Vorgänger war Bürgermeister Kai Lindner.")
    assert "Regina Ostmeier" in found and "Regina Ostmeiers" not in found


def test_a_noun_phrase_after_an_article_is_no_person(tmp_path: Path):
    found = _persons(tmp_path, "Köln. Der Botschafter trug sich in das Goldene Buch der Stadt Köln ein.")
    assert "Goldene Buch" not in found


def test_articles_of_other_languages_are_no_first_names(tmp_path: Path):
    assert "La" not in LEX.given and "Van" not in LEX.given
    found = _persons(tmp_path, "Die Gäste fuhren nach La Punt und besuchten die Firma Pelz.")
    assert not found


def test_a_country_in_parentheses_is_not_part_of_the_place_and_a_country_is_no_town():
    from stakegraph.importers.press.lexicon import LEX
    from stakegraph.importers.press.orgs import municipality

    assert LEX.muni_re.search("mit dem Partnerkreis Harju (Estland) seit 1995").group("places") == "Harju"
    assert LEX.muni_re.search("die Stadt Frankfurt (Oder) und").group("places") == "Frankfurt (Oder)"
    assert (municipality("Estland").name, municipality("Estland").kind) == ("Estland", "government")
    assert municipality("Luzern").name == "Stadt Luzern"  # a canton's name that is also a town's


def test_saints_places_are_known_both_ways():
    from stakegraph.importers.press.places import known_place

    assert known_place("St. Gallen") and known_place("Sankt Gallen") and known_place("St. Pölten")


def test_organisation_names_stop_before_an_honorific_and_drop_a_descriptor():
    from stakegraph.importers.press.orgs import OrgM, find_orgs

    assert OrgM("Hochschulrat Prof. Dr. Ina Weller", "other").name == "Hochschulrat"
    assert OrgM("Dr. Brenner Werke GmbH", "company").name == "Dr. Brenner Werke GmbH"
    found = [o.name for o in find_orgs("Sie wird vom Anteilseigner Rheinwasser AG gestellt.", set())]
    assert found == ["Rheinwasser AG"]


def test_a_town_named_like_a_noun_the_text_uses_is_no_place_after_a_weak_cue():
    from stakegraph.importers.press.places import collect_places

    text = "Das Wissen der Forschung zählt. Die Zusammenarbeit gilt Kultur und Wissen. Gäste kamen aus Hagen."
    assert collect_places(text) == {"Hagen"}
    assert "Wissen" in collect_places("Die Delegation fuhr nach Wissen. Das Wissen zählt.")  # a strong cue


def test_a_hyphenated_place_may_join_a_saints_name():
    from stakegraph.importers.press.lexicon import LEX

    assert LEX.muni_re.search("die Gemeinde Oberdorf-St. Martin lädt ein").group("places") == "Oberdorf-St. Martin"


def test_a_head_word_closing_a_hyphenated_name_keeps_the_name():
    from stakegraph.importers.press.orgs import find_orgs

    found = [o.name for o in find_orgs("Sie leitet das Karl-von-Brenner-Institut für Bodenkunde.", set())]
    assert found == ["Karl-von-Brenner-Institut für Bodenkunde"]


def test_run_opening_with_an_inflected_isch_adjective_is_no_person() -> None:
    # 'den Deutsch-Finnischen Kulturfond, den …': a body's name read as a capitalized run
    assert clean_name("Deutsch-Finnischen Kulturfond", set()) is None
    assert clean_name("Bayerischen Landesamtes Nordhessen", set()) is None
    assert clean_name("Deutsch-Finnischen Vereins Anna Korpela", set()) == "Anna Korpela"


def test_a_body_in_the_genitive_in_a_list_of_names_is_no_person(tmp_path: Path):
    """'der Leiter des Fachbereichs Bauen, Olaf Brinkmann, …': the genitive body noun opens no person's name."""
    assert clean_name("Fachbereichs Bauen", set()) is None and clean_name("Referates Verkehr", set()) is None
    text = ("Aus Kempten kamen der Leiter des Fachbereichs Bauen, Olaf Brinkmann, Ida Wendel vom Stadtmarketing "
            "und Kurt Hassler.\n")
    assert "Fachbereichs Bauen" not in _persons(tmp_path, text)


def test_a_year_ends_a_sentence_an_ordinal_does_not(tmp_path: Path):
    """'…, 4. Mai 2024. Aus der Partnerstadt X kamen …': the dateline's year ends it, so the next sentence opens on
    its origin and the titled guests are the partner town's."""
    from stakegraph.importers.press.text import sentences

    text = "Kempten, 4. Mai 2024. Aus der Partnerstadt Deventer kamen Bürgermeister Luc Feller und Stadträtin Marie Weis."
    assert [s for _o, s in sentences(text)] == ["Kempten, 4. Mai 2024.", text[22:]]
    assert len(sentences("Am 3. Oktober kam der 2. Bürgermeister.")) == 1
    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    recs = doc_records(path, ImportContext())
    assert any(getattr(r, "type", None) == "HOLDS_ROLE" and r.target == "organization:stadt-deventer" for r in recs)
