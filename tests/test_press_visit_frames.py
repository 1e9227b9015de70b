"""Press visits of session 7, round 2: frames of the genre that name a side by something other than a town, each
phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import pairs, read


def test_guests_named_by_their_landscape_are_no_other_visit(tmp_path: Path):
    """'ihre Gäste aus dem Odenwald': a name after an article that no gazetteer knows as a town is the guests'
    landscape, not the town of a second visit."""
    text = ("Lahr, 3. Mai 2022. Eine Delegation der Partnerstadt Kolding weilte am Wochenende in Lahr. Bürgermeister "
            "Karl Weber empfing die Gäste im Rathaus. Dabei informierte die Verwaltung ihre Gäste aus dem Nordwaldgau "
            "über die laufenden Bauprojekte in Lahr.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}
