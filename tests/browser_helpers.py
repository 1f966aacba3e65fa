"""Helpers for browser tests: open a page once it has settled or without JavaScript, drive the site's search box and read its results."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

SETTLED = """q => {
    const list = document.getElementById('site-search-results');
    return list.dataset.query === q && list.getAttribute('aria-busy') === 'false';
}"""


def load_settled(page, url: str) -> None:
    """Open `url` and wait until its scripts have run, the network is quiet and layout observers have fired.

    Playwright's "networkidle" alone can come while a long page is still being parsed."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


@contextmanager
def page_without_javascript(browser, url: str):
    """A page opened at `url` with JavaScript turned off; its context is closed after."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    try:
        yield page
    finally:
        context.close()


def open_search(page) -> None:
    """Open the search dialog from the keyboard (or focus it if open) and clear any earlier query."""
    page.wait_for_function("document.getElementById('site-search').dataset.ready")  # the page's scripts have run
    if not page.evaluate("document.getElementById('site-search').open"):
        page.keyboard.press("/")
    page.wait_for_selector("#site-search-input", state="visible")
    page.focus("#site-search-input")
    if page.input_value("#site-search-input"):
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.wait_for_function(SETTLED, arg="")


def results(page) -> list[str]:
    """The results shown, in order, as "topic#id" or "glossary#id"."""
    anchors = []
    for href in page.eval_on_selector_all("#site-search-results a", "links => links.map(a => a.href)"):
        url = urlparse(href)
        parts = url.path.strip("/").split("/")
        anchors.append(f"{'glossary' if 'glossary' in parts else parts[-1]}#{url.fragment}")
    return anchors


def search(page, query: str) -> list[str]:
    """Type `query` into the search box as a reader would and return the results once they settle."""
    open_search(page)
    page.keyboard.type(query)
    page.wait_for_function(SETTLED, arg=query.strip())
    return results(page)


def fill_setup(page, length: int | None = None, kinds=None, topic: str | None = None) -> None:
    """Fill a practice, mock-interview or kit set-up form: the length, exactly these kinds, and one topic (its
    area's folded list opened first, as a reader would)."""
    if kinds is not None:
        for box in page.locator("input[name=kind]").all():
            box.set_checked(box.get_attribute("value") in kinds)
    if length is not None:
        page.check(f"input[name=length][value='{length}']")
    if topic is not None:
        page.locator(".practice-setup__topics details", has=page.locator(f"input[value={topic}]")).locator("summary").click()
        page.check(f"input[name=topic][value={topic}]")


def serious_axe_violations(page, context: dict | None = None, rules: list[str] | None = None,
                           skip: list[str] = ()) -> list[dict]:
    """axe-core's serious and critical violations on `page` (within `context`; only `rules` if given, never
    those in `skip`). Only violations are listed node by node (axe's own default, lost when other options are
    given): listing every passing node too made a run on the largest topic page a quarter slower."""
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    if skip:
        options["rules"] = {rule: {"enabled": False} for rule in skip}
    results = Axe().run(page, context=context, options=options)
    return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
