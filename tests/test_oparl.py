"""OParl importer: single objects, list pages, crawled dump folders, placeholders, sniffing."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from stakegraph.graph.errors import InputError
from stakegraph.importers import IMPORTERS, ImportContext, detect
from tests.standards_helpers import FIXTURES, check_provenance, labels, load, samples, types

DUMP = FIXTURES / "oparl_dump"
B = "https://ris.example.de/oparl/v1.1"


def _walk(obj, found: dict) -> None:
    """Every typed OParl object in raw JSON, by id (embedded ones too)."""
    if isinstance(obj, dict):
        if obj.get("type") and obj.get("id"):
            kind = obj["type"].rsplit("/", 1)[-1]
            found.setdefault(kind, {})[obj["id"]] = obj
        for value in obj.values():
            _walk(value, found)
    elif isinstance(obj, list):
        for value in obj:
            _walk(value, found)


def test_shared_samples_counts_follow_the_raw_json():
    folder = samples("oparl")
    raw: dict = {}
    for f in sorted(folder.glob("*.json")):
        _walk(json.loads(f.read_text("utf-8")), raw)
    persons = raw.get("Person", {})
    memberships = raw.get("Membership", {})
    status = sum(len(p.get("status") or []) for p in persons.values())
    meetings = raw.get("Meeting", {})
    attended = sum(len(m.get("organization") or []) + len(m.get("participant") or []) for m in meetings.values())
    records, g, ctx = load("oparl", folder)
    check_provenance(records)
    real_persons = [n for n, d in g.nodes(data=True) if d["label"] == "Person" and d["extractor"] == "oparl"]
    assert len(real_persons) == len(persons)
    assert types(g)["HOLDS_ROLE"] == len(memberships) + status
    assert labels(g)["Event"] == len(meetings)
    assert types(g)["ATTENDED"] == attended
    orgs = len(raw.get("Organization", {})) + len(raw.get("Body", {}))
    real_orgs = [n for n, d in g.nodes(data=True) if d["label"] == "Organization" and d["extractor"] == "oparl"]
    assert len(real_orgs) == orgs
    # Organization-01 lists membership URLs that are not in the input: counted, not lost silently
    listed = sum(len(o.get("membership") or []) for o in raw.get("Organization", {}).values())
    assert ctx.skipped["oparl: membership referenced by an organization but not in the input (person unknown)"] == listed
    max_ = g.nodes["person:oparl:oparl.example.org/person/29"]
    assert max_["honorific"] == "Prof. Dr." and max_["given_name"] == "Max" and max_["gender"] == "male"
    assert "oparl:https://oparl.example.org/person/29" in max_["identifiers"]


@pytest.mark.parametrize("name", ["Person-01.json", "Organization-01.json", "Meeting-01.json",
                                  "body-leipzig.json", "meeting-wuppertal.json"])
def test_each_shared_sample_is_sniffed_as_oparl(name):
    path = samples("oparl") / name
    assert detect(path).name == "oparl"


def test_dump_folder_resolves_across_pages_and_files():
    assert detect(DUMP).name == "oparl"
    records, g, ctx = load("oparl", DUMP)
    check_provenance(records)
    assert labels(g) == Counter({"Source": 7, "Organization": 5, "Person": 4, "Event": 1})
    assert types(g) == Counter({"HOLDS_ROLE": 5, "PART_OF": 3, "ATTENDED": 4})
    body = g.nodes["organization:oparl:ris.example.de/oparl/v1.1/body/1"]
    assert body["kind"] == "municipality"
    assert {"ags:05911000", "rgs:059110000000", "wikidata:Q2103"} <= set(body["identifiers"])
    committee = "organization:oparl:ris.example.de/oparl/v1.1/organization/11"
    assert g.nodes[committee]["kind"] == "unit" and g.nodes[committee]["place"] == "Stadt Musterstadt"
    assert g.nodes["organization:oparl:ris.example.de/oparl/v1.1/organization/20"]["kind"] == "party"
    parents = {(u, v) for u, v, d in g.edges(data=True) if d["type"] == "PART_OF"}
    assert (committee, "organization:oparl:ris.example.de/oparl/v1.1/organization/10") in parents


def test_membership_mapping_roles_dates_voting_and_on_behalf_of():
    _, g, _ = load("oparl", DUMP)
    erika = "person:oparl:ris.example.de/oparl/v1.1/person/1"
    roles = {d["title"]: d for u, v, d in g.edges(data=True) if u == erika and d["type"] == "HOLDS_ROLE"}
    assert roles["Vorsitzende"]["role"] == "council_chair" and roles["Vorsitzende"]["since"] == "2020-11-01"
    member = roles["Mitglied"]
    assert (member["since"], member["until"], member["voting_right"]) == ("2021-01-15", "2023-06-30", True)
    assert member["on_behalf_of"] == "organization:oparl:ris.example.de/oparl/v1.1/organization/20"
    assert isinstance(member["on_behalf_of"], str)
    assert roles["Oberbürgermeisterin"]["role"] == "mayor"  # status -> role in the body
    node = g.nodes[erika]
    assert (node["honorific"], node["gender"], node["family_name"]) == ("Dr.", "female", "Beispiel")
    jonas = g.nodes["person:oparl:ris.example.de/oparl/v1.1/person/2"]
    assert jonas["name"] == "Jonas Muster" and jonas["gender"] == "male"  # name from givenName/familyName


def test_missing_references_become_placeholders_and_skips_are_counted():
    records, g, ctx = load("oparl", DUMP)
    missing_org = g.nodes["organization:oparl:ris.example.de/oparl/v1.1/organization/99"]
    assert missing_org["name"] == "Organization 99" and missing_org["extractor"] == "oparl:placeholder"
    missing_person = g.nodes["person:oparl:ris.example.de/oparl/v1.1/person/77"]
    assert missing_person["name"] == "Person 77"
    assert ctx.skipped["oparl: item without id/type"] == 1
    assert ctx.skipped["oparl: membership referenced by an organization but not in the input (person unknown)"] == 1
    assert ctx.skipped["oparl: LegislativeTerm object (no graph entity)"] == 1
    assert any("next" in note and "people?page=2" in note for note in ctx.notes)
    assert not any("organizations?page=2" in note for note in ctx.notes)  # that page is in the dump


def test_meeting_becomes_council_session_with_sides():
    _, g, _ = load("oparl", DUMP)
    ev = "event:oparl:ris.example.de/oparl/v1.1/meeting/5"
    d = g.nodes[ev]
    assert (d["kind"], d["date"], d["end_date"], d["place"]) == ("council_session", "2022-03-10", "2022-03-10",
                                                                  "Rathaus, Saal 2")
    sides = Counter(e["side"] for _, _, e in g.in_edges(ev, data=True))
    assert sides == Counter({"participant": 3, "organizer": 1})


def test_committee_colleagues_are_a_query_away():
    _, g, _ = load("oparl", DUMP)
    committee = "organization:oparl:ris.example.de/oparl/v1.1/organization/11"
    members = {(u, d.get("since"), d.get("until")) for u, v, d in g.in_edges(committee, data=True)
               if d["type"] == "HOLDS_ROLE"}
    assert {m[0].rsplit("/", 1)[-1] for m in members} == {"1", "2"}


def test_ids_are_stable_across_imports_and_placeholder_merges_with_the_real_object(tmp_path):
    a = [r.id if hasattr(r, "id") else r.key for r in load("oparl", DUMP)[0]]
    b = [r.id if hasattr(r, "id") else r.key for r in load("oparl", DUMP)[0]]
    assert a == b
    single = tmp_path / "org.json"
    single.write_text(json.dumps({"id": f"{B}/organization/99", "type": "https://schema.oparl.org/1.1/Organization",
                                  "name": "Jugendhilfeausschuss"}), "utf-8")
    _, g, _ = load("oparl", single)
    assert "organization:oparl:ris.example.de/oparl/v1.1/organization/99" in g


def test_bad_json_names_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"id": "x", "type": "https://schema.oparl.org/1.1/Person",', "utf-8")
    with pytest.raises(InputError, match="broken.json"):
        list(IMPORTERS["oparl"].read(bad, ImportContext()))


def test_sniff_leaves_other_json_alone(tmp_path):
    other = tmp_path / "graph.json"
    other.write_text('{"directed": true, "multigraph": true, "nodes": [], "edges": []}', "utf-8")
    assert IMPORTERS["oparl"].sniff(other, other.read_bytes()) == 0.0
    assert detect(other).name == "json"
