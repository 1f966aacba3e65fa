/* The practice page: the reader chooses what to practise (topics, difficulty, kind; due, new, weak or
   everything), then answers one question at a time, reveals the short answer, ticks the listen-for
   points their answer covered (the share covered proposes a grade) and grades it; FSRS schedules the
   next review (schedule.js) and the progress is saved in this browser (progress.js). Keyboard first:
   Space reveals, 1–9 tick points, Enter moves to the grades, 1–4 grade. Progress is exported to and
   imported from a file here. Question text comes from the practice data the build writes
   (macros/practice_data.py); text from an imported file is only ever shown as text. */
import { onPage } from "./page.js";
import { countStates, isDue, isWeak, loadProgress, merged, progressFile, readProgressFile, saveProgress, ImportError, MAX_FILE_BYTES } from "./progress.js";
import { openPracticeApp } from "./practice-data.js";
import { printReviewSheet } from "./review-sheet.js";
import { GRADES, interval, renderRubric } from "./rubric.js";
import { graded } from "./schedule.js";

const TEXT_FIELD = /^(INPUT|TEXTAREA|SELECT)$/;

async function setUp() {
  const app = await openPracticeApp("practice-app");
  if (!app) return;
  const { root, data } = app;
  const { index, questions, topicOf } = data;
  const ui = elements(root);
  let progress = loadProgress();
  let session = null;  // {items: [{id, topic, text}], at, results: [{id, rating, due}]}
  let phase = "idle";  // question → answer (ticking points) → grade

  if (!questions.some((q) => isDue(progress[q.id]))) ui.setup.querySelector("input[name=mode][value=new]").checked = true;
  showProgressSummary();
  showSetupCounts();

  ui.setup.addEventListener("change", showSetupCounts);
  ui.setup.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  ui.reveal.addEventListener("click", reveal);
  ui.end.addEventListener("click", finish);
  ui.again.addEventListener("click", () => { ui.summary.hidden = true; ui.setup.hidden = false; showSetupCounts(); ui.setup.querySelector("input").focus(); });
  ui.exportButton.addEventListener("click", exportProgress);
  ui.file.addEventListener("change", importProgress);
  ui.sheetButton.addEventListener("click", printSheet);
  document.addEventListener("keydown", onKey);

  /** The questions the setup form chooses, in the order they are practised. */
  function chosen() {
    const form = new FormData(ui.setup);
    const topics = new Set(form.getAll("topic"));
    const difficulties = new Set(form.getAll("difficulty"));
    const kinds = new Set(form.getAll("kind"));
    const mode = form.get("mode");
    const now = new Date();
    const matching = questions.filter((q) => (!topics.size || topics.has(q.topic)) && difficulties.has(q.difficulty) && kinds.has(q.kind));
    const due = (q) => Date.parse(progress[q.id].card.due);
    const dueNow = matching.filter((q) => isDue(progress[q.id], now)).sort((a, b) => due(a) - due(b));
    const fresh = matching.filter((q) => !progress[q.id]);
    if (mode === "due") return dueNow;
    if (mode === "new") return fresh;
    if (mode === "weak") return matching.filter((q) => isWeak(progress[q.id])).sort((a, b) => progress[a.id].rating - progress[b.id].rating || due(a) - due(b));
    const rest = matching.filter((q) => progress[q.id] && !isDue(progress[q.id], now)).sort((a, b) => due(a) - due(b));
    return [...dueNow, ...fresh, ...rest];
  }

  function sessionSize() {
    return Math.max(1, Math.min(500, Number(ui.size.value) || 20));
  }

  function showSetupCounts() {
    const count = chosen().length;
    ui.setupStatus.textContent = count ? `${Math.min(count, sessionSize())} of ${count} matching questions in this session.` : "No question matches this choice.";
    ui.start.disabled = !count;
    for (const slot of ui.topicCounts) {
      const topic = index.topics.find((t) => t.slug === slot.dataset.topic);
      const counts = countStates(topic.questions.map(([id]) => id), progress);
      slot.textContent = `(${topic.questions.length}${counts.due ? `, ${counts.due} due` : ""})`;
    }
  }

  function showProgressSummary() {
    const counts = countStates(questions.map((q) => q.id), progress);
    ui.progressSummary.textContent = `${questions.length} questions: ${counts.new} new, ${counts.learning} learning, ${counts.known} known; ${counts.due} due today.`;
  }

  async function start() {
    const picked = chosen().slice(0, sessionSize());
    if (!picked.length) return;
    ui.start.disabled = true;
    const texts = await Promise.all(picked.map((q) => data.texts(q.id)));
    session = { items: picked.map((q, i) => ({ ...q, text: texts[i] })), at: 0, results: [] };
    ui.setup.hidden = true;
    ui.summary.hidden = true;
    ui.session.hidden = false;
    showQuestion();
  }

  function showQuestion() {
    const item = session.items[session.at];
    const topic = topicOf.get(item.id);
    phase = "question";
    ui.position.textContent = `Question ${session.at + 1} of ${session.items.length} · ${topic.title} · ${item.difficulty} · ${item.kind}`;
    ui.question.innerHTML = item.text.q;  // HTML the build rendered from validated data
    ui.answer.value = "";
    ui.revealed.hidden = true;
    ui.reveal.hidden = false;
    ui.question.focus();
  }

  function reveal() {
    if (phase !== "question") return;
    const item = session.items[session.at];
    phase = "answer";
    ui.short.innerHTML = item.text.short;
    renderRubric(ui, item.text.listen, progress[item.id], grade);
    ui.full.href = data.url(item.id);
    showFollowUps(item);
    ui.reveal.hidden = true;
    ui.revealed.hidden = false;
    ui.short.focus();
  }

  function showFollowUps(item) {
    ui.followUps.replaceChildren();
    if (!item.text.follow.length) return;
    const title = document.createElement("h3");
    title.textContent = "Follow-up questions";
    const list = document.createElement("ul");
    for (const [html, id] of item.text.follow) {
      const row = document.createElement("li");
      const topic = id && topicOf.get(id);
      const holder = topic ? document.createElement("a") : document.createElement("span");
      if (topic) {
        holder.href = data.url(id);
        holder.target = "_blank";
        holder.rel = "noopener";
      }
      holder.innerHTML = html;  // build-rendered
      row.append(holder);
      list.append(row);
    }
    ui.followUps.append(title, list);
  }

  function grade(rating) {
    if (phase !== "answer" && phase !== "grade") return;
    const item = session.items[session.at];
    const entry = graded(progress[item.id], rating);
    progress = { ...loadProgress(), [item.id]: entry };  // another tab may have saved meanwhile
    saveProgress(progress);
    session.results.push({ id: item.id, text: item.text, rating, due: new Date(entry.card.due) });
    session.at += 1;
    if (session.at < session.items.length) showQuestion(); else finish();
  }

  function finish() {
    phase = "idle";
    ui.session.hidden = true;
    ui.summary.hidden = false;
    const byGrade = GRADES.map(({ rating, name }) => `${name} ${session.results.filter((r) => r.rating === rating).length}`);
    ui.summaryCounts.textContent = `${session.results.length} graded: ${byGrade.join(", ")}.`;
    ui.summaryList.replaceChildren(...session.results.map((result) => {
      const row = document.createElement("li");
      const question = document.createElement("span");
      question.innerHTML = result.text.q;  // build-rendered
      row.append(question, ` — ${GRADES.find((g) => g.rating === result.rating).name}, next review in ${interval(result.due)}`);
      return row;
    }));
    showProgressSummary();
    ui.summaryTitle.focus();
  }

  function onKey(event) {
    if (!session || ui.session.hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = TEXT_FIELD.test(event.target.tagName) && event.target.type !== "checkbox";
    if (phase === "question" && event.key === " " && !typing && event.target.tagName !== "BUTTON") {
      event.preventDefault();
      reveal();
    } else if (phase === "answer" && /^[1-9]$/.test(event.key) && !typing) {
      const box = ui.points.querySelectorAll("input")[Number(event.key) - 1];
      if (box) { event.preventDefault(); box.click(); }
    } else if (phase === "answer" && event.key === "Enter" && !typing && !/^(BUTTON|A)$/.test(event.target.tagName)) {
      event.preventDefault();
      phase = "grade";
      ui.grades.querySelector(".md-button--primary").focus();
    } else if (phase === "grade" && /^[1-4]$/.test(event.key) && !typing) {
      event.preventDefault();
      grade(Number(event.key));
    }
  }

  /** Print the short answers and listen-for points of the questions chosen for the review sheet. */
  async function printSheet() {
    const choice = root.querySelector("input[name=sheet]:checked").value;
    const lastSession = new Set(session ? session.results.map((result) => result.id) : []);
    const now = new Date();
    const picked = questions.filter((q) => {
      const entry = progress[q.id];
      if (choice === "session") return lastSession.has(q.id);
      if (choice === "due") return isDue(entry, now);
      if (choice === "weak") return isWeak(entry);
      return isDue(entry, now) || isWeak(entry);
    });
    if (!picked.length) {
      ui.message.textContent = choice === "session" ? "Practise a session on this page first: nothing to print." : "No question is due or weak in that choice: nothing to print.";
      return;
    }
    ui.message.textContent = "";
    const texts = await Promise.all(picked.map((q) => data.texts(q.id)));
    printReviewSheet(picked.map((q, i) => ({ id: q.id, topic: topicOf.get(q.id), text: texts[i] })), "My review sheet");
  }

  function exportProgress() {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([progressFile(loadProgress())], { type: "application/json" }));
    link.download = `dl-interview-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    ui.message.textContent = "Progress exported.";
  }

  async function importProgress() {
    const file = ui.file.files[0];
    ui.file.value = "";
    if (!file) return;
    try {
      if (file.size > MAX_FILE_BYTES) throw new ImportError(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: it is not a progress file of this site.`);
      const theirs = readProgressFile(await file.text());
      const result = merged(loadProgress(), theirs);
      progress = result.progress;
      saveProgress(progress);
      const unknown = Object.keys(theirs).filter((id) => !topicOf.has(id)).length;
      ui.message.textContent = `Imported ${Object.keys(theirs).length} questions: ${result.added.length} added, ${result.updated.length} updated ` +
        `(a later review), ${result.kept.length} kept as they were here (yours was as late or later)` +
        (unknown ? `; ${unknown} no longer on the site, kept but not shown.` : ".");
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      ui.message.textContent = `Nothing imported: ${error.message} Your progress is unchanged.`;
    }
    showProgressSummary();
    showSetupCounts();
  }
}

function elements(root) {
  const find = (selector) => root.querySelector(selector);
  return {
    setup: find(".practice-setup"), size: find("#practice-size"), setupStatus: find(".practice-setup__status"), start: find(".practice-setup__start"),
    topicCounts: [...root.querySelectorAll(".practice-setup__count")],
    session: find(".practice-session"), position: find(".practice-session__position"), question: find(".practice-session__question"),
    answer: find(".practice-session__answer"), reveal: find(".practice-session__reveal"), revealed: find(".practice-session__revealed"),
    short: find(".practice-session__short"), points: find(".practice-session__points"), grades: find(".practice-session__grades"),
    title: find(".practice-session__grade-title"), full: find(".practice-session__full"), followUps: find(".practice-session__follow-ups"),
    end: find(".practice-session__end"),
    summary: find(".practice-summary"), summaryTitle: find("#practice-summary-title"), summaryCounts: find(".practice-summary__counts"),
    summaryList: find(".practice-summary__list"), again: find(".practice-summary__again"),
    progressSummary: find(".practice-progress__summary"), exportButton: find(".practice-progress__export"),
    file: find(".practice-progress__file"), message: find(".practice-progress__message"), sheetButton: find(".practice-sheet__print"),
  };
}

onPage(setUp);
