"""FollowTheMoney importer and exporter: streaming, forward references, mapping rules, round trip."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from stakegraph.exports import export_graph
from stakegraph.graph.errors import InputError
from stakegraph.importers import IMPORTERS, ImportContext, detect
from tests.standards_helpers import FIXTURES, check_provenance, labels, load, samples, types
from tests.test_popolo import _records_graph, _summary

FIXTURE = FIXTURES / "entities.ftm.json"


def _raw(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["t1.ftm.json", "zala.ftm.json"])
def test_shared_samples_counts_follow_the_raw_lines(name):
    path = samples("ftm") / name
    ents = _raw(path)
    schema_of = {e["id"]: e["schema"] for e in ents}
    by = Counter(e["schema"] for e in ents)
    directorships = [e for e in ents if e["schema"] == "Directorship"]
    by_person = sum(schema_of.get(d["properties"]["director"][0]) == "Person" for d in directorships)
    assert detect(path).name == "ftm"
    records, g, ctx = load("ftm", path)
    check_provenance(records)
    assert labels(g)["Person"] == by["Person"]
    assert labels(g)["Organization"] == by["Organization"] + by["Company"] + by["LegalEntity"] + by["PublicBody"]
    assert types(g)["HOLDS_ROLE"] == by_person + by["Membership"] + by["Employment"]
    assert types(g)["OWNS"] == by["Ownership"]
    assert types(g)["RELATED_TO"] == by["Family"] + by["Associate"] + len(directorships) - by_person
    skipped = sum(ctx.skipped.values())
    assert skipped == by["Sanction"] + by["Address"] + by["Passport"]
    if by["Sanction"]:
        assert ctx.skipped["ftm: Sanction (kept as a property of the entity it refers to)"] == by["Sanction"]
        assert any(d.get("sanctions") for _, d in g.nodes(data=True))


def test_fixture_mapping_rules():
    records, g, ctx = load("ftm", FIXTURE)
    check_provenance(records)
    assert labels(g) == Counter({"Person": 3, "Organization": 5, "Event": 1, "Source": 2})
    assert types(g) == Counter({"HOLDS_ROLE": 4, "OWNS": 2, "RELATED_TO": 6, "ATTENDED": 3})
    clara = g.nodes["person:ftm:entities:per-1"]
    assert (clara["given_name"], clara["family_name"], clara["gender"]) == ("Clara", "Berg", "female")
    assert {"ftm:entities:per-1", "wikidata:Q300"} <= set(clara["identifiers"]) and clara["aliases"] == ["Klara Berg"]
    assert clara["address"] == ["Hauptstr. 1, 53111 Bonn"] and clara["birth_date"] == "1970-05-06"
    kinds = {n: d.get("kind") for n, d in g.nodes(data=True) if d["label"] == "Organization"}
    assert kinds == {"organization:ftm:entities:org-1": "other", "organization:ftm:entities:co-1": "company",
                     "organization:ftm:entities:pb-1": "government", "organization:ftm:entities:le-1": "other",
                     "organization:ftm:entities:pos-1": "government"}
    assert g.nodes["organization:ftm:entities:le-1"]["sanctions"] == ["Demo sanctions; Demo authority"]
    assert {"lei:5299001", "registration:HRB 123"} <= set(g.nodes["organization:ftm:entities:co-1"]["identifiers"])


def test_roles_ownership_and_links():
    _, g, ctx = load("ftm", FIXTURE)
    roles = {(u, v): d for u, v, d in g.edges(data=True) if d["type"] == "HOLDS_ROLE"}
    assert roles[("person:ftm:entities:per-1", "organization:ftm:entities:org-1")]["role"] == "board_member"  # member line came first
    assert roles[("person:ftm:entities:per-1", "organization:ftm:entities:co-1")]["role"] == "managing_director"
    emp = roles[("person:ftm:entities:per-2", "organization:ftm:entities:pb-1")]
    assert (emp["title"], emp["since"], emp["until"]) == ("Referent", "2020-03-01", "2022-02-28")
    occ = roles[("person:ftm:entities:per-2", "organization:ftm:entities:pos-1")]
    assert occ["title"] == "Member of the City Council" and occ["since"] == "2014-06-01"
    shares = {u: d["share"] for u, v, d in g.edges(data=True) if d["type"] == "OWNS"}
    assert shares == {"organization:ftm:entities:le-1": 0.25, "person:ftm:entities:per-1": 0.075}
    related = {d["kind"]: d for _, _, d in g.edges(data=True) if d["type"] == "RELATED_TO"}
    assert set(related) == {"directorship", "family", "associate", "unknown", "representation", "payment"}
    assert (related["payment"]["amount"], related["payment"]["currency"], related["payment"]["date"]) == \
        (15000.0, "EUR", "2023-04-01")
    assert related["family"]["label"] == "sister"
    assert g.nodes["person:ftm:entities:per-missing"]["extractor"] == "ftm:placeholder"
    sides = Counter(d["side"] for _, _, d in g.in_edges("event:ftm:entities:ev-1", data=True))
    assert sides == Counter({"participant": 2, "organizer": 1})


def test_everything_left_out_is_counted_with_a_reason():
    _, _, ctx = load("ftm", FIXTURE)
    assert ctx.skipped == Counter({
        "ftm: Sanction (kept as a property of the entity it refers to)": 1,
        "ftm: Address (kept as a property of the entity it refers to)": 1,
        "ftm: Address (referenced by no entity)": 1,
        "ftm: Passport (schema not imported)": 1,
        "ftm: Vessel (schema not imported)": 1,
        "ftm: Ownership linking a Vessel (not a graph entity)": 1,
    })
    assert any("placeholder" in n for n in ctx.notes)


def test_bad_line_names_file_and_line():
    with pytest.raises(InputError, match=r"bad\.ftm\.json: line 3: invalid JSON"):
        list(IMPORTERS["ftm"].read(FIXTURES / "bad.ftm.json", ImportContext()))


def test_progress_adds_up_to_the_file_size():
    seen: list[int] = []
    load("ftm", FIXTURE, ImportContext(progress=seen.append))
    assert sum(seen) == FIXTURE.stat().st_size


def test_sniff_is_confident_only_for_ftm_lines():
    imp = IMPORTERS["ftm"]
    assert imp.sniff(FIXTURE, FIXTURE.read_bytes()[:4096]) >= 0.9
    assert imp.sniff(FIXTURES / "popolo.json", (FIXTURES / "popolo.json").read_bytes()[:4096]) < 0.5


def test_round_trip_keeps_persons_organizations_and_roles(tmp_path):
    g = _records_graph()
    [path] = export_graph("ftm", g, tmp_path / "out.ftm.json")
    assert detect(path).name == "ftm"
    _, h, _ = load("ftm", path)
    assert _summary(h) == _summary(g)
    assert set(g.nodes) - {"source:test"} <= set(h.nodes)
    assert h.has_edge("organization:council", "organization:city")  # PART_OF survives as an UnknownLink
    assert h.has_edge("person:bo", "event:session")
    assert set(h.edges(keys=True)) == set(g.edges(keys=True))  # same edges, so a re-import merges


def test_fixture_round_trip_through_ftm_export(tmp_path):
    _, g, _ = load("ftm", FIXTURE)
    [path] = export_graph("ftm", g, tmp_path / "again.ftm.json")
    _, h, _ = load("ftm", path)
    assert types(h) == types(g)
    assert _summary(h) == _summary(g)
