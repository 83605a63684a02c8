"""MkDocs hooks: Links between a page and its versions in the other languages.

The logic is in `officesite.alternates`; these handlers adapt it to MkDocs' events.
"""

from officesite.alternates import page_language_context
from officesite.build import run_language, site_build

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context, page, config, nav):
    context.update(page_language_context(site_build(config).languages, page, run_language(config)))
    return context
