"""Bodies a person holds a role in (session 9): organs named alone, state ministers.

Invented sentences and persons; places are real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import read, roles as _roles


def _parents(tmp_path: Path, text: str) -> dict[str, set[str]]:
    """Organization name -> names of the bodies it is PART_OF."""
    nodes, rels = read(tmp_path, text)
    out: dict[str, set[str]] = {}
    for r in rels:
        if r.type == "PART_OF":
            out.setdefault(nodes[r.source].name, set()).add(nodes[r.target].name)
    return out


def test_a_committee_named_alone_after_a_title_is_an_organ_of_the_story_town(tmp_path: Path) -> None:
    # 'Vorsitzende des <X>ausschusses' / 'Mitglied des <X>beirats': one organ, of the town the story is from
    text = ("Fulda. Die Vorsitzende des Wegebauausschusses, Rita Kolb, eröffnete die Sitzung. Auch Udo Senn, "
            "Mitglied des Kulturbeirats, sprach über den Haushalt.\n")
    found = _roles(tmp_path, text)
    assert ("Rita Kolb", "Wegebauausschuss") in found and ("Udo Senn", "Kulturbeirat") in found
    assert _parents(tmp_path, text)["Wegebauausschuss"] == {"Stadt Fulda"}


def test_a_towns_adjective_before_the_organ_names_its_owner(tmp_path: Path) -> None:
    text = "Fulda. Zu Gast war Lea Horn, Mitglied des Kasseler Fachbeirats, mit zwei Kollegen.\n"
    assert ("Lea Horn", "Fachbeirat") in _roles(tmp_path, text)
    assert _parents(tmp_path, text)["Fachbeirat"] == {"Stadt Kassel"}


def test_an_organ_of_a_state_or_nation_is_not_the_towns(tmp_path: Path) -> None:
    text = "Fulda. Es sprach Karl Wendt, Vorsitzender des Bundesausschusses, über Geld.\n"
    assert not any(org == "Bundesausschuss" for _p, org in _roles(tmp_path, text))


def test_a_minister_title_alone_is_of_the_one_state_the_story_names(tmp_path: Path) -> None:
    text = "Fulda. Die Stadt in Bayern ist stolz. Das lobte Verkehrsministerin Gesa Wirth bei ihrem Besuch.\n"
    nodes, _rels = read(tmp_path, text)
    assert ("Gesa Wirth", "Land Bayern") in _roles(tmp_path, text)
    land = next(n for n in nodes.values() if n.name == "Land Bayern")
    assert {"Freistaat Bayern", "Bayerische Staatsregierung"} <= set(land.props.get("aliases", []))
    # a federal or foreign minister is none of the state's
    text = "Fulda. Die Stadt in Bayern ist stolz. Das lobte Außenministerin Gesa Wirth bei ihrem Besuch.\n"
    assert ("Gesa Wirth", "Land Bayern") not in _roles(tmp_path, text)


def test_a_genitive_name_with_two_adjectives_or_an_elided_pair_is_given_in_the_nominative() -> None:
    from stakegraph.importers.press.org_grammar import nominative
    assert nominative("Bayerischen Roten Kreuzes") == "Bayerisches Rotes Kreuz"
    assert nominative("Sächsischen Städte- und Gemeindetages") == "Sächsischer Städte- und Gemeindetag"
    assert nominative("Thüringischen Landesamtes Erfurt") == "Thüringisches Landesamt Erfurt"  # one adjective as before


def test_an_organ_whose_first_part_names_a_kind_of_body_is_the_storys_such_body(tmp_path: Path) -> None:
    # 'der Verbandsversammlung': of the association the story names, not of the town; 'des Kreistages': of its county
    text = "Fulda. Der Abwasserverband Kinzig tagte. Der Vorsitzende der Verbandsversammlung, Timo Lange, dankte.\n"
    assert _parents(tmp_path, text)["Verbandsversammlung"] == {"Abwasserverband Kinzig"}
    text = "Landkreis Fulda. Udo Senn, Mitglied des Kreistages, lobte den Plan.\n"
    assert _parents(tmp_path, text)["Kreistag"] == {"Landkreis Fulda"}
    text = "Fulda. Udo Senn, Mitglied des Kreistages, lobte den Plan.\n"  # no county in the story: none of the town's
    assert "Stadt Fulda" not in _parents(tmp_path, text).get("Kreistag", set())


def test_a_towns_adjective_before_its_council_names_the_town(tmp_path: Path) -> None:
    text = "Fulda. Zu Gast war Ida Moor, Mitglied des Kasseler Stadtrats, mit ihrem Mann.\n"
    assert ("Ida Moor", "Stadtrat") in _roles(tmp_path, text)
    assert _parents(tmp_path, text)["Stadtrat"] == {"Stadt Kassel"}


def test_a_states_adjective_before_a_state_office_names_the_state(tmp_path: Path) -> None:
    # two states named: the adjective right before the title says which one
    text = ("Fulda. Die Stadt in Hessen plant mit Partnern aus Thüringen. Es sprach der thüringische Umweltminister "
            "Veit Hofer, danach die hessische Landtagsabgeordnete Mara Quist.\n")
    found = _roles(tmp_path, text)
    assert ("Veit Hofer", "Land Thüringen") in found and ("Mara Quist", "Landtag Hessen") in found


def test_a_company_or_club_organ_is_no_organ_of_the_town(tmp_path: Path) -> None:
    # 'Vorsitzender der Gesellschafterversammlung' (of a company), 'der Mitgliederversammlung' (of a club): not the town's
    text = ("Fulda. Die Stadtwerke Fulda legten ihre Bilanz vor. Vorsitzender der Gesellschafterversammlung ist "
            "Bürgermeister Jan Roder. Die Mitgliederversammlung leitete Eva Stamm.\n")
    assert "Gesellschafterversammlung" not in _parents(tmp_path, text)
