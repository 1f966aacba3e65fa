"""Printing: every cheat sheet fits on two pages of A4 and of US Letter, with all its questions and
none of the screen's navigation; the combined document breaks pages between topics; topic pages
print every answer; dark-mode readers still get white paper. PDFs are read with pypdf."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from browser_helpers import load_settled, page_without_javascript
from conftest import FIXTURE_DATA, ROOT, make_project, once_per_run, run_build
from macros.decks import write_decks
from site_links import broken_links

sys.path.insert(0, str(ROOT / "scripts"))
from build_pdfs import PAPER, print_sheets  # noqa: E402

from macros.terms import prose_only  # noqa: E402

# Text that only the screen's chrome carries: header, navigation, search, footer, buttons.
NAVIGATION_TEXT = ["Skip to content", "Deep Learning Interview Reference", "Questions by tag", "Table of contents",
                   "Initializing search", "Made with", "Free to read and print", "PDF, A4", "PDF, US Letter"]


def words(text: str) -> str:
    """Text with whitespace folded, line breaks after hyphens rejoined and superscript letters (the "ᵀ" of
    "AᵀA", set in a fallback font that the PDF reader splits off with spaces) rejoined, to compare print with source."""
    folded = re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(text.replace("\u00ad", "").split()))
    return re.sub(r" ?([\u1d2c-\u1d6a]) ?", r"\1", folded)


@pytest.fixture(scope="session")
def pdfs(browser, served_published_site, published_site, tmp_path_factory, worker_id) -> Path:
    """Every cheat sheet and the combined document printed to PDF on A4 and Letter, once per test run, by
    the same code as the publishing command (scripts/build_pdfs.py), into the published build."""
    once_per_run(tmp_path_factory, worker_id, "printed", lambda _: print_sheets(browser, served_published_site, published_site))
    return published_site / "pdf"


@functools.cache
def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at `path`, read with pypdf (once per test worker)."""
    return [words(page.extract_text()) for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_every_cheat_sheet_fits_two_pages_with_every_question(pdfs, real_data, paper):
    for page in real_data.topics:
        pages = pdf_pages(pdfs / f"{page.slug}-{paper}.pdf")
        text = " ".join(pages)
        assert 1 <= len(pages) <= 2, f"{page.slug} prints on {len(pages)} {paper} pages"
        for question in page.topic.questions:
            assert words(question.question) in text, (page.slug, paper, question.id)
        for formula in page.topic.formulas:
            assert words(formula.name) in text, (page.slug, paper, formula.name)
        for chrome in NAVIGATION_TEXT:
            assert chrome not in text, (page.slug, paper, chrome)


def test_every_printed_page_carries_the_address_and_date(pdfs, real_data):
    for page in real_data.topics:
        for text in pdf_pages(pdfs / f"{page.slug}-a4.pdf"):
            assert re.search(r"https?://\S+ · \d{4}-\d{2}-\d{2}", text), page.slug


def test_combined_document_starts_each_topic_on_a_new_page(pdfs, real_data):
    pages = pdf_pages(pdfs / "all-a4.pdf")
    openings = [re.sub(r"^https?://\S+ · \S+ ", "", text) for text in pages]
    starts = [page.topic.title for page in real_data.topics
              if any(opening.startswith(f"Cheat sheet: {page.topic.title}") for opening in openings)]
    assert starts == [page.topic.title for page in real_data.topics]


def test_topic_page_prints_every_answer(browser, served_site, real_data, tmp_path):
    page = browser.new_page()
    load_settled(page, served_site + "/topics/normalization/")
    target = tmp_path / "normalization.pdf"
    page.pdf(path=str(target), format="A4")
    page.close()
    text = " ".join(pdf_pages(target))
    for question in real_data.topic("normalization").topic.questions:
        assert words(question.question) in text
        prose = [w for w in words(prose_only(question.answer)).split() if w.isalpha() and len(w) > 3]
        missing = [w for w in prose if w not in text]
        assert len(missing) <= len(prose) // 50, (question.id, missing[:10])
    for chrome in NAVIGATION_TEXT:
        assert chrome not in text


def test_dark_mode_reader_gets_white_paper(browser, served_site, tmp_path):
    """A cheat sheet printed from the dark scheme is the same white page with black text as one printed from the light."""
    printed = {}
    for scheme in ("dark", "light"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        load_settled(page, served_site + "/cheat-sheets/optimization/")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        target = tmp_path / f"{scheme}.pdf"
        page.pdf(path=str(target), format="A4", print_background=True)
        context.close()
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(target), str(tmp_path / scheme)], check=True)
        printed[scheme] = read_pgm(next(tmp_path.glob(f"{scheme}*.pgm")))
    dark = printed["dark"]
    assert np.median(dark) == 255 and (dark > 250).mean() > 0.6, "the printed page is not white"
    assert (dark < 100).mean() > 0.005, "there is no dark text on the page"
    assert abs(dark.mean() - printed["light"].mean()) < 1, "the dark scheme prints differently from the light one"


def read_pgm(path) -> np.ndarray:
    """A binary PGM (P5) image as an array."""
    data = path.read_bytes()
    header = data.split(maxsplit=4)
    width, height, _ = int(header[1]), int(header[2]), int(header[3])
    return np.frombuffer(header[4][-width * height:], dtype=np.uint8).reshape(height, width)


def test_print_button_prints(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "/cheat-sheets/optimization/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click(".print-button")
    assert page.evaluate("window.__printed") == 1
    page.close()


def test_without_javascript_there_is_no_print_button(browser, served_site):
    with page_without_javascript(browser, served_site + "/cheat-sheets/optimization/") as page:
        assert page.locator(".print-button").count() == 1 and not page.is_visible(".print-button")


def test_cheat_sheets_link_their_pdfs(pdfs, published_site):
    html = (published_site / "cheat-sheets" / "optimization" / "index.html").read_text()
    for paper in PAPER:
        assert f"../../pdf/optimization-{paper}.pdf" in html
        assert (pdfs / f"optimization-{paper}.pdf").is_file()


def test_the_published_site_has_no_broken_link_once_its_pdfs_and_decks_are_made(pdfs, published_site, real_data):
    write_decks(real_data, "https://example.org/", published_site / "decks")
    assert broken_links(published_site) == []


def test_a_sheet_too_long_for_two_pages_fails_the_build(tmp_path):
    """The generator reports an oversized sheet instead of shrinking its type."""
    import shutil

    import yaml

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    topic_path = data / "topics" / "optimization.yml"
    topic = yaml.safe_load(topic_path.read_text())
    template = topic["questions"][0]
    long_answer = " ".join(["A deliberately long short answer that fills the printed sheet."] * 4)
    topic["questions"] += [{**template, "id": f"filler-{n}", "short_answer": long_answer, "related": []}
                           for n in range(50)]
    topic_path.write_text(yaml.safe_dump(topic, sort_keys=False))
    result = run_build(make_project(tmp_path / "project", data))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/topics/optimization.yml: its cheat sheet holds about" in output
