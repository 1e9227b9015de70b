"""Press partnerships and memberships, session 9: each phenomenon on a short text of our own (real gazetteer
places, made-up people)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import links as _links, read as _read


def test_an_impersonal_twinning_with_the_partner_first_belongs_to_the_story_town(tmp_path: Path):
    # 'Mit der <compound town noun> X besteht seit … eine Städtepartnerschaft': no owner named, the story's town is it
    text = ("Husum. Im Bürgerhaus wurden am Montag Fotos aus vier Jahrzehnten gezeigt. "
            "Mit der Kreisstadt Wismar besteht eine Städtepartnerschaft, die Ole Brandtner einst mitbegründet hat.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Husum", "Stadt Wismar"}) in _links(nodes, rels)


def test_the_plural_members_copula_after_the_sentence_naming_the_joint_body(tmp_path: Path):
    # 'Der Zweckverband X …. Mitglieder sind die Städte A und B sowie die Gemeinde C'
    text = ("Alsfeld. Der Zweckverband Wasserversorgung Schwalmtal wählte am Dienstag seinen Vorstand. "
            "Mitglieder sind die Städte Alsfeld und Schlitz sowie die Gemeinde Romrod.")
    nodes, rels = _read(tmp_path, text)
    net = "Zweckverband Wasserversorgung Schwalmtal"
    assert {frozenset({"Stadt Alsfeld", net}), frozenset({"Stadt Schlitz", net}), frozenset({"Gemeinde Romrod", net})} <= _links(nodes, rels)


def test_a_participle_bestehend_aus_lists_the_members_of_the_body_before_it(tmp_path: Path):
    # 'Die LEADER-Region X, bestehend aus den Städten A, B und C, …'
    text = "Alsfeld. Die LEADER-Region Vogelsberg, bestehend aus den Städten Alsfeld, Schlitz und Herbstein, zog am Freitag Bilanz."
    nodes, rels = _read(tmp_path, text)
    net = "LEADER-Region Vogelsberg"
    assert {frozenset({"Stadt Alsfeld", net}), frozenset({"Stadt Schlitz", net}), frozenset({"Stadt Herbstein", net})} <= _links(nodes, rels)


def test_zur_region_gehoeren_with_a_colon_list_names_its_members(tmp_path: Path):
    # 'Zur ILE-Region X gehören folgende Gemeinden: A, B und C' (the kind word before the colon heads the names)
    text = "Romrod. Zur ILE-Region Oberes Schwalmtal gehören folgende Gemeinden: Romrod, Feldatal und Grebenau."
    nodes, rels = _read(tmp_path, text)
    net = "ILE-Region Oberes Schwalmtal"
    assert {frozenset({"Gemeinde Romrod", net}), frozenset({"Gemeinde Feldatal", net}), frozenset({"Gemeinde Grebenau", net})} <= _links(nodes, rels)


def test_an_agent_nouns_dative_plural_after_a_partner_town_is_no_town(tmp_path: Path):
    # 'der Partnerstadt X und den Sponsoren/Helfern …': a dative plural of people after a town names no town
    text = ("Goslar. Zum Abschluss des Stadtfestes dankte Lene Varholt der Partnerstadt Arcachon "
            "sowie allen ehrenamtlichen Ordnern des Festes.")
    nodes, rels = _read(tmp_path, text)
    assert not any("Ordnern" in name for pair in _links(nodes, rels) for name in pair)


def test_two_spellings_of_one_town_make_no_pair():
    # a misspelt name ('Zgorzelecz' beside the known 'Zgorzelec') is one town, no partner of itself; two towns stay two
    from stakegraph.importers.press.linkcheck import _one_place
    from stakegraph.importers.press.orgs import municipality
    assert _one_place(municipality("Zgorzelecz"), municipality("Zgorzelec"))
    assert not _one_place(municipality("Baden"), municipality("Badenweiler"))
    assert not _one_place(municipality("Ulm"), municipality("Ulma"))
    assert not _one_place(municipality("Kamen"), municipality("Kamenz"))  # two real towns, and twinned
    assert not _one_place(municipality("Wulvenhof"), municipality("Wulvenhofen"))  # neither known: no evidence of a typo


def test_an_agreement_noun_with_both_sides_in_the_genitive_pairs_them(tmp_path: Path):
    # 'die Übereinkunft der Stadt A und der Gemeinde B über …' (also '-vereinbarung', '-abkommen', '-vertrag')
    text = "Emmerich. Der Kreistag billigte am Abend die Vereinbarung der Stadt Kleve und der Gemeinde Kranenburg zum Winterdienst."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Kleve", "Gemeinde Kranenburg"}) in _links(nodes, rels)


def test_people_named_by_their_bodies_as_subject_of_a_pair_cue_pair_the_bodies(tmp_path: Path):
    # 'Die Bürgermeister von A und B, X und Y, wollen … zusammenarbeiten': A and B are the partners
    text = "Emmerich. Die Oberbürgermeister aus Kleve und Goch haben eine Kooperation beim Winterdienst vereinbart."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Kleve", "Stadt Goch"}) in _links(nodes, rels)


def test_official_municipal_kinds_of_rural_and_neighbouring_countries_name_bodies(tmp_path: Path):
    # 'Landgemeinde X' (a German kind), 'Gmina X' (Polish), 'Gemeente X' (Dutch) are municipal bodies in member and pair slots
    nodes, rels = _read(tmp_path, "Jülich. Dem Zweckverband Tagebaufolge Inden gehören die Stadt Jülich und die Landgemeinde Titz an.")
    assert frozenset({"Landgemeinde Titz", "Zweckverband Tagebaufolge Inden"}) in _links(nodes, rels)
    nodes, rels = _read(tmp_path, "Guben. Die Stadt Guben und die Gmina Gubin unterzeichneten einen Kooperationsvertrag.")
    assert frozenset({"Stadt Guben", "Gmina Gubin"}) in _links(nodes, rels)
    nodes, rels = _read(tmp_path, "Kleve. Die Stadt Kleve pflegt seit 1990 eine Partnerschaft mit der Gemeente Nijmegen.")
    assert frozenset({"Stadt Kleve", "Gemeente Nijmegen"}) in _links(nodes, rels)


def test_a_fronted_cooperation_phrase_with_mit_names_the_subjects_partner(tmp_path: Path):
    # 'Im Rahmen einer Kooperation mit der Hochschule X bietet die Stadt Y …': the 'mit' object and the subject after the verb
    text = "Passau. Im Rahmen einer Kooperation mit der Universität Passau bietet die Stadt Vilshofen ab Herbst Sprachkurse an."
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Vilshofen", "Universität Passau"}) in _links(nodes, rels)


def test_signers_for_two_bodies_pair_the_bodies(tmp_path: Path):
    # 'X und Y unterzeichneten für die Stadt A und die Hochschule B den Vertrag'
    text = ("Passau. Bürgermeisterin Ida Wolfsried und Kanzler Ben Ostrauer unterzeichneten für die Stadt Vilshofen "
            "und die Universität Passau den Vertrag.")
    nodes, rels = _read(tmp_path, text)
    assert frozenset({"Stadt Vilshofen", "Universität Passau"}) in _links(nodes, rels)


def test_plural_people_who_are_no_officials_pair_no_bodies(tmp_path: Path):
    # 'Die Schüler aus A und B … wollen zusammenarbeiten': pupils speak for no town; only titles name bodies' people
    nodes, rels = _read(tmp_path, "Kempten. Die Schüler aus Kempten und Lindau, die am Montag tagten, wollen künftig zusammenarbeiten.")
    assert not _links(nodes, rels)
