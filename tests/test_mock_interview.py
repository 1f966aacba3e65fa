"""The mock interview in headless Chromium: a short interview with its timer paused and extended,
follow-ups asked, due questions first, and a review whose grades move the reader's progress."""

from __future__ import annotations

import json
import re

import pytest

from browser_helpers import fill_setup, load_settled, serious_axe_violations
from test_practice import STORAGE, grade_by_keyboard, open_practice

TOPIC = "cnns"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def start_interview(page, base: str, length: int = 20, kinds=("concept",), topic: str = TOPIC) -> None:
    load_settled(page, f"{base}/mock-interview/")
    fill_setup(page, length=length, kinds=kinds, topic=topic)
    page.click(".mock-setup__start")
    page.wait_for_selector(".mock-stage:not([hidden])")


def seconds_left(page) -> int:
    minutes, seconds = re.match(r"(\d+):(\d\d) left", page.inner_text(".mock-timer__time")).groups()
    return 60 * int(minutes) + int(seconds)


def asked(page, real_data) -> str:
    """The id of the question on screen."""
    text = page.inner_text("#mock-question")
    return next(q.id for q in real_data.topic(TOPIC).topic.questions if q.question == text)


def test_a_short_interview_with_timer_follow_ups_and_graded_review(context, served_site, real_data):
    page = context.new_page()
    start_interview(page, served_site, length=20)
    assert page.inner_text(".mock-stage__position").startswith("Question 1 of 4")
    first = real_data.questions[asked(page, real_data)]
    follow_ups = first.follow_ups[:2]
    assert seconds_left(page) <= 5 * 60 - 90 * len(follow_ups)

    page.click(".mock-timer__pause")
    assert page.get_attribute(".mock-timer__pause", "aria-pressed") == "true"
    paused = seconds_left(page)
    page.wait_for_timeout(1600)
    assert seconds_left(page) == paused
    page.click(".mock-timer__pause")
    page.wait_for_timeout(1600)
    assert seconds_left(page) < paused
    before = seconds_left(page)
    page.click(".mock-timer__extend")
    assert before + 58 <= seconds_left(page) <= before + 60

    page.fill(".mock-stage__notes", "<b>conv, pooling</b> and weight sharing")
    for number, follow_up in enumerate(follow_ups, 1):
        page.click(".mock-stage__next")
        assert f"follow-up {number}" in page.inner_text(".mock-stage__position")
        assert page.inner_text("#mock-question").startswith("Follow-up: ")
        assert seconds_left(page) <= 90
    page.click(".mock-stage__next")
    assert page.inner_text(".mock-stage__position").startswith("Question 2 of 4")
    second = asked(page, real_data)
    assert second != first.id

    page.click(".mock-stage__end")
    page.wait_for_selector(".mock-review:not([hidden])")
    items = page.locator(".mock-review__item")
    assert items.count() == 2
    review = items.nth(0)
    assert "Your notes: <b>conv, pooling</b> and weight sharing" in review.inner_text()
    assert review.locator(".mock-review__notes b").count() == 0
    assert review.locator(".mock-review__step").count() == 1 + len(follow_ups)
    review.locator("ol input").first.check()
    review.locator(".practice-grade[data-rating='3']").click()
    assert review.inner_text().count("Graded Good") == 1
    progress = json.loads(page.evaluate(f"localStorage.getItem({STORAGE!r})"))
    assert progress[first.id]["rating"] == 3 and second not in progress


def test_due_questions_come_first_and_none_twice(context, served_site, real_data):
    page = context.new_page()
    open_practice(page, served_site, size=1)
    due = real_data.topic(TOPIC).topic.questions[0].id   # the first new question in reading order
    grade_by_keyboard(page, [], rating=1)   # Again: due within minutes
    start_interview(page, served_site, length=60)
    assert asked(page, real_data) == due
    seen = [asked(page, real_data)]
    while page.inner_text(".mock-stage__next") != "Done: review my answers":
        page.click(".mock-stage__next")
        if not page.inner_text("#mock-question").startswith("Follow-up: "):
            seen.append(asked(page, real_data))
    assert len(seen) == len(set(seen)) == 12   # 60 minutes of 5-minute questions, none twice


@pytest.mark.parametrize("scheme, width", [("light", 1366), ("dark", 375)])
def test_the_mock_interview_has_no_serious_accessibility_violation(browser, served_site, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    start_interview(page, served_site, length=20)
    during = serious_axe_violations(page)
    page.click(".mock-stage__end")
    page.wait_for_selector(".mock-review:not([hidden])")
    after = serious_axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert during == [] and after == [], [(v["id"], v["nodes"][0]["target"]) for v in during + after]
    assert overflow <= 0
