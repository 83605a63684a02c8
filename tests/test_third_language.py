"""A third language is configuration and content, not code: added to a copy of the project,
it builds with --strict and gets its pages, its 404 page, its search index, its feeds and a
place in every page's language switch.

What the copy adds is what a translator adds: the language in mkdocs.yml, its names in
levels.yml and categories.yml, its criteria category pages (the metadata of every language
is checked against the default's). Its interface strings are left out on purpose: the build
shows the default language's and says so in one line.
"""

import re

import pytest
from officesite.languages import languages_of_mkdocs_yml
from site_copy import copy_site
from site_files import LANGUAGES, OTHER, BuiltSite

pytestmark = pytest.mark.build  # builds its own copy of the project

THIRD = "fr"
# static-i18n's entry for it, appended to the `languages` of the i18n plugin (the last key
# before `nav:` in mkdocs.yml).
I18N_ENTRY = f"        - locale: {THIRD}\n          name: Français\n          build: true\n"
PAGES = ["", "about/", "contact/", "news/", "news/2018/pmqa-workshop/", "pmqa/", "pmqa/category-3/", "pmqa/calculator/", "site-map/"]


def add_third_language(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\nnav:\n") == 1
    config.write_text(text.replace("\nnav:\n", I18N_ENTRY + "\nnav:\n"), encoding="utf-8")
    # Names per language: the third takes the second's (English) words.
    for names in (project / "docs" / "pmqa" / "levels.yml", project / "docs" / "news" / "categories.yml"):
        text, count = re.subn(rf"\b{OTHER}: ([^,}}\n]+)", lambda match: f"{match.group()}, {THIRD}: {match.group(1)}", names.read_text(encoding="utf-8"))
        assert count, names
        names.write_text(text, encoding="utf-8")
    three = languages_of_mkdocs_yml(config)
    pmqa = project / "docs" / "pmqa"
    for number in range(1, 8):
        english = (pmqa / three.file_name(f"category-{number}", OTHER)).read_text(encoding="utf-8")
        (pmqa / three.file_name(f"category-{number}", THIRD)).write_text(english, encoding="utf-8")


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory, site_builder):
    project = copy_site(tmp_path_factory.mktemp("third") / "project")
    add_third_language(project)
    languages = languages_of_mkdocs_yml(project / "mkdocs.yml")
    result = site_builder(project, project.parent / "out")
    return result, BuiltSite(project.parent / "out", languages=languages)


def test_the_copy_has_three_languages(three_languages):
    _, site = three_languages
    assert site.languages.codes == (*LANGUAGES.codes, THIRD)


def test_a_third_language_builds_strictly_and_says_it_has_no_strings_of_its_own(three_languages):
    result, _ = three_languages
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.MULTILINE), result.stderr
    assert f"ui_strings.yml: no strings for {THIRD}: shown with the {LANGUAGES.default} strings" in result.stderr


def test_its_pages_are_built_under_its_folder(three_languages):
    _, site = three_languages
    for page in PAGES:
        path = site.languages.path(page, THIRD)
        assert site.file_for(path), path
        assert site.soup(path).html["lang"] == THIRD, path
    for built in ("404.html", "search/index.json", "news/rss.xml", "news/atom.xml"):
        assert (site.root / site.languages.path(built, THIRD)).is_file(), built


def test_the_language_switch_leads_to_the_two_other_languages(three_languages):
    _, site = three_languages
    for lang in site.languages.codes:
        for page in PAGES:
            path = site.languages.path(page, lang)
            soup = site.soup(path)
            links = soup.select("a.site-language__link")
            assert sorted(link["lang"] for link in links) == sorted(set(site.languages.codes) - {lang}), path
            assert {site.resolve(path, link["href"])[0] for link in links} == {site.languages.path(page, other) for other in site.languages.codes if other != lang}
            hreflangs = [link["hreflang"] for link in soup.select('head link[rel="alternate"][hreflang]')]
            assert hreflangs == [*site.languages.codes, "x-default"], path


def test_every_404_page_speaks_the_three_languages_and_the_root_one_is_the_default(three_languages):
    _, site = three_languages
    for lang in site.languages.codes:
        soup = site.soup(site.languages.path("404.html", lang))
        assert soup.html["lang"] == lang
        sections = soup.select("section.site-not-found")
        assert [section["lang"] for section in sections] == list(site.languages.codes)
        assert [section.a["href"] for section in sections] == ["/" + site.languages.prefix(code) for code in site.languages.codes]
