"""Dates as readers of each language expect them.

A language whose readers count years in another era (officesite.languages.YEAR_OFFSETS: Thai,
the Buddhist Era) shows that year with Babel's month names, since Babel has no Buddhist
calendar and prints "ค.ศ. 2018" for Thai: "18 กรกฎาคม 2561". Others show Babel's long date:
"18 July 2018". Templates use the `display_date` filter; machine-readable dates stay ISO 8601
(`<time datetime="2018-07-18">`).
"""

import datetime
from functools import lru_cache

from babel.dates import get_month_names

from officesite.languages import BUDDHIST_ERA_OFFSET, YEAR_OFFSETS

__all__ = ["BUDDHIST_ERA_OFFSET", "format_display_date", "format_display_year"]


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
