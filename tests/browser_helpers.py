"""Helpers for browser tests: drive Material's search box and read its results in order."""

from __future__ import annotations

from urllib.parse import urlparse


def open_search(page) -> None:
    """Open Material's search from the keyboard and clear any earlier query and its results."""
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input", state="visible")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list a')")


def _result_links(page) -> list[str]:
    """Result links a reader sees, in order (not those folded into a group's "more results")."""
    return page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link",
        "links => links.filter(a => !a.closest('details:not([open])')).map(a => a.href)")


def search(page, query: str) -> list[str]:
    """Type `query` into the search box and return the result anchors ("topic#id") in display order."""
    open_search(page)
    page.keyboard.type(query, delay=15)
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            return meta && /\\d|No matching/.test(meta.textContent);
        }""")
    # Results settle once the search for the last keystroke has returned: wait for 1.2 s of quiet
    # (generous, because a loaded 2-core machine can take most of a second per search).
    previous, quiet = None, 0
    while quiet < 8:
        page.wait_for_timeout(150)
        current = _result_links(page)
        quiet = quiet + 1 if current == previous else 0
        previous = current
    anchors: list[str] = []
    for href in previous:
        url = urlparse(href)
        anchor = f"{url.path.strip('/').split('/')[-1] or 'home'}#{url.fragment}" if url.fragment else None
        if anchor and anchor not in anchors:
            anchors.append(anchor)
    return anchors
