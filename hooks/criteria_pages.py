"""MkDocs hooks: PMQA 4.0 criteria pages: validate the metadata on every build, render its tables.

The logic is in `officesite.criteria.pages`; these handlers adapt it to MkDocs' events.
"""

from mkdocs.exceptions import PluginError
from officesite.criteria.pages import MARKER, NEEDS_CATEGORY, RENDERERS
from officesite.criteria.site import site_criteria
from officesite.strings import UI_STRINGS_FILE, load_ui_strings

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    global _criteria, _strings
    _criteria = site_criteria(config)
    _strings = load_ui_strings(UI_STRINGS_FILE)


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    lang = page.file.locale  # a page shown untranslated keeps its own language's metadata
    metadata = page.meta.get("pmqa")
    category = _criteria.categories[lang].get(metadata.get("category")) if isinstance(metadata, dict) else None

    def replace(match):
        name = match.group(1)
        if name not in RENDERERS:
            raise PluginError(f"{page.file.src_uri}: unknown marker <!-- pmqa:{name} --> (known: {', '.join(RENDERERS)})")
        if name in NEEDS_CATEGORY and category is None:
            raise PluginError(f"{page.file.src_uri}: <!-- pmqa:{name} --> needs the page's `pmqa` front matter")
        return RENDERERS[name](_criteria, category, _strings[lang], lang, page.file.src_uri)

    return MARKER.sub(replace, markdown)


_criteria = None
_strings: dict = {}
