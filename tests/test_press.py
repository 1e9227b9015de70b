"""Press importer: quality on the shared dev corpus and on our own articles, cross-document merging, claims, speed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from stakegraph.graph.errors import InputError
from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext, detect
from stakegraph.importers.press import ClaimsImporter, PressImporter, doc_records, extract_claims
from stakegraph.importers.press.evaluate import CATEGORIES, evaluate

FIX = Path(__file__).resolve().parent / "fixtures" / "press"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _report(name: str, result: dict) -> None:
    for cat in CATEGORIES:
        s = result["pooled"][cat]
        print(f"{name} {cat}: precision {s['precision']:.3f} recall {s['recall']:.3f} ({s['predicted']} predicted, {s['gold']} gold)")


def test_own_articles_score_at_least_0_9():
    result = evaluate(FIX, FIX / "gold")
    _report("fixtures", result)
    assert len(result["documents"]) == 3
    for cat in CATEGORIES:
        assert result["pooled"][cat]["precision"] >= 0.9, cat
        assert result["pooled"][cat]["recall"] >= 0.9, cat


def test_dev_corpus_scores():
    if not (SHARED / "corpus" / "press").is_dir():
        pytest.skip("../shared not present")
    result = evaluate(SHARED / "corpus" / "press", SHARED / "corpus" / "gold")
    _report("dev", result)
    for cat in ("persons", "roles"):
        assert result["pooled"][cat]["precision"] >= 0.9 and result["pooled"][cat]["recall"] >= 0.9, cat
    assert result["pooled"]["partnerships"]["recall"] >= 0.9
    # one teaser names two partners of a city ("kooperiert ... mit der TU ... und dem Institut ... (IMMS)");
    # the gold lists only the first, so the second counts against precision (7 of 8)
    assert result["pooled"]["partnerships"]["precision"] >= 0.87
    # the bar: press F1 (micro over persons, roles, partnerships) of the corpus imported as a user does
    pooled = [result["pooled"][c] for c in ("persons", "roles", "partnerships")]
    tp_pred = sum(s["precision"] * s["predicted"] for s in pooled)
    tp_gold = sum(s["recall"] * s["gold"] for s in pooled)
    p, r = tp_pred / sum(s["predicted"] for s in pooled), tp_gold / sum(s["gold"] for s in pooled)
    assert 2 * p * r / (p + r) >= 0.95


def _run(paths: list[Path]) -> list:
    ctx = ImportContext()
    recs = []
    for p in paths:
        recs.extend(PressImporter().read(p, ctx))
    return recs


def test_three_outlets_give_one_visit_and_stakeholder_answers():
    if not (SHARED / "corpus" / "press").is_dir():
        pytest.skip("../shared not present")
    recs = _run(sorted((SHARED / "corpus" / "press").glob("*.txt")))
    events = {r.id for r in recs if isinstance(r, Node) and r.label == "Event" and r.props.get("kind") == "visit"}
    assert events == {"event:visit-stadt-hanau-stadt-bochum"}
    att = {(r.source, r.props.get("side")) for r in recs if isinstance(r, Rel) and r.type == "ATTENDED"}
    assert ("person:denes-kucuk", "host") in att and ("person:sebastian-kopietz", "host") in att
    assert ("person:isabelle-hemsley", "guest") in att and ("organization:stadt-hanau", "guest") in att
    partner = [r for r in recs if isinstance(r, Rel) and r.type == "PARTNERS_WITH" and "stadtwerke-bochum" in r.target
               and "smart-city-innovation-unit" in r.source]
    assert partner and any("in enger Zusammenarbeit mit den Stadtwerken" in q for p in partner for q in p.props["evidence"])
    kinds = {r.id: r.props.get("kind") for r in recs if isinstance(r, Node)}
    assert kinds["organization:stadtwerke-bochum"] == "utility"
    part_of = {(r.source, r.target) for r in recs if isinstance(r, Rel) and r.type == "PART_OF"}
    assert ("organization:smart-city-innovation-unit-stadt-bochum", "organization:stadt-bochum") in part_of
    dates = [r.props.get("date") for r in recs if isinstance(r, Node) and r.id in events]
    assert "2025-10-27" in dates


def test_provenance_on_every_fact():
    recs = _run([FIX / "ahaus_lingen.txt"])
    src = recs[0]
    assert src.label == "Source"
    for r in recs[1:]:
        assert set(r.props["sources"]) == {src.id} and len(r.props["evidence"]) == len(r.props["sources"])
        assert 0 < r.props["confidence"] <= 1 and r.props["extractor"].startswith("press:")
    voss = next(r for r in recs if isinstance(r, Rel) and r.type == "ATTENDED" and r.source == "person:karola-voss")
    assert voss.props["lead"] is True and voss.props["side"] == "guest"


def test_html_furniture_and_meta_date():
    recs = _run([FIX / "goettingen_kassel.html"])
    src = recs[0]
    assert src.props["published"] == "2024-05-14" and src.props["url"].endswith("goettingen-kassel")
    names = {r.name for r in recs if isinstance(r, Node)}
    assert not any("Müller" in n for n in names)  # the ad's company is no fact
    visit = next(r for r in recs if isinstance(r, Node) and r.label == "Event")
    assert visit.props["date"] == "2024-05-14" and visit.props["extractor"].endswith("+published")


def test_session_event_and_teaser_kept_apart():
    recs = _run([FIX / "hamm_session.md"])
    ev = next(r for r in recs if isinstance(r, Node) and r.label == "Event")
    assert ev.props["kind"] == "council_session" and ev.props["date"] == "2021-06-29"
    pw = {(r.source, r.target) for r in recs if isinstance(r, Rel) and r.type == "PARTNERS_WITH"}
    assert ("organization:stadt-unna", "organization:westnetz") in pw


def test_min_confidence_skips_are_counted():
    ctx = ImportContext(min_confidence=0.79)
    list(PressImporter().read(FIX / "hamm_session.md", ctx))
    assert sum(ctx.skipped.values()) > 0


def test_claims_round_trip_and_bad_line(tmp_path: Path):
    out = io.StringIO()
    n = extract_claims([FIX / "ahaus_lingen.txt"], out, ImportContext())
    lines = out.getvalue().splitlines()
    assert n == len(lines) > 10
    first = json.loads(lines[1])
    assert set(first) == {"type", "fields", "confidence", "rule", "source", "quote"}
    path = tmp_path / "claims.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert detect(path).name == "claims"
    back = list(ClaimsImporter().read(path, ImportContext()))
    orig = doc_records(FIX / "ahaus_lingen.txt", ImportContext())
    assert {getattr(r, "id", None) or (r.type, r.source, r.target) for r in back} == \
           {getattr(r, "id", None) or (r.type, r.source, r.target) for r in orig}
    path.write_text(lines[0] + "\n{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        list(ClaimsImporter().read(path, ImportContext()))


def test_sniff_prefers_press_for_prose():
    assert detect(FIX / "ahaus_lingen.txt").name == "press"
    assert detect(FIX / "goettingen_kassel.html").name == "press"


def test_long_document_of_repeated_articles(tmp_path: Path):
    """Every fixture 40 times in one file imports to the same persons as once (speed is measured in benchmarks/)."""
    from stakegraph.importers.base import decode
    paths = sorted(p for p in FIX.rglob("*") if p.suffix in (".txt", ".md", ".html"))  # every fixture, held-out ones too
    text = "\n\n".join(decode(p.read_bytes(), p) for p in paths)
    once, big = tmp_path / "once.txt", tmp_path / "big.txt"
    once.write_text(text, encoding="utf-8")
    big.write_text((text + "\n\n") * 40, encoding="utf-8")

    def persons(path: Path) -> set[str]:
        return {r.name for r in doc_records(path, ImportContext()) if isinstance(r, Node) and r.label == "Person"}

    assert persons(big) == persons(once)


def test_heldout_articles_score_at_least_0_9():
    """Articles written before the rules were run on them (varied visits, roles, partnerships, encodings)."""
    result = evaluate(FIX / "heldout", FIX / "heldout" / "gold")
    _report("heldout", result)
    assert len(result["documents"]) >= 6
    for cat in CATEGORIES:
        assert result["pooled"][cat]["precision"] >= 0.9, cat
        assert result["pooled"][cat]["recall"] >= 0.9, cat


def test_unit_partnership_visit_lead_and_credit_only_person():
    example = Path(__file__).resolve().parents[1] / "examples" / "press" / "westerau-empfaengt-nordhafen.txt"
    if not example.is_file():
        pytest.skip("example article not present")
    recs = _run([example])
    pw = {(r.source, r.target) for r in recs if isinstance(r, Rel) and r.type == "PARTNERS_WITH"}
    unit = "organization:smart-city-buro-westerau-stadt-westerau"
    assert (unit, "organization:stadtwerke-westerau") in pw
    assert (unit, "organization:stadt-westerau") in {(r.source, r.target) for r in recs if isinstance(r, Rel) and r.type == "PART_OF"}
    lead = next(r for r in recs if isinstance(r, Rel) and r.type == "ATTENDED" and r.source == "person:marta-lindqvist")
    assert lead.props["lead"] is True and lead.props["side"] == "guest"
    assert any(isinstance(r, Node) and r.id == "person:lena-vogt" for r in recs)
    assert not any(isinstance(r, Rel) and r.source == "person:lena-vogt" for r in recs)


def test_person_mentioned_with_gemeinsam_mit_is_no_partner():
    recs = _run([FIX / "heldout" / "03_marienhoehe_landrat.txt"])
    pw = {frozenset((r.source, r.target)) for r in recs if isinstance(r, Rel) and r.type == "PARTNERS_WITH"}
    assert pw == {frozenset(("organization:verkehrsbetriebe-marienhohe", "organization:landkreis-hollstedt"))}
