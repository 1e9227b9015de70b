"""The story's own place: which of the places a press story names is its home (the side whose officials
speak), and place mentions themselves. Invented sentences, real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.extract import read_doc
from stakegraph.importers.press.rules import StoryExtractor


def _city(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_doc(path)
    ex = StoryExtractor(doc.main, doc.meta.published)
    ex.run()
    return ex.city


def test_a_host_named_as_the_partner_town_is_not_the_home(tmp_path: Path):
    text = ("Eine Delegation aus Aalen besuchte am Wochenende die ungarische Partnerstadt Tatabánya.\n"
            "In Tatabánya empfing der Bürgermeister die Gäste im Rathaus. Tatabánya zeigte sein Bergbaumuseum.\n")
    assert _city(tmp_path, text) == "Aalen"
