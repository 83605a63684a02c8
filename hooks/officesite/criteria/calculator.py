"""The PMQA 4.0 self-assessment calculator page, generated from the validated criteria metadata.

A page with `page_type: calculator` in its front matter gets `calculator`: everything the
template renders (the questions with their guidance, notes and evidence, the results) and
embeds as JSON for the page's scripts (docs/assets/javascripts/pmqa-*.js). Nothing about
categories, items, levels or points is written anywhere else: an item added to the metadata
appears in the calculator.
"""

from officesite.criteria.report import CSV_COLUMNS
from officesite.criteria.scoring import (
    MAX_DETAIL,
    MAX_EVIDENCE,
    MAX_NOTE,
    level_reached,
    next_level,
    score_assessment,
    scoring_criteria,
)

# The interface strings the page's scripts use (the report's and the calculator's own).
STRING_PREFIXES = ("calculator_", "criteria_")


# The calculator page's template variables (officesite.page_types).
def calculator_context(build, page, lang, config) -> dict:
    office = config.site_name  # static-i18n sets each language's site_name for its run
    return {"calculator": calculator_data(build.criteria, lang, build.strings[lang], build.languages.intl_locale(lang), office)}


# What the calculator page shows and its scripts read, in one language.
def calculator_data(criteria, lang: str, ui: dict, locale: str, office: str) -> dict:
    named_levels = [criteria.not_reached, *criteria.levels]
    scoring = scoring_criteria(criteria)
    return {
        "lang": lang,
        "locale": locale,
        "office": office,
        "scoring": scoring,
        "initial": initial_results(scoring, criteria, lang, ui),
        "display_decimals": criteria.display_decimals,
        "limits": {"notes": MAX_NOTE, "evidence": MAX_EVIDENCE, "period": MAX_DETAIL, "assessor": MAX_DETAIL},
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
        # Only what the template renders, not the scripts: each item's guidance, in level order.
        "guidance": {
            item.id: {
                "levels": [{"name": level.name[lang], "text": item.guidance[level.id]} for level in criteria.levels if level.id in item.guidance],
                "evidence": list(item.evidence),
            }
            for c in criteria.categories[lang].values()
            for item in c.items
            if item.guidance or item.evidence
        },
        "csv_columns": CSV_COLUMNS,
        "strings": {key: text for key, text in ui.items() if key.startswith(STRING_PREFIXES)},
    }


# The results of an empty assessment, rendered into the page so that the script, which shows
# the same for a reader with no saved answers, moves nothing on the page.
def initial_results(scoring: dict, criteria, lang: str, ui: dict) -> dict:
    result = score_assessment(scoring, {})
    names = {level.id: level.name[lang] for level in (criteria.not_reached, *criteria.levels)}
    shown = lambda value: f"{value:.{criteria.display_decimals}f}"  # noqa: E731

    def gap(score):
        following = next_level(scoring, score)
        return ui["calculator_gap_value"].format(gap=shown(following["gap"]), level=names[following["level"]]) if following else ui["calculator_gap_none"]

    categories = {
        number: {"score": shown(score), "level": names[level_reached(scoring, score)], "gap": gap(score)}
        for number, score in result["categories"].items()
    }
    total = sum(len(c["items"]) for c in scoring["categories"])
    return {
        "overall": shown(result["overall"]),
        "level": result["level"],
        "level_name": names[result["level"]],
        "gap": gap(result["overall"]),
        "answered": ui["calculator_answered"].format(answered=0, total=total),
        "categories": categories,
    }
