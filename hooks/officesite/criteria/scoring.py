"""The PMQA 4.0 scoring rule and the assessment file format in Python. Plain Python, no MkDocs.

Its JavaScript twin is docs/assets/javascripts/pmqa-scoring.js; both are held to the same
vectors (tests/golden/pmqa-scoring.json). The rule (docs/pmqa/snippets/scoring-rules.th.md),
with every number taken from the criteria metadata:
- an item scores the points of the level it reached (not reached, or not answered: the
  not_reached points);
- a category scores the mean of its items;
- the overall score is the weighted mean of the categories;
- a score reaches the highest level whose points it reaches; the next level is the lowest it
  does not reach, and the gap is that level's points minus the score.
Assessments use the calculator's file format (version 1 files, levels only, still read):
  {"format": "pmqa-assessment", "version": 2, "period": "ปีงบประมาณ 2569", "assessor": "…",
   "levels": {"1.1": "basic"}, "notes": {"1.1": "…"}, "evidence": {"1.1": ["…", "…"]}}
"""

import re

from officesite.metadata.fields import NOT_XML_CHARACTER
from officesite.metadata.shown import shown_value

ASSESSMENT_FORMAT = "pmqa-assessment"
ASSESSMENT_VERSION = 2
VERSION_FIELDS = {
    1: ("format", "version", "levels", "exported"),
    2: ("format", "version", "period", "assessor", "levels", "notes", "evidence", "exported"),
}
# What the page lets a reader type, in UTF-16 code units as a browser counts them: a file that
# holds more did not come from the page. An item's evidence counts as written on the page,
# one entry per line.
MAX_NOTE = 4000
MAX_EVIDENCE = 4000
MAX_DETAIL = 200  # period, assessor
PER_ITEM = {"levels": "level", "notes": "note", "evidence": "a list of texts"}  # the parts given per item
# Weighted means of decimal weights are not exact in binary floating point: a score this
# close under a level's points counts as reaching it.
TOLERANCE = 1e-9


class AssessmentError(ValueError):
    """An assessment that cannot be read. `code`, `field`, `item` and `value` say what is wrong
    (the calculator words them in the reader's language); the message is for the command line."""

    def __init__(self, code: str, message: str, field: str = "", item: str = "", value=None):
        super().__init__(message)
        self.code, self.field, self.item, self.value = code, field, item, value


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


# Check an assessment (parsed JSON) against the criteria; return it whole, every part present:
# {"period": str, "assessor": str, "levels": {item: level}, "notes": {item: str}, "evidence": {item: [str]}}.
def read_assessment(data, scoring: dict) -> dict:
    if not isinstance(data, dict):
        raise AssessmentError("not_assessment", f"file: expected an object with format, version and levels, got {_json_type(data)}")
    if data.get("format") != ASSESSMENT_FORMAT:
        raise AssessmentError("not_assessment", f'format: expected "{ASSESSMENT_FORMAT}", got {shown_value(data.get("format"))}', "format", value=data.get("format"))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, (int, float)) or version not in VERSION_FIELDS:
        raise AssessmentError("version", f"version: expected 1 or 2, got {shown_value(version)}", "version", value=version)
    known = VERSION_FIELDS[int(version)]
    extra = sorted(set(data) - set(known))
    if extra:
        raise AssessmentError("unknown_field", f"{_field_name(extra[0])}: expected one of {', '.join(known)} (version {version:g}), got an unknown field", extra[0], value=extra[0])
    item_ids = [item for category in scoring["categories"] for item in category["items"]]
    level_ids = [scoring["not_reached"]["id"]] + [level["id"] for level in scoring["levels"]]
    levels = _per_item(data, "levels", item_ids)
    for item_id, level_id in levels.items():
        if level_id not in level_ids:
            raise AssessmentError("unknown_level", f"levels[{shown_value(item_id)}]: expected one of {', '.join(level_ids)}, got {shown_value(level_id)}", "levels", item_id, level_id)
    notes = _per_item(data, "notes", item_ids)
    for item_id, note in notes.items():
        _check_text(note, "notes", MAX_NOTE, item_id, lines=True)
    evidence = _per_item(data, "evidence", item_ids)
    for item_id, entries in evidence.items():
        if not isinstance(entries, list):
            raise AssessmentError("not_list", f"evidence[{shown_value(item_id)}]: expected a list of texts, got {_json_type(entries)}", "evidence", item_id)
        for entry in entries:
            _check_text(entry, "evidence", MAX_EVIDENCE, item_id)
        _check_text("\n".join(entries), "evidence", MAX_EVIDENCE, item_id, lines=True)
    details = {}
    for field in ("period", "assessor"):
        details[field] = data.get(field, "")
        _check_text(details[field], field, MAX_DETAIL)
    return {
        **{field: text.strip() for field, text in details.items()},
        "levels": dict(levels),
        "notes": {item: note for item, note in notes.items() if note.strip()},
        "evidence": {item: [e.strip() for e in entries if e.strip()] for item, entries in evidence.items() if any(e.strip() for e in entries)},
    }


# The {item id: value} mapping of a part of an assessment; every key an item of the criteria.
def _per_item(data: dict, field: str, item_ids: list) -> dict:
    values = data.get(field, {})
    if not isinstance(values, dict):
        raise AssessmentError("not_mapping", f"{field}: expected an object of item id to {PER_ITEM[field]}, got {_json_type(values)}", field)
    for item_id in values:
        if item_id not in item_ids:
            raise AssessmentError("unknown_item", f"{field}: expected item ids {item_ids[0]} to {item_ids[-1]}, got {shown_value(item_id)}", field, value=item_id)
    return values


def _check_text(value, field: str, limit: int, item: str = "", lines: bool = False) -> None:
    where = f"{field}[{shown_value(item)}]" if item else field
    if not isinstance(value, str):
        raise AssessmentError("not_text", f"{where}: expected text, got {_json_type(value)}", field, item)
    bad = NOT_XML_CHARACTER.search(value) or (None if lines else re.search("[\n\r]", value))
    if bad:
        raise AssessmentError("control", f"{where}: expected text without control characters{'' if lines else ' or line breaks'}, got U+{ord(bad.group()):04X}", field, item)
    length = utf16_length(value)
    if length > limit:
        raise AssessmentError("too_long", f"{where}: expected at most {limit:,} characters, got {length:,}", field, item, limit)


# A text's length as a browser counts it (UTF-16 code units), so that limits agree with the page.
def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


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


# The lowest level a score does not reach and the points it lacks: {"level": id, "gap": …};
# None at the highest level. The same test as level_reached: one rule for both.
def next_level(scoring: dict, score: float) -> dict | None:
    for level in scoring["levels"]:
        if not score >= level["points"] - TOLERANCE:
            return {"level": level["id"], "gap": level["points"] - score}
    return None


# A field name as a message shows it: as written when it is a plain name, else quoted and cut.
def _field_name(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", key) else shown_value(key)


def _json_type(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
