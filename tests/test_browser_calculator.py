"""The PMQA self-assessment workbench in real Chromium, as staff use it: on a phone at the
largest text size in yellow-on-black and on a desktop, in both languages. The JavaScript rule
against the golden vectors; answering, notes typed through a Thai IME, reload, the JSON and
CSV files (the CSV the same bytes as scripts/score.py's), a fresh profile, a baseline, the
printed report read back with pdftotext; bad files; full storage; the phone layout."""

import csv
import datetime
import io
import json
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect
from browser_checks import FONTS_SETTLED, store_display_choice
from conftest import ROOT
from officesite.criteria.scoring import read_assessment, score_assessment
from officesite.dates import format_display_date
from officesite.strings import UI_STRINGS_FILE, load_ui_strings
from scoring_vectors import (
    NEXT_LEVEL_CASES,
    SCORING,
    VECTORS,
    assert_next_matches,
    assert_result_matches,
    scoring_for,
)
from site_files import DEFAULT, LANGUAGES, OTHER

CALCULATOR = "pmqa/calculator/"
STORAGE_KEY = "reo13.pmqa-assessment"
UI = load_ui_strings(UI_STRINGS_FILE, LANGUAGES)
ITEMS = [item for category in SCORING["categories"] for item in category["items"]]
THAI = re.compile("[\u0e00-\u0e7f]")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LARGEST_YELLOW = {"fontSize": "largest", "contrast": "yellow-black"}


def url(site_url, lang):
    return site_url + LANGUAGES.path(CALCULATOR, lang)


def open_calculator(context, address):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address)
    page.wait_for_function("window.pmqaCalculator !== undefined")
    page.errors = errors
    return page


@pytest.fixture
def device_context(new_context):
    """Opens a context as a device with a stored display choice; closed after the test (conftest)."""

    def open_context(device=PHONE, display=None):
        # bypass_csp: Playwright's wait_for_function evaluates a string (the gates check the real CSP).
        context = new_context(**device, bypass_csp=True, accept_downloads=True)
        if display:
            store_display_choice(context, display)
        return context

    return open_context


@pytest.fixture
def calculator(device_context, site_url):
    return open_calculator(device_context(DESKTOP), url(site_url, DEFAULT))


def choose(page, item, level):
    page.locator(f'input[name="item-{item}"][value="{level}"]').check()


def contract(page) -> dict:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('[data-pmqa]')].map(e => [e.dataset.pmqa, [e.dataset.value, e.textContent.trim()]]))"
    )


def on_page(page) -> dict:
    return page.evaluate("window.pmqaCalculator.assessment()")


def message(page) -> str:
    page.wait_for_function("document.querySelector('[data-pmqa-message]').textContent.length > 0")
    return page.locator("[data-pmqa-message]").text_content()


# Opening a file ends after an await: wait for this message, not for whichever one is there.
def assert_message(page, expected):
    expect(page.locator("[data-pmqa-message]")).to_have_text(expected)


# Thai typed as a phone's keyboard does: each word composed (IME composition events), then committed.
def type_with_ime(page, locator, text):
    locator.focus()
    page.keyboard.press("Control+End")
    session = page.context.new_cdp_session(page)
    for word in re.findall(r"\S+|\s+", text):
        if word.isspace():
            for character in word:
                page.keyboard.press("Enter" if character == "\n" else "Space")
            continue
        for end in range(1, len(word) + 1):
            session.send("Input.imeSetComposition", {"text": word[:end], "selectionStart": end, "selectionEnd": end})
        session.send("Input.insertText", {"text": word})
    session.detach()


def download(page, action, tmp_path):
    button = page.locator("[data-pmqa-storage-export]") if action == "warning" else page.locator(f'[data-pmqa-action="{action}"]')
    with page.expect_download() as info:
        button.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def score_script(*args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "score.py"), *map(str, args)], capture_output=True, check=True).stdout


