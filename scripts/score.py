#!/usr/bin/env python3
"""Score a PMQA 4.0 self-assessment with the website's rules and criteria metadata.

    python scripts/score.py FILE.json

FILE.json is the calculator's export format:
    {"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", "7.6": "significance"}}
(items not listed are "none"). Prints the result as JSON, unrounded:
    {"categories": {"1": 175.0, ...}, "overall": 25.0, "level": "none"}
Exits with 2 and one line naming the problem for an unreadable, invalid or hostile file
(too large, not UTF-8, NaN or Infinity, numbers of absurd length, nesting too deep), and
for criteria metadata that would give a score that is not a finite number.
"""

import json
import math
import sys
from pathlib import Path

from officesite.criteria.metadata import CriteriaError, load_criteria
from officesite.criteria.scoring import (
    AssessmentError,
    read_assessment,
    score_assessment,
    scoring_criteria,
)
from officesite.languages import languages_of_mkdocs_yml
from officesite.metadata.reading import encoding_problem
from officesite.metadata.shown import shown_value

ROOT = Path(__file__).resolve().parent.parent

# The calculator refuses to import more (MAX_IMPORT_BYTES in pmqa-calculator.js); an
# assessment of every item is under 1 kB.
MAX_BYTES = 1_000_000
# The only number an assessment holds is its version. Python refuses ints of more than 4,300
# digits with a ValueError of its own, and float() turns 1e400 into infinity.
MAX_DIGITS = 20


class AssessmentFileError(Exception):
    """A file that cannot be read as an assessment's JSON; the message is one line."""


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/score.py FILE.json", file=sys.stderr)
        return 2
    path = Path(argv[0])
    try:
        data = read_json_file(path)
    except AssessmentFileError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 2
    try:
        criteria = load_criteria(ROOT / "docs" / "pmqa", languages_of_mkdocs_yml(ROOT / "mkdocs.yml"), display_root=ROOT)
    except CriteriaError as error:
        print(error, file=sys.stderr)  # one line per problem, each naming its file and field
        return 2
    scoring = scoring_criteria(criteria)
    try:
        levels = read_assessment(data, scoring)
    except AssessmentError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 2
    result = score_assessment(scoring, levels)
    if not all(math.isfinite(score) for score in [*result["categories"].values(), result["overall"]]):
        print("docs/pmqa/: points and weights: expected finite numbers, got values that make a score of NaN or infinity", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, allow_nan=False))
    return 0


# The JSON value of an assessment file, read with the limits above.
def read_json_file(path: Path):
    if path.is_dir():
        raise AssessmentFileError("expected a JSON file, got a folder")
    if path.exists() and not path.is_file():
        raise AssessmentFileError("expected a JSON file, got a device, pipe or socket")
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise AssessmentFileError(f"cannot read the file: {error.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise AssessmentFileError(f"expected at most {MAX_BYTES:,} bytes, got more")
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark, as Windows editors write, is fine
    except UnicodeDecodeError as error:  # Windows-874 named as such, as for every metadata file
        raise AssessmentFileError(encoding_problem(raw, error)) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_short_int, parse_float=_finite_float, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise AssessmentFileError(f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise AssessmentFileError("not valid JSON for an assessment: arrays or objects nested too deeply") from None


# json.loads reads NaN, Infinity and -Infinity by default; JSON has no such numbers.
def _refuse_constant(name: str):
    raise AssessmentFileError(f"not valid JSON: expected a number, got {name}")


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise AssessmentFileError(f"expected numbers of at most {MAX_DIGITS} digits, got one of {len(digits.lstrip('-')):,} digits")
    return int(digits)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise AssessmentFileError(f"expected a finite number, got {shown_value(text)}")
    return value


# An object whose keys are all different: JSON readers disagree on which duplicate wins.
def _unique_keys(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise AssessmentFileError(f"not valid JSON for an assessment: key {shown_value(twice)} given twice in one object")
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
