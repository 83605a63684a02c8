"""In real Chromium, every page loads from its own origin only, with no failed request or console error."""

from urllib.parse import urlsplit


def test_pages_request_nothing_from_another_origin_and_log_no_error(browser, site, site_url):
    origin = urlsplit(site_url).netloc
    problems = []
    for path in site.pages + ["404.html", "en/404.html"]:
        context = browser.new_context()
        page = context.new_page()
        page.on("request", lambda request: urlsplit(request.url).netloc in (origin, "") or problems.append(f"{path}: other origin {request.url}"))
        page.on("requestfailed", lambda request: problems.append(f"{path}: failed {request.url}"))
        page.on("console", lambda message: message.type == "error" and problems.append(f"{path}: console {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"{path}: script error {error}"))
        page.goto(site_url + path, wait_until="networkidle")
        context.close()
    assert problems == []
