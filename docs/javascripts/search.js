/* The header's search dialog: results as you type from the Pagefind indexes (through
   search-engine.js), each with its topic and a snippet whose matched words are marked. Questions and
   glossary terms come first; when they run out, the full answers that mention the words follow.
   Chips narrow by type, area, difficulty, kind and topic; "/" or Ctrl+K opens the dialog, ↑/↓ move
   through the results, Enter opens one, Esc closes. Pagefind's script is fetched once the page has
   loaded, its index as soon as the reader reaches for the search button. Result text is always inserted as text, never as HTML. */
import { openSearchEngine } from "./search-engine.js";

const PAGE_SIZE = 10;
const MIN_QUERY = 2;     // one letter matches most of the site: search from the second
const FILTER_GROUPS = [["area", "Area"], ["difficulty", "Difficulty"], ["kind", "Kind"]];  // under "More filters"
const TYPES = ["Question", "Glossary term"];  // the `type` filter of every record (macros/search_records.py)
const ORDER = [...TYPES, "easy", "medium", "hard"];
const LABELS = { "Question": "Questions", "Glossary term": "Glossary terms" };
const TOPIC_CHIPS = 12;  // topic chips offered: the topics most frequent among the loaded results

let engine = null;

function setUp() {
  const dialog = document.getElementById("site-search");
  const opener = document.querySelector(".site-search__open");
  if (!dialog || dialog.dataset.ready) return;
  dialog.dataset.ready = "1";
  preloadPagefind(new URL("pagefind.js", new URL(dialog.dataset.pagefind, window.location.href)));
  const input = dialog.querySelector(".site-search__input");
  const status = dialog.querySelector(".site-search__status");
  const list = dialog.querySelector(".site-search__results");
  const more = dialog.querySelector(".site-search__more");
  const filterBox = dialog.querySelector(".site-search__filters");
  const chosen = {};       // filter name → chosen values
  let found = null;        // the last search: {results, words, correction, answers: how many full answers matched}
  let shown = 0;           // results of `found` looked at (listed, or skipped as already listed)
  let listed = new Set();  // URLs of the results listed
  let running = false;     // a search is under way; another was asked for meanwhile
  let pending = false;

  function loadEngine() {
    engine = engine || openSearchEngine(new URL(dialog.dataset.pagefind, window.location.href));
    return engine;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    renderFilterChips();
  }

  function close() {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener("close", () => opener && opener.focus());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) close(); });
  dialog.querySelector(".site-search__close").addEventListener("click", close);
  if (opener) {
    opener.addEventListener("click", open);
    ["pointerenter", "focus", "touchstart"].forEach((type) => opener.addEventListener(type, loadEngine, { passive: true }));
  }
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if ((event.key === "/" && !typing && !dialog.open) || (event.key === "k" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      loadEngine();
      open();
    }
  });

  input.addEventListener("input", () => search());
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); focusResult(0); }
    if (event.key === "Enter") { event.preventDefault(); focusResult(0, true); }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") { event.preventDefault(); focusResult(Math.min(index + 1, links.length - 1)); }
    if (event.key === "ArrowUp") { event.preventDefault(); index <= 0 ? input.focus() : focusResult(index - 1); }
  });
  more.addEventListener("click", async () => {
    if (running) return;
    running = true;
    list.setAttribute("aria-busy", "true");
    try { await showMore(true); } finally { running = false; list.setAttribute("aria-busy", "false"); }
    if (pending) search();
  });

  function focusResult(index, follow) {
    const link = list.querySelectorAll("a")[index];
    if (!link) return;
    if (follow) link.click(); else link.focus();
  }

  /** Search for what the box holds; what is typed while a search runs is searched when it returns. */
  async function search() {
    pending = true;
    if (running) return;
    running = true;
    list.setAttribute("aria-busy", "true");
    try {
      while (pending) {
        pending = false;
        const query = input.value.trim();
        const searchEngine = await loadEngine();
        found = query.length >= MIN_QUERY ? { ...await searchEngine.search(query, chosen), answers: null } : null;
        list.dataset.query = query;  // set with the results it names, not while they are searched for
        shown = 0;
        listed = new Set();
        list.replaceChildren();
        await showMore(false);
        renderTopicChips();
        if (found) searchEngine.vocabulary();  // after the first results: ready before a word of five letters
      }
    } finally {
      running = false;
      list.setAttribute("aria-busy", "false");
    }
  }

  /** List the next page of results; once the questions and terms run out, search the full answers and
      go on with those not listed yet. Each page shows as soon as its records have loaded. */
  async function showMore(focusFirstNew) {
    if (!found) { status.textContent = ""; more.hidden = true; return; }
    const first = list.children.length;
    while (list.children.length - first < PAGE_SIZE && !pending) {
      if (shown >= found.results.length) {
        if (found.answers !== null) break;
        if (list.children.length) { describe(); more.hidden = true; }  // the results so far, while the answers load
        const answers = await (await loadEngine()).answers(found.words, chosen);
        found.answers = answers.length;
        found.results = found.results.concat(answers);
        continue;
      }
      const page = found.results.slice(shown, shown + PAGE_SIZE - (list.children.length - first));
      const data = await Promise.all(page.map(async (entry) => (entry.data = entry.data || await entry.result.data())));
      shown += page.length;
      data.filter((item) => !listed.has(item.meta.url)).forEach((item) => {
        listed.add(item.meta.url);
        list.append(resultItem(item, found.words));
      });
    }
    describe();
    if (focusFirstNew && list.children[first]) list.children[first].querySelector("a").focus();
  }

  /** Say how many results there are, and whether more can be listed. */
  function describe() {
    const note = found.correction ? `No results for "${input.value.trim()}". Did you mean "${found.correction}"? ` : "";
    const main = found.results.length - (found.answers || 0);
    const counts = [main ? `${main} result${main === 1 ? "" : "s"} in questions and glossary` : "",
      found.answers ? `${found.answers} full answer${found.answers === 1 ? "" : "s"} mention${found.answers === 1 ? "s" : ""} these words` : ""];
    status.textContent = list.children.length ? note + counts.filter(Boolean).join("; ")
      : "No results. Try fewer or other words, or clear the filters.";
    const exhausted = shown >= found.results.length;
    more.hidden = exhausted && found.answers !== null;
    more.textContent = exhausted ? "Search the full answers" : "More results";
  }

  function resultItem(item, words) {
    const url = new URL(item.meta.url, new URL(dialog.dataset.site, window.location.href));
    url.hash = "";
    url.searchParams.set("h", words.join(" "));
    url.hash = item.meta.url.split("#")[1] || "";
    const link = element("a", "site-search__link");
    link.href = url.href;
    link.append(element("span", "site-search__title", item.meta.title));
    const filters = item.filters || {};
    const where = item.meta.topic === "Glossary" ? ["Glossary"] : [item.meta.topic, ...(filters.difficulty || []), ...(filters.kind || [])];
    link.append(element("span", "site-search__where", where.join(" · ")));
    link.append(snippet(item.excerpt));
    const li = element("li", "site-search__result");
    li.append(link);
    return li;
  }

  /** Pagefind's excerpt as text, with its <mark>ed words marked: parsed, never inserted as HTML. */
  function snippet(excerpt) {
    const out = element("span", "site-search__snippet");
    const parsed = new DOMParser().parseFromString(excerpt || "", "text/html").body;
    parsed.childNodes.forEach((node) => {
      out.append(node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
    return out;
  }

  /** The type chips, and the other filters folded under "More filters" (their values load when it opens)
      so that results come first on a phone. */
  function renderFilterChips() {
    if (filterBox.dataset.ready) return;
    filterBox.dataset.ready = "1";
    filterBox.append(chipGroup("type", "Show", TYPES));
    const more = element("details", "site-search__more-filters");
    more.append(element("summary", "", "More filters"));
    FILTER_GROUPS.forEach(([name, label]) => more.append(chipGroup(name, label, [])));
    more.append(chipGroup("topic", "Topic", []));
    filterBox.append(more);
    more.addEventListener("toggle", async () => {
      if (!more.open || more.dataset.loaded) return;
      more.dataset.loaded = "1";
      const filters = await (await loadEngine()).filters();
      const ordered = (name) => Object.keys(filters[name] || {}).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      FILTER_GROUPS.forEach(([name, label]) => more.querySelector(`[data-filter="${name}"]`).replaceWith(chipGroup(name, label, ordered(name))));
    });
  }

  function renderTopicChips() {
    const group = filterBox.querySelector('[data-filter="topic"]');
    if (!group || !found) return;
    const counts = new Map();
    found.results.slice(0, Math.max(shown, PAGE_SIZE)).forEach((entry) => {
      const topics = entry.data && entry.data.filters ? entry.data.filters.topic || [] : [];
      topics.forEach((topic) => counts.set(topic, (counts.get(topic) || 0) + 1));
    });
    const offered = [...new Set([...(chosen.topic || []), ...[...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a))])].slice(0, TOPIC_CHIPS);
    group.replaceWith(chipGroup("topic", "Topic", offered));
  }

  function chipGroup(name, label, values) {
    const group = element("div", "site-search__chips");
    group.dataset.filter = name;
    group.hidden = !values.length;
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label);
    group.append(element("span", "site-search__chips-label", label));
    values.forEach((value) => {
      const chip = element("button", "site-search__chip", LABELS[value] || value);
      chip.type = "button";
      chip.setAttribute("aria-pressed", String((chosen[name] || []).includes(value)));
      chip.addEventListener("click", () => {
        const current = new Set(chosen[name] || []);
        current.has(value) ? current.delete(value) : current.add(value);
        chosen[name] = [...current];
        chip.setAttribute("aria-pressed", String(current.has(value)));
        search();
      });
      group.append(chip);
    });
    return group;
  }
}

function rank(value) {
  const index = ORDER.indexOf(value);
  return index < 0 ? ORDER.length : index;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Once the page has loaded, fetch and compile Pagefind's script (13 KB gzipped) so that a search typed
    as soon as the dialog opens does not wait for it; its index loads only when the reader reaches for search. */
function preloadPagefind(url) {
  const preload = () => document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href: url.href }));
  if (document.readyState === "complete") preload(); else window.addEventListener("load", preload, { once: true });
}

setUp();  // the dialog is in the header, parsed before this module runs: no need to wait for the page
