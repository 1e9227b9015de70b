"""The story's home chosen by a learned ranking over the places the story names (home_model), apart from the
place its visits default to (the rules' venue). Invented sentences and persons, real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.extract import read_doc
from stakegraph.importers.press.home_model import choose, features, load_model, text_cues
from stakegraph.importers.press.rules import StoryExtractor
from tests.press_text import pairs, read


def _run(tmp_path: Path, text: str) -> StoryExtractor:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_doc(path)
    ex = StoryExtractor(doc.main, doc.meta.published)
    ex.run()
    return ex


_OUTBOUND = ("Kitzinger Delegation in Kolín\n\n"
             "Oberbürgermeister Felix Brandl besuchte mit einer Delegation des Stadtrats die Partnerstadt Kolín. "
             "Dort begrüßte Bürgermeister Michal Novák die Gäste aus Kitzingen im Rathaus. "
             "Die Kitzinger Stadträte besichtigten am Nachmittag eine Schule in Kolín.\n"
             "Im kommenden Jahr lädt die Stadt Kitzingen zum Gegenbesuch ein.\n")


def test_the_travelling_town_is_the_home_of_an_outbound_visit(tmp_path: Path):
    ex = _run(tmp_path, _OUTBOUND)
    assert ex.city == "Kitzingen"  # its demonym, its guests and its invitation: the story is the travellers'
    assert ex.venue == "Kolín"  # the rules' place, where the visit went
    nodes, rels = read(tmp_path, _OUTBOUND)
    assert ("Stadt Kitzingen", "Stadt Kolín") in pairs(nodes, rels)  # the visit keeps its host


def test_a_demonym_of_a_town_in_en_and_a_bracketed_region_are_cues():
    cues = text_cues("Die Kitzinger Delegation traf den Tübinger Oberbürgermeister in Tübingen (Baden-Württemberg).",
                     "Kitzingen")
    assert cues["demonym"] == 1 and cues["demonym_guests"] == 1
    cues = text_cues("Der Tübinger Oberbürgermeister lud nach Tübingen (Baden-Württemberg) ein.", "Tübingen")
    assert cues["demonym_title"] == 1 and cues["to"] == 1
    assert text_cues("Sie wohnt in Tübingen (Baden-Württemberg).", "Baden-Württemberg")["bracketed"] == 1


def test_the_rules_pick_stays_unless_another_place_scores_the_margin_more():
    model = {"bias": 0.0, "margin": 0.1, "weights": {"pick": 1.0, "share": 2.0}}
    rows = [("Kolín", {"pick": 1.0, "share": 0.3}), ("Kitzingen", {"share": 0.7})]
    assert choose("Kolín", rows, model) == "Kolín"  # 0.83 against 0.80: not sure enough
    rows = [("Kolín", {"pick": 1.0, "share": 0.0}), ("Kitzingen", {"share": 1.0})]
    assert choose("Kolín", rows, model) == "Kitzingen"  # 0.73 against 0.88
    assert choose("Kolín", rows, None) == "Kolín"  # no model: the rules' pick
    tie = [("Aalen", {"share": 1.0}), ("Kolín", {"pick": 1.0}), ("Ulm", {"share": 1.0})]
    assert choose("Kolín", tie, {**model, "margin": 0.0}) == "Aalen"  # a tie goes to the first named


def test_the_shipped_model_reads_every_feature_it_weighs():
    model = load_model()
    assert model is not None and 0.0 <= model["margin"] <= 1.0
    f = features("Kitzingen", text="Die Stadt Kitzingen lädt ein.", heading="", n_sents=1, counts={"Kitzingen": 1},
                 first={"Kitzingen": 0}, pick="Kitzingen", via="most", dateline=None, county=False, county_story=False,
                 seat_of_county=False, partner_sent=False, sides=[("Kitzingen", None)], county_words=0, mayors=0)
    assert f["c_kind"] > 0 and f["v_first_guest"] == 1.0 and f["via_most"] == 1.0
    assert set(f) <= set(model["weights"]) | {"unnamed"}
