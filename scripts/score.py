#!/usr/bin/env python3
"""Score a PMQA 4.0 self-assessment with the website's rules and criteria metadata.

    python scripts/score.py FILE.json

FILE.json is the calculator's export format:
    {"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", "7.6": "significance"}}
(items not listed are "none"). Prints the result as JSON, unrounded:
    {"categories": {"1": 175.0, ...}, "overall": 25.0, "level": "none"}
Exits with 2 and a message naming the problem for an unreadable or invalid file.
"""

import json
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from criteria_metadata import CriteriaError, load_criteria  # noqa: E402
from pmqa_scoring import AssessmentError, read_assessment, score_assessment, scoring_criteria  # noqa: E402


# The site's languages, default first, from static-i18n's block of mkdocs.yml.
def site_languages(mkdocs_yml: Path) -> tuple[str, ...]:
    with open(mkdocs_yml, encoding="utf-8") as file:
        config = yaml_load(file)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    languages = sorted(i18n["languages"], key=lambda lang: not lang.get("default", False))
    return tuple(lang["locale"] for lang in languages if lang.get("build", True))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/score.py FILE.json", file=sys.stderr)
        return 2
    path = Path(argv[0])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        print(f"{path}: cannot read the file: {error.strerror}", file=sys.stderr)
        return 2
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"{path}: not valid JSON: {error}", file=sys.stderr)
        return 2
    try:
        criteria = load_criteria(ROOT / "docs" / "pmqa", site_languages(ROOT / "mkdocs.yml"), display_root=ROOT)
    except CriteriaError as error:
        print(f"the criteria metadata is invalid:\n{error}", file=sys.stderr)
        return 2
    scoring = scoring_criteria(criteria)
    try:
        levels = read_assessment(data, scoring)
    except AssessmentError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 2
    print(json.dumps(score_assessment(scoring, levels), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
