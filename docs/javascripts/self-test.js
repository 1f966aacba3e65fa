/* "Test yourself" on topic pages: a switch that hides each question's answers (short answer, full
   answer, listen-for points, pitfalls and the rest) behind a "Show answer" button, per question and for
   the whole page. The choice is remembered across pages in this browser. Only the screen hides them:
   printing and readers without JavaScript see every answer. A question opened from a search result
   shows its answer, where the searched words are marked. */
import { onPage } from "./page.js";

const STORAGE_KEY = "dl-interview-reference:self-test";
const HIDDEN = "self-test-hidden";

function setUp() {
  const bar = document.querySelector(".self-test");  // in the page from the first paint (hidden without JavaScript)
  if (!bar || bar.dataset.ready) return;
  bar.dataset.ready = "1";
  const questions = [...document.querySelectorAll(".md-content h2.question")].map(question);
  const toggle = bar.querySelector(".self-test__switch");
  const [showAll, hideAll] = bar.querySelectorAll(".self-test__all");

  function setMode(on) {
    toggle.setAttribute("aria-pressed", String(on));
    showAll.hidden = hideAll.hidden = !on;
    for (const item of questions) {
      item.reveal.hidden = !on;
      show(item, !on);
    }
    if (on) openSearchTarget(questions);
  }

  toggle.addEventListener("click", () => {
    const on = toggle.getAttribute("aria-pressed") !== "true";
    remember(on);
    setMode(on);
  });
  for (const all of [showAll, hideAll]) all.addEventListener("click", () => questions.forEach((item) => show(item, all.dataset.show === "true")));
  for (const item of questions) item.reveal.addEventListener("click", () => show(item, item.reveal.getAttribute("aria-expanded") !== "true"));
  setMode(remembered());
}

/** A question's heading, the parts of its answer (what follows its badges up to the next question) and its reveal button. */
function question(heading) {
  const parts = [];
  let after = heading;
  for (let next = heading.nextElementSibling; next && !/^H[12]$/.test(next.tagName); next = next.nextElementSibling) {
    if (next.classList.contains("qa-meta") && !parts.length) after = next;
    else parts.push(next);
  }
  const reveal = button("Show answer", "self-test__reveal");
  reveal.setAttribute("aria-expanded", "true");
  reveal.hidden = true;
  after.after(reveal);
  return { heading, parts, reveal };
}

function show(item, visible) {
  item.reveal.setAttribute("aria-expanded", String(visible));
  item.reveal.textContent = visible ? "Hide answer" : "Show answer";
  for (const part of item.parts) part.classList.toggle(HIDDEN, !visible);
}

/** On a page opened from a search result (?h=…#question), that question's answer shows. */
function openSearchTarget(questions) {
  if (!new URLSearchParams(window.location.search).get("h") || !window.location.hash) return;
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = questions.find((item) => item.heading.id === id);
  if (target) show(target, true);
}

function button(label, className) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `md-button ${className}`;
  element.textContent = label;
  return element;
}

function remembered() {
  try { return window.localStorage.getItem(STORAGE_KEY) === "on"; } catch { return false; }
}

function remember(on) {
  try { window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off"); } catch { /* storage blocked: the switch works on this page only */ }
}

onPage(setUp);
