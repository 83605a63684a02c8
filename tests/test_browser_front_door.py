"""The front door in real Chromium, on a phone (390 × 844 at DPR 2) and a desktop, in both
languages, every display mode, normal to largest text: the header shows the office's whole
name, the toolbar takes one row, focus never lands on anything unseen, Thai lines break
between words, and the 404 page has the site's font on a cold cache."""

import json

import pytest

from browser_checks import CONTRASTS, FONT_SIZES, SETTLED, SETTLING, axe_violations
from mkdocs.utils.yaml import yaml_load
from office_file import read_office
from officesite.office import text_in
from officesite.thai_words import THAI_RUN
from officesite.thai_breaks import line_words
from site_files import DEFAULT, LANGUAGES, OTHER, ROOT

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}

def open_page(new_context, device, url):
    page = new_context(**DEVICES[device]).new_page()
    page.goto(url)
    page.evaluate(SETTLED)
    return page


def choose(page, font_size, contrast):
    page.evaluate("([f, c]) => { siteDisplay.choose('fontSize', f); siteDisplay.choose('contrast', c); }", [font_size, contrast])
    page.evaluate(SETTLED)


# ---------------------------------------------------------------------------------------------
# Header and toolbar
# ---------------------------------------------------------------------------------------------

# The header's visible name: its text, whether every line of it lies inside the header's title
# box and the screen (nothing cut, no ellipsis), and the boxes of the header and the toolbar.
FRAME_STATE = """() => {
  const shown = [...document.querySelectorAll('.site-header-name .site-name')].filter(e => e.checkVisibility());
  const title = document.querySelector('.site-header-name').getBoundingClientRect();
  const range = document.createRange();
  const lines = shown.flatMap(name => { range.selectNodeContents(name); return [...range.getClientRects()]; });
  const inside = lines.every(r => r.left >= Math.max(title.left, 0) - 0.5 && r.right <= Math.min(title.right, innerWidth) + 0.5
                                  && r.top >= title.top - 0.5 && r.bottom <= title.bottom + 0.5);
  const buttons = [...document.querySelectorAll('.site-display button')].filter(b => b.checkVisibility());
  const centres = buttons.map(b => { const r = b.getBoundingClientRect(); return r.top + r.height / 2; }).sort((a, b) => a - b);
  const rows = centres.filter((c, i) => i === 0 || c - centres[i - 1] > 8).length;
  return {
    names: shown.map(e => e.textContent.trim().replace(/\\s+/g, ' ')),
    lineTops: [...new Set(lines.map(r => Math.round(r.top)))].length,
    inside,
    header: document.querySelector('.md-header').getBoundingClientRect().height,
    toolbar: document.querySelector('.site-display').getBoundingClientRect().height,
    toolbarRows: rows,
    scrollWidth: document.documentElement.scrollWidth,
    viewport: [innerWidth, innerHeight],
  };
}"""


# The office's full and short names in a language, as mkdocs.yml and docs/office.yml give them.
def site_names(lang):
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    full = next((entry.get("site_name") for entry in i18n["languages"] if entry["locale"] == lang), None) or config["site_name"]
    return full, text_in(read_office()["short_name"], lang)


@pytest.mark.parametrize("lang", LANGUAGES.codes)
@pytest.mark.parametrize("device", DEVICES)
def test_header_shows_the_whole_name_and_the_toolbar_one_row_in_every_mode(new_context, site_url, device, lang):
    full, short = site_names(lang)
    page = open_page(new_context, device, site_url + LANGUAGES.prefix(lang))
    problems, violations = [], []
    for font_size in FONT_SIZES:
        for contrast in CONTRASTS:
            choose(page, font_size, contrast)
            state, where = page.evaluate(FRAME_STATE), f"{font_size}/{contrast}"
            width, height = state["viewport"]
            if state["names"] not in ([full], [short]) or not state["inside"] or state["lineTops"] > 2:
                problems.append(f"{where}: header name {state['names']} inside={state['inside']} lines={state['lineTops']}")
            if state["toolbarRows"] != 1 or state["toolbar"] > 0.08 * height or state["header"] > 0.1 * height:
                problems.append(f"{where}: toolbar {state['toolbarRows']} rows, {state['toolbar']:.0f} px; header {state['header']:.0f} px")
            if state["scrollWidth"] > width:
                problems.append(f"{where}: page {state['scrollWidth']} px wide")
            violations += [f"{where}: {v}" for v in axe_violations(page)]
    # The full name wherever it fits: on a desktop at normal size; a phone shows the short one.
    choose(page, "normal", "normal")
    assert page.evaluate(FRAME_STATE)["names"] == ([full] if device == "desktop" else [short])
    assert problems == []
    assert violations == []


