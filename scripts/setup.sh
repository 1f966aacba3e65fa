#!/usr/bin/env bash
# Set up on a fresh machine: Debian's packages, a virtual environment in .venv/ with the pinned Python packages,
# and the pinned checkers of scripts/package.json (the Nu HTML Checker, Lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
if ! cmp -s scripts/package-lock.json scripts/node_modules/.installed-from-lock; then
  npm ci --prefix scripts --no-audit --no-fund --silent
  cp scripts/package-lock.json scripts/node_modules/.installed-from-lock
fi
