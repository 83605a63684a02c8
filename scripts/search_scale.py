#!/usr/bin/env python3
"""Measure search at scale: the index's size, what a first search transfers, how fast it answers.

    python scripts/search_scale.py [--posts 100 1000 5000] [--site SITE_DIR]

For each number of posts, builds a temporary copy of this site with that many generated posts
per language (scripts/sample_news.py; --site measures an already built site instead), serves it
with nginx and the repository's configuration (gzip as in production), and for each language
and query, in Chromium with 4x CPU throttling and a fresh, empty cache:
- loads the home page and checks that nothing of the search index is fetched;
- opens search with "/" and types the query with key events, as a reader would (and again,
  pasting it, so that every file it needs is asked for once the whole query is there);
- reports the search files the first search fetched (bytes on the wire, as nginx sent them)
  and the time from the arrival of the last of them to its results on screen.
A measurement, not a test: figures go into README.md ("Search") with the date and command.
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nginx_server import NginxServer
from officesite.languages import languages_of_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
# What is typed on each language's home page: a word in nearly every generated post, a phrase
# from their sentences, a word part in the middle of a compound (Thai), a post's own title.
QUERIES = {
    "th": ["ประชุม", "ส่วนควบคุมคุณภาพ", "วดล้อม", "ข่าวตัวอย่างที่ 77"],
    "en": ["workshop", "quality control", "knowledge management", "Sample news 77"],
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CPU_SLOWDOWN = 4
TYPING_DELAY_MS = 60
# Records when the box last changed, and when the result list first shows each query's results
# (search.js sets data-query).
WATCH_RESULTS = """
window.__shown = {};
document.addEventListener('input', () => { window.__typed = performance.now(); }, true);
document.addEventListener('DOMContentLoaded', () => {
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => {
    const query = list.dataset.query;
    if (query && !(query in window.__shown)) window.__shown[query] = performance.now();
  }).observe(list, {attributes: true, attributeFilter: ['data-query']});
});
"""
SEARCH_ENTRIES = """
() => performance.getEntriesByType('resource')
  .filter(e => new URL(e.name).pathname.includes('/search/'))
  .map(e => ({path: new URL(e.name).pathname, transfer: e.transferSize, body: e.encodedBodySize, end: e.responseEnd}))
"""


def index_size(site: Path, prefix: str) -> dict:
    files = sorted((site / prefix / "search").glob("*.json"))
    raw = [path.read_bytes() for path in files]
    return {"files": len(files), "bytes": sum(map(len, raw)), "gzip_bytes": sum(len(gzip.compress(data, 6)) for data in raw)}


def measure_query(browser, url: str, query: str, typed: bool) -> dict:
    context = browser.new_context(bypass_csp=True)  # the watch scripts are the measurement's own
    context.add_init_script(WATCH_RESULTS)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".site-search--ready", state="attached")  # its script has run: "/" opens search
    before_opening = page.evaluate(SEARCH_ENTRIES)
    page.keyboard.press("/")
    if typed:
        page.keyboard.type(query, delay=TYPING_DELAY_MS)
    else:
        page.keyboard.insert_text(query)  # pasted: every file it needs is asked for after it
    page.wait_for_function("q => q in window.__shown", arg=query, timeout=60_000)
    shown, last_input = page.evaluate("q => [window.__shown[q], window.__typed]", query)
    entries = [entry for entry in page.evaluate(SEARCH_ENTRIES) if entry["end"] <= shown]
    count = page.locator(".md-search-result__meta").inner_text()
    context.close()
    return {
        "query": query,
        "entered": "typed" if typed else "pasted",
        "search_files_before_opening": len(before_opening),
        "files": len(entries),
        "transfer_bytes": sum(entry["transfer"] for entry in entries),
        "body_bytes": sum(entry["body"] for entry in entries),
        # from when both the whole query and the last file it needed were there
        "ms_to_results": round(shown - max(last_input, *(entry["end"] for entry in entries))),
        "ms_after_last_key": round(shown - last_input),
        "count": count,
    }


def measure(site: Path, work: Path) -> dict:
    from playwright.sync_api import sync_playwright

    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    server = NginxServer(site, work / "nginx")
    report = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for lang in languages.codes:
                prefix = languages.prefix(lang)
                report[lang] = {
                    "index": index_size(site, prefix),
                    "queries": [
                        measure_query(browser, server.url + prefix, query, typed)
                        for query in QUERIES.get(lang, ["PMQA"])
                        for typed in (True, False)
                    ],
                }
            browser.close()
    finally:
        server.stop()
    return report


def build_with_posts(posts: int, work: Path) -> tuple[Path, float]:
    from sample_news import write_sample_posts
    from site_copy import copy_site

    project = copy_site(work / "project")
    write_sample_posts(project / "docs", posts)
    started = time.monotonic()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(work / "site")]
    subprocess.run(command, check=True, env={"NO_MKDOCS_2_WARNING": "1", **os.environ})
    return work / "site", time.monotonic() - started


def table(results: dict) -> str:
    lines = [
        "| Posts per language | Language | Index: files, size (gzip) | Query | First search: files, transfer | Results: after query and files are there / after the last key |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for posts, report in results.items():
        for lang, measured in report["languages"].items():
            index = measured["index"]
            for query in measured["queries"]:
                lines.append(
                    f"| {posts} | {lang} | {index['files']}, {index['bytes'] / 1e6:.1f} MB ({index['gzip_bytes'] / 1e3:.0f} kB) "
                    f"| `{query['query']}` {query['entered']} | {query['files']}, {query['transfer_bytes'] / 1e3:.1f} kB "
                    f"| {query['ms_to_results']} ms / {query['ms_after_last_key']} ms |"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="*", default=[100, 1000, 5000], help="generated posts per language")
    parser.add_argument("--site", help="measure this built site instead of generated ones")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        if args.site:
            results["site"] = {"languages": measure(Path(args.site), work)}
        for posts in [] if args.site else args.posts:
            folder = work / str(posts)
            site, seconds = build_with_posts(posts, folder)
            results[posts] = {"build_seconds": round(seconds, 1), "languages": measure(site, folder)}
            print(f"{posts} posts per language: built in {seconds:.0f} s", file=sys.stderr)
    # The machine's load skews the timings: say what it was.
    print(f"load average (1, 5, 15 min): {os.getloadavg()}", file=sys.stderr)
    failures = [
        f"{posts} {lang} {query['query']}: {query['search_files_before_opening']} search files before opening"
        for posts, report in results.items()
        for lang, measured in report["languages"].items()
        for query in measured["queries"]
        if query["search_files_before_opening"]
    ]
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(table(results))
    if failures:
        sys.exit("\n".join(failures))
