"""In headless Chromium: the glossary index and its filter, the letter pages, term tooltips, keyboard and mobile use."""

from __future__ import annotations

import pytest

from browser_helpers import load_settled, page_without_javascript


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


VISIBLE_TERMS = "items => items.filter(item => item.checkVisibility()).map(item => item.id)"


def visible_terms(page) -> list[str]:
    """The ids of the terms the index shows."""
    return page.eval_on_selector_all("li.glossary-entry", VISIBLE_TERMS)


def count_text(page) -> str:
    return page.inner_text("#glossary-count")


def test_filter_narrows_and_clearing_restores(page, served_site, real_data):
    total = len(real_data.glossary.terms)
    page.goto(served_site + "/glossary/")
    assert count_text(page) == f"{total} of {total} terms"
    page.focus("#glossary-query")
    page.keyboard.type("norm")
    shown = visible_terms(page)
    assert "batch-normalization" in shown and "layer-normalization" in shown
    assert "dropout" not in shown and len(shown) < total
    assert count_text(page) == f"{len(shown)} of {total} terms"
    assert "q=norm" in page.url
    page.keyboard.press("Escape")
    assert len(visible_terms(page)) == total and count_text(page) == f"{total} of {total} terms"
    assert "q=" not in page.url


def test_filter_matches_abbreviations_as_word_starts(page, served_site):
    page.goto(served_site + "/glossary/")
    page.focus("#glossary-query")
    page.keyboard.type("BN")
    shown = visible_terms(page)
    assert "batch-normalization" in shown
    assert all(term != "floating-point-underflow" for term in shown)  # "subnormal" does not start with "bn"


def test_query_in_url_prefills_the_filter_and_does_not_open_site_search(page, served_site):
    page.goto(served_site + "/glossary/?q=dropout")
    assert page.input_value("#glossary-query") == "dropout"
    assert "dropout" in visible_terms(page)
    assert not page.evaluate("document.getElementById('site-search').open")  # the site search stays closed


def test_no_match_says_so(page, served_site, real_data):
    page.goto(served_site + "/glossary/")
    page.focus("#glossary-query")
    page.keyboard.type("zzqx")
    assert visible_terms(page) == []
    assert page.is_visible("#glossary-empty")
    assert count_text(page) == f"0 of {len(real_data.glossary.terms)} terms"
    page.click("#glossary-clear")
    assert len(visible_terms(page)) == len(real_data.glossary.terms)


def test_topic_chip_narrows_to_terms_used_in_a_topic(page, served_site, real_data):
    page.goto(served_site + "/glossary/")
    chip = page.locator(".glossary-topic[data-topic='normalization']")
    chip.focus()
    page.keyboard.press("Enter")
    assert chip.get_attribute("aria-pressed") == "true"
    expected = {t for t, users in real_data.term_users.items() if any(real_data.topic_of[q] == "normalization" for q in users)}
    assert set(visible_terms(page)) == expected
    assert "topic=normalization" in page.url


def test_count_is_announced_and_box_is_labelled(page, served_site):
    page.goto(served_site + "/glossary/")
    assert page.get_attribute("#glossary-count", "role") == "status"
    assert page.locator("label[for='glossary-query']").inner_text().strip()


def test_without_javascript_every_term_is_there(browser, served_site, real_data):
    with page_without_javascript(browser, served_site + "/glossary/") as page:
        assert len(visible_terms(page)) == len(real_data.glossary.terms)
        assert not page.is_visible(".glossary-filter")
        page.goto(served_site + "/glossary/#batch-normalization")  # an address from before the letter pages
        page.click("#batch-normalization a")
        assert page.url.endswith("/glossary/b/#batch-normalization")
        assert page.locator("h2.glossary-term#batch-normalization").is_visible()
        page.fill("#glossary-jump-query", "dropout")
        page.keyboard.press("Enter")
        page.wait_for_url("**/glossary/?q=dropout")


def test_an_address_from_before_the_letter_pages_opens_the_term(page, served_site):
    page.goto(served_site + "/glossary/#batch-normalization")
    page.wait_for_url("**/glossary/b/#batch-normalization")
    heading = page.locator("h2.glossary-term#batch-normalization")
    assert heading.is_visible()
    assert 0 <= heading.bounding_box()["y"] < 300  # scrolled to the term


def test_a_letter_page_filters_all_terms_from_its_box(page, served_site):
    page.goto(served_site + "/glossary/s/")
    assert page.get_attribute(".glossary-letters a[aria-current='page']", "href") == "../s/"
    page.focus("#glossary-jump-query")
    page.keyboard.type("dropout")
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/?q=dropout")
    assert "dropout" in visible_terms(page)
    assert all(term != "batch-normalization" for term in visible_terms(page))


def test_an_index_entry_opens_its_definition(page, served_site):
    page.goto(served_site + "/glossary/")
    page.click("#batch-normalization a")
    page.wait_for_url("**/glossary/b/#batch-normalization")
    assert page.locator("h2.glossary-term#batch-normalization").is_visible()


def test_filter_works_on_a_narrow_screen_from_the_keyboard(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/glossary/")
    page.keyboard.press("Tab")  # the first stop is "Skip to content"
    assert "md-skip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "glossary-query":
            break
    assert page.evaluate("document.activeElement.id") == "glossary-query"
    page.keyboard.type("dropout")
    assert "dropout" in visible_terms(page)
    box = page.locator("#glossary-query").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    context.close()


def tooltip_text(page) -> str:
    """The text of the tooltip showing, once it shows."""
    page.wait_for_selector("[role='tooltip']", state="visible", timeout=3000)
    return page.eval_on_selector_all("[role='tooltip']:not([hidden])", "ts => ts.map(t => t.textContent).join(' ')")


def test_term_link_shows_its_definition_on_hover_and_on_focus(page, served_site, real_data):
    """The definitions (one file for the whole site) are fetched when a link is first pointed at, not with the page."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    load_settled(page, served_site + "/topics/normalization/")
    assert not [url for url in requested if url.endswith("/term-tips.js")]
    link = page.locator("a.term-link[href$='#batch-normalization']").first
    definition_start = " ".join(real_data.terms["batch-normalization"].definition.split())[:30]
    link.hover()
    assert definition_start in tooltip_text(page)
    assert link.get_attribute("aria-describedby") == page.get_attribute("[role='tooltip']", "id")
    page.mouse.move(0, 0)
    page.wait_for_selector("[role='tooltip']", state="hidden")
    link.focus()
    assert definition_start in tooltip_text(page)
    page.keyboard.press("Escape")
    page.wait_for_selector("[role='tooltip']", state="hidden")


def test_term_links_skip_code_headings_links_and_formulas(page, served_site):
    page.goto(served_site + "/topics/normalization/")
    nested = page.eval_on_selector_all(
        "a.term-link", "as => as.filter(a => a.closest('code, pre, h1, h2, h3, math, .qa-meta') || a.parentElement.closest('a')).length")
    assert nested == 0
    assert page.locator("a.term-link").count() > 10
