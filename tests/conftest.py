"""Shared fixtures: the site built once per test run, served on loopback, and Chromium."""

import fcntl
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from nginx_server import NginxServer
from site_copy import copy_site as copy_project
from site_files import BuiltSite

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services from a machine with no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# -----------------------------------------------------------------------------
# Test tiers
# -----------------------------------------------------------------------------

TIERS = ("unit", "build", "browser", "gate")  # cheapest first
# A test's tier follows from what it needs: the gates by their file name, then the browser,
# then a build of the site or of a copy of the project. Anything else is a unit test, and a
# unit test that builds the site fails (`build_site`): `-m unit` stays a loop of seconds.
BROWSER_FIXTURES = {"browser"}
BUILD_FIXTURES = {"build_result", "project_copy", "site_builder"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue  # a test or module that names its tier keeps it
        item.add_marker(tier_of(item.module.__name__, set(item.fixturenames)))


def tier_of(module: str, fixtures: set[str]) -> str:
    if module.startswith("test_gate_"):
        return "gate"
    if fixtures & BROWSER_FIXTURES:
        return "browser"
    if fixtures & BUILD_FIXTURES:
        return "build"
    return "unit"


_running = {"test": None, "tier": None}  # the test being set up or run, for build_site's check


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _running["test"] = item.nodeid
    _running["tier"] = next((tier for tier in reversed(TIERS) if item.get_closest_marker(tier)), None)


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on a project folder; return the finished process."""
    if _running["tier"] == "unit":
        pytest.fail(f"{_running['test']}: a unit test builds the site: ask for the site_builder (or project_copy) fixture, which makes it a build test")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site_builder():
    """build_site, for fixtures that build a copy of the project: asking for it makes a test a build test."""
    return build_site


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    """The project built once per run: in a parallel run (scripts/test.sh, pytest-xdist) the
    first test process to ask builds it and the others wait for it and read the same site."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's temporary folder, each process's folder is inside
    site_dir, record = shared / "site", shared / "site-build.json"
    with open(shared / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.exists():
            result = build_site(ROOT, site_dir)
            record.write_text(json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8")
        returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(["mkdocs", "build"], returncode, stdout, stderr), site_dir


@pytest.fixture(scope="session")
def site(build_result) -> BuiltSite:
    result, site_dir = build_result
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx(site, tmp_path_factory):
    """The built site served by nginx with deploy/nginx/ (gzip, headers, CSP, 404 pages)."""
    server = NginxServer(site.root, tmp_path_factory.mktemp("nginx"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser):
    """Opens browser contexts for one test (browser.new_context's options; `of`: another
    Chromium than the session's); every one is closed after the test, passed or not."""
    contexts = []

    def open_context(of=None, **options):
        contexts.append((of or browser).new_context(**options))
        return contexts[-1]

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    # The pages carry a CSP without 'unsafe-eval'; Playwright's wait_for_function evaluates
    # its predicate as a string. The gates (tests/test_gate_browser.py) check the real CSP.
    return new_context(bypass_csp=True).new_page()
