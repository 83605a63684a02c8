"""Gates in real Chromium through nginx (deploy/nginx/, CSP header included), on every page:
no console error or CSP violation, no request to another origin, zero axe violations, and
page budgets for the main page types."""

from urllib.parse import urlsplit

import pytest

from browser_checks import axe_violations
from site_files import LANGUAGES

RECORD_CSP_VIOLATIONS = "addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`))"


def all_pages(site):
    return site.pages + [LANGUAGES.path("404.html", lang) for lang in LANGUAGES.codes]


@pytest.fixture
def watched_page(browser, nginx):
    """A page that records console errors, failed requests and requests to other origins."""
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.problems = []
    origin = urlsplit(nginx.url).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc in (origin, "") or page.problems.append(f"other origin: {r.url}"))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url} {r.failure}"))
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    yield page
    context.close()


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def test_no_page_logs_an_error_violates_the_csp_or_leaves_the_origin(watched_page, nginx, site):
    problems = []
    for path in all_pages(site):
        watched_page.problems.clear()
        response = watched_page.goto(nginx.url + path, wait_until="networkidle")
        expected_status = 404 if path.endswith("404.html") else 200
        assert response.status in (expected_status, 200), path
        problems += [f"{path}: {p}" for p in watched_page.problems]
        problems += [f"{path}: CSP {v}" for v in csp_violations(watched_page)]
    assert problems == []


def test_search_and_calculator_work_under_the_csp(watched_page, nginx):
    watched_page.goto(nginx.url + "pmqa/calculator/", wait_until="networkidle")
    watched_page.check('input[name="item-1.1"][value="basic"]')
    with watched_page.expect_download():
        watched_page.locator('[data-pmqa-action="export-json"]').click()
    watched_page.keyboard.press("/")
    watched_page.keyboard.type("ประชุม", delay=30)
    watched_page.wait_for_selector('.md-search-result__list[data-query="ประชุม"] .md-search-result__item')
    assert watched_page.problems == [] and csp_violations(watched_page) == []


def test_axe_finds_no_violation_on_any_page(browser, nginx, site):
    page = browser.new_page(bypass_csp=True)  # axe is injected as a script of the test's own
    violations = []
    for path in all_pages(site):
        page.goto(nginx.url + path)
        violations += [f"{path}: {v}" for v in axe_violations(page)]
    page.close()
    assert violations == []


BUDGET_PAGES = ["", "news/", "news/2018/pmqa-workshop/", "pmqa/category-3/", "pmqa/calculator/"]
BUDGET_BYTES = 250_000

MEASURE = """
async () => {
  await new Promise(resolve => setTimeout(resolve, 1000));  // late layout shifts and requests
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


@pytest.mark.parametrize("path", [LANGUAGES.path(page, lang) for lang in LANGUAGES.codes for page in BUDGET_PAGES])
def test_page_budget(browser, nginx, path):
    context = browser.new_context()
    context.add_init_script("new PerformanceObserver(() => {}).observe({type: 'layout-shift', buffered: true})")
    page = context.new_page()
    page.goto(nginx.url + path, wait_until="networkidle")
    measured = page.evaluate(MEASURE)
    context.close()
    assert measured["transferred"] <= BUDGET_BYTES, measured
    own_css = [name for name, kind in measured["blocking"] if name.startswith(nginx.url) and urlsplit(name).path.endswith(".css")]
    assert own_css == [name for name, _ in measured["blocking"]], measured["blocking"]
    assert measured["cls"] == 0, measured
