"""The README's screenshots, taken from the built site in Debian's Chromium.

    .venv/bin/python scripts/screenshots.py            # build the site, write screenshots/*.png
    .venv/bin/python scripts/screenshots.py --site site/   # from a site built already

The home page's first screen of each language on a phone (390 × 844) and a desktop
(1366 × 900), and the phone at the largest text size in the yellow-on-black mode. The
pictures go to screenshots/ at the repository's root, outside docs/: they are not published.
Needs the test tools (scripts/setup.sh --test: Playwright and Chromium).
"""

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DISPLAY_KEY = "reo13.display"  # overrides/partials/display-settings-head.html
# (name, viewport, display choice)
SHOTS = (
    ("phone", {"width": 390, "height": 844}, {}),
    ("desktop", {"width": 1366, "height": 900}, {}),
    ("phone-largest-yellow-black", {"width": 390, "height": 844}, {"fontSize": "largest", "contrast": "yellow-black"}),
)


def build(site_dir: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)]
    subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def take(site_dir: Path, languages) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for name, viewport, choice in SHOTS:
                context = browser.new_context(viewport=viewport)
                context.add_init_script(f"localStorage.setItem({json.dumps(DISPLAY_KEY)}, {json.dumps(json.dumps(choice))})")
                page = context.new_page()
                for lang in languages.codes:
                    # A returning reader's view: the fonts (font-display: optional) are cached. On
                    # a first, slow visit a late face is not used, and this machine has no Thai
                    # system font to stand in for it.
                    page.goto(url + languages.prefix(lang), wait_until="networkidle")
                    page.reload(wait_until="networkidle")
                    page.evaluate("document.fonts.ready.then(() => true)")
                    target = OUT / f"{name}-{lang}.png"
                    page.screenshot(path=target)
                    written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one in a temporary folder)")
    args = parser.parse_args()
    from officesite.languages import languages_of_mkdocs_yml

    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site_dir = args.site or Path(temporary) / "site"
        if args.site is None:
            build(site_dir)
        written = take(site_dir, languages)
    for path in written:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
