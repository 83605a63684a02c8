"""Dates as readers of each language expect them.

Thai pages show the Buddhist Era with Thai month names ("18 กรกฎาคม 2561"); Babel has no
Buddhist calendar and prints "ค.ศ. 2018" for Thai, so the year is added here (+543). English
pages show "18 July 2018". Templates use the `display_date` filter; machine-readable dates
stay ISO 8601 (`<time datetime="2018-07-18">`).
"""

import datetime
from functools import lru_cache

from babel.dates import format_date

BUDDHIST_ERA_OFFSET = 543


# A date as text for a reader of the given language.
@lru_cache(maxsize=16384)
def format_display_date(date: datetime.date, lang: str) -> str:
    if lang == "th":
        return f"{format_date(date, 'd MMMM', locale='th')} {date.year + BUDDHIST_ERA_OFFSET}"
    return format_date(date, "d MMMM y", locale=lang)


# A year as text for a reader of the given language (Thai: Buddhist Era).
def format_display_year(year: int, lang: str) -> str:
    return str(year + BUDDHIST_ERA_OFFSET) if lang == "th" else str(year)
