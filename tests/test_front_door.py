"""The front door as built: the home page, the header's names, the footer of every page, the
404 page, the news post's way back, Thai words marked for line breaking (and nowhere they
would be seen as text), Thai on English pages marked as Thai; the link lists checked in one
line per problem (the office facts: tests/test_office_file.py)."""

import re
import shutil

import pytest
from conftest import build_site
from mkdocs.utils.yaml import yaml_load
from office_file import read_office, set_office_facts
from officesite.chrome import chrome_config_problems, missing_link_problems
from officesite.strings import UI_STRINGS_FILE, load_ui_strings
from officesite.thai_words import THAI_RUN
from site_files import DEFAULT, LANGUAGES, OTHER, ROOT, BuiltSite, shown_text

UI = load_ui_strings(UI_STRINGS_FILE, LANGUAGES)
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
OFFICE = read_office()
POST = "news/2018/pmqa-workshop/"


def site_name(lang):
    i18n = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
    return next((entry.get("site_name") for entry in i18n["languages"] if entry["locale"] == lang), None) or CONFIG["site_name"]


def pages_of(site, lang):
    return [path for path in site.pages if site.language_of(path) == lang]


# -----------------------------------------------------------------------------
# Home page
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_home_says_what_the_office_is_and_offers_its_ways_in_and_latest_news(site, lang):
    prefix = LANGUAGES.prefix(lang)
    soup = site.soup(prefix)
    statement = shown_text(soup.select_one(".md-content__inner"))
    assert OFFICE["parent"][lang] in statement
    sections = {DEFAULT: ("ส่วนยุทธศาสตร์และแผนสิ่งแวดล้อม", "ส่วนควบคุมคุณภาพสิ่งแวดล้อม", "ส่วนอำนวยการ"),
                OTHER: ("Environmental Strategy and Planning", "Environmental Quality Control", "General Administration")}[lang]
    assert all(section in statement for section in sections)
    ways = [site.resolve(prefix, a["href"])[0] for a in soup.select(".site-cards--links .site-card__title")]
    assert ways == [prefix + "news/", prefix + "pmqa/", prefix + "contact/"]
    # No contact fact is set: the contact card says so instead of promising details.
    contact = soup.select(".site-cards--links .site-card")[2]
    assert shown_text(contact.select_one(".site-card__title")) == UI[lang]["contact_link_none"]
    assert shown_text(contact.select_one(".site-card__text")) == UI[lang]["contact_none"]
    card = soup.select_one(".site-card--news")
    assert site.resolve(prefix, card.select_one(".site-card__title")["href"])[0] == prefix + POST
    assert card.select_one("time")["datetime"] == "2018-07-18"
    assert shown_text(card.select_one(".site-card__text"))


# -----------------------------------------------------------------------------
# Header, footer
# -----------------------------------------------------------------------------


def test_every_page_has_both_names_in_its_header_and_the_office_in_its_footer(site):
    problems = []
    for path in site.pages + [LANGUAGES.path("404.html", lang) for lang in LANGUAGES.codes]:
        lang, soup = site.language_of(path), site.soup(path)
        names = [shown_text(span) for span in soup.select(".site-header-name .site-name")]
        if names != [site_name(lang), OFFICE["short_name"][lang]]:
            problems.append(f"{path}: header names {names}")
        footer = soup.select_one(".md-footer .site-footer")
        if footer is None:
            problems.append(f"{path}: no footer")
            continue
        if shown_text(footer.select_one(".site-footer__name")) != site_name(lang) or OFFICE["parent"][lang] not in shown_text(footer):
            problems.append(f"{path}: footer {shown_text(footer)[:80]}")
        links = [site.resolve(path, a["href"])[0] for a in footer.select(".site-footer__links a")]
        expected = [LANGUAGES.path(page, lang) for page in ("about/", "contact/", "accessibility/", "privacy/", "site-map/")]
        if links != expected:
            problems.append(f"{path}: footer links {links}")
        if footer.select(".site-footer__contact") or footer.select(".site-footer a[href^='tel:'], .site-footer a[href^='mailto:']"):
            problems.append(f"{path}: contact facts shown, none is set")
        if footer.select_one('.site-footer a[href*="//"]'):
            problems.append(f"{path}: a link to the parent organisation, whose address is not set")
    assert problems == []


# -----------------------------------------------------------------------------
# 404, news post, permalinks
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_404_page_preloads_the_fonts_and_offers_news_criteria_and_search_in_every_language(site, lang):
    soup = site.soup(LANGUAGES.path("404.html", lang))
    preloads = [link["href"] for link in soup.select('link[rel="preload"][as="font"]')]
    assert len(preloads) == 4 and all(href.startswith("/") and site.file_for(href) for href in preloads)
    for code in LANGUAGES.codes:
        section = soup.select_one(f'.site-not-found[lang="{code}"]')
        hrefs = [a["href"] for a in section.select("ul a")]
        assert hrefs == ["/" + LANGUAGES.path(page, code) for page in ("news/", "pmqa/", "?q=")]
        assert [shown_text(a) for a in section.select("ul a")] == [UI[code][key] for key in ("not_found_news", "not_found_pmqa", "not_found_search")]


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_post_leads_back_to_home_and_the_news(site, lang):
    path = LANGUAGES.path(POST, lang)
    crumbs = site.soup(path).select('nav.site-breadcrumb[aria-label] a')
    assert [site.resolve(path, a["href"])[0] for a in crumbs] == [LANGUAGES.prefix(lang), LANGUAGES.path("news/", lang)]
    assert shown_text(crumbs[1]) == UI[lang]["news_title"]


