"""MkDocs hooks: PMQA 4.0 criteria: the tables of the criteria pages, rendered from the validated metadata.

The logic is in `officesite.criteria.pages`; these handlers adapt it to MkDocs' events.
The metadata is read and validated once per build (officesite.build); the calculator page's
data is its page type's context (officesite.page_types).
"""

from mkdocs.exceptions import PluginError
from officesite.build import site_build
from officesite.criteria.pages import MARKER, NEEDS_CATEGORY, RENDERERS

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    build = site_build(config)
    lang = page.file.locale  # a page shown untranslated keeps its own language's metadata
    metadata = page.meta.get("pmqa")
    category = build.criteria.categories[lang].get(metadata.get("category")) if isinstance(metadata, dict) else None

    def replace(match):
        name = match.group(1)
        if name not in RENDERERS:
            raise PluginError(f"{page.file.src_uri}: unknown marker <!-- pmqa:{name} --> (known: {', '.join(RENDERERS)})")
        if name in NEEDS_CATEGORY and category is None:
            raise PluginError(f"{page.file.src_uri}: <!-- pmqa:{name} --> needs the page's `pmqa` front matter")
        return RENDERERS[name](build.criteria, category, build.strings[lang], lang, page.file.src_uri)

    return MARKER.sub(replace, markdown)
