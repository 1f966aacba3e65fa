/* Glossary filter: narrows the terms as you type (term, abbreviations, aliases, definition),
   by topic chips, and keeps the filter in the URL (?q=...&topic=...) so it can be shared.
   The filter is in the page from the first paint (no layout shift when this runs); without
   JavaScript the stylesheet in overrides/main.html hides it and every term is shown. */
import { onPage } from "./page.js";

function setUp() {
  var panel = document.querySelector(".glossary-filter");
  if (!panel || panel.dataset.ready) return;
  panel.dataset.ready = "1";
  var input = panel.querySelector("#glossary-query");
  var count = panel.querySelector("#glossary-count");
  var empty = panel.querySelector("#glossary-empty");
  var chips = Array.prototype.slice.call(panel.querySelectorAll(".glossary-topic"));
  var jumps = Array.prototype.slice.call(document.querySelectorAll(".glossary-letters a"));
  /* A term is its heading and the elements up to the next heading; a letter is its heading and its terms. */
  var terms = [];
  var letters = [];
  Array.prototype.forEach.call(document.querySelectorAll("article h2[id^='letter-'], article h3.glossary-term"), function (heading) {
    var parts = [heading];
    for (var next = heading.nextElementSibling; next && !/^H[23]$/.test(next.tagName); next = next.nextElementSibling) parts.push(next);
    if (heading.tagName === "H2") {
      letters.push({ heading: heading, terms: [] });
    } else {
      var term = { heading: heading, parts: parts, hidden: false, words: heading.dataset.search.split(/[^\w]+/) };
      terms.push(term);
      if (letters.length) letters[letters.length - 1].terms.push(term);
    }
  });
  var params = new URLSearchParams(window.location.search);

  if (params.has("q")) input.value = params.get("q");  // else keep what the reader typed before this ran
  var topic = params.get("topic") || "";

  function apply(updateUrl) {
    /* Every word typed must start a word of the term's text: "norm" finds "batch-norm" and
       "normalization", "bn" finds "BN" but not "subnormal". */
    var words = input.value.toLowerCase().split(/[^\w]+/).filter(Boolean);
    var shown = 0;
    terms.forEach(function (term) {
      var topics = term.heading.dataset.topics.split(" ");
      var visible = words.every(function (word) {
        return term.words.some(function (token) { return token.lastIndexOf(word, 0) === 0; });
      }) &&
        (!topic || topics.indexOf(topic) !== -1);
      term.hidden = !visible;
      term.parts.forEach(function (part) { part.hidden = !visible; });
      if (visible) shown += 1;
    });
    letters.forEach(function (letter) {
      var any = letter.terms.some(function (term) { return !term.hidden; });
      letter.heading.hidden = !any;
      var jump = jumps.filter(function (a) { return a.getAttribute("href") === "#" + letter.heading.id; })[0];
      if (jump) jump.classList.toggle("glossary-letter--empty", !any);
    });
    chips.forEach(function (chip) {
      chip.setAttribute("aria-pressed", String(chip.dataset.topic === topic));
    });
    count.textContent = shown + " of " + terms.length + " terms";
    empty.hidden = shown !== 0;
    if (updateUrl) {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      if (topic) url.searchParams.set("topic", topic); else url.searchParams.delete("topic");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
  }

  input.addEventListener("input", function () { apply(true); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) { input.value = ""; apply(true); event.stopPropagation(); }
  });
  panel.querySelector("#glossary-clear").addEventListener("click", function () {
    input.value = "";
    topic = "";
    apply(true);
    input.focus();
  });
  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      topic = topic === chip.dataset.topic ? "" : chip.dataset.topic;
      apply(true);
    });
  });
  apply(false);
}

onPage(setUp);
