"""The PMQA 4.0 scoring calculator page, generated from the validated criteria metadata.

A page with `page_type: calculator` in its front matter gets `calculator`: everything the
template renders (the form, the results table) and embeds as JSON for the page's script
(docs/assets/javascripts/pmqa-calculator.js). Nothing about categories, items, levels or
points is written anywhere else: an item added to the metadata appears in the calculator.
"""

from officesite.criteria.scoring import (
    level_reached,
    score_assessment,
    scoring_criteria,
)

STRING_PREFIX = "calculator_"


# The calculator page's template variables (officesite.page_types).
def calculator_context(build, page, lang, config) -> dict:
    return {"calculator": calculator_data(build.criteria, lang, build.strings[lang], build.languages.locale_tag(lang))}


# What the calculator page shows and its script reads, in one language (`locale`: its tag for
# the browser's number and date formats).
def calculator_data(criteria, lang: str, ui: dict, locale: str) -> dict:
    named_levels = [criteria.not_reached, *criteria.levels]
    scoring = scoring_criteria(criteria)
    return {
        "lang": lang,
        "locale": locale,
        "scoring": scoring,
        "initial": initial_results(scoring, criteria, lang, ui),
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


# The results of an empty assessment, rendered into the page so that the script, which shows
# the same for a reader with no saved answers, moves nothing on the page.
def initial_results(scoring: dict, criteria, lang: str, ui: dict) -> dict:
    result = score_assessment(scoring, {})
    names = {level.id: level.name[lang] for level in (criteria.not_reached, *criteria.levels)}
    shown = lambda value: f"{value:.{criteria.display_decimals}f}"  # noqa: E731
    categories = {}
    for number, score in result["categories"].items():
        following = next((level for level in criteria.levels if score < level.points), None)
        gap = f"{shown(following.points - score)} ({names[following.id]})" if following else ui["calculator_gap_none"]
        categories[number] = {"score": shown(score), "level": names[level_reached(scoring, score)], "gap": gap}
    return {"overall": shown(result["overall"]), "level": result["level"], "level_name": names[result["level"]], "categories": categories}
