"""Press visits of session 7: several guest bodies listed in one phrase, and the learned side of participants,
each phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import pairs, read


def test_partner_towns_listed_with_their_countries_visit_one_each(tmp_path: Path):
    """'eine Delegation aus den Partnerstädten A (Land) und B (Land)': a country in brackets after each listed town
    is no part of its name; each listed town visits the host."""
    text = ("Lahr, 3. Mai 2022. Bürgermeister Karl Weber begrüßte am Samstag eine Delegation aus den Partnerstädten "
            "Kolding (Dänemark) und Santa Catarina (Kap Verde).")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr"), ("Stadt Santa Catarina", "Stadt Lahr")}


def test_a_visit_from_listed_partner_towns_without_a_delegation_word(tmp_path: Path):
    """'begrüßte Besuch aus den Partnerstädten A und B': the plural origin after 'Besuch aus' lists every guest body."""
    text = ("Lahr, 3. Mai 2022. Bürgermeister Karl Weber begrüßte offiziellen Besuch aus den Partnerstädten Kolding "
            "und Santa Catarina.")
    assert pairs(*read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr"), ("Stadt Santa Catarina", "Stadt Lahr")}