# -----------------------------------------------------------------------------
# The rule: the JavaScript twin against the golden vectors
# -----------------------------------------------------------------------------


def test_javascript_scorer_meets_every_golden_vector(calculator):
    for vector in VECTORS:
        scoring = scoring_for(vector)
        result = calculator.evaluate(
            """([scoring, assessment]) => {
                 const result = PmqaScoring.scoreAssessment(scoring, PmqaScoring.readAssessment(assessment, scoring).levels);
                 const next = Object.fromEntries(Object.entries(result.categories).map(([n, s]) => [n, PmqaScoring.nextLevel(scoring, s)]));
                 return {...result, next: {categories: next, overall: PmqaScoring.nextLevel(scoring, result.overall)}};
               }""",
            [scoring, vector["assessment"]],
        )
        assert_result_matches(result, vector["expected"], vector["name"])
        for number, expected in vector["expected"]["next"]["categories"].items():
            assert_next_matches(result["next"]["categories"][number], expected, (vector["name"], number))
        assert_next_matches(result["next"]["overall"], vector["expected"]["next"]["overall"], vector["name"])
    for case in NEXT_LEVEL_CASES:
        assert_next_matches(calculator.evaluate("([s, x]) => PmqaScoring.nextLevel(s, x)", [SCORING, case["score"]]), case["next"], case["name"])


def test_page_embeds_the_scoring_criteria_and_the_limits_of_the_python_rule(calculator):
    from officesite.criteria.scoring import MAX_DETAIL, MAX_EVIDENCE, MAX_NOTE

    data = json.loads(calculator.locator("[data-pmqa-data]").text_content())
    assert data["scoring"] == SCORING
    limits = {"notes": MAX_NOTE, "evidence": MAX_EVIDENCE, "period": MAX_DETAIL, "assessor": MAX_DETAIL}
    assert data["limits"] == limits == calculator.evaluate("PmqaScoring.LIMITS")
    assert calculator.locator('[data-pmqa-note="1.1"]').get_attribute("maxlength") == str(MAX_NOTE)


def test_choices_update_the_results_as_python_scores_them(calculator):
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
    rows = calculator.locator("[data-pmqa-change-row]")
    assert rows.count() == 8 and all(row.is_hidden() for row in rows.all())  # no baseline, no change shown
    gap = calculator.locator('[data-pmqa-gap="1"]')
    assert gap.get_attribute("data-value") == "125" and gap.text_content().startswith("125.0")
    # each category shows its level beside its score, in the form too
    assert calculator.locator('[data-pmqa-inline="1"]').text_content() == "175.0"
    assert calculator.locator('[data-pmqa-inline-level="1"]').text_content() == "ยังไม่ถึงระดับพื้นฐาน"
    assert calculator.locator("[data-pmqa-answered]").text_content() == UI[DEFAULT]["calculator_answered"].format(answered=4, total=len(ITEMS))
    calculator.wait_for_function("document.querySelector('[data-pmqa-announce]').textContent.includes('54.8')")


def test_keyboard_only_use_changes_a_level(calculator):
    calculator.locator('input[name="item-2.1"][value="none"]').focus()
    calculator.keyboard.press("ArrowRight")
    assert calculator.locator('input[name="item-2.1"][value="basic"]').is_checked()
    assert contract(calculator)["category-2"][0] == "75"


# -----------------------------------------------------------------------------
# A staff member's assessment, start to finish, on a phone
# -----------------------------------------------------------------------------

NOTES = {DEFAULT: "มีคำสั่งแต่งตั้งคณะทำงาน\nประชุมทุกเดือน <b>&amp;", OTHER: "Working group set up by order\nmeets monthly <b>&amp;"}
PERIOD = {DEFAULT: "ปีงบประมาณ 2569", OTHER: "Fiscal year 2569"}
ASSESSOR = {DEFAULT: "กลุ่มยุทธศาสตร์และแผนงาน", OTHER: "Strategy and Planning Group"}
ANSWERS = {"1.1": "basic", "1.2": "advance", "1.3": "significance", "2.1": "none", "3.3": "advance", "5.2": "basic", "7.6": "significance"}
EVIDENCE = ['=HYPERLINK("https://example.go.th/a")', "คำสั่งที่ 12/2569"]
BASELINE = {"format": "pmqa-assessment", "version": 1, "levels": {"1.1": "advance", "1.2": "basic", "5.2": "advance"}}


