"""The Python scoring rule and scripts/score.py, held to the golden vectors."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from officesite.criteria.scoring import (
    AssessmentError,
    read_assessment,
    score_assessment,
)
from scoring_vectors import SCORING, VECTORS, assert_result_matches, scoring_for
from site_files import LANGUAGES

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


VALID = '{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic"}}'


def run_score_on(path, script=SCORE):
    return subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True)


def assert_refused_in_one_line(result, message):
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert len(result.stderr) < 300


@pytest.mark.parametrize(
    "content, message",
    [
        pytest.param(b"[" * 5000 + b"]" * 5000, "nested too deeply", id="5000-deep array"),
        pytest.param(b'{"a":' * 5000 + b"1" + b"}" * 5000, "nested too deeply", id="5000-deep object"),
        pytest.param(b"1" * 5000, "expected numbers of at most 20 digits, got one of 5,000 digits", id="5000-digit number"),
        pytest.param(b'{"format": "pmqa-assessment", "version": -' + b"1" * 5000 + b', "levels": {}}', "at most 20 digits", id="5000-digit version"),
        pytest.param(b'{"format": "pmqa-assessment", "version": NaN, "levels": {}}', "expected a number, got NaN", id="NaN"),
        pytest.param(b'{"format": "pmqa-assessment", "version": Infinity, "levels": {}}', "expected a number, got Infinity", id="Infinity"),
        pytest.param(b'{"format": "pmqa-assessment", "version": -Infinity, "levels": {}}', "expected a number, got -Infinity", id="-Infinity"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1e400, "levels": {}}', 'expected a finite number, got "1e400"', id="1e400"),
        pytest.param(b" " * 1_000_001 + VALID.encode(), "expected at most 1,000,000 bytes, got more", id="over 1 MB"),
        pytest.param('{"format": "pmqa-assessment", "version": 1, "levels": {"ข้อ 1.1": "basic"}}'.encode("cp874"), "expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8", id="Windows-874"),
        pytest.param(b'{"format": "caf\xe9"}', "expected UTF-8, got a byte that is not UTF-8 (0xE9 at byte 15): save the file again as UTF-8", id="Latin-1"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", "1.1": "none"}}', 'key "1.1" given twice', id="duplicate key"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"' + b"x" * 10000 + b'\\n": "basic"}}', 'levels: unknown item id "' + "x" * 40 + '"…', id="long unknown id"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "\\u2028\\u202e' + b"z" * 10000 + b'"}}', 'got "\\u2028\\u202e' + "z" * 38 + '"…', id="long level with separators"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {}, "' + b"y\\n" * 100 + b'": 1}', ": unknown field", id="long field with newlines"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": [[[["basic"]]]]}}', 'levels["1.1"]: expected one of none, basic, advance, significance, got an array', id="level is an array"),
        pytest.param(b'{"format": "' + b"f" * 1000 + b'", "version": 1, "levels": {}}', 'format: expected "pmqa-assessment", got "' + "f" * 40 + '"…', id="long format"),
        pytest.param(b'{"format": "pmqa-assessment", "version": "1", "levels": {}}', 'version: expected 1, got "1"', id="version as text"),
        pytest.param(b"", "not valid JSON: Expecting value at line 1 column 1", id="empty file"),
    ],
)
def test_score_script_refuses_a_hostile_file_in_one_line(tmp_path, content, message):
    path = tmp_path / "assessment.json"
    path.write_bytes(content)
    result = run_score_on(path)
    assert_refused_in_one_line(result, message)
    assert result.stderr.startswith(f"{path}: ")


def test_score_script_accepts_a_utf8_byte_order_mark(tmp_path):
    path = tmp_path / "assessment.json"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    result = run_score_on(path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["categories"]["1"] == 75.0


def test_score_script_refuses_a_folder_a_device_and_a_missing_file(tmp_path):
    assert_refused_in_one_line(run_score_on(tmp_path), f"{tmp_path}: expected a JSON file, got a folder")
    if Path("/dev/zero").exists():  # endless: never read whole
        assert_refused_in_one_line(run_score_on("/dev/zero"), "/dev/zero: expected a JSON file, got a device, pipe or socket")
    assert_refused_in_one_line(run_score_on(tmp_path / "missing.json"), "cannot read the file: No such file or directory")


def test_score_script_refuses_a_non_finite_score_from_the_metadata(project_copy, tmp_path):
    # An infinite weight passes a "positive" check and makes the overall score NaN.
    (project_copy / "scripts").mkdir()
    shutil.copy2(SCORE, project_copy / "scripts" / "score.py")
    for lang in LANGUAGES.codes:
        page = project_copy / "docs" / "pmqa" / LANGUAGES.file_name("category-1", lang)
        text = page.read_text(encoding="utf-8")
        assert "\n  category: 1\n" in text
        page.write_text(text.replace("\n  category: 1\n", "\n  category: 1\n  weight: .inf\n", 1), encoding="utf-8")
    path = tmp_path / "assessment.json"
    path.write_text(VALID, encoding="utf-8")
    result = run_score_on(path, project_copy / "scripts" / "score.py")
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr and "NaN" not in result.stdout
    assert all(line.startswith("docs/pmqa/") for line in result.stderr.splitlines()), result.stderr


def test_score_script_refuses_criteria_with_a_number_of_absurd_length_in_one_line(project_copy, tmp_path):
    (project_copy / "scripts").mkdir()
    shutil.copy2(SCORE, project_copy / "scripts" / "score.py")
    levels = project_copy / "docs" / "pmqa" / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("points: 500", "points: " + "5" * 5000, 1), encoding="utf-8")
    path = tmp_path / "assessment.json"
    path.write_text(VALID, encoding="utf-8")
    result = run_score_on(path, project_copy / "scripts" / "score.py")
    assert_refused_in_one_line(result, "docs/pmqa/levels.yml: levels[2].points: expected a number of at most 30 characters (quote it if it is text), got one of 5000 characters")
