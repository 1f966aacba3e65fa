"""Print every cheat sheet, and the combined document, to PDF (A4 and US Letter) inside site/pdf/.

Run after `mkdocs build`: python scripts/build_pdfs.py [--site site]. It serves the built site on
127.0.0.1 and prints each sheet with Debian's headless Chromium through Playwright, the way a
reader's browser prints it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright

PAPER = {"a4": "A4", "letter": "Letter"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: text gzipped for a browser that accepts it, and no log."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if path.suffix not in self.COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's Chromium."""
    return os.environ.get("CHROMIUM") or "/usr/bin/chromium"


def sheet_names(site: Path) -> list[str]:
    """The cheat sheets in the built site ("all" is the combined document)."""
    return sorted(p.parent.name for p in (site / "cheat-sheets").glob("*/index.html"))


def open_whole(page, url: str) -> None:
    """Open `url` in `page` and wait until it has loaded whole. (Network idle alone can come while a long
    page is still being parsed: a PDF printed then would stop short.)"""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def print_sheets(browser, base_url: str, site: Path) -> list[Path]:
    """With `browser`, print every sheet served at `base_url` into site/pdf/<sheet>-<paper>.pdf, each sheet
    opened once and printed on every paper."""
    out = site / "pdf"
    out.mkdir(exist_ok=True)
    written = []
    page = browser.new_page()
    for name in sheet_names(site):
        open_whole(page, f"{base_url}/cheat-sheets/{name}/")
        for suffix, paper in PAPER.items():
            target = out / f"{name}-{suffix}.pdf"
            page.pdf(path=str(target), format=paper)
            written.append(target)
    page.close()
    return written


def build_pdfs(site: Path) -> list[Path]:
    """Serve `site`, start Chromium, and print every sheet on every paper size; return the files."""
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return print_sheets(browser, base_url, site)
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path(__file__).resolve().parent.parent / "site")
    args = parser.parse_args()
    if not (args.site / "cheat-sheets").is_dir():
        print(f"{args.site} has no cheat sheets: run `mkdocs build` first", file=sys.stderr)
        return 1
    files = build_pdfs(args.site)
    print(f"wrote {len(files)} PDF files to {args.site / 'pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
