#!/usr/bin/env bash
# The web editor's local trial, one command: the site served at http://127.0.0.1:8000/ and
# the editor at http://127.0.0.1:8000/admin/, saving into this working copy through Decap's
# local backend (decap-server on 127.0.0.1:8081, never reachable from another machine).
# Log in with the button, write a post, "เผยแพร่" → "เผยแพร่ตอนนี้": the files appear under
# docs/news/, the site is rebuilt; reload a page to see it. Nothing is committed: review the
# files with git, then commit them. Ctrl+C stops both servers.
#
# scripts/cms.sh --workflow: the editorial workflow instead (draft → in review → ready →
# published): decap-server's git mode keeps each draft on a branch cms/news/<year>/<slug> of
# this repository and merges it into main when it is published. It checks branches out in
# this working copy: commit or stash your own changes first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1 CMS_LOCAL_BACKEND=1
mode=fs
if [ "${1:-}" = "--workflow" ]; then
  shift
  mode=git CMS_LOCAL_BACKEND=workflow  # officesite.cms.site.LOCAL_WORKFLOW
fi
GIT_REPO_DIRECTORY="$PWD" BIND_HOST=127.0.0.1 PORT=8081 MODE="$mode" node node_modules/decap-server/dist/index.js &
backend=$!
trap 'kill "$backend" 2>/dev/null' EXIT
# No live reload: its injected inline script is refused by the pages' CSP (and the editor's).
.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --no-livereload "$@"
