"""Entity resolution by hand on both stores: merges last across re-imports, merge/split/delete each
run as one transaction, and bad requests change nothing (repros D17 lines D30 and D31)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stakegraph.exports.base import ExportContext, export_graph
from stakegraph.graph.errors import InputError, SchemaError
from stakegraph.graph.records import MERGED_FROM, Node, Rel
from stakegraph.graph.resolution import delete_entity, merge_entities, split_entity
from stakegraph.importers.pipeline import import_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CSV_SOURCE = "source:2167c8daf36b794c"  # the Source node of examples/stakeholders.csv


def _export(store, path: Path) -> bytes:
    export_graph("json", store.to_networkx(), path, ExportContext(store="-", created="-"))
    return path.read_bytes()


def _facts(store, node_id: str) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in store.edges_touching([node_id])}


def test_merge_survives_a_reimport(store, tmp_path):
    import_paths(store, [EXAMPLES])
    kai = _facts(store, "person:kai-albers")
    assert kai
    result = merge_entities(store, "person:jonas-brede", "person:kai-albers")
    assert result["relationships_moved"] == len(kai)
    assert store.get("person:kai-albers") is None
    kept = store.get("person:jonas-brede")
    assert kept.props[MERGED_FROM] == ["person:kai-albers"] and "Kai Albers" in kept.props["aliases"]
    before = _export(store, tmp_path / "before.json")

    stats = import_paths(store, [EXAMPLES]).stats  # the source of the dropped entity, again
    assert store.get("person:kai-albers") is None, "re-import brought the merged entity back"
    assert stats.nodes_created == 0 and stats.rels_created == 0
    assert _export(store, tmp_path / "after.json") == before
    assert store.resolve("Kai Albers").id == "person:jonas-brede"
    assert {(t, "person:jonas-brede" if s == "person:kai-albers" else s, o) for t, s, o in kai} <= \
        _facts(store, "person:jonas-brede")


def test_split_withdraws_the_merge(store):
    import_paths(store, [EXAMPLES])
    merge_entities(store, "person:jonas-brede", "person:kai-albers")
    split_entity(store, "person:jonas-brede", "Kai Albers", [CSV_SOURCE])
    kept = store.get("person:jonas-brede")
    assert MERGED_FROM not in kept.props and "Kai Albers" not in (kept.props.get("aliases") or [])
    assert store.get("person:kai-albers") is not None
    import_paths(store, [EXAMPLES])
    assert store.get("person:kai-albers") is not None and store.get("person:jonas-brede") is not None


def test_rewrite_is_one_transaction(store):
    """A rewrite whose upsert fails leaves the deleted node in place (split used to commit its delete first)."""
    import_paths(store, [EXAMPLES])
    before = store.counts()
    bad = Rel("HOLDS_ROLE", "person:kai-albers", "organization:nowhere", {"title": "x"}).validate()
    with pytest.raises(InputError):
        store.rewrite(["person:kai-albers"], [Node("person:kai-albers", "Person", "Kai Albers", {}), bad])
    assert store.get("person:kai-albers") is not None
    assert store.counts() == before


def test_split_with_an_unknown_source_is_refused(store):
    """D31: ``split --source source:nope`` created an empty entity."""
    import_paths(store, [EXAMPLES])
    before = store.counts()
    with pytest.raises(InputError, match="source:nope"):
        split_entity(store, "person:marta-lindqvist", "X", ["source:nope"])
    assert store.get("person:x") is None and store.counts() == before


def test_deleting_a_cited_source_is_refused(store):
    """D30: deleting a cited Source left facts citing nothing."""
    import_paths(store, [EXAMPLES])
    before = store.counts()
    n = store.citations(CSV_SOURCE)
    assert n > 0
    with pytest.raises(InputError, match=f"cited by {n} "):
        delete_entity(store, CSV_SOURCE)
    assert store.counts() == before
    store.upsert([Node("source:unused", "Source", "An unused document", {})])
    assert delete_entity(store, "source:unused") == 0 and store.get("source:unused") is None


def test_merge_moves_attendances_on_behalf_of_the_dropped_entity(store):
    import_paths(store, [EXAMPLES])
    zv = "organization:zweckverband-digitale-region"
    merge_entities(store, "organization:stadt-westerau", zv)
    for _ in range(2):  # after the merge, and after a re-import of the sources
        acting = {r.props.get("acting_for") for r in store.rels("ATTENDED")}
        assert zv not in acting and "organization:stadt-westerau" in acting
        assert store.acting_for(zv) == []
        import_paths(store, [EXAMPLES])
    with pytest.raises(SchemaError, match="not merged"):
        merge_entities(store, CSV_SOURCE, "source:88ffce7bedd73bfb")


def _two_parliaments(tmp_path: Path) -> list[Path]:
    """Two small Popolo files whose local ids coincide (person/1 is a different person in each)."""
    import json

    paths = []
    for ns, person, born in (("north", "Ada North", "1950-01-02"), ("south", "Bea South", "1960-03-04")):
        doc = {"persons": [{"id": "person/1", "name": person, "given_name": person.split()[0], "birth_date": born,
                            "identifiers": [{"scheme": "wikidata", "identifier": f"Q{born[:4]}"}]}],
               "organizations": [{"id": "house", "name": f"{ns.title()} House", "classification": "legislature"}],
               "memberships": [{"person_id": "person/1", "organization_id": "house", "role": "member",
                                "start_date": "2020-01-01"}]}
        path = tmp_path / f"{ns}.json"
        path.write_text(json.dumps(doc), "utf-8")
        paths.append(path)
    return paths


def test_split_by_id_withdraws_a_merge_of_dataset_ids(store, tmp_path):
    """A merged id from a dataset (person:popolo:south:person/1) is never made from a name: `split --id`
    gives it back, the judgement is withdrawn, and the split-off entity does not take the kept one's
    given name or identifiers (a re-import gave Diane Abbott Tony Abbott's first name and ids)."""
    north, south = _two_parliaments(tmp_path)
    import_paths(store, [north, south])
    ada, bea = "person:popolo:north:person/1", "person:popolo:south:person/1"
    merge_entities(store, ada, bea)
    south_source = next(s for s in store.get(ada).props["sources"] if s not in (store.get(
        "organization:popolo:north:house").props.get("sources") or []))
    with pytest.raises(InputError, match="not an id merged"):
        split_entity(store, ada, "Bea South", [south_source], new_id="person:popolo:south:person/2")
    out = split_entity(store, ada, "Bea South", [south_source], new_id=bea)
    assert out["new"] == bea and out["still_merged"] == []
    assert MERGED_FROM not in store.get(ada).props
    import_paths(store, [north, south])
    b = store.get(bea)
    assert (b.name, b.props.get("given_name"), b.props.get("birth_date")) == ("Bea South", "Bea", "1960-03-04")
    assert "wikidata:Q1950" not in b.props.get("identifiers", [])
    assert {r.target for r in store.edges_touching([bea]) if r.type == "HOLDS_ROLE"} == \
        {"organization:popolo:south:house"}


def test_a_merged_id_names_the_kept_entity_but_is_not_deleted_by_it(db_arg):
    """After `merge`, the dropped id (in notes, scripts, older exports) leads to the kept entity in
    show/met/…; `delete` with the dropped id refuses rather than delete the kept entity."""
    from click.testing import CliRunner

    from stakegraph.cli import cli

    def run(*args: str):
        return CliRunner().invoke(cli, ["--db", db_arg, *args])

    assert run("import", str(EXAMPLES / "stakeholders.csv")).exit_code == 0
    assert run("merge", "person:jonas-brede", "person:kai-albers").exit_code == 0
    shown = run("show", "person:kai-albers")
    assert shown.exit_code == 0 and "person:jonas-brede" in shown.stdout.splitlines()[0]
    refused = run("delete", "person:kai-albers")
    assert refused.exit_code == 1 and "was merged into person:jonas-brede" in refused.output
    assert "Jonas Brede" in run("search", "Jonas Brede").stdout


def test_merging_across_labels_is_refused_in_plain_words(store):
    import_paths(store, [EXAMPLES])
    with pytest.raises(SchemaError, match="^cannot merge an Organization into a Person$"):
        merge_entities(store, "person:jonas-brede", "organization:stadt-westerau")