# The empty space between the header's bottom and the top of the page's first heading.
HEADING_GAP = """() => document.querySelector('.md-content h1').getBoundingClientRect().top
                       - document.querySelector('.md-header').getBoundingClientRect().bottom"""


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_the_first_heading_starts_as_close_under_the_header_at_every_text_size(new_context, site_url, lang):
    page = open_page(new_context, "phone", site_url + LANGUAGES.path("about/", lang))
    gaps = {}
    for font_size in FONT_SIZES:
        for contrast in CONTRASTS:
            choose(page, font_size, contrast)
            gaps[f"{font_size}/{contrast}"] = round(page.evaluate(HEADING_GAP))
    assert 0 < gaps["normal/normal"] <= 60  # Material's space at the normal size: 2.5rem, 50 px
    assert {where: gap for where, gap in gaps.items() if gap > gaps["normal/normal"]} == {}


# A page title that fits on one line takes one line, at the largest size on a phone too.
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_short_page_title_takes_one_line_on_a_phone_at_the_largest_size(new_context, site_url, lang):
    page = open_page(new_context, "phone", site_url + LANGUAGES.path("about/", lang))
    choose(page, "largest", "normal")
    lines = {}
    for path in ("about/", "contact/", "news/"):
        page.goto(site_url + LANGUAGES.path(path, lang))
        page.evaluate(SETTLED)
        lines[path] = page.evaluate("(h => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))(document.querySelector('.md-content h1'))")
    assert lines == {path: 1 for path in lines}


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_phone_toolbar_folds_behind_one_button_that_opens_and_closes_its_panel(new_context, site_url, lang):
    page = open_page(new_context, "phone", site_url + LANGUAGES.prefix(lang))
    toggle = page.locator("[data-display-toggle]")
    name = {DEFAULT: "ขนาดอักษร/การแสดงผล", OTHER: "Text size/Display"}[lang]
    assert page.get_by_role("button", name=name, exact=True).is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("button[data-setting]").evaluate_all("bs => bs.filter(b => b.checkVisibility()).length") == 0
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # into the panel: its first choice
    assert page.evaluate("document.activeElement.dataset.value") == "normal"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # large text, chosen with the keyboard
    assert page.evaluate("document.documentElement.dataset.fontSize") == "large"
    assert toggle.get_attribute("aria-expanded") == "true"  # the panel stays open for the next choice
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('[data-display-toggle]')")
    page.keyboard.press("Tab")  # the closed panel's buttons are out of the tab order
    assert not page.evaluate("document.activeElement.matches('button[data-setting]')")


# ---------------------------------------------------------------------------------------------
# Focus never on anything unseen
# ---------------------------------------------------------------------------------------------

