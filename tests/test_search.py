"""In headless Chromium: the header search finds what a candidate types (tests/search_queries.yml),
and works by keyboard, with filters, on a phone, in both colour schemes and without JavaScript."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_helpers import open_search, page_without_javascript, results, search, serious_axe_violations
from macros.glossary_pages import url_of
from macros.search_records import answer_records, search_records

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


def _desktop_page(browser, url: str):
    """A fresh desktop-sized browser context on `url`; yields its page and closes the context after."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One page for all the relevance queries, searched one after another."""
    yield from _desktop_page(browser, served_site + "/")


@pytest.fixture
def page(browser, served_site):
    yield from _desktop_page(browser, served_site + "/topics/optimization/")


def best_rank(found: list[str], expected: set[str]) -> int | None:
    """The 1-based rank of the first result that answers the query."""
    return next((rank for rank, anchor in enumerate(found, 1) if anchor in expected), None)


def test_the_query_set_is_large_and_names_real_entries(real_data):
    assert len(QUERIES) >= 100
    assert sum("miss" not in entry for entry in QUERIES) >= 0.97 * len(QUERIES)
    known = {f"{slug}#{qid}" for qid, slug in real_data.topic_of.items()} | {f"glossary#{t.id}" for t in real_data.glossary.terms}
    for entry in QUERIES:
        assert set(entry) - {"miss"} == {"query", "answers", "rank"}, entry
        assert entry["answers"] and set(entry["answers"]) <= known, entry
        assert 1 <= entry["rank"] <= 5, entry


@pytest.mark.parametrize("entry", [pytest.param(entry, marks=pytest.mark.xfail(reason=entry["miss"], strict=True))
                                   if "miss" in entry else entry for entry in QUERIES],
                         ids=[entry["query"] for entry in QUERIES])
def test_query_finds_its_answer(search_page, entry):
    found = search(search_page, entry["query"])
    rank = best_rank(found, set(entry["answers"]))
    assert rank is not None and rank <= entry["rank"], f"{entry['query']!r} ranked {rank}; top: {found[:entry['rank'] + 2]}"


