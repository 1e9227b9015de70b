"""Press role frames (person - organisation), each phenomenon on a short text of our own.

Places are real gazetteer places; persons and organisations are made up."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records

from tests.press_text import read as _role_rels, roles as _roles


def test_a_bare_chair_title_names_no_body_of_the_story(tmp_path: Path):
    # 'Präsidentin' alone says chair of something: neither the dateline city nor a side of the visit
    roles = _roles(tmp_path, "Kassel. Die Präsidentin Mira Falkenstein sprach am Montag vor Gästen.\n\n"
                             "Oberbürgermeister Anton Quast eröffnete die Messe in Kassel.\n")
    assert ("Anton Quast", "Stadt Kassel") in roles
    assert not any(p == "Mira Falkenstein" for p, _o in roles)


def test_a_bare_office_title_goes_to_the_dateline_city_not_the_visited_one(tmp_path: Path):
    # an outgoing visit: the press office's own mayor travels; the visited city is the host
    roles = _roles(tmp_path, "Neue Freundschaft\n\nKASSEL (pm). Bürgermeister Jonas Weidel hat eine positive Bilanz der Reise "
                             "gezogen. Eine Delegation aus Kassel besuchte vom 3. bis 5. Mai die Stadt Florenz.\n")
    assert ("Jonas Weidel", "Stadt Kassel") in roles
    assert ("Jonas Weidel", "Stadt Florenz") not in roles


def test_title_of_a_body_right_before_the_name(tmp_path: Path):
    # 'Title der Org Name' without a comma; a second name joined by 'und' is not named by that title
    roles = _roles(tmp_path, "Zum Empfang kamen die Geschäftsführerin der Stadtwerke Kassel Petra Sommerfeld und "
                             "Jonas Brenner in das Rathaus.\n")
    assert ("Petra Sommerfeld", "Stadtwerke Kassel") in roles
    assert not any(p == "Jonas Brenner" for p, _o in roles)


def test_a_genitive_body_name_is_given_in_the_nominative(tmp_path: Path):
    roles = _roles(tmp_path, "Sie sprach mit der Vorsitzenden des Kasseler Partnerschaftsvereins Alexandra Brenner.\n")
    assert ("Alexandra Brenner", "Kasseler Partnerschaftsverein") in roles


def test_reverse_apposition_and_copula_after_a_party_parenthesis(tmp_path: Path):
    roles = _roles(tmp_path, "Auf Einladung der Landrätin des Kreises Unna, Frau Petra Sommerfeld (SPD), kam die Gruppe.\n\n"
                             "„Wir freuen uns“, sagte Jonas Brenner (CDU) als Bürgermeister der Stadt Kassel.\n")
    assert ("Petra Sommerfeld", "Kreis Unna") in roles and ("Petra Sommerfeld", "SPD") in roles
    assert ("Jonas Brenner", "Stadt Kassel") in roles and ("Jonas Brenner", "CDU") in roles


def test_a_title_before_a_name_with_an_apposition_is_a_second_role(tmp_path: Path):
    # the apposition names the utility's board; the title before the name is the city's mayor
    roles = _roles(tmp_path, "Kassel. Wie Oberbürgermeisterin Petra Sommerfeld, die dem Aufsichtsrat der Stadtwerke "
                             "Kassel vorsitzt, mitteilte, beginnt der Ausbau im Mai.\n")
    assert ("Petra Sommerfeld", "Stadt Kassel") in roles
    assert ("Petra Sommerfeld", "Stadtwerke Kassel") in roles


def test_two_names_joined_share_the_body_after_the_second(tmp_path: Path):
    roles = _roles(tmp_path, "Dazu kamen Landrat Jonas Brenner und Petra Sommerfeld vom Kreis Unna sowie Max Ortlieb "
                             "für den Landkreis Kassel.\n")
    assert {("Jonas Brenner", "Kreis Unna"), ("Petra Sommerfeld", "Kreis Unna"), ("Max Ortlieb", "Landkreis Kassel")} <= roles


def test_national_titles_name_their_body(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Die Messe eröffnete Bundesverkehrsministerin Petra Sommerfeld. Zu Gast war auch der "
                             "Bundestagsabgeordnete Jonas Brenner.\n")
    assert ("Petra Sommerfeld", "Bundesregierung") in roles
    assert ("Jonas Brenner", "Deutscher Bundestag") in roles
    assert ("Jonas Brenner", "Stadt Kassel") not in roles


def test_a_plural_title_over_two_names_without_a_numeral(tmp_path: Path):
    roles = _roles(tmp_path, "In Brüssel sprach die Gruppe mit den Europaabgeordneten Jonas Brenner und Petra Sommerfeld.\n")
    assert {("Jonas Brenner", "Europäisches Parlament"), ("Petra Sommerfeld", "Europäisches Parlament")} <= roles
    # singular: 'die Bürgermeisterin A und B' gives B no title
    roles = _roles(tmp_path, "Kassel. Es sprachen die Bürgermeisterin Petra Sommerfeld und Jonas Brenner.\n")
    assert ("Petra Sommerfeld", "Stadt Kassel") in roles and not any(p == "Jonas Brenner" for p, _o in roles)


def test_a_party_after_a_long_capitalized_run(tmp_path: Path):
    # 'Der Kasseler Oberbürgermeister A B (SPD)': the name match starts at 'Der', the party still follows the surname
    roles = _roles(tmp_path, "Der Kasseler Oberbürgermeister Jonas Brenner (SPD) eröffnete die Sitzung.\n")
    assert ("Jonas Brenner", "SPD") in roles and ("Jonas Brenner", "Stadt Kassel") in roles


def test_appointment_frames(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Der Aufsichtsrat hat Petra Sommerfeld zur Geschäftsführerin der Stadtwerke Kassel bestellt. "
                             "Gefeiert wurde auch der im Mai zum Bürgermeister der Stadt Unna gewählte Jonas Brenner.\n")
    assert ("Petra Sommerfeld", "Stadtwerke Kassel") in roles
    assert ("Jonas Brenner", "Stadt Unna") in roles


def test_a_numbered_city_district_keeps_its_ordinal(tmp_path: Path):
    # the ordinal neither ends the sentence nor falls off the district's name
    roles = _roles(tmp_path, "Zu Gast war der zum Bürgermeister des II. Bezirks Budapest gewählte Jonas Brenner.\n")
    assert ("Jonas Brenner", "II. Bezirk Budapest") in roles


def test_affiliation_after_a_name_read_with_a_particle(tmp_path: Path):
    # 'Prof. A B von der Uni X': the name match runs on into 'von der Uni', the body follows the name
    roles = _roles(tmp_path, "Die Kreise arbeiten dabei mit Prof. Jonas Brenner von der Uni Kassel zusammen.\n")
    assert ("Jonas Brenner", "Universität Kassel") in roles


def test_a_place_named_by_a_word_ending_like_a_demonym_is_that_place(tmp_path: Path):
    # 'Achern' ends in '-ern' but is the place itself, not the demonym of another one
    roles = _roles(tmp_path, "Achern bekommt eine Digitalchefin\n\nAchern. Erstmals hat die Stadt eine CDO: "
                             "Oberbürgermeister Max Ortlieb hat Eva Roth zur CDO der Stadt bestellt.\n")
    assert ("Eva Roth", "Stadt Achern") in roles


def test_a_possessive_title_belongs_to_the_body_named_before_it(tmp_path: Path):
    roles = _roles(tmp_path, "Betreut werden die Gäste vom Freundeskreis Florenz mit seiner Vorsitzenden Petra Sommerfeld.\n")
    assert ("Petra Sommerfeld", "Freundeskreis Florenz") in roles


def test_reverse_apposition_with_an_abbreviation_before_the_comma(tmp_path: Path):
    roles = _roles(tmp_path, "Das sagte die Landesvorsitzende des Verbands der Kasseler Gärtner (VKG), Petra Sommerfeld, am Montag.\n")
    assert ("Petra Sommerfeld", "Verband der Kasseler Gärtner") in roles  # the genitive inside the name stays


def test_an_apposition_ends_at_a_colon_and_splits_into_two_roles(tmp_path: Path):
    roles = _roles(tmp_path, "Jonas Brenner, Vorstandsvorsitzender von Ortlieb: Wir wachsen weiter.\n\n"
                             "Das erklärte Petra Sommerfeld, Vize-Vorsitzende der Kasseler Tafel und Sprecherin der Stadtwerke Kassel.\n")
    assert ("Jonas Brenner", "Ortlieb") in roles
    assert ("Petra Sommerfeld", "Stadtwerke Kassel") in roles
    assert not any(o in ("Vize", "Ortlieb: Wir") for _p, o in roles)


def test_a_genitive_association_name_is_given_in_the_nominative(tmp_path: Path):
    roles = _roles(tmp_path, "Er dankte Jonas Brenner, dem Sprecher des Freundeskreises Florenz.\n")
    assert ("Jonas Brenner", "Freundeskreis Florenz") in roles


def test_an_official_in_parentheses_after_a_place(tmp_path: Path):
    roles = _roles(tmp_path, "Die Gemeinden Kassel (Bürgermeister Jonas Brenner) und Unna (Bürgermeisterin Petra Sommerfeld) "
                             "unterzeichneten den Vertrag.\n")
    assert {("Jonas Brenner", "Stadt Kassel"), ("Petra Sommerfeld", "Stadt Unna")} <= roles
    # a caption's list in parentheses names no official of the place before it
    roles = _roles(tmp_path, "Die Städte Florenz und Kassel (v.l. Bürgermeister Jonas Brenner und Bürgermeisterin Petra Sommerfeld).\n")
    assert ("Jonas Brenner", "Stadt Kassel") not in roles


def test_a_list_item_after_an_aside_is_not_the_apposition_of_the_name_before(tmp_path: Path):
    roles = _roles(tmp_path, "Der Landrat des Landkreises Kassel, Jonas Brenner (SPD), und die Bürgermeisterin der Stadt Unna, "
                             "Petra Sommerfeld, unterzeichneten.\n\nOberbürgermeister Max Ortlieb (CDU) aus Unna kam auch.\n")
    assert {("Jonas Brenner", "Landkreis Kassel"), ("Jonas Brenner", "SPD"), ("Petra Sommerfeld", "Stadt Unna"),
            ("Max Ortlieb", "Stadt Unna")} <= roles
    assert ("Jonas Brenner", "Stadt Unna") not in roles


def test_swiss_and_austrian_municipal_titles(tmp_path: Path):
    roles = _roles(tmp_path, "Luzern. Gemeindeammann Jonas Brenner und Stadtschreiberin Petra Sommerfeld luden ein.\n\n"
                             "Das erklärte Vizebgm. Max Ortlieb am Montag in Luzern.\n")
    assert {("Jonas Brenner", "Stadt Luzern"), ("Petra Sommerfeld", "Stadt Luzern"), ("Max Ortlieb", "Stadt Luzern")} <= roles
    roles = _roles(tmp_path, "Kassel. Mit Jahreswechsel verlässt Stadtwerke-GF Jonas Brenner die Stadtwerke Kassel.\n")
    assert ("Jonas Brenner", "Stadtwerke Kassel") in roles


def test_a_recognized_body_in_parentheses_after_a_name(tmp_path: Path):
    roles = _roles(tmp_path, "Es sprachen Jonas Brenner (Universität Kassel) und Petra Sommerfeld (Foto).\n")
    assert ("Jonas Brenner", "Universität Kassel") in roles
    assert not any(p == "Petra Sommerfeld" for p, _o in roles)


def test_succession_frames(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Jonas Brenner übergab die Geschäftsführung der Stadtwerke Kassel an seine Nachfolgerin "
                             "Petra Sommerfeld.\n\nZum 1. Mai übernimmt Max Ortlieb die Leitung der Stadtwerke Unna.\n")
    assert {("Jonas Brenner", "Stadtwerke Kassel"), ("Petra Sommerfeld", "Stadtwerke Kassel"), ("Max Ortlieb", "Stadtwerke Unna")} <= roles
    # an office of something that is no recognized body gives no role
    assert not _roles(tmp_path, "Jonas Brenner übernimmt die Leitung des Projekts.\n")


def test_affiliation_with_a_preposition_and_article(tmp_path: Path):
    roles = _roles(tmp_path, "Es unterzeichneten Max Ortlieb aus dem Kreis Unna, Landrätin Petra Sommerfeld aus dem Landkreis Kassel "
                             "und Jonas Brenner beim Landkreis Fulda.\n")
    assert {("Max Ortlieb", "Kreis Unna"), ("Petra Sommerfeld", "Landkreis Kassel"), ("Jonas Brenner", "Landkreis Fulda")} <= roles


def test_a_venue_is_no_place(tmp_path: Path):
    roles = _roles(tmp_path, "Die Gäste wurden von Bürgermeister Jonas Brenner begrüßt. Danach folgte ein Besuch im Schloss Museum.\n")
    assert not any(o.endswith("Schloss") for _p, o in roles)


def test_austrian_honorifics_and_the_press_office_named_by_a_photo_credit(tmp_path: Path):
    # four towns meet in Florenz; the credit names the publishing town's office, whose officials the titles are
    roles = _roles(tmp_path, "Treffen der Partnerstädte\n\nVertreter der Städte Unna, Fulda, Florenz und Kassel trafen sich im "
                             "italienischen Florenz. Foto: Stadtamt Kassel\n\n„Es war großartig“, sagte Vizebgm. Mag. Jonas Brenner. "
                             "In Vertretung von Bürgermeister Ing. Max Ortlieb überreichte er die Einladung.\n")
    assert {("Jonas Brenner", "Stadt Kassel"), ("Max Ortlieb", "Stadt Kassel")} <= roles
    assert not any(o == "Stadt Florenz" for _p, o in roles)


def test_joint_takeover_and_surname_copula(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Bis dahin wird Jonas Brenner mit Petra Sommerfeld die Geschäftsführung der Stadtwerke Kassel "
                             "übernehmen. Brenner ist eigentlich Chef der Ortlieb Beratung GmbH.\n")
    assert {("Jonas Brenner", "Stadtwerke Kassel"), ("Petra Sommerfeld", "Stadtwerke Kassel"),
            ("Jonas Brenner", "Ortlieb Beratung GmbH")} <= roles


def test_a_body_shared_by_two_names_must_fit_the_first_ones_title(tmp_path: Path):
    # the mayor travels with a member of a county's club: the county is not his body
    roles = _roles(tmp_path, "Kassel. Am Freitag reisten Bürgermeister Jonas Brenner und Max Ortlieb vom Kreis Unna nach Florenz.\n")
    assert ("Max Ortlieb", "Kreis Unna") in roles
    assert ("Jonas Brenner", "Kreis Unna") not in roles


def test_an_office_of_the_administration_is_a_unit_of_the_press_offices_town(tmp_path: Path):
    nodes, rels = _role_rels(tmp_path, "Kassel. Der Leiter des Bauamts, Jonas Brenner, erklärte den Plan.\n")
    held = [r for r in rels if r.type == "HOLDS_ROLE" and nodes[r.source].name == "Jonas Brenner"]
    assert [nodes[r.target].name for r in held] == ["Bauamt"]
    parents = {nodes[r.target].name for r in rels if r.type == "PART_OF" and r.source == held[0].target}
    assert parents == {"Stadt Kassel"}


def test_company_cue_genitive_bodies_and_bare_member_titles(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Jonas Brenner, Geschäftsführer der Firma Ortlieb, sprach. Zu Gast war Max Ortlieb, Präsident "
                             "des Deutschen Städtetags. Petra Sommerfeld ist seit Jahren Mitglied im Verein.\n")
    assert ("Jonas Brenner", "Ortlieb") in roles
    assert ("Max Ortlieb", "Deutscher Städtetag") in roles or ("Max Ortlieb", "Deutsche Städtetag") in roles
    assert not any(p == "Petra Sommerfeld" for p, _o in roles)  # 'Mitglied' alone names no body of the city


def test_a_host_landrat_is_not_given_the_guests_county(tmp_path: Path):
    # the quote names only the guests' county: the host's Landrat heads his own
    roles = _roles(tmp_path, "Unna. Landrat Jonas Brenner empfing die Delegation aus dem Partnerkreis Kassel unter Leitung der "
                             "stellvertretenden Landrätin Petra Sommerfeld.\n")
    assert ("Jonas Brenner", "Landkreis Kassel") not in roles
    assert ("Petra Sommerfeld", "Landkreis Kassel") in roles


def test_plural_reverse_apposition_and_attributes_before_the_title(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Die Geschäftsführer der Stadtwerke Kassel, Jonas Brenner und Petra Sommerfeld, stellten den "
                             "Plan vor. Max Ortlieb, seit 2014 Bürgermeister von Unna, und Lena Ortlieb, die langjährige Leiterin "
                             "der Volkshochschule Kassel, lobten ihn.\n")
    assert {("Jonas Brenner", "Stadtwerke Kassel"), ("Petra Sommerfeld", "Stadtwerke Kassel"), ("Max Ortlieb", "Stadt Unna"),
            ("Lena Ortlieb", "Volkshochschule Kassel")} <= roles
    # singular: the second name is not the title's
    roles = _roles(tmp_path, "Kassel. Die Geschäftsführerin der Stadtwerke Kassel, Petra Sommerfeld und Jonas Brenner sprachen.\n")
    assert ("Jonas Brenner", "Stadtwerke Kassel") not in roles


def test_kreis_titles_are_county_offices(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Der Erste Kreisbeigeordnete Jonas Brenner sprach.\n")
    assert ("Jonas Brenner", "Landkreis Kassel") in roles and ("Jonas Brenner", "Stadt Kassel") not in roles


def test_a_second_role_later_in_a_copula_sentence(tmp_path: Path):
    roles = _roles(tmp_path, "Jonas Brenner ist Direktor des Instituts für Stadtforschung, einer Gründung der Universität Kassel, "
                             "und Vorstandsmitglied der Gesellschaft für Kommunalpolitik e.V.\n")
    assert ("Jonas Brenner", "Institut für Stadtforschung") in roles
    assert any(p == "Jonas Brenner" and o.startswith("Gesellschaft für Kommunalpolitik") for p, o in roles)


def test_organization_names_with_joiners(tmp_path: Path):
    roles = _roles(tmp_path, "Es sprach Jonas Brenner, Präsident der Amici di Firenze, und Petra Sommerfeld, Leiterin der Schule am "
                             "Rosengarten. Max Ortlieb, Vertreter der Industrie- und Handelskammer und Kasseler Unternehmer, kam auch.\n")
    assert ("Jonas Brenner", "Amici di Firenze") in roles
    assert ("Petra Sommerfeld", "Schule am Rosengarten") in roles
    assert not any(o.endswith("Unternehmer") for _p, o in roles)


def test_a_possessive_municipal_title_takes_the_municipality_before_it(tmp_path: Path):
    roles = _roles(tmp_path, "Berlin. Die Messe war gut besucht.\n\nDie Stadt Kassel und ihr Bürgermeister Jonas Brenner luden ein. "
                             "Der Verein Kasseler Freunde aus Unna lud auch ein. Seine Vorsitzende Petra Sommerfeld sprach.\n")
    assert ("Jonas Brenner", "Stadt Kassel") in roles and ("Jonas Brenner", "Stadt Berlin") not in roles
    assert ("Petra Sommerfeld", "Verein Kasseler Freunde") in roles


def test_a_list_of_bodies_with_their_heads_under_headings(tmp_path: Path):
    roles = _roles(tmp_path, "Unsere Partnerkreise\n\nLandkreis Fulda\n\nLandrat Herr Jonas Brenner\n\nDer Kreis liegt in Osthessen.\n\n"
                             "Kreis Unna\n\nLandrätin Frau Petra Sommerfeld\n\nUnna liegt in Westfalen.\n")
    assert {("Jonas Brenner", "Landkreis Fulda"), ("Petra Sommerfeld", "Kreis Unna")} <= roles
    assert ("Petra Sommerfeld", "Landkreis Fulda") not in roles


def test_als_with_a_title_later_in_the_clause(tmp_path: Path):
    roles = _roles(tmp_path, "Für Jonas Brenner und Petra Sommerfeld war es eine Ehre als Vertreter der Stadt Unna nach Kassel zu "
                             "reisen. Max Ortlieb begrüßte Lena Ortlieb als Vertreterin der Stadt Fulda.\n")
    assert {("Jonas Brenner", "Stadt Unna"), ("Petra Sommerfeld", "Stadt Unna"), ("Lena Ortlieb", "Stadt Fulda")} <= roles
    assert ("Max Ortlieb", "Stadt Fulda") not in roles


def test_an_apposition_between_dashes(tmp_path: Path):
    roles = _roles(tmp_path, "Jonas Brenner – Geschäftsführer der Stadtwerke Kassel – sprach. Petra Sommerfeld – das ist klar – sprach.\n")
    assert ("Jonas Brenner", "Stadtwerke Kassel") in roles
    assert not any(p == "Petra Sommerfeld" for p, _o in roles)


def test_a_countrys_genitive_before_a_title_names_the_state(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Frankreichs Präsident Jonas Brenner sprach mit Oberbürgermeister Max Ortlieb.\n")
    assert ("Jonas Brenner", "Frankreich") in roles and ("Max Ortlieb", "Stadt Kassel") in roles


def test_party_as_an_apposition_and_as_a_group(tmp_path: Path):
    roles = _roles(tmp_path, "Jonas Brenner, SPD, sagte das. Petra Sommerfeld (CDU-Fraktion) widersprach.\n")
    assert {("Jonas Brenner", "SPD"), ("Petra Sommerfeld", "CDU")} <= roles


def test_a_region_a_delegation_comes_from_is_no_town(tmp_path: Path):
    roles = _roles(tmp_path, "Aus Osthessen nahmen Regionalmanager Jonas Brenner und Landrat Max Ortlieb teil. Aus Fulda waren "
                             "Bürgermeisterin Petra Sommerfeld und Kämmerer Lena Ortlieb gekommen.\n")
    assert not any(o.endswith("Osthessen") for _p, o in roles)
    assert {("Petra Sommerfeld", "Stadt Fulda"), ("Lena Ortlieb", "Stadt Fulda")} <= roles


def test_body_and_title_in_parentheses_after_a_name(tmp_path: Path):
    roles = _roles(tmp_path, "Es sprachen Jonas Brenner (Geschäftsführer, Stadtwerke Kassel) und Petra Sommerfeld (Stadtwerke Unna, "
                             "Prokuristin).\n")
    assert {("Jonas Brenner", "Stadtwerke Kassel"), ("Petra Sommerfeld", "Stadtwerke Unna")} <= roles


def test_a_successor_and_predecessor_share_the_als_role(tmp_path: Path):
    roles = _roles(tmp_path, "Kassel. Petra Sommerfeld folgt auf Jonas Brenner als Geschäftsführerin der Stadtwerke Kassel.\n")
    assert {("Petra Sommerfeld", "Stadtwerke Kassel"), ("Jonas Brenner", "Stadtwerke Kassel")} <= roles


def test_bare_stadtwerke_in_a_role_phrase_are_the_dateline_towns(tmp_path: Path):
    # a visit to Florenz: the press office's own utility still is Kassel's
    furniture = "".join(f"Menüpunkt {i}\n" for i in range(8))  # page furniture before the dateline
    roles = _roles(tmp_path, furniture + "KASSEL (pm). Eine Delegation aus Kassel besuchte vom 3. bis 5. Mai die Stadt Florenz. "
                             "Dort sprach Jonas Brenner, Geschäftsführer der Stadtwerke, über Netze.\n")
    assert ("Jonas Brenner", "Stadtwerke Kassel") in roles


def test_a_name_after_a_noun_and_von_is_read_again(tmp_path: Path):
    # 'Einladung von Max' is no name; 'Max Ortlieb' is, and so is a name with its own particle
    path = tmp_path / "artikel.txt"
    path.write_text("Auf Einladung von Max Ortlieb kam die Gruppe. Es folgte die Niederlegung von Blumen zu Ehren der Toten. "
                    "Ursula von der Leyen sprach.\n", encoding="utf-8")
    names = {r.name for r in doc_records(path, ImportContext()) if isinstance(r, Node) and r.label == "Person"}
    assert names == {"Max Ortlieb", "Ursula von der Leyen"}


def test_a_list_of_mayors_each_with_their_municipality(tmp_path: Path):
    roles = _roles(tmp_path, "Altenmarkt. Geehrt wurden langjährige Bürgermeister. Die Urkunden erhielten: "
                             "Anton Beispiel, Oberbrunn; Berta Muster, Unterfeld; Carl Probe, Mitterdorf.")
    assert {("Anton Beispiel", "Gemeinde Oberbrunn"), ("Berta Muster", "Gemeinde Unterfeld"),
            ("Carl Probe", "Gemeinde Mitterdorf")} <= roles
    plain = _roles(tmp_path, "Altenmarkt. Gäste waren Anton Beispiel, Oberbrunn; Berta Muster, Unterfeld; "
                             "Carl Probe, Mitterdorf.")
    assert not any(org.startswith("Gemeinde") for _p, org in plain)  # no municipal title: just where they live


def test_a_party_written_with_spaces_or_glued_digits_is_the_party():
    from stakegraph.importers.press.roles import party_of

    assert party_of("Bündnis90 / Die Grünen") == "Bündnis 90/Die Grünen" and party_of("SPD, 61") == "SPD"


def test_plural_title_of_listed_towns_pairs_each_name_with_its_town(tmp_path: Path):
    roles = _roles(tmp_path, "Die beiden Bürgermeister der Städte Zittau und Görlitz, Jana Lorenzen und Ole Brandes, "
                             "stellten den Antrag.")
    assert {("Jana Lorenzen", "Stadt Zittau"), ("Ole Brandes", "Stadt Görlitz")} <= roles
    assert ("Jana Lorenzen", "Stadt Görlitz") not in roles