def fill_in(page, lang):
    for item, level in ANSWERS.items():
        page.locator(f'input[name="item-{item}"][value="{level}"]').click()
    page.locator('[data-pmqa-annotate="1.1"] summary').click()
    note = page.locator('[data-pmqa-note="1.1"]')
    if THAI.search(NOTES[lang]):
        type_with_ime(page, note, NOTES[lang].split(" <")[0])
        note.press_sequentially(" <b>&amp;", delay=20)
    else:
        note.press_sequentially(NOTES[lang], delay=10)
    evidence = page.locator('[data-pmqa-evidence="1.1"]')
    evidence.press_sequentially(EVIDENCE[0] + "\n", delay=10)
    type_with_ime(page, evidence, "คำสั่งที่")
    evidence.press_sequentially(" 12/2569", delay=10)
    page.locator('[data-pmqa-field="period"]').press_sequentially(PERIOD[lang], delay=10)
    page.locator('[data-pmqa-field="assessor"]').press_sequentially(ASSESSOR[lang], delay=10)


def expected_assessment(lang):
    return {"period": PERIOD[lang], "assessor": ASSESSOR[lang], "levels": ANSWERS, "notes": {"1.1": NOTES[lang]}, "evidence": {"1.1": EVIDENCE}}


def pdf_pages(page, tmp_path) -> list[str]:
    path = tmp_path / "report.pdf"
    path.write_bytes(page.pdf(format="A4"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [text for text in pages if text.strip()]
    assert len(pages) == count
    return pages


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_an_assessment_from_start_to_finish_on_a_phone(device_context, site_url, tmp_path, lang):
    ui = UI[lang]
    context = device_context(PHONE, LARGEST_YELLOW)
    page = open_calculator(context, url(site_url, lang))
    fill_in(page, lang)
    assert on_page(page) == expected_assessment(lang)

    # reload: everything is still there, the notes' details open
    page.reload()
    page.wait_for_function("window.pmqaCalculator !== undefined")
    assert on_page(page) == expected_assessment(lang)
    assert page.locator('[data-pmqa-annotate="1.1"]').get_attribute("open") is not None
    assert page.locator('[data-pmqa-annotate="1.2"]').get_attribute("open") is None

    # the JSON file: version 2, read back by Python as it was typed
    saved = download(page, "export-json", tmp_path)
    assert_message(page, ui["calculator_exported"].format(file=saved.name, count=len(ANSWERS)))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert read_assessment(data, SCORING) == expected_assessment(lang)

    # the CSV: a BOM, one row per item, the summary; the same bytes as scripts/score.py --csv
    sheet = download(page, "export-csv", tmp_path)
    assert_message(page, ui["calculator_exported_csv"].format(file=sheet.name, count=len(ITEMS)))
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw == score_script(saved, "--csv", "--lang", lang)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    items = rows[1 : 1 + len(ITEMS)]
    assert rows[0][:2] == [ui["criteria_category"], ui["criteria_item"]] and [row[1] for row in items] == ITEMS
    by_id = {row[1]: row for row in items}
    assert by_id["1.1"][5] == NOTES[lang] and by_id["1.1"][6] == "'" + "\n".join(EVIDENCE)  # a formula is text
    assert by_id["1.2"][4] == "400" and by_id["1.4"][3] == ui["calculator_unanswered"]
    summary = rows[2 + len(ITEMS) : 2 + len(ITEMS) + 9]
    assert summary[0][0] == ui["criteria_category"] and [row[0] for row in summary[1:8]] == [str(n) for n in range(1, 8)]
    assert summary[8][0] == ui["calculator_overall"] and summary[8][2] == f"{score_assessment(SCORING, ANSWERS)['overall']:.1f}"

    # the file opened in a fresh profile (another computer) gives the same assessment
    other = device_context(DESKTOP)
    fresh = open_calculator(other, url(site_url, lang))
    assert on_page(fresh)["levels"] == {}
    fresh.set_input_files('input[data-pmqa-action="import"]', str(saved))
    assert_message(fresh, ui["calculator_imported"].format(count=len(ANSWERS), file=saved.name))
    assert on_page(fresh) == expected_assessment(lang)

    # a baseline: every category and the overall score show the change, arrow and number
    baseline_file = tmp_path / "earlier.json"
    baseline_file.write_text(json.dumps({**BASELINE, "version": 2, "period": "ปีงบประมาณ 2568"}), encoding="utf-8")
    page.set_input_files('input[data-pmqa-action="import-baseline"]', str(baseline_file))
    assert_message(page, ui["calculator_baseline_imported"].format(period="ปีงบประมาณ 2568", count=3))
    now, before = score_assessment(SCORING, ANSWERS), score_assessment(SCORING, BASELINE["levels"])
    changes = {key: now["categories"][key] - before["categories"][key] for key in now["categories"]}
    changes["overall"] = now["overall"] - before["overall"]
    assert changes["1"] > 0 and changes["5"] < 0 and changes["4"] == 0
    for key, change in changes.items():
        element = page.locator(f'[data-pmqa-change="{key}"]')
        assert element.is_visible()
        assert float(element.get_attribute("data-value")) == pytest.approx(change, abs=1e-9)
        word = ui["calculator_change_up"] if round(change, 1) > 0 else ui["calculator_change_down"] if round(change, 1) < 0 else ui["calculator_change_none"]
        arrow = "▲ " if round(change, 1) > 0 else "▼ " if round(change, 1) < 0 else ""
        assert element.text_content() == f"{arrow}{word} {abs(change):.1f}"

    # print to PDF: A4, the report in the page's language, page numbers, no item split
    pages = pdf_pages(page, tmp_path)
    text = "\n".join(pages)
    assert len(pages) >= 2
    for number, page_text in enumerate(pages, 1):
        assert re.search(rf"^\s*{number}\s*/\s*{len(pages)}\s*$", page_text, re.M), f"no page number on page {number}"
    assert ui["calculator_report_title"] in text and PERIOD[lang] in text and ASSESSOR[lang] in text
    assert "ปีงบประมาณ 2568" in text  # the baseline's period
    assert "มีคำสั่งแต่งตั้งคณะทำงาน" in text or "Working group set up by order" in text
    assert "<b>&amp;" in text and "คำสั่งที่ 12/2569" in text
    office = json.loads(page.locator("[data-pmqa-data]").text_content())["office"]
    assert office in text
    assert format_display_date(datetime.date.today(), lang) in text  # the site's date form, in the reader's calendar
    level_term = ui["criteria_level"]
    for item in ITEMS:
        holding = [i for i, page_text in enumerate(pages) if re.search(rf"^\s*{re.escape(item)} ", page_text, re.M)]
        assert len(holding) == 1, f"item {item} found on pages {holding}"
        after = pages[holding[0]].split(item, 1)[1]
        assert f"{level_term}:" in after, f"item {item}: its level is not on its page"
    words = " ".join(text.split())
    for category in json.loads(page.locator("[data-pmqa-data]").text_content())["categories"]:
        assert category["heading"] in words, category["heading"]
    assert page.errors == []


# -----------------------------------------------------------------------------
# Bad files: refused in the reader's language, in a few words, answers kept
# -----------------------------------------------------------------------------

LONG = "x" * 800_000
MARKUP = '<img src=x onerror="window.injected=1">'
BAD_FILES = {
    "foreign file": (json.dumps({"name": "some other tool", "data": [1, 2]}), "calculator_error_not_assessment"),
    "not JSON": ("this is not json {", "calculator_error_not_json"),
    "wrong version": (json.dumps({"format": "pmqa-assessment", "version": 9, "levels": {}}), "calculator_error_version"),
    "unknown item": (json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {"1.9": "basic"}}), "calculator_error_unknown_item"),
    "800 KB item id": (json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {MARKUP + LONG: "basic"}}), "calculator_error_unknown_item"),
    "800 KB level": (json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {"1.1": LONG}}), "calculator_error_unknown_level"),
    "unknown field": (json.dumps({"format": "pmqa-assessment", "version": 2, MARKUP: 1}), "calculator_error_unknown_field"),
    "note too long": (json.dumps({"format": "pmqa-assessment", "version": 2, "notes": {"1.1": "ก" * 4001}}), "calculator_error_too_long"),
    "note not text": (json.dumps({"format": "pmqa-assessment", "version": 2, "notes": {"1.1": [1]}}), "calculator_error_not_text"),
    "version 1 with notes": (json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {}, "notes": {}}), "calculator_error_unknown_field"),
    "over 1 MB": (json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {}, "padding": "x" * 1_000_001}), "calculator_error_too_large"),
}


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_bad_file_is_refused_in_the_readers_language_and_the_answers_stay(device_context, site_url, tmp_path, lang):
    ui = UI[lang]
    context = device_context(DESKTOP)
    page = open_calculator(context, url(site_url, lang))
    choose(page, "6.2", "advance")
    before = contract(page)
    prefix = ui["calculator_import_rejected"].split("{reason}")[0]
    for name, (content, key) in BAD_FILES.items():
        page.evaluate("document.querySelector('[data-pmqa-message]').textContent = ''")
        path = tmp_path / f"{len(name)}.json"
        path.write_text(content, encoding="utf-8")
        page.set_input_files('input[data-pmqa-action="import"]', str(path))
        text = message(page)
        reason = text[len(prefix):]
        assert text.startswith(prefix), (name, text)
        # the reason is its message with short fillings: the field's name, at most 12 characters of the value
        pattern = re.sub(r"\\\{(\w+)\\\}", lambda m: ".{1,40}" if m.group(1) == "field" else ".{0,13}", re.escape(ui[key]))
        assert re.fullmatch(pattern, reason), (name, reason)
        assert "x" * 13 not in text and "onerror=" not in text, name
        words = re.sub(r"“[^”]*”|" + re.escape(MARKUP[:12]) + "…|JSON|PMQA|MB", "", reason)  # the echoed values and names aside
        if lang == DEFAULT:
            assert not re.search(r"[A-Za-z]{3,}", words), (name, reason)
        else:
            assert not THAI.search(words), (name, reason)
        assert contract(page) == before and on_page(page)["levels"] == {"6.2": "advance"}, name
    assert page.evaluate("window.injected") is None
    assert page.locator(".site-calculator img").count() == 0
    assert page.errors == []


