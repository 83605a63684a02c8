"""The Python scoring rule and scripts/score.py, held to the golden vectors."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from officesite.criteria.scoring import (
    AssessmentError,
    next_level,
    read_assessment,
    score_assessment,
)
from scoring_vectors import (
    NEXT_LEVEL_CASES,
    SCORING,
    VECTORS,
    assert_next_matches,
    assert_result_matches,
    scoring_for,
)
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages
from site_files import LANGUAGES

SCORE = ROOT / "scripts" / "score.py"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_python_scorer_meets_the_golden_vector(vector):
    scoring = scoring_for(vector)
    result = score_assessment(scoring, read_assessment(vector["assessment"], scoring)["levels"])
    assert_result_matches(result, vector["expected"], vector["name"])
    expected_next = vector["expected"]["next"]
    for number, score in result["categories"].items():
        assert_next_matches(next_level(scoring, score), expected_next["categories"][number], (vector["name"], number))
    assert_next_matches(next_level(scoring, result["overall"]), expected_next["overall"], vector["name"])


@pytest.mark.parametrize("case", NEXT_LEVEL_CASES, ids=[c["name"] for c in NEXT_LEVEL_CASES])
def test_python_next_level_meets_the_golden_case(case):
    assert_next_matches(next_level(SCORING, case["score"]), case["next"], case["name"])


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
        ('{"format": "pmqa-assessment", "version": 1, "levels": {"9.9": "basic"}}', 'levels: expected item ids 1.1 to 7.6, got "9.9"'),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "gold"}}', 'levels["1.1"]: expected one of none, basic, advance, significance, got "gold"'),
        ('{"format": "other-format", "version": 1, "levels": {}}', 'format: expected "pmqa-assessment", got "other-format"'),
        ('{"format": "pmqa-assessment", "version": 3, "levels": {}}', "version: expected 1 or 2, got 3"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {}, "notes": {}}', "notes: expected one of format, version, levels, exported (version 1), got an unknown field"),
        ('{"format": "pmqa-assessment", "version": 2, "notes": {"1.9": "x"}}', 'notes: expected item ids 1.1 to 7.6, got "1.9"'),
        ('{"format": "pmqa-assessment", "version": 2, "notes": {"1.1": 5}}', 'notes["1.1"]: expected text, got a number'),
        ('{"format": "pmqa-assessment", "version": 2, "evidence": {"1.1": "doc"}}', 'evidence["1.1"]: expected a list of texts, got a string'),
        ('{"format": "pmqa-assessment", "version": 2, "evidence": {"1.1": ["a\\nb"]}}', 'evidence["1.1"]: expected text without control characters or line breaks, got U+000A'),
        ('{"format": "pmqa-assessment", "version": 2, "period": "x\\u0007"}', "period: expected text without control characters or line breaks, got U+0007"),
        ('{"format": "pmqa-assessment", "version": 2, "assessor": "' + "ก" * 201 + '"}', "assessor: expected at most 200 characters, got 201"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": ["1.1"]}', "levels: expected an object of item id to level, got an array"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {}, "script": "<b>"}', "script: expected one of format, version, levels, exported (version 1), got an unknown field"),
        ('{"format": "pmqa-assessment", "version": 1, "levels": {', "file: expected JSON, got "),
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
    assert result.returncode == 2 and "file: expected a file that can be read, got " in result.stderr


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
        pytest.param(b'{"format": "pmqa-assessment", "version": -Infinity, "levels": {}}', "file: expected a number, got -Infinity", id="-Infinity"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1e400, "levels": {}}', 'file: expected a finite number, got "1e400"', id="1e400"),
        pytest.param(b" " * 1_000_001 + VALID.encode(), "file: expected at most 1,000,000 bytes, got more", id="over 1 MB"),
        pytest.param('{"format": "pmqa-assessment", "version": 1, "levels": {"ข้อ 1.1": "basic"}}'.encode("cp874"), "encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8", id="Windows-874"),
        pytest.param(b'{"format": "caf\xe9"}', "encoding: expected UTF-8, got a byte that is not UTF-8 (0xE9 at byte 15): save the file again as UTF-8", id="Latin-1"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "basic", "1.1": "none"}}', 'file: expected each key once in an object, got "1.1" twice', id="duplicate key"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"' + b"x" * 10000 + b'\\n": "basic"}}', 'levels: expected item ids 1.1 to 7.6, got "' + "x" * 40 + '"…', id="long unknown id"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "\\u2028\\u202e' + b"z" * 10000 + b'"}}', 'got "\\u2028\\u202e' + "z" * 38 + '"…', id="long level with separators"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {}, "' + b"y\\n" * 100 + b'": 1}', ", got an unknown field", id="long field with newlines"),
        pytest.param(b'{"format": "pmqa-assessment", "version": 1, "levels": {"1.1": [[[["basic"]]]]}}', 'levels["1.1"]: expected one of none, basic, advance, significance, got an array', id="level is an array"),
        pytest.param(b'{"format": "' + b"f" * 1000 + b'", "version": 1, "levels": {}}', 'format: expected "pmqa-assessment", got "' + "f" * 40 + '"…', id="long format"),
        pytest.param(b'{"format": "pmqa-assessment", "version": "1", "levels": {}}', 'version: expected 1 or 2, got "1"', id="version as text"),
        pytest.param(b"", "file: expected JSON, got expecting value at line 1 column 1", id="empty file"),
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
    assert_refused_in_one_line(run_score_on(tmp_path), f"{tmp_path}: file: expected a JSON file, got a folder")
    if Path("/dev/zero").exists():  # endless: never read whole
        assert_refused_in_one_line(run_score_on("/dev/zero"), "/dev/zero: file: expected a JSON file, got a device, pipe or socket")
    assert_refused_in_one_line(run_score_on(tmp_path / "missing.json"), "file: expected a file that can be read, got no such file or directory")


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


# -----------------------------------------------------------------------------
# The report and the spreadsheet (scripts/score.py --report, --csv, --baseline)
# -----------------------------------------------------------------------------

ASSESSMENT_V2 = {
    "format": "pmqa-assessment",
    "version": 2,
    "period": "ปีงบประมาณ 2569",
    "assessor": "=กลุ่ม <b>ยุทธ</b>",
    "levels": {"1.1": "basic", "1.2": "advance", "7.6": "significance"},
    "notes": {"1.1": "บรรทัดแรก\nบรรทัด *สอง* | <i>x</i>"},
    "evidence": {"1.1": ["คำสั่งที่ 12/2569", "https://example.go.th/a_b"]},
}


def score_with(tmp_path, *options, assessment=ASSESSMENT_V2, baseline=None):
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(assessment, ensure_ascii=False), encoding="utf-8")
    extra = []
    if baseline is not None:
        (tmp_path / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
        extra = ["--baseline", str(tmp_path / "baseline.json")]
    result = subprocess.run([sys.executable, str(SCORE), str(path), *options, *extra], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_the_csv_has_a_bom_one_row_per_item_and_the_summary(tmp_path):
    import csv
    import io

    earlier = {"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "significance", "1.2": "significance"}}
    raw = score_with(tmp_path, "--csv", "--lang", LANGUAGES.others[0], baseline=earlier)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    items = [item for category in SCORING["categories"] for item in category["items"]]
    assert rows[0] == ["Category", "Item", "Title", "Level", "Points", "Note", "Evidence"]
    assert [row[1] for row in rows[1:31]] == items
    assert rows[1][3:] == ["Basic", "300", ASSESSMENT_V2["notes"]["1.1"], "คำสั่งที่ 12/2569\nhttps://example.go.th/a_b"]
    assert rows[3][3:5] == ["Not answered", "0"]
    assert rows[31] == []
    assert rows[32] == ["Category", "Title", "Score", "Level", "Next level", "Points missing", "Change from the baseline"]
    assert rows[33] == ["1", "Leadership", "175.0", "Not yet Basic", "Basic", "125.0", "-75.0"]  # 250.0 before
    assert rows[34][6] == "0.0" and rows[39][6] == "83.3"
    assert rows[40][0] == "Overall score" and rows[40][2] == "36.9" and rows[40][6] == "1.2"  # 35.7 before
    details = dict(rows[42:])
    assert details["Assessor"] == "'=กลุ่ม <b>ยุทธ</b>"  # a spreadsheet would run it as a formula
    assert details["Assessment period"] == "ปีงบประมาณ 2569" and details["Compared with"] == "Not given"


def test_the_markdown_report_holds_everything_as_text(tmp_path):
    report = score_with(tmp_path, "--report").decode("utf-8")
    assert report.startswith("# รายงานผลการประเมินตนเองตามเกณฑ์ PMQA 4.0\n")
    assert "- รอบการประเมิน: ปีงบประมาณ 2569" in report and "&lt;b&gt;ยุทธ&lt;/b&gt;" in report
    assert "| หมวด 1 การนำองค์การ | 175.0 | ยังไม่ถึงระดับพื้นฐาน | 125.0 (ระดับพื้นฐาน) |" in report
    assert "### 1.1 " in report and "### 7.6 " in report and "- ระดับ: ระดับพัฒนาจนเกิดผล (500)" in report
    assert "บรรทัด &#42;สอง&#42; &#124; &lt;i&gt;x&lt;/i&gt;" in report
    assert "    - https://example.go.th/a&#95;b" in report
    assert "<b>" not in report and "<i>" not in report
    # the chart: category 1's 175.0 of the highest level's 500 is 9 of 25 blocks, category 2's 0 none
    assert "\nหมวด 1 " + "█" * 9 + " " * 16 + " 175.0\n" in report and "\nหมวด 2 " + " " * 25 + " 0.0\n" in report


def test_the_html_report_is_escaped_and_names_the_change(tmp_path):
    report = score_with(tmp_path, "--report", "html", baseline={"format": "pmqa-assessment", "version": 1, "levels": {"1.2": "significance"}}).decode("utf-8")
    assert report.startswith("<!DOCTYPE html>\n<html lang=\"" + LANGUAGES.default + "\">")
    assert "=กลุ่ม &lt;b&gt;ยุทธ&lt;/b&gt;" in report and "<b>" not in report
    assert "<td>▲ 50.0</td>" in report  # category 1: 175.0 now, 125.0 before
    assert '<tr><th scope="row">หมวด 1</th><td class="track"><span style="width:35.0%"></span></td><td>175.0</td></tr>' in report
    assert "บรรทัดแรก<br>บรรทัด *สอง* | &lt;i&gt;x&lt;/i&gt;" in report


def test_the_html_report_is_a_template_beside_its_code_not_python_strings():
    from officesite.criteria import report

    module = Path(report.__file__)
    assert not re.search(r"<(!DOCTYPE|/?[a-z][a-z0-9]*[\s>/])", module.read_text(encoding="utf-8")), "markup in report.py"
    assert "<!DOCTYPE html>" in module.with_name(report.REPORT_TEMPLATE).read_text(encoding="utf-8")
    assert report._templates().autoescape is True


# Markup, an entity, quotes for an attribute, and a line break of each kind a note may hold.
HOSTILE = "\"'><script>alert(1)</script>&amp;<b>x</b>"


def test_every_text_of_the_html_report_lands_as_text():
    from bs4 import BeautifulSoup
    from officesite.criteria.report import report_html

    ui = {**strings_of_languages(load_ui_strings(UI_STRINGS_FILE, LANGUAGES), LANGUAGES)[0][LANGUAGES.default]}
    for key in ("calculator_report_title", "calculator_results", "calculator_chart", "criteria_level", "calculator_note", "calculator_evidence", "criteria_category"):
        ui[key] = HOSTILE + key
    shown = {"score": 175.0, "level": HOSTILE, "next": {"name": HOSTILE, "gap": 125.0}, "change": 1.0}
    item = {"id": "1.1", "title": HOSTILE, "level": HOSTILE, "points": 300.0, "note": f"{HOSTILE}\r\n{HOSTILE}\n{HOSTILE}", "evidence": [HOSTILE, HOSTILE]}
    report = {"office": HOSTILE, "period": HOSTILE, "assessor": HOSTILE, "date": HOSTILE, "baseline_period": HOSTILE, "answered": 1, "total": 1,
              "overall": shown, "categories": [{"number": 1, "title": HOSTILE, "heading": HOSTILE, "items": [item], **shown}],
              "decimals": 1, "chart_max": 500.0}
    page = BeautifulSoup(report_html(report, ui, HOSTILE), "html.parser")
    assert page.find_all(["script", "b"]) == []
    assert page.html["lang"] == HOSTILE and page.title.string == page.h1.string == ui["calculator_report_title"]
    assert [dd.string for dd in page.dl.find_all("dd")] == [HOSTILE] * 5
    assert page.select_one('tbody [scope="row"]').string == HOSTILE and page.find("figcaption").string == ui["calculator_chart"]
    assert page.h3.get_text() == f"1.1 {HOSTILE}"
    note, evidence = page.section.find_all("dd")[1:]
    assert list(note.strings) == [HOSTILE] * 3 and len(note.find_all("br")) == 2
    assert [li.string for li in evidence.find_all("li")] == [HOSTILE] * 2


def test_an_unknown_language_is_refused_in_one_line(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(VALID, encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORE), str(path), "--report", "--lang", "xx"], capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice: 'xx'" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_baseline_is_named(tmp_path):
    path, baseline = tmp_path / "a.json", tmp_path / "b.json"
    path.write_text(VALID, encoding="utf-8")
    baseline.write_text('{"format": "pmqa-assessment", "version": 1, "levels": {"9.9": "basic"}}', encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORE), str(path), "--csv", "--baseline", str(baseline)], capture_output=True, text=True)
    assert_refused_in_one_line(result, f'{baseline}: levels: expected item ids 1.1 to 7.6, got "9.9"')


@pytest.mark.parametrize("value, decimals, expected", [(312.25, 1, "312.3"), (0.25, 1, "0.3"), (1.005, 2, "1.00"), (-0.04, 1, "0.0"), (175, 1, "175.0")])
def test_fixed_rounds_as_javascripts_to_fixed(value, decimals, expected):
    from officesite.criteria.report import fixed

    assert fixed(value, decimals) == expected
