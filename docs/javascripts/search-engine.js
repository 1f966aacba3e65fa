/* Search engine: queries as candidates type them, answered by Pagefind's two indexes
   (macros/search_index.py): questions and glossary terms, searched on every keystroke, and full
   answers, searched for what the first does not find. Connective words are dropped ("what is",
   "vs", "how does … work"); each remaining word is searched, and a record's scores add up, weighed
   by how much of the query it holds. A word of five letters or more that the site never uses is
   corrected against the site's vocabulary (one typo), and the correction is reported; British
   spellings are searched as the site writes them ("normalisation" as normalization). Records whose
   subject is exactly the query come first. */

const STOP_WORDS = new Set(("a an the of in on at for to from by and or is are was were be been being do does did " +
  "how what whats why when which who where explain describe define compare comparison difference differences " +
  "between vs versus work works working my your our i you we it its this that these those with can could should " +
  "would will me tell about into use using used there than not mean means meaning").split(" "));
const COMPARISON = /\b(vs\.?|versus|differences?|compared?|comparison)\b/i;
const COVERAGE_POWER = 2;   // how strongly a record missing some of the words is weakened
const MIN_TYPO_LENGTH = 5;
const RERANKED = 10;      // results loaded at once and reordered by subject
const NAME_SEPARATOR = "; ";  // between names in a record's `subject` or `term` (macros/search_records.py)
// Pagefind searches these metadata of each record, weighted; the others are only shown.
const RANKING = { metaWeights: { title: 0, topic: 0, url: 0, named: 0, about: 0, subject: 10, question: 5, term: 7 } };

/** A crude stem for comparing names: plural endings dropped from each word. */
function stem(text) {
  return text.split(" ").map((word) => word.replace(/(es|s)$/, "")).join(" ");
}

/** The American spelling of a British -ise word ("normalisation" → "normalization"), which the site uses. */
function american(word) {
  return word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, "iz$1");
}

/** The words of a query that carry its meaning, in order, lower case ("A/B" as "ab", "NDCG@k" kept whole). */
export function contentWords(query) {
  const words = query.toLowerCase().replace(/\b(\p{L})\/(\p{L})\b/gu, "$1$2").replace(/[^\p{L}\p{N}\s.+#@-]/gu, " ").split(/\s+/)
    .map((word) => word.replace(/^[-.]+|[-.]+$/g, "")).filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length ? kept : words;
}

/** The reader's chosen filters ({name: [values]}) as Pagefind takes them: any of the values of each. */
function pagefindFilters(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length).map(([name, values]) => [name, { any: values }]));
}

/** Edit distance of at most one (insert, delete, substitute, or swap two neighbours). */
export function withinOneEdit(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Pagefind's module for the index in the folder at `base`, initialised (which starts loading its
    WebAssembly and metadata). It searches on the page's thread: its web worker costs one more
    script and a message round trip per call, and measured slower from keystroke to result. */
async function loadPagefind(base) {
  const pagefind = await import(new URL("pagefind.js", base).href);
  await pagefind.options({ ranking: RANKING, excerptLength: 22, noWorker: true });
  await pagefind.init();
  return pagefind;
}

/** The search engine over the indexes in the folder at `base` (a URL), once Pagefind has loaded. */
export async function openSearchEngine(base) {
  return new SearchEngine(await loadPagefind(base), base);
}

/** The site's words of five letters or more (macros/search_index.py), most frequent first: a promise of
    {words, known: a Set of them, heads: a Set of their first five letters}. */
async function loadVocabulary(base) {
  const response = await fetch(new URL("vocabulary.json", base)).catch(() => null);
  const words = response && response.ok ? await response.json() : [];
  return { words, known: new Set(words), heads: new Set(words.map((word) => word.slice(0, MIN_TYPO_LENGTH))) };
}

/** Whether `word` can match the site. Pagefind also matches an indexed word that a typed word merely
    starts with ("qwxzv" found the "Q" of Q-learning), so a word of five letters or more whose first
    five letters start no word of the site is not searched. */
function searchable(word, vocabulary) {
  return !/^[a-z][a-z0-9]{4,}$/.test(word) || vocabulary.heads.has(word.slice(0, MIN_TYPO_LENGTH));
}

/** Whether the vocabulary can change how `word` is searched: only words of five letters or more are
    corrected, respelled or checked against it, so a first query of two letters does not wait for it. */
function needsVocabulary(word) {
  return word.length >= MIN_TYPO_LENGTH;
}

export class SearchEngine {
  /** `pagefind` is Pagefind's module for the main index; `base` the URL of the folder that holds it. */
  constructor(pagefind, base) {
    this.pagefind = pagefind;
    this.base = base;
    this.loadedVocabulary = null;  // loaded when a query first needs it, or once the first search is done
    this.answerIndex = null;       // loaded on the first search of the full answers
  }

