"""The web editor (/admin/, Decap CMS) as office staff use it, in Chromium, against the local
backend: decap-server started here on 127.0.0.1:8081 with a copy of the project as its
working tree, and the copy's site (built with CMS_LOCAL_BACKEND=1) served beside it.

One post is written in Thai with a cover photo and its description, translated into English
and published: its files appear with the front matter the build expects, and the copy then
builds with --strict and shows it in both languages. A post with a Buddhist Era year, a
photo without a description and a bad slug is refused in Thai and writes nothing. Every
visit: no request leaves 127.0.0.1, no console error, no CSP violation (the admin page's
own policy, enforced: the context does not bypass it).
"""

import contextlib
import fcntl
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site
from officesite.cms.config import LOCAL_BACKEND_ORIGIN
from officesite.cms.site import LOCAL_TRIAL, LOCAL_VARIABLE, schema_labels
from PIL import Image
from site_copy import copy_site
from browser_checks import CONTRAST_RATIO_JS, axe_violations
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
LABELS = schema_labels()[DEFAULT]
YEAR = 2025  # not this year: the post's folder is its date's year, not the day of writing
SLUG = "river-day"
CATEGORIES = yaml.safe_load((ROOT / "docs" / "news" / "categories.yml").read_text(encoding="utf-8"))
CATEGORY = next(iter(CATEGORIES))
CATEGORY_NAME = CATEGORIES[CATEGORY][DEFAULT]
CSP_LISTENER = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


def label(key: str):
    # Decap adds "(ไม่บังคับ)" to an optional field's label: matched from its start.
    return re.compile("^" + re.escape(LABELS[key]["label"]))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


