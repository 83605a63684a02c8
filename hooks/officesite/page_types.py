"""Page types: what kind of page a page is decides its template and what the template gets.

A page says its kind once, with one front matter key, `page_type: calculator` (in each
language's file); or the hooks give it one from where its file is: a news post
(news/<year>/<slug>.md), a listing page the news adds, a criteria category page
(pmqa/category-N.md). A page without a type is a plain page (main.html). PAGE_TYPES below is
the only place a type's template and its context are named.
"""

from collections.abc import Callable
from dataclasses import dataclass

from officesite.criteria.calculator import calculator_context
from officesite.criteria.pages import is_category_page
from officesite.metadata_shown import shown_value
from officesite.news.pages import (
    home_context,
    news_archive_context,
    news_index_context,
    news_listing_context,
    news_post_context,
    post_of,
)
from officesite.office import contact_context

FIELD = "page_type"
DEFAULT_TEMPLATE = "main.html"


@dataclass(frozen=True)
class PageType:
    template: str
    context: Callable | None = None  # (build, page, language, config) -> template variables
    declared: bool = True  # written in front matter; False: set by the hooks from the file's place


PAGE_TYPES = {
    "home": PageType("home.html", home_context),
    "news-index": PageType("news-list.html", news_index_context),
    "news-archive": PageType("news-archive.html", news_archive_context),
    "calculator": PageType("calculator.html", calculator_context),
    "contact": PageType("contact.html", contact_context),
    "site-map": PageType("site-map.html"),
    "news-listing": PageType("news-list.html", news_listing_context, declared=False),
    "news-post": PageType("news-post.html", news_post_context, declared=False),
    "criteria-category": PageType(DEFAULT_TEMPLATE, declared=False),
}


# The type the hooks give a page from where its file is, or None.
def placed_type(build, src_uri: str, file_lang: str) -> str | None:
    if src_uri in build.news.listings:
        return "news-listing"
    if post_of(build.news, build.languages, src_uri, file_lang) is not None:
        return "news-post"
    if is_category_page(build.languages, src_uri):
        return "criteria-category"
    return None


# A page's type: from its place, else from its front matter; (type or None, problem or None).
def page_type_of(build, src_uri: str, file_lang: str, meta: dict) -> tuple[str | None, str | None]:
    placed, declared = placed_type(build, src_uri, file_lang), meta.get(FIELD)
    if placed is not None:
        if declared is not None:
            return placed, f"{FIELD}: expected none (the file's place makes it a {placed} page), got {shown_value(declared)}"
        return placed, None
    if declared is None:
        return None, None
    if declared not in DECLARED_TYPES:
        return None, f"{FIELD}: expected one of {', '.join(DECLARED_TYPES)}, got {shown_value(declared)}"
    if "template" in meta:
        return declared, f"template: expected none (the page_type {declared} sets the template), got {shown_value(meta['template'])}"
    return declared, None


# The front matter the hooks give a page of a placed type (a listing page has none of its own).
def placed_meta(build, src_uri: str, page_type: str) -> dict:
    if page_type == "news-listing":
        return {"title": build.news.listings[src_uri].title, "search": {"exclude": True}}
    return {}


DECLARED_TYPES = tuple(name for name, kind in PAGE_TYPES.items() if kind.declared)
