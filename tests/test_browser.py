"""In headless Chromium: the site makes no request outside its own origin, and renders formulas."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

from browser_helpers import load_settled

PAGES = ["/", "/topics/optimization/", "/glossary/", "/glossary/s/", "/cheat-sheets/optimization/", "/tags/", "/tags/cnn/", "/practice/",
         "/mock-interview/", "/interview-kit/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_origin(browser, served_site, path):
    context = browser.new_context()
    outside: list[str] = []

    def guard(route):
        if urlparse(route.request.url).hostname != "127.0.0.1":
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    load_settled(page, served_site + path)
    page.mouse.move(200, 200)
    page.wait_for_function("document.getElementById('site-search').dataset.ready")
    page.keyboard.press("/")  # opens search, which loads Pagefind, its index and the result fragments
    page.keyboard.type("attention")
    page.wait_for_selector(".site-search__result")
    page.wait_for_load_state("networkidle")
    context.close()
    assert outside == []


def test_the_guard_sees_outside_requests(browser, served_site):
    """The check above can fail: a page that fetches another host is caught."""
    context = browser.new_context()
    outside: list[str] = []
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if urlparse(route.request.url).hostname != "127.0.0.1" else route.continue_())
    page = context.new_page()
    page.goto(served_site + "/")
    page.evaluate("fetch('https://fonts.googleapis.com/css?family=Roboto').catch(() => null)")
    page.wait_for_timeout(300)
    context.close()
    assert outside and "fonts.googleapis.com" in outside[0]


def test_formulas_render_as_mathml_boxes(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "/topics/optimization/")
    box = page.locator("div.math-display math").first.bounding_box()
    page.close()
    assert box and box["width"] > 20 and box["height"] > 10


LAYOUT_SHIFTS = """window.__shift = 0;
new PerformanceObserver((list) => list.getEntries().forEach((entry) => { if (!entry.hadRecentInput) window.__shift += entry.value; }))
  .observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.parametrize("path", ["/glossary/", "/glossary/s/", "/cheat-sheets/optimization/", "/cheat-sheets/all/", "/topics/llms/", "/",
                                  "/tags/", "/practice/", "/mock-interview/", "/interview-kit/"])
def test_nothing_shifts_as_the_page_loads_on_a_phone(browser, served_site, path):
    """The glossary's filter, the cheat sheets' Print button and the practice pages' forms are there from the first
    paint, and the blocks of the long pages, laid out as they near the screen, keep their place: the cumulative
    layout shift stays far below 0.1, Lighthouse's limit for a good page. The practice data
    comes late, as on a slow network, so that what the pages' scripts fill in lands after the first paint."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    context.route("**/practice/index.json", lambda route: (time.sleep(0.6), route.continue_()))
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    load_settled(page, served_site + path)
    page.wait_for_timeout(300)
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.02, shift


@pytest.mark.parametrize("path, selector", [("/practice/", ".practice-setup"), ("/mock-interview/", ".mock-setup"),
                                            ("/interview-kit/", ".kit-setup"), ("/topics/llms/", ".self-test"),
                                            ("/", ".site-search__open")])
def test_controls_are_laid_out_before_materials_script_runs(browser, served_site, path, selector):
    """On a slow phone the first paint can come before Material's script, which is what swaps the page's no-js
    class: held back, the page already shows the controls that need JavaScript, so nothing moves when it runs
    (Lighthouse measured a 0.19 shift on the practice pages when they waited for that class)."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(served_site + path, wait_until="load")
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    assert page.is_visible(selector)
    context.close()


# Long pages: blocks laid out only near the viewport (content-visibility in site.css), and the headings links lead to.
LONG_PAGES = {"/topics/llms/": (".qa-body", "h2.question"), "/glossary/s/": (".term-body", "h2.glossary-term"),
              "/glossary/": (".glossary-index", ".glossary-group h2"),
              "/cheat-sheets/all/": (".cheat-sheet-part", "h1.cheat-sheet-topic")}


@pytest.mark.parametrize("path, block, heading", [(path, *parts) for path, parts in LONG_PAGES.items()], ids=LONG_PAGES.keys())
def test_long_pages_lay_out_only_what_is_near_the_screen(browser, served_site, path, block, heading):
    """At load on a phone only the first blocks are laid out; scrolled to the end, the last one is."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    load_settled(page, served_site + path)
    rendered = f"[...document.querySelectorAll('{block}')].map(e => e.firstElementChild.checkVisibility({{contentVisibilityAuto: true}}))"
    at_load = page.evaluate(rendered)
    page.evaluate(f"[...document.querySelectorAll('{block}')].at(-1).scrollIntoView()")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    at_end = page.evaluate(rendered)
    context.close()
    assert len(at_load) > 20 and sum(at_load) <= 3, at_load
    assert at_end[-1]


@pytest.mark.parametrize("width", [320, 1366])
@pytest.mark.parametrize("path, block", [("/topics/cnns/", ".qa-body"), ("/glossary/s/", ".term-body")])
def test_each_block_is_estimated_taller_than_it_is_but_not_much(browser, served_site, path, block, width):
    """Before it is laid out, each answer of the largest topic page and each definition of the largest glossary letter
    holds a placeholder at least its height (one measured then must not spill onto the next), and the page is not made
    much longer than it is."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    load_settled(page, served_site + path)
    heights = f"[...document.querySelectorAll('{block}')].map(e => e.getBoundingClientRect().height)"
    page.add_style_tag(content=f"{block} {{ content-visibility: hidden; }}")  # every block at its placeholder's height
    placeholders = page.evaluate(heights)
    page.add_style_tag(content=f"{block} {{ content-visibility: visible !important; }}")
    laid_out = page.evaluate(heights)
    context.close()
    assert len(laid_out) > 15 and all(real <= estimate for real, estimate in zip(laid_out, placeholders)), \
        [(round(real), round(estimate)) for real, estimate in zip(laid_out, placeholders) if real > estimate]
    assert sum(placeholders) <= 1.6 * sum(laid_out), (sum(placeholders), sum(laid_out))


@pytest.mark.parametrize("width", [375, 1366])
@pytest.mark.parametrize("path, heading", [(path, heading) for path, (_, heading) in LONG_PAGES.items()], ids=LONG_PAGES.keys())
def test_a_link_into_a_long_page_lands_on_its_heading(browser, served_site, path, heading, width):
    """The blocks above a linked heading were never laid out, only estimated: the heading still lands under the header."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    load_settled(page, served_site + path)
    ids = page.evaluate(f"[...document.querySelectorAll('{heading}')].map(h => h.id)")
    target = ids[len(ids) // 2]
    load_settled(page, f"{served_site}{path}#{target}")
    page.wait_for_timeout(300)
    top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    context.close()
    assert len(ids) > 20 and header <= top <= header + 60, (target, top, header)
