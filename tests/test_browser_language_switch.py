"""In real Chromium, the language switch leads to the same page in the other language."""

from site_files import DEFAULT, LANGUAGES, OTHER


def heading(page):
    """The page's h1 text, without its permalink sign."""
    return page.locator("h1").first.inner_text().rstrip("¶").strip()


def switch_language(page, name):
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def test_switch_from_the_thai_home_page_to_the_english_one(page, site_url):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == DEFAULT
    switch_language(page, "English")
    assert page.url == site_url + LANGUAGES.prefix(OTHER)
    assert page.locator("html").get_attribute("lang") == OTHER
    assert heading(page) == "Regional Environment Office 13 (Chonburi)"


def test_switch_from_an_inner_page_to_its_english_twin_and_back(page, site_url):
    page.goto(site_url + "about/")
    switch_language(page, "English")
    assert page.url == site_url + LANGUAGES.path("about/", OTHER)
    assert heading(page) == "About the office"
    switch_language(page, "ไทย")
    assert page.url == site_url + "about/"
    assert page.locator("html").get_attribute("lang") == DEFAULT
