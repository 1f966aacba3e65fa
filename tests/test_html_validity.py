"""The Nu HTML Checker finds no error in the site's own markup, on every page of the real site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "scripts" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The theme's page template (not the site's markup) marks its two menu checkboxes autocomplete="off" so that
# Firefox does not restore them open; the checker allows that attribute on text inputs only.
THEME_MARKUP = ('Attribute “autocomplete” is only allowed when the input type is', 'class="md-toggle"')


def errors(folder: Path) -> list[dict]:
    """The checker's errors for every HTML file under `folder`."""
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
                         capture_output=True, text=True, check=False)
    return [m for m in json.loads(run.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


def test_the_checker_reports_an_error(tmp_path):
    """The check can fail: a duplicate id and a stray end tag are reported."""
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><title>t</title><p id="a">x</p><p id="a">y</div>')
    assert len(errors(tmp_path)) >= 2


def test_every_page_is_valid_html(real_site):
    found = errors(real_site)
    own = [m for m in found if not (m["message"].startswith(THEME_MARKUP[0]) and THEME_MARKUP[1] in m.get("extract", ""))]
    pages = len(list(real_site.rglob("*.html")))
    assert pages > 50 and len(found) - len(own) <= 2 * pages
    assert own == [], [(m["url"].split(str(real_site))[-1], m.get("lastLine"), m["message"]) for m in own[:10]]