def test_the_unknown_item_is_named_as_staff_would_read_it(calculator, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {"1.9": "basic"}}), encoding="utf-8")
    calculator.set_input_files('input[data-pmqa-action="import"]', str(path))
    assert message(calculator).endswith("รายการ 1.9 ไม่มีในเกณฑ์")


def test_a_version_1_file_still_opens(calculator, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "pmqa-assessment", "version": 1, "levels": {"5.3": "significance"}, "exported": "2025-01-01T00:00:00Z"}), encoding="utf-8")
    calculator.set_input_files('input[data-pmqa-action="import"]', str(path))
    assert_message(calculator, UI[DEFAULT]["calculator_imported"].format(count=1, file="old.json"))
    assert on_page(calculator)["levels"] == {"5.3": "significance"}


# -----------------------------------------------------------------------------
# Storage: nothing lost silently
# -----------------------------------------------------------------------------

FILL_STORAGE = """() => {
  let index = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = "x".repeat(size);
    try { for (;;) localStorage.setItem("filler-" + index++, chunk); } catch (error) {}
  }
  return index;
}"""


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_full_storage_is_said_at_once_and_the_answers_stay(device_context, site_url, tmp_path, lang):
    context = device_context(PHONE, LARGEST_YELLOW)
    page = open_calculator(context, url(site_url, lang))
    choose(page, "1.1", "advance")
    warning = page.locator("[data-pmqa-storage-warning]")
    assert warning.is_hidden()
    page.evaluate(FILL_STORAGE)
    page.locator('[data-pmqa-annotate="2.1"] summary').click()
    page.locator('[data-pmqa-note="2.1"]').press_sequentially("note that needs room", delay=5)
    assert warning.is_visible()
    assert warning.get_attribute("role") == "alert"
    assert UI[lang]["calculator_storage_failed"] == warning.locator("p").text_content()
    box, bar = warning.bounding_box(), page.locator("[data-pmqa-bar]").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["viewport"]["height"], "the warning shows where the reader is"
    assert bar["y"] <= box["y"]
    assert on_page(page)["levels"] == {"1.1": "advance"} and on_page(page)["notes"] == {"2.1": "note that needs room"}
    # its button saves the file at once
    saved = download(page, "warning", tmp_path)
    assert read_assessment(json.loads(saved.read_text(encoding="utf-8")), SCORING)["notes"] == {"2.1": "note that needs room"}
    # room again: the next change is kept and the warning goes
    page.evaluate("() => { for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key); }")
    choose(page, "1.2", "basic")
    assert warning.is_hidden()
    assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})"))["notes"] == {"2.1": "note that needs room"}


