/* The interviewer's kit: a structured interview plan from the site's questions. The interviewer draws
   a plan from a length, kinds, difficulties and topics with a seed (the same choices and seed give the
   same plan; another seed an equivalent one), or picks questions with the site's search. For each
   question the plan shows what a strong answer contains (listen-for), red flags (pitfalls), one or two
   follow-ups with their own points, a suggested time and a 1–4 score with anchors, then a summary grid
   per area. The plan lives in the page's address (?plan=id,id,…), so a link reopens it; it prints on A4
   and Letter without the answers themselves. Question text is the practice data's HTML, rendered by
   the build from validated data; ids from an address are only looked up, never shown as HTML. */
import { onPage } from "./page.js";
import { fillTime, MINUTES, seededRandom, shuffled } from "./interview-plan.js";
import { openPracticeApp } from "./practice-data.js";
import { openSearchEngine } from "./search-engine.js";

const FOLLOW_UPS = 2;
const PICK_RESULTS = 8;
const ANCHORS = [
  [1, "Misses most of the points, or shows a red flag it does not correct."],
  [2, "Some of the points, with prompting; the follow-ups expose gaps."],
  [3, "Most of the points unprompted; handles a follow-up."],
  [4, "Every point unprompted, with reasons; answers the follow-ups in depth."],
];

