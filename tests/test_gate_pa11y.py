"""A second accessibility oracle: HTML_CodeSniffer (npm pa11y, runner htmlcs, standard
WCAG2AA, on Debian's Chromium) finds no error on any page of either language, the 404 pages
included. axe (tests/test_gate_browser.py) and HTML_CodeSniffer test different rules."""

import json
import subprocess

from conftest import ROOT
from site_files import LANGUAGES

RUNNER = ROOT / "tests" / "pa11y_pages.cjs"


def test_pa11y_finds_no_error_on_any_page(nginx, site):
    paths = site.pages + [LANGUAGES.path("404.html", lang) for lang in LANGUAGES.codes]
    result = subprocess.run(
        ["node", str(RUNNER)], input="\n".join(nginx.url + path for path in paths), capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert sorted(found) == sorted(nginx.url + path for path in paths)
    errors = [f"{url.removeprefix(nginx.url) or '/'}: {issue['code']} {issue['selector']}" for url, issues in found.items() for issue in issues]
    assert errors == []
