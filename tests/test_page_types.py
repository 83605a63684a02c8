"""A page's type is declared once, by one front matter key or by its file's place, and one
table maps each type to its template and context."""

from types import SimpleNamespace

from conftest import ROOT, build_site
from officesite.page_types import DECLARED_TYPES, PAGE_TYPES, page_type_of, placed_meta
from site_files import LANGUAGES, OTHER, BuiltSite

# A build as page types see it: one listing page and one post.
POST_PATH = "news/2018/pmqa-workshop/"
LISTING = SimpleNamespace(title="Office news, page 2")
BUILD = SimpleNamespace(
    languages=LANGUAGES,
    news=SimpleNamespace(listings={"news/page/2.md": LISTING}, posts_by_page={(LANGUAGES.default, POST_PATH): object()}),
)


def type_of(src_uri, meta=None, lang=LANGUAGES.default):
    return page_type_of(BUILD, src_uri, lang, meta or {})


def test_a_declared_type_gives_its_template():
    assert type_of("pmqa/calculator.md", {"page_type": "calculator"}) == ("calculator", None)
    assert PAGE_TYPES["calculator"].template == "calculator.html"
    assert type_of("about.md") == (None, None)


def test_the_files_place_gives_the_type_of_posts_listings_and_criteria_pages():
    assert type_of("news/2018/pmqa-workshop.md") == ("news-post", None)
    assert type_of("news/page/2.md") == ("news-listing", None)
    assert type_of(LANGUAGES.src_uri("pmqa/category-3", OTHER), lang=OTHER) == ("criteria-category", None)
    assert type_of("pmqa/category-9.md") == (None, None)
    assert placed_meta(BUILD, "news/page/2.md", "news-listing") == {"title": LISTING.title, "search": {"exclude": True}}


def test_a_wrong_declaration_is_one_line_naming_the_field():
    assert type_of("about.md", {"page_type": "calendar"}) == (None, f"page_type: expected one of {', '.join(DECLARED_TYPES)}, got \"calendar\"")
    assert type_of("contact.md", {"page_type": "contact", "template": "contact.html"}) == (
        "contact", 'template: expected none (the page_type contact sets the template), got "contact.html"'
    )
    assert type_of("news/page/2.md", {"page_type": "home"}) == (
        "news-listing", 'page_type: expected none (the file\'s place makes it a news-listing page), got "home"'
    )
    assert "news-post" not in DECLARED_TYPES and "home" in DECLARED_TYPES


def test_every_declared_type_is_used_by_a_page_and_every_template_exists():
    used = {line.split(":", 1)[1].strip() for path in (ROOT / "docs").rglob("*.md") for line in path.read_text(encoding="utf-8").splitlines()[:12] if line.startswith("page_type:")}
    assert used == set(DECLARED_TYPES)
    assert all((ROOT / "overrides" / kind.template).is_file() or kind.template == "main.html" for kind in PAGE_TYPES.values())


def test_an_unknown_page_type_stops_the_build_naming_the_file(project_copy, tmp_path):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\npage_type: calendar\n", 1), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/about.md: page_type: expected one of {', '.join(DECLARED_TYPES)}, got \"calendar\"" in result.stderr
    assert "Traceback" not in result.stderr


def test_listing_pages_get_their_title_from_memory(site: BuiltSite):
    soup = site.soup(LANGUAGES.path("news/archive/2018/", OTHER))
    assert soup.title.string.startswith("Office news of 2018")
    assert soup.select_one(".site-news-entry")
