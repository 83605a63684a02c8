"""Gates in real Chromium through nginx (deploy/nginx/, CSP header included), on every page:
no console error or CSP violation, no request to another origin, zero axe violations, and
page budgets for the main page types. Each page is visited once, with the real CSP, and every
gate reads that one visit; the budget pages in a fresh browser context each (a first visit,
cold cache), the others one after another in one context, as a reader browses."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from browser_checks import axe_violations
from site_files import LANGUAGES

RECORD_CSP_VIOLATIONS = "addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`))"
# Layout shifts are reported to observers only: one that buffers them from the start.
OBSERVE_LAYOUT_SHIFTS = "new PerformanceObserver(() => {}).observe({type: 'layout-shift', buffered: true})"

BUDGET_PAGES = ["", "news/", "news/2018/pmqa-workshop/", "pmqa/category-3/", "pmqa/calculator/"]
BUDGET_PATHS = [LANGUAGES.path(page, lang) for lang in LANGUAGES.codes for page in BUDGET_PAGES]
BUDGET_BYTES = 250_000

# What a page transferred and shifted, once it has settled: the visit waits for the network to
# be idle; late shifts come from fonts and deferred scripts, so this waits for the fonts and
# two frames after them before reading.
MEASURE = """
async () => {
  await document.fonts.ready;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const shifts = performance.getEntriesByType('layout-shift').filter(e => !e.hadRecentInput);
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  return {
    transferred: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    blocking: resources.filter(r => r.renderBlockingStatus === 'blocking').map(r => [r.name, r.initiatorType]),
    cls: shifts.reduce((sum, e) => sum + e.value, 0),
  };
}
"""


def all_pages(site):
    return site.pages + [LANGUAGES.path("404.html", lang) for lang in LANGUAGES.codes]


@dataclass
class Visit:
    status: int
    problems: list[str]  # console errors, failed requests, requests to other origins, script errors
    csp_violations: list[str]
    axe_violations: list[str]
    measured: dict | None  # the page budget's figures, for BUDGET_PATHS


def watch(page, origin: str) -> list[str]:
    """Record what goes wrong on a page: console errors, failed requests and requests to other origins."""
    problems = []
    page.on("request", lambda r: urlsplit(r.url).netloc in (origin, "") or problems.append(f"other origin: {r.url}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    return problems


def new_watched_page(context, base_url: str):
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    context.add_init_script(OBSERVE_LAYOUT_SHIFTS)
    page = context.new_page()
    return page, watch(page, urlsplit(base_url).netloc)


def visit(page, problems: list[str], base_url: str, path: str) -> Visit:
    problems.clear()
    response = page.goto(base_url + path, wait_until="networkidle")
    measured = page.evaluate(MEASURE) if path in BUDGET_PATHS else None
    seen = list(problems), page.evaluate("window.__cspViolations || []")  # the page's own, before axe runs
    return Visit(response.status, *seen, axe_violations(page), measured)


@pytest.fixture(scope="module")
def visits(browser, nginx, site) -> dict[str, Visit]:
    """Every page of the site, visited once."""
    visits = {}
    browsing = browser.new_context()
    try:
        page, problems = new_watched_page(browsing, nginx.url)
        for path in all_pages(site):
            if path in BUDGET_PATHS:
                first_visit = browser.new_context()
                try:
                    visits[path] = visit(*new_watched_page(first_visit, nginx.url), nginx.url, path)
                finally:
                    first_visit.close()
            else:
                visits[path] = visit(page, problems, nginx.url, path)
    finally:
        browsing.close()
    return visits


def test_no_page_logs_an_error_violates_the_csp_or_leaves_the_origin(visits):
    problems = []
    for path, seen in visits.items():
        expected_status = 404 if path.endswith("404.html") else 200
        assert seen.status in (expected_status, 200), path
        problems += [f"{path}: {p}" for p in seen.problems]
        problems += [f"{path}: CSP {v}" for v in seen.csp_violations]
    assert problems == []


def test_axe_finds_no_violation_on_any_page(visits):
    violations = [f"{path}: {v}" for path, seen in visits.items() for v in seen.axe_violations]
    assert violations == []


@pytest.mark.parametrize("path", BUDGET_PATHS)
def test_page_budget(visits, nginx, path):
    measured = visits[path].measured
    assert measured["transferred"] <= BUDGET_BYTES, measured
    own_css = [name for name, kind in measured["blocking"] if name.startswith(nginx.url) and urlsplit(name).path.endswith(".css")]
    assert own_css == [name for name, _ in measured["blocking"]], measured["blocking"]
    assert measured["cls"] == 0, measured


@pytest.fixture
def watched_page(new_context, nginx):
    """A page that records console errors, failed requests and requests to other origins."""
    context = new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.problems = watch(page, urlsplit(nginx.url).netloc)
    return page


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def test_search_and_calculator_work_under_the_csp(watched_page, nginx):
    watched_page.goto(nginx.url + "pmqa/calculator/", wait_until="networkidle")
    watched_page.check('input[name="item-1.1"][value="basic"]')
    with watched_page.expect_download():
        watched_page.locator('[data-pmqa-action="export-json"]').click()
    watched_page.keyboard.press("/")
    watched_page.keyboard.type("ประชุม", delay=30)
    watched_page.wait_for_selector('.md-search-result__list[data-query="ประชุม"] .md-search-result__item')
    assert watched_page.problems == [] and csp_violations(watched_page) == []
