"""MkDocs hooks: Interface strings of the project's templates, in the language being built.

The logic is in `officesite.strings`; these handlers adapt it to MkDocs' events. The strings
are read once per build (officesite.build).
"""

from officesite.build import run_language, site_build
from officesite.strings import add_ui_strings

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_template_context(context, template_name, config):
    return add_ui_strings(context, site_build(config).strings, run_language(config))


def on_page_context(context, page, config, nav):
    return add_ui_strings(context, site_build(config).strings, run_language(config))
