"""Write the site's search indexes with Pagefind: the records of macros/search_records.py (questions
and glossary terms in `pagefind/`, full answers in `pagefind/answers/`), and the vocabulary the
search box corrects a mistyped word against.

Pagefind splits the index into fragments that a query loads word by word, so the first search
downloads a few small files at any size of site.
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .search_records import answer_records, search_records
from .site import Site

VOCABULARY_FILE = "vocabulary.json"
ANSWERS_FOLDER = "answers"
_WORD = re.compile(r"[a-z][a-z0-9]{4,}")  # the search box corrects words of five letters or more
_CODE_AND_MATH = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", re.DOTALL)


WRITE_ATTEMPTS = 3


def write_search_index(site: Site, output: Path) -> None:
    """Index every question and glossary term into `output` (the site's pagefind/ folder), then every
    full answer into its answers/ folder.

    On a busy machine Pagefind's service is sometimes stopped before its last file, the index's entry
    file, is on disk, which leaves search finding nothing; an index without one is written again."""
    for records, folder in ((search_records(site), output), (answer_records(site), output / ANSWERS_FOLDER)):
        entry = folder / "pagefind-entry.json"
        for _ in range(WRITE_ATTEMPTS):
            asyncio.run(_index(records, folder))
            if entry.is_file() and entry.read_text(encoding="utf-8").strip():
                break
        else:
            raise RuntimeError(f"Pagefind wrote no usable index entry at {entry} in {WRITE_ATTEMPTS} attempts")
    (output / VOCABULARY_FILE).write_text(json.dumps(vocabulary(site), separators=(",", ":")), encoding="utf-8")


async def _index(records: list[str], output: Path) -> None:
    """Index the records as files of one folder: the service answers one message at a time and
    slowly, so one folder is one message however many records there are."""
    with tempfile.TemporaryDirectory() as folder:
        for number, record in enumerate(records):
            (Path(folder) / f"{number}.html").write_text(record, encoding="utf-8")
        async with PagefindIndex(config=IndexConfig(output_path=str(output), force_language="en")) as index:
            await index.add_directory(folder)


def vocabulary(site: Site) -> list[str]:
    """Every word of the questions, answers and glossary, most frequent first (code and formulas left out)."""
    counts: Counter[str] = Counter()
    for question in site.questions.values():
        text = " ".join([question.question, question.short_answer, question.answer, *question.listen_for, *question.pitfalls])
        counts.update(_WORD.findall(_CODE_AND_MATH.sub(" ", text).casefold()))
    for term in site.glossary.terms:
        counts.update(_WORD.findall(" ".join([term.term, *term.aliases, *term.abbreviations, term.definition]).casefold()))
    return [word for word, _ in counts.most_common()]
