"""MkDocs hooks: A search index per language, with Thai text split into words.

The logic is in `officesite.search.index`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import every_language_built, run_language, site_build
from officesite.search.index import search_base, write_language_indexes

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context, page, config, nav):
    context["search_base"] = search_base(context["base_url"], run_language(config), site_build(config).languages)
    return context


def on_template_context(context, template_name, config):
    if "base_url" in context:
        context["search_base"] = search_base(context["base_url"], run_language(config), site_build(config).languages)
    return context


# After static-i18n (-100) has built every language and written the merged index.
@event_priority(-200)
def on_post_build(config):
    if every_language_built(config):
        write_language_indexes(Path(config.site_dir), site_build(config).languages)
