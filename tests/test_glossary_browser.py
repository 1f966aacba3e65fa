"""In headless Chromium: the glossary filter, term tooltips, keyboard and mobile use."""

from __future__ import annotations

import pytest


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def visible_terms(page) -> list[str]:
    return page.eval_on_selector_all("h3.glossary-term", "hs => hs.filter(h => !h.hidden).map(h => h.id)")


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
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "/glossary/")
    assert page.locator("h3.glossary-term").count() == len(real_data.glossary.terms)
    assert not page.is_visible(".glossary-filter")
    context.close()


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
    assert "dropout" in page.eval_on_selector_all("h3.glossary-term", "hs => hs.filter(h => !h.hidden).map(h => h.id)")
    box = page.locator("#glossary-query").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    context.close()


def tooltip_text(page) -> str:
    """The text of the tooltip showing, once it shows."""
    page.wait_for_selector("[role='tooltip']", state="visible", timeout=3000)
    return page.eval_on_selector_all("[role='tooltip']:not([hidden])", "ts => ts.map(t => t.textContent).join(' ')")


def test_term_link_shows_its_definition_on_hover_and_on_focus(page, served_site, real_data):
    page.goto(served_site + "/topics/normalization/")
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
