"""MkDocs hooks: PMQA 4.0 criteria: the tables of the criteria pages, rendered from the validated metadata.

The logic is in `officesite.criteria.pages`; these handlers adapt it to MkDocs' events.
The metadata is read and validated once per build (officesite.build); the calculator page's
data is its page type's context (officesite.page_types).
"""

from officesite.build import site_build
from officesite.criteria.pages import with_generated_parts
from officesite.metadata.shown import page_source

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
    return with_generated_parts(markdown, build.criteria, category, build.strings[lang], lang, page.file.src_uri, page_source(page, config))
