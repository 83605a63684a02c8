#!/usr/bin/env python3
"""Measure what the home page transfers, before and after the reader opens search.

    python scripts/page_weight.py SITE_DIR [--posts N] [--path PATH] [--phone]

Serves SITE_DIR (a built site) on 127.0.0.1, opens each language's home page (or PATH) in
Debian's Chromium, records every response, and reports their sizes compressed with gzip
(level 6, as nginx serves them; photos, already compressed, count about their own size)
before any interaction and after typing a query into search. With --posts N it first builds a
temporary copy of this site with N generated posts per language (scripts/sample_news.py) and
measures that instead. --phone opens the page as a phone does, 390×844 at DPR 2 (the photo
budgets: scripts/photo_posts.py makes a site to measure).
"""

import argparse
import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from officesite.languages import languages_of_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
# What is typed into search on each language's home page: a word of that language the site
# holds; "PMQA" for a language not listed.
SEARCH_WORDS = {"th": "ประชุม", "en": "workshop"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def serve(site_dir: Path):
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def measure(site_dir: Path, page_path: str = "", phone: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    server, base = serve(site_dir)
    report = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
        for lang, path, query in ((lang, languages.path(page_path, lang), SEARCH_WORDS.get(lang, "PMQA")) for lang in languages.codes):
            page = browser.new_page(**(PHONE if phone else {}))
            fetched: list[str] = []
            page.on("response", lambda response: fetched.append(response.url))
            page.goto(base + path, wait_until="networkidle")
            before = list(fetched)
            page.keyboard.press("/")
            page.keyboard.type(query, delay=30)
            page.wait_for_selector(f".md-search-result__list[data-query={json.dumps(query, ensure_ascii=False)}]", state="attached")
            page.wait_for_load_state("networkidle")
            size = lambda urls: sum(gzip_size(site_dir / unquote(urlsplit(u).path.lstrip("/")) / ("index.html" if u.endswith("/") else "")) for u in urls)  # noqa: E731
            report[lang] = {"before_search_gzip_bytes": size(before), "after_search_gzip_bytes": size(fetched), "requests_before": len(before), "requests_after": len(fetched)}
            page.close()
        browser.close()
    server.shutdown()
    return report


def build_with_posts(posts: int, work: Path) -> Path:
    from sample_news import write_sample_posts
    from site_copy import copy_site

    project = copy_site(work / "project")
    write_sample_posts(project / "docs", posts)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(work / "site")], check=True)
    return work / "site"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", help="a built site (default: build this one with --posts)")
    parser.add_argument("--posts", type=int, default=None, help="generated posts per language")
    parser.add_argument("--path", default="", help="the page, in the default language (default: the home page)")
    parser.add_argument("--phone", action="store_true", help="390×844 at DPR 2, as a phone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = build_with_posts(args.posts, Path(work)) if args.posts is not None else Path(args.site_dir)
        print(json.dumps(measure(site, args.path, args.phone), indent=2))