  /** A promise of the site's vocabulary, fetched on first use (the search box asks for it once its first
      results show, so that it is there before the reader types a word of five letters). */
  vocabulary() {
    this.loadedVocabulary = this.loadedVocabulary || loadVocabulary(this.base);
    return this.loadedVocabulary;
  }

  /** Every filter's values, {name: {value: count}}. */
  filters() {
    return this.pagefind.filters();
  }

  /** Questions and glossary terms for `query` with `filters` ({name: [values]}): {results: [{result, data}],
      words: the words searched, correction: the corrected query or null}. */
  async search(query, filters = {}) {
    const typed = contentWords(query);
    const vocabulary = typed.some(needsVocabulary) ? await this.vocabulary() : null;
    const words = vocabulary ? typed.map((word) => (vocabulary.known.has(word) || !vocabulary.known.has(american(word)) ? word : american(word))) : typed;
    if (!words.length) return { results: [], words, correction: null };
    const chosen = pagefindFilters(filters);
    const comparison = COMPARISON.test(query);
    const [corrected, results] = await Promise.all([vocabulary && this.corrected(words), this.matching(words, chosen)]);
    if (corrected) {
      const better = await this.matching(corrected, chosen);
      if (better.length) {
        return { results: await this.subjectsFirst(better, corrected, comparison), words: corrected, correction: corrected.join(" ") };
      }
    }
    return { results: await this.subjectsFirst(results, words, comparison), words, correction: null };
  }

  /** Full answers that hold any of `words` (as returned by search), best first, as {result, data: null}. */
  async answers(words, filters = {}) {
    this.answerIndex = this.answerIndex || loadPagefind(new URL("answers/", this.base));
    const found = await this.matching(words, pagefindFilters(filters), await this.answerIndex);
    return found.map((result) => ({ result, data: null }));
  }

  /** Records of the `pagefind` index holding any of the words, scored by the sum of Pagefind's score for
      each word they hold and weakened by the share of words they miss. */
  async matching(words, filters, pagefind = this.pagefind) {
    const vocabulary = words.some(needsVocabulary) ? await this.vocabulary() : null;
    const searches = await Promise.all(words.map((word) => (searchable(word, vocabulary) ? pagefind.search(word, { filters }) : null)));
    const merged = new Map();
    for (const found of searches) {
      for (const result of found ? found.results : []) {
        const entry = merged.get(result.id) || { result, score: 0, words: 0 };
        entry.score += result.score;
        entry.words += 1;
        merged.set(result.id, entry);
      }
    }
    const rank = (entry) => entry.score * Math.pow(entry.words / words.length, COVERAGE_POWER);
    return [...merged.values()].sort((a, b) => rank(b) - rank(a)).map((entry) => entry.result);
  }

  /** Results as {result, data}, the first few loaded and reordered so that those whose subject is exactly
      the query ("autoencoder" for the query autoencoder) come first: questions before glossary terms, those
      naming their subject more often first ("What is an embedding, and why learn embeddings…"), then
      those naming fewer terms. A comparison ("x vs y") asks for an explanation: questions first. */
  async subjectsFirst(results, words, comparison) {
    const head = await Promise.all(results.slice(0, RERANKED).map(async (result) => ({ result, data: await result.data() })));
    const tail = results.slice(RERANKED).map((result) => ({ result, data: null }));
    const isTerm = (entry) => Boolean(entry.data.meta.term);
    if (comparison) return head.filter((entry) => !isTerm(entry)).concat(head.filter(isTerm), tail);
    const query = stem(words.join(" "));
    const exact = (entry) => (entry.data.meta.subject || entry.data.meta.term || "").split(NAME_SEPARATOR)
      .some((name) => stem(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()) === query);
    const about = (entry) => (isTerm(entry) ? 0 : Number(entry.data.meta.about || 0));
    const named = (entry) => (isTerm(entry) ? 1e9 : Number(entry.data.meta.named || 0));
    const first = head.filter(exact).sort((a, b) => about(b) - about(a) || named(a) - named(b));
    return first.concat(head.filter((entry) => !exact(entry)), tail);
  }

  /** `words` with each word of five letters or more that the site never uses (nor its plural or singular)
      replaced by one it uses one typo away; null if none is replaced. */
  async corrected(words) {
    const vocabulary = await this.vocabulary();
    const known = (word) => [word, word + "s", word.replace(/e?s$/, ""), american(word)].some((form) => vocabulary.known.has(form));
    let changed = false;
    const out = words.map((word) => {
      if (word.length < MIN_TYPO_LENGTH || known(word)) return word;
      const match = vocabulary.words.find((candidate) => withinOneEdit(word, candidate));
      if (match) changed = true;
      return match || word;
    });
    return changed ? out : null;
  }
}
