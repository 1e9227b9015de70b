"""Press partnerships and memberships, session 7: each phenomenon on a short text of our own (real gazetteer
places, made-up people)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import links as _links, read as _read


def test_a_demonym_names_the_most_populous_town_it_can_stand_for(tmp_path: Path):
    # 'Neunkircher' could be of the small Swiss Neunkirch too; the gazetteer's far larger Neunkirchen is meant
    text = "Neunkirchen. Die Neunkircher Partnerstadt Lychen feiert ein Jubiläum."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Neunkirchen", "Stadt Lychen"})}


def test_a_twinning_word_before_a_person_names_no_town(tmp_path: Path):
    text = "Lychen. Der Beauftragte für Städtepartnerschaften Jonas Beispiel begrüßte die Gäste."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == set()  # not 'Stadt Jona' (a Swiss town) nor 'Stadt Jonas Beispiel'


def test_compass_words_between_are_no_towns(tmp_path: Path):
    text = "Lychen. Der Austausch in der Partnerschaft verlief lange zwischen West und Ost."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == set()


def test_a_plural_county_head_between_two_names_before_the_verb(tmp_path: Path):
    text = "Lüneburg. Im Jahr 2001 wurde die Partnerschaftsurkunde zwischen den Landkreisen Harburg und Uelzen unterzeichnet."
    nodes, rels = _read(tmp_path, text)
    pairs = _links(nodes, rels)
    assert frozenset({"Landkreis Harburg", "Landkreis Uelzen"}) in pairs
    assert not any(n.startswith("Landkreisen") for pair in pairs for n in pair)


def test_a_country_in_capitals_opening_a_line_is_no_dateline_town(tmp_path: Path):
    from stakegraph.importers.press.places import dateline_place
    assert dateline_place("USA, Polen und Borken – drei Reisen in einem Sommer") is None
    assert dateline_place("ULM – Der Gemeinderat tagt am Montag.") == "Ulm"


def test_a_noun_after_an_indefinite_article_is_no_demonym(tmp_path: Path):
    from stakegraph.importers.press.places import collect_places
    # 'Feier' would be the demonym of a Chinese 'Fei'; 'einer Feier eingeladen' is the noun
    assert "Fei" not in collect_places("Der Verein hatte zu einer Feier eingeladen, danach ging es nach Hause.")
    assert "Hanau" in collect_places("Sie arbeitet bei einer Hanauer Firma.")


def test_a_town_named_after_its_region_with_where_it_lies_is_a_place(tmp_path: Path):
    from stakegraph.importers.press.places import is_place_word
    assert is_place_word("Brandenburg an der Havel")
    assert not is_place_word("Brandenburg")


def test_a_partner_county_word_links_counties_on_both_sides(tmp_path: Path):
    # the genitive 'Partnerlandkreises' is a twinning word too; a county's partner is a county, not the town Steinfurt
    text = "Görlitz. Der Landkreis Görlitz pflegt seit 1990 Kontakte. Vertreter des Partnerlandkreises Steinfurt kamen nach Zittau."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Landkreis Görlitz", "Landkreis Steinfurt"})}


def test_a_partner_county_word_in_a_town_story_without_a_county_names_no_pair(tmp_path: Path):
    text = "Görlitz. Im Landratsamt wurden Gäste aus dem Partnerkreis Steinfurt begrüßt. Man sprach über Schulen."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Görlitz", "Landkreis Steinfurt"}) not in _links(nodes, rels)


def test_a_partner_county_the_story_is_read_as_belongs_to_the_other_county(tmp_path: Path):
    # the story reads as Lubań's (the visit's host); the one other county it names is the partner's owner
    text = ("Besuch im polnischen Partnerlandkreis Lubań\n\nIm Mai reiste eine Delegation des Landkreises Görlitz nach Polen. "
            "Im Landkreis Lubań besuchte sie zwei Schulen und den Landkreis Lubań.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Landkreis Görlitz", "Landkreis Lubań"}) in _links(nodes, rels)


def test_a_former_body_is_no_partner(tmp_path: Path):
    text = ("Görlitz. Die Partnerschaft zwischen dem damaligen Kreis Löbau und dem Kreis Steinfurt begann 1990. "
            "Heute pflegt der Landkreis Görlitz die Kontakte.")
    nodes, rels = _read(tmp_path, text)
    pairs = _links(nodes, rels)
    assert not any("Löbau" in n for pair in pairs for n in pair)


def test_a_country_adjective_before_the_body_word_of_a_partner(tmp_path: Path):
    cases = ["Lychen. Seit 1992 ist Lychen mit der polnischen Stadt Pasłęk partnerschaftlich verbunden.",
             "Lychen. Der Stadtrat sprach über die Städtepartnerschaft mit der polnischen Stadt Pasłęk.",
             "Lychen. Die Stadt Lychen und die ungarische Gemeinde Mórahalom feiern 25 Jahre Städtepartnerschaft."]
    for text in cases:
        nodes, rels = _read(tmp_path, text)
        partner = "Gemeinde Mórahalom" if "Mórahalom" in text else "Stadt Pasłęk"
        assert _links(nodes, rels) == {frozenset({"Stadt Lychen", partner})}, text


def test_a_solidarity_partnership_and_a_twinned_town(tmp_path: Path):
    cases = {"Lychen. Die Solidaritätspartnerschaft mit der ukrainischen Stadt Irpin soll vertieft werden.": "Stadt Irpin",
             "Lychen. Die Stadt Lychen ist seit 1995 mit der Stadt Sulęcin verschwistert.": "Stadt Sulęcin"}
    for text, partner in cases.items():
        nodes, rels = _read(tmp_path, text)
        assert _links(nodes, rels) == {frozenset({"Stadt Lychen", partner})}, text


def test_pairs_by_copula_with_kind_words_agreement_participle_and_verb_first(tmp_path: Path):
    cases = ["Brixen. Die Gemeinde Brixen und die Stadt Regensburg sind seit 1969 Partnerstädte.",
             "Brixen. Die Partnerschaft mit der bayerischen Stadt Regensburg besteht seit 1969.",
             "Brixen. Die Gemeinde Brixen und die Stadt Regensburg haben eine Kooperationsvereinbarung geschlossen.",
             "Brixen. Seit 1969 verbindet Brixen und Regensburg eine Städtepartnerschaft."]
    for text in cases:
        nodes, rels = _read(tmp_path, text)
        pairs = {frozenset(n.split(" ", 1)[1] for n in pair) for pair in _links(nodes, rels)}
        assert pairs == {frozenset({"Brixen", "Regensburg"})}, text


def test_a_genitive_owner_before_the_twinning_word_a_friends_circle_and_a_friendship_with_a_town(tmp_path: Path):
    cases = ["Lychen. Sulęcin ist seit 1995 Lychens Partnerstadt.",
             "Lychen. Der Freundeskreis Lychen–Sulęcin lädt zum Sommerfest ein.",
             "Lychen. Die Gemeinde Lychen pflegt eine Freundschaft mit der Stadt Sulęcin."]
    for text in cases:
        nodes, rels = _read(tmp_path, text)
        pairs = {frozenset(n.split(" ", 1)[1] for n in pair) for pair in _links(nodes, rels)}
        assert pairs == {frozenset({"Lychen", "Sulęcin"})}, text


def test_a_friendship_with_the_people_of_a_town_is_no_partnership(tmp_path: Path):
    text = "Lychen. Die Gäste wollten die Freundschaft mit den Lychenerinnen und Lychenern pflegen."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == set()


def test_a_partner_region_of_a_county_official_and_foreign_county_kinds_in_a_copula_pair(tmp_path: Path):
    text = "Templin. Landrätin Erna Beispiel sprach im Landkreis Uckermark über die ungarische Partnerregion Baranya."
    nodes, rels = _read(tmp_path, text)
    assert {frozenset(n.split(" ", 1)[1] for n in pair) for pair in _links(nodes, rels)} == {frozenset({"Uckermark", "Baranya"})}
    text = "Templin. Der Landkreis Uckermark und das ungarische Komitat Baranya sind seit 1998 Partner."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Landkreis Uckermark", "Komitat Baranya"})}


def test_memberships_by_a_bare_head_with_genitive_words_a_verb_final_join_and_member_towns(tmp_path: Path):
    cases = {"Lychen. Die Stadtwerke Lychen sind Mitglied im Verband kommunaler Unternehmen.":
                 ("Stadtwerke Lychen", "Verband kommunaler Unternehmen"),
             "Lychen. Der Stadtrat beschloss, dass die Stadt Lychen dem Klima-Bündnis beitritt.": ("Stadt Lychen", "Klima-Bündnis"),
             "Lychen. Lychen ist eine von 30 Mitgliedskommunen des Netzwerks Kleine Städte.": ("Stadt Lychen", "Netzwerk Kleine Städte")}
    for text, want in cases.items():
        nodes, rels = _read(tmp_path, text)
        assert frozenset(want) in _links(nodes, rels), text


def test_a_listed_town_ending_like_a_demonym_is_the_town_and_a_demonym_before_its_noun_is_none(tmp_path: Path):
    text = "Lychen. Zu Gast waren Delegationen aus den Partnerstädten Kaltern und Sterzing."
    nodes, rels = _read(tmp_path, text)
    assert {"Stadt Kaltern", "Stadt Sterzing"} <= {n for pair in _links(nodes, rels) for n in pair}  # not 'Stadt Kalt'
    text = "Lychen. Ein Blick auf die Städtepartnerschaften von Berner und Solothurner Gemeinden."
    nodes, rels = _read(tmp_path, text)
    assert not any("Bern" in n or "Solothurn" in n for pair in _links(nodes, rels) for n in pair)


def test_a_foreign_region_is_no_owner_of_a_partner_town(tmp_path: Path):
    text = "Lychen. Gäste aus der Südtiroler Partnergemeinde Kaltern besuchten am Sonntag das Stadtfest."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Lychen", "Gemeinde Kaltern"}) in _links(nodes, rels)


def test_a_czech_town_name_with_nad_is_one_partner(tmp_path: Path):
    text = "Lychen. Gäste aus der tschechischen Partnerstadt Ústí nad Orlicí wurden im Rathaus begrüßt."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Ústí nad Orlicí"})}


def test_each_visit_of_a_twinning_story_whose_guests_a_twinning_sentence_names(tmp_path: Path):
    text = ("Städtepartnerschaften: Gäste aus Sulęcin und Mirecourt in Lychen\n\nLychen. Am Freitag empfing Bürgermeisterin "
            "Anna Beispiel eine Delegation aus Sulęcin im Rathaus. Am Samstag empfing sie eine Delegation aus Mirecourt.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Sulęcin"}), frozenset({"Stadt Lychen", "Stadt Mirecourt"})}


def test_a_plural_twinning_word_lists_towns_the_gazetteer_does_not_know(tmp_path: Path):
    text = "Lychen. Die Städtepartnerschaften mit Kaltern und Sterzing bestehen seit 1990."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Kaltern"}), frozenset({"Stadt Lychen", "Stadt Sterzing"})}


def test_more_twinning_words_singular_sister_towns_documents_and_districts(tmp_path: Path):
    cases = {"Lychen. Die Schwesterstadt Mirecourt schickte eine Abordnung.": "Stadt Mirecourt",
             "Lychen. Die Partnerschaftsurkunde mit Mirecourt wurde 1995 unterzeichnet.": "Stadt Mirecourt",
             "Lychen. Die Freundschaftsvereinbarung mit der Stadt Mirecourt gilt seit 1995.": "Stadt Mirecourt"}
    for text, partner in cases.items():
        nodes, rels = _read(tmp_path, text)
        assert frozenset({"Stadt Lychen", partner}) in _links(nodes, rels), text
