"""The visited town (the venue) apart from the story's own town: a host an earlier visit sentence named
receives in a later one ('Dort wurde sie von OB X empfangen'). Invented sentences, real gazetteer places."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.extract import read_doc
from stakegraph.importers.press.rules import StoryExtractor


def _run(tmp_path: Path, text: str) -> tuple[list[tuple[str | None, str | None]], dict[str, str | None]]:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_doc(path)
    facts = StoryExtractor(doc.main, doc.meta.published).run()
    visits = [(e.guest.place if e.guest else None, e.host.place if e.host else None) for e in facts.events if e.kind == "visit"]
    return visits, {r.person: r.org.name if r.org else None for r in facts.roles}


def test_the_venue_named_before_receives_the_home_delegation(tmp_path: Path):
    text = ("Unter der Leitung von Stadtpräsidentin Vera Imhof besuchte eine Gruppe von Stadträten vom 4. bis 6. Mai "
            "die Partnerstadt Tatabánya.\n\n"
            "Dort wurde sie von Oberbürgermeister Lajos Kertész und einer Gruppe des Stadtrats empfangen. "
            "Danach trafen sich alle Besucherinnen und Besucher aus Aarau mit den Gastgebern im Rathaus.\n\n"
            "Am Abend besuchten alle zusammen ein Konzert in der Stadthalle von Tatabánya.\n")
    visits, roles = _run(tmp_path, text)
    assert ("Tatabánya", "Aarau") not in visits  # the venue's mayor receives: Tatabánya is no guest in Aarau
    assert ("Aarau", "Tatabánya") in visits
    assert roles["Lajos Kertész"] == "Stadt Tatabánya"  # the host's official, not the home's
    assert roles["Vera Imhof"] == "Stadt Aarau"


def test_a_meeting_venue_hosts_the_delegations_of_other_towns(tmp_path: Path):
    text = ("Ein Festakt und ein Chorkonzert prägten das Sommertreffen der Partnerstädte im belgischen Tielt.\n\n"
            "Mit dabei waren neben 30 Gästen aus Wolfhagen auch Delegationen aus der Gemeinde Mragowo und aus dem englischen Ashford. "
            "Wolfhagen und Tielt verbindet seit 40 Jahren eine Partnerschaft. Wolfhagens Bürgermeister Uwe Kessler sprach im Rathaus.\n")
    visits, _roles = _run(tmp_path, text)
    assert all(host == "Tielt" for _guest, host in visits) and visits  # the meeting's town hosts, not the story's own
