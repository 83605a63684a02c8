#!/usr/bin/env python3
"""Lighthouse scores of the main page types, served the way production serves them.

    python scripts/lighthouse_report.py [SITE_DIR] [--output report.md] [--mobile] [--pages PATH …]

Builds the site (unless SITE_DIR is given), serves it with nginx and deploy/nginx/ on
127.0.0.1, runs npm lighthouse@12.2.3 (desktop preset, or its mobile default with --mobile: a
phone with 4× slower CPU on a slow 4G network) with CHROME_PATH set to Debian's Chromium on
the home page, the news index, a news post, a criteria page and the calculator (or the given
pages) in both languages, and prints a Markdown table of the four category scores (0-100).
For a post with photos: scripts/photo_posts.py DIR, then this on DIR/site with
--pages news/2026/clean-river-day/.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from nginx_server import NginxServer
from officesite.languages import languages_of_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent

PAGES = ["", "news/", "news/2018/pmqa-workshop/", "pmqa/category-3/", "pmqa/calculator/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


# {page path: {category: score 0-100}} for every page of every language. Lighthouse runs the
# audits of the categories asked for only: performance, which the tests do not assert (it
# depends on the machine), costs about a third of each run.
def lighthouse_scores(base_url: str, work: Path, pages=PAGES, preset: str | None = "desktop", categories=CATEGORIES) -> dict:
    scores = {}
    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    for path in [languages.path(page, lang) for lang in languages.codes for page in pages]:
        result = run_lighthouse(base_url + path, work / "report.json", preset, categories)
        scores["/" + path] = {c: round(result["categories"][c]["score"] * 100) for c in categories}
    return scores


# One Lighthouse report. Lighthouse sometimes fails to record the page load's trace
# (NO_NAVSTART) and asks to be run again: up to ATTEMPTS times.
ATTEMPTS = 3


# `preset`: "desktop", or None for Lighthouse's mobile default.
def run_lighthouse(url: str, report: Path, preset: str | None = "desktop", categories=CATEGORIES) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", *([f"--preset={preset}"] if preset else []), "--output=json", f"--output-path={report}",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(categories)}"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(command, env=env, capture_output=True, text=True)
        if finished.returncode == 0:
            return json.loads(report.read_text(encoding="utf-8"))
        if attempt == ATTEMPTS:
            raise RuntimeError(f"lighthouse failed {ATTEMPTS} times on {url}:\n{finished.stderr[-2000:]}")


def markdown_table(scores: dict) -> str:
    lines = ["| Page | " + " | ".join(CATEGORIES) + " |", "|---|" + "---|" * len(CATEGORIES)]
    lines += [f"| `{page}` | " + " | ".join(str(values[c]) for c in CATEGORIES) + " |" for page, values in scores.items()]
    return "\n".join(lines)


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)], check=True, env=env)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", help="a built site (default: build one)")
    parser.add_argument("--output", help="also write the table to this file")
    parser.add_argument("--mobile", action="store_true", help="Lighthouse's mobile default instead of the desktop preset")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="page paths in the default language (each is measured in every language)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = Path(args.site_dir) if args.site_dir else Path(work) / "site"
        if not args.site_dir:
            build(site)
        server = NginxServer(site, Path(work) / "nginx")
        try:
            table = markdown_table(lighthouse_scores(server.url, Path(work), args.pages, None if args.mobile else "desktop"))
        finally:
            server.stop()
    print(table)
    if args.output:
        Path(args.output).write_text(table + "\n", encoding="utf-8")
