"""MkDocs hooks: the site's search index, one per language, read from the rendered pages.

The logic is in `officesite.search`; these handlers adapt it to MkDocs' events. Every event
runs once per language (static-i18n): each language's pages are gathered while it is built
and its index written at the end of its run.
"""

import datetime
from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import run_language, site_build
from officesite.search.index import SearchPage, page_order, search_base, search_script, write_index
from officesite.search.text import page_text

# The runs under way, innermost last: static-i18n builds the other languages inside the first
# one's on_post_build, and leaves the configuration's language at the last one built.
_runs: list[tuple[str, list[SearchPage]]] = []

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config):
    _runs.append((run_language(config), []))


def on_page_context(context, page, config, nav):
    return _with_search(context, config)


def on_template_context(context, template_name, config):
    return _with_search(context, config) if "base_url" in context else context


# After the other hooks have changed the page (lowest priority): the text readers see.
@event_priority(-300)
def on_post_page(output, page, config):
    if _is_searched(page):
        content = page_text(output, fallback_title=page.title or "")
        if content is not None:
            date = page.meta.get("date")
            date = date if isinstance(date, datetime.date) else None
            lang, pages = _runs[-1]
            location = page.url.removeprefix(site_build(config).languages.prefix(lang))
            pages.append(SearchPage(location, page_order(location, date), content))
    return output


# After static-i18n (-100), which builds the other languages inside the first one's run.
@event_priority(-200)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    lang, pages = _runs.pop()
    write_index(site_dir / site_build(config).languages.prefix(lang), pages)


def _with_search(context, config):
    context["search_base"] = search_base(context["base_url"], run_language(config), site_build(config).languages)
    context["search_script"] = search_script(context.get("page"), context["base_url"])
    return context


def _is_searched(page) -> bool:
    search = page.meta.get("search")
    excluded = isinstance(search, dict) and search.get("exclude")
    return not excluded and (page.url == "" or page.url.endswith("/"))
