#!/usr/bin/env bash
# Installs what the site needs on a Debian/Ubuntu machine with Python 3.11+.
#   scripts/setup.sh          Python packages to build and serve the site (.venv/), and the
#                             web editor's Node packages (package.json's dependencies: Decap
#                             CMS, decap-server), with Debian's Node.js if it is missing
#   scripts/setup.sh --test   also the test tools: Debian's Chromium, nginx (with brotli),
#                             Java, poppler-utils (pdftotext) and the Node packages of
#                             package.json's devDependencies (axe-core, vnu-jar, pa11y)
# Safe to run again: each step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[[ "${1:-}" == "--test" ]] && with_tests=true

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

apt_updated=false
apt_install() {
  if [[ $apt_updated == false ]]; then
    as_root apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Debian's python3 splits out venv and pip.
if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
  apt_install python3-venv python3-pip
fi

missing=()
# Node.js: the web editor's bundle (copied into the site by the build) and its local backend.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if $with_tests; then
  command -v chromium >/dev/null || missing+=(chromium)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  [[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]] || missing+=(libnginx-mod-http-brotli-filter)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)  # reads the printed PMQA report back
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian"
  apt_install "${missing[@]}"
fi

# Python packages, reinstalled only when a requirements file changes.
requirements=requirements.txt
$with_tests && requirements=requirements-test.txt
[[ -x .venv/bin/python ]] || python3 -m venv .venv
stamp=".venv/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$requirements"
if [[ ! -f $stamp ]]; then
  echo "setup: installing Python packages from $requirements"
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
# The site's own package (hooks/officesite), importable by scripts and tests as by the hooks;
# installed again when pyproject.toml changes how it is mapped.
package_stamp=".venv/.officesite-$(sha256sum pyproject.toml | cut -c1-16)"
if [[ ! -f $package_stamp ]] || ! .venv/bin/python -c "import officesite" 2>/dev/null; then
  .venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$package_stamp"
fi

# Node packages exactly as locked: the web editor's always, the test tools' with --test (pa11y's
# Puppeteer drives Debian's Chromium: its own browser download is skipped, it cannot work offline).
lock_hash=$(sha256sum package-lock.json | cut -c1-16)
if $with_tests; then
  if [[ ! -f node_modules/.installed-$lock_hash ]]; then
    echo "setup: installing Node packages from package-lock.json"
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --silent --no-audit --no-fund
    touch "node_modules/.installed-$lock_hash"
  fi
elif [[ ! -f node_modules/.installed-$lock_hash && ! -f node_modules/.installed-editor-$lock_hash ]]; then
  echo "setup: installing the web editor's Node packages from package-lock.json"
  npm ci --silent --no-audit --no-fund --omit=dev
  touch "node_modules/.installed-editor-$lock_hash"
fi
