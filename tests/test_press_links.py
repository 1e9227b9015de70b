"""Press links between organisations (partnerships, memberships, ownership) and utilities: each phenomenon
on a short text of our own (real gazetteer places, made-up people and companies)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import links as _links, read as _read, utilities as _utilities


def test_a_bare_stadtwerke_takes_the_dateline_town_and_a_utility_is_kept_unlinked(tmp_path: Path):
    text = ("Neuer Chef gesucht\n\nGöppingen. Der Aufsichtsrat der Stadtwerke trifft sich am Montag. "
            "Danach soll der Gemeinderat entscheiden.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Göppingen"}


def test_utility_by_demonym_legal_form_and_two_towns(tmp_path: Path):
    text = ("Die Rosenheimer Stadtwerke bauen ein neues Netz. Die Stadtwerke Rosenheim GmbH investiert dafür "
            "zwei Millionen Euro. Auch die Stadtwerke Ludwigsburg-Kornwestheim sind dabei.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Rosenheim", "Stadtwerke Ludwigsburg-Kornwestheim"}
    assert "Stadtwerke Rosenheim GmbH" in nodes["organization:stadtwerke-rosenheim"].props["aliases"]


def test_a_bare_head_refers_to_the_utility_the_story_names_in_full(tmp_path: Path):
    text = ("Besuch aus Polen\n\nDie Stadtwerke Dietzenbach zeigten den Gästen ihre Anlagen. Geschäftsführer der "
            "Stadtwerke ist Olaf Brenning. Auch die Städtischen Betriebe stellten sich vor.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Dietzenbach", "Städtische Betriebe Dietzenbach"}


def test_a_bare_supply_word_is_no_utility_and_another_town_blocks_the_dateline(tmp_path: Path):
    text = ("Stuttgart - Die Netzfirma Kabelwerk AG kooperiert in Filderstadt mit örtlichen Stadtwerken. "
            "Die Wasserversorgung bleibt davon unberührt.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Stadtwerke Filderstadt"}


def test_a_place_named_with_where_it_lies_is_no_partner_of_itself(tmp_path: Path):
    text = ("Eine Gruppe aus Olpe besuchte die Partnerstadt Lychen in der Uckermark. "
            "In Lychen feierten beide Städte ihre Partnerschaft zum Wohle der Bürger.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset(("Stadt Olpe", "Stadt Lychen")) in links
    assert all(len(pair) == 2 and not any("Uckermark" in n or "Wohle" in n for n in pair) for pair in links)


def test_one_spelling_per_network(tmp_path: Path):
    text = ("Lychen. Im Mai ist die Stadt Lychen dem WaldBündnis beigetreten. Als Mitglied im Wald-Bündnis will "
            "sie jedes Jahr Bäume pflanzen.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {frozenset(("Stadt Lychen", "WaldBündnis"))}


def test_subsidiary_and_share_are_ownership_not_partnership(tmp_path: Path):
    text = ("Die Glasnetz Rheinau GmbH, eine Tochter der Stadtwerke Mannheim, baut das Netz. "
            "Die Stadt Mannheim hält 25,1 Prozent an der Hafenbahn Mannheim GmbH.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "OWNS") == {frozenset(("Stadtwerke Mannheim", "Glasnetz Rheinau GmbH")),
                                           frozenset(("Stadt Mannheim", "Hafenbahn Mannheim GmbH"))}
    assert not _links(nodes, rels)


def test_a_towns_membership_in_a_hyphenated_network_but_not_a_persons_seat(tmp_path: Path):
    text = ("Die Gemeinde Wadgassen ist seit Montag Mitglied im Energie-Netzwerk. "
            "Bürgermeisterin Petra Kallweit ist Mitglied im Aufsichtsrat der Stadtwerke Saarlouis. "
            "Tom Harbusch ist Mitglied im Heimat-Verein.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {frozenset(("Gemeinde Wadgassen", "Energie-Netzwerk"))}


def test_listed_twin_towns_partner_the_lists_owner_never_each_other(tmp_path: Path):
    text = ("Auf dem Markt zeigten sich alle Partnerstädte der Stadt Wetzlar. Die vier Partnerstädte – Avignon "
            "aus Frankreich, Siena (Italien), Colchester und Ilmenau – stellten sich vor. "
            "Weitere Partner-Kreise Zwickaus, den Kreisen Kulmbach und Lörrach, kamen ebenfalls.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    for town in ("Avignon", "Siena", "Colchester", "Ilmenau"):
        assert frozenset(("Stadt Wetzlar", f"Stadt {town}")) in links
    assert frozenset(("Landkreis Zwickau", "Landkreis Kulmbach")) in links
    assert frozenset(("Landkreis Zwickau", "Landkreis Lörrach")) in links
    assert frozenset(("Stadt Avignon", "Stadt Siena")) not in links


def test_a_list_without_its_owner_gives_no_pairs(tmp_path: Path):
    text = "Die Partnerstädte Avignon, Siena und Colchester feiern in diesem Jahr ein Fest."
    nodes, rels = _read(tmp_path, text)
    assert not _links(nodes, rels)


def test_the_town_and_its_uni_without_names_in_a_story_sure_of_its_town(tmp_path: Path):
    text = ("Neuer Vertrag unterschrieben\n\nMit drei gemeinsamen Projekten wollen die Eichstätter Uni und die Stadt "
            "künftig kooperieren. Unterschrieben wurde in Eichstätt.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset(("Stadt Eichstätt", "Universität Eichstätt")) in _links(nodes, rels)


def test_two_heads_presenting_a_cooperation_agreement_make_their_bodies_partners(tmp_path: Path):
    text = ("Jena - Oberbürgermeister Karl Wendeborn und Hochschul-Präsidentin Dr. Ina Falkenrath haben eine "
            "Kooperationsvereinbarung vorgestellt.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset(("Stadt Jena", "Hochschule Jena"))}


def test_counted_partners_are_each_the_subject_towns_and_a_chair_is_no_partner(tmp_path: Path):
    text = ("Vor dem Rathaus in Cestas wurde gefeiert. Cestas verbinden inzwischen 40 Jahre Partnerschaft mit Reinheim sowie "
            "auch 20 mit Tiverton. Bürgermeister Luc Vauthier dankte gemeinsam mit der Vorsitzenden des "
            "Partnerschaftsvereins Claire Dumontel allen Gästen.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset(("Stadt Cestas", "Stadt Reinheim")) in links
    assert frozenset(("Stadt Reinheim", "Stadt Tiverton")) not in links
    assert not any("Dumontel" in n for pair in links for n in pair)


def test_a_partner_town_in_apposition_to_its_owners_genitive(tmp_path: Path):
    text = ("Eine Delegation aus Brilon war in Buckow. Dort trafen die Gäste auch Vertreter der irischen "
            "Partnerstadt Buckows, Kilkenny im Südosten der Insel.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset(("Stadt Buckow", "Stadt Kilkenny")) in _links(nodes, rels)


def test_three_heads_who_signed_make_each_pair_of_their_bodies_partners(tmp_path: Path):
    text = ("Zerbst. Eine Vereinbarung zum Glasfaserausbau haben Landrat Udo Brenken, Dessaus Oberbürgermeisterin "
            "Karla Wiesner und der Bürgermeister der Stadt Zerbst, Olaf Tremmel, am Montag unterzeichnet.")
    nodes, rels = _read(tmp_path, text)
    roles = {(nodes[r.source].name, nodes[r.target].name) for r in rels if r.type == "HOLDS_ROLE"}
    bodies = sorted({b for _p, b in roles})
    links = _links(nodes, rels)
    assert len(bodies) == 3
    assert all(frozenset((a, b)) in links for i, a in enumerate(bodies) for b in bodies[i + 1:])


def test_a_plural_head_shared_by_two_names_and_an_organ_is_no_town(tmp_path: Path):
    text = ("Seit Jahren besteht eine Partnerschaft zwischen den Feuerwehren Velden und Altdorf. "
            "Landrat Ole Fennert reiste mit einer Delegation aus Kreistag und Kreisausschuss in den Partnerlandkreis Görlitz.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset(("Feuerwehr Velden", "Feuerwehr Altdorf")) in links
    assert not any("Kreisausschuss" in n or "Kreistag" in n for pair in links for n in pair)


def test_one_link_per_pair_of_towns_under_their_full_names(tmp_path: Path):
    text = ("Seit 1999 pflegt die Gemeinde Sursee eine Städtepartnerschaft zwischen Sursee und San Benedetto del Tronto. "
            "Diesen Sommer kam eine Gruppe aus der Partnergemeinde San Benedetto nach Sursee.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert len(links) == 1
    (pair,) = links
    assert any(n.endswith("Sursee") for n in pair) and any(n.endswith("San Benedetto del Tronto") for n in pair)


def test_bodies_taking_part_in_or_belonging_to_a_named_network(tmp_path: Path):
    text = ("An der Digitalen Modellregion Nordhessen beteiligen sich die Stadt Kassel, der Landkreis Kassel und "
            "die Gemeinde Fuldatal. Dem Klimanetzwerk Nordhessen gehören die Städte Kassel und Baunatal an. "
            "Die Stadt Vellmar gehört seit 2019 dem Verein Regionalmarketing Nordhessen an.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {
        frozenset(("Stadt Kassel", "Digitale Modellregion Nordhessen")), frozenset(("Landkreis Kassel", "Digitale Modellregion Nordhessen")),
        frozenset(("Gemeinde Fuldatal", "Digitale Modellregion Nordhessen")), frozenset(("Stadt Kassel", "Klimanetzwerk Nordhessen")),
        frozenset(("Stadt Baunatal", "Klimanetzwerk Nordhessen")), frozenset(("Stadt Vellmar", "Regionalmarketing Nordhessen"))}
    # a 'Verein X' is named X, the head-word form kept as an alias
    assert "Verein Regionalmarketing Nordhessen" in next(n.props["aliases"] for n in nodes.values() if n.name == "Regionalmarketing Nordhessen")


def test_persons_on_a_board_and_bodies_at_a_meeting_join_nothing(tmp_path: Path):
    text = ("Der Verein Heimatfreunde Kassel lud ein. Dem Vorstand gehören Anna Kurz und Bernd Lang an. Bürgermeisterin "
            "Eva Sonn gehört dem Verein Heimatfreunde Kassel an. An der Sitzung beteiligten sich die Stadt Kassel und "
            "die Gemeinde Fuldatal. An dem Wettbewerb beteiligen sich die Städte Kassel und Baunatal.")
    nodes, rels = _read(tmp_path, text)
    assert not _links(nodes, rels)


def test_utilities_by_water_board_heads_and_by_a_company_name_after_a_utility_cue(tmp_path: Path):
    text = ("Der Energieversorger Süwag baut in Bad Soden. Auch der Wasserverband Peine und der Netzbetreiber "
            "Avacon sind dabei. Der Versorger Kassel ist kein Name.")
    nodes, _rels = _read(tmp_path, text)
    assert _utilities(nodes) == {"Süwag", "Wasserverband Peine", "Avacon"}


def test_bodies_forming_a_board_bearing_a_joint_body_and_shareholders(tmp_path: Path):
    text = ("Die Gemeinden Fuldatal, Vellmar und Ahnatal bilden den Zweckverband Wasserversorgung Ahne. "
            "Die Musikschule wird gemeinsam getragen von der Stadt Kassel und dem Landkreis Kassel. "
            "Die Glasfaser Nordhessen GmbH baut. Gesellschafter sind die Stadtwerke Kassel und die Gemeinde Fuldatal. "
            "Ein Rundgang und ein Empfang im Schloss Vellmar bildeten das Rahmenprogramm.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {frozenset((f"Gemeinde {t}", "Zweckverband Wasserversorgung Ahne"))
                                                for t in ("Fuldatal", "Vellmar", "Ahnatal")}
    assert _links(nodes, rels, "PARTNERS_WITH") == {frozenset(("Stadt Kassel", "Landkreis Kassel"))}
    assert _links(nodes, rels, "OWNS") == {frozenset(("Stadtwerke Kassel", "Glasfaser Nordhessen GmbH")),
                                           frozenset(("Gemeinde Fuldatal", "Glasfaser Nordhessen GmbH"))}


def test_a_ring_that_connects_listed_towns_has_them_as_members(tmp_path: Path):
    text = ("Der Partnerschaftsring Alpen-Adria verbindet fünf Städte aus vier Ländern: Lienz (A), Belluno (I), "
            "Kranj (SLO), Pordenone (I) und Rosenheim. Dabei kommen alle zusammen: Jung und Alt.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {frozenset((f"Stadt {t}", "Partnerschaftsring Alpen-Adria"))
                                                for t in ("Lienz", "Belluno", "Kranj", "Pordenone", "Rosenheim")}


def test_a_common_noun_after_im_is_no_partner_town(tmp_path: Path):
    text = ("Partnerstädte: Gäste aus Vichy und Cluj in der Stadt\n\nDie Besucher um "
            "Bürgermeister Marc Dufresne sahen sich eine Brauerei an und machten einen Besuch "
            "im Zeughaus.")
    nodes, rels = _read(tmp_path, text)
    assert not any("Zeughaus" in n for pair in _links(nodes, rels) for n in pair)


def test_a_story_about_one_towns_twins_pairs_each_with_it_not_with_each_other(tmp_path: Path):
    text = ("Witzenhausen und seine Partnerstädte: Sommerfest im Park\n\nIm Park begrüßte die Bürgermeisterin Besucher "
            "aus den Partnerstädten: Eva Roth, Bürgermeisterin der Partnerstadt Annaberg-Buchholz, und eine Gruppe aus "
            "Saint-Avold. Aus der Partnerstadt Kladno reiste Petr Novák an.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset(("Stadt Witzenhausen", "Stadt Annaberg-Buchholz")) in links
    assert frozenset(("Stadt Witzenhausen", "Stadt Kladno")) in links
    assert all(any("Witzenhausen" in n for n in pair) for pair in links)


def test_two_bodies_that_agreed_on_or_entered_a_cooperation(tmp_path: Path):
    text = ("Die Stadt Kassel und die Universität Kassel haben eine engere Kooperation vereinbart. Die Gemeinde "
            "Fuldatal und der Landkreis Kassel sind eine Partnerschaft eingegangen. Der Termin wurde mit "
            "Bürgermeister Jan Ohl vereinbart.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset(("Stadt Kassel", "Universität Kassel")),
                                   frozenset(("Gemeinde Fuldatal", "Landkreis Kassel"))}


def test_a_stretch_of_land_between_two_towns_is_no_twinning(tmp_path: Path):
    text = ("Landrat Olaf Brenner begrüßte die Gäste aus der Partnerregion und zeigte ihnen den Landkreis "
            "Landshut mit Kirchen, Seen und Festen und den vielen Menschen, die in den Dörfern zwischen "
            "Geretsried und Wolfratshausen wohnen. Die Partnerschaft zwischen Landshut und Ergolding besteht "
            "seit 1990.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert not any("Wolfratshausen" in n for pair in links for n in pair)


def test_towns_joining_a_network_the_unnamed_town_of_the_dateline_and_a_bare_subsidiary(tmp_path: Path):
    text = ("Weimar. Die Stadt ist dem Netzwerk Gesunde Städte beigetreten. Auch Jena und Gera sind Mitglied im "
            "Netzwerk Gesunde Städte. Die Stadtwerke Weimar bauen ein Netz. Die Stadtwerke sind eine Tochter der "
            "Stadt Weimar. Dabei ging es auch um die Kooperation der beiden Städte Apolda und Erfurt.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels, "MEMBER_OF") == {frozenset((f"Stadt {t}", "Netzwerk Gesunde Städte")) for t in ("Weimar", "Jena", "Gera")}
    assert _links(nodes, rels, "OWNS") == {frozenset(("Stadt Weimar", "Stadtwerke Weimar"))}
    assert frozenset(("Stadt Apolda", "Stadt Erfurt")) in _links(nodes, rels, "PARTNERS_WITH")


def test_an_explicit_pair_in_a_sentence_leaves_no_guess_with_the_story_town(tmp_path: Path):
    text = ("Im Rathaus von Apolda gab es einen Empfang. Apolda feierte. Die Partnerschaft der Landkreise Gotha und "
            "Kassel ist alt.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset(("Landkreis Gotha", "Landkreis Kassel"))}


def test_tied_with_a_partner_and_partner_towns_after_a_verb(tmp_path: Path):
    text = ("Der Landkreis Gotha ist seit 1990 mit dem Kreis Hersfeld-Rotenburg partnerschaftlich verbunden. "
            "Zu den Partnerstädten Gothas gehören Salzgitter, Gastonia und Romilly-sur-Seine.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset(("Landkreis Gotha", "Kreis Hersfeld-Rotenburg")),
                                   *(frozenset(("Stadt Gotha", f"Stadt {t}")) for t in ("Salzgitter", "Gastonia", "Romilly-sur-Seine"))}


def test_a_cooperation_noun_with_its_subject_in_the_genitive(tmp_path: Path):
    text = ("Eine Kooperation der Stadtwerke Gotha mit der Thüringer Netkom GmbH soll den Ausbau beschleunigen. "
            "Die Zusammenarbeit des Landkreises Gotha mit der Universität Erfurt wird ausgebaut.")
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset(("Stadtwerke Gotha", "Thüringer Netkom GmbH")),
                                   frozenset(("Landkreis Gotha", "Universität Erfurt"))}


def test_a_bare_organ_noun_is_no_partner():
    from stakegraph.importers.press.linkcheck import _bare_organ
    from stakegraph.importers.press.orgs import OrgM

    assert _bare_organ(OrgM("Hochschulrat", "other")) and not _bare_organ(OrgM("Stadtrat Zittau", "unit", "Zittau"))


def test_a_given_name_after_partnerstadt_is_the_person_not_a_town(tmp_path: Path):
    text = ("Besuch in Olpe\n\nDer Bürgermeister der Olper Partnerstadt Klaus Wendtland kam mit zwei Mitarbeitern. "
            "Bürgermeister Klaus Wendtland lobte die Stadt.")
    nodes, rels = _read(tmp_path, text)
    assert not any("Stadt Klaus" in pair for pair in _links(nodes, rels))


def test_a_nominalized_participle_after_partnerschaft_is_no_town(tmp_path: Path):
    text = ("Olpe. Zum Fest lud der Bürgermeister alle an der Partnerschaft Beteiligten ein. "
            "Die Verantwortlichen der Partnerschaft danken allen Helfern.")
    nodes, rels = _read(tmp_path, text)
    assert not any(name.endswith(("Beteiligten", "Verantwortlichen")) for pair in _links(nodes, rels) for name in pair)


def test_a_foreign_town_of_two_words_the_gazetteer_does_not_know(tmp_path: Path):
    text = ("Gäste in Lychen\n\nDer Bürgermeister von Zelena Gorunja besuchte Lychen. "
            "Die Partnerstadt Zelena Gorunja und Lychen pflegen ihre Städtepartnerschaft seit 1995.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Lychen", "Stadt Zelena Gorunja"}) in _links(nodes, rels)


def test_a_network_with_and_without_its_legal_form_is_one(tmp_path: Path):
    text = ("Lychen. Am Dienstag beschloss der Stadtrat, dem Verein Naturpark-Bündnis e.V. beizutreten. "
            "Dem Verein Naturpark-Bündnis gehören viele Kommunen an.")
    nodes, rels = _read(tmp_path, text)
    assert not any(pair == frozenset({"Verein Naturpark-Bündnis", "Verein Naturpark-Bündnis e.V."}) for pair in _links(nodes, rels))


def test_a_bare_place_after_a_headed_utility_shares_its_head(tmp_path: Path):
    text = "Olpe. Künftig wollen die Stadtwerke Olpe und Attendorn enger kooperieren."
    nodes, rels = _read(tmp_path, text)
    assert _links(nodes, rels) == {frozenset({"Stadtwerke Olpe", "Stadtwerke Attendorn"})}


def test_a_merger_noun_with_both_sides_in_the_genitive(tmp_path: Path):
    text = ("Olpe. Die Räte stimmten im Mai für die Fusion der Stadtwerke Attendorn und der Stadtwerke Olpe. "
            "Sie gilt ab 2026.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadtwerke Olpe", "Stadtwerke Attendorn"}) in _links(nodes, rels)


def test_an_association_named_by_a_national_adjective_and_its_head(tmp_path: Path):
    text = ("Olpe. Die Stadt Olpe arbeitet künftig eng mit dem Bayerischen Gemeindetag zusammen. "
            "Außerdem ist die Stadt Olpe Mitglied im Hessischen Städte- und Gemeindebund.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels)
    assert frozenset({"Stadt Olpe", "Bayerischer Gemeindetag"}) in links
    assert frozenset({"Stadt Olpe", "Hessischer Städte- und Gemeindebund"}) in links


def test_a_joint_body_named_with_its_member_municipalities(tmp_path: Path):
    text = ("Olpe. Die Mitarbeiter der Verwaltungsgemeinschaft Biggesee der Gemeinden Wenden, Drolshagen und St. Johann "
            "trafen sich am Montag.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels, "MEMBER_OF")
    assert {frozenset({f"Gemeinde {p}", "Verwaltungsgemeinschaft Biggesee"}) for p in ("Wenden", "Drolshagen", "St. Johann")} <= links


def test_a_joint_body_named_by_its_two_member_places(tmp_path: Path):
    text = ("Wenden. Der Gemeinderat von Wenden und Drolshagen berät. Die Verwaltungsgemeinschaft Wenden-Drolshagen "
            "sucht einen Amtsleiter.")
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels, "MEMBER_OF")
    assert frozenset({"Stadt Drolshagen", "Verwaltungsgemeinschaft Wenden-Drolshagen"}) in links \
        or frozenset({"Gemeinde Drolshagen", "Verwaltungsgemeinschaft Wenden-Drolshagen"}) in links


def test_towns_joining_together_into_a_named_union(tmp_path: Path):
    text = 'Olpe. Die Städte Olpe, Attendorn und Lennestadt schließen sich zum Städteverbund "Biggetal-Dreieck" zusammen.'
    nodes, rels = _read(tmp_path, text)
    links = _links(nodes, rels, "MEMBER_OF")
    assert {frozenset({f"Stadt {p}", "Städteverbund Biggetal-Dreieck"}) for p in ("Olpe", "Attendorn", "Lennestadt")} <= links
