"""Dates as readers of each language expect them, and as authors write them.

A language whose readers count years in another era (officesite.languages.YEAR_OFFSETS: Thai,
the Buddhist Era) shows that year with Babel's month names, since Babel has no Buddhist
calendar and prints "ค.ศ. 2018" for Thai: "18 กรกฎาคม 2561". Others show Babel's long date:
"18 July 2018". Templates use the `display_date` filter; machine-readable dates stay ISO 8601
(`<time datetime="2018-07-18">`).

Authors write dates YYYY-MM-DD in Gregorian years (`read_date`). Thai authors write Buddhist
Era years by habit, and day/month/year: both are recognised, to say which date to write.
"""

import datetime
import re
from functools import lru_cache

from babel.dates import get_month_names

from officesite.languages import BUDDHIST_ERA_OFFSET, YEAR_OFFSETS
from officesite.metadata.shown import printable

__all__ = ["BUDDHIST_ERA_OFFSET", "format_display_date", "format_display_year", "read_date"]

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Other ways authors write a date: 2561-7-18, and the Thai day/month/year 18/07/2561 (or with
# dots or hyphens). Recognised to say which date to write, never accepted.
OTHER_DATE_FORMS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"), (3, 2, 1)),
)
# A year above this is a Buddhist Era year (Gregorian + 543), what Thai authors write by habit.
LAST_GREGORIAN_YEAR = 2400
EXAMPLE_DATE = "2018-07-18"
# A date YYYY-MM-DD with a Gregorian year (1000 to LAST_GREGORIAN_YEAR), as a regular
# expression a browser runs too: what an editor's date field is held to before saving.
GREGORIAN_DATE_PATTERN = r"(?:1[0-9]{3}|2[0-3][0-9]{2}|2400)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"


# A date as text for a reader of the given language: Babel's "d MMMM y", the year in the
# language's era. Written out with Babel's month names, asked once per language: Babel's
# format_date took 0.7 ms a date, and a build shows each post's date on several pages.
def format_display_date(date: datetime.date, lang: str) -> str:
    return f"{date.day} {_month_names(lang)[date.month]} {date.year + YEAR_OFFSETS.get(lang, 0)}"


@lru_cache(maxsize=None)
def _month_names(lang: str) -> dict:
    return dict(get_month_names("wide", "format", locale=lang))


# A year as text for a reader of the given language.
def format_display_year(year: int, lang: str) -> str:
    return str(year + YEAR_OFFSETS.get(lang, 0))


# A date written YYYY-MM-DD, as (date, None), or (None, "expected …, got …").
def read_date(value) -> tuple[datetime.date | None, str | None]:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()  # checked like text
    text = value.strip() if isinstance(value, str) else None
    shown = "nothing" if value is None else printable(repr(value))
    expected = f"expected a date such as {EXAMPLE_DATE}, got {shown}"
    match = ISO_DATE.fullmatch(text) if text else None
    if match:
        date = _date_of(*map(int, match.groups()))
        if date is None:
            return None, expected
        if is_buddhist_era_year(int(match.group(1))):
            return None, f"{text} is a Buddhist Era year: write {date.isoformat()}"
        return date, None
    for form, (year, month, day) in OTHER_DATE_FORMS:
        match = form.fullmatch(text) if text else None
        date = match and _date_of(int(match.group(year)), int(match.group(month)), int(match.group(day)))
        if date:
            if is_buddhist_era_year(int(match.group(year))):
                return None, f"{text} is a Buddhist Era year: write {date.isoformat()}"
            return None, f"{expected}: write {date.isoformat()}"
    return None, expected


def is_buddhist_era_year(year: int) -> bool:
    return year > LAST_GREGORIAN_YEAR


# A year as the Gregorian year: a Buddhist Era year counted back.
def gregorian_year(year: int) -> int:
    return year - BUDDHIST_ERA_OFFSET if is_buddhist_era_year(year) else year


# The Gregorian date of a year (Buddhist Era years counted back), month and day; None if there is none.
def _date_of(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(gregorian_year(year), month, day)
    except ValueError:
        return None