# The local backend's port is fixed (the admin page's configuration and CSP name it): one
# trial on this machine holds it at a time. Another test process of a parallel run, or a run in
# another checkout, waits for this lock; a server something else left there (scripts/cms.sh) is
# waited out too, rather than talked to.
@contextlib.contextmanager
def _local_backend_port(port: int, timeout: float = 600):
    deadline = time.monotonic() + timeout
    with open(Path(tempfile.gettempdir()) / f"reo13-local-backend-{port}.lock", "w") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pass
            else:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) != 0:
                        break
                fcntl.flock(lock, fcntl.LOCK_UN)
            if time.monotonic() > deadline:
                raise RuntimeError(f"127.0.0.1:{port} stayed busy: another local trial of the web editor is running")
            time.sleep(0.5)  # polling a lock and a port, not waiting for a guessed time
        yield  # the lock is released when the file closes


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped: {process.stdout.read()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling a port, not waiting for a guessed time
    raise RuntimeError("decap-server did not answer")


# The copy of the project under `work`, its site built for the local trial `trial` (the value
# of CMS_LOCAL_BACKEND) and served on loopback, decap-server on 127.0.0.1:8081 in `mode`;
# `prepare` readies the copy first.
@contextlib.contextmanager
def cms_trial(work: Path, site_builder, trial: str = LOCAL_TRIAL, mode: str = "fs", prepare=None):
    project = copy_site(work / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the pinned Decap bundle
    if prepare:
        prepare(project)
    os.environ[LOCAL_VARIABLE] = trial
    try:
        built = site_builder(project, work / "site")
    finally:
        del os.environ[LOCAL_VARIABLE]
    assert built.returncode == 0, built.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(work / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = int(LOCAL_BACKEND_ORIGIN.rsplit(":", 1)[1])
    with _local_backend_port(port):
        decap = subprocess.Popen(
            ["node", str(DECAP_SERVER)],
            env={**os.environ, "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "127.0.0.1", "PORT": str(port), "MODE": mode},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        try:
            _wait_for_port(port, decap)
            yield {"project": project, "work": work, "admin": f"http://127.0.0.1:{server.server_address[1]}/admin/"}
        finally:
            decap.terminate()
            decap.wait(timeout=10)
            server.shutdown()


@pytest.fixture(scope="module")
def cms(tmp_path_factory, site_builder):
    """The local trial as scripts/cms.sh runs it: decap-server's file mode, published at once."""
    with cms_trial(tmp_path_factory.mktemp("cms"), site_builder) as trial:
        yield trial


# A browser context on the admin page, logged in to the local backend, at `at` (a hash route);
# what it saw. `options`: more of the context's (a time zone, a phone's viewport).
def open_editor(new_context, cms, at: str = "#/collections/news/new", **options) -> dict:
    context = new_context(**{"locale": LANGUAGES.open_graph_locale(DEFAULT).replace("_", "-"), "viewport": {"width": 1400, "height": 1000}, **options})
    seen = {"outside": [], "errors": []}

    def route(route):
        url = route.request.url
        if url.startswith(("blob:", "data:")) or url.split("/")[2].split(":")[0] == "127.0.0.1":
            return route.continue_()
        seen["outside"].append(url)
        return route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    page.on("console", lambda message: message.type == "error" and seen["errors"].append(message.text[:300] + " @ " + str(message.location)))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)[:300]))
    page.goto(cms["admin"])
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.locator('a[href="#/collections/news/new"]').wait_for()
    page.goto(cms["admin"] + at)
    seen["page"] = page
    return seen


@pytest.fixture
def editor(new_context, cms):
    """A new post in the editor, in a context closed after the test; what it saw."""
    return open_editor(new_context, cms)


# Nothing left 127.0.0.1, nothing failed, nothing the admin page's CSP refused.
def assert_clean(editor) -> None:
    assert editor["outside"] == [] and editor["errors"] == []
    assert editor["page"].evaluate("window.__csp") == []


def typed(locator, text: str) -> None:
    locator.click()
    locator.page.keyboard.type(text, delay=5)


# Text committed by a Thai input method: composition updates, then the committed text (CDP).
def composed(page, locator, text: str) -> None:
    locator.click()
    session = page.context.new_cdp_session(page)
    for end in range(1, len(text), max(1, len(text) // 3)):
        session.send("Input.imeSetComposition", {"text": text[:end], "selectionStart": end, "selectionEnd": end})
    session.send("Input.insertText", {"text": text})
    session.detach()


def photo_file(folder: Path) -> Path:
    path = folder / "river.jpg"
    Image.new("RGB", (800, 600), (40, 120, 160)).save(path, quality=85)
    return path


def choose_photo(page, button_index: int, path: Path) -> None:
    page.get_by_role("button", name="เลือกรูปภาพ").nth(button_index).click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("อัปโหลด", exact=True).click()
    chooser.value.set_files(str(path))
    page.get_by_role("button", name="เลือกข้อมูลที่ถูกเลือก").click()


# One tag in a language's pane: "เพิ่ม ป้ายกำกับ", then type into the new item.
def add_tag(page, pane: int, tag: str) -> None:
    page.get_by_role("button", name=f"เพิ่ม {LABELS['news-post.tags']['label']}").nth(pane).click()
    typed(page.get_by_label(LABELS["news-post.tags"]["label"], exact=True).last, tag)


def publish(page) -> None:
    page.get_by_role("button", name="เผยแพร่", exact=True).click()
    page.get_by_text("เผยแพร่ตอนนี้", exact=True).click()


# Published and done: the editor says its changes are saved (Decap's Thai words, "…ถูกบันทึกแล้ว").
def saved(page) -> None:
    publish(page)
    page.wait_for_function("document.body.innerText.includes('ถูกบันทึกแล้ว')", timeout=30000)


# The errors the editor shows beside its fields, as written (not as styled).
def shown_errors(page) -> list[str]:
    errors = page.locator('[class*="ControlErrorsList"] li')
    errors.first.wait_for()
    return errors.evaluate_all("items => items.map(item => item.textContent)")


def post_files(project: Path) -> list[str]:
    news = project / "docs" / "news"
    return sorted(path.relative_to(news).as_posix() for path in news.rglob("*") if path.is_file() and path.parent != news and not path.name.startswith("pmqa-workshop"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_post_written_in_thai_translated_and_published_builds_in_both_languages(cms, editor, site_builder):
    page, th, en = editor["page"], 0, 1
    typed(page.get_by_label(label("news-post.title")).nth(th), "วันรักษ์แม่น้ำ <ประกาศ>")
    typed(page.get_by_label(label("news-post.slug")).nth(th), SLUG)
    typed(page.get_by_label(label("news-post.date")).nth(th), f"{YEAR}-03-05")
    composed(page, page.get_by_label(label("news-post.description")).nth(th), "สสภ.13 ร่วมเก็บขยะริมแม่น้ำบางปะกง")
    category = page.get_by_label(label("news-post.category")).nth(th)
    category.click()
    page.keyboard.type(CATEGORY_NAME, delay=5)
    page.keyboard.press("Enter")
    add_tag(page, th, "แม่น้ำ")
    choose_photo(page, th, photo_file(cms["work"]))
    typed(page.get_by_label(LABELS["news-post.cover.alt"]["label"] + f" ({LANGUAGES.names[DEFAULT]})").nth(th), "อาสาสมัครเก็บขยะริมแม่น้ำ")
    typed(page.get_by_label(LABELS["news-post.cover.alt"]["label"] + f" ({LANGUAGES.names[OTHER]})").nth(th), "Volunteers clearing litter by the river")
    typed(page.locator('[data-slate-editor="true"]').nth(th), "เนื้อหาข่าวภาษาไทย")
    typed(page.get_by_label(label("news-post.title")).nth(en), "River Day")
    typed(page.get_by_label(label("news-post.description")).nth(en), "REO 13 clears litter by the Bang Pakong river")
    add_tag(page, en, "river")
    typed(page.locator('[data-slate-editor="true"]').nth(en), "English text.")
    # The preview: the site's stylesheets and fonts, the date as Thai readers count years.
    page.locator('button[title="เปิด/ปิดการแสดงตัวอย่าง"]').click()
    preview = page.frame_locator("iframe").first.locator("article")
    assert preview.locator("time").inner_text() == f"5 มีนาคม {YEAR + 543}"
    links = page.frame_locator("iframe").first.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.getAttribute('href'))")
    assert any("/assets/stylesheets/main." in href for href in links) and "/assets/stylesheets/site.css" in links
    page.screenshot(path=str(cms["work"] / "cms-preview.png"))
    publish(page)
    page.wait_for_function("location.hash.includes('/entries/')", timeout=30000)

    project = cms["project"]
    folder = project / "docs" / "news" / str(YEAR)
    thai, english = (front_matter(folder / LANGUAGES.file_name(SLUG, lang)) for lang in (DEFAULT, OTHER))
    assert (folder / SLUG / "river.jpg").is_file()
    assert thai["cover"] == {"src": "river.jpg", "alt": {DEFAULT: "อาสาสมัครเก็บขยะริมแม่น้ำ", OTHER: "Volunteers clearing litter by the river"}}
    assert str(thai["date"]) == str(english["date"]) == f"{YEAR}-03-05" and thai["slug"] == english["slug"] == SLUG
    assert "cover" not in english and english["title"] == "River Day"
    assert thai["description"] == "สสภ.13 ร่วมเก็บขยะริมแม่น้ำบางปะกง"  # composed by an input method, committed once
    assert thai["category"] == english["category"] == CATEGORY and (thai["tags"], english["tags"]) == (["แม่น้ำ"], ["river"])

    os.environ["SITE_BUILD_DATE"] = "2026-12-01"
    try:
        built = site_builder(project, cms["work"] / "after")
    finally:
        del os.environ["SITE_BUILD_DATE"]
    assert built.returncode == 0, built.stderr
    site = BuiltSite(cms["work"] / "after")
    assert "วันรักษ์แม่น้ำ <ประกาศ>" in site.soup(f"news/{YEAR}/{SLUG}/").h1.get_text()
    assert site.soup(LANGUAGES.path(f"news/{YEAR}/{SLUG}/", OTHER)).h1.get_text().strip() == "River Day"
    assert_clean(editor)


def test_a_buddhist_era_year_a_photo_without_description_and_a_bad_slug_are_refused_in_thai(cms, editor):
    page, th, en = editor["page"], 0, 1
    before = post_files(cms["project"])
    typed(page.get_by_label(label("news-post.title")).nth(th), "ข่าวที่ยังไม่ถูกต้อง")
    typed(page.get_by_label(label("news-post.slug")).nth(th), "Clean River!")
    typed(page.get_by_label(label("news-post.date")).nth(th), f"{YEAR + 543}-03-05")
    typed(page.get_by_label(label("news-post.description")).nth(th), "สรุปข่าว")
    page.get_by_role("button", name=f"เพิ่ม {LABELS['news-post.gallery']['label']}").nth(th).click()
    choose_photo(page, 1, photo_file(cms["work"]))  # the gallery photo, after the cover's button
    typed(page.get_by_label(label("news-post.title")).nth(en), "Not yet right")
    typed(page.get_by_label(label("news-post.description")).nth(en), "Summary")
    publish(page)
    errors = page.locator('[class*="ControlErrorsList"] li')
    errors.first.wait_for()
    shown = errors.evaluate_all("items => items.map(item => item.textContent)")  # as written, not as styled
    page.screenshot(path=str(cms["work"] / "cms-refused.png"), full_page=True)
    assert any(LABELS["news-post.slug"]["invalid"] in line for line in shown), shown
    assert "clean-river-day" in errors.first.inner_text()  # as written: Decap would capitalise it
    assert any(LABELS["news-post.date"]["invalid"] in line for line in shown), shown
    described = [f"{LABELS['news-post.gallery.alt']['label']} ({LANGUAGES.names[lang]})" for lang in LANGUAGES.codes]
    assert [name for name in described if not any(name in line for line in shown)] == [], shown
    assert all(re.search("[\u0e00-\u0e7f]", line) for line in shown), shown  # every message in Thai
    assert post_files(cms["project"]) == before
    assert_clean(editor)


def test_a_chosen_photo_is_described_or_decorative_and_a_first_of_january_post_keeps_its_year(cms, new_context):
    # In Thailand's time zone: Decap's {{year}} read 1 January as local midnight, 31 December in UTC.
    editor = open_editor(new_context, cms, timezone_id="Asia/Bangkok")
    page, th, en = editor["page"], 0, 1
    before, slug = post_files(cms["project"]), "new-year-walk"
    typed(page.get_by_label(label("news-post.title")).nth(th), "เดินรณรงค์วันขึ้นปีใหม่")
    typed(page.get_by_label(label("news-post.slug")).nth(th), slug)
    typed(page.get_by_label(label("news-post.date")).nth(th), f"{YEAR}-01-01")
    typed(page.get_by_label(label("news-post.description")).nth(th), "สรุปข่าว")
    typed(page.get_by_label(label("news-post.title")).nth(en), "New Year walk")
    typed(page.get_by_label(label("news-post.description")).nth(en), "Summary")
    typed(page.locator('[data-slate-editor="true"]').nth(th), "เนื้อหาข่าว")
    typed(page.locator('[data-slate-editor="true"]').nth(en), "Text.")
    choose_photo(page, th, photo_file(cms["work"]))
    publish(page)  # a cover photo chosen, described in no language
    shown = shown_errors(page)
    expected = [f"{LABELS['news-post.cover.alt']['label']} ({LANGUAGES.names[lang]}): {LABELS['news-post.cover.alt']['invalid']}" for lang in LANGUAGES.codes]
    assert [line for line in expected if line not in shown] == [], shown
    assert post_files(cms["project"]) == before
    # Marked decorative with a description: refused too. The description deleted again: saved,
    # without it (Decap would keep it as "").
    thai_alt = page.get_by_label(LABELS["news-post.cover.alt"]["label"] + f" ({LANGUAGES.names[DEFAULT]})").nth(th)
    typed(thai_alt, "ภาพ")
    page.get_by_label(label("news-post.cover.decorative")).first.click()
    publish(page)
    page.get_by_text(LABELS["news-post.cover.decorative"]["invalid"], exact=True).wait_for()
    assert post_files(cms["project"]) == before
    thai_alt.click()
    page.keyboard.press("End")
    for _ in "ภาพ":
        page.keyboard.press("Backspace")
    publish(page)
    page.wait_for_function("location.hash.includes('/entries/')", timeout=30000)
    folder = cms["project"] / "docs" / "news" / str(YEAR)
    assert sorted(set(post_files(cms["project"])) - set(before)) == sorted([f"{YEAR}/{slug}/river.jpg"] + [f"{YEAR}/{LANGUAGES.file_name(slug, lang)}" for lang in LANGUAGES.codes])
    thai = front_matter(folder / LANGUAGES.file_name(slug, DEFAULT))
    assert str(thai["date"]) == f"{YEAR}-01-01" and thai["cover"] == {"src": "river.jpg", "decorative": True}
    assert_clean(editor)


def test_criteria_guidance_in_one_language_only_is_refused_in_thai_then_saved_in_both(cms, new_context):
    folder = cms["project"] / "docs" / "pmqa"
    files = [folder / LANGUAGES.file_name("category-2", lang) for lang in LANGUAGES.codes]
    before = [path.read_text(encoding="utf-8") for path in files]
    editor = open_editor(new_context, cms, "#/collections/pmqa/entries/category-2")
    page = editor["page"]
    guidance = LABELS["criteria-category.pmqa.items.guidance"]
    basic = re.compile("^" + re.escape(guidance["label"] + ": "))  # a level's text
    collapsed = page.locator('[data-testid="expand-button"][aria-label="Expand"]')
    collapsed.first.click()  # item 2.1's guidance, Thai pane
    typed(page.get_by_label(basic).filter(visible=True).first, "มีแผนและเป้าหมายที่ชัดเจน")
    publish(page)
    shown = shown_errors(page)
    assert any(guidance["invalid"] in line and line.startswith("2.1") for line in shown), shown
    assert [path.read_text(encoding="utf-8") for path in files] == before
    # Item 2.1's guidance in the English pane: its first collapsed one, on the right.
    collapsed.nth(collapsed.evaluate_all("buttons => buttons.findIndex(b => b.getBoundingClientRect().left > innerWidth / 2)")).click()
    levels = page.get_by_label(basic).filter(visible=True)
    typed(levels.nth(levels.count() // 2), "Clear plans and goals")  # the Thai item's levels, then the English
    saved(page)
    written = [front_matter(path)["pmqa"]["items"][0].get("guidance") for path in files]
    first = yaml.safe_load((folder / "levels.yml").read_text(encoding="utf-8"))["levels"][0]["id"]
    assert written == [{first: "มีแผนและเป้าหมายที่ชัดเจน"}, {first: "Clear plans and goals"}], written
    assert_clean(editor)


# After the 1 January post and the guidance above: its build checks them too.
def test_a_criteria_items_thai_title_is_edited_and_nothing_else_changes(cms, new_context, site_builder):
    project = cms["project"] / "docs" / "pmqa"
    thai, english = (project / LANGUAGES.file_name("category-1", lang) for lang in (DEFAULT, OTHER))
    before = {path: path.read_text(encoding="utf-8") for path in (thai, english)}
    seen = open_editor(new_context, cms, "#/collections/pmqa/entries/category-1")
    page = seen["page"]
    title = page.get_by_label(LABELS["criteria-category.pmqa.items.title"]["label"], exact=True).nth(1)  # item 1.2, Thai
    title.click()
    page.keyboard.press("End")
    page.keyboard.type(" (ทดสอบ)", delay=5)
    page.screenshot(path=str(cms["work"] / "cms-criteria.png"))
    saved(page)
    assert_clean(seen)
    # Decap writes every language's file again, in its own YAML style (and an absent shared
    # weight as null, which the build reads as absent): the same values, the text untouched.
    def values(text):
        data = yaml.safe_load(text.split("---\n")[1])
        if data["pmqa"].get("weight", 0) is None:
            del data["pmqa"]["weight"]
        return data

    edited = values(thai.read_text(encoding="utf-8"))
    expected = values(before[thai])
    expected["pmqa"]["items"][1]["title"] += " (ทดสอบ)"
    assert edited == expected and values(english.read_text(encoding="utf-8")) == values(before[english])
    for path in (thai, english):  # the page text and its pmqa markers
        assert path.read_text(encoding="utf-8").split("\n---\n", 1)[1] == before[path].split("\n---\n", 1)[1]
    built = site_builder(cms["project"], cms["work"] / "criteria-site")
    assert built.returncode == 0, built.stderr
    assert "การป้องกันทุจริตและสร้างความโปร่งใส (ทดสอบ)" in BuiltSite(cms["work"] / "criteria-site").soup("pmqa/category-1/").get_text()


# Decap's own markdown editor (its Slate text box has no name, its toolbar's mode switch no
# name or state, its menus nest buttons): axe's findings there are Decap's, reported (README).
DECAP_MARKDOWN = '[aria-label="markdown field"]'


def test_the_editor_on_a_phone_and_with_axe(cms, new_context):
    editor = open_editor(new_context, cms, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = editor["page"]
    title = page.get_by_label(label("news-post.title")).first
    title.wait_for()
    page.screenshot(path=str(cms["work"] / "cms-phone.png"))
    # The Thai pane fills the phone's width (Decap lays the editor out 800px wide: the
    # English pane is beside it, a swipe away).
    box = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    publish_button = page.locator('[class*="PublishButton"]').first
    assert publish_button.evaluate(CONTRAST_RATIO_JS) >= 4.5  # admin.css: Decap's teal is about 3:1
    found = axe_violations(page)
    ours = [line for line in found if DECAP_MARKDOWN not in line]
    assert ours == [], ours
    assert_clean(editor)
