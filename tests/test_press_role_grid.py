"""The role grammar composes: every frame with every title modifier, title family, name shape and place shape.

The sentences are generated (``role_grid``: our own words, invented people, real gazetteer places); the
sample holds every value of every dimension once per frame and is the same on every run. Combinations
the grammar does not handle yet are listed with the reason."""

from __future__ import annotations

import pytest

from tests.role_grid import NAMES, Case, cases, check

#: Shapes the grammar leaves out, with why.
_GAPS = {
    "den": "'den' is a name particle only between commas (it is an article everywhere else)",
    "aus_unknown": "'Landrat aus X' needs a county the gazetteer knows (not 'Mansfeld-Südharz')",
}


def _gap(case: Case) -> str | None:
    raw = NAMES[case.name][0]
    if " den " in raw and case.frame not in ("rev_appos", "accusative_rev_appos", "title_aus"):
        return _GAPS["den"]
    if case.frame == "title_aus" and case.place == "Mansfeld-Südharz":
        return _GAPS["aus_unknown"]
    return None


_SAMPLE = cases(360)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(reason=r, strict=False)] if (r := _gap(c)) else [])
                                  for c in _SAMPLE])
def test_role_grid(case: Case):
    person, role, sentence = check(case)
    assert person, sentence
    assert role, sentence


def test_the_grid_covers_every_dimension():
    frames = {c.frame for c in _SAMPLE}
    assert len(frames) >= 11 and len({c.modifier for c in _SAMPLE}) == 6 and len({c.name for c in _SAMPLE}) == len(NAMES)
