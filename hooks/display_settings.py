"""MkDocs hooks: The reader's display settings: text size and contrast, one list for every consumer.

The logic is in `officesite.display`; these handlers adapt it to MkDocs' events.
"""

from officesite.display import add_display_settings

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_template_context(context, template_name, config):
    return add_display_settings(context)


def on_page_context(context, page, config, nav):
    return add_display_settings(context)
