"""The PMQA calculator in real Chromium: the JavaScript rule against the golden vectors,
the page contract, keeping and sharing answers, tampered input, print, no-JS, generation."""

import json
import re

import pytest
from conftest import build_site
from officesite.criteria.scoring import read_assessment, score_assessment
from scoring_vectors import SCORING, VECTORS, assert_result_matches, scoring_for
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite

CALCULATOR = "pmqa/calculator/"
STORAGE_KEY = "reo13.pmqa-assessment"


def choose(page, item, level):
    page.check(f'input[name="item-{item}"][value="{level}"]')


def contract(page) -> dict:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('[data-pmqa]')].map(e => [e.dataset.pmqa, [e.dataset.value, e.textContent.trim()]]))"
    )


def page_levels(page) -> dict:
    return page.evaluate("window.pmqaCalculator.answers()")


@pytest.fixture
def calculator(page, site_url):
    page.goto(site_url + CALCULATOR)
    page.wait_for_function("window.pmqaCalculator !== undefined")
    return page


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_javascript_scorer_meets_the_golden_vector(calculator, vector):
    scoring = scoring_for(vector)
    result = calculator.evaluate(
        "([scoring, assessment]) => PmqaScoring.scoreAssessment(scoring, PmqaScoring.readAssessment(assessment, scoring))",
        [scoring, vector["assessment"]],
    )
    assert_result_matches(result, vector["expected"], vector["name"])


def test_page_embeds_the_scoring_criteria_of_the_metadata(calculator):
    data = json.loads(calculator.locator("[data-pmqa-data]").text_content())
    assert data["scoring"] == SCORING


def test_choices_update_the_contract_elements_as_python_scores_them(calculator):
    answers = {"1.1": "basic", "1.2": "advance", "3.3": "significance", "7.6": "significance"}
    for item, level in answers.items():
        choose(calculator, item, level)
    expected = score_assessment(SCORING, answers)
    shown = contract(calculator)
    assert float(shown["overall"][0]) == pytest.approx(expected["overall"], abs=1e-9)
    assert shown["overall"][1] == f"{expected['overall']:.1f}"
    assert shown["level"][0] == expected["level"] == "none"
    for number, score in expected["categories"].items():
        assert float(shown[f"category-{number}"][0]) == pytest.approx(score, abs=1e-9)
    gap = calculator.locator('[data-pmqa-gap="1"]')
    assert gap.get_attribute("data-value") == "125" and gap.text_content().startswith("125.0")


def test_the_page_has_exactly_one_file_input(calculator):
    assert calculator.locator('input[type="file"]').count() == 1


def test_a_polite_live_region_announces_the_new_overall_score(calculator):
    for item in ("1.1", "1.2", "1.3", "1.4"):
        choose(calculator, item, "significance")
    region = calculator.locator("[data-pmqa-announce]")
    assert region.get_attribute("aria-live") == "polite"
    calculator.wait_for_function("document.querySelector('[data-pmqa-announce]').textContent.includes('71.4')")


def test_keyboard_only_use_changes_a_level(calculator):
    first = calculator.locator('input[name="item-2.1"][value="none"]')
    first.focus()
    calculator.keyboard.press("ArrowRight")
    assert calculator.locator('input[name="item-2.1"][value="basic"]').is_checked()
    assert contract(calculator)["category-2"][0] == "75"


def test_answers_survive_reload_and_are_shared_by_both_languages(calculator, site_url):
    choose(calculator, "4.2", "advance")
    choose(calculator, "7.1", "basic")
    calculator.reload()
    calculator.wait_for_function("window.pmqaCalculator !== undefined")
    assert page_levels(calculator) == {"4.2": "advance", "7.1": "basic"}
    calculator.goto(site_url + LANGUAGES.path(CALCULATOR, OTHER))
    calculator.wait_for_function("window.pmqaCalculator !== undefined")
    assert page_levels(calculator) == {"4.2": "advance", "7.1": "basic"}
    assert contract(calculator)["level"][1] == "Not yet Basic"


def test_export_writes_the_assessment_format_and_import_reads_it_back(calculator, tmp_path):
    choose(calculator, "5.3", "significance")
    with calculator.expect_download() as download:
        calculator.get_by_role("button", name="ส่งออกเป็นไฟล์ JSON").click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert read_assessment(exported, SCORING) == {"5.3": "significance"}
    calculator.once("dialog", lambda dialog: dialog.accept())
    calculator.get_by_role("button", name="ล้างคำตอบทั้งหมด").click()
    assert page_levels(calculator) == {}
    calculator.set_input_files('input[type="file"]', str(path))
    calculator.wait_for_function("document.querySelector('[data-pmqa-message]').textContent.length > 0")
    assert page_levels(calculator) == {"5.3": "significance"}


