"""MkDocs hooks: The PMQA 4.0 scoring calculator page, generated from the validated criteria metadata.

The logic is in `officesite.criteria.calculator`; these handlers adapt it to MkDocs' events.
"""

from officesite.criteria.calculator import calculator_data
from officesite.criteria.site import site_criteria
from officesite.strings import UI_STRINGS_FILE, load_ui_strings

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    _state["criteria"] = site_criteria(config)
    _state["strings"] = load_ui_strings(UI_STRINGS_FILE)


def on_page_context(context, page, config, nav):
    if page.meta.get("pmqa_calculator"):
        lang = config.theme["language"]
        context["calculator"] = calculator_data(_state["criteria"], lang, _state["strings"][lang])
    return context


_state: dict = {}
