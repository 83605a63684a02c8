"""MkDocs hooks: Each page's type: its template and what the template is given.

The logic is in `officesite.page_types`; these handlers adapt it to MkDocs' events.
"""

from officesite.build import run_language, site_build
from officesite.page_types import FIELD, PAGE_TYPES, page_type_of, placed_meta

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before hooks/escaping.py (-200) escapes the front matter's texts, a listing page's title included.
def on_page_markdown(markdown, page, config, files):
    build = site_build(config)
    page_type = page_type_of(build, page.file.src_uri, page.file.locale)
    if page_type is not None:
        page.meta.update(placed_meta(build, page.file.src_uri, page_type))
        page.meta[FIELD] = page_type
        page.meta["template"] = PAGE_TYPES[page_type].template
    return markdown


def on_page_context(context, page, config, nav):
    page_type = PAGE_TYPES.get(page.meta.get(FIELD))
    if page_type is not None and page_type.context is not None:
        context.update(page_type.context(site_build(config), page, run_language(config), config))
    return context
