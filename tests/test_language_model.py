"""The language model: every language question answered from static-i18n's configuration."""

import textwrap

import pytest

from conftest import ROOT
from officesite.languages import Languages, languages_of_mkdocs_yml


@pytest.fixture
def three():
    return Languages(("th", "en", "zh"), site_url="https://example.org/office/")


def test_the_project_configuration_builds_its_default_language_first():
    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    assert languages.default == languages.codes[0]
    assert len(languages.codes) >= 2 and len(set(languages.codes)) == len(languages.codes)


def test_file_names_tell_the_language_and_the_page(three):
    assert three.of_file("about.md") == ("th", "about")
    assert three.of_file("about.zh.md") == ("zh", "about")
    assert three.of_file("about.de.md") is None  # not a built language
    assert three.of_file("about.th.md") is None  # the default language has no suffix
    assert three.of_file("a.b.en.md") is None
    assert three.of_file("about.yml") is None
    assert [three.file_name("about", lang) for lang in three.codes] == ["about.md", "about.en.md", "about.zh.md"]


def test_paths_and_absolute_urls_follow_the_language(three):
    assert three.path("news/", "th") == "news/" and three.path("/news/", "zh") == "zh/news/"
    assert three.of_path("zh/news/") == "zh" and three.of_path("news/") == "th" and three.of_path("english/") == "th"
    assert three.absolute("en/about/") == "https://example.org/office/en/about/"


def test_a_configuration_file_gives_built_languages_default_first(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: x
        site_url: https://example.org
        plugins:
          - search
          - i18n:
              languages:
                - {locale: en, name: English}
                - {locale: th, name: ไทย, default: true}
                - {locale: fr, name: Français, build: false}
        """), encoding="utf-8")
    languages = languages_of_mkdocs_yml(config)
    assert languages.codes == ("th", "en") and languages.site_url == "https://example.org/"
