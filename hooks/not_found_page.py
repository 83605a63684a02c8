"""MkDocs hooks: One 404 page per language, each carrying every language's text.

The logic is in `officesite.not_found`; these handlers adapt it to MkDocs' events.
"""

from officesite.build import run_language, site_build, starts_build
from officesite.not_found import NOT_FOUND_PAGE, not_found_context, place_404

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    if starts_build(config):
        _state.clear()  # the default language's page of an earlier build is stale


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND_PAGE:
        build = site_build(config)
        context.update(not_found_context(build.languages, build.strings))
    return context


# Before static-i18n (-100) builds the next language over the root page.
def on_post_build(config):
    _state["default_page"] = place_404(config.site_dir, run_language(config), site_build(config).languages, _state.get("default_page"))


# Per-build state: the default language's 404 page, once its run is done.
_state: dict = {}
