"""The golden scoring vectors, shared by the Python and the browser tests."""

import copy
import json
from pathlib import Path

from officesite.criteria.metadata import load_criteria
from officesite.criteria.scoring import scoring_criteria
from site_files import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((ROOT / "tests" / "golden" / "pmqa-scoring.json").read_text(encoding="utf-8"))
VECTORS = GOLDEN["vectors"]
NEXT_LEVEL_CASES = GOLDEN["next_level"]  # scores at and just under each level's points
SCORING = scoring_criteria(load_criteria(ROOT / "docs" / "pmqa", LANGUAGES))


# The site's scoring criteria with a vector's category weights applied.
def scoring_for(vector: dict) -> dict:
    scoring = copy.deepcopy(SCORING)
    for category in scoring["categories"]:
        category["weight"] = vector.get("weights", {}).get(str(category["number"]), category["weight"])
    return scoring


def assert_result_matches(result: dict, expected: dict, name: str) -> None:
    assert result["level"] == expected["level"], name
    assert abs(result["overall"] - expected["overall"]) < 1e-9, name
    assert result["categories"].keys() == expected["categories"].keys(), name
    for number, score in expected["categories"].items():
        assert abs(result["categories"][number] - score) < 1e-9, (name, number)


# A next level as the rule gives it ({"level", "gap"} or None) against the golden one.
def assert_next_matches(actual, expected, name: str) -> None:
    if expected is None:
        assert actual is None, name
        return
    assert actual is not None and actual["level"] == expected["level"], (name, actual)
    assert abs(actual["gap"] - expected["gap"]) < 1e-9, (name, actual)