# What a browser does with site data blocked (e.g. cookies off): touching localStorage throws.
STORAGE_BLOCKED = """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""


def test_with_storage_blocked_the_page_works_and_says_the_answers_are_not_kept(device_context, site_url):
    context = device_context(PHONE)
    context.add_init_script(STORAGE_BLOCKED)
    page = open_calculator(context, url(site_url, DEFAULT))
    choose(page, "1.1", "advance")
    assert on_page(page)["levels"] == {"1.1": "advance"}
    assert contract(page)["overall"][0] != "0"
    warning = page.locator("[data-pmqa-storage-warning]")
    assert warning.is_visible() and UI[DEFAULT]["calculator_storage_failed"] == warning.locator("p").text_content()
    # the display settings still change the page (for this page only)
    page.locator("[data-display-toggle]").click()
    page.locator('[data-setting="fontSize"][data-value="largest"]').click()
    assert page.evaluate("document.documentElement.dataset.fontSize") == "largest"
    assert page.errors == []


@pytest.mark.parametrize(
    "stored",
    [
        "garbage{",
        json.dumps({"format": "pmqa-assessment", "version": 2, "levels": {"1.1": MARKUP, MARKUP: "basic", "1.2": "advance", "1.3": None}, "notes": {"1.2": 5, "1.4": "ok"}, "period": ["x"]}),
        json.dumps({"levels": "nope"}),
        json.dumps([1, 2, 3]),
    ],
)
def test_tampered_storage_never_breaks_the_page(device_context, site_url, stored):
    context = device_context(DESKTOP)
    context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(stored)})")
    page = open_calculator(context, url(site_url, DEFAULT))
    assert page.errors == []
    text = page.locator(".site-calculator").inner_text()
    assert "NaN" not in text and "undefined" not in text
    assert page.evaluate("window.injected") is None
    kept = on_page(page)
    assert kept["levels"] in ({}, {"1.2": "advance"}) and kept["notes"] in ({}, {"1.4": "ok"}) and kept["period"] == ""


def test_reset_asks_first_and_keeps_answers_when_cancelled(calculator):
    choose(calculator, "2.2", "basic")
    calculator.once("dialog", lambda dialog: dialog.dismiss())
    calculator.locator('[data-pmqa-action="reset"]').click()
    assert on_page(calculator)["levels"] == {"2.2": "basic"}
    calculator.once("dialog", lambda dialog: dialog.accept())
    calculator.locator('[data-pmqa-action="reset"]').click()
    assert on_page(calculator)["levels"] == {}
    assert contract(calculator)["overall"][0] == "0"


def test_the_print_button_prints_a_report_titled_for_the_record(calculator):
    calculator.locator('[data-pmqa-field="period"]').press_sequentially("ปีงบประมาณ 2569", delay=5)
    calculator.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")  # no print dialog headless
    calculator.locator('button[data-pmqa-action="print"]').click()
    assert calculator.evaluate("window.printed") == 1
    calculator.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert calculator.title() == f"{UI[DEFAULT]['calculator_report_title']} ปีงบประมาณ 2569"
    calculator.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert calculator.title() != f"{UI[DEFAULT]['calculator_report_title']} ปีงบประมาณ 2569"


# -----------------------------------------------------------------------------
# Phone layout
# -----------------------------------------------------------------------------

# The controls of the page, each with the box a finger hits: a radio's or a file input's label.
TARGETS_JS = """() => [...document.querySelectorAll('.site-calculator :is(button, a, input, textarea, summary), .site-rules > summary')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const target = e.matches('input[type=radio], input[type=file]') ? e.closest('label') : e;
              const box = target.getBoundingClientRect();
              return [e.outerHTML.slice(0, 80), box.width, box.height]; })"""


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_the_first_question_is_on_the_first_screen_of_a_phone(device_context, site_url, lang):
    context = device_context(PHONE)
    page = open_calculator(context, url(site_url, lang))
    first = page.locator(".site-calculator__item").first.bounding_box()
    bar = page.locator("[data-pmqa-bar]").bounding_box()
    assert first["y"] + 40 < bar["y"] <= PHONE["viewport"]["height"] - bar["height"] + 1, (first, bar)


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_on_a_phone_at_the_largest_size_controls_are_large_and_focus_is_never_covered(device_context, site_url, lang):
    context = device_context(PHONE, LARGEST_YELLOW)
    page = open_calculator(context, url(site_url, lang))
    for details in page.locator(".site-calculator details, .site-rules").all():
        details.evaluate("d => d.open = true")
    small = [target for target in page.evaluate(TARGETS_JS) if target[1] < 44 or target[2] < 44]
    assert small == []
    # Tab through the whole workbench: the focused control is never under the header or the bar
    page.locator(f'input[name="item-{ITEMS[0]}"]').first.focus()
    header = page.locator(".md-header").bounding_box()
    covered, seen = [], 0
    while True:
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const e = document.activeElement;
            if (!e.closest('.site-calculator')) return null;
            const r = e.matches('input[type=radio]') ? e.closest('label').getBoundingClientRect() : e.getBoundingClientRect();
            const bar = document.querySelector('[data-pmqa-bar]').getBoundingClientRect();
            return {name: e.outerHTML.slice(0, 60), top: r.top, bottom: r.bottom, barTop: bar.top, barBottom: bar.bottom, inBar: !!e.closest('[data-pmqa-bar]')}; }""")
        if state is None:
            break
        seen += 1
        if state["inBar"]:
            continue
        overlaps_bar = state["bottom"] > state["barTop"] + 1 and state["top"] < state["barBottom"]
        if state["top"] < header["y"] + header["height"] - 1 or overlaps_bar:
            covered.append(state)
    assert seen > 2 * len(ITEMS) and covered == []
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_the_summary_stays_in_view_while_the_last_item_is_answered(device_context, site_url, lang):
    context = device_context(PHONE, LARGEST_YELLOW)
    page = open_calculator(context, url(site_url, lang))
    last = ITEMS[-1]
    page.locator(f'input[name="item-{last}"][value="none"]').focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('label').getBoundingClientRect().toJSON()")
    bar = page.locator("[data-pmqa-bar]").bounding_box()
    height = PHONE["viewport"]["height"]
    assert 0 <= bar["y"] and bar["y"] + bar["height"] <= height + 0.5, "the summary bar is on screen"
    assert focused["bottom"] <= bar["y"] + 0.5, "the focused answer is above the bar"
    assert page.locator(f'input[name="item-{last}"][value="advance"]').is_checked()
    assert page.locator("[data-pmqa-answered]").text_content() == UI[lang]["calculator_answered"].format(answered=1, total=len(ITEMS))


