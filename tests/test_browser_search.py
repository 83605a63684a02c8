"""Search in real Chromium, used as readers use it.

Every way text enters the box is searched, on a fresh page with an empty cache: typed with
key events right after opening search (also while the index is still on its way), pasted,
set by an input method's composition, or already in the box when search opens. The query set
of tests/search_queries.py finds, in the top 10, every page whose text contains it (a plain
substring scan of the built pages), and only pages of the reader's language.
"""

import copy
import functools
import http.server
import re
import threading
import time
from urllib.parse import quote, urlsplit

import pytest
from browser_checks import CONTRAST_RATIO_JS, CONTRASTS, SETTLING, axe_violations, store_display_choice
from conftest import CHROMIUM, CHROMIUM_ARGS
from search_queries import ENGLISH_STEMS, QUERY_SETS
from site_files import DEFAULT, LANGUAGES, OTHER

TOP = 10
SEARCH_DELAY = 1.5  # seconds the slow server waits before answering for the index
RESULTS = ".md-search-result__list"
SHOWN = "q => document.querySelector('.md-search-result__list').dataset.query === q"
LINKS = "[...document.querySelectorAll('.md-search-result__link')].map(a => new URL(a.href).pathname)"
CLIPBOARD_WRITE = "text => Promise.race([navigator.clipboard.writeText(text), new Promise((_, no) => setTimeout(() => no(new Error('clipboard: no answer')), 5000))])"


# --- What the built pages say: the expected results ---


def plain(text: str) -> str:
    """Text as the scan compares it: lower case, without whitespace or U+200B."""
    return re.sub(r"[\s\u200b]+", "", text).lower()


@pytest.fixture(scope="module")
def page_texts(site) -> dict[str, dict[str, str]]:
    """Language -> URL path -> the plain text of the page's content, for every searched page."""
    texts = {lang: {} for lang in LANGUAGES.codes}
    for path in site.pages:
        if re.search(r"news/(page|archive/\d{4}|category)/", path):
            continue  # listings of posts, left out of search (the posts are searched)
        article = copy.copy(site.soup(path).select_one("article.md-content__inner"))  # the parsed page is shared: never edit it
        for hidden in article.select("script, style, template, noscript, a.headerlink"):
            hidden.extract()
        texts[site.language_of(path)]["/" + path] = plain(article.get_text(" "))
    return texts


def expected_pages(page_texts, lang, query) -> set[str]:
    return {path for path, text in page_texts[lang].items() if plain(query) in text}


# --- Driving the search box ---


def results_of(page, query, timeout=15_000) -> list[str]:
    """The result links once the list shows `query`'s results: URL paths, best first."""
    page.wait_for_function(SHOWN, arg=query, timeout=timeout)
    return page.evaluate(LINKS)


def open_search(page, url):
    page.goto(url)
    page.wait_for_selector(".site-search--ready", state="attached")  # its script has run: "/" opens search
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def index_arrival(page) -> float:
    """When the index's first file finished arriving, in the page's performance time."""
    return page.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.includes('/search/index.json')).responseEnd"
    )


def home(url, lang):
    return url + LANGUAGES.prefix(lang)


class _SlowSearchHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if "/search/" in self.path:
            time.sleep(SEARCH_DELAY)
        super().do_GET()


