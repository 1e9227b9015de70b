"""The one date module: (reduced) ISO 8601 dates with calendar checks, for every importer and CLI option.

Stored dates are ISO strings, possibly reduced: ``2025``, ``2025-10``, ``2025-10-27`` (SCHEMA.md).
Input may also carry a time (``2013-01-04T08:00+01:00``, the date part is kept), be written the German
way (``31.12.2025``, ``1.2.2025``, ``12.2025``) or be a ``datetime.date``. Anything else, and any day the
calendar lacks (``2025-02-31``, ``2025-13-01``), is an :class:`~.errors.InputError` whose one line names
where the value came from (file, line, field or option).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .errors import InputError

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?"
                  r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$")
_ISO_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20250131
_GERMAN = re.compile(r"^(?:(\d{1,2})[./])?(\d{1,2})[./](\d{4})$")  # 31.12.2025, 12.2025, 31/12/2025
FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY"


def _check(year: int, month: int | None, day: int | None, raw: Any, where: str) -> str:
    """The reduced ISO string of a calendar-valid date, else InputError naming ``where``."""
    if year < 1:
        raise InputError(f"{where}: {raw!r} is not a date (year {year} does not exist)")
    if month is not None and not 1 <= month <= 12:
        raise InputError(f"{where}: {raw!r} is not a date (month {month} does not exist)")
    if day is None:
        return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
    try:
        _dt.date(year, month or 1, day)
    except ValueError:
        raise InputError(f"{where}: {raw!r} is not a date (day {day} does not exist in {year:04d}-{month:02d})") \
            from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(value: Any, where: str) -> str | None:
    """The reduced ISO date of ``value`` (None/empty -> None); InputError naming ``where`` when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(f"{where}: {value!r} is not a date ({FORMS})")
    text = value.strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        y, mo, d = m.groups()
        return _check(int(y), int(mo) if mo else None, int(d) if d else None, value, where)
    m = _ISO_BASIC.match(text) or None
    if m:
        return _check(int(m[1]), int(m[2]), int(m[3]), value, where)
    m = _GERMAN.match(text)
    if m:
        d, mo, y = m.groups()
        return _check(int(y), int(mo), int(d) if d else None, value, where)
    raise InputError(f"{where}: {value!r} is not a date ({FORMS})")


def check_period(since: str | None, until: str | None, where: str) -> None:
    """InputError when ``until`` lies before ``since`` (reduced dates compare at their common precision)."""
    if since and until:
        n = min(len(since), len(until))
        if until[:n] < since[:n]:
            raise InputError(f"{where}: ends ({until}) before it starts ({since})")


def option_date(value: str | None, option: str) -> str | None:
    """A date a user gave as a CLI option (``--since 2025-10``); InputError naming the option."""
    return parse_date(value, option)


def looks_like_date(value: Any) -> bool:
    """Whether ``value`` is written in one of the date forms (whether or not the calendar has that day)."""
    if isinstance(value, _dt.date):
        return True
    text = value.strip() if isinstance(value, str) else ""
    return bool(_ISO.match(text) or _ISO_BASIC.match(text) or _GERMAN.match(text))