# Thai words the line breaker split across lines (it breaks between words, so none should be).
BROKEN_WORDS_JS = """root => {
  const words = new Intl.Segmenter(document.documentElement.lang, {granularity: 'word'});
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.getClientRects().length) continue;
    for (const {segment, index, isWordLike} of words.segment(node.data)) {
      if (!isWordLike || !/[\\u0e00-\\u0e7f]/.test(segment)) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + segment.length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(segment);
    }
  }
  return broken;
}"""


# The shown chart's level marks, each as [left, right], and the chart's right edge.
CHART_MARKS_JS = """() => {
  const chart = [...document.querySelectorAll('figure.site-chart')].find(f => f.checkVisibility());
  const marks = [...chart.querySelectorAll('.site-chart__mark')].map(m => m.getBoundingClientRect());
  return [marks.map(r => [r.left, r.right]), chart.getBoundingClientRect().right];
}"""


# Fonts "fallback": the page as it is laid out before the site's fonts arrive (on a slow phone;
# under load here). A phone's browser that lays a page out wider than its screen even once
# widens its layout viewport to fit and keeps it: the whole page then shows zoomed out.
@pytest.mark.parametrize("fonts", ["site", "fallback"])
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_at_320_px_and_the_largest_size_nothing_scrolls_sideways_and_thai_breaks_between_words(device_context, site_url, lang, fonts):
    context = device_context({"viewport": {"width": 320, "height": 720}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}, LARGEST_YELLOW)
    if fonts == "fallback":
        context.route("**/*.woff2", lambda route: route.abort())
    page = open_calculator(context, url(site_url, lang))
    choose(page, "3.1", "significance")
    for details in page.locator(".site-calculator details, .site-rules").all():
        details.evaluate("d => d.open = true")
    # Every face loaded (a bold Thai face first used late left Thai legends in a wider fallback under load).
    page.evaluate(FONTS_SETTLED)
    wide = page.evaluate("() => [...document.querySelectorAll('.site-calculator *')].filter(e => e.getBoundingClientRect().right > 320.5).map(e => e.outerHTML.slice(0, 60))")
    assert page.evaluate("[innerWidth, document.documentElement.scrollWidth]") == [320, 320], wide
    assert wide == []
    assert page.locator(".site-chart__mark").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") > 20, "the chart's text follows the text size"
    # The chart's level marks (300, 400, 500) side by side and inside the chart, not over each
    # other (they were, with every bar a sliver beside its name); the fallback's wider digits
    # touch for a moment.
    marks, chart = page.evaluate(CHART_MARKS_JS)
    if fonts == "site":
        assert all(right <= next_left for (_, right), (next_left, _) in zip(marks, marks[1:])) and marks[-1][1] <= chart, (marks, chart)
    if lang == DEFAULT and fonts == "site":  # a wider fallback font, for a moment, may break a word
        assert page.locator(".site-calculator").evaluate(BROKEN_WORDS_JS) == []


# -----------------------------------------------------------------------------
# Without JavaScript
# -----------------------------------------------------------------------------


def test_without_javascript_the_page_shows_a_notice_and_the_criteria(new_context, site_url):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    assert page.locator(".site-calculator-static__notice").is_visible()
    assert page.locator(".site-calculator-static table").count() == 7
    assert page.locator(".site-calculator").is_hidden()
