"""The golden scoring vectors, shared by the Python and the browser tests."""

import copy
import json
from pathlib import Path

from officesite.criteria.metadata import load_criteria
from officesite.criteria.scoring import scoring_criteria
from site_files import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "golden" / "pmqa-scoring.json").read_text(encoding="utf-8"))["vectors"]
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
