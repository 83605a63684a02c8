"""The PMQA 4.0 scoring rule in Python. Plain Python, no MkDocs.

Its JavaScript twin is docs/assets/javascripts/pmqa-scoring.js; both are held to the same
vectors (tests/golden/pmqa-scoring.json). The rule (docs/pmqa/index.md, "How scores are
computed"), with every number taken from the criteria metadata:
- an item scores the points of the level it reached (not reached: the not_reached points);
- a category scores the mean of its items;
- the overall score is the weighted mean of the categories;
- the overall level is the highest level whose points the overall score reaches.
Assessments use the calculator's import/export format:
  {"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", …}}
"""

import re

from officesite.metadata.shown import shown_value

ASSESSMENT_FORMAT = "pmqa-assessment"
ASSESSMENT_VERSION = 1
ASSESSMENT_FIELDS = {"format", "version", "levels", "exported"}
# Weighted means of decimal weights are not exact in binary floating point: a score this
# close under a level's points counts as reaching it.
TOLERANCE = 1e-9


class AssessmentError(ValueError):
    """An assessment that cannot be scored; the message names the problem."""


# The language-independent part of the criteria that scoring needs, as plain JSON data.
def scoring_criteria(criteria) -> dict:
    default_lang = next(iter(criteria.categories))
    return {
        "levels": [{"id": level.id, "points": level.points} for level in criteria.levels],
        "not_reached": {"id": criteria.not_reached.id, "points": criteria.not_reached.points},
        "categories": [
            {"number": c.number, "weight": c.weight, "items": [item.id for item in c.items]}
            for _, c in sorted(criteria.categories[default_lang].items())
        ],
    }


# Check an assessment (parsed JSON) against the criteria; return {item id: level id}.
def read_assessment(data, scoring: dict) -> dict:
    if not isinstance(data, dict):
        raise AssessmentError(f"expected an object with format, version and levels, got {_json_type(data)}")
    extra = sorted(set(data) - ASSESSMENT_FIELDS)
    if extra:
        raise AssessmentError(f"{_field_name(extra[0])}: unknown field (known: format, version, levels, exported)")
    if data.get("format") != ASSESSMENT_FORMAT:
        raise AssessmentError(f'format: expected "{ASSESSMENT_FORMAT}", got {shown_value(data.get("format"))}')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, (int, float)) or version != ASSESSMENT_VERSION:
        raise AssessmentError(f"version: expected {ASSESSMENT_VERSION}, got {shown_value(version)}")
    levels = data.get("levels")
    if not isinstance(levels, dict):
        raise AssessmentError(f"levels: expected an object of item id to level, got {_json_type(levels)}")
    item_ids = [item for category in scoring["categories"] for item in category["items"]]
    level_ids = [scoring["not_reached"]["id"]] + [level["id"] for level in scoring["levels"]]
    for item_id, level_id in levels.items():
        if item_id not in item_ids:
            raise AssessmentError(f'levels: unknown item id {shown_value(item_id)} (items are {item_ids[0]} to {item_ids[-1]})')
        if level_id not in level_ids:
            raise AssessmentError(f"levels[{shown_value(item_id)}]: expected one of {', '.join(level_ids)}, got {shown_value(level_id)}")
    return dict(levels)


# Score {item id: level id}: {"categories": {"1": …}, "overall": …, "level": …}, unrounded.
def score_assessment(scoring: dict, levels: dict) -> dict:
    points = {scoring["not_reached"]["id"]: scoring["not_reached"]["points"]}
    points.update({level["id"]: level["points"] for level in scoring["levels"]})
    not_reached = scoring["not_reached"]["id"]
    categories = {}
    weighted_sum = weight_sum = 0.0
    for category in scoring["categories"]:
        total = 0.0  # summed left to right, as the JavaScript twin does
        for item in category["items"]:
            total += points[levels.get(item, not_reached)]
        score = total / len(category["items"])
        categories[str(category["number"])] = score
        weighted_sum += category["weight"] * score
        weight_sum += category["weight"]
    overall = weighted_sum / weight_sum
    return {"categories": categories, "overall": overall, "level": level_reached(scoring, overall)}


# The id of the highest level whose points a score reaches.
def level_reached(scoring: dict, score: float) -> str:
    reached = scoring["not_reached"]["id"]
    for level in scoring["levels"]:
        if score >= level["points"] - TOLERANCE:
            reached = level["id"]
    return reached


# A field name as a message shows it: as written when it is a plain name, else quoted and cut.
def _field_name(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", key) else shown_value(key)


def _json_type(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
