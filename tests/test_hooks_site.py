"""The plain functions behind the site hooks, without MkDocs."""

from pathlib import Path

import pytest
from officesite.alternates import hreflang_links, language_links
from officesite.configuration import nav_titles
from officesite.languages import Languages
from officesite.not_found import not_found_context, place_404
from officesite.metadata.problems import Problems
from officesite.office import office_facts
from officesite.slugs import slugify_heading
from officesite.strings import (
    UI_STRINGS_FILE,
    check_ui_strings,
    load_ui_strings,
    strings_of_languages,
)
from site_files import DEFAULT, LANGUAGES, OTHER

TH, EN = DEFAULT, OTHER  # the project's Thai and English, by their place in mkdocs.yml


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
    links = language_links(LANGUAGES.path("about/", EN), {TH: "about/", EN: LANGUAGES.path("about/", EN)}, LANGUAGES, EN)
    assert links == [
        {"lang": TH, "name": "ไทย", "href": "../../about/", "current": False},
        {"lang": EN, "name": "English", "href": "./", "current": True},
    ]


def test_language_links_from_the_home_page():
    links = language_links("", {TH: "", EN: LANGUAGES.prefix(EN)}, LANGUAGES, TH)
    assert [link["href"] for link in links] == [".", LANGUAGES.prefix(EN)]


def test_hreflang_links_are_absolute_with_x_default():
    languages = Languages(LANGUAGES.codes, LANGUAGES.names, "https://example.org/site/")
    links = hreflang_links({TH: "about/", EN: LANGUAGES.path("about/", EN)}, languages)
    assert links == [
        {"hreflang": TH, "href": "https://example.org/site/about/"},
        {"hreflang": EN, "href": "https://example.org/site/" + LANGUAGES.path("about/", EN)},
        {"hreflang": "x-default", "href": "https://example.org/site/about/"},
    ]


def test_ui_strings_of_the_project_are_complete():
    strings = load_ui_strings(UI_STRINGS_FILE, LANGUAGES)
    assert set(strings) == set(LANGUAGES.codes)
    assert strings[TH].keys() == strings[EN].keys()


def ui_strings_problems(strings) -> list[str]:
    problems = Problems()
    check_ui_strings(strings, "ui_strings.yml", LANGUAGES, problems)
    return problems.lines


def test_ui_strings_report_a_key_missing_in_one_language():
    problems = ui_strings_problems({TH: {"a": "ก", "b": "ข"}, EN: {"a": "A"}})
    assert problems == [f"ui_strings.yml: {EN}.b: expected text, as in {TH}.b, got nothing"]


def test_ui_strings_report_an_empty_text():
    assert ui_strings_problems({TH: {"a": " "}, EN: {"a": "A"}}) == [f"ui_strings.yml: {TH}.a: expected text, got an empty text"]


def test_a_language_without_strings_shows_the_default_ones():
    three = Languages((*LANGUAGES.codes, "fr"))
    strings, missing = strings_of_languages({TH: {"a": "ก"}, EN: {"a": "A"}}, three)
    assert strings == {TH: {"a": "ก"}, EN: {"a": "A"}, "fr": {"a": "ก"}} and missing == ["fr"]


def test_office_facts_render_only_what_is_set():
    office = {"address": {TH: "ที่อยู่", EN: ""}, "phone": "0 3800 0000", "fax": "", "email": None}
    assert office_facts(office, TH) == [
        {"key": "address", "text": "ที่อยู่", "href": None},
        {"key": "phone", "text": "0 3800 0000", "href": "tel:038000000"},
    ]
    assert office_facts(office, EN) == [{"key": "phone", "text": "0 3800 0000", "href": "tel:038000000"}]


def test_not_found_homes_follow_the_base_path():
    languages = Languages(LANGUAGES.codes, LANGUAGES.names, "https://example.org/reo13/")
    keys = ("not_found_title", "not_found_news", "not_found_pmqa", "not_found_search")
    strings = {lang: {key: f"{key} {lang}" for key in keys} for lang in LANGUAGES.codes}
    context = not_found_context(languages, strings)
    assert [section["home"] for section in context["not_found_sections"]] == ["/reo13/", "/reo13/" + LANGUAGES.prefix(EN)]
    assert context["not_found_title"] == f"not_found_title {TH} / not_found_title {EN}"
    # the ways on: news, criteria and the search (the home page opens it on ?q=), in each language
    ways = [[(way["text"], way["href"]) for way in section["ways"]] for section in context["not_found_sections"]]
    assert ways == [
        [(f"{key} {lang}", "/reo13/" + LANGUAGES.prefix(lang) + path) for key, path in zip(keys[1:], ("news/", "pmqa/", "?q="))]
        for lang in LANGUAGES.codes
    ]


# What each language's run of static-i18n leaves: its own 404.html at the site root.
def run_404(site_dir: Path, lang: str, kept):
    (site_dir / "404.html").write_text(f"page of {lang}")
    return place_404(site_dir, lang, LANGUAGES, kept)


@pytest.mark.parametrize("order", [LANGUAGES.codes, tuple(reversed(LANGUAGES.codes))], ids=["default first", "default last"])
def test_each_language_keeps_its_404_page_whichever_is_built_first(tmp_path: Path, order):
    kept = None
    for lang in order:
        kept = run_404(tmp_path, lang, kept)
    assert (tmp_path / "404.html").read_text() == f"page of {TH}"
    assert (tmp_path / LANGUAGES.path("404.html", EN)).read_text() == f"page of {EN}"


def test_navigation_titles_are_found_at_every_depth_with_their_place():
    nav = ["index.md", {"PMQA": ["a.md", {"Sub": "b.md"}]}, {"About": "about.md"}, {7: "x.md"}]
    assert list(nav_titles(nav)) == [("nav[1]", "PMQA"), ("nav[1][1]", "Sub"), ("nav[2]", "About"), ("nav[3]", 7)]
