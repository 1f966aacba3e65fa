#!/usr/bin/env bash
# Set up on a fresh machine: Debian's Chromium and poppler, a virtual environment in .venv/, the pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
