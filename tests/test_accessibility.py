"""In headless Chromium: every page type has no serious or critical axe-core violation in the light
and dark schemes at desktop and phone widths, and the keyboard reaches the content in a few stops."""

from __future__ import annotations

import pytest
from browser_helpers import load_settled, serious_axe_violations

PAGE_TYPES = {"home": "/", "topic": "/topics/llms/", "glossary": "/glossary/",
              "glossary letter": "/glossary/s/", "cheat sheet": "/cheat-sheets/optimization/",
              "all cheat sheets": "/cheat-sheets/all/", "cheat sheet index": "/cheat-sheets/", "tags": "/tags/",
              "tag": "/tags/cnn/",
              "practice": "/practice/", "mock interview": "/mock-interview/",
              "interview kit": "/interview-kit/", "not found": "/404.html"}
VIEWS = [("light", 1366), ("dark", 1366), ("light", 375), ("dark", 375)]


# The combined document repeats the cheat sheet 42 times (14,500 elements, most of them formulas), and
# axe's colour-contrast rule costs about 2 ms an element: on that page it checks the chrome and the first
# two sheets, set in the same styles as the rest; every other rule checks the whole page.
CONTRAST_SCOPE = {"/cheat-sheets/all/": {"exclude": [[".cheat-sheet-part:nth-of-type(n+3)"]]}}
# What a reader sees on scrolling: sections that the browser lays out only near the viewport, laid out.
ALL_LAID_OUT = "* { content-visibility: visible !important; }"


def as_read(page) -> None:
    """The page as a reader sees it on scrolling through: every section laid out, and every code block set up (Material
    gives one its tab stop, where it scrolls, when it first comes into view)."""
    page.add_style_tag(content=ALL_LAID_OUT)
    page.evaluate("""async () => {
        for (const code of document.querySelectorAll('pre > code')) {
            code.scrollIntoView();
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        }
        window.scrollTo(0, 0);
    }""")


def serious_violations(page, path: str) -> list[dict]:
    """axe-core's serious and critical violations on `page`."""
    if path not in CONTRAST_SCOPE:
        return serious_axe_violations(page)
    return serious_axe_violations(page, skip=["color-contrast"]) + contrast_violations(page, path)


def contrast_violations(page, path: str) -> list[dict]:
    """axe-core's colour-contrast violations on the part of `page` that CONTRAST_SCOPE names."""
    return serious_axe_violations(page, context=CONTRAST_SCOPE[path], rules=["color-contrast"])


@pytest.mark.parametrize("scheme, width", VIEWS, ids=[f"{scheme}-{width}" for scheme, width in VIEWS])
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_serious_accessibility_violation(browser, served_site, path, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    load_settled(page, served_site + path)
    as_read(page)
    violations = serious_violations(page, path)
    context.close()
    assert violations == [], [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]


LONG_PAGES = ["/topics/cnns/", "/glossary/s/"]  # the largest topic page, where answers spilled; a letter page


@pytest.mark.parametrize("width", [412, 1366])
@pytest.mark.parametrize("path", LONG_PAGES)
def test_long_pages_pass_as_loaded(browser, served_site, path, width):
    """As Lighthouse checks them: right after load, most blocks not yet laid out. An answer measured before it is shown
    must not spill onto the next question (its links then seemed to crowd the tag chips, its words to sit on the footer)."""
    context = browser.new_context(viewport={"width": width, "height": 823})
    page = context.new_page()
    load_settled(page, served_site + path)
    violations = serious_axe_violations(page, rules=["color-contrast", "target-size"])
    context.close()
    assert violations == [], [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]


def test_the_combined_documents_contrast_check_covers_its_first_sheets(browser, served_site):
    """The scoped contrast check still sees the sheets it covers: a grey-on-white word in the second sheet fails it."""
    page = browser.new_page()
    load_settled(page, served_site + "/cheat-sheets/all/")
    page.add_style_tag(content=ALL_LAID_OUT)
    page.evaluate("""() => { const p = document.querySelectorAll('.cheat-sheet-part')[1].querySelector('p');
        p.style.color = '#bbb'; }""")
    assert [v["id"] for v in contrast_violations(page, "/cheat-sheets/all/")] == ["color-contrast"]
    page.close()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_tab_reaches_the_content_in_a_few_stops_on_a_phone(browser, served_site, path):
    """At 375 px the closed navigation drawer holds no tab stop: Tab goes through the header to the page."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    load_settled(page, served_site + path)
    focusable = page.evaluate("document.querySelector('article').querySelectorAll('a[href], button, input, [tabindex]').length")
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement;
            return e.closest('article, .md-content') ? 'content' : e.closest('.md-sidebar') ? 'sidebar' : e.className || e.tagName; }""")
        stops.append(where)
        if where == "content":
            break
    context.close()
    assert "sidebar" not in stops, stops
    if focusable:
        assert stops[-1] == "content" and len(stops) <= 8, stops
