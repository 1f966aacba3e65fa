"""Write the flashcard decks into site/decks/: an Anki package and a CSV file per topic and for the
whole site (macros/decks.py). Run after `mkdocs build`: python scripts/build_decks.py [--site site]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.config import load_config  # noqa: E402

from macros.decks import write_decks  # noqa: E402
from macros.site import build_site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    args = parser.parse_args()
    site_url = load_config(str(ROOT / "mkdocs.yml"))["site_url"]
    written = write_decks(build_site(ROOT / "data"), site_url, args.site / "decks")
    print(f"wrote {len(written)} deck files into {args.site / 'decks'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
