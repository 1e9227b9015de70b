"""Press links between organisations (partnerships, memberships, ownership) and utilities: each phenomenon
on a short text of our own (real gazetteer places, made-up people and companies)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records


def _read(tmp_path: Path, text: str) -> tuple[dict[str, Node], list[Rel]]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def _utilities(nodes: dict[str, Node]) -> set[str]:
    return {n.name for n in nodes.values() if n.label == "Organization" and n.props.get("kind") == "utility"}


def _links(nodes: dict[str, Node], rels: list[Rel], *types: str) -> set[frozenset[str]]:
    types = types or ("PARTNERS_WITH", "MEMBER_OF")
    return {frozenset((nodes[r.source].name, nodes[r.target].name)) for r in rels if r.type in types}


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