# The focused element, once the page has settled: whether it (or, for a transparent control
# inside a <label>, that label) is rendered, inside the viewport, on top (not under the sticky
# header or another layer), and drawn with a focus indicator.
FOCUS_STATE = "async () => {" + SETTLING + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = el.checkVisibility({opacityProperty: true, visibilityProperty: true}) ? el : el.closest('label');
  const box = (seen || el).getBoundingClientRect();
  const style = getComputedStyle(seen || el);
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return {
    what: `${el.tagName.toLowerCase()}.${[...el.classList].filter(c => c !== 'focus-visible').join('.')} "${name}"`,
    visible: !!seen && seen.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inViewport: box.left >= -0.5 && box.top >= -0.5 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5,
    onTop: !!hit && (el.contains(hit) || hit.contains(el) || (seen && seen.contains(hit))),
    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
  };
}"""

# One page of each type (officesite.page_types), and the 404 page.
PAGE_TYPES = {
    "home": "",
    "news-index": "news/",
    "news-archive": "news/archive/",
    "news-listing": "news/archive/2018/",
    "news-post": "news/2018/pmqa-workshop/",
    "page": "about/",
    "criteria-category": "pmqa/category-3/",
    "calculator": "pmqa/calculator/",
    "contact": "contact/",
    "site-map": "site-map/",
    "not-found": "404.html",
}
WALKS = [(device, LANGUAGES.path(path, DEFAULT)) for device in DEVICES for path in PAGE_TYPES.values()] + [
    (device, LANGUAGES.path(path, OTHER)) for device in DEVICES for path in ("", "news/2018/pmqa-workshop/")
]
MAX_STOPS = 200


@pytest.mark.parametrize("device, path", WALKS)
def test_tabbing_through_the_page_never_focuses_anything_unseen(new_context, site_url, device, path):
    page = open_page(new_context, device, site_url + path)
    problems, stops = [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["what"] in stops[:1]:
            break  # back at the start: the walk went round the page
        stops.append(state["what"])
        failed = [check for check in ("visible", "inViewport", "onTop", "indicator") if not state[check]]
        if failed:
            problems.append(f"stop {len(stops)} {state['what']}: not {', '.join(failed)}")
    assert len(stops) > 5, stops
    assert problems == []


def test_the_phone_menu_button_opens_the_drawer_moves_focus_in_and_escape_closes_it(new_context, site_url):
    page = open_page(new_context, "phone", site_url + "about/")
    button = page.get_by_role("button", name="เมนู", exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator(".md-sidebar--primary").evaluate("e => e.inert")
    button.focus()
    page.keyboard.press("Enter")
    page.evaluate(SETTLED)
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
    assert page.evaluate(FOCUS_STATE)["visible"]
    # The drawer covers the page: focus stays in it, both ways, until it is closed.
    inside = []
    for key in ["Tab"] * 25 + ["Shift+Tab"] * 30:
        page.keyboard.press(key)
        inside.append(page.evaluate("document.body === document.activeElement || document.querySelector('.md-sidebar--primary').contains(document.activeElement)"))
    assert all(inside)
    page.locator(".md-sidebar--primary a.md-nav__link").first.focus()
    page.keyboard.press("Escape")
    page.evaluate(SETTLED)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('[data-site-drawer-button]')")
    assert page.locator(".md-sidebar--primary").evaluate("e => e.inert")


# ---------------------------------------------------------------------------------------------
# Thai lines break between words
# ---------------------------------------------------------------------------------------------

# An element's text, cut where its lines are: one string per line, as laid out.
LINES = """element => {
  const lines = [], range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let top = null;
  for (let node; (node = walker.nextNode());) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find(r => r.width > 0);
      if (!rect) { if (lines.length) lines[lines.length - 1] += node.data[i]; continue; }
      if (top === null || rect.top > top + rect.height / 2) { lines.push(''); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""

# Positions in a text where a line may break without cutting a word: between the words the
# build marked in a Thai run (officesite.thai_breaks), and anywhere but inside a Thai run or
# between two Latin letters or digits.
def word_boundaries(text: str) -> set[int]:
    inside = {at for at in range(1, len(text)) if text[at - 1].isalnum() and text[at].isalnum() and text[at - 1].isascii() and text[at].isascii()}
    for run in THAI_RUN.finditer(text):
        inside |= set(range(run.start() + 1, run.end()))
        position = run.start()
        for word in line_words(run.group())[:-1]:
            position += len(word)
            inside.discard(position)
    return set(range(len(text) + 1)) - inside


# Where the issue saw Thai break inside words ("ปฏิบั/ติการ", "ส่วนอำนวย/การ"), and the office's
# name in headings and the drawer: (page, element, text it holds, open the drawer first).
THAI_TEXTS = [
    ("pmqa/category-6/", ".md-nav--primary .md-nav__link--active", "การมุ่งเน้นระบบปฏิบัติการ", True),
    ("about/", ".md-typeset li", "ส่วนอำนวยการ", False),
    ("", ".md-typeset h1", "สำนักงานสิ่งแวดล้อมภาคที่ 13 (ชลบุรี)", False),
    ("", ".md-nav--primary > .md-nav__title", "สำนักงานสิ่งแวดล้อมภาคที่ 13 (ชลบุรี)", True),
    ("news/2018/pmqa-workshop/", ".site-news-post h1", "ประชุมเชิงปฏิบัติการ", False),
    ("pmqa/category-3/", ".md-typeset td", "ผู้มีส่วนได้ส่วนเสีย", False),
]


@pytest.mark.parametrize("font_size", ["large", "largest"])
def test_thai_lines_break_only_between_words(new_context, site_url, font_size):
    context = new_context(**PHONE)
    context.add_init_script(f"localStorage.setItem('reo13.display', {json.dumps(json.dumps({'fontSize': font_size}))})")
    page = context.new_page()
    problems, wrapped = [], 0
    for path, selector, words, drawer in THAI_TEXTS:
        page.goto(site_url + path)
        if drawer:
            page.locator("[data-site-drawer-button]").click()
        page.evaluate(SETTLED)
        element = page.locator(selector).filter(has_text=words).first
        lines = [line for line in element.evaluate(LINES) if line.strip()]
        text = "".join(lines)
        breaks, position = [], 0
        for line in lines[:-1]:
            position += len(line)
            breaks.append(position)
        boundaries = word_boundaries(text)
        inside = [f"{text[:at][-8:]}|{text[at:][:8]}" for at in breaks if at not in boundaries]
        if inside:
            problems.append(f"{path} {selector}: breaks inside words at {inside}")
        wrapped += len(breaks)
    assert wrapped >= len(THAI_TEXTS)  # the texts do wrap on a phone: the check saw line breaks
    assert problems == []


# ---------------------------------------------------------------------------------------------
# The 404 page on a cold cache
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_404_page_renders_in_the_sites_font_on_a_cold_cache(new_context, nginx, lang):
    context = new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    response = page.goto(nginx.url + LANGUAGES.path("no/such/page/", lang), wait_until="load")
    assert response.status == 404
    # Each face is asked for by the page's head (a preload), not once the stylesheet has been
    # read and the text laid out: with font-display: optional a face that comes after the
    # first paint is never used, and on a real network it would come after.
    fonts = page.evaluate("performance.getEntriesByType('resource').filter(e => e.name.endsWith('.woff2')).map(e => [e.name.split('/').pop(), e.initiatorType])")
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    used = {}
    for code in LANGUAGES.codes:
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": f'.site-not-found[lang="{code}"] h1, .site-not-found[lang="{code}"] h1 *'})["nodeIds"]:
            used.setdefault(code, set()).update(font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
    links = page.locator(".site-not-found ul a").all_inner_texts()
    assert fonts and all(initiator == "link" for _, initiator in fonts), fonts
    assert used == {code: {"Sarabun"} for code in LANGUAGES.codes}
    assert len(links) == 3 * len(LANGUAGES.codes)  # news, criteria and search, in each language
