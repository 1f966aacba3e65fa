"""Shared test fixtures: sample projects built in temporary folders, and the real site built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
sys.path.insert(0, str(ROOT))  # the tests import the `macros` package from the repository


def make_project(folder: Path, data: Path = FIXTURE_DATA) -> Path:
    """A copy of the site's sources in `folder`, with `data` as its data/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data, folder / "data", ignore=shutil.ignore_patterns("schema"))
    return folder


def run_build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project`, as a contributor runs it (with `env` added to its environment)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, env=environment, timeout=600)


def build_ok(project: Path, **env: str) -> Path:
    """Build `project`, failing the test with MkDocs' output if the build fails; return site/."""
    result = run_build(project, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def once_per_run(tmp_path_factory, worker_id: str, name: str, make) -> Path:
    """The folder `name` that `make(folder)` fills, made once for all the test workers of this run: the
    first worker to ask makes it while the others wait."""
    from filelock import FileLock

    run = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    folder, done = run / name, run / f"{name}.done"
    with FileLock(run / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what an earlier worker's failed attempt left
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, worker_id) -> Path:
    """The real data built into a temporary folder, once per test run."""
    return once_per_run(tmp_path_factory, worker_id, "real", lambda folder: build_ok(make_project(folder, ROOT / "data"))) / "site"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory, worker_id) -> Path:
    """The real data built as the publishing command builds it (cheat sheets link their PDFs), once per test run."""
    return once_per_run(tmp_path_factory, worker_id, "published",
                         lambda folder: build_ok(make_project(folder, ROOT / "data"), PDF_LINKS="1")) / "site"


@pytest.fixture(scope="session")
def real_data():
    """The real data, loaded and validated."""
    from macros.site import build_site

    return build_site(ROOT / "data")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site served over HTTP on 127.0.0.1; yields its base URL."""
    yield from _serve(real_site)


@pytest.fixture(scope="session")
def served_published_site(published_site):
    """The published build of the real site, served like `served_site`."""
    yield from _serve(published_site)


def _serve(folder: Path):
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
