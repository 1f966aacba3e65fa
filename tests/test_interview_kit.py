"""The interviewer's kit in headless Chromium: plans drawn by filters with a seed (reproducible, and
different for another seed), questions picked with the site's search, the shared address reopening the
same plan, and the plan printed on A4 and Letter with its rubric but none of the answers."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from pypdf import PdfReader

from browser_helpers import fill_setup, load_settled, serious_axe_violations

TOPIC = "cnns"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def draw(page, base: str, seed: int, length: int = 45, kinds=("concept",), topic: str = TOPIC) -> list[str]:
    """Draw a plan on a freshly opened kit; the question ids in its address."""
    load_settled(page, f"{base}/interview-kit/")
    fill_setup(page, length=length, kinds=kinds, topic=topic)
    page.fill("#kit-seed", str(seed))
    page.focus("#kit-seed")
    page.keyboard.press("Enter")   # submits the form, as a keyboard user would
    page.wait_for_selector(".kit-plan:not([hidden]) .kit-question")
    return plan_ids(page)


def plan_ids(page) -> list[str]:
    return parse_qs(urlparse(page.url).query).get("plan", [""])[0].split(",")


def test_a_drawn_plan_follows_the_filters_and_its_seed(page, served_site, real_data):
    ids = draw(page, served_site, seed=7)
    assert len(ids) == 9 == len(set(ids)) == page.locator(".kit-question").count()   # 45 minutes of 5-minute questions
    for question in (real_data.questions[i] for i in ids):
        assert real_data.topic_of[question.id] == TOPIC and question.kind == "concept" and question.difficulty != "easy"
    assert draw(page, served_site, seed=7) == ids
    assert draw(page, served_site, seed=8) != ids


def test_the_plan_shows_rubric_follow_ups_and_a_summary_grid(page, served_site, real_data):
    ids = draw(page, served_site, seed=3, length=30)
    first = real_data.questions[ids[0]]
    item = page.locator(".kit-question").first
    assert item.locator("h3").inner_text() == first.question
    text = item.inner_text()
    assert "A strong answer contains" in text and "Red flags" in text and "Score" in text
    assert item.locator("h4:has-text('A strong answer contains') + ul li").count() == len(first.listen_for)
    assert item.locator("h4:has-text('Red flags') + ul li").count() == len(first.pitfalls)
    if first.follow_ups:
        assert "Follow-ups" in text
    assert item.locator(".kit-question__anchors li").count() == 4
    assert page.locator(".kit-plan__grid tbody tr").count() >= 1


def test_the_shared_address_reopens_the_same_plan(page, served_site):
    ids = draw(page, served_site, seed=11)
    shared = page.get_attribute(".kit-plan__share", "href")
    headings = page.locator(".kit-question h3").all_inner_texts()
    other = page.context.new_page()
    load_settled(other, shared)
    other.wait_for_selector(".kit-question")
    assert plan_ids(other) == ids and other.locator(".kit-question h3").all_inner_texts() == headings
    load_settled(other, f"{served_site}/interview-kit/?plan=<img src=x onerror=window.__injected=1>,{ids[0]}")
    other.wait_for_selector(".kit-question")
    assert other.locator(".kit-question").count() == 1 and other.evaluate("window.__injected") is None


def test_questions_are_picked_with_the_site_search(page, served_site, real_data):
    load_settled(page, f"{served_site}/interview-kit/")
    page.focus("#kit-search")
    page.keyboard.type("dropout")
    page.wait_for_selector(".kit-pick__add")
    page.locator(".kit-pick__add").first.click()
    page.wait_for_selector(".kit-question")
    picked = plan_ids(page)
    assert len(picked) == 1 and "dropout" in real_data.questions[picked[0]].question.lower()
    page.locator(".kit-pick__add:not([disabled])").first.click()
    page.wait_for_function("document.querySelectorAll('.kit-question').length === 2")
    assert len(set(plan_ids(page))) == 2


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_plan_holds_the_rubric_and_none_of_the_answers(page, served_site, real_data, tmp_path, paper):
    ids = draw(page, served_site, seed=5, length=30)
    page.pdf(path=str(tmp_path / "plan.pdf"), format=paper)
    squash = lambda text: re.sub(r"\W+", "", text).lower()  # noqa: E731 (PDF text breaks lines anywhere)
    printed = squash(" ".join(p.extract_text() for p in PdfReader(tmp_path / "plan.pdf").pages))
    for question in (real_data.questions[i] for i in ids):
        assert squash(question.question) in printed
        assert squash(question.listen_for[0])[:50] in printed
        assert squash(question.short_answer)[:50] not in printed
        assert squash(question.answer)[:50] not in printed
    assert "astronganswercontains" in printed and "redflags" in printed and "score" in printed and "notes" in printed
    assert "drawaplan" not in printed and "searchthequestions" not in printed


@pytest.mark.parametrize("scheme, width", [("light", 1366), ("dark", 375)])
def test_the_kit_has_no_serious_accessibility_violation(browser, served_site, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    draw(page, served_site, seed=2, length=30)
    page.mouse.move(0, 0)
    violations = serious_axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    assert overflow <= 0
