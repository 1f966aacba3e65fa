"""Practice: the data the build writes for it, and in headless Chromium the "Test yourself" switch,
practice sessions scheduled by FSRS, progress counts, and progress files exported and imported."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from browser_helpers import fill_setup, load_settled, page_without_javascript, serious_axe_violations

TOPIC = "cnns"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
STORAGE = "dl-interview-reference:progress"
LIBRARY = "/javascripts/vendor/ts-fsrs-5.4.2.js"


# The data


def test_practice_data_lists_every_question_once_in_reading_order(real_site, real_data):
    index = json.loads((real_site / "practice" / "index.json").read_text())
    assert [t["slug"] for t in index["topics"]] == [page.slug for page in real_data.topics]
    ids = [q[0] for t in index["topics"] for q in t["questions"]]
    assert ids == [q.id for page in real_data.topics for q in page.topic.questions]
    first = real_data.topics[0].topic.questions[0]
    assert index["topics"][0]["questions"][0] == [first.id, first.difficulty, first.kind]
    assert set(index["areas"]) == {group.area.id for group in real_data.areas}


def test_practice_data_holds_each_question_with_formulas_as_mathml(real_site, real_data):
    for page in real_data.topics:
        questions = json.loads((real_site / "practice" / f"{page.slug}.json").read_text())
        assert list(questions) == [q.id for q in page.topic.questions]
        for q in page.topic.questions:
            shown = questions[q.id]
            assert len(shown["listen"]) == len(q.listen_for) and len(shown["follow"]) == len(q.follow_ups)
            assert [f[1] for f in shown["follow"]] == [f.id for f in q.follow_ups]
            for html in [shown["q"], shown["short"], *shown["listen"]]:
                assert "<script" not in html and "<p><p>" not in html, (q.id, html)
    with_formula = next(q for q in real_data.questions.values() if "$" in q.short_answer)
    shown = json.loads((real_site / "practice" / f"{real_data.topic_of[with_formula.id]}.json").read_text())[with_formula.id]
    assert "<math" in shown["short"]


def test_practice_data_shows_data_text_as_text(real_data):
    from markdown import Markdown

    from macros.mathml import MathMLExtension
    from macros.practice_data import _question

    question = real_data.questions["how-cnns-work"].model_copy(update={
        "question": "Is a < b & c, and what does {{ config }} print?", "short_answer": "It is $a^2$ and `<b>`.",
        "listen_for": ["Says x < y."]})
    shown = _question(question, real_data, Markdown(extensions=[MathMLExtension()]))
    assert shown["q"] == "Is a &lt; b &amp; c, and what does {{ config }} print?"
    assert "<math" in shown["short"] and "<code>&lt;b&gt;</code>" in shown["short"]
    assert shown["listen"] == ["Says x &lt; y."]


# The "Test yourself" switch


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def answer_shown(page, question_id: str) -> bool:
    """Whether the short answer of a question shows on screen."""
    return page.evaluate("""id => { let e = document.getElementById(id).nextElementSibling;
        while (!e.classList.contains('qa-body')) e = e.nextElementSibling;
        return e.querySelector('.admonition').checkVisibility(); }""", question_id)


def test_self_test_hides_answers_reveals_them_and_is_remembered(context, served_site, real_data):
    first, second = (q.id for q in real_data.topic(TOPIC).topic.questions[:2])
    page = context.new_page()
    load_settled(page, f"{served_site}/topics/{TOPIC}/")
    assert answer_shown(page, first) and not page.is_visible(".self-test__reveal")
    page.click(".self-test__switch")
    assert page.get_attribute(".self-test__switch", "aria-pressed") == "true"
    assert not answer_shown(page, first) and not answer_shown(page, second)
    page.click(f"#{first} ~ .self-test__reveal >> nth=0")
    assert answer_shown(page, first) and not answer_shown(page, second)
    page.click("text=Show all answers")
    assert answer_shown(page, second)
    page.click("text=Hide all answers")
    assert not answer_shown(page, first)

    load_settled(page, f"{served_site}/topics/optimization/")
    assert page.get_attribute(".self-test__switch", "aria-pressed") == "true"
    optimization = real_data.topic("optimization").topic.questions[0].id
    assert not answer_shown(page, optimization)
    page.emulate_media(media="print")
    assert answer_shown(page, optimization) and not page.is_visible(".self-test__reveal")
    page.emulate_media(media="screen")
    page.click(".self-test__switch")
    assert answer_shown(page, optimization) and not page.is_visible(".self-test__reveal")


def test_self_test_shows_the_answer_a_search_result_opens(context, served_site, real_data):
    first, second = (q.id for q in real_data.topic(TOPIC).topic.questions[:2])
    page = context.new_page()
    load_settled(page, f"{served_site}/topics/{TOPIC}/")
    page.click(".self-test__switch")
    load_settled(page, f"{served_site}/topics/{TOPIC}/?h=filter#{second}")
    assert answer_shown(page, second) and not answer_shown(page, first)
    body = f"xpath=//*[@id='{second}']/following-sibling::div[contains(@class, 'qa-body')][1]"
    assert page.locator(body).locator(".admonition mark.search-hit").count() > 0


def test_without_javascript_every_answer_shows(browser, served_site, real_data):
    with page_without_javascript(browser, f"{served_site}/topics/{TOPIC}/") as page:
        assert page.is_visible(".admonition") and not page.is_visible(".self-test")
        page.goto(f"{served_site}/practice/")
        assert page.is_visible(".practice-noscript") and not page.is_visible(".practice-setup")


# Practice sessions


def open_practice(page, base: str, mode: str = "new", topic: str | None = TOPIC, size: int = 3) -> None:
    load_settled(page, f"{base}/practice/")
    page.check(f"input[name=mode][value={mode}]")
    fill_setup(page, topic=topic)
    page.fill("#practice-size", str(size))
    page.click(".practice-setup__start")
    page.wait_for_selector(".practice-session:not([hidden])")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({STORAGE!r})") or "{}")


def library_next(page, card: dict | None, at: datetime, rating: int) -> dict:
    """The card FSRS gives, computed by the vendored library itself: a new card (if `card` is None) or
    `card` graded `rating` at `at`."""
    return page.evaluate("""async ([library, card, at, rating]) => {
        const { fsrs, createEmptyCard } = await import(library);
        const now = new Date(at);
        const next = fsrs().next(card || createEmptyCard(now), now, rating).card;
        return { ...next, due: next.due.toISOString(), last_review: next.last_review.toISOString() };
    }""", [LIBRARY, card, at.isoformat(), rating])


def grade_by_keyboard(page, ticks: list[int], rating: int) -> None:
    page.keyboard.press(" ")
    page.wait_for_selector(".practice-session__revealed:not([hidden])")
    for tick in ticks:
        page.keyboard.press(str(tick))
    page.keyboard.press("Enter")
    page.keyboard.press(str(rating))


def test_a_graded_answer_is_scheduled_as_the_fsrs_library_schedules_it(context, served_site, real_data):
    questions = [q.id for q in real_data.topic(TOPIC).topic.questions]
    page = context.new_page()
    page.clock.set_fixed_time(T0)
    open_practice(page, served_site, size=2)
    assert page.inner_text("#practice-question") == real_data.questions[questions[0]].question
    grade_by_keyboard(page, [1], rating=3)
    first = stored(page)[questions[0]]
    expected = library_next(page, None, T0, 3)
    assert first["rating"] == 3
    assert {k: first["card"][k] for k in expected} == expected

    page.keyboard.press(" ")
    boxes = page.locator(".practice-session__points input")
    for i in range(boxes.count()):
        boxes.nth(i).check()
    assert page.inner_text(".practice-session__grades .md-button--primary").startswith("4 Easy")
    page.click(".practice-grade[data-rating='4']")
    assert stored(page)[questions[1]]["card"]["due"] == library_next(page, None, T0, 4)["due"]
    page.wait_for_selector(".practice-summary:not([hidden])")

    later = T0 + timedelta(days=1)  # the next day, the first question is due again
    page.clock.set_fixed_time(later)
    open_practice(page, served_site, mode="due", size=5)
    assert page.inner_text(".practice-session__position").startswith("Question 1 of 1")
    grade_by_keyboard(page, [], rating=1)
    assert stored(page)[questions[0]]["card"] == {**library_next(page, first["card"], later, 1)}


def test_ticked_points_propose_a_grade(context, served_site, real_data):
    page = context.new_page()
    open_practice(page, served_site, size=1)
    page.keyboard.press(" ")
    boxes = page.locator(".practice-session__points input")
    proposed = lambda: page.inner_text(".practice-session__grades .md-button--primary").split(" ")[1]  # noqa: E731
    assert proposed() == "Again"
    for i in range(boxes.count()):
        boxes.nth(i).check()
    assert proposed() == "Easy"
    first = real_data.topic(TOPIC).topic.questions[0].id
    assert page.get_attribute(".practice-session__full", "href").endswith(f"/topics/{TOPIC}/#{first}")


def test_progress_shows_on_the_home_and_topic_pages(context, served_site, real_data):
    questions = [q.id for q in real_data.topic(TOPIC).topic.questions]
    page = context.new_page()
    open_practice(page, served_site, size=2)
    grade_by_keyboard(page, [], rating=1)   # Again: learning, due in a minute
    grade_by_keyboard(page, [1, 2, 3], rating=4)  # Easy: known, due in days
    expected = f"Your progress: {len(questions) - 2} new · 1 learning · 1 known · 1 due today"
    load_settled(page, f"{served_site}/topics/{TOPIC}/")
    assert page.inner_text(".topic-progress") == expected
    assert page.inner_text(f"#{questions[0]} .qa-state") == "learning, due"
    assert page.inner_text(f"#{questions[1]} .qa-state") == "known"
    assert page.locator(f"#{questions[2]} .qa-state").count() == 0
    load_settled(page, f"{served_site}/")
    page.wait_for_selector(f".topic-progress[data-topic={TOPIC}]:not([hidden])")
    assert page.inner_text(f".topic-progress[data-topic={TOPIC}]") == expected
    assert page.locator(".topic-progress:not([hidden])").count() == 1


def test_a_whole_session_by_keyboard_alone(context, served_site):
    page = context.new_page()
    load_settled(page, f"{served_site}/practice/")
    page.check("input[name=mode][value=new]")
    page.fill("#practice-size", "3")
    page.focus("body")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('practice-setup__start')"):
            break
    page.keyboard.press("Enter")
    for _ in range(3):
        page.wait_for_function("document.activeElement.id === 'practice-question'")
        grade_by_keyboard(page, [1, 2], rating=3)
    page.wait_for_function("document.activeElement.id === 'practice-summary-title'")
    assert page.inner_text(".practice-summary__counts").startswith("3 graded")
    assert len(stored(page)) == 3


def test_state_and_grade_numbers_are_the_librarys(context, served_site):
    page = context.new_page()
    load_settled(page, f"{served_site}/practice/")
    ours, theirs = page.evaluate("""async (library) => {
        const ours = await import('/javascripts/progress.js'), theirs = await import(library);
        const pick = (o) => ({ New: o.State.New, Learning: o.State.Learning, Review: o.State.Review, Relearning: o.State.Relearning,
                               Again: o.Rating.Again, Hard: o.Rating.Hard, Good: o.Rating.Good, Easy: o.Rating.Easy });
        return [pick(ours), pick(theirs)]; }""", LIBRARY)
    assert ours == theirs


# Progress files


def export_progress(page, tmp_path) -> dict:
    with page.expect_download() as download:
        page.click(".practice-progress__export")
    path = tmp_path / "progress.json"
    download.value.save_as(path)
    return json.loads(path.read_text())


def import_progress(page, content: str | bytes) -> str:
    page.set_input_files(".practice-progress__file", files=[{"name": "progress.json", "mimeType": "application/json",
                                                             "buffer": content.encode() if isinstance(content, str) else content}])
    page.wait_for_function("document.querySelector('.practice-progress__message').textContent !== ''")
    message = page.inner_text(".practice-progress__message")
    page.evaluate("document.querySelector('.practice-progress__message').textContent = ''")
    return message


def test_export_then_import_into_an_empty_browser_restores_progress(context, served_site, tmp_path):
    page = context.new_page()
    open_practice(page, served_site, size=2)
    grade_by_keyboard(page, [1], rating=3)
    grade_by_keyboard(page, [], rating=2)
    before = stored(page)
    load_settled(page, f"{served_site}/practice/")
    exported = export_progress(page, tmp_path)
    assert exported["format"] == "dl-interview-reference/progress" and exported["progress"] == before
    page.evaluate("localStorage.clear()")
    load_settled(page, f"{served_site}/practice/")
    assert ", 0 learning" in page.inner_text(".practice-progress__summary")
    message = import_progress(page, (tmp_path / "progress.json").read_text())
    assert message.startswith("Imported 2 questions: 2 added, 0 updated")
    assert stored(page) == before
    assert ", 2 learning" in page.inner_text(".practice-progress__summary")


def test_import_merges_by_question_and_the_later_review_wins(context, served_site, real_data):
    a, b, c = (q.id for q in real_data.topic(TOPIC).topic.questions[:3])
    page = context.new_page()
    open_practice(page, served_site, size=2)
    grade_by_keyboard(page, [], rating=3)
    grade_by_keyboard(page, [], rating=3)
    mine = stored(page)

    def reviewed(entry: dict, shift: timedelta, rating: int) -> dict:
        at = datetime.fromisoformat(entry["card"]["last_review"].replace("Z", "+00:00")) + shift
        return {"card": {**entry["card"], "last_review": at.isoformat()}, "rating": rating}

    theirs = {a: reviewed(mine[a], timedelta(hours=1), 1), b: reviewed(mine[b], -timedelta(hours=1), 4),
              c: reviewed(mine[a], timedelta(0), 2), "a-question-no-longer-on-the-site": reviewed(mine[a], timedelta(0), 3)}
    load_settled(page, f"{served_site}/practice/")
    message = import_progress(page, json.dumps({"format": "dl-interview-reference/progress", "version": 1, "progress": theirs}))
    assert message == ("Imported 4 questions: 2 added, 1 updated (a later review), 1 kept as they were here "
                       "(yours was as late or later); 1 no longer on the site, kept but not shown.")
    now = stored(page)
    assert now[a] == theirs[a] and now[b] == mine[b] and now[c] == theirs[c]
    assert "a-question-no-longer-on-the-site" in now
    assert ", 3 learning" in page.inner_text(".practice-progress__summary")


BAD_FILES = {
    "not JSON": ("{not json", "not valid JSON"),
    "another site's file": (json.dumps({"format": "someone-else", "progress": {}}), "not a progress file of this site"),
    "a newer version": (json.dumps({"format": "dl-interview-reference/progress", "version": 9, "progress": {}}), "version 9"),
    "markup as an id": (json.dumps({"format": "dl-interview-reference/progress", "version": 1,
                                    "progress": {"<img src=x onerror=window.__injected=1>": {"card": {}, "rating": 3}}}),
                        'Question "<img src=x onerror=window.__injected=1>": not a question id'),
    "a broken card": (json.dumps({"format": "dl-interview-reference/progress", "version": 1,
                                  "progress": {"how-cnns-work": {"card": {"stability": "high"}, "rating": 3}}}), '"stability"'),
    "oversized": ("x" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
}


@pytest.mark.parametrize("content, reason", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_rejected_and_progress_kept(context, served_site, content, reason):
    page = context.new_page()
    open_practice(page, served_site, size=1)
    grade_by_keyboard(page, [], rating=3)
    before = page.evaluate(f"localStorage.getItem({STORAGE!r})")
    load_settled(page, f"{served_site}/practice/")
    message = import_progress(page, content)
    assert message.startswith("Nothing imported:") and reason in message and message.endswith("Your progress is unchanged.")
    assert page.evaluate(f"localStorage.getItem({STORAGE!r})") == before
    assert page.locator(".practice-progress__message *").count() == 0
    assert page.evaluate("window.__injected") is None


# The review sheet


def test_the_review_sheet_prints_only_the_chosen_questions(context, served_site, real_data, tmp_path):
    from pypdf import PdfReader

    first, second, third = real_data.topic(TOPIC).topic.questions[:3]
    page = context.new_page()
    open_practice(page, served_site, size=3)
    grade_by_keyboard(page, [], rating=1)            # Again: weak
    grade_by_keyboard(page, [], rating=2)            # Hard: weak
    grade_by_keyboard(page, [1, 2, 3, 4, 5, 6, 7], rating=4)  # Easy: neither due nor weak
    load_settled(page, f"{served_site}/practice/")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.check("input[name=sheet][value=weak]")
    page.click(".practice-sheet__print")
    page.wait_for_function("window.__printed === true")
    page.pdf(path=str(tmp_path / "sheet.pdf"), format="A4")
    reader = PdfReader(tmp_path / "sheet.pdf")
    squash = lambda text: re.sub(r"\W+", "", text).lower()  # noqa: E731 (PDF text breaks lines anywhere)
    printed = squash(" ".join(p.extract_text() for p in reader.pages))
    assert squash(first.question) in printed and squash(second.question) in printed
    assert squash(first.listen_for[0])[:40] in printed
    assert squash(third.question) not in printed and "choosewhattopractise" not in printed
    assert squash(real_data.topic("optimization").topic.questions[0].question) not in printed
    assert len(reader.pages) <= 2


# Accessibility


@pytest.mark.parametrize("scheme, width", [("light", 1366), ("dark", 375)])
def test_a_practice_session_has_no_serious_accessibility_violation(browser, served_site, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    open_practice(page, served_site, size=2)
    page.keyboard.press(" ")
    page.keyboard.press("1")
    violations = serious_axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert violations == [], [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]
    assert overflow <= 0  # nothing wider than a phone's screen