@pytest.fixture(scope="module")
def slow_url(site):
    """The built site, with every file of the search index answered SEARCH_DELAY late."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SlowSearchHandler, directory=str(site.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


# --- Every query is answered ---


@pytest.mark.parametrize("delay", [20, 150])
def test_typed_right_after_opening_is_searched_when_the_index_arrives(page, slow_url, page_texts, delay):
    open_search(page, slow_url)
    page.keyboard.type("ชลบุรี", delay=delay)
    typed = page.evaluate("performance.now()")
    links = results_of(page, "ชลบุรี")
    assert index_arrival(page) > typed  # the whole query was in the box before the index
    assert set(links) == expected_pages(page_texts, DEFAULT, "ชลบุรี")
    assert page.locator(".md-search__input").input_value() == "ชลบุรี"


def test_typing_on_while_the_first_results_are_loading(page, slow_url, page_texts):
    open_search(page, slow_url)
    page.keyboard.type("แป้")  # one page: the end of its short list is in view
    # its count is shown: its page's text is on its way (1.5 s) when typing goes on
    page.wait_for_function(
        "() => { const meta = document.querySelector('.md-search-result__meta'); return !Object.values(meta.closest('[data-site-search]').dataset).includes(meta.textContent); }"
    )
    page.keyboard.type("นพิมพ์", delay=50)
    assert set(results_of(page, "แป้นพิมพ์")) == expected_pages(page_texts, DEFAULT, "แป้นพิมพ์")


def test_typed_at_human_speed_once_the_index_is_there(page, site_url, page_texts):
    open_search(page, site_url)
    page.wait_for_load_state("networkidle")
    page.keyboard.type("สิ่งแวดล้อม", delay=150)
    assert set(results_of(page, "สิ่งแวดล้อม")) == expected_pages(page_texts, DEFAULT, "สิ่งแวดล้อม")


def test_pasted_with_the_keyboard(page, site_url, page_texts):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_search(page, site_url)
    page.bring_to_front()  # the clipboard answers the focused page only, and never otherwise
    page.evaluate(CLIPBOARD_WRITE, "ประชุมเชิงปฏิบัติการ")
    page.keyboard.press("Control+V")
    assert set(results_of(page, "ประชุมเชิงปฏิบัติการ")) == expected_pages(page_texts, DEFAULT, "ประชุมเชิงปฏิบัติการ")


def test_inserted_without_any_key_event(page, slow_url, page_texts):
    # What pasting from a menu, dictation or autofill do: an `input` event, no key.
    page.goto(slow_url)
    page.locator(".md-search__input").focus()
    page.keyboard.insert_text("การจัดการความรู้")
    assert set(results_of(page, "การจัดการความรู้")) == expected_pages(page_texts, DEFAULT, "การจัดการความรู้")


def test_set_by_an_input_methods_composition(page, slow_url, page_texts):
    open_search(page, slow_url)
    session = page.context.new_cdp_session(page)
    for partial in ("ช", "ชล", "ชลบุ"):
        session.send("Input.imeSetComposition", {"text": partial, "selectionStart": len(partial), "selectionEnd": len(partial)})
    session.send("Input.insertText", {"text": "ชลบุรี"})  # the input method commits its text
    assert page.evaluate("document.querySelector('.md-search__input').value") == "ชลบุรี"
    assert set(results_of(page, "ชลบุรี")) == expected_pages(page_texts, DEFAULT, "ชลบุรี")


def test_text_in_the_box_before_search_opens_is_searched_when_it_opens(page, slow_url, page_texts):
    page.goto(slow_url)
    page.evaluate("document.querySelector('.md-search__input').value = 'หมวด7'")  # no event at all
    page.keyboard.press("/")
    assert set(results_of(page, "หมวด7")) >= expected_pages(page_texts, DEFAULT, "หมวด7")


@pytest.fixture(scope="module")
def cached_browser(browser):
    """Chromium as readers have it: with its back/forward cache (Playwright turns it off)."""
    cached = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"])
    yield cached
    cached.close()


@pytest.mark.parametrize("back_forward_cache", [False, True])
def test_back_to_a_page_keeps_its_query_and_results(new_context, cached_browser, site_url, back_forward_cache):
    page = new_context(bypass_csp=True, of=cached_browser if back_forward_cache else None).new_page()
    open_search(page, site_url)
    page.keyboard.type("ธรรมาภิบาล", delay=40)
    first = results_of(page, "ธรรมาภิบาล")
    page.keyboard.press("Enter")  # the best result
    page.wait_for_url(lambda url: urlsplit(url).path == first[0])
    page.go_back(wait_until="commit")  # a page from the cache sends no load event
    page.wait_for_function("document.readyState === 'complete' && !!window.siteSearch")
    page.keyboard.press("/")
    assert page.locator(".md-search__input").input_value() == "ธรรมาภิบาล"
    assert results_of(page, "ธรรมาภิบาล") == first


# --- Finding: the query set ---


@pytest.fixture(scope="module")
def search_pages(browser, site_url):
    """One search page per language, opened once: queries replace each other in its box."""
    context = browser.new_context(bypass_csp=True)
    pages = {}
    for lang in LANGUAGES.codes:
        pages[lang] = context.new_page()
        open_search(pages[lang], home(site_url, lang))
    yield pages
    context.close()


def search_for(page, query) -> list[str]:
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(query)
    return results_of(page, query)


@pytest.mark.parametrize("lang", LANGUAGES.codes[:2])
def test_the_query_set_finds_every_page_holding_the_query_and_nothing_else_first(search_pages, page_texts, lang):
    queries, not_found = QUERY_SETS[lang]
    other_roots = tuple("/" + LANGUAGES.prefix(other) for other in LANGUAGES.codes if other != lang and LANGUAGES.prefix(other))
    own_root = "/" + LANGUAGES.prefix(lang)
    missed = []
    for query, why in queries:
        links = search_for(search_pages[lang], query)
        expected = expected_pages(page_texts, lang, query)
        assert expected, f"{query!r} ({why}) is on no page: the query set is out of date"
        top = links[:TOP]
        if not (expected <= set(top) if len(expected) <= TOP else set(top) <= expected):
            missed.append(f"{query!r} ({why}): expected {sorted(expected)}, got {top}")
        if any(link.startswith(other_roots) or not link.startswith(own_root) for link in links):
            missed.append(f"{query!r}: a page of another language in {links}")
    for query in not_found:
        assert not expected_pages(page_texts, lang, query), f"{query!r} is on the site: not a one-character edit"
        links = search_for(search_pages[lang], query)
        if links:
            missed.append(f"{query!r} is on no page but found {links}")
    assert missed == []
    assert len(queries) >= (40 if lang == DEFAULT else 10)


@pytest.mark.parametrize("query, word", ENGLISH_STEMS)
def test_english_words_are_found_by_their_stem(search_pages, page_texts, query, word):
    links = search_for(search_pages[OTHER], query)
    expected = expected_pages(page_texts, OTHER, word)
    assert expected and len(expected) <= TOP and expected <= set(links)


def test_results_show_the_title_first_and_mark_the_text_as_found(search_pages):
    page = search_pages[DEFAULT]
    links = search_for(page, "หมวด7")
    assert links[0] == "/pmqa/category-7/"  # the page whose title holds the query
    marks = page.locator(f"{RESULTS} mark").all_inner_texts()
    assert marks and all(plain(mark) == "หมวด7" for mark in marks)  # "หมวด 7" in the text
    assert page.locator(f"{RESULTS} .md-search-result__item").first.locator("h1 mark").inner_text() == "หมวด 7"


def test_the_result_count_is_announced(search_pages, page_texts):
    page = search_pages[DEFAULT]
    search_for(page, "ธรรมาภิบาล")
    count = len(expected_pages(page_texts, DEFAULT, "ธรรมาภิบาล"))
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
    assert str(count) in page.locator(".md-search-result__meta").inner_text()


# --- The dialog ---


def test_the_index_is_fetched_only_when_search_opens_and_only_its_language(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(home(site_url, OTHER), wait_until="networkidle")
    assert not [url for url in requests if "/search/" in url]
    page.keyboard.press("s")
    page.keyboard.type("workshop", delay=30)
    results_of(page, "workshop")
    fetched = [url for url in requests if "/search/" in url]
    assert fetched and all(url.startswith(home(site_url, OTHER) + "search/") for url in fetched)


def test_keyboard_opens_moves_through_results_and_closes(page, site_url):
    page.goto(site_url + "about/")
    page.locator(".md-content a:visible").first.focus()  # a link in the text (the title's ¶ is not shown)
    before = page.evaluate("document.activeElement.outerHTML")
    assert before.startswith("<a ")
    page.keyboard.press("s")
    page.keyboard.type("คุกกี้", delay=40)
    assert results_of(page, "คุกกี้") == ["/privacy/"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("new URL(document.activeElement.href).pathname") == "/privacy/"
    page.keyboard.press("ArrowDown")  # past the last result: back to the box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.outerHTML") == before  # focus back where it was
    page.keyboard.press("/")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/privacy/")


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# The header's control that opens search on a phone: Material's label, or the site's button.
HEADER_SEARCH = '.md-header__button:is([for="__search"], [data-site-search-button]):visible'
# The focused element, once search's fade has run: whether it is rendered, inside the
# viewport, on top, with a focus ring.
FOCUSED = "async () => {" + SETTLING + """
  const el = document.activeElement, box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const style = getComputedStyle(el);
  return {
    visible: el !== document.body && el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
    onTop: !!hit && el.contains(hit),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,  // thinner in the zoomed header at larger text
  };
}"""


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_search_opened_by_a_tap_on_the_header_gives_focus_back_to_its_button_on_escape(new_context, site_url, lang):
    context = new_context(**PHONE, bypass_csp=True)
    store_display_choice(context, {"fontSize": "largest"})
    page = context.new_page()
    page.goto(site_url + LANGUAGES.path("about/", lang))
    page.wait_for_selector(".site-search--ready", state="attached")
    control = page.locator(HEADER_SEARCH)
    control.tap()
    query = {DEFAULT: "คุกกี้"}.get(lang, "cookie")
    page.keyboard.type(query, delay=40)
    results_of(page, query)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert control.evaluate("e => e === document.activeElement"), page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    assert page.evaluate(FOCUSED) == {"visible": True, "inViewport": True, "onTop": True, "ring": True}
    assert control.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("contrast", CONTRASTS)
def test_open_search_with_results_is_accessible_on_a_phone_in_every_display_mode(new_context, site_url, contrast):
    context = new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True, bypass_csp=True)
    store_display_choice(context, {"fontSize": "largest", "contrast": contrast})
    page = context.new_page()
    page.goto(site_url)
    page.locator(HEADER_SEARCH).click()
    page.keyboard.type("หมวด 7", delay=30)
    results_of(page, "หมวด 7")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert axe_violations(page) == []
    meta = page.locator(".md-search-result__meta")
    assert meta.evaluate(CONTRAST_RATIO_JS) >= 4.5
    box = page.locator(".md-search__input").bounding_box()
    assert box["width"] >= 150  # room for the query between the icons at the largest text size


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_link_with_a_query_opens_search_on_its_results(page, site_url, lang):
    # the 404 page's "search this website" links to ?q= (officesite/not_found.py)
    query = {DEFAULT: "ประชุม"}.get(lang, "workshop")
    page.goto(site_url + LANGUAGES.path("", lang) + "?q=" + quote(query))
    page.wait_for_selector(f'.md-search-result__list[data-query="{query}"] .md-search-result__item')
    assert page.locator(".md-search__input").input_value() == query
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
