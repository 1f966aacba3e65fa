#!/usr/bin/env bash
# Set up on a fresh machine, build the site with --strict (cheat sheets linking their PDFs), and print every
# cheat sheet to PDF into site/pdf/, and write the flashcard decks into site/decks/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh
PDF_LINKS=1 bash scripts/serve.sh build
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
.venv/bin/python scripts/build_pdfs.py --site site
.venv/bin/python scripts/build_decks.py --site site
