#!/usr/bin/env bash
# Sets up everything the tests need (Python packages, Debian's Chromium, Node packages)
# and runs the whole test suite. Extra arguments go to pytest (e.g. -k language).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
# One test process per core (pytest-xdist), each test file whole in one process, so a file's
# shared fixtures (a built copy, a browser page) are made once; the site is built once for all
# (tests/conftest.py). `-n 0` after these runs everything in one process.
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
