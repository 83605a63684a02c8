"""The Nu Html Checker (npm vnu-jar, on Debian's Java) finds no error in any built page."""

import json
import subprocess

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_page_is_valid_html(site):
    pages = [str(path) for path in site.html_files]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].split(str(site.root))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []
    assert result.returncode == 0
