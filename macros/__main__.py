"""Command line: `python -m macros check` validates data/; `python -m macros schema` exports JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .schema import write_schemas
from .site import build_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("command", choices=["check", "schema"])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        for path in write_schemas(args.data / "schema"):
            print(f"wrote {path}")
        return 0
    try:
        site = build_site(args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"ok: {len(site.questions)} questions in {len(site.topics)} topics, {len(site.glossary.terms)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
