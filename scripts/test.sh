#!/usr/bin/env bash
# Sets up everything the tests need (Python packages, Debian's Chromium, Node packages)
# and runs the whole test suite. Extra arguments go to pytest (e.g. -k language).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
