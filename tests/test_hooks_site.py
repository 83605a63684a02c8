"""The plain functions behind the site hooks, without MkDocs."""

from pathlib import Path

import pytest
from officesite.alternates import hreflang_links, language_links
from officesite.not_found import keep_language_404, language_homes
from officesite.office import office_config_problems, office_facts
from officesite.slugs import slugify_heading
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, ui_strings_problems

LANGUAGES = [("th", "ไทย"), ("en", "English")]


@pytest.mark.parametrize(
    "heading, slug",
    [
        ("ข่าวสาร ประชาสัมพันธ์", "ข่าวสาร-ประชาสัมพันธ์"),
        ("หมวด 1: การนำองค์การ", "หมวด-1-การนำองค์การ"),
        ("ระดับพัฒนาจนเกิดผล", "ระดับพัฒนาจนเกิดผล"),
        ("Contact us — Office (HQ)", "contact-us-office-hq"),
    ],
)
def test_heading_slug_keeps_thai_marks_and_drops_punctuation(heading, slug):
    assert slugify_heading(heading, "-") == slug


def test_language_links_are_relative_and_mark_the_current_language():
    links = language_links("en/about/", {"th": "about/", "en": "en/about/"}, LANGUAGES, "en")
    assert links == [
        {"lang": "th", "name": "ไทย", "href": "../../about/", "current": False},
        {"lang": "en", "name": "English", "href": "./", "current": True},
    ]


def test_language_links_from_the_home_page():
    links = language_links("", {"th": "", "en": "en/"}, LANGUAGES, "th")
    assert [link["href"] for link in links] == [".", "en/"]


def test_hreflang_links_are_absolute_with_x_default():
    links = hreflang_links({"th": "about/", "en": "en/about/"}, LANGUAGES, "th", "https://example.org/site")
    assert links == [
        {"hreflang": "th", "href": "https://example.org/site/about/"},
        {"hreflang": "en", "href": "https://example.org/site/en/about/"},
        {"hreflang": "x-default", "href": "https://example.org/site/about/"},
    ]


def test_ui_strings_of_the_project_are_complete():
    strings = load_ui_strings(UI_STRINGS_FILE)
    assert set(strings) == {"th", "en"}
    assert strings["th"].keys() == strings["en"].keys()


def test_ui_strings_report_a_key_missing_in_one_language():
    problems = ui_strings_problems({"th": {"a": "ก", "b": "ข"}, "en": {"a": "A"}})
    assert problems == ["en.b: missing"]


def test_ui_strings_report_an_empty_text():
    assert ui_strings_problems({"th": {"a": " "}, "en": {"a": "A"}}) == ["th.a: expected text, got an empty text"]


def test_office_facts_render_only_what_is_set():
    office = {"address": {"th": "ที่อยู่", "en": ""}, "phone": "0 3800 0000", "fax": "", "email": None}
    assert office_facts(office, "th") == [
        {"key": "address", "text": "ที่อยู่", "href": None},
        {"key": "phone", "text": "0 3800 0000", "href": "tel:038000000"},
    ]
    assert office_facts(office, "en") == [{"key": "phone", "text": "0 3800 0000", "href": "tel:038000000"}]


def test_office_config_names_unknown_and_malformed_fields():
    problems = office_config_problems({"phone": 123, "addres": "x", "address": {"th": 5}}, ("th", "en"))
    assert problems == [
        "addres: unknown field (known: address, phone, fax, email, opening_hours, accessibility_email, security_contact)",
        "address.th: expected text, got int",
        "phone: expected text, got int",
    ]


def test_language_homes_follow_the_base_path():
    assert language_homes(("th", "en"), "/reo13/") == {"th": "/reo13/", "en": "/reo13/en/"}


def test_a_language_404_moves_to_its_folder_and_the_default_one_returns(tmp_path: Path):
    root_page = tmp_path / "404.html"
    root_page.write_text("english")
    keep_language_404(root_page, tmp_path / "en" / "404.html", b"thai")
    assert (tmp_path / "en" / "404.html").read_text() == "english"
    assert root_page.read_text() == "thai"
