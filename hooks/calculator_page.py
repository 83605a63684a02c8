"""The PMQA 4.0 scoring calculator page, generated from the validated criteria metadata.

A page with `pmqa_calculator: true` in its front matter gets `calculator`: everything the
template renders (the form, the results table) and embeds as JSON for the page's script
(docs/assets/javascripts/pmqa-calculator.js). Nothing about categories, items, levels or
points is written anywhere else: an item added to the metadata appears in the calculator.
"""

from pmqa_scoring import scoring_criteria
from site_criteria import site_criteria
from ui_strings import UI_STRINGS_FILE, load_ui_strings

STRING_PREFIX = "calculator_"

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


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_state: dict = {}


# What the calculator page shows and its script reads, in one language.
def calculator_data(criteria, lang: str, ui: dict) -> dict:
    named_levels = [criteria.not_reached, *criteria.levels]
    return {
        "lang": lang,
        "scoring": scoring_criteria(criteria),
        "display_decimals": criteria.display_decimals,
        "levels": [{"id": level.id, "name": level.name[lang], "points": level.points} for level in named_levels],
        "categories": [
            {
                "number": c.number,
                "title": c.title,
                "heading": ui["criteria_heading"].format(number=c.number, title=c.title),
                "label": f"{ui['criteria_category']} {c.number}",
                "items": [{"id": item.id, "title": item.title} for item in c.items],
            }
            for _, c in sorted(criteria.categories[lang].items())
        ],
        "strings": {key[len(STRING_PREFIX):]: text for key, text in ui.items() if key.startswith(STRING_PREFIX)},
    }
