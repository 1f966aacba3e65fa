#!/usr/bin/env bash
# Set up on a fresh machine (Debian's Chromium, Python packages) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest -n 2 "$@"
