"""scripts/photo_bench.py reports a cold and a warm run of the same photos."""

from photo_bench import run_benchmark, write_phone_photos


def test_the_photo_benchmark_reports_cold_and_warm_runs_and_the_cache(tmp_path):
    sources = write_phone_photos(tmp_path / "photos", 2, size=(1000, 750))
    report = run_benchmark(sources, tmp_path / "cache", workers=2)
    assert (report["photos"], report["workers"]) == (2, 2)
    assert report["cold_s"] > report["warm_s"] > 0 and report["cold_cpu_s_per_photo"] > 0
    assert report["cache_bytes"] == sum(path.stat().st_size for path in (tmp_path / "cache").rglob("*") if path.is_file())
    assert sorted(report["median_kb"]) == sorted(["480.avif", "800.avif", "480.webp", "800.webp", "480.jpg", "800.jpg", "open-graph.jpg"])
