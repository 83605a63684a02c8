"""The office facts in the web editor (/admin/, Decap CMS), as office staff edit them, in
Chromium against the local backend: decap-server started on 127.0.0.1 with a copy of the
project (the fixtures and helpers of tests/test_browser_cms.py).

A wrong e-mail address is refused in Thai and writes nothing; the phone number and the
address in both languages are typed (the Thai one through an input method) and saved:
docs/office.yml holds them, every other fact and every comment as they were; the copy then
builds with --strict and its contact page shows them in both languages. No request leaves
127.0.0.1, no console error, no CSP violation.
"""

import re

import pytest
import yaml
from officesite.office import OFFICE_FILE, file_comments
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite
from test_browser_cms import LABELS, assert_clean, cms, composed, open_editor, publish, saved, typed  # noqa: F401 (cms: a fixture)

pytestmark = pytest.mark.browser

PHONE = "0 3800 0000"  # a test's number in a copy of the project, not the office's
THAI_ADDRESS = "ที่อยู่ทดสอบ <ถนนสาย 3> ชลบุรี"
ENGLISH_ADDRESS = "Test address <Road 3>, Chonburi"


def field(page, key: str, lang: str | None = None):
    name = LABELS[key]["label"] + (f" ({LANGUAGES.names[lang]})" if lang else "")
    # Decap adds "(ทางเลือก)" to an optional field's label: the name, then that or nothing.
    return page.get_by_label(re.compile("^" + re.escape(name) + r"(?: \([^()]*\))?$"))


def test_office_facts_edited_in_thai_are_saved_with_their_comments_and_shown_in_both_languages(cms, new_context, site_builder):
    office = cms["project"] / "docs" / OFFICE_FILE
    before, comments = office.read_text(encoding="utf-8"), file_comments(office, OFFICE_FILE)
    seen = open_editor(new_context, cms, at="#/collections/office/entries/office")
    page = seen["page"]
    # A careless address: refused in Thai, nothing written.
    email = page.locator(f'[id="{field(page, "office.email").get_attribute("id")}"]')  # its label gains the error
    typed(email, "saraban at example dot org")
    publish(page)
    errors = page.locator('[class*="ControlErrorsList"] li')
    errors.first.wait_for()
    shown = errors.evaluate_all("items => items.map(item => item.textContent)")
    assert len(shown) == 1 and shown[0].endswith(LABELS["office.email"]["invalid"]), shown  # after Decap's "อีเมล ไม่ตรงกับรูปแบบ:"
    assert office.read_text(encoding="utf-8") == before
    # Corrected (emptied), then the facts typed and saved.
    email.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    typed(field(page, "office.phone"), PHONE)
    composed(page, field(page, "office.address", DEFAULT), THAI_ADDRESS)
    typed(field(page, "office.address", OTHER), ENGLISH_ADDRESS)
    page.screenshot(path=str(cms["work"] / "cms-office.png"), full_page=True)
    saved(page)  # the editor says so once decap-server has written the whole file
    text = office.read_text(encoding="utf-8")
    assert_clean(seen)

    written, original = yaml.safe_load(text), yaml.safe_load(before)
    assert written == original | {"phone": PHONE, "address": {DEFAULT: THAI_ADDRESS, OTHER: ENGLISH_ADDRESS}}
    # Every comment that says what a fact is, still above that fact.
    assert file_comments(office, OFFICE_FILE) == comments
    assert [line for line in text.splitlines() if line.startswith("#")] == [line for line in before.splitlines() if line.startswith("#")]
    built = site_builder(cms["project"], cms["work"] / "office-site")
    assert built.returncode == 0, built.stderr
    site = BuiltSite(cms["work"] / "office-site")
    for lang, address in ((DEFAULT, THAI_ADDRESS), (OTHER, ENGLISH_ADDRESS)):
        contact = site.soup(LANGUAGES.path("contact/", lang)).select_one(".site-contact")
        facts = [dd.get_text(" ", strip=True) for dd in contact.select("dd")]
        assert facts == [address, PHONE], facts
        assert contact.select_one("a[href^='tel:']")["href"] == "tel:038000000"
