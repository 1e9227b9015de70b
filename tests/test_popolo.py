"""Popolo importer and exporter: EveryPolitician samples, mapping rules, legislative periods, round trip."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from stakegraph.exports import export_graph
from stakegraph.graph.convert import to_graph
from stakegraph.graph.errors import InputError
from stakegraph.graph.records import Node, Rel
from stakegraph.importers import IMPORTERS, ImportContext, detect
from stakegraph.importers.popolo import PARTY_MEMBER
from tests.standards_helpers import FIXTURES, check_provenance, labels, load, samples, types

FIXTURE = FIXTURES / "popolo.json"
PERIODS = {"legislative period", "legislative term", "term"}


@pytest.mark.parametrize("name", ["zimbabwe-senate-ep-popolo-v1.0.json", "burundi-ep-popolo-v1.0.json"])
def test_shared_samples_import_every_person_and_membership(name):
    path = samples("popolo") / name
    raw = json.loads(path.read_text("utf-8"))
    assert detect(path).name == "popolo"
    records, g, ctx = load("popolo", path)
    check_provenance(records)
    periods = [e for e in raw["events"] if e.get("classification") in PERIODS]
    assert labels(g)["Person"] == len(raw["persons"])
    assert labels(g)["Organization"] == len(raw["organizations"])
    assert labels(g)["Event"] == len(raw["events"]) - len(periods)
    seats = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("title") != PARTY_MEMBER]
    assert len(seats) == len(raw["memberships"])
    # on_behalf_of_id is a link: each member holds a party membership for the period of the seat
    parties = {(m["person_id"], m["on_behalf_of_id"]) for m in raw["memberships"] if m.get("on_behalf_of_id")}
    ns = g.nodes[seats[0][0]]["identifiers"][0].split(":")[1]
    assert {(u.rsplit(":", 1)[1], v.rsplit(":", 1)[1]) for u, v, d in g.edges(data=True)
            if d.get("title") == PARTY_MEMBER} == parties and ns == name.split("-ep-")[0]
    assert ctx.skipped["popolo: legislative period (kept on memberships, not an event)"] == len(periods)
    assert ctx.skipped["popolo: area (kept as membership property)"] == len(raw["areas"])
    # every membership names its period and party, every source URL is a Source node
    for _, _, d in seats:
        assert d["legislative_period"] and d["on_behalf_of"] in g
    urls = {s["url"] for p in raw["persons"] for s in p.get("sources", [])} | set(raw["meta"]["sources"])
    assert urls <= {d.get("url") for _, d in g.nodes(data=True) if d["label"] == "Source"}
    wikidata = {f"wikidata:{i['identifier']}" for o in raw["organizations"] for i in o.get("identifiers", [])
                if i["scheme"] == "wikidata"}
    assert wikidata <= {i for _, d in g.nodes(data=True) for i in d.get("identifiers", [])}


def test_fixture_mapping_rules():
    records, g, ctx = load("popolo", FIXTURE)
    check_provenance(records)
    assert labels(g) == Counter({"Person": 3, "Organization": 5, "Event": 1, "Source": 3})
    assert types(g) == Counter({"HOLDS_ROLE": 8, "MEMBER_OF": 1, "PART_OF": 1, "ATTENDED": 3})
    anna = g.nodes["person:popolo:popolo:p1"]
    assert (anna["honorific"], anna["given_name"], anna["gender"]) == ("Dr.", "Anna", "female")
    assert {"popolo:popolo:p1", "wikidata:Q100001"} <= set(anna["identifiers"]) and anna["aliases"] == ["Anna Schmitt"]
    assert g.nodes["organization:popolo:popolo:leg"]["kind"] == "government"
    assert g.nodes["organization:popolo:popolo:leg/finance"]["kind"] == "unit"
    assert g.nodes["organization:popolo:popolo:party/green"]["kind"] == "party"
    assert g.nodes["organization:popolo:popolo:org/coalition"]["extractor"] == "popolo:placeholder"


def test_memberships_keep_periods_posts_areas_and_parties():
    _, g, ctx = load("popolo", FIXTURE)
    anna = {(d.get("legislative_period"), d.get("title")): d for u, _, d in g.out_edges("person:popolo:popolo:p1", data=True)}
    term5 = anna[("5th Parliament", "member")]
    assert (term5["since"], term5["until"], term5["area"]) == ("2016-05-01", "2021-04-30", "North")
    assert term5["on_behalf_of"] == "organization:popolo:popolo:party/green" and term5["role"] == "member_of_parliament"
    assert ("6th Parliament", "member") in anna  # a second term is a second membership
    chair = anna[(None, "Committee Chair")]
    assert (chair["since"], chair["until"]) == ("2021-02-01", "2022-12-31")
    assert g.has_edge("person:popolo:popolo:p1", "organization:popolo:popolo:leg/finance")
    assert g.nodes["person:popolo:popolo:p404"]["name"] == "Person p404"
    assert ctx.skipped["popolo: membership without person or organization"] == 1
    assert ctx.skipped["popolo: legislative period (kept on memberships, not an event)"] == 2
    assert ctx.skipped["popolo: post (its label kept as membership title)"] == 1


def test_events_become_attendance():
    _, g, _ = load("popolo", FIXTURE)
    ev = g.nodes["event:popolo:popolo:ev/1"]
    assert (ev["kind"], ev["date"], ev["place"]) == ("meeting", "2022-03-03", "Room 101")
    sides = {u: d["side"] for u, _, d in g.in_edges("event:popolo:popolo:ev/1", data=True)}
    assert sides == {"person:popolo:popolo:p1": "participant", "person:popolo:popolo:p2": "guest",
                     "organization:popolo:popolo:leg/finance": "organizer"}


def test_ids_are_deterministic():
    first = [getattr(r, "id", None) or r.key for r in load("popolo", FIXTURE)[0]]
    assert first == [getattr(r, "id", None) or r.key for r in load("popolo", FIXTURE)[0]]


def test_not_popolo_is_an_input_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"persons": {"a": 1}}', "utf-8")
    with pytest.raises(InputError, match="x.json"):
        list(IMPORTERS["popolo"].read(bad, ImportContext()))
    assert IMPORTERS["popolo"].sniff(bad, b'{"nodes": [], "edges": [], "persons": []}') == 0.0


def _summary(g):
    persons = {d["name"] for _, d in g.nodes(data=True) if d["label"] == "Person"}
    orgs = {d["name"] for _, d in g.nodes(data=True) if d["label"] == "Organization"}
    roles = Counter((g.nodes[u]["name"], g.nodes[v]["name"], d.get("title"), d.get("since"), d.get("until"))
                    for u, v, d in g.edges(data=True) if d["type"] == "HOLDS_ROLE")
    return persons, orgs, roles


def _records_graph():
    prov = {"sources": ["source:test"], "extractor": "test"}
    recs = [Node("source:test", "Source", "test", {"url": "https://example.org/list"}),
            Node("person:ada", "Person", "Ada Lovelace", {"given_name": "Ada", "gender": "female", **prov}),
            Node("person:bo", "Person", "Bo Chen", prov),
            Node("organization:council", "Organization", "City Council", {"kind": "unit", **prov}),
            Node("organization:city", "Organization", "Example City", {"kind": "municipality", **prov}),
            Node("event:session", "Event", "Council session", {"kind": "council_session", "date": "2024-05-02", **prov}),
            Rel("HOLDS_ROLE", "person:ada", "organization:council", {"title": "Vorsitzende", "role": "council_chair",
                                                                   "since": "2020", **prov}),
            Rel("HOLDS_ROLE", "person:bo", "organization:council", {"title": "Mitglied", "until": "2023-12", **prov}),
            Rel("PART_OF", "organization:council", "organization:city", prov),
            Rel("ATTENDED", "person:bo", "event:session", {"side": "participant", **prov})]
    return to_graph(r.validate() for r in recs)


def test_round_trip_keeps_persons_organizations_and_roles(tmp_path):
    g = _records_graph()
    [path] = export_graph("popolo", g, tmp_path / "out.json")
    assert detect(path).name == "popolo"
    _, h, _ = load("popolo", path)
    assert _summary(h) == _summary(g)
    assert set(g.nodes) - {"source:test"} <= set(h.nodes)  # stakegraph ids survive
    assert h.has_edge("organization:council", "organization:city")
    assert h.has_edge("person:bo", "event:session")
    assert {e for e in h.edges(keys=True) if e[2].startswith("HOLDS_ROLE")} == \
        {e for e in g.edges(keys=True) if e[2].startswith("HOLDS_ROLE")}


def test_term_dates_never_make_a_seat_end_before_it_starts(tmp_path):
    """A seat that ends before its term began (it happens in real files) keeps only its own end date:
    inheriting the term's start would store an impossible period that no re-import accepts."""
    doc = {"persons": [{"id": "p/a", "name": "Ada Early"}, {"id": "p/b", "name": "Ben Normal"}],
           "organizations": [{"id": "house", "name": "The House", "classification": "legislature"}],
           "events": [{"id": "term/9", "name": "Ninth term", "classification": "legislative period",
                       "start_date": "2030-11-08", "end_date": "2034-11-07"}],
           "memberships": [{"person_id": "p/a", "organization_id": "house", "legislative_period_id": "term/9",
                            "end_date": "2030-10-25"},
                           {"person_id": "p/b", "organization_id": "house", "legislative_period_id": "term/9"}]}
    path = tmp_path / "house.json"
    path.write_text(json.dumps(doc), "utf-8")
    _, g, ctx = load("popolo", path)
    seats = {u.rsplit(":", 1)[1]: (d.get("since"), d.get("until")) for u, _, d in g.edges(data=True)}
    assert seats == {"p/a": (None, "2030-10-25"), "p/b": ("2030-11-08", "2034-11-07")}
    assert ctx.skipped["popolo: legislative period date contradicting the membership's own (not inherited)"] == 1
    [out] = export_graph("popolo", g, tmp_path / "out.json")
    load("popolo", out)  # the export imports again


