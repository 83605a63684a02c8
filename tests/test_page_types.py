"""A page's type is declared once, by one front matter key or by its file's place, and one
table maps each type to its template and context."""

from types import SimpleNamespace

import pytest
from conftest import ROOT, build_site
from officesite.news.posts import NewsError, load_news
from officesite.page_types import DECLARED_TYPES, PAGE_TYPES, page_type_of, placed_meta
from officesite.pages import PagesError, site_pages
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite

# A build as page types see it: one listing page, one post and the pages' declared types.
POST_PATH = "news/2018/pmqa-workshop/"
LISTING = SimpleNamespace(title="Office news, page 2")
BUILD = SimpleNamespace(
    languages=LANGUAGES,
    news=SimpleNamespace(listings={"news/page/2.md": LISTING}, posts_by_page={(LANGUAGES.default, POST_PATH): object()}),
    pages=SimpleNamespace(types={"pmqa/calculator": "calculator"}),
)


def type_of(src_uri, lang=LANGUAGES.default):
    return page_type_of(BUILD, src_uri, lang)


def test_a_declared_type_gives_its_template_in_every_language():
    assert type_of(f"pmqa/calculator.{DEFAULT}.md") == "calculator"
    assert type_of(LANGUAGES.src_uri("pmqa/calculator", OTHER), lang=OTHER) == "calculator"
    assert PAGE_TYPES["calculator"].template == "calculator.html"
    assert type_of(f"about.{DEFAULT}.md") is None


def test_the_files_place_gives_the_type_of_posts_listings_and_criteria_pages():
    assert type_of(f"news/2018/pmqa-workshop.{DEFAULT}.md") == "news-post"
    assert type_of("news/page/2.md") == "news-listing"
    assert type_of(LANGUAGES.src_uri("pmqa/category-3", OTHER), lang=OTHER) == "criteria-category"
    assert type_of(f"pmqa/category-9.{DEFAULT}.md") is None
    assert placed_meta(BUILD, "news/page/2.md", "news-listing") == {"title": LISTING.title, "search": {"exclude": True}}


def write(folder, relative, front_matter):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter}---\n\nText\n", encoding="utf-8")


def test_a_wrong_declaration_is_one_line_naming_the_field(tmp_path):
    docs = tmp_path / "docs"
    write(docs, f"about.{DEFAULT}.md", "title: About\npage_type: calendar\n")
    write(docs, f"contact.{DEFAULT}.md", "title: Contact\npage_type: contact\ntemplate: contact.html\n")
    write(docs, LANGUAGES.src_uri("contact", OTHER), "title: Contact\npage_type: site-map\n")
    with pytest.raises(PagesError) as caught:
        site_pages(docs, LANGUAGES, tmp_path)
    assert caught.value.problems == [
        f'docs/about.{DEFAULT}.md: page_type: expected one of {", ".join(DECLARED_TYPES)}, got "calendar"',
        f'docs/{LANGUAGES.src_uri("contact", OTHER)}: page_type: expected none (the Thai file docs/contact.{DEFAULT}.md gives it to every language), got "site-map"',
        f'docs/contact.{DEFAULT}.md: template: expected none (the page_type contact sets the template), got "contact.html"',
    ]
    assert "news-post" not in DECLARED_TYPES and "home" in DECLARED_TYPES


def test_a_page_whose_place_gives_its_type_cannot_declare_one(tmp_path):
    news = tmp_path / "docs" / "news"
    write(news, "2019/x.md", "title: T\ndate: 2019-01-01\ndescription: D\npage_type: home\n")
    with pytest.raises(NewsError) as caught:
        load_news(news, LANGUAGES, display_root=tmp_path)
    assert caught.value.problems == ["docs/news/2019/x.md: page_type: expected one of title, slug, date, description, category, tags, cover, gallery, draft, got an unknown field"]


def test_a_translation_takes_the_type_of_its_default_language_page(site: BuiltSite):
    assert site.soup(LANGUAGES.path("contact/", OTHER)).select_one(".site-contact") is not None
    assert site.soup(LANGUAGES.path("pmqa/calculator/", OTHER)).select_one("[data-pmqa-data]") is not None


def test_every_declared_type_is_used_by_a_page_and_every_template_exists():
    used = {line.split(":", 1)[1].strip() for path in (ROOT / "docs").rglob("*.md") for line in path.read_text(encoding="utf-8").splitlines()[:12] if line.startswith("page_type:")}
    assert used == set(DECLARED_TYPES)
    assert all((ROOT / "overrides" / kind.template).is_file() or kind.template == "main.html" for kind in PAGE_TYPES.values())


def test_an_unknown_page_type_stops_the_build_naming_the_file(project_copy, tmp_path):
    page = project_copy / "docs" / f"about.{DEFAULT}.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\npage_type: calendar\n", 1), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/about.{DEFAULT}.md: page_type: expected one of {', '.join(DECLARED_TYPES)}, got \"calendar\"" in result.stderr
    assert "Traceback" not in result.stderr


def test_listing_pages_get_their_title_from_memory(site: BuiltSite):
    soup = site.soup(LANGUAGES.path("news/archive/2018/", OTHER))
    assert soup.title.string.startswith("Office news of 2018")
    assert soup.select_one(".site-news-entry")