MARKUP = '<img src=x onerror="window.injected=1">'
BAD_FILES = {
    "foreign file": json.dumps({"name": "some other tool", "data": [1, 2]}),
    "not JSON": "this is not json {",
    "wrong version": json.dumps({"format": "pmqa-assessment", "version": 9, "levels": {}}),
    "wrong types": json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {"1.1": 300}}),
    "extra field": json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {}, "note": MARKUP}),
    "markup as item id": json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {MARKUP: "basic"}}),
    "markup as level": json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {"1.1": MARKUP}}),
    "over 1 MB": json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {}, "padding": "x" * 1_000_001}),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_import_is_rejected_and_the_answers_stay(calculator, tmp_path, name):
    choose(calculator, "6.2", "advance")
    before = contract(calculator)
    path = tmp_path / "bad.json"
    path.write_text(BAD_FILES[name], encoding="utf-8")
    calculator.set_input_files('input[type="file"]', str(path))
    calculator.wait_for_function("document.querySelector('[data-pmqa-message]').textContent.length > 0")
    message = calculator.locator("[data-pmqa-message]").text_content()
    assert message.startswith("ไม่ได้นำเข้าไฟล์")
    assert page_levels(calculator) == {"6.2": "advance"}
    assert contract(calculator) == before
    assert calculator.evaluate("window.injected") is None
    assert calculator.locator(".site-calculator img").count() == 0


@pytest.mark.parametrize(
    "stored",
    [
        "garbage{",
        json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {"1.1": MARKUP, MARKUP: "basic", "1.2": "advance", "1.3": None}}),
        json.dumps({"levels": "nope"}),
        json.dumps([1, 2, 3]),
    ],
)
def test_tampered_storage_never_breaks_the_page(new_context, site_url, stored):
    context = new_context(bypass_csp=True)  # for wait_for_function, see conftest.page
    context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(stored)})")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + CALCULATOR)
    page.wait_for_function("window.pmqaCalculator !== undefined")
    assert errors == []
    text = page.locator(".site-calculator").inner_text()
    assert "NaN" not in text and "undefined" not in text
    assert page.evaluate("window.injected") is None
    assert page_levels(page) in ({}, {"1.2": "advance"})  # only valid entries are kept


def test_reset_asks_first_and_keeps_answers_when_cancelled(calculator):
    choose(calculator, "2.2", "basic")
    calculator.once("dialog", lambda dialog: dialog.dismiss())
    calculator.get_by_role("button", name="ล้างคำตอบทั้งหมด").click()
    assert page_levels(calculator) == {"2.2": "basic"}
    calculator.once("dialog", lambda dialog: dialog.accept())
    calculator.get_by_role("button", name="ล้างคำตอบทั้งหมด").click()
    assert page_levels(calculator) == {}
    assert contract(calculator)["overall"][0] == "0"


def test_print_view_is_a_one_page_report(calculator):
    for item in ("1.1", "2.1", "3.1"):
        choose(calculator, item, "advance")
    calculator.emulate_media(media="print")
    assert calculator.locator("[data-pmqa-form]").is_hidden()
    assert calculator.locator(".site-calculator__tools").is_hidden()
    assert calculator.locator('[data-pmqa="overall"]').is_visible()
    assert calculator.locator("[data-pmqa-gap='1']").is_visible()
    assert calculator.locator("[data-pmqa-report-date]").is_visible()
    pdf = calculator.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_without_javascript_the_page_shows_a_notice_and_the_criteria(new_context, site_url):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    assert page.locator(".site-calculator-static__notice").is_visible()
    assert page.locator(".site-calculator-static table").count() == 7
    assert page.locator(".site-calculator").is_hidden()


def test_an_item_added_to_the_metadata_appears_in_the_calculator(project_copy, tmp_path):
    for name, title in ((LANGUAGES.file_name("category-1", DEFAULT), "ประเด็นทดสอบที่เพิ่มใหม่"), (LANGUAGES.file_name("category-1", OTHER), "A new test item")):
        page_file = project_copy / "docs" / "pmqa" / name
        text = page_file.read_text(encoding="utf-8")
        marker = '    - id: "1.4"\n'
        start = text.index(marker)
        end = text.index("\n---", start)
        page_file.write_text(text[:end] + f'\n    - id: "1.5"\n      title: "{title}"' + text[end:], encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "out")
    for lang, title in ((DEFAULT, "ประเด็นทดสอบที่เพิ่มใหม่"), (OTHER, "A new test item")):
        soup = site.soup(LANGUAGES.path(CALCULATOR, lang))
        data = json.loads(soup.select_one("[data-pmqa-data]").string)
        assert data["scoring"]["categories"][0]["items"] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
        assert len(soup.select('input[name="item-1.5"]')) == 4
        assert title in soup.select_one("form[data-pmqa-form]").get_text()
