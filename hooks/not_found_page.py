"""MkDocs hooks: One 404 page per language, each carrying every language's text.

The logic is in `officesite.not_found`; these handlers adapt it to MkDocs' events.
"""

from officesite.build import run_language, site_build
from officesite.not_found import NOT_FOUND_PAGE, not_found_context, place_404

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND_PAGE:
        build = site_build(config)
        context.update(not_found_context(build.languages, build.strings))
    return context


# Before static-i18n (-100) builds the next language over the root page (the default priority is 0).
def on_post_build(config):
    build = site_build(config)
    build.not_found.root_page = place_404(config.site_dir, run_language(config), build.languages, build.not_found.root_page)
