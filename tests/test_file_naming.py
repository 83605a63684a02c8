"""Every language's files carry their code (`about.<code>.md`, Decap CMS's i18n `multiple_files`
naming), and no address changed when the default language's files were renamed so.

tests/golden/site-urls.txt is the sorted list of pages and feeds (every .html and .xml file) of
the site built from the commit before the rename (2026-12-02): each must still be built. A page
added since is not in it, and needs not be; a page removed on purpose leaves the list with it.
"""

from conftest import ROOT
from site_files import LANGUAGES

GOLDEN_URLS = ROOT / "tests" / "golden" / "site-urls.txt"


def test_no_address_changed_with_the_file_names(site):
    built = {path.relative_to(site.root).as_posix() for path in site.root.rglob("*") if path.suffix in (".html", ".xml")}
    before = GOLDEN_URLS.read_text(encoding="utf-8").split()
    assert before and [url for url in before if url not in built] == []
    # The default language stays at the root: no page of it under a folder named by its code.
    assert not [url for url in built if url.startswith(f"{LANGUAGES.default}/")]


def test_every_page_file_names_its_language():
    unnamed = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if path.name.removesuffix(".md").rpartition(".")[2] not in LANGUAGES.codes
    ]
    assert unnamed == []


def test_file_names_carry_every_language_code():
    for lang in LANGUAGES.codes:
        name = LANGUAGES.file_name("clean-river-day", lang)
        assert name == f"clean-river-day.{lang}.md"
        assert LANGUAGES.of_file(name) == (lang, "clean-river-day")
    # A page as mkdocs.yml's nav and links name it is the default language's.
    assert LANGUAGES.of_file("clean-river-day.md") == (LANGUAGES.default, "clean-river-day")
