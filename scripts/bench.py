#!/usr/bin/env python3
"""Build benchmark: this site's configuration against a plain Material + static-i18n one.

    python scripts/bench.py --posts 1000 [--rounds 3] [--serve] [--serve-rounds 3]

Copies the site into a temporary folder, adds N generated posts per language
(scripts/sample_news.py: a few paragraphs of Thai and English office news each), and builds
the same content two ways, alternating, for several rounds:
- project: this repository's mkdocs.yml, hooks and overrides;
- plain: Material + static-i18n with the same languages, navigation and Markdown
  extensions, and no project hooks, overrides, styles or scripts (the pages' `page_type:`
  keys mean nothing to it).
Prints a JSON report: median and spread of the wall time of each and of its CPU time (user +
system of the build process: on a machine shared with other work the wall time of one build
varies by tens of percent, its CPU time much less), their ratios, peak memory, output size
and pages built. With --serve it also reports, for the project configuration, the seconds
from saving a post to `mkdocs serve` serving the rebuilt page (median and spread of
--serve-rounds saves in one server), with every language and with the default language alone
(static-i18n's build_only_locale: scripts/serve.sh --lang). --rounds 0 skips the builds.
The CPU ratio is given two ways: of the medians, and the median of each round's own ratio
(its two builds ran minutes apart at most, under much the same load).

    python scripts/bench.py --posts 300 --rounds 0 --instructions

With --instructions it also counts the instructions each build executes under valgrind
(cachegrind, about 25 times slower; both configurations at once), with Python's hash seed
fixed: unlike CPU time, the count does not depend on what else the machine runs, and two
counts of the same build agree to within one part in a hundred thousand. The project is counted
twice: its first build, which compiles the templates and keeps them, and the next one, as
every build after the first (the plain build keeps nothing). Needs valgrind.

    python scripts/bench.py --posts 1000 --photo-posts 300 --photos-per-post 5 [--photo-size 4000x3000] [--distinct-photos N]

With --photo-posts, the project's build with those posts' photos (generated phone photos,
scripts/photo_posts.py) is measured instead, against the same build without photos: once
with an empty photo cache (cold), then with the cache filled (warm) in rounds alternating
with the build without photos; the report adds the cache's size. --distinct-photos N makes
only N different pictures, copied into every post (each is processed once, then found in the
cache by its content): a warm build at full scale without hours of cold processing.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from officesite.languages import languages_of_mkdocs_yml
from photo_bench import folder_bytes
from photo_posts import add_photos
from sample_news import write_sample_posts
from site_copy import copy_site

ROOT = Path(__file__).resolve().parent.parent

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# The plain configuration: what a default Material + static-i18n site of this content has.
def plain_config(project_yml: Path) -> dict:
    with open(project_yml, encoding="utf-8") as file:
        config = yaml_load(file)
    # Material's search, as every default Material site has it (the project's own search needs
    # no plugin), and the project's other plugins (static-i18n) as they are.
    plugins = [{"search": {}}] + [plugin for plugin in config["plugins"] if plugin != "search" and not (isinstance(plugin, dict) and "search" in plugin)]
    return {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        "docs_dir": "docs",
        "exclude_docs": config.get("exclude_docs", ""),
        "not_in_nav": config.get("not_in_nav", ""),
        "theme": {"name": "material", "language": config["theme"]["language"]},
        "markdown_extensions": config["markdown_extensions"],
        "plugins": plugins,
        "nav": config["nav"],
    }


def make_plain_copy(project: Path, plain: Path) -> None:
    shutil.copytree(project / "docs", plain / "docs")
    import yaml

    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(project / "mkdocs.yml"), allow_unicode=True, sort_keys=False), encoding="utf-8")


# The command that builds `project` into `site_dir` (emptied first), run from `project`.
def build_command(project: Path, site_dir: Path) -> list[str]:
    shutil.rmtree(site_dir, ignore_errors=True)
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]


# One `mkdocs build`: (wall seconds, CPU seconds, peak resident memory in bytes).
def timed_build(project: Path, site_dir: Path) -> tuple[float, float, int]:
    command = build_command(project, site_dir)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, cwd=project, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{process.stderr.read().decode()[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")  # cachegrind's summary line


# Instructions executed by one `mkdocs build` of each project, counted at once under
# valgrind's cachegrind (its count of "I refs", user space only): {project: count}.
def instruction_counts(projects: dict[str, Path], work: Path) -> dict[str, int]:
    if shutil.which("valgrind") is None:
        raise SystemExit("bench.py: --instructions: expected valgrind on PATH (apt install valgrind), got none")
    env = {**ENV, "PYTHONHASHSEED": "0"}  # the same set and dict orders in every count
    processes = {}
    for name, project in projects.items():
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *build_command(project, work / f"site-{name}-counted")]
        processes[name] = subprocess.Popen(command, env=env, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    counts = {}
    for name, process in processes.items():
        _, errors = process.communicate()
        found = INSTRUCTIONS.search(errors)
        if process.returncode != 0 or found is None:
            raise SystemExit(f"counted build of {projects[name]} failed:\n{errors[-3000:]}")
        counts[name] = int(found.group(1).replace(",", ""))
    return counts


def output_facts(site_dir: Path) -> dict:
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    return {"output_bytes": sum(path.stat().st_size for path in files), "pages_built": sum(path.name == "index.html" for path in files)}


def summary(times: list[float], prefix: str = "") -> dict:
    return {f"{prefix}median_s": round(statistics.median(times), 3), f"{prefix}min_s": round(min(times), 3), f"{prefix}max_s": round(max(times), 3)}


def benchmark(posts: int, rounds: int, work: Path, instructions: bool = False) -> dict:
    project = copy_site(work / "project")
    write_sample_posts(project / "docs", posts)
    plain = work / "plain"
    make_plain_copy(project, plain)
    report = {"posts_per_language": posts, "rounds": rounds}
    if instructions:
        # Counted before any round: the project's first build compiles its templates and keeps
        # them (.cache/templates/, officesite.template_cache); later builds take them from there.
        first = instruction_counts({"project": project, "plain": plain}, work)
        later = instruction_counts({"project": project}, work)["project"]
        report["instructions"] = {
            "project_first_build": first["project"],
            "project": later,
            "plain": first["plain"],
            "ratio_first_build_to_plain": round(first["project"] / first["plain"], 3),
            "ratio_project_to_plain": round(later / first["plain"], 3),
        }
    runs = {"project": [], "plain": []}
    cpu = {"project": [], "plain": []}
    memory = {"project": 0, "plain": 0}
    for round_number in range(rounds):
        order = ("project", "plain") if round_number % 2 == 0 else ("plain", "project")
        for name in order:
            folder = project if name == "project" else plain
            elapsed, cpu_seconds, peak = timed_build(folder, work / f"site-{name}")
            runs[name].append(elapsed)
            cpu[name].append(cpu_seconds)
            memory[name] = max(memory[name], peak)
    if not rounds:
        return report
    for name in runs:
        report[name] = {**summary(runs[name]), **summary(cpu[name], "cpu_"), "runs": rounds, "peak_memory_bytes": memory[name], **output_facts(work / f"site-{name}")}
    report["ratio_project_to_plain"] = round(report["project"]["median_s"] / report["plain"]["median_s"], 3)
    report["cpu_ratio_project_to_plain"] = round(report["project"]["cpu_median_s"] / report["plain"]["cpu_median_s"], 3)
    report["cpu_ratio_median_of_rounds"] = round(statistics.median(mine / theirs for mine, theirs in zip(cpu["project"], cpu["plain"])), 3)
    return report


# The project's build with photos, cold and warm, against the same posts without photos.
def photo_benchmark(posts: int, rounds: int, work: Path, photo_posts: int, per_post: int, size: tuple[int, int], distinct: int | None = None) -> dict:
    without = copy_site(work / "without-photos")
    write_sample_posts(without / "docs", posts)
    shutil.copytree(without, work / "photos")
    photos = add_photos(work / "photos" / "docs", photo_posts, per_post, work, size, distinct)
    cold, cold_cpu, _ = timed_build(work / "photos", work / "site-photos")
    runs, cpu, memory = {"warm": [], "without_photos": []}, {"warm": [], "without_photos": []}, {"warm": 0, "without_photos": 0}
    for round_number in range(rounds):
        order = ("warm", "without_photos") if round_number % 2 == 0 else ("without_photos", "warm")
        for name in order:
            elapsed, cpu_seconds, peak = timed_build(work / ("photos" if name == "warm" else "without-photos"), work / f"site-{name}")
            runs[name].append(elapsed)
            cpu[name].append(cpu_seconds)
            memory[name] = max(memory[name], peak)
    report = {"posts_per_language": posts, "rounds": rounds, "photo_posts": photo_posts, "photos": photos, "distinct_photos": min(distinct or photos, photos), "photo_size": "x".join(map(str, size))}
    report["cold_s"], report["cold_cpu_s"] = round(cold, 3), round(cold_cpu, 3)
    for name in runs:
        report[name] = {**summary(runs[name]), **summary(cpu[name], "cpu_"), "peak_memory_bytes": memory[name], **output_facts(work / f"site-{name}")}
    report["ratio_warm_to_without_photos"] = round(report["warm"]["median_s"] / report["without_photos"]["median_s"], 3)
    report["cpu_ratio_warm_to_without_photos"] = round(report["warm"]["cpu_median_s"] / report["without_photos"]["cpu_median_s"], 3)
    report["cache_bytes"] = folder_bytes(work / "photos" / ".cache" / "photos")
    return report


# Seconds from saving a post to `mkdocs serve` answering with the rebuilt page, for each of
# `saves` saves in one server (the first build is not counted): (wall seconds, CPU seconds of
# the rebuild: the steadier figure on a busy machine).
def serve_rebuild_seconds(project: Path, page_path: str, post: Path, env: dict, saves: int) -> list[tuple[float, float]]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page_path}"
    seconds = []
    try:
        wait_for(lambda: fetch(url) is not None, server)
        for _ in range(saves):
            marker = f"bench-marker-{time.time_ns()}"
            start, cpu_start = time.perf_counter(), cpu_seconds(server.pid)
            post.write_text(post.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            wait_for(lambda: marker in (fetch(url) or ""), server)
            seconds.append((time.perf_counter() - start, cpu_seconds(server.pid) - cpu_start))
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)


# CPU seconds (user + system) that a running `mkdocs serve` has used to build so far, from
# Linux's /proc: its main thread builds; others serve pages and poll the files for changes
# (MkDocs' watcher stats every file twice a second: more CPU the longer a rebuild waits).
def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, server, limit: float = 600) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped with exit code {server.returncode}")
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for mkdocs serve")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_report(work: Path, saves: int) -> dict:
    default = languages_of_mkdocs_yml(work / "project" / "mkdocs.yml").default
    post = work / "project" / "docs" / "news" / "2018" / languages_of_mkdocs_yml(work / "project" / "mkdocs.yml").file_name("pmqa-workshop", default)
    report = {"serve_saves": saves}
    for name, env in (("serve_rebuild", ENV), ("serve_rebuild_default_language", {**ENV, "SITE_LANGUAGE": default})):  # every language; serve.sh --lang
        seconds = serve_rebuild_seconds(work / "project", "news/2018/pmqa-workshop/", post, env, saves)
        report[name] = {**summary([wall for wall, _ in seconds]), **summary([cpu for _, cpu in seconds], "cpu_")}
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, required=True, help="generated posts per language")
    parser.add_argument("--rounds", type=int, default=3, help="builds of each configuration, alternating (0: none)")
    parser.add_argument("--serve", action="store_true", help="also time mkdocs serve rebuilds")
    parser.add_argument("--instructions", action="store_true", help="also count each build's instructions under valgrind")
    parser.add_argument("--photo-posts", type=int, default=0, help="measure the build with photos in this many posts per language")
    parser.add_argument("--photos-per-post", type=int, default=5)
    parser.add_argument("--photo-size", default="4000x3000", help="the generated photos' size, WIDTHxHEIGHT")
    parser.add_argument("--distinct-photos", type=int, default=None, help="only this many different pictures, copied (default: every photo different)")
    parser.add_argument("--serve-rounds", type=int, default=3, help="saves timed in each mkdocs serve")
    args = parser.parse_args()
    if args.instructions and args.photo_posts:
        parser.error("--instructions counts the builds without photos: leave out --photo-posts")
    with tempfile.TemporaryDirectory(prefix="reo13-bench-") as work:
        if args.photo_posts:
            size = tuple(int(side) for side in args.photo_size.split("x"))
            result = photo_benchmark(args.posts, args.rounds, Path(work), args.photo_posts, args.photos_per_post, size, args.distinct_photos)
        else:
            result = benchmark(args.posts, args.rounds, Path(work), args.instructions)
        if args.serve:
            result.update(serve_report(Path(work), args.serve_rounds))
    print(json.dumps(result, indent=2))
