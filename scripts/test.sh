#!/usr/bin/env bash
# Set up on a fresh machine (Debian's Chromium, Python packages) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium poppler-utils >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest -n 2 "$@"
