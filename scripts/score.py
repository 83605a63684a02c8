#!/usr/bin/env python3
"""Score a PMQA 4.0 self-assessment with the website's rules and criteria metadata.

    python scripts/score.py FILE.json                      # the result as JSON, unrounded
    python scripts/score.py FILE.json --report > r.md      # the report, as the calculator prints it
    python scripts/score.py FILE.json --report html > r.html
    python scripts/score.py FILE.json --csv > r.csv        # the calculator's spreadsheet
      options: --baseline EARLIER.json (the change from an earlier assessment), --lang CODE

FILE.json is the calculator's file (version 2; version 1 files, levels only, are read too):
    {"format": "pmqa-assessment", "version": 2, "period": "ปีงบประมาณ 2569", "assessor": "…",
     "levels": {"1.1": "basic", "7.6": "significance"}, "notes": {"1.1": "…"}, "evidence": {"1.1": ["…"]}}
(items not listed are not answered and score as "none"). The JSON result:
    {"categories": {"1": 175.0, ...}, "overall": 25.0, "level": "none"}
Exits with 2 and one line naming the problem for an unreadable, invalid or hostile file
(too large, not UTF-8, NaN or Infinity, numbers of absurd length, nesting too deep), and
for criteria metadata that would give a score that is not a finite number.
"""

import argparse
import datetime
import json
import math
import sys
from pathlib import Path

from officesite.criteria.metadata import CriteriaError, load_criteria
from officesite.criteria.report import report_csv, report_data, report_html, report_markdown
from officesite.criteria.scoring import (
    AssessmentError,
    read_assessment,
    score_assessment,
    scoring_criteria,
)
from officesite.dates import format_display_date
from officesite.languages import config_text_of_mkdocs_yml, languages_of_mkdocs_yml
from officesite.metadata.reading import encoding_problem
from officesite.metadata.shown import shown_value
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages

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
    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    parser = argparse.ArgumentParser(prog="scripts/score.py", description="Score a PMQA 4.0 self-assessment file.")
    parser.add_argument("file", type=Path, help="an answers file saved by the calculator")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--report", nargs="?", const="markdown", choices=("markdown", "html"), help="print the report (Markdown unless html)")
    output.add_argument("--csv", action="store_true", help="print the spreadsheet (UTF-8 with a byte order mark)")
    parser.add_argument("--baseline", type=Path, help="an earlier answers file: show the change from it")
    parser.add_argument("--lang", choices=languages.codes, default=languages.default, help="the report's language")
    options = parser.parse_args(argv)  # exits with 2 and one line on bad options
    try:
        criteria = load_criteria(ROOT / "docs" / "pmqa", languages, display_root=ROOT)
    except CriteriaError as error:
        print(error, file=sys.stderr)  # one line per problem, each naming its file and field
        return 2
    scoring = scoring_criteria(criteria)
    assessments = []
    for path in [options.file] + ([options.baseline] if options.baseline else []):
        try:
            assessments.append(read_assessment(read_json_file(path), scoring))
        except (AssessmentFileError, AssessmentError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
    result = score_assessment(scoring, assessments[0]["levels"])
    if not all(math.isfinite(score) for score in [*result["categories"].values(), result["overall"]]):
        print("docs/pmqa/: points and weights: expected finite numbers, got values that make a score of NaN or infinity", file=sys.stderr)
        return 2
    if not (options.report or options.csv):
        print(json.dumps(result, indent=2, allow_nan=False))
        return 0
    ui = strings_of_languages(load_ui_strings(UI_STRINGS_FILE, languages), languages)[0][options.lang]
    date = format_display_date(datetime.date.today(), options.lang)
    baseline = assessments[1] if options.baseline else None
    report = report_data(criteria, options.lang, ui, assessments[0], office_name(options.lang), date, baseline)
    sys.stdout.reconfigure(encoding="utf-8", newline="")  # the CSV's own CRLF, UTF-8 whatever the terminal
    if options.csv:
        sys.stdout.write(report_csv(report, ui))
    elif options.report == "html":
        sys.stdout.write(report_html(report, ui, options.lang))
    else:
        sys.stdout.write(report_markdown(report, ui))
    return 0


# The office's name in a language: the site's name (mkdocs.yml), as each language's pages show it.
def office_name(lang: str) -> str:
    return config_text_of_mkdocs_yml(ROOT / "mkdocs.yml", "site_name", lang)


# The JSON value of an assessment file, read with the limits above.
def read_json_file(path: Path):
    if path.is_dir():
        raise AssessmentFileError("file: expected a JSON file, got a folder")
    if path.exists() and not path.is_file():
        raise AssessmentFileError("file: expected a JSON file, got a device, pipe or socket")
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise AssessmentFileError(f"file: expected a file that can be read, got {error.strerror.lower()}") from None
    if len(raw) > MAX_BYTES:
        raise AssessmentFileError(f"file: expected at most {MAX_BYTES:,} bytes, got more")
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark, as Windows editors write, is fine
    except UnicodeDecodeError as error:  # Windows-874 named as such, as for every metadata file
        raise AssessmentFileError(f"encoding: {encoding_problem(raw, error)}") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_short_int, parse_float=_finite_float, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise AssessmentFileError(f"file: expected JSON, got {error.msg.lower()} at line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise AssessmentFileError("file: expected the JSON of an assessment, got arrays or objects nested too deeply") from None


# json.loads reads NaN, Infinity and -Infinity by default; JSON has no such numbers.
def _refuse_constant(name: str):
    raise AssessmentFileError(f"file: expected a number, got {name}")


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise AssessmentFileError(f"file: expected numbers of at most {MAX_DIGITS} digits, got one of {len(digits.lstrip('-')):,} digits")
    return int(digits)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise AssessmentFileError(f"file: expected a finite number, got {shown_value(text)}")
    return value


# An object whose keys are all different: JSON readers disagree on which duplicate wins.
def _unique_keys(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise AssessmentFileError(f"file: expected each key once in an object, got {shown_value(twice)} twice")
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
