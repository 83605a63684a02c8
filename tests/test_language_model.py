"""The language model: every language question answered from static-i18n's configuration.

The model knows no language of its own: these tests give it three that the site does not
have, the first of them the default.
"""

import textwrap

import pytest
from conftest import ROOT
from officesite.languages import Languages, languages_of_mkdocs_yml


@pytest.fixture
def three():
    return Languages(("fr", "de", "zh"), site_url="https://example.org/office/")


def test_the_project_configuration_builds_its_default_language_first():
    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    assert languages.default == languages.codes[0]
    assert len(languages.codes) >= 2 and len(set(languages.codes)) == len(languages.codes)


def test_file_names_tell_the_language_and_the_page(three):
    assert three.of_file("about.fr.md") == ("fr", "about")  # every language's file names it
    assert three.of_file("about.md") == ("fr", "about")  # a page as nav and links name it
    assert three.of_file("about.zh.md") == ("zh", "about")
    assert three.of_file("about.ja.md") is None  # not a built language
    assert three.of_file("a.b.de.md") is None
    assert three.of_file("about.yml") is None
    assert [three.file_name("about", lang) for lang in three.codes] == ["about.fr.md", "about.de.md", "about.zh.md"]


def test_files_under_docs_and_their_twins(three):
    assert three.of_src("news/2018/x.zh.md") == ("zh", "news/2018/x")
    assert three.of_src("index.md") == ("fr", "index")
    assert three.of_src("news/categories.yml") is None
    assert three.src_uri("news/2018/x", "de") == "news/2018/x.de.md"
    assert three.src_uri("index", "fr") == "index.fr.md"


def test_paths_and_absolute_urls_follow_the_language(three):
    assert three.path("news/", "fr") == "news/" and three.path("/news/", "zh") == "zh/news/"
    assert three.of_path("zh/news/") == "zh" and three.of_path("news/") == "fr" and three.of_path("deutsch/") == "fr"
    assert three.absolute("de/about/") == "https://example.org/office/de/about/"
    assert three.root_path(three.prefix("de")) == "/office/de/" and three.root_path("") == "/office/"


def test_facts_of_a_language_come_from_its_code(three):
    assert [three.open_graph_locale(lang) for lang in three.codes] == ["fr_FR", "de_DE", "zh_CN"]
    assert three.open_graph_locale("pt-BR") == "pt_BR"
    assert [three.intl_locale(lang) for lang in three.codes] == ["fr", "de", "zh"]
    assert [three.english_name(lang) for lang in three.codes] == ["French", "German", "Chinese"]


def test_a_configuration_file_gives_built_languages_default_first(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: x
        site_url: https://example.org
        plugins:
          - search
          - i18n:
              languages:
                - {locale: de, name: Deutsch}
                - {locale: fr, name: Français, default: true}
                - {locale: zh, name: 中文, build: false}
        """), encoding="utf-8")
    languages = languages_of_mkdocs_yml(config)
    assert languages.codes == ("fr", "de") and languages.site_url == "https://example.org/"
    assert languages.names == {"fr": "Français", "de": "Deutsch"}
