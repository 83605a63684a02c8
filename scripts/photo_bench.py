#!/usr/bin/env python3
"""Photo pipeline benchmark: N phone photos processed cold (empty cache), then warm.

    python scripts/photo_bench.py --photos 8 [--workers 2] [--compare-workers]

Writes N distinct 4000×3000 phone JPEGs (scripts/photo_samples.py: one natural-looking
scene, each copy marked differently, EXIF orientation 6 with GPS) into a temporary folder,
runs officesite.photos.process_photos on them with an empty cache, then again, and prints a
JSON report: seconds cold and warm (and per photo; CPU seconds per photo cold), the cache's
size, and the median bytes of each format at each width. --compare-workers also times a cold run with 1 worker process
(AVIF using every core) against one worker per core (AVIF on one thread each).
scripts/bench.py can call write_phone_photos() and run_benchmark() for its posts.
"""

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from officesite.photos.batch import process_photos
from photo_samples import natural_photo, phone_jpeg


# `count` distinct phone photos of one scene in `folder`; returns their paths.
def write_phone_photos(folder: Path, count: int, size: tuple[int, int] = (4000, 3000)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    scene = natural_photo(*size)
    paths = []
    for index in range(count):
        photo = scene.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if index % 2 else scene.copy()
        x = (index * 397) % (size[0] - 200)
        ImageDraw.Draw(photo).rectangle((x, size[1] // 2, x + 200, size[1] // 2 + 150), fill=(index * 37 % 256, 80, 160))
        paths.append(phone_jpeg(folder / f"IMG_{index:04d}.jpg", photo, orientation=6))
    return paths


# Process `sources` into `cache_dir` cold, then warm; the figures of both runs.
def run_benchmark(sources: list[Path], cache_dir: Path, workers: int | None = None) -> dict:
    started, cpu = time.perf_counter(), cpu_seconds()
    cold = process_photos(sources, cache_dir, workers)
    cold_s, cold_cpu = time.perf_counter() - started, cpu_seconds() - cpu
    started = time.perf_counter()
    warm = process_photos(sources, cache_dir, workers)
    warm_s = time.perf_counter() - started
    if cold.problems or warm.made:
        raise SystemExit(f"photo_bench: unexpected result: {cold.problems or warm.made}")
    sizes: dict[str, list[int]] = {}
    for photo in cold.photos.values():
        for variant in (*photo.variants, photo.open_graph):
            label = "open-graph.jpg" if variant is photo.open_graph else f"{variant.width}.{variant.format}"
            sizes.setdefault(label, []).append(variant.size)
    return {
        "photos": len(sources),
        "workers": workers or len(os.sched_getaffinity(0)),
        "cold_s": round(cold_s, 2),
        "cold_s_per_photo": round(cold_s / len(sources), 3),
        "cold_cpu_s_per_photo": round(cold_cpu / len(sources), 3),
        "warm_s": round(warm_s, 4),
        "warm_s_per_photo": round(warm_s / len(sources), 5),
        "cache_bytes": folder_bytes(cache_dir),
        "median_kb": {label: round(statistics.median(values) / 1024, 1) for label, values in sorted(sizes.items(), key=_by_format_and_width)},
    }


def _by_format_and_width(item):
    width, _, extension = item[0].partition(".")
    return extension, int(width) if width.isdigit() else 0


# CPU time of this process and of its finished worker processes: unlike wall time, it does
# not depend on what else the machine is running.
def cpu_seconds() -> float:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--compare-workers", action="store_true", help="also time a cold run with a single worker process")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="photo-bench-") as temporary:
        folder = Path(temporary)
        sources = write_phone_photos(folder / "photos", options.photos)
        report = {"source_kb": round(statistics.median(path.stat().st_size for path in sources) / 1024)}
        report |= run_benchmark(sources, folder / "cache", options.workers)
        if options.compare_workers:
            started = time.perf_counter()
            process_photos(sources, folder / "cache-one-worker", workers=1)
            report["cold_s_one_worker"] = round(time.perf_counter() - started, 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
