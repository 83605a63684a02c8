"""scripts/bench.py runs end to end: both configurations of the same posts, and mkdocs serve's
save-to-reload with every language and with the default language alone."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT


# The build budget's measuring tool, run end to end: a gate (two builds and two mkdocs serve),
# kept out of the quick loop of `-m "unit or build"`.
@pytest.mark.gate
def test_bench_reports_both_configurations_and_serve_rebuilds():
    command = [sys.executable, str(ROOT / "scripts" / "bench.py"), "--posts", "3", "--rounds", "1", "--serve", "--serve-rounds", "1"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for name in ("project", "plain"):
        assert report[name]["median_s"] > 0 and report[name]["cpu_median_s"] > 0
        assert report[name]["peak_memory_bytes"] > 0 and report[name]["output_bytes"] > 0
    # both built every post page in both languages; the project adds its news listings
    assert report["plain"]["pages_built"] >= 2 * 3
    assert report["project"]["pages_built"] > report["plain"]["pages_built"]
    assert report["ratio_project_to_plain"] == round(report["project"]["median_s"] / report["plain"]["median_s"], 3)
    assert report["cpu_ratio_project_to_plain"] == round(report["project"]["cpu_median_s"] / report["plain"]["cpu_median_s"], 3)
    # one round: the same ratio (but for the medians' rounding to milliseconds)
    assert report["cpu_ratio_median_of_rounds"] == pytest.approx(report["cpu_ratio_project_to_plain"], abs=0.01)
    # a save was served rebuilt, by a server of every language and by one of the default language
    assert report["serve_saves"] == 1
    for serve in ("serve_rebuild", "serve_rebuild_default_language"):
        assert 0 < report[serve]["min_s"] == report[serve]["median_s"] == report[serve]["max_s"]
        assert 0 < report[serve]["cpu_median_s"] < report[serve]["median_s"] * 2  # one process: at most both cores


# The instruction count is read from valgrind's summary line; without valgrind, one line says so.
@pytest.mark.unit
def test_instruction_counts_read_valgrinds_summary_and_name_a_missing_valgrind(tmp_path, monkeypatch):
    import bench

    assert bench.INSTRUCTIONS.search("==123== \n==123== I   refs:      19,447,169,650\n").group(1) == "19,447,169,650"
    monkeypatch.setenv("PATH", str(tmp_path))  # no valgrind here
    with pytest.raises(SystemExit, match="^bench.py: --instructions: expected valgrind on PATH"):
        bench.instruction_counts({"project": tmp_path}, tmp_path)
