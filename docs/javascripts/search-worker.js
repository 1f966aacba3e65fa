/* Search over the prebuilt, sharded index (macros/search_shards.py), speaking the message
   protocol of Material's search worker so that Material's search box and result list stay.

   A query fetches only the shards of its words' first two letters and the document files of
   the results it shows; nothing is indexed in the browser. As in Material's search, every word
   is a prefix ("norm" finds "normalization"), words shorter than two letters are not searched,
   a page's sections are grouped under it, and a result's score grows with the share of the
   query's words it contains. */

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const MAX_GROUPS = 30

let separator, shardCount, docsPerFile, pageStarts
const files = new Map()
let latest = 0

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    const { config } = message.data
    separator = new RegExp(config.separator, "u")
    shardCount = config.shards.shards
    docsPerFile = config.shards.docs_per_file
    pageStarts = config.shards.pages
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const ticket = ++latest
    const result = await search(message.data)
    if (ticket === latest)  /* a newer query is under way: its answer replaces this one */
      self.postMessage({ type: RESULT, data: result })
  }
})

function fetchJSON(path) {
  if (!files.has(path))
    files.set(path, fetch(new URL(`../search/${path}.json`, self.location))
      .then(response => response.ok ? response.json() : {})
      .catch(() => ({})))
  return files.get(path)
}

/* The shard holding the terms that start with `word` (macros/search_shards.py: shard_of). */
function shardOf(word) {
  const [first, second = 0] = Array.from(word).slice(0, 2).map(character => character.codePointAt(0))
  return (first * 65599 + second) % shardCount
}

async function search(query) {
  const words = [...new Set(query.toLowerCase().split(separator).filter(word => Array.from(word).length >= 2))]
  if (!words.length)
    return { items: [] }
  const shards = await Promise.all(words.map(word => fetchJSON(`shards/${shardOf(word)}`)))
  const scores = new Map(), matched = new Map()
  words.forEach((word, index) => {
    for (const [term, postings] of Object.entries(shards[index])) {
      if (!term.startsWith(word))
        continue
      for (let i = 0; i < postings.length; i += 2) {
        scores.set(postings[i], (scores.get(postings[i]) || 0) + postings[i + 1])
        if (!matched.has(postings[i]))
          matched.set(postings[i], new Set())
        matched.get(postings[i]).add(word)
      }
    }
  })
  const ranked = [...scores].map(([doc, score]) => {
    const page = pageOf(doc), share = matched.get(doc).size / words.length
    return { doc, page, words: matched.get(doc), score: score * (1 + ((doc === page ? 1 : 0) + share) ** 2) }
  })
  ranked.sort((a, b) => b.score - a.score)
  const groups = new Map()
  for (const hit of ranked) {
    if (!groups.has(hit.page)) {
      if (groups.size === MAX_GROUPS)
        continue
      groups.set(hit.page, [])
    }
    groups.get(hit.page).push(hit)
  }
  const summaries = await summarize([...groups].flatMap(([page, hits]) => [page, ...hits.map(hit => hit.doc)]))
  const items = [...groups].map(([page, hits]) => {
    const group = hits.map(hit => item(summaries.get(hit.doc), hit.score, hit.words, words))
    if (!hits.some(hit => hit.doc === page))
      group.push(item(summaries.get(page), 0, new Set(), words))
    return group
  })
  return { items }
}

/* The number of the page's own document: the last page start at or before `doc`. */
function pageOf(doc) {
  let low = 0, high = pageStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (pageStarts[middle] <= doc) low = middle
    else high = middle - 1
  }
  return pageStarts[low]
}

/* The summaries of the given documents, fetching each needed document file once. */
async function summarize(docs) {
  const needed = [...new Set(docs.map(doc => Math.floor(doc / docsPerFile)))]
  const loaded = await Promise.all(needed.map(file => fetchJSON(`docs/${file}`)))
  const byFile = new Map(needed.map((file, index) => [file, loaded[index]]))
  return new Map(docs.map(doc => [doc, byFile.get(Math.floor(doc / docsPerFile))[doc % docsPerFile]]))
}

function item([location, title, text], score, found, words) {
  const terms = Object.fromEntries(words.map(word => [word, found.has(word)]))
  return { location, title: highlight(title, found), text: text && `<p>${highlight(text, found)}</p>`, score, terms }
}

/* Escaped text with the words that start with a found query word marked. */
function highlight(text, found) {
  return text.split(/([\p{L}\p{N}_]+)/u).map((part, index) => {
    const escaped = part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    const lower = part.toLowerCase()
    return index % 2 && [...found].some(word => lower.startsWith(word)) ? `<mark>${escaped}</mark>` : escaped
  }).join("")
}
