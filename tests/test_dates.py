"""Dates in Thai (Buddhist Era, Thai month names) and English."""

import datetime

import pytest
from babel.dates import format_date
from officesite.dates import format_display_date, format_display_year
from officesite.languages import YEAR_OFFSETS
from site_files import LANGUAGES


@pytest.mark.parametrize(
    "date, thai, english",
    [
        (datetime.date(2018, 7, 18), "18 กรกฎาคม 2561", "18 July 2018"),
        (datetime.date(2026, 1, 1), "1 มกราคม 2569", "1 January 2026"),
        (datetime.date(2025, 12, 31), "31 ธันวาคม 2568", "31 December 2025"),
        (datetime.date(2024, 2, 29), "29 กุมภาพันธ์ 2567", "29 February 2024"),
        (datetime.date(1956, 12, 31), "31 ธันวาคม 2499", "31 December 1956"),
        (datetime.date(1957, 1, 1), "1 มกราคม 2500", "1 January 1957"),
        (datetime.date(1957, 6, 9), "9 มิถุนายน 2500", "9 June 1957"),
    ],
)
def test_dates_read_as_each_language_expects(date, thai, english):
    assert format_display_date(date, "th") == thai
    assert format_display_date(date, "en") == english


def test_thai_years_are_buddhist_era():
    assert format_display_year(2018, "th") == "2561"
    assert format_display_year(2018, "en") == "2018"


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_dates_are_babels_long_dates_with_the_languages_year(lang):
    day = datetime.date(1999, 12, 25)
    for _ in range(400):  # every month, every day number, leap days, over several years
        day += datetime.timedelta(days=29)
        expected = f"{format_date(day, 'd MMMM', locale=lang)} {day.year + YEAR_OFFSETS.get(lang, 0)}"
        assert format_display_date(day, lang) == expected
        if not YEAR_OFFSETS.get(lang):
            assert format_display_date(day, lang) == format_date(day, "d MMMM y", locale=lang)
