"""MkDocs hooks: Interface strings of the project's templates, in the language being built.

The logic is in `officesite.strings`; these handlers adapt it to MkDocs' events.
"""



from officesite.strings import UI_STRINGS_FILE, add_ui_strings, load_ui_strings

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    global _ui_strings
    _ui_strings = load_ui_strings(UI_STRINGS_FILE)


def on_template_context(context, template_name, config):
    return add_ui_strings(context, _ui_strings, config.theme["language"])


def on_page_context(context, page, config, nav):
    return add_ui_strings(context, _ui_strings, config.theme["language"])


_ui_strings: dict = {}
