"""Press role attachment (person -> body), session 7: each phenomenon on a short text of our own.

Places are real gazetteer places; persons are made up."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import read
from tests.press_text import roles as _roles


def test_a_plural_title_with_a_modifier_gives_each_listed_name_the_office(tmp_path: Path):
    # 'die stellvertretenden Landrätinnen A und B', 'Die damaligen Landräte A und B' (sentence-initial article)
    roles = _roles(tmp_path, "Landkreis Fulda. Beim Empfang waren die stellvertretenden Landrätinnen Lena Vogt und "
                             "Clara Winter zu Gast.\n\nDie früheren Landräte Otto Kamm und Emil Sander erinnerten an 1990.\n")
    assert {("Lena Vogt", "Landkreis Fulda"), ("Clara Winter", "Landkreis Fulda"),
            ("Otto Kamm", "Landkreis Fulda"), ("Emil Sander", "Landkreis Fulda")} <= roles


def test_a_county_heads_deputy_holds_an_office_of_the_county(tmp_path: Path):
    # a deputy Landrat on a town's visit side is the county's deputy, not the town's
    roles = _roles(tmp_path, "Fulda. Eine Delegation aus Kassel besuchte die Stadt. Mit dabei war die stellvertretende "
                             "Landrätin Hanna Roth.\n")
    assert ("Hanna Roth", "Landkreis Kassel") in roles
    assert ("Hanna Roth", "Stadt Kassel") not in roles


def test_a_titled_name_joined_to_a_reverse_apposition_keeps_its_own_title(tmp_path: Path):
    # 'der Vize-Bürgermeister A und die Leiterin des Kulturamts, B': A is the deputy mayor, B heads the office
    roles = _roles(tmp_path, "Fulda. Zu Gast waren der Vize-Bürgermeister Jakob Lenz und die Leiterin des "
                             "Kulturamts, Greta Hahn.\n")
    assert ("Jakob Lenz", "Stadt Fulda") in roles
    assert ("Greta Hahn", "Stadt Fulda") not in roles


def test_a_colleague_holds_the_same_office_at_the_other_body(tmp_path: Path):
    # 'A überreichte seinem Amtskollegen B': B is not A's county's; on a visit, B is of the other side
    roles = _roles(tmp_path, "Fulda. Eine Delegation des Landkreises Fulda besuchte den Partnerkreis Tarnów. "
                             "Landrat Moritz Ebert überreichte seinem Amtskollegen Tomasz Wilk ein Geschenk.\n")
    assert ("Moritz Ebert", "Landkreis Fulda") in roles
    assert ("Tomasz Wilk", "Landkreis Fulda") not in roles
    assert ("Tomasz Wilk", "Landkreis Tarnów") in roles
    # no visit: the story's own town is not the colleague's
    roles = _roles(tmp_path, "Fulda. Zum Festakt kam auch Amtskollege Tomasz Wilk.\n")
    assert ("Tomasz Wilk", "Stadt Fulda") not in roles


def test_a_body_named_as_the_partner_is_not_the_titled_persons_own(tmp_path: Path):
    # 'Bürgermeister A besuchte die Partnerstadt X': X is the partner of A's town; a demonym before the partner noun
    # names A's own ('der Kasseler Partnerstadt X'), else the visit's other side does, else no town is given
    roles = _roles(tmp_path, "Jena. Oberbürgermeisterin Frieda Kühn besuchte mit einer Delegation der Stadt die "
                             "Partnerstadt Erlangen.\n")
    assert ("Frieda Kühn", "Stadt Erlangen") not in roles
    roles = _roles(tmp_path, "Erlangen. Oberbürgermeisterin Frieda Kühn überbrachte der Jenaer Partnerstadt Erlangen "
                             "die Glückwünsche.\n")
    assert ("Frieda Kühn", "Stadt Erlangen") not in roles
    assert ("Frieda Kühn", "Stadt Jena") in roles


def test_a_diplomat_holds_the_title_for_the_country_of_the_adjective_not_the_host(tmp_path: Path):
    # 'der schwedische Botschafter in Deutschland, S. E. A': Sweden's ambassador, Germany is where he serves
    roles = _roles(tmp_path, "Fulda. Zu Gast war der schwedische Botschafter in Deutschland, S. E. Nils Ekberg.\n\n"
                             "Am Abend sprach die ungarische Generalkonsulin Dr. Réka Varga.\n")
    assert ("Nils Ekberg", "Schweden") in roles
    assert ("Nils Ekberg", "Deutschland") not in roles
    assert ("Réka Varga", "Ungarn") in roles


def test_a_plural_title_with_a_demonym_and_a_party_prefix(tmp_path: Path):
    # 'die Kasseler SPD-Ratsmitglieder A und B': council members of Kassel, members of the SPD
    roles = _roles(tmp_path, "Fulda. Im Rathaus begrüßte man die Kasseler SPD-Ratsmitglieder Lotte Arndt und Bruno Haas.\n\n"
                             "Später kamen die beiden Kasseler Stadträte Ida Feld und Kurt Lehner hinzu.\n")
    assert {("Lotte Arndt", "Stadt Kassel"), ("Bruno Haas", "Stadt Kassel"), ("Lotte Arndt", "SPD"),
            ("Ida Feld", "Stadt Kassel"), ("Kurt Lehner", "Stadt Kassel")} <= roles
    assert ("Lotte Arndt", "Stadt Fulda") not in roles


def test_plural_title_forms_gender_pairs_datives_adjectival_nouns_and_a_counterpart(tmp_path: Path):
    roles = _roles(tmp_path, "Fulda. Es sprachen die Bürgermeisterinnen und Bürgermeister Vera Stolz, Leon Kraft und "
                             "Mia Sommer.\n\nDer Dank galt den Bürgermeistern Paul Reuter und Ole Janssen.\n\n"
                             "Dann redeten die Stadtverordneten Tina Lorenz und Max Vogel.\n")
    assert {("Vera Stolz", "Stadt Fulda"), ("Leon Kraft", "Stadt Fulda"), ("Mia Sommer", "Stadt Fulda"),
            ("Paul Reuter", "Stadt Fulda"), ("Ole Janssen", "Stadt Fulda"),
            ("Tina Lorenz", "Stadt Fulda"), ("Max Vogel", "Stadt Fulda")} <= roles
    # 'die Landräte A und sein polnischer Kollege B': B is the Landrat of the Polish county of the story
    roles = _roles(tmp_path, "Landkreis Fulda. Eine Delegation besuchte den Landkreis Tarnów. Es sprachen die Landräte "
                             "Hugo Brandl und sein polnischer Kollege Marek Zajac.\n")
    assert ("Hugo Brandl", "Landkreis Fulda") in roles
    assert ("Marek Zajac", "Landkreis Tarnów") in roles


def test_a_plural_reverse_apposition_with_a_numeral_or_two_towns(tmp_path: Path):
    # 'die beiden Geschäftsführer der X, A und B': both; 'die Bürgermeister von X und Y, A und B': A of X, B of Y
    roles = _roles(tmp_path, "Fulda. Es kamen die beiden Geschäftsführer der Rhön Energie, Jana Wolff und Timo Brandt.\n\n"
                             "Dann sprachen die Bürgermeister von Hünfeld und Petersberg, Rolf Keller und Sven Ott.\n")
    assert ("Jana Wolff", "Rhön Energie") in roles and ("Timo Brandt", "Rhön Energie") in roles
    assert ("Sven Ott", "Stadt Petersberg") in roles
    assert not any(p == "Sven Ott" and "Hünfeld" in o for p, o in roles)


def test_the_chair_of_a_municipal_council_holds_an_office_of_its_town_or_county(tmp_path: Path):
    # 'dem Vorsitzenden des Kreisrates A' in the guests' delegation: of the guests' county; 'des Stadtrates': the town's
    roles = _roles(tmp_path, "Fulda. Eine Delegation aus dem Partnerkreis Tarnów unter Leitung der stellvertretenden "
                             "Landrätin Ewa Lis und dem Vorsitzenden des Kreisrates Adam Wrona ist im Landkreis Fulda "
                             "eingetroffen.\n")
    assert ("Adam Wrona", "Landkreis Tarnów") in roles
    roles = _roles(tmp_path, "Fulda. Der Vorsitzende des Stadtrates, Gero Winkler, eröffnete die Sitzung.\n")
    assert ("Gero Winkler", "Stadt Fulda") in roles


def test_a_party_in_parentheses_for_a_whole_list(tmp_path: Path):
    # 'Bürgermeister A und Landrat B (beide CDU)': both are members of the party
    roles = _roles(tmp_path, "Fulda. Es sprachen Bürgermeister Udo Kessler und Landrat Rita Pohl (beide CDU).\n")
    assert ("Udo Kessler", "CDU") in roles and ("Rita Pohl", "CDU") in roles


def test_a_towns_office_named_with_its_demonym_is_a_unit_of_that_town(tmp_path: Path):
    # 'stellvertretender Leiter des Kasseler Hauptamts': the Hauptamt of Stadt Kassel, not a body 'Kasseler Hauptamt'
    nodes, rels = read(tmp_path, "Fulda. Es sprach Moritz Hahn, stellvertretender Leiter des Kasseler Hauptamts.\n")
    names = [nodes[r.target].name for r in rels if r.type == "HOLDS_ROLE" and nodes[r.source].name == "Moritz Hahn"]
    assert names == ["Hauptamt"]
    unit = next(r.target for r in rels if r.type == "HOLDS_ROLE")
    assert any(r.type == "PART_OF" and r.source == unit and nodes[r.target].name == "Stadt Kassel" for r in rels)


def test_a_run_without_a_first_name_that_opens_with_a_demonym_or_a_noun_is_no_person():
    # 'Thüringer Landtag', 'Regionalentwicklung Oststeiermark', 'Stralsunder Feuerwehr': bodies, not persons;
    # a first name still opens a name whose surname is a demonym ('Anna Berliner')
    from stakegraph.importers.press.names import clean_name

    for run in ("Thüringer Landtag", "Regionalentwicklung Oststeiermark", "Kasseler Feuerwehr", "Pressestelle Fulda",
                "Landesgruppe Hessen", "Satu Mare"):
        assert clean_name(run, set()) is None
    assert clean_name("Anna Berliner", set()) == "Anna Berliner"
    assert clean_name("Birgit Keller", set()) == "Birgit Keller"
    # a town the story names after a full name is where the person comes from: 'Helga Brenner Kufstein'
    assert clean_name("Helga Brenner Kufstein", {"Kufstein"}) == "Helga Brenner"


def test_a_bare_association_noun_is_no_body(tmp_path: Path):
    # 'der Vorsitzende des Fördervereins, A': which association, the phrase does not say
    roles = _roles(tmp_path, "Fulda. Der Vorsitzende des Fördervereins, Jens Mahler, dankte allen.\n")
    assert not any(o == "Förderverein" for _p, o in roles)


def test_a_town_with_its_region_after_a_slash_is_the_town(tmp_path: Path):
    # 'Bürgermeister von Lugau/Sachsen': Stadt Lugau, not a body named 'Lugau/Sachsen'
    roles = _roles(tmp_path, "Penzberg. Gerd Falk, Bürgermeister von Lugau/Sachsen, lobte die Stadt.\n")
    assert ("Gerd Falk", "Stadt Lugau") in roles
    assert not any("/" in o for _p, o in roles)


def test_a_bare_county_reference_after_a_title_is_the_storys_county(tmp_path: Path):
    # 'Digitalbeauftragte des Kreises', '… in der Kreisverwaltung': the county the story names, not a county of its town
    roles = _roles(tmp_path, "Landkreis Fulda. Lena Vogt, die neue Digitalbeauftragte in der Kreisverwaltung, "
                             "stellte den Plan vor.\n")
    assert ("Lena Vogt", "Landkreis Fulda") in roles



def test_two_offices_joined_by_und_give_the_first_one_to_the_town(tmp_path: Path):
    # 'Bürgermeisterin und Aufsichtsratsvorsitzende der Stadtwerke X': the company's office, and the town's mayor
    roles = _roles(tmp_path, "Kassel.\nDie Stadtwerke Kassel bauen ein Netz. Lena Vogt, Bürgermeisterin und "
                             "Aufsichtsratsvorsitzende der Stadtwerke Kassel, lobte den Plan.\n")
    assert {("Lena Vogt", "Stadt Kassel"), ("Lena Vogt", "Stadtwerke Kassel")} <= roles


def test_an_inverted_copula_may_hold_a_time_adverb_before_the_name(tmp_path: Path):
    # 'Stellvertretender Vorsitzender des Aufsichtsrates ist derzeit A': the organ of the story's one utility
    roles = _roles(tmp_path, "Kassel.\nDie Stadtwerke Kassel bauen ein Netz. Stellvertretender Vorsitzender des "
                             "Aufsichtsrates ist derzeit Max Lehmann (SPD).\n")
    assert ("Max Lehmann", "Stadtwerke Kassel") in roles


def test_a_quoted_title_and_an_object_after_the_body(tmp_path: Path):
    # 'die neue „Digitalbeauftragte“ des Kreises': the quotation marks wrap the title only;
    # 'als Leiterin des Landkreises das Projekt': the object after the body is no part of its name
    roles = _roles(tmp_path, "Landkreis Fulda. Lena Vogt, die neue „Digitalbeauftragte“ des Kreises, sprach.\n")
    assert ("Lena Vogt", "Landkreis Fulda") in roles
    roles = _roles(tmp_path, "Landkreis Fulda. Lena Vogt leitet als Digitalbeauftragte des Landkreises das Projekt.\n")
    assert ("Lena Vogt", "Landkreis Fulda") in roles
    assert ("Lena Vogt", "Landkreis Projekt") not in roles


def test_a_bare_administration_or_its_house_is_the_storys_county_or_town(tmp_path: Path):
    # 'Leiterin des Landratsamtes', 'A vom Landratsamt': the story's county; 'im Rathaus' is the town's, no 'Stadt Rathaus'
    roles = _roles(tmp_path, "Landkreis Fulda. Es sprach Lena Vogt vom Landratsamt über den Plan. Hanna Roth, "
                             "Leiterin des Landratsamtes, dankte.\n")
    assert {("Lena Vogt", "Landkreis Fulda"), ("Hanna Roth", "Landkreis Fulda")} <= roles
    roles = _roles(tmp_path, "Fulda. Lena Vogt, Sachgebietsleiterin im Rathaus, sprach über den Plan.\n")
    assert ("Lena Vogt", "Stadt Fulda") in roles
    assert ("Lena Vogt", "Stadt Rathaus") not in roles
