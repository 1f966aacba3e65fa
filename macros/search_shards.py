"""A static search index in shards, for sites whose single search index is too large to load.

Material's search downloads the whole index and builds a Lunr index from it in the browser
before it can answer. Here the index is built once, at build time, and split so that a query
fetches only what its words need:

- `search/shards/<n>.json`: term → flat list of `[document, weight, document, weight, ...]`,
  where n hashes the term's first two characters (`shard_of`), so that every term a typed
  prefix can expand to is in the one shard of that prefix;
- `search/docs/<n>.json`: the location, title and snippet of each document, in files of
  `DOCS_PER_FILE` consecutive documents (a page's sections follow it, so a result group
  usually needs one file);
- the replacement `search/search_index.json`: Material's configuration, the number of shards,
  and the number of each page's own document, which tells the page of any document.

Weights are Lunr's as Material configures it: BM25 with no length normalisation (b = 0), times
the field boost and the document boost, summed over fields. With Material's query semantics
(every word a prefix) the ranking follows Material's; tests/test_search.py holds both to the
same queries and ranks.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from html import unescape
from pathlib import Path

from lunr.stop_word_filter import WORDS as STOP_WORDS

K1 = 1.2
DOCS_PER_FILE = 128
POSTINGS_PER_SHARD = 3000
SNIPPET_CHARS = 320
_TAG = re.compile(r"<[^>]*>")


def shard_of(term: str, shards: int) -> int:
    """The shard holding `term`: a hash of its first two characters (search-worker.js computes the same)."""
    first = [ord(character) for character in term[:2]] + [0]
    return (first[0] * 65599 + first[1]) % shards


def write_shards(index: dict, search_dir: Path) -> dict:
    """Write the shards and document files for Material's `index` into `search_dir`; return the
    small index that replaces search_index.json (Material's configuration, no documents)."""
    config = index["config"]
    separator = re.compile(config["separator"])
    docs = index["docs"]
    fields = {name: spec.get("boost", 1) for name, spec in config["fields"].items()}
    counts = [{name: Counter(_terms(doc.get(name), separator)) for name in fields} for doc in docs]
    in_documents: Counter = Counter()  # Lunr's idf counts a document once per field holding the term
    for document in counts:
        for field_counts in document.values():
            in_documents.update(field_counts.keys())
    idf = {term: math.log(1 + abs((len(docs) - count + 0.5) / (count + 0.5))) for term, count in in_documents.items()}
    postings: dict[str, list] = defaultdict(list)
    for number, (doc, document) in enumerate(zip(docs, counts)):
        weights: Counter = Counter()
        for name, field_counts in document.items():
            boost = fields[name]
            for term, tf in field_counts.items():
                weights[term] += boost * tf / (K1 + tf)
        scale = (K1 + 1) * doc.get("boost", 1)
        for term, weight in weights.items():
            postings[term] += [number, round(weight * idf[term] * scale, 2)]
    count = _shard_count(sum(map(len, postings.values())) // 2)
    shards: dict[str, dict] = defaultdict(dict)
    for term in sorted(postings):
        shards[str(shard_of(term, count))][term] = postings[term]
    _write_all(search_dir / "shards", shards)
    summaries = [_summary(doc) for doc in docs]
    _write_all(search_dir / "docs", {str(start // DOCS_PER_FILE): summaries[start:start + DOCS_PER_FILE]
                                     for start in range(0, len(docs), DOCS_PER_FILE)})
    # Material lists a page's own document first and its sections after it.
    pages = [number for number, doc in enumerate(docs) if "#" not in doc["location"]]
    shard_config = {"shards": count, "docs_per_file": DOCS_PER_FILE, "pages": pages}
    return {"config": {**config, "shards": shard_config}, "docs": []}


def _shard_count(postings: int) -> int:
    """A power of two giving shards of about POSTINGS_PER_SHARD postings (a few dozen KB)."""
    count = 16
    while count < 4096 and postings / count > POSTINGS_PER_SHARD:
        count *= 2
    return count


def _terms(value, separator: re.Pattern) -> list[str]:
    """Lower-case words of a field's text (tags are a list), without Lunr's stop words."""
    if value is None:
        return []
    text = " ".join(value) if isinstance(value, list) else unescape(_TAG.sub(" ", value))
    return [word for word in separator.split(text.lower()) if word and word not in STOP_WORDS]


def _summary(doc: dict) -> list:
    """[location, title, snippet] for the result list."""
    text = " ".join(unescape(_TAG.sub("", doc.get("text", ""))).split())  # blocks are space-separated already
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return [doc["location"], unescape(_TAG.sub("", doc["title"])), text]


def _write_all(folder: Path, files: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / f"{name}.json").write_text(json.dumps(content, separators=(",", ":"), ensure_ascii=False),
                                             encoding="utf-8")
