#!/usr/bin/env bash
# Sets up the site's Python packages and serves the site at http://127.0.0.1:8000/
# with live reload. `--lang th` builds the default language only (static-i18n's
# build_only_locale): a rebuild takes about half as long while writing Thai pages.
# Other arguments go to `mkdocs serve` (e.g. --dev-addr 0.0.0.0:8000).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--lang" ]]; then
  export SITE_LANGUAGE="${2:?--lang needs a language code, e.g. --lang th}"
  shift 2
fi
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve "$@"