def test_export_after_a_party_merge_names_the_kept_party(tmp_path):
    """Seats keep the on_behalf_of they were imported with; after `merge` of two parties the export
    names the kept party, so an import does not bring the dropped one back with its memberships."""
    prov = {"sources": ["source:test"], "extractor": "test"}
    recs = [Node("source:test", "Source", "test", {"url": "https://example.org/house"}),
            Node("person:cy", "Person", "Cy Dale", prov),
            Node("organization:house", "Organization", "The House", {"kind": "government", **prov}),
            Node("organization:reds", "Organization", "Reds", {"kind": "party", "merged_from": ["organization:pinks"],
                                                                "aliases": ["Pinks"], **prov}),
            Rel("HOLDS_ROLE", "person:cy", "organization:house", {"title": "member", "since": "2020",
                                                                 "on_behalf_of": "organization:pinks", **prov}),
            Rel("HOLDS_ROLE", "person:cy", "organization:reds", {"title": PARTY_MEMBER, "since": "2020", **prov},
                key="HOLDS_ROLE:party-member:on-behalf-of:2020")]  # the key the importer gives a party link
    g = to_graph(r.validate() for r in recs)
    [path] = export_graph("popolo", g, tmp_path / "out.json")
    _, h, _ = load("popolo", path)
    assert "organization:pinks" not in h
    assert sorted(v for _, v in h.out_edges("person:cy")) == ["organization:house", "organization:reds"]
