"""Press links and utilities, continued (the first part is test_press_links.py): each phenomenon on a short
text of our own (real gazetteer places, made-up people and companies)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import links as _links, read as _read, utilities as _utilities


def test_two_towns_named_as_each_others_partners(tmp_path: Path):
    text = "Olpe. Zum Fest mit den Städtepartnern Lychen und Attendorn kamen viele Gäste, sagte die Bürgermeisterin."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Lychen", "Stadt Attendorn"}) in _links(nodes, rels)


def test_ties_noun_with_its_partners_after_zu(tmp_path: Path):
    text = "Olpe. Der Kreis Olpe unterhält enge Verbindungen zum Landkreis Uckermark und zur Stadt Lychen."
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset({"Kreis Olpe", "Landkreis Uckermark"}) in links and frozenset({"Kreis Olpe", "Stadt Lychen"}) in links


def test_bodies_listed_among_a_named_program(tmp_path: Path):
    text = ("Olpe. Zu den Modellregionen Grünes Dorf der zweiten Runde gehören Olpe, Wenden und Lennestadt. "
            "Dort reisen auch viele Netzwerke Saubere Luft an, zu denen seit Jahren auch Attendorn gehört.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert {frozenset({f"Stadt {p}", "Modellregionen Grünes Dorf"}) for p in ("Olpe", "Wenden", "Lennestadt")} <= links
    assert frozenset({"Stadt Attendorn", "Netzwerke Saubere Luft"}) in links


def test_a_technical_university_after_a_bare_und_keeps_its_full_name(tmp_path: Path):
    text = "Kooperation zwischen Stadt Aachen und Technischer Universität Aachen soll wachsen\n\nAachen. Beide arbeiten zusammen."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Aachen", "Technische Universität Aachen"})}


def test_a_second_headed_utility_after_und_and_a_role_noun_after_stadt(tmp_path: Path):
    text = ("Olpe. Die Stadtwerke Olpe wollen mit anderen Stadtwerken kooperieren, etwa mit den Stadtwerken Attendorn "
            "und Stadtwerken Lennestadt. Auch künftig bleibt die Stadt Alleineigner der Stadtwerke.")
    nodes, _rels = _read(tmp_path, text)
    utilities = _utilities(nodes)
    assert {"Stadtwerke Attendorn", "Stadtwerke Lennestadt"} <= utilities
    assert "Stadtwerke Alleineigner" not in utilities


def test_twinning_stated_by_copula_sentence_initial_zwischen_and_a_dash(tmp_path: Path):
    for text in ("Lychen. Seit 1995 sind Lychen und Attendorn Partnerstädte.",
                 "Lychen. Lychen und Attendorn sind schon seit 1995 Partnerstädte.",
                 "Lychen. Zwischen Lychen und Attendorn besteht seit 1995 eine Städtepartnerschaft.",
                 "Lychen. Die Städtepartnerschaft Lychen–Attendorn wurde 1995 besiegelt."):
        nodes, rels = _read(tmp_path, text)
        assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Attendorn"})}, text


def test_partner_of_by_copula_with_then_sign_and_partner_first(tmp_path: Path):
    cases = {"Lychen. Attendorn ist seit 1995 Partnerstadt von Lychen.": {frozenset({"Stadt Lychen", "Stadt Attendorn"})},
             "Lychen. Die Stadt Lychen hat mit der Stadt Attendorn einen Freundschaftsvertrag geschlossen.":
                 {frozenset({"Stadt Lychen", "Stadt Attendorn"})},
             "Olpe. Gemeinsam mit den Stadtwerken Siegen bauen die Stadtwerke Olpe ein Glasfasernetz.":
                 {frozenset({"Stadtwerke Olpe", "Stadtwerke Siegen"})}}
    for text, want in cases.items():
        nodes, rels = _read(tmp_path, text)
        assert _links(nodes, rels) == want, text


def test_members_of_a_named_union_and_a_separable_joining_verb(tmp_path: Path):
    text = ("Olpe. Mitglieder des Zweckverbands Biggesee sind die Städte Olpe und Attendorn. "
            "Die Gemeinde Wenden tritt dem Zweckverband Biggesee im Januar bei.")
    nodes, rels = _read(tmp_path, text)
    assert {frozenset({p, "Zweckverband Biggesee"}) for p in ("Stadt Olpe", "Stadt Attendorn", "Gemeinde Wenden")} <= _links(nodes, rels)


def test_membership_by_predicate_and_a_slot_after_a_short_cue(tmp_path: Path):
    cases = {"Olpe. Die Stadt Olpe ist Gründungsmitglied des Vereins Digitale Dörfer.": ("Stadt Olpe", "Digitale Dörfer"),
             "Olpe. Die Stadt Olpe ist Teil des Netzwerks Saubere Flüsse.": ("Stadt Olpe", "Netzwerk Saubere Flüsse"),
             "Olpe. Die Stadt Olpe wurde im Mai in das Netzwerk Saubere Flüsse aufgenommen.": ("Stadt Olpe", "Netzwerk Saubere Flüsse"),
             "Olpe. Die Stadt Olpe beteiligt sich am Netzwerk Saubere Flüsse.": ("Stadt Olpe", "Netzwerk Saubere Flüsse"),
             "Olpe. Auch die Städte Attendorn und Lennestadt sind Mitglied im Naturpark-Bündnis.": ("Stadt Attendorn", "Naturpark-Bündnis")}
    for text, pair in cases.items():
        nodes, rels = _read(tmp_path, text)
        assert frozenset(pair) in _links(nodes, rels, "MEMBER_OF"), text
    nodes, rels = _read(tmp_path, "Olpe. Die Stadt Attendorn ist Teil des Kreises Olpe.")
    assert not _links(nodes, rels)


def test_pair_verbs_with_the_subject_after_them_and_schliessen_only_with_an_agreement(tmp_path: Path):
    nodes, rels = _read(tmp_path, "Lychen. Im Jahr 1995 schlossen Lychen und Attendorn einen Partnerschaftsvertrag.")
    assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Attendorn"})}
    nodes, rels = _read(tmp_path, "Olpe. Die Stadt Olpe und die Universität Siegen schließen eine Kooperationsvereinbarung.")
    assert _links(nodes, rels) == {frozenset({"Stadt Olpe", "Universität Siegen"})}
    nodes, rels = _read(tmp_path, "Olpe. Die Stadt Olpe und die Gemeinde Wenden schließen im Winter ihre Freibäder.")
    assert not _links(nodes, rels)


def test_a_union_spanning_or_owning_its_listed_members_and_partner_towns_with_the_home(tmp_path: Path):
    for text in ("Olpe. Die LEADER-Region Sauerland-Süd umfasst die Gemeinden Wenden, Drolshagen und Kirchhundem.",
                 "Olpe. Zur LEADER-Region Sauerland-Süd gehören die Kommunen Wenden, Drolshagen und Kirchhundem."):
        nodes, rels = _read(tmp_path, text)
        assert {frozenset({f"Gemeinde {p}", "LEADER-Region Sauerland-Süd"}) for p in ("Wenden", "Drolshagen", "Kirchhundem")} \
            <= _links(nodes, rels, "MEMBER_OF"), text
    nodes, rels = _read(tmp_path, "Lychen. Die Partnerstädte Lychen und Attendorn feiern ihr Jubiläum.")
    assert _links(nodes, rels) == {frozenset({"Stadt Lychen", "Stadt Attendorn"})}


def test_a_water_union_named_after_its_river_and_a_short_name_before_a_utility(tmp_path: Path):
    text = "Olpe. Der Wasserverband Obere Bigge baut aus. Die SWO Stadtwerke Olpe GmbH hilft dabei."
    nodes, _rels = _read(tmp_path, text)
    assert {"Wasserverband Obere Bigge", "Stadtwerke Olpe"} <= _utilities(nodes)


def test_a_planned_twinning_is_no_twinning_yet(tmp_path: Path):
    text = ("Besuch in Olpe\n\nOlpe. Eine Delegation aus Chojnice besuchte am Montag die Stadt Olpe. "
            "Beide Seiten wollen Sondierungen zu einer möglichen Städtepartnerschaft führen.")
    nodes, rels = _read(tmp_path, text)
    assert not _links(nodes, rels)


def test_twinning_by_apposition_colon_connects_and_friendship(tmp_path: Path):
    cases = ["Olpe. Chojnice, die polnische Partnerstadt von Olpe, feiert Jubiläum.",
             "Olpe. In Chojnice, der Partnerstadt Olpes, wurde gefeiert.",
             "Olpe. Die Stadt Olpe hat eine neue Partnerstadt: Chojnice in Polen.",
             "Olpe. Mit Chojnice verbindet Olpe seit 1990 eine Partnerschaft.",
             "Olpe. Die Freundschaft zwischen Olpe und Chojnice besteht seit 1990.",
             "Olpe. Olpe und Chojnice sind seit 1990 freundschaftlich verbunden."]
    for text in cases:
        nodes, rels = _read(tmp_path, text)
        assert _links(nodes, rels) == {frozenset({"Stadt Olpe", "Stadt Chojnice"})}, text


def test_listed_twin_towns_owned_by_the_subject_that_has_them(tmp_path: Path):
    text = "Olpe. Die Stadt Olpe hat drei Partnerstädte: Chojnice (Polen), Lychen und Attendorn."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadt Olpe", f"Stadt {p}"}) for p in ("Chojnice", "Lychen", "Attendorn")}


def test_members_of_a_genitive_and_a_demonym_after_a_twinning_word_are_no_links(tmp_path: Path):
    nodes, rels = _read(tmp_path, "Olpe. Zu einem Treffen mit den Mitgliedern des Städtetags reiste die Stadt Olpe nach Köln.")
    assert not _links(nodes, rels, "MEMBER_OF")
    text = ("Olpe. Die Stadt Olpe besucht ihre Partnerstadt Chojnice. "
            "Ein Vortrag erklärt, was Städtepartnerschaften von Attendorner und Lennestädter Schulen leisten.")
    nodes, rels = _read(tmp_path, text)
    assert not any("Stadt Attendorn" in pair for pair in _links(nodes, rels))


def test_a_city_district_and_an_english_borough_are_bodies(tmp_path: Path):
    text = ("Olpe. 2019 besiegelten die Stadt Olpe und der Stadtbezirk Gulou ihre Freundschaft mit einem Vertrag. "
            "Der Kreis Olpe unterhält enge Verbindungen zum Borough of Pendle in England.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset({"Stadt Olpe", "Stadtbezirk Gulou"}) in links and frozenset({"Kreis Olpe", "Borough of Pendle"}) in links


def test_a_partner_town_beside_the_same_partner_county_is_that_county(tmp_path: Path):
    text = ("Kreis Olpe. Der Landrat bekräftigte die Partnerschaft mit Chojnice. "
            "Die Partnerschaft zwischen dem Kreis Olpe und dem Landkreis Chojnice besteht seit 2001.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Kreis Olpe", "Landkreis Chojnice"})}


def test_a_twin_list_without_its_owner_belongs_to_the_story_town(tmp_path: Path):
    # the list's owner unnamed in its sentence: the story's dateline town; a list with years and countries
    text = ("Besuch im Rathaus\n\nLandshut. Oberbürgermeister Karl Feder begrüßte die Gäste. "
            "Die Zusammenarbeit mit den Partnerstädten Avignon seit 1970, Siena in Italien und Colchester (England) wird ausgebaut.")
    links = _links(*_read(tmp_path, text))
    for town in ("Avignon", "Siena", "Colchester"):
        assert frozenset(("Stadt Landshut", f"Stadt {town}")) in links
    assert frozenset(("Stadt Avignon", "Stadt Siena")) not in links


def test_a_twin_list_owned_by_the_town_named_before_its_colon(tmp_path: Path):
    text = ("Neue Kontakte\n\nMit drei Partnerstädten kann die Stadt Landshut aufwarten: Aue-Bad Schlema, "
            "Villingen-Schwenningen und Bad Ischl.")
    links = _links(*_read(tmp_path, text))
    for town in ("Aue-Bad Schlema", "Villingen-Schwenningen", "Bad Ischl"):
        assert frozenset(("Stadt Landshut", f"Stadt {town}")) in links


def test_a_twinning_word_with_a_list_of_towns_links_each(tmp_path: Path):
    text = ("Feier im Rathaus\n\nLandshut. Die Stadt unterhält Städtepartnerschaften zu Avignon in Frankreich, "
            "Nová Paka in Tschechien und Colchester in England. Sehen so Partnerschaften von Luzerner und Zuger Gemeinden aus?")
    links = _links(*_read(tmp_path, text))
    for town in ("Avignon", "Nová Paka", "Colchester"):
        assert frozenset(("Stadt Landshut", f"Stadt {town}")) in links
    assert not any("Zuger" in name for pair in links for name in pair)


def test_a_demonym_with_a_dropped_e_names_its_gazetteer_town():
    from stakegraph.importers.press.places import adjective_base
    assert adjective_base("Grenchner") == "Grenchen"
    assert adjective_base("Dresdner") == "Dresden"


def test_a_kreis_compound_with_a_linking_en_is_no_county_and_an_abbreviation_is_no_part_of_a_county(tmp_path: Path):
    text = ("Neue Projekte\n\nKreis Viersen. Der Themenkreis der Zusammenarbeit mit dem Partnerkreis Cieszyn wird erweitert. "
            "Gäste aus dem Partnerkreis Cieszyn trafen Vertreter der Wirtschaftsförderung Kreis Viersen (WFG).")
    links = _links(*_read(tmp_path, text))
    assert not any("Themenkreis" in name or "(WFG)" in name for pair in links for name in pair)


def test_a_treaty_of_two_states_is_no_partnership(tmp_path: Path):
    text = ("Feier zum Jahrestag\n\nZum Jahrestag des Vertrags zwischen der Bundesrepublik Deutschland und der Republik "
            "Österreich kamen Gäste nach Passau.")
    assert not _links(*_read(tmp_path, text))


def test_a_visit_guess_whose_side_no_twinning_sentence_names_yields_to_the_stated_twinning(tmp_path: Path):
    text = ("Gäste im Rathaus\n\nGöppingen. Eine Delegation aus Mitteldeutschland war am Montag zu Gast in Göppingen. "
            "Der Landkreis Göppingen hat seine Partnerschaft mit dem Landkreis Mansfeld-Südharz neu begründet.")
    links = _links(*_read(tmp_path, text))
    assert frozenset(("Landkreis Göppingen", "Landkreis Mansfeld-Südharz")) in links
    assert not any("Mitteldeutschland" in name for pair in links for name in pair)


def test_listed_gazetteer_towns_join_a_network_whatever_the_frame(tmp_path: Path):
    # towns the story names only in the member list, multiword and hyphenated ones too
    frames = ("Bad Ischl, Limburg an der Lahn und Aue-Bad Schlema sind Mitglieder des Netzwerks Zukunftsstädte.",
              "Dem Netzwerk Zukunftsstädte gehören Bad Ischl, Limburg an der Lahn und Aue-Bad Schlema an.",
              "Im Netzwerk Zukunftsstädte arbeiten Bad Ischl, Limburg an der Lahn und Aue-Bad Schlema zusammen.")
    for frame in frames:
        links = _links(*_read(tmp_path, "Neues Netzwerk\n\nLandshut. Karl Feder stellte das Projekt vor. " + frame))
        for town in ("Bad Ischl", "Limburg an der Lahn", "Aue-Bad Schlema"):
            assert frozenset((f"Stadt {town}", "Netzwerk Zukunftsstädte")) in links, (frame, links)
        assert not any("Schlema" in n and "Aue" not in n for pair in links for n in pair)


def test_working_together_in_a_room_is_no_membership(tmp_path: Path):
    text = "Neue Räume\n\nIm Rathaus arbeiten Fulda und Gießen künftig eng zusammen."
    assert not _links(*_read(tmp_path, text), "MEMBER_OF")


def test_a_copula_pair_with_a_described_second_town_and_a_partner_of_a_named_owner(tmp_path: Path):
    text = ("Freundschaft\n\nSeit dem Jahr 1995 sind Rostock und die größte Stadt Lettlands, Riga, städtepartnerschaftlich miteinander "
            "verbunden. Gekommen war auch die Bürgermeisterin des Partnerbezirks von Bielefeld, Rotherham, mit ihrem Team.")
    links = _links(*_read(tmp_path, text))
    assert frozenset(("Stadt Rostock", "Stadt Riga")) in links or frozenset(("Hansestadt Rostock", "Stadt Riga")) in links
    assert frozenset(("Stadt Bielefeld", "Stadt Rotherham")) in links


def test_a_partnership_with_the_guessed_city_goes_to_the_most_named_other_town(tmp_path: Path):
    # the story names its partner in every sentence, its own town in the headline and by a demonym
    text = ("Heppenheim hat eine neue Städtepartnerschaft\n\nDie Freundschaft mit Rémelfing wurde am Sonntag besiegelt. "
            "Bürgermeister Paul Kern lobte die Partnerschaft mit Rémelfing. Die Heppenheimer Vereine feierten mit den Gästen aus Rémelfing.")
    links = _links(*_read(tmp_path, text))
    assert frozenset(("Stadt Heppenheim", "Stadt Rémelfing")) in links


def test_a_membership_noun_or_a_seat_is_no_bodys_membership_but_a_named_owner_is(tmp_path: Path):
    head = "Neues aus dem Rathaus\n\nLandshut. Oberbürgermeister Karl Feder stellte das Projekt vor. "
    for sent in ("Die Mitgliedschaft im Verein Heimatfreunde kostet 20 Euro im Jahr.",
                 "Jedes Mitglied des Netzwerks Zukunftsstädte zahlt einen Beitrag.",
                 "Anna Muster, Bürgermeisterin von Freising, ist Mitglied im Verein Klima-Bündnis.",
                 "Der Politiker ist stellvertretendes Mitglied der Parlamentariergruppe Bayern-Tschechien.",
                 "Die Partnerstadt Freising ist ebenfalls Mitglied im Netzwerk."):
        assert not _links(*_read(tmp_path, head + sent), "MEMBER_OF"), sent
    links = _links(*_read(tmp_path, head + "Die Mitgliedschaft der Stadt Freising im Netzwerk Zukunftsstädte wurde verlängert."))
    assert links == {frozenset(("Stadt Freising", "Netzwerk Zukunftsstädte"))}
    links = _links(*_read(tmp_path, head + "Der Stadtrat hat beschlossen, dass Freising Mitglied im Verein Europäische Metropolregion München wird."))
    assert frozenset(("Stadt Freising", "Europäische Metropolregion München")) in links


def test_a_council_voting_for_joining_a_club_named_by_its_own_name(tmp_path: Path):
    text = ("Klimaschutz\n\nMünnerstadt. Mit knapper Mehrheit hat sich der Stadtrat für einen Beitritt zum Verein Klima-Bündnis e.V. "
            "ausgesprochen.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset(("Stadt Münnerstadt", "Klima-Bündnis e.V.")) in _links(nodes, rels)


def test_a_visit_between_two_other_towns_says_nothing_of_a_twinning(tmp_path: Path):
    text = "Gäste\n\nGöppingen. Eine Delegation aus Foggia war am Montag zu Gast in Ulm. Die Partnerschaft ist lebendig."
    assert not _links(*_read(tmp_path, text))


def test_one_utility_head_for_a_list_of_towns_a_supplier_compound_and_a_waste_utility(tmp_path: Path):
    text = ("Neuer Chef\n\nLandshut. Karl Feder hat zuvor die Stadtwerke in Bamberg und Coburg sowie den Berliner Gasversorger "
            "NORDGAS geleitet. Danach war er bei der Stadtreinigung Regensburg.")
    nodes, _rels = _read(tmp_path, text)
    assert {"Stadtwerke Bamberg", "Stadtwerke Coburg", "NORDGAS", "Stadtreinigung Regensburg"} <= _utilities(nodes)


def test_a_coordinated_subject_of_a_pair_frame_and_an_unknown_hyphenated_town_beside_a_known_one(tmp_path: Path):
    head = "Jubiläum\n\nLandshut. Oberbürgermeister Karl Feder begrüßte die Gäste. "
    cases = {"Die Hochschule Landshut und die Universität Avignon pflegen seit 1990 eine Städtepartnerschaft.": ("Hochschule Landshut", "Universität Avignon"),
             "Die Stadtwerke Landshut und die Stadtwerke Freising arbeiten seit Jahren eng zusammen.": ("Stadtwerke Landshut", "Stadtwerke Freising"),
             "Der Landkreis Landshut und der Kreis Pleszew gründen eine gemeinsame Gesellschaft.": ("Landkreis Landshut", "Kreis Pleszew"),
             "Landshut und Cherbourg-Octeville feiern in diesem Jahr ihre 50-jährige Partnerschaft.": ("Stadt Landshut", "Stadt Cherbourg-Octeville")}
    for sent, pair in cases.items():
        assert frozenset(pair) in _links(*_read(tmp_path, head + sent)), sent


def test_a_county_visiting_a_town_says_nothing_of_a_twinning_and_a_reflexive_share_is_no_partner(tmp_path: Path):
    text = "Gäste\n\nGöppingen. Eine Delegation aus dem Landkreis Pleszew war am Montag zu Gast in Göppingen. Die Partnerschaft ist lebendig."
    assert not _links(*_read(tmp_path, text))
    text = "Neues Projekt\n\nLandshut. Karl Feder stellte das Projekt vor. Die Stadt Freising beteiligt sich mit 20.000 Euro."
    assert not _links(*_read(tmp_path, text))


def test_a_membership_in_several_networks_and_networks_named_with_genitive_words(tmp_path: Path):
    head = "Mitgliedschaften\n\nLandshut. Der Stadtrat hat die Mitgliedschaften überprüft. "
    links = _links(*_read(tmp_path, head + "Die Stadt Landshut ist Mitglied im Deutschen Städtetag, im Bayerischen Städtetag und im Klima-Bündnis."))
    for net in ("Deutscher Städtetag", "Bayerischer Städtetag", "Klima-Bündnis"):
        assert frozenset(("Stadt Landshut", net)) in links
    links = _links(*_read(tmp_path, head + "Die Stadt Landshut ist seit 2005 Mitglied der Arbeitsgemeinschaft fahrradfreundlicher Kommunen in Bayern."))
    assert frozenset(("Stadt Landshut", "Arbeitsgemeinschaft fahrradfreundlicher Kommunen in Bayern")) in links
    links = _links(*_read(tmp_path, head + "Die Stadt ist dem Klima-Bündnis im Jahr 2010 beigetreten."))
    assert frozenset(("Stadt Landshut", "Klima-Bündnis")) in links


def test_a_joining_noun_with_its_joiner_a_colon_list_of_networks_and_quoted_or_genitive_names(tmp_path: Path):
    head = "Mitgliedschaften\n\nLandshut. Der Stadtrat hat die Mitgliedschaften überprüft. "
    cases = {"Der Beitritt der Gemeinde Ergolding zum Zweckverband Breitband Niederbayern wurde beschlossen.":
             {("Gemeinde Ergolding", "Zweckverband Breitband Niederbayern")},
             "Die Stadt Landshut ist Mitglied in folgenden Verbänden: Deutscher Städtetag, Bayerischer Städtetag und Klima-Bündnis.":
             {("Stadt Landshut", "Deutscher Städtetag"), ("Stadt Landshut", "Bayerischer Städtetag"), ("Stadt Landshut", "Klima-Bündnis")},
             "Auch die Stadt Landshut gehört zu den Mitgliedern des Klima-Bündnisses.": {("Stadt Landshut", "Klima-Bündnis")},
             "Landshut, Freising und Erding sind Gründungsmitglieder des Vereins Isar-Region.":
             {("Stadt Landshut", "Isar-Region"), ("Stadt Freising", "Isar-Region"), ("Stadt Erding", "Isar-Region")}}
    for sent, pairs in cases.items():
        links = _links(*_read(tmp_path, head + sent))
        assert {frozenset(p) for p in pairs} <= links, (sent, links)


def test_three_sides_after_zwischen_as_a_list_but_two_when_the_clause_goes_on(tmp_path: Path):
    text = ("Kooperation\n\nBremen. Eine Kooperation besteht zwischen der Hochschule Bremen, der Universität Groningen und der "
            "Universität Oldenburg. Aus Anlass der Städtepartnerschaft zwischen Bönnigheim und Neukirch fuhr eine Gruppe mit "
            "Vertretern der Feuerwehr und des Musikvereins Hohenstein in die Oberlausitz.")
    links = _links(*_read(tmp_path, text))
    assert {frozenset(("Hochschule Bremen", "Universität Groningen")), frozenset(("Hochschule Bremen", "Universität Oldenburg")),
            frozenset(("Universität Groningen", "Universität Oldenburg"))} <= links
    assert not any("Musikverein" in n for pair in links for n in pair)


def test_a_name_deep_inside_a_with_object_is_no_partner(tmp_path: Path):
    text = ("Baum gepflanzt\n\nMittweida. Die Stele soll gemeinsam mit einer japanischen Kirsche künftig an das Jubiläum "
            "„10 Jahre Landkreis Mittelsachsen“ erinnern.")
    assert not _links(*_read(tmp_path, text))


def test_a_pair_of_bodies_subject_of_a_later_cue_in_a_dass_clause(tmp_path: Path):
    text = ("Software\n\nLandshut. Feder und Muster vereinbarten, dass die Stadt Landshut und die Stadt Freising künftig bei der "
            "Beschaffung von Software zusammenarbeiten.")
    assert frozenset(("Stadt Landshut", "Stadt Freising")) in _links(*_read(tmp_path, text))


def test_a_county_twin_list_owned_by_the_storys_one_county_and_a_demonym_owned_twin(tmp_path: Path):
    text = ("Zusammenarbeit\n\nKreis Viersen. Die Zusammenarbeit mit den Partnerkreisen Nowy Targ in Polen und Tartu in Estland wird "
            "ausgebaut. Landrat Karl Feder besuchte den Kreis Nowy. Gäste aus der Viersener Partnerstadt Bornheim kamen auch.")
    links = _links(*_read(tmp_path, text))
    assert {frozenset(("Kreis Viersen", "Landkreis Nowy Targ")), frozenset(("Kreis Viersen", "Landkreis Tartu"))} <= links
    assert not any(n.startswith("Partner") for pair in links for n in pair)
