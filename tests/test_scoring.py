"""The Python scoring rule and scripts/score.py, held to the golden vectors."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from pmqa_scoring import AssessmentError, read_assessment, score_assessment
from scoring_vectors import SCORING, VECTORS, assert_result_matches, scoring_for

SCORE = ROOT / "scripts" / "score.py"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_python_scorer_meets_the_golden_vector(vector):
    scoring = scoring_for(vector)
    result = score_assessment(scoring, read_assessment(vector["assessment"], scoring))
    assert_result_matches(result, vector["expected"], vector["name"])


def test_scoring_criteria_come_from_the_metadata():
    assert [len(c["items"]) for c in SCORING["categories"]] == [4, 4, 4, 4, 4, 4, 6]
    assert [level["points"] for level in SCORING["levels"]] == [300, 400, 500]
    assert SCORING["not_reached"] == {"id": "none", "points": 0}


def run_score(tmp_path, content: str):
    path = tmp_path / "assessment.json"
    path.write_text(content, encoding="utf-8")
    return subprocess.run([sys.executable, str(SCORE), str(path)], capture_output=True, text=True)


def test_score_script_prints_the_result_as_json(tmp_path):
    result = run_score(tmp_path, json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", "1.2": "advance"}}))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "categories": {"1": 175.0, "2": 0.0, "3": 0.0, "4": 0.0, "5": 0.0, "6": 0.0, "7": 0.0},
        "overall": 25.0,
        "level": "none",
    }


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"format": "pmqa-assessment", "version": 1, "levels": {"9.9": "basic"}}', 'levels: unknown item id "9.9"'),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "gold"}}', 'levels["1.1"]: expected one of none, basic, advance, significance, got "gold"'),
        ('{"format": "other-format", "version": 1, "levels": {}}', 'format: expected "pmqa-assessment", got "other-format"'),
        ('{"format": "pmqa-assessment", "version": 2, "levels": {}}', "version: expected 1, got 2"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": ["1.1"]}', "levels: expected an object of item id to level, got an array"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {}, "script": "<b>"}', "script: unknown field"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {', "not valid JSON"),
        ("[]", "expected an object with format, version and levels, got an array"),
    ],
)
def test_score_script_rejects_bad_input_with_exit_code_2(tmp_path, content, message):
    result = run_score(tmp_path, content)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_score_script_reports_a_missing_file():
    result = subprocess.run([sys.executable, str(SCORE), "/nonexistent/assessment.json"], capture_output=True, text=True)
    assert result.returncode == 2 and "cannot read the file" in result.stderr


def test_true_is_not_a_version():
    with pytest.raises(AssessmentError):
        read_assessment({"format": "pmqa-assessment", "version": True, "levels": {}}, SCORING)
