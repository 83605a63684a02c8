#!/usr/bin/env python3
"""Compare the site's search with Pagefind on the same query set and the same built site.

    python scripts/search_pagefind_compare.py SITE_DIR [--pagefind VENV/bin/python]

Pagefind is not part of the site: install it apart, e.g.
    python3 -m venv /tmp/pagefind && /tmp/pagefind/bin/pip install "pagefind[extended]==1.5.2"
and pass that interpreter with --pagefind. The script copies SITE_DIR, marks the content
article of every searched page with `data-pagefind-body` (so both index the same text),
runs Pagefind on the copy (timed), serves the copy with nginx and the repository's
configuration, and in Chromium, for each language of tests/search_queries.py:
- a first search on a fresh page: what each search transfers (bytes on the wire);
- the query set: recall in the top 10 against a plain substring scan of the built pages
  (as tests/test_browser_search.py computes it), pages of another language, and results
  for the one-character edits that should find nothing.
A measurement: figures go into README.md ("Search").
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from nginx_server import NginxServer
from officesite.languages import languages_of_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from search_queries import QUERY_SETS  # noqa: E402  (the tests' query set)

ARTICLE = '<article class="md-content__inner md-typeset">'
LISTINGS = re.compile(r"news/(page|archive/\d{4}|category)/")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOP = 10

# One bundle for every language at /pagefind/; it picks the index of the page's <html lang>.
PAGEFIND_SEARCH = """
async query => {
  window.__pagefind = window.__pagefind || await import('/pagefind/pagefind.js');
  const found = await window.__pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 10).map(result => result.data()));
  return top.map(data => new URL(data.url, location.href).pathname);
}
"""
SITE_SEARCH = """
async query => {
  const dialog = document.querySelector('[data-site-search]');
  window.__index = window.__index || new siteSearch.SearchIndex(new URL(dialog.dataset.searchRoot, document.baseURI).href,
    url => fetch(url).then(response => response.json()));
  const search = await window.__index.search(query);
  return (await search.next(10)).map(page => new URL(page.location, new URL(dialog.dataset.searchRoot, document.baseURI)).pathname);
}
"""


def plain(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text).lower()


def searched_pages(site: Path, languages) -> dict[str, dict[str, str]]:
    """Language -> URL path -> plain text of the content, for every page the site searches."""
    texts = {lang: {} for lang in languages.codes}
    for path in sorted(site.rglob("index.html")):
        location = path.relative_to(site).as_posix().removesuffix("index.html")
        if LISTINGS.search(location):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        for hidden in article.select("script, style, template, noscript, a.headerlink"):
            hidden.extract()
        texts[languages.of_path(location)]["/" + location] = plain(article.get_text(" "))
    return texts


def prepare_copy(site: Path, copy: Path, pagefind: str) -> float:
    shutil.copytree(site, copy)
    for path in copy.rglob("index.html"):
        if not LISTINGS.search(path.relative_to(copy).as_posix()):
            path.write_text(path.read_text(encoding="utf-8").replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1), encoding="utf-8")
    # Pagefind compiles WebAssembly in a worker: the site's policy must allow it for Pagefind.
    policy = copy / ".nginx" / "content-security-policy.conf"
    policy.write_text(policy.read_text(encoding="utf-8").replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"), encoding="utf-8")
    started = time.monotonic()
    subprocess.run([pagefind, "-m", "pagefind", "--site", str(copy), "--quiet"], check=True)
    return time.monotonic() - started


def run(page, script: str, query: str) -> list[str]:
    return page.evaluate(script, query)



def evaluate(browser, url: str, script: str, folder: str, lang: str, languages, texts) -> dict:
    queries, not_found = QUERY_SETS[lang]
    own = "/" + languages.prefix(lang)
    others = tuple("/" + languages.prefix(other) for other in languages.codes if other != lang and languages.prefix(other))
    context = browser.new_context(bypass_csp=True)  # the pages' <meta> policy, without 'wasm-unsafe-eval' either
    fetched = []  # (path, bytes on the wire) of every response, the workers' too
    context.on("requestfinished", lambda request: fetched.append((urlsplit(request.url).path, sum(request.sizes()[key] for key in ("responseBodySize", "responseHeadersSize")))))
    transferred = lambda: sum(size for path, size in fetched if path.startswith(folder))  # noqa: E731
    page = context.new_page()
    page.goto(url + languages.prefix(lang), wait_until="networkidle")
    run(page, script, queries[0][0])
    page.wait_for_timeout(500)  # the last requestfinished events arrive after the results
    first_transfer = transferred()
    found = wanted = other_language = 0
    misses = []
    for query, _ in queries:
        expected = {path for path, text in texts[lang].items() if plain(query) in text}
        top = run(page, script, query)[:TOP]
        hits = len(expected & set(top))
        found, wanted = found + hits, wanted + min(len(expected), TOP)
        if hits < min(len(expected), TOP):
            misses.append(f"{query} ({hits}/{min(len(expected), TOP)})")
        other_language += sum(1 for link in top if not link.startswith(own) or link.startswith(others))
    false_hits = [query for query in not_found if run(page, script, query)]
    page.wait_for_timeout(500)
    all_transfer = transferred()
    context.close()
    return {
        "queries": len(queries),
        "recall_top10": f"{found}/{wanted} ({100 * found / wanted:.0f} %)",
        "queries_missing_pages": misses,
        "results_of_another_language": other_language,
        "one_character_edits_found": false_hits,
        "first_search_transfer_bytes": first_transfer,
        "query_set_transfer_bytes": all_transfer,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--pagefind", default="python3", help="a Python with pagefind[extended] installed")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    site = Path(args.site)
    texts = searched_pages(site, languages)
    report = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        seconds = prepare_copy(site, work / "site", args.pagefind)
        bundle = sum(path.stat().st_size for path in (work / "site" / "pagefind").rglob("*") if path.is_file())
        report["pagefind"] = {"index_seconds": round(seconds, 2), "bundle_bytes": bundle}
        server = NginxServer(work / "site", work / "nginx")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for lang in [code for code in languages.codes if code in QUERY_SETS]:
                    folder = f"/{languages.prefix(lang)}search/"
                    report.setdefault("site", {})[lang] = evaluate(browser, server.url, SITE_SEARCH, folder, lang, languages, texts)
                    report["pagefind"][lang] = evaluate(browser, server.url, PAGEFIND_SEARCH, "/pagefind/", lang, languages, texts)
                browser.close()
        finally:
            server.stop()
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
