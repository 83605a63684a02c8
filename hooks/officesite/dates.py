"""Dates as readers of each language expect them.

A language whose readers count years in another era (officesite.languages.YEAR_OFFSETS: Thai,
the Buddhist Era) shows that year with Babel's month names, since Babel has no Buddhist
calendar and prints "ค.ศ. 2018" for Thai: "18 กรกฎาคม 2561". Others show Babel's long date:
"18 July 2018". Templates use the `display_date` filter; machine-readable dates stay ISO 8601
(`<time datetime="2018-07-18">`).
"""

import datetime
from functools import lru_cache

from babel.dates import format_date

from officesite.languages import BUDDHIST_ERA_OFFSET, YEAR_OFFSETS

__all__ = ["BUDDHIST_ERA_OFFSET", "format_display_date", "format_display_year"]


# A date as text for a reader of the given language.
@lru_cache(maxsize=16384)
def format_display_date(date: datetime.date, lang: str) -> str:
    offset = YEAR_OFFSETS.get(lang, 0)
    if offset:
        return f"{format_date(date, 'd MMMM', locale=lang)} {date.year + offset}"
    return format_date(date, "d MMMM y", locale=lang)


# A year as text for a reader of the given language.
def format_display_year(year: int, lang: str) -> str:
    return str(year + YEAR_OFFSETS.get(lang, 0))
