"""Every page exists in every language, and each links to its twins in the other languages."""

import pytest

from conftest import build_site
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite, language_of


def switch_links(site, page):
    return site.soup(page).select("a.site-language__link")


def test_every_page_exists_in_both_languages(site):
    pages = {lang: {page.removeprefix(LANGUAGES.prefix(lang)) for page in site.pages if language_of(page) == lang} for lang in LANGUAGES.codes}
    assert all(pages[lang] == pages[DEFAULT] for lang in LANGUAGES.codes)
    assert {"", "about/", "contact/", "accessibility/", "privacy/", "site-map/"} <= pages[DEFAULT]


def test_untranslated_pages_show_the_fallback_notice(site):
    for page in site.pages:
        soup = site.soup(page)
        content_lang = soup.select_one(".md-content__inner > div[lang]")["lang"]
        notice = soup.select_one(".site-fallback-notice")
        if content_lang == language_of(page):
            assert notice is None, page
        else:
            assert notice is not None, page


def test_switch_leads_to_the_twin_and_back(site):
    for page in site.pages:
        links = switch_links(site, page)
        assert len(links) == 1, page
        twin, _ = site.resolve(page, links[0]["href"])
        assert language_of(twin) != language_of(page)
        assert site.file_for(twin), (page, twin)
        back, _ = site.resolve(twin, switch_links(site, twin)[0]["href"])
        assert back == page


def test_html_lang_matches_the_page_language(site):
    for page in site.pages:
        assert site.soup(page).html["lang"] == language_of(page), page


def test_switch_links_carry_the_language_they_lead_to(site):
    for page in site.pages:
        link = switch_links(site, page)[0]
        twin, _ = site.resolve(page, link["href"])
        assert link["lang"] == link["hreflang"] == language_of(twin)
        assert link.get_text(strip=True) == {DEFAULT: "ไทย", OTHER: "English"}[language_of(twin)]


def test_head_lists_alternates_for_th_en_and_x_default(site):
    for page in site.pages:
        links = {link["hreflang"]: link["href"] for link in site.soup(page).select('head link[rel="alternate"][hreflang]')}
        thai_page = page.removeprefix(LANGUAGES.prefix(language_of(page)))
        assert links == {
            DEFAULT: site.site_url + thai_page,
            OTHER: site.site_url + LANGUAGES.path(thai_page, OTHER),
            "x-default": site.site_url + thai_page,
        }, page


def test_each_language_has_a_404_page_with_both_languages(site):
    for lang in LANGUAGES.codes:
        soup = site.soup(LANGUAGES.path("404.html", lang))
        assert soup.html["lang"] == lang
        sections = soup.select("section.site-not-found")
        assert [section["lang"] for section in sections] == list(LANGUAGES.codes)
        assert [section.a["href"] for section in sections] == ["/" + LANGUAGES.prefix(code) for code in LANGUAGES.codes]


@pytest.fixture
def site_with_thai_only_page(project_copy, tmp_path):
    (project_copy / "docs" / "untranslated.md").write_text("# หน้าที่ยังไม่แปล\n\nเนื้อหาภาษาไทย\n", encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    return BuiltSite(tmp_path / "out")


def test_missing_translation_falls_back_with_a_notice_in_the_readers_language(site_with_thai_only_page):
    site = site_with_thai_only_page
    english = site.soup(LANGUAGES.path("untranslated/", OTHER))
    notice = english.select_one(".site-fallback-notice")
    assert "not yet available in English" in notice.get_text()
    assert english.html["lang"] == OTHER
    assert english.select_one(".md-content__inner > div[lang]")["lang"] == DEFAULT
    assert "เนื้อหาภาษาไทย" in english.get_text()
    assert site.soup("untranslated/").select_one(".site-fallback-notice") is None