def _fragments(index: Path) -> list[dict]:
    """The per-record fragments of the Pagefind index in `index`, read as the browser reads them (gzip, a
    signature, JSON)."""
    out = []
    for path in (index / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd"
        out.append(json.loads(data[12:]))
    return out


def test_every_question_and_term_is_its_own_record_with_filters(real_site, real_data):
    records = {fragment["meta"]["url"]: fragment for fragment in _fragments(real_site / "pagefind")}
    questions = {f"topics/{slug}/#{qid}" for qid, slug in real_data.topic_of.items()}
    terms = {url_of(term) for term in real_data.glossary.terms}
    assert set(records) == questions | terms
    answers = {fragment["meta"]["url"]: fragment for fragment in _fragments(real_site / "pagefind" / "answers")}
    assert set(answers) == questions
    assert answers["topics/optimization/#adam-vs-sgd"]["filters"] == records["topics/optimization/#adam-vs-sgd"]["filters"]
    record = records["topics/optimization/#adam-vs-sgd"]
    question = real_data.questions["adam-vs-sgd"]
    assert record["meta"]["title"] == question.question and record["meta"]["topic"] == "Optimization"
    assert record["filters"] == {"type": ["Question"], "area": ["Training and evaluation"], "topic": ["Optimization"],
                                 "difficulty": [question.difficulty], "kind": [question.kind]}
    term = records["glossary/b/#batch-normalization"]
    assert term["filters"]["type"] == ["Glossary term"] and "Normalization" in term["filters"]["topic"]
    assert "BN" in term["meta"]["term"].split("; ")


def _searchable_words(records: list[str]) -> dict[str, set[str]]:
    """Each record's URL → the lower-case words Pagefind searches in it: its text and weighted metadata."""
    out = {}
    for record in records:
        soup = BeautifulSoup(record, "html.parser")
        searched = soup.find_all("p") + soup.find_all(attrs={"data-pagefind-meta": ["subject", "question", "term"]})
        url = soup.find(attrs={"data-pagefind-meta": "url"}).get_text()
        out[url] = set(re.findall(r"[a-z]+", " ".join(tag.get_text(" ") for tag in searched).lower()))
    return out


def test_full_answers_follow_the_questions_and_terms_that_hold_the_word(search_page, real_data):
    """A word that a few questions or terms hold and more answers mention lists those few first, then the
    questions whose full answer mentions it, each once."""
    main, answers = _searchable_words(search_records(real_data)), _searchable_words(answer_records(real_data))
    holding = lambda words, stem: any(word.startswith(stem) for word in words)  # noqa: E731

    def split(word):
        stem = word[:len(word) - 4]  # shorter than Pagefind's stem of the word
        close = {w for words in main.values() for w in words if w.startswith(stem)}
        first = {url for url, words in main.items() if word in words}
        then = {url for url, words in answers.items() if holding(words, stem)} - first
        return close == {word} and 1 <= len(first) <= 3 and len(then) >= 3, first, then

    candidates = sorted({w for words in answers.values() for w in words if len(w) >= 8})
    word, first, then = next((w, *split(w)[1:]) for w in candidates if split(w)[0])
    found = search(search_page, word)
    urls = [f"topics/{anchor.replace('#', '/#')}" if not anchor.startswith("glossary#")
            else url_of(real_data.terms[anchor.split('#')[1]]) for anchor in found]
    assert set(urls[:len(first)]) == first, (word, found)
    assert urls[len(first):] and set(urls[len(first):]) <= then, (word, found)
    assert len(urls) == len(set(urls))
    assert "full answer" in search_page.inner_text("#site-search-status")


def test_pagefind_script_comes_with_the_page_and_its_index_when_the_reader_reaches_for_search(page):
    fetched = "name => performance.getEntriesByType('resource').some(entry => entry.name.includes(name))"
    page.wait_for_function(fetched, arg="/pagefind/pagefind.js")
    assert not page.evaluate(fetched, arg="/pagefind/wasm.")
    with page.expect_request("**/pagefind/wasm.*"):
        page.hover(".site-search__open")
    assert not page.evaluate("document.getElementById('site-search').open")


def test_only_one_search_engine_ships(real_site):
    assert not (real_site / "search").exists()  # no Material index
    assert not list(real_site.rglob("search_index.json")) and not list(real_site.rglob("*worker*lunr*"))
    assert (real_site / "pagefind" / "pagefind.js").is_file()


def test_keyboard_opens_moves_opens_a_result_and_highlights_it(page):
    page.wait_for_function("document.getElementById('site-search').dataset.ready")
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.type("label smoothing")
    page.wait_for_function("() => document.getElementById('site-search-results').dataset.query === 'label smoothing'"
                           " && document.getElementById('site-search-results').getAttribute('aria-busy') === 'false'")
    first = results(page)[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.site-search__result') !== null")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{first.split('#')[0]}/?h=label+smoothing#{first.split('#')[1]}")
    marks = page.eval_on_selector_all("mark.search-hit", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert "label" in marks and any(mark.startswith("smooth") for mark in marks)


def test_escape_closes_and_returns_focus_to_the_button(page):
    page.click(".site-search__open")
    assert page.evaluate("document.getElementById('site-search').open")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('site-search').open")
    assert page.evaluate("document.activeElement.classList.contains('site-search__open')")


def test_results_show_topic_and_marked_snippet_as_text(page):
    found = search(page, "dropout")
    assert found
    first = page.locator(".site-search__result").first
    assert first.locator(".site-search__title").inner_text()
    assert first.locator(".site-search__where").inner_text()
    assert page.locator(".site-search__snippet mark").count() > 0
    assert page.locator(".site-search__snippet :not(mark)").count() == 0  # nothing but text and marks


def test_type_and_difficulty_chips_narrow_the_results(page):
    search(page, "normalization")
    page.click(".site-search__chip:has-text('Glossary terms')")
    page.wait_for_function("() => document.getElementById('site-search-results').getAttribute('aria-busy') === 'false'")
    assert results(page) and all(anchor.startswith("glossary#") for anchor in results(page))
    page.click(".site-search__chip:has-text('Glossary terms')")
    page.click(".site-search__more-filters summary")
    page.click(".site-search__chip:has-text('hard')")
    page.wait_for_function("() => document.getElementById('site-search-results').getAttribute('aria-busy') === 'false'")
    wheres = page.eval_on_selector_all(".site-search__where", "ws => ws.map(w => w.textContent)")
    assert wheres and all("hard" in where for where in wheres)


def test_one_typo_is_corrected_and_said(page):
    found = search(page, "tranformer attention")
    assert "Did you mean \"transformer attention\"" in page.inner_text("#site-search-status")
    assert any(anchor.startswith("transformers#") for anchor in found[:3])


def test_nothing_found_says_so(page):
    assert search(page, "qwxzv") == []
    assert "No results" in page.inner_text("#site-search-status")


def test_query_words_and_typo_distance(page):
    words = page.evaluate("""async () => {
        const m = await import('./../../javascripts/search-engine.js');
        return [m.contentWords('What is the difference between BN vs LN?'), m.contentWords('how do GANs work'),
                m.withinOneEdit('tranformer', 'transformer'), m.withinOneEdit('transfromer', 'transformer'),
                m.withinOneEdit('trnasfomer', 'transformer')];
    }""")
    assert words == [["bn", "ln"], ["gans"], True, True, False]


def test_search_works_on_a_narrow_screen_in_dark_mode(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True, color_scheme="dark")
    page = context.new_page()
    page.goto(served_site + "/")
    page.tap(".site-search__open")
    found = search(page, "dropout")
    box = page.locator("#site-search").bounding_box()
    assert box["width"] >= 370 and found[0] in {"regularization#dropout", "glossary#dropout"}
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{found[0].split('#')[0]}/**")
    context.close()


@pytest.mark.parametrize("scheme, width", [("light", 1366), ("dark", 1366), ("light", 375), ("dark", 375)])
def test_open_search_has_no_serious_accessibility_violation(browser, served_site, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site + "/")
    page.click(".site-search__open")
    search(page, "batch norm")
    page.click(".site-search__more-filters summary")
    violations = serious_axe_violations(page)
    context.close()
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_without_javascript_the_button_is_hidden_and_pages_read(browser, served_site):
    with page_without_javascript(browser, served_site + "/topics/optimization/") as page:
        assert not page.is_visible(".site-search__open")
        assert page.locator("h2.question").count() > 5
