/* The mock interview: the reader chooses a length, a mix of kinds and topics; the session picks
   questions that fill the time (due ones first, then weak, then new, then the rest, never one twice),
   shows each with an answer timer that can be paused or extended and a notes box, then asks one or two
   of its follow-ups the same way. At the end the reader reviews each answer: their notes, the time
   spent, the short answer, and the listen-for points to tick and grade (rubric.js), which schedules the
   question's next practice review (the same progress as the practice page). Notes are shown as text. */
import { onPage } from "./page.js";
import { openPracticeApp } from "./practice-data.js";
import { isDue, isWeak, loadProgress, saveProgress } from "./progress.js";
import { fillTime, MINUTES, shuffled } from "./interview-plan.js";
import { GRADES, interval, renderRubric } from "./rubric.js";
import { graded } from "./schedule.js";

const FOLLOW_UP_SECONDS = 90;   // of a question's MINUTES, for each follow-up
const FOLLOW_UPS = 2;

async function setUp() {
  const app = await openPracticeApp("mock-app");
  if (!app) return;
  const { root, data } = app;
  const find = (selector) => root.querySelector(selector);
  const ui = {
    setup: find(".mock-setup"), status: find(".mock-setup__status"), start: find(".mock-setup__start"),
    stage: find(".mock-stage"), position: find(".mock-stage__position"), question: find(".mock-stage__question"),
    time: find(".mock-timer__time"), pause: find(".mock-timer__pause"), extend: find(".mock-timer__extend"),
    notes: find(".mock-stage__notes"), next: find(".mock-stage__next"), end: find(".mock-stage__end"),
    review: find(".mock-review"), reviewTitle: find("#mock-review-title"), summary: find(".mock-review__summary"),
    items: find(".mock-review__items"), again: find(".mock-review__again"),
  };
  let steps = [];     // [{item, follow: null or [html, id], seconds: the time allowed, spent, notes}]
  let at = 0;
  let timer = null;   // {left: seconds, paused, interval id}

  showPlanSize();
  ui.setup.addEventListener("change", showPlanSize);
  ui.setup.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  ui.pause.addEventListener("click", () => setPaused(!timer.paused));
  ui.extend.addEventListener("click", () => { timer.left += 60; steps[at].seconds += 60; showTime(); });
  ui.next.addEventListener("click", next);
  ui.end.addEventListener("click", finish);
  ui.again.addEventListener("click", () => { ui.review.hidden = true; ui.setup.hidden = false; showPlanSize(); ui.start.focus(); });

  /** The questions the setup chooses, in the order asked. */
  function plan() {
    const form = new FormData(ui.setup);
    const topics = new Set(form.getAll("topic"));
    const kinds = form.getAll("kind");
    const length = Number(form.get("length"));
    const progress = loadProgress();
    const now = new Date();
    const rank = (q) => (isDue(progress[q.id], now) ? 0 : isWeak(progress[q.id]) ? 1 : !progress[q.id] ? 2 : 3);
    const queues = kinds.map((kind) => shuffled(data.questions.filter((q) => q.kind === kind && (!topics.size || topics.has(q.topic))))
      .sort((a, b) => rank(a) - rank(b)));
    const { picked, total } = fillTime(queues, length);
    return { picked, total, length };
  }

  function showPlanSize() {
    const { picked, total, length } = plan();
    ui.status.textContent = picked.length ? `${picked.length} questions, about ${total} of ${length} minutes.` : "No question matches this choice.";
    ui.start.disabled = !picked.length;
  }

  async function start() {
    const { picked } = plan();
    if (!picked.length) return;
    ui.start.disabled = true;
    const texts = await Promise.all(picked.map((q) => data.texts(q.id)));
    steps = [];
    picked.forEach((q, i) => {
      const item = { ...q, text: texts[i], steps: [] };
      const follows = item.text.follow.slice(0, FOLLOW_UPS);
      for (const follow of [null, ...follows]) {
        const seconds = follow ? FOLLOW_UP_SECONDS : 60 * MINUTES[q.kind] - FOLLOW_UP_SECONDS * follows.length;
        const step = { item, follow, seconds, spent: 0, notes: "" };
        item.steps.push(step);
        steps.push(step);
      }
    });
    at = 0;
    ui.setup.hidden = true;
    ui.stage.hidden = false;
    showStep();
  }

  function showStep() {
    const step = steps[at];
    const items = [...new Set(steps.map((s) => s.item))];
    const number = items.indexOf(step.item) + 1;
    ui.position.textContent = step.follow
      ? `Question ${number} of ${items.length}, follow-up ${step.item.steps.indexOf(step)} · ${data.topicOf.get(step.item.id).title}`
      : `Question ${number} of ${items.length} · ${data.topicOf.get(step.item.id).title} · ${step.item.kind}`;
    ui.question.innerHTML = step.follow ? step.follow[0] : step.item.text.q;  // HTML the build rendered from validated data
    if (step.follow) ui.question.prepend("Follow-up: ");
    ui.notes.value = step.notes;
    ui.next.textContent = at + 1 < steps.length ? "Done: next" : "Done: review my answers";
    startTimer(step.seconds);
    ui.question.focus();
  }

  function startTimer(seconds) {
    stopTimer();
    timer = { left: seconds, paused: false, id: window.setInterval(tick, 1000) };
    setPaused(false);
    showTime();
  }

  function tick() {
    if (timer.paused) return;
    timer.left -= 1;
    steps[at].spent += 1;
    showTime();
  }

  function stopTimer() {
    if (timer) window.clearInterval(timer.id);
  }

  function setPaused(paused) {
    timer.paused = paused;
    ui.pause.setAttribute("aria-pressed", String(paused));
    ui.pause.textContent = paused ? "Resume timer" : "Pause timer";
    showTime();
  }

  function showTime() {
    const left = Math.max(0, timer.left);
    const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    ui.time.textContent = timer.left > 0 ? `${clock} left${timer.paused ? " (paused)" : ""}` : "Time is up: wrap up your answer, or add a minute.";
  }

  function keepNotes() {
    steps[at].notes = ui.notes.value;
  }

  function next() {
    keepNotes();
    at += 1;
    if (at < steps.length) showStep(); else finish();
  }

  function finish() {
    keepNotes();
    stopTimer();
    ui.stage.hidden = true;
    ui.review.hidden = false;
    const items = [...new Set(steps.slice(0, at + 1).map((s) => s.item))];
    const minutes = Math.round(steps.reduce((sum, s) => sum + s.spent, 0) / 60);
    ui.summary.textContent = `${items.length} questions in ${minutes} minutes. Tick what each answer covered and grade it: the grade schedules the question's next practice review.`;
    ui.items.replaceChildren(...items.map(reviewItem));
    ui.reviewTitle.focus();
  }

  /** One question in the review: notes and time per step, the short answer, the rubric and its grade. */
  function reviewItem(item, index) {
    const section = document.createElement("section");
    section.className = "mock-review__item";
    const heading = document.createElement("h3");
    heading.innerHTML = item.text.q;  // build-rendered
    section.append(heading);
    for (const step of item.steps) {
      const said = document.createElement("div");
      said.className = "mock-review__step";
      const what = document.createElement("p");
      if (step.follow) {
        what.innerHTML = step.follow[0];  // build-rendered
        what.prepend("Follow-up: ");
      }
      const time = document.createElement("p");
      time.className = "mock-review__time";
      time.textContent = `Time: ${clock(step.spent)} of ${clock(step.seconds)}.`;
      const notes = document.createElement("p");
      notes.className = "mock-review__notes";
      notes.textContent = step.notes ? `Your notes: ${step.notes}` : "No notes.";
      said.append(...(step.follow ? [what] : []), time, notes);
      section.append(said);
    }
    const short = document.createElement("div");
    short.innerHTML = `<h4>Short answer</h4>${item.text.short}`;  // build-rendered
    const pointsTitle = document.createElement("h4");
    pointsTitle.textContent = "What interviewers listen for";
    const points = document.createElement("ol");
    const grades = document.createElement("div");
    grades.className = "practice-session__grades";
    grades.setAttribute("role", "group");
    const title = document.createElement("p");
    title.id = `mock-grade-${index}`;
    title.className = "practice-session__grade-title";
    grades.setAttribute("aria-labelledby", title.id);
    grades.append(title);
    const full = document.createElement("a");
    full.href = data.url(item.id);
    full.target = "_blank";
    full.rel = "noopener";
    full.textContent = "Full answer and follow-ups (opens in a new tab)";
    const done = document.createElement("p");
    done.className = "mock-review__graded";
    done.setAttribute("role", "status");
    const rubric = { points, grades, title };
    const grade = (rating) => {
      const entry = graded(loadProgress()[item.id], rating);
      saveProgress({ ...loadProgress(), [item.id]: entry });
      done.textContent = `Graded ${GRADES.find((g) => g.rating === rating).name}: next review in ${interval(new Date(entry.card.due))}.`;
      grades.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    };
    renderRubric(rubric, item.text.listen, loadProgress()[item.id], grade);
    const link = document.createElement("p");
    link.append(full);
    section.append(short, pointsTitle, points, grades, done, link);
    return section;
  }
}

function clock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

onPage(setUp);
