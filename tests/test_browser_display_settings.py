"""Text size and contrast controls, in real Chromium: every control, both languages,
persistence, no flash, system defaults, forced colours, no-JS, print, reflow and axe."""

import json

import pytest

from browser_checks import (
    CONTRAST_RATIO_JS,
    CONTRASTS,
    DISPLAY_KEY,
    FONT_SIZES,
    axe_violations,
    root_display_state,
    store_display_choice,
)
from site_files import DEFAULT, LANGUAGES, OTHER

GROUP_NAMES = {DEFAULT: ("ขนาดอักษร", "การแสดงผล"), OTHER: ("Text size", "Display")}


def settings_button(page, setting, value):
    return page.locator(f'button[data-setting="{setting}"][data-value="{value}"]')


def stored(page):
    return page.evaluate(f"localStorage.getItem({json.dumps(DISPLAY_KEY)})")


@pytest.mark.parametrize("lang", GROUP_NAMES)
def test_every_control_sets_the_root_attribute_and_its_pressed_state(page, site_url, lang):
    page.goto(site_url + LANGUAGES.prefix(lang))
    for group in GROUP_NAMES[lang]:
        assert page.get_by_role("group", name=group).is_visible()
    for setting, values, index in (("fontSize", FONT_SIZES, 0), ("contrast", CONTRASTS, 1)):
        for value in values[1:] + values[:1]:
            button = settings_button(page, setting, value)
            name_before = button.evaluate("b => b.textContent.trim()")
            button.click()
            assert root_display_state(page)[index] == value
            assert button.get_attribute("aria-pressed") == "true"
            others = [settings_button(page, setting, v).get_attribute("aria-pressed") for v in values if v != value]
            assert others == ["false"] * (len(values) - 1)
            assert button.evaluate("b => b.textContent.trim()") == name_before
            assert json.loads(stored(page))[setting] == value


def test_largest_text_is_twice_the_normal_size(page, site_url):
    page.goto(site_url)
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    settings_button(page, "fontSize", "largest").click()
    largest = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert largest == pytest.approx(2 * normal)


def test_controls_are_keyboard_operable_with_visible_focus_and_large_targets(page, site_url):
    page.goto(site_url + LANGUAGES.prefix(OTHER))
    for contrast in CONTRASTS:
        button = settings_button(page, "contrast", contrast)
        button.focus()
        page.keyboard.press("Enter")
        assert root_display_state(page)[1] == contrast
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline = button.evaluate("b => [getComputedStyle(b).outlineStyle, parseFloat(getComputedStyle(b).outlineWidth)]")
        assert outline[0] != "none" and outline[1] >= 2, contrast
    for button in page.locator("button[data-setting]").all():
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_choice_persists_across_navigation_language_switch_and_reload(page, site_url):
    page.goto(site_url)
    settings_button(page, "fontSize", "large").click()
    settings_button(page, "contrast", "yellow-black").click()
    page.goto(site_url + "about/")
    assert root_display_state(page) == ("large", "yellow-black")
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(site_url + LANGUAGES.path("about/", OTHER))
    assert root_display_state(page) == ("large", "yellow-black")
    assert settings_button(page, "contrast", "yellow-black").get_attribute("aria-pressed") == "true"
    page.reload()
    assert root_display_state(page) == ("large", "yellow-black")


def test_choice_follows_in_another_open_tab(new_context, site_url):
    context = new_context(bypass_csp=True)  # for wait_for_function, see conftest.page
    first, second = context.new_page(), context.new_page()
    first.goto(site_url)
    second.goto(site_url + LANGUAGES.path("about/", OTHER))
    settings_button(first, "contrast", "black-white").click()
    second.wait_for_function("document.documentElement.dataset.contrast === 'black-white'")
    assert settings_button(second, "contrast", "black-white").get_attribute("aria-pressed") == "true"


def test_stored_choice_applies_before_any_script_file_runs(new_context, site_url, site):
    context = new_context()
    store_display_choice(context, {"fontSize": "largest", "contrast": "yellow-black"})
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())  # Material's and the toolbar's scripts never run
    page.goto(site_url + LANGUAGES.path("pmqa/", OTHER), wait_until="commit")
    page.wait_for_selector("body")
    assert root_display_state(page) == ("largest", "yellow-black")
    # and the inline script stands in <head> before the first stylesheet
    head = str(site.soup(LANGUAGES.path("pmqa/", OTHER)).head)
    assert head.index("reo13.display") < head.index('rel="stylesheet"')


