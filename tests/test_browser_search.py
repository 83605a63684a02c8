"""Search in real Chromium: Thai queries find Thai words anywhere in Thai text, results stay in
the reader's language, and the index is downloaded only when the reader opens search."""

import pytest
from site_files import LANGUAGES, OTHER

TOP = 8
OTHER_ROOT = "/" + LANGUAGES.prefix(OTHER)  # where the English pages are


def search(page, query) -> list[str]:
    """Type a query into Material's search box; return the result links, best first."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
        " && !document.querySelector('.md-search-result__meta').textContent.includes('…')",
        arg=query,
    )
    page.wait_for_timeout(300)  # the worker answers asynchronously; let the list settle
    return page.evaluate(
        "[...document.querySelectorAll('.md-search-result__item > .md-search-result__link')].map(a => new URL(a.href).pathname)"
    )


def top_pages(links) -> list[str]:
    pages = []
    for link in links:
        if link not in pages:
            pages.append(link)
    return pages[:TOP]


@pytest.fixture
def thai_page(page, site_url):
    page.goto(site_url + "about/")
    return page


@pytest.mark.parametrize(
    "query, expected_page",
    [
        ("สำนักงาน", "/about/"),  # at the start of a run: "สำนักงานประกอบด้วยสามส่วนงาน"
        ("คุณภาพ", "/about/"),  # in the middle: "ส่วนควบคุมคุณภาพสิ่งแวดล้อม"
        ("สิ่งแวดล้อม", "/about/"),  # at the end: "ส่วนยุทธศาสตร์และแผนสิ่งแวดล้อม"
        ("ประชุม", "/news/2018/pmqa-workshop/"),
        ("ประชุมเชิงปฏิบัติการ", "/news/2018/pmqa-workshop/"),
        ("การจัดการความรู้", "/pmqa/category-4/"),
        ("ระบบราชการ 4.0", "/pmqa/"),
        ("หมวด7", "/pmqa/category-7/"),
        ("สิ่งแวด", "/about/"),  # a prefix of a word still matches
    ],
)
def test_thai_queries_find_thai_pages(thai_page, query, expected_page):
    links = search(thai_page, query)
    assert expected_page in top_pages(links), links
    assert not any(link.startswith(OTHER_ROOT) for link in links)


def test_a_thai_word_absent_from_the_site_finds_nothing(thai_page):
    assert search(thai_page, "แมวน้ำ") == []


@pytest.mark.parametrize(
    "query, expected_page",
    [("workshop", OTHER_ROOT + "news/2018/pmqa-workshop/"), ("privacy", OTHER_ROOT + "privacy/"), ("Knowledge Management", OTHER_ROOT + "pmqa/category-4/")],
)
def test_english_queries_find_english_pages_only(page, site_url, query, expected_page):
    page.goto(site_url + LANGUAGES.path("about/", OTHER))
    links = search(page, query)
    assert expected_page in top_pages(links), links
    assert links and all(link.startswith(OTHER_ROOT) for link in links)


def test_thai_text_on_english_pages_is_searchable_there(page, site_url):
    page.goto(site_url + LANGUAGES.path("about/", OTHER))
    links = search(page, "สิ่งแวดล้อม")
    assert OTHER_ROOT + "about/" in top_pages(links) and all(link.startswith(OTHER_ROOT) for link in links)


def test_the_index_is_fetched_only_when_search_opens(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    assert not any("search_index.json" in url for url in requests)
    search(page, "ประชุม")
    assert [url for url in requests if "search_index.json" in url] == [site_url + "search/search_index.json"]


def test_keyboard_shortcut_opens_search_and_results_are_highlighted(thai_page):
    thai_page.keyboard.press("/")
    assert thai_page.evaluate("document.activeElement.classList.contains('md-search__input')")
    search(thai_page, "ประชุม")
    assert thai_page.locator(".md-search-result mark").first.inner_text() == "ประชุม"
