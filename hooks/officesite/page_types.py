"""Page types: what kind of page a page is decides its template and what the template gets.

A page says its kind once, in the default language's file, with one front matter key,
`page_type: calculator`; its translations take it (the schema's PAGE declares the key
DEFAULT_ONLY). Or the hooks give it one from where its file is: a news post
(news/<year>/<slug>.md), a listing page the news adds, a criteria category page
(pmqa/category-N.md); those files' own schemas have no such key. A page without a type is a
plain page (main.html). PAGE_TYPES below is the only place a type's template and its context
are named.
"""

from collections.abc import Callable
from dataclasses import dataclass

from officesite.criteria.calculator import calculator_context
from officesite.criteria.pages import is_category_page
from officesite.metadata.fields import default_only_fields
from officesite.metadata.shown import shown_value
from officesite.news.pages import (
    home_context,
    news_archive_context,
    news_index_context,
    news_listing_context,
    news_post_context,
    post_of,
)
from officesite.office import contact_context
from officesite.schema import PAGE

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


# A page's type: from its place, else the one its default-language file declares; None for a plain page.
def page_type_of(build, src_uri: str, file_lang: str) -> str | None:
    found = build.languages.of_src(src_uri)
    return placed_type(build, src_uri, file_lang) or (build.pages.types.get(found[1]) if found else None)


# The types the pages declare, {page: type}, from their checked front matter ({page: {language:
# (file, front matter)}}); a translation that writes a DEFAULT_ONLY field, or a template beside
# a type, is one line each.
def declared_page_types(metas: dict, languages, problems) -> dict:
    types = {}
    for page, versions in sorted(metas.items()):
        default = versions.get(languages.default)
        for lang, (where, meta) in sorted(versions.items()):
            if lang == languages.default or default is None:
                continue
            for field in default_only_fields(PAGE.fields):
                if meta.get(field) is not None:
                    expected = f"none (the {languages.english_name(languages.default)} file {default[0]} gives it to every language)"
                    problems.add(where, field, f"expected {expected}, got {shown_value(meta[field])}")
        where, meta = default or next(iter(versions.values()))
        declared = meta.get(FIELD)
        if declared is not None and meta.get("template") is not None:
            problems.add(where, "template", f"expected none (the page_type {declared} sets the template), got {shown_value(meta['template'])}")
        if declared is not None:
            types[page] = declared
    return types


# The front matter the hooks give a page of a placed type (a listing page has none of its own).
def placed_meta(build, src_uri: str, page_type: str) -> dict:
    if page_type == "news-listing":
        return {"title": build.news.listings[src_uri].title, "search": {"exclude": True}}
    return {}


DECLARED_TYPES = tuple(name for name, kind in PAGE_TYPES.items() if kind.declared)