def test_heading_permalinks_are_titled_in_the_language_of_the_page(site):
    titles = {lang: {a["title"] for path in pages_of(site, lang) for a in site.soup(path).select("a.headerlink")} for lang in LANGUAGES.codes}
    assert titles == {lang: {UI[lang]["permalink_title"]} for lang in LANGUAGES.codes}


# -----------------------------------------------------------------------------
# Thai words marked for line breaking, and Thai on English pages marked as Thai
# -----------------------------------------------------------------------------


def test_thai_words_are_marked_in_headings_navigation_cards_and_tables_only(site):
    home = site.soup("")
    assert [shown_text(w) for w in home.select("h1 .site-word")] == ["สำนักงาน", "สิ่งแวดล้อม", "ภาค", "ที่", "ชลบุรี"]
    assert home.select(".md-nav--primary .md-nav__link .site-word") and home.select(".site-card__title .site-word")
    assert site.soup("pmqa/category-3/").select("td .site-word")
    assert not home.select(".md-content__inner > div > p .site-word")  # running text is left to the browser
    for lang in LANGUAGES.codes:
        # marks are markup of the body only: the head's texts and the search index are as written
        head = str(site.soup(LANGUAGES.prefix(lang)).head)
        index = "".join(part.read_text(encoding="utf-8") for part in (site.root / LANGUAGES.prefix(lang) / "search").glob("*.json"))
        assert "site-word" not in head and "<wbr>" not in head
        assert "site-word" not in index and "wbr" not in index


def test_every_thai_text_on_an_english_page_is_marked_as_thai(site):
    unmarked = []
    for path in pages_of(site, OTHER) + [LANGUAGES.path("404.html", OTHER)]:
        body = site.soup(path).body
        for text in body.find_all(string=THAI_RUN):
            if text.find_parent(["script", "style"]) is None and text.find_parent(lang=re.compile(f"^{DEFAULT}")) is None:
                unmarked.append(f"{path}: {text.strip()[:30]}")
    assert unmarked == []


# -----------------------------------------------------------------------------
# The office's configuration
# -----------------------------------------------------------------------------


def test_link_lists_are_checked_in_one_line_each():
    assert chrome_config_problems({"home_links": ["a.md"]}) == []
    assert chrome_config_problems({"footer_links": "about.md"}) == ['extra.footer_links: expected a list of pages by their file under docs/ (e.g. about.md), got "about.md"']


def test_a_listed_page_missing_from_the_navigation_is_named():
    class Page:
        def __init__(self, src_uri):
            self.file = type("File", (), {"src_uri": src_uri})()

    pages = [Page("about.md"), Page("news/index.md")]
    assert missing_link_problems({"footer_links": ["about.md", "gone.md"], "home_links": ["news/index.md"]}, pages, LANGUAGES) == [
        "extra.footer_links: gone.md: expected a page of the navigation, got none"
    ]


def test_set_facts_parent_site_and_emblem_are_shown_and_bad_ones_stop_the_build(project_copy):
    shutil.copy(project_copy / "docs/assets/images/favicon.svg", project_copy / "docs/assets/images/emblem.svg")
    set_office_facts(project_copy, phone="038 000 000", parent_url="https://example.org/parent", emblem="assets/images/emblem.svg")
    result = build_site(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(project_copy / "site")
    for lang in LANGUAGES.codes:
        path = LANGUAGES.path("about/", lang)
        soup = site.soup(path)
        assert soup.select_one(".site-footer a[href^='tel:']")["href"] == "tel:038000000"
        assert soup.select_one(".site-footer a[href='https://example.org/parent']").get_text(strip=True)
        assert site.resolve(path, soup.select_one(".md-header__button.md-logo img")["src"])[0] == "assets/images/emblem.svg"
        assert soup.select_one(".md-header__button.md-logo img")["alt"] == ""  # the link is named by the office's name
        assert soup.select_one(".site-footer__emblem")
        # with a fact set, the contact page is linked by its own title
        assert [shown_text(a) for a in soup.select(".site-footer__links a")][1] == shown_text(site.soup(LANGUAGES.path("contact/", lang)).h1).removesuffix("¶")
    set_office_facts(project_copy, parent_url="http://example.org/parent", emblem="assets/images/none.svg")
    result = build_site(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert 'docs/office.yml: parent_url: expected an https:// address, got "http://example.org/parent"' in result.stderr
    assert 'docs/office.yml: emblem: expected a file under docs/, found none, got "assets/images/none.svg"' in result.stderr
