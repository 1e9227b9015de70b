"""Dates of events in press text: ranges ('vom 15. bis 18. Februar 2024') and relative dates ('am
gestrigen Donnerstag', 'von Freitag bis Sonntag') resolved against the release date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import LEX
from .scanning import FOLDS_TO_ASCII
from .text import find_date

_DIGIT = re.compile(r"\d")
_MONTHS = "|".join(sorted(LEX.months, key=len, reverse=True))
_YEAR = r"(?:\s*((?:19|20)\d{2}))?"
#: (Both ranges open with a digit whose look-behind comes after it: re skips ahead to the digits.)
#: '15. bis 18. Februar 2024', 'vom 15.-18.02.2024', '19. bis zum 22. Juni'
_RANGE_DAYS = re.compile(rf"(\d(?<!\d\d)\d?)\.\s*(?:bis(?:\s+zum)?|-|–|(?<=\d\.)\s*und(?=\s+\d)(?<=zwischen dem \d\. und)|(?<=\d\d\.)\s*und(?=\s+\d)(?<=zwischen dem \d\d\. und))\s*(\d{{1,2}})\.\s*(?:(\d{{1,2}})\.|({_MONTHS})){_YEAR}", re.I)
#: '30. September bis 2. Oktober 2016'
_RANGE_MONTHS = re.compile(rf"(\d(?<!\d\d)\d?)\.\s*({_MONTHS})\s*(?:bis(?:\s+zum)?|-|–)\s*(\d{{1,2}})\.\s*({_MONTHS}){_YEAR}", re.I)
#: '15.10. bis 18.10.2015', '30.6.-2.7.2019': both ends with day and month.
_RANGE_NUM = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?:((?:19|20)\d{2}))?\s*(?:bis(?:\s+zum)?|-|–)\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})?")
#: Two days running: 'am 5. und 6. Juli', '(14. und 15. Oktober)', 'am 23./24. Mai'.
_TWO_DAYS = re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s*(?:und|/|&)\s*(\d{{1,2}})\.\s*({_MONTHS}){_YEAR}", re.I)
#: A weekday with its day and month: 'Freitag, 3. Mai', 'Montag, den 6. Juni 2022'.
_WEEKDAY_DATE = re.compile(rf"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(,?\s+(?:den\s+)?)(\d{{1,2}})\.\s*({_MONTHS}){_YEAR}", re.I)
#: A day and month in numbers after a preposition, no year: 'am 3.5.', 'vom 12.9. an'.
_DAY_MONTH = re.compile(r"\b(?:am|Am|vom|Vom|zum|den)\s+(\d{1,2})\.(\d{1,2})\.(?!\d)")
#: A weekday before its day number inside a date ('Freitag, dem 12. bis Sonntag, dem 14. September', 'Samstag (25. Juni)'):
#: blanked (same length, so positions hold) before the numeric scans, which then read '12. bis 14. September'.
_WEEKDAY_BEFORE_DAY = re.compile(r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s*(?:\(|(?:dem|den)\s+)?(?=\d{1,2}\.)")
#: A day glued to its month name: 'am 4.September 2004'.
_GLUED_DAY = re.compile(rf"(?<![\d.])(\d{{1,2}})\.({_MONTHS}){_YEAR}", re.I)
_WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6}
_WD = "|".join(_WEEKDAYS)
#: 'am gestrigen Donnerstag', 'am vergangenen Freitag', 'von Freitag bis Sonntag', 'am Montag'
_REL_RANGE = re.compile(rf"\bvon\s+({_WD})\s+bis\s+(?:zum\s+)?({_WD})\b", re.I)
_REL_DAY = re.compile(rf"\b(?:am|an diesem|diesen|vergangenen|letzten|kommenden|nächsten|seit dem|seit|ab dem|ab)\s+(?:(gestrigen|heutigen|vergangenen|vorangegangenen|vorigen|letzten|"
                      rf"kommenden|nächsten|morgigen)\s+)?({_WD})(?:abend|morgen|nachmittag|vormittag)?\b", re.I)
_REL_WORD = re.compile(r"\b(gestern|vorgestern|heute)\b", re.I)
#: Present or future tense around a relative date: the next such weekday, not the last one.
_FUTURE = re.compile(r"\b(?:wird|werden|kommenden|nächsten|morgigen|besucht|empfängt|begrüßt|reist|kommt|ist zu Gast|sind zu Gast|erwartet)\b")


#: Past tense or a perfect's auxiliary: 'besucht', 'begrüßt' are then participles, not the present.
_PAST = re.compile(r"\b(?:hat|haben|hatte|hatten|wurde|wurden|war|waren)\b")


#: What every weekday of ``_WD`` contains, and the words of ``_REL_WORD``: the case-insensitive scans
#: (which re enters at every word) run only when the lower-cased text holds one of these.
_WEEKDAY_PARTS = ("tag", "mittwoch", "sonnabend")
_REL_WORDS = ("gestern", "heute")


def _may_name(low: str, text: str, parts: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern needing one of ``parts`` can match ``text`` (``low`` = its lower case)."""
    for p in parts:  # loops, not any() over generators: asked several times for every sentence
        if p in low:
            return True
    for c in FOLDS_TO_ASCII:
        if c in text:
            return True
    return False


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1 << 10)  # asked with the release date for every sentence of a story
def _ref(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _weekday(ref: date, wd: int, future: bool, word: str | None) -> date:
    if word and word.lower() in ("gestrigen",):
        return ref - timedelta(days=1)
    if word and word.lower() in ("heutigen",):
        return ref
    if word and word.lower() == "morgigen":
        return ref + timedelta(days=1)
    if future or (word and word.lower() in ("kommenden", "nächsten")):
        return ref + timedelta(days=(wd - ref.weekday()) % 7)
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def event_dates(text: str, published: str | None) -> tuple[str, str | None, int] | None:
    """(start, end or None, position) of the first date or date range ``text`` names, relative dates
    resolved against ``published`` (an ISO date); None when it names none."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    ref = _ref(published)
    hits: list[tuple[int, str, str | None]] = []
    if _DIGIT.search(text):
        whole = text
        if "tag" in text or "Sonnabend" in text or "Mittwoch" in text:
            text = _WEEKDAY_BEFORE_DAY.sub(lambda m: " " * len(m.group()), text)
        for m in _RANGE_NUM.finditer(text):
            y_end = int(m.group(6)) if m.group(6) else int(m.group(3)) if m.group(3) else year
            y_start = int(m.group(3)) if m.group(3) else y_end
            if y_start and y_end:
                a = _iso(y_start, int(m.group(2)), int(m.group(1)))
                b = _iso(y_end, int(m.group(5)), int(m.group(4)))
                if a and b and a <= b:
                    hits.append((m.start(), a, b))
        for m in _TWO_DAYS.finditer(text):
            y = int(m.group(4)) if m.group(4) else year
            if y and int(m.group(2)) == int(m.group(1)) + 1:  # consecutive days: one event over both
                a, b = _iso(y, LEX.months[m.group(3).lower()], int(m.group(1))), _iso(y, LEX.months[m.group(3).lower()], int(m.group(2)))
                if a and b:
                    hits.append((m.start(), a, b))
        for m in _DAY_MONTH.finditer(text):
            a = _iso(year, int(m.group(2)), int(m.group(1))) if year else None
            if a and not any(s <= m.start(1) < s + 25 for s, _a, _b in hits):
                hits.append((m.start(1), a, None))
        for m in _WEEKDAY_DATE.finditer(whole):  # 'am Freitag, 3. Mai', 'Am Montag, den 6. Juni 2022'
            y = int(m.group(4)) if m.group(4) else year
            a = _iso(y, LEX.months[m.group(3).lower()], int(m.group(2))) if y else None
            if a:
                hits.append((m.start(), a, None))
        for m in _RANGE_MONTHS.finditer(text):
            y = int(m.group(5)) if m.group(5) else year
            if y:
                a = _iso(y, LEX.months[m.group(2).lower()], int(m.group(1)))
                b = _iso(y, LEX.months[m.group(4).lower()], int(m.group(3)))
                if a and b and a <= b:
                    hits.append((m.start(), a, b))
        for m in _RANGE_DAYS.finditer(text):
            if any(s <= m.start() < s + 12 for s, _a, _b in hits):
                continue  # the month of '15.10. bis 18.10.' read as a day
            y = int(m.group(5)) if m.group(5) else year
            mo = int(m.group(3)) if m.group(3) else LEX.months[m.group(4).lower()]
            if y:
                a, b = _iso(y, mo, int(m.group(1))), _iso(y, mo, int(m.group(2)))
                if a and b and a <= b:
                    hits.append((m.start(), a, b))
        one = find_date(text, published)
        if one and not any(s <= one[1] < s + 40 for s, _a, _b in hits):
            hits.append((one[1], one[0], None))
        for m in _GLUED_DAY.finditer(text):  # 'am 4.September 2004': find_date reads only the month
            y = int(m.group(3)) if m.group(3) else year
            a = _iso(y, LEX.months[m.group(2).lower()], int(m.group(1))) if y else None
            if a:
                hits = [h for h in hits if not (h[0] == m.end(2) - len(m.group(2)) and len(h[1]) == 7)] + [(m.start(), a, None)]
        text = whole
    low = text.lower() if ref is not None else ""
    if ref is not None and _may_name(low, text, _WEEKDAY_PARTS):
        future = bool(_FUTURE.search(text)) and not _PAST.search(text)  # 'hat … besucht' is the perfect, not the present
        for m in _REL_RANGE.finditer(text):
            first = _weekday(ref, _WEEKDAYS[m.group(1).lower()], future, None)
            last = first + timedelta(days=(_WEEKDAYS[m.group(2).lower()] - first.weekday()) % 7)
            if not future and last > ref:  # told in the past: the range ended by the release ('besuchte von Freitag bis Sonntag')
                first, last = first - timedelta(days=7), last - timedelta(days=7)
            hits.append((m.start(), first.isoformat(), last.isoformat()))
        for m in _REL_DAY.finditer(text):
            if any(m.start() <= s <= m.end() + 12 for s, _a, _b in hits):
                continue  # 'am Freitag, 3. Mai', 'Am Montag, den 6. Juni': the date given names the day
            if not any(s <= m.start() < s + 30 for s, _a, _b in hits):
                hits.append((m.start(), _weekday(ref, _WEEKDAYS[m.group(2).lower()], future, m.group(1)).isoformat(), None))
    if ref is not None and _may_name(low, text, _REL_WORDS):
        for m in _REL_WORD.finditer(text):
            delta = {"gestern": -1, "vorgestern": -2, "heute": 0}[m.group(1).lower()]
            hits.append((m.start(), (ref + timedelta(days=delta)).isoformat(), None))
    if not hits:
        return None
    pos, start, end = min(hits)
    return start, end, pos


_UNTIL = re.compile(rf"\bbis\s+(?:zum\s+|am\s+)?({_WD})", re.I)


def until_weekday(text: str, start: str) -> str | None:
    """The end of an event that began on ``start`` when ``text`` says 'bis (zum) Sonntag(vormittag)'."""
    ref = _ref(start)
    if ref is None:
        return None
    low = text.lower()  # the re.I scan (entered at every word) only where its 'bis' and a weekday can be
    m = _UNTIL.search(text) if _may_name(low, text, ("bis",)) and _may_name(low, text, _WEEKDAY_PARTS) else None
    if m is None:
        return None
    days = (_WEEKDAYS[m.group(1).lower()] - ref.weekday()) % 7
    return (ref + timedelta(days=days)).isoformat() if days else None


_DEPART = re.compile(r"\b(?:Abreise|Rückreise|Heimreise|Heimfahrt|reisten\b[^.;]*?\bab|reiste\b[^.;]*?\bab|abgereist)\b")
_ON_DAY = re.compile(rf"\b(?:am|Am)\s+({_WD})", re.I)


def departure_weekday(text: str, start: str) -> str | None:
    """The end of an event that began on ``start`` when ``text`` tells of the departure on a weekday ('Am Sonntag
    reisten die Gäste wieder ab', 'die Rückreise am Montag'): that weekday's next date after the start."""
    m = _ON_DAY.search(text) if ("reis" in text or "Heimfahrt" in text) and _DEPART.search(text) else None  # each cue holds one
    ref = _ref(start)
    if m is None or ref is None:
        return None
    days = (_WEEKDAYS[m.group(1).lower()] - ref.weekday()) % 7
    return (ref + timedelta(days=days)).isoformat() if days else None
