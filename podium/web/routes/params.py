"""Parameters checked before they reach the store: dates must be real dates."""

from __future__ import annotations

import datetime
import re

from fastapi import HTTPException

# A year, a month or a day: the store compares dates as text, so a prefix is a whole period.
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def checked_date(value: str | None, name: str) -> str | None:
    """`value` when it is YYYY, YYYY-MM or YYYY-MM-DD naming a real date; empty means none."""
    value = (value or "").strip()
    if not value:
        return None
    match = PARTIAL_DATE.fullmatch(value)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            match = None
    if not match:
        raise HTTPException(422, f"{name} must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    return value
