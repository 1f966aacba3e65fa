/* Glossary index: the filter narrows the list of every term as you type (name, abbreviations and
   aliases) and by topic chips, and keeps the filter in the URL
   (?q=...&topic=...) so it can be shared; the letter pages' "Filter all terms" box lands here.
   An address from before the glossary had letter pages (/glossary/#<id>) opens the term on its
   letter's page. The filter is in the page from the first paint (no layout shift when this runs);
   without JavaScript the stylesheet in overrides/main.html hides it and every term is listed. */
import { onPage } from "./page.js";

const WORDS = /[^\p{L}\p{N}]+/u;

function setUp() {
  const panel = document.querySelector(".glossary-filter");
  if (!panel || panel.dataset.ready) return;
  panel.dataset.ready = "1";
  const linked = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  if (linked && linked.matches("li.glossary-entry")) {
    window.location.replace(linked.querySelector("a").href);
    return;
  }
  const input = panel.querySelector("#glossary-query");
  const count = panel.querySelector("#glossary-count");
  const empty = panel.querySelector("#glossary-empty");
  const chips = [...panel.querySelectorAll(".glossary-topic")];
  const jumps = new Map([...document.querySelectorAll(".glossary-letters a")].map((a) => [a.getAttribute("href").slice(1), a]));
  const groups = [...document.querySelectorAll(".glossary-group")].map((group) => ({
    group,
    jump: jumps.get(group.getAttribute("aria-labelledby")),
    terms: [...group.querySelectorAll("li.glossary-entry")].map((item) => ({
      item, words: item.dataset.search.split(" "), topics: item.dataset.topics.split(" "),
    })),
  }));
  const total = groups.reduce((sum, group) => sum + group.terms.length, 0);
  const params = new URLSearchParams(window.location.search);
  if (params.has("q")) input.value = params.get("q");  // else keep what the reader typed before this ran
  let topic = params.get("topic") || "";

  function apply(updateUrl) {
    /* Every word typed must start a word of the term's text: "norm" finds "batch-norm" and
       "normalization", "bn" finds "BN" but not "subnormal". */
    const typed = input.value.toLowerCase().split(WORDS).filter(Boolean);
    let shown = 0;
    for (const { group, jump, terms } of groups) {
      let any = false;
      for (const term of terms) {
        const visible = typed.every((word) => term.words.some((token) => token.startsWith(word)))
          && (!topic || term.topics.includes(topic));
        term.item.hidden = !visible;
        if (visible) { any = true; shown += 1; }
      }
      group.hidden = !any;
      if (jump) jump.classList.toggle("glossary-letter--empty", !any);
    }
    chips.forEach((chip) => chip.setAttribute("aria-pressed", String(chip.dataset.topic === topic)));
    count.textContent = `${shown} of ${total} terms`;
    empty.hidden = shown !== 0;
    if (updateUrl) {
      const url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      if (topic) url.searchParams.set("topic", topic); else url.searchParams.delete("topic");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
  }

  input.addEventListener("input", () => apply(true));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && input.value) { input.value = ""; apply(true); event.stopPropagation(); }
  });
  panel.querySelector("#glossary-clear").addEventListener("click", () => {
    input.value = "";
    topic = "";
    apply(true);
    input.focus();
  });
  chips.forEach((chip) => chip.addEventListener("click", () => {
    topic = topic === chip.dataset.topic ? "" : chip.dataset.topic;
    apply(true);
  }));
  apply(false);
}

onPage(setUp);