@pytest.mark.parametrize("corrupt", ["not json", '{"fontSize": "huge", "contrast": 7}', "[1, 2]", "null"])
def test_corrupt_stored_value_is_ignored_and_overwritten(new_context, site_url, corrupt):
    context = new_context()
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem({json.dumps(DISPLAY_KEY)}, {json.dumps(corrupt)}); sessionStorage.setItem('seeded', '1'); }}")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url)
    assert root_display_state(page) == ("normal", "normal")
    assert stored(page) == "{}"
    assert errors == []


def test_system_preference_for_more_contrast_selects_black_white(new_context, site_url):
    context = new_context(contrast="more")
    page = context.new_page()
    page.goto(site_url)
    assert root_display_state(page) == ("normal", "black-white")
    settings_button(page, "contrast", "normal").click()
    page.reload()
    assert root_display_state(page) == ("normal", "normal")  # an explicit choice wins


def test_controls_stay_visible_and_usable_in_forced_colors(new_context, site_url):
    context = new_context(forced_colors="active")
    page = context.new_page()
    page.goto(site_url)
    for button in page.locator("button[data-setting]").all():
        assert button.is_visible()
        assert button.evaluate("b => getComputedStyle(b).borderTopStyle") != "none"
    settings_button(page, "fontSize", "largest").click()
    assert root_display_state(page)[0] == "largest"


def test_without_javascript_the_page_reads_and_controls_are_hidden(new_context, site_url):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "pmqa/category-1/")
    assert page.locator(".site-display").is_hidden()
    assert page.locator("h1").is_visible()
    assert page.locator(".md-content table").first.is_visible()


def test_printing_uses_the_print_style_not_the_contrast_mode(new_context, site_url):
    context = new_context()
    store_display_choice(context, {"contrast": "yellow-black"})
    page = context.new_page()
    page.goto(site_url)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"
    assert page.locator(".site-display").is_hidden()


MODE_COLOURS = {"black-white": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"), "yellow-black": ("rgb(255, 255, 0)", "rgb(0, 0, 0)")}


@pytest.mark.parametrize("contrast", MODE_COLOURS)
def test_body_text_contrast_is_at_least_7_to_1_in_high_contrast_modes(new_context, site_url, contrast):
    context = new_context()
    store_display_choice(context, {"contrast": contrast})
    page = context.new_page()
    common = (".md-typeset p", ".md-nav__link", ".site-header-name", ".site-footer__name", ".site-footer__links a", ".site-display__label", ".site-display__button")
    for path, selectors in (("", common), (LANGUAGES.path("pmqa/category-3/", OTHER), common + (".md-typeset td", ".md-typeset th", ".admonition-title"))):
        page.goto(site_url + path)
        colours = page.evaluate("[getComputedStyle(document.querySelector('.md-typeset p')).color, getComputedStyle(document.body).backgroundColor]")
        assert tuple(colours) == MODE_COLOURS[contrast]
        for selector in selectors:
            ratio = page.locator(selector).first.evaluate(CONTRAST_RATIO_JS)
            assert ratio >= 7, (path, selector, ratio)


def test_pages_reflow_at_320px_and_largest_size(new_context, site, site_url):
    context = new_context(viewport={"width": 320, "height": 640})
    store_display_choice(context, {"fontSize": "largest"})
    page = context.new_page()
    too_wide = []
    for path in site.pages + ["404.html"]:
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append((path, width))
    assert too_wide == []


AXE_PAGES = ["", "pmqa/category-3/", "pmqa/calculator/", "news/", "news/2018/pmqa-workshop/"]


@pytest.mark.parametrize("font_size", ["normal", "largest"])
@pytest.mark.parametrize("contrast", CONTRASTS)
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_axe_finds_no_violation_in_any_mode(new_context, site_url, lang, contrast, font_size):
    context = new_context()
    store_display_choice(context, {"contrast": contrast, "fontSize": font_size})
    page = context.new_page()
    violations = []
    for path in AXE_PAGES:
        page.goto(site_url + LANGUAGES.path(path, lang))
        violations += [f"{path}: {v}" for v in axe_violations(page)]
    assert violations == []
