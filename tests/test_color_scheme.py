"""In headless Chromium: the header's colour-scheme toggle (overrides/partials/palette.html, javascripts/color-scheme.js)."""

from __future__ import annotations

import pytest

from browser_helpers import load_settled, page_without_javascript

STATE = """() => ({
    scheme: document.body.dataset.mdColorScheme,
    meta: document.querySelector('meta[name="color-scheme"]').content,
    shown: [...document.querySelectorAll('.color-scheme button')].filter(b => b.checkVisibility()).map(b => b.getAttribute('aria-label')),
    focused: document.activeElement.getAttribute('aria-label'),
})"""


def system_change(page, scheme: str) -> None:
    """Switch the system's colour scheme and let the page's media listeners run (they fire with the next frames)."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.mark.parametrize("system, scheme, name", [("light", "default", "Switch to dark mode"), ("dark", "slate", "Switch to light mode")])
def test_the_systems_scheme_is_set_before_materials_script_runs(browser, served_site, system, scheme, name):
    """A reader who has not chosen gets the system's scheme from the first paint: no light flash in dark mode."""
    context = browser.new_context(color_scheme=system)
    context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    context.route("**/javascripts/color-scheme.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(served_site + "/topics/optimization/", wait_until="load")
    state = page.evaluate(STATE)
    assert (state["scheme"], state["shown"]) == (scheme, [name])
    assert state["meta"] == ("dark" if scheme == "slate" else "light")
    context.close()


def test_a_click_or_a_key_switches_the_scheme_and_the_choice_is_kept(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    load_settled(page, served_site + "/topics/optimization/")
    page.click(".color-scheme button:visible")
    state = page.evaluate(STATE)
    assert state == {"scheme": "slate", "meta": "dark", "shown": ["Switch to light mode"], "focused": "Switch to light mode"}
    page.keyboard.press("Enter")  # focus moved to the button now shown
    assert page.evaluate(STATE)["scheme"] == "default"
    page.keyboard.press("Space")
    # The choice holds on other pages and over the system's setting, which it no longer follows.
    load_settled(page, served_site + "/glossary/")
    system_change(page, "dark")
    system_change(page, "light")
    assert page.evaluate(STATE)["scheme"] == "slate"
    page.reload()
    assert page.evaluate(STATE)["shown"] == ["Switch to light mode"]
    context.close()


def test_without_a_choice_the_page_follows_the_system_as_it_changes(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    load_settled(page, served_site + "/")
    system_change(page, "dark")
    assert page.evaluate(STATE)["scheme"] == "slate"
    system_change(page, "light")
    assert page.evaluate(STATE)["shown"] == ["Switch to dark mode"]
    context.close()


def test_a_choice_stored_by_materials_own_toggle_still_holds(browser, served_site):
    """Readers who chose a scheme before this toggle replaced Material's keep it: the same stored entry."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(served_site + "/")
    page.evaluate("""__md_set("__palette", {index: 1, color: {media: "(prefers-color-scheme: dark)", scheme: "slate",
                                                               primary: "indigo", accent: "indigo"}})""")
    page.reload()
    assert page.evaluate(STATE)["scheme"] == "slate"
    context.close()


def test_without_javascript_no_toggle_is_shown(browser, served_site):
    with page_without_javascript(browser, served_site + "/") as page:
        assert page.locator(".color-scheme button").count() == 2 and not page.is_visible(".color-scheme button")
