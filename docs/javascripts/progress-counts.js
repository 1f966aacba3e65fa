/* The reader's progress where they read: per topic on the home page and on each topic page, how
   many questions are new, learning and known and how many are due today; beside each question a
   reader has reviewed, its state. Nothing shows until the reader has practised. */
import { onPage } from "./page.js";
import { countStates, isDue, loadProgress, stateOf } from "./progress.js";

async function setUp() {
  const slots = [...document.querySelectorAll(".topic-progress[data-topic]")];
  if (!slots.length) return;
  const progress = loadProgress();
  if (!Object.keys(progress).length) return;
  const headings = [...document.querySelectorAll(".md-content h2.question")];
  const idsOf = headings.length ? { [slots[0].dataset.topic]: headings.map((heading) => heading.id) } : await topicIds();
  for (const slot of slots) {
    const ids = idsOf[slot.dataset.topic];
    if (!ids) continue;
    const counts = countStates(ids, progress);
    if (counts.new === ids.length) continue;
    slot.textContent = `Your progress: ${counts.new} new · ${counts.learning} learning · ${counts.known} known · ${counts.due} due today`;
    slot.hidden = false;
  }
  for (const heading of headings) markState(heading, progress[heading.id]);
}

/** {topic slug: its question ids}, from the practice data. */
async function topicIds() {
  const root = new URL(document.getElementById("site-search").dataset.site + "/", window.location.href);
  const response = await fetch(new URL("practice/index.json", root));
  if (!response.ok) return {};
  const index = await response.json();
  return Object.fromEntries(index.topics.map((topic) => [topic.slug, topic.questions.map(([id]) => id)]));
}

function markState(heading, entry) {
  if (!entry) return;
  const state = stateOf(entry);
  const badge = document.createElement("span");
  badge.className = `qa-state qa-state--${state}`;
  badge.textContent = isDue(entry) ? `${state}, due` : state;
  const permalink = heading.querySelector(".headerlink");
  heading.insertBefore(badge, permalink);
}

onPage(setUp);
