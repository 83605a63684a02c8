"""scripts/bench.py runs end to end and reports both builds of the same content."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.build  # runs two builds of generated posts
def test_bench_reports_both_configurations_of_the_same_posts():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--posts", "5", "--rounds", "1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for name in ("project", "plain"):
        assert report[name]["median_s"] > 0 and report[name]["peak_memory_bytes"] > 0 and report[name]["output_bytes"] > 0
    # both built every post page in both languages; the project adds its news listings
    assert report["plain"]["pages_built"] >= 2 * 5
    assert report["project"]["pages_built"] > report["plain"]["pages_built"]
    assert report["ratio_project_to_plain"] == round(report["project"]["median_s"] / report["plain"]["median_s"], 3)