async function setUp() {
  const app = await openPracticeApp("kit-app");
  if (!app) return;
  const { root, data } = app;
  const find = (selector) => root.querySelector(selector);
  const ui = {
    setup: find(".kit-setup"), status: find(".kit-setup__status"), search: find(".kit-pick__search"), results: find(".kit-pick__results"),
    plan: find(".kit-plan"), title: find("#kit-plan-title"), summary: find(".kit-plan__summary"), share: find(".kit-plan__share"),
    print: find(".kit-plan__print"), clear: find(".kit-plan__clear"), questions: find(".kit-plan__questions"), grid: find(".kit-plan__grid tbody"),
  };
  const dialog = document.getElementById("site-search");
  let engine = null;
  let plan = idsFromAddress();

  ui.setup.addEventListener("change", () => { ui.status.textContent = `${draw().length} questions would be drawn.`; });
  ui.setup.addEventListener("submit", (event) => { event.preventDefault(); setPlan(draw().map((q) => q.id)); ui.title.focus(); });
  ui.search.addEventListener("input", () => search(ui.search.value.trim()));
  ui.print.addEventListener("click", () => window.print());
  ui.clear.addEventListener("click", () => setPlan([]));
  if (plan.length) await showPlan();

  /** The question ids in the address (?plan=…), those still on the site, without repeats. */
  function idsFromAddress() {
    const ids = (new URLSearchParams(window.location.search).get("plan") || "").split(",").filter((id) => data.topicOf.has(id));
    return [...new Set(ids)];
  }

  /** The questions the setup draws with its seed: each kind's questions shuffled by the seeded generator, then
      one of each kind in turn while the length allows. */
  function draw() {
    const form = new FormData(ui.setup);
    const topics = new Set(form.getAll("topic"));
    const kinds = form.getAll("kind");
    const difficulties = new Set(form.getAll("difficulty"));
    const random = seededRandom(Number(form.get("seed")) || 0);
    const queues = kinds.map((kind) => shuffled(data.questions.filter((q) => q.kind === kind && difficulties.has(q.difficulty)
      && (!topics.size || topics.has(q.topic))), random));
    return fillTime(queues, Number(form.get("length"))).picked;
  }

  async function setPlan(ids) {
    plan = ids;
    const address = new URL(window.location.href);
    if (plan.length) address.searchParams.set("plan", plan.join(",")); else address.searchParams.delete("plan");
    window.history.replaceState(null, "", address);
    await showPlan();
  }

  async function showPlan() {
    ui.plan.hidden = !plan.length;
    if (!plan.length) return;
    const items = await Promise.all(plan.map(async (id) => ({ id, ...data.questions.find((q) => q.id === id), text: await data.texts(id) })));
    const minutes = items.reduce((sum, item) => sum + MINUTES[item.kind], 0);
    ui.summary.textContent = `${items.length} questions, about ${minutes} minutes.`;
    ui.share.href = window.location.href;
    ui.questions.replaceChildren(...await Promise.all(items.map(planItem)));
    ui.grid.replaceChildren(...summaryRows(items));
  }

  /** One question of the plan, with its rubric, follow-ups, score anchors and room for notes. */
  async function planItem(item, index) {
    const li = document.createElement("li");
    li.className = "kit-question";
    const heading = document.createElement("h3");
    heading.innerHTML = item.text.q;  // build-rendered
    const meta = element("p", "kit-question__meta", `${data.topicOf.get(item.id).title} · ${item.kind} · ${item.difficulty} · about ${MINUTES[item.kind]} minutes`);
    li.append(heading, meta,
      element("h4", "", "A strong answer contains"), htmlList(item.text.listen),
      element("h4", "", "Red flags"), htmlList(item.text.pitfalls));
    const follows = item.text.follow.slice(0, FOLLOW_UPS);
    if (follows.length) {
      li.append(element("h4", "", "Follow-ups"));
      const list = document.createElement("ul");
      for (const [html, id] of follows) {
        const row = document.createElement("li");
        const text = document.createElement("p");
        text.innerHTML = html;  // build-rendered
        row.append(text);
        if (id && data.topicOf.has(id)) row.append(element("p", "kit-question__listen", "Listen for:"), htmlList((await data.texts(id)).listen));
        list.append(row);
      }
      li.append(list);
    }
    li.append(element("h4", "", "Score"));
    const anchors = document.createElement("ul");
    anchors.className = "kit-question__anchors";
    for (const [score, meaning] of ANCHORS) anchors.append(element("li", "", `☐ ${score}: ${meaning}`));
    li.append(anchors, element("p", "kit-question__notes", "Notes:"));
    const tools = element("p", "kit-question__tools", "");
    const remove = element("button", "md-button", "Remove from the plan");
    remove.type = "button";
    remove.setAttribute("aria-label", `Remove question ${index + 1} from the plan`);
    remove.addEventListener("click", () => setPlan(plan.filter((id) => id !== item.id)));
    tools.append(remove);
    li.append(tools);
    return li;
  }

  function summaryRows(items) {
    const byArea = new Map();
    for (const item of items) {
      const area = data.index.areas[data.topicOf.get(item.id).area];
      byArea.set(area, (byArea.get(area) || []).concat(item));
    }
    return [...byArea].map(([area, members]) => {
      const row = document.createElement("tr");
      const numbers = members.map((member) => plan.indexOf(member.id) + 1).join(", ");
      row.append(element("th", "", area), element("td", "", numbers), element("td", "", members.map(() => "__").join(" ")), element("td", "", ""), element("td", "", ""));
      row.firstChild.scope = "row";
      return row;
    });
  }

  /** Questions for the words typed, from the site's search (questions only), each with a button to add it. */
  async function search(query) {
    if (query.length < 2) {
      ui.results.replaceChildren();
      return;
    }
    engine = engine || openSearchEngine(new URL(dialog.dataset.pagefind, window.location.href));
    const found = await (await engine).search(query, { type: ["Question"] });
    if (ui.search.value.trim() !== query) return;  // typed on meanwhile
    const rows = found.results.filter((entry) => entry.data).slice(0, PICK_RESULTS).map(({ data: record }) => {
      const id = record.meta.url.split("#")[1];
      const row = element("li", "kit-pick__result", "");
      row.append(element("span", "kit-pick__title", record.meta.title), element("span", "kit-pick__where", ` · ${record.meta.topic}`));
      const add = element("button", "md-button kit-pick__add", plan.includes(id) ? "In the plan" : "Add");
      add.type = "button";
      add.disabled = plan.includes(id) || !data.topicOf.has(id);
      add.setAttribute("aria-label", `Add "${record.meta.title}" to the plan`);
      add.addEventListener("click", async () => {
        add.disabled = true;
        add.textContent = "In the plan";
        await setPlan([...plan, id]);
      });
      row.append(" ", add);
      return row;
    });
    ui.results.replaceChildren(...(rows.length ? rows : [element("li", "", "No question found.")]));
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function htmlList(items) {
  const list = document.createElement("ul");
  for (const html of items) {
    const row = document.createElement("li");
    row.innerHTML = html;  // build-rendered
    list.append(row);
  }
  return list;
}

onPage(setUp);
