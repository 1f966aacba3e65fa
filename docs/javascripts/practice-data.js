/* The practice data the build writes (macros/practice_data.py): the index of every topic's questions,
   and each topic's question texts, loaded once per page when first needed. Shared by the practice and
   mock-interview pages. */

/** The site's practice data: {index, questions: [{id, topic, difficulty, kind}] in reading order,
    topicOf: Map(id → topic), texts(id) → promise of {q, short, listen, follow}, url(id) → the full answer's URL};
    null if it cannot be loaded. */
async function loadPracticeData() {
  const folder = new URL("practice/", new URL(document.getElementById("site-search").dataset.site + "/", window.location.href));
  const index = await fetch(new URL("index.json", folder)).then((response) => (response.ok ? response.json() : null)).catch(() => null);
  if (!index) return null;
  const questions = [];
  const topicOf = new Map();
  for (const topic of index.topics) {
    for (const [id, difficulty, kind] of topic.questions) {
      questions.push({ id, topic: topic.slug, difficulty, kind });
      topicOf.set(id, topic);
    }
  }
  const files = new Map();
  const topicFile = (slug) => {
    if (!files.has(slug)) files.set(slug, fetch(new URL(`${slug}.json`, folder)).then((response) => response.json()));
    return files.get(slug);
  };
  return {
    index, questions, topicOf,
    texts: async (id) => (await topicFile(topicOf.get(id).slug))[id],
    url: (id) => new URL(`../topics/${topicOf.get(id).slug}/#${id}`, folder).href,
  };
}

/** The page's practice app (the element with id `id`) and the practice data, once per page; null if the page has
    no such app or has set it up already. If the data cannot be loaded, a sentence saying so replaces the app. */
export async function openPracticeApp(id) {
  const root = document.getElementById(id);
  if (!root || root.dataset.ready) return null;
  root.dataset.ready = "1";
  const data = await loadPracticeData();
  if (data) return { root, data };
  const problem = document.createElement("p");
  problem.textContent = "The practice data could not be loaded. Reload the page to try again.";
  root.replaceWith(problem);
  return null;
}
