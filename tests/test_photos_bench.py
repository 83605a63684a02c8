"""scripts/photo_bench.py reports a cold and a warm run of the same photos; scripts/bench.py
reports the build with photos, cold and warm, against the build without."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from photo_bench import run_benchmark, write_phone_photos


def test_the_photo_benchmark_reports_cold_and_warm_runs_and_the_cache(tmp_path):
    sources = write_phone_photos(tmp_path / "photos", 2, size=(1000, 750))
    report = run_benchmark(sources, tmp_path / "cache", workers=2)
    assert (report["photos"], report["workers"]) == (2, 2)
    assert report["cold_s"] > report["warm_s"] > 0 and report["cold_cpu_s_per_photo"] > 0
    assert report["cache_bytes"] == sum(path.stat().st_size for path in (tmp_path / "cache").rglob("*") if path.is_file())
    assert sorted(report["median_kb"]) == sorted(["480.avif", "800.avif", "480.webp", "800.webp", "480.jpg", "800.jpg", "open-graph.jpg"])


@pytest.mark.gate  # the build budget's tool with photos: three builds of generated posts
def test_the_build_benchmark_with_photos_reports_cold_warm_and_without_photos_builds_and_the_cache():
    command = [sys.executable, str(ROOT / "scripts" / "bench.py"), "--posts", "3", "--rounds", "1", "--photo-posts", "1", "--photos-per-post", "2", "--photo-size", "800x600"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["photos"], report["photo_size"]) == (2, "800x600") and report["cold_s"] > 0 and report["cache_bytes"] > 0
    assert report["warm"]["pages_built"] == report["without_photos"]["pages_built"]
    assert report["warm"]["output_bytes"] > report["without_photos"]["output_bytes"]  # the photos' files, published
    assert report["ratio_warm_to_without_photos"] == round(report["warm"]["median_s"] / report["without_photos"]["median_s"], 3)
