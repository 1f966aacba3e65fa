#!/usr/bin/env bash
# Set up on a fresh machine (Debian's Chromium, Python packages) and run the benchmark; arguments go to bench.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python scripts/bench.py "$@"
