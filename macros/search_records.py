"""Search records: one small HTML document per question and per glossary term, built from the
validated data for Pagefind to index (macros/search_index.py).

What a record is about decides its rank, through Pagefind's searchable metadata, weighted in
docs/javascripts/search.js:
- `subject`: the names of the glossary term a question names first ("What is the reparameterization
  trick, and why does a VAE need it?" is about the trick), with its abbreviations and aliases, so
  "vae" or "bn" find the question about it;
- `question`: the question's text and the names of every term it names (`named` counts them);
- `term`: a glossary term's name, abbreviations and aliases, weighted below a question's subject,
  so the question about X outranks the entry that defines X.
The text is weighted too: the question highest, then the short answer, then the full answer.
British spellings of -ize words are indexed beside them ("normalisation"). Data text is escaped:
it is never markup.
"""

from __future__ import annotations

import re
from html import escape

from .model import Question, Term
from .site import Site
from .terms import prose_only

QUESTION_TYPE, TERM_TYPE = "Question", "Glossary term"
NAME_SEPARATOR = "; "  # between names in `subject` and `term` (read by docs/javascripts/search-engine.js)
QUESTION_WEIGHT, SHORT_ANSWER_WEIGHT, ANSWER_WEIGHT = 10, 3, 1
TERM_WEIGHT, DEFINITION_WEIGHT = 7, 3

_NOT_PROSE = re.compile(r"```.*?```|~~~.*?~~~|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)  # code blocks, formulas
_MARKDOWN_MARKS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|[`>#|]+|\[|\]\([^)]*\)|^\s*[-+]\s", re.MULTILINE)
_AMERICAN = re.compile(r"\b(\w{2,}?)iz(e|es|ed|ing|ation|ations|er|ers)\b", re.IGNORECASE)


def search_records(site: Site) -> list[str]:
    """Every question and every glossary term as its own record (an HTML document), in reading order."""
    area_title = {group.area.id: group.area.title for group in site.areas}
    records = []
    for page in site.topics:
        topic = page.topic
        for question in topic.questions:
            filters = {"type": [QUESTION_TYPE], "area": [area_title[topic.area]], "topic": [topic.title],
                       "difficulty": [question.difficulty], "kind": [question.kind]}
            url = f"topics/{page.slug}/#{question.id}"
            records.append(_question_html(question, url, site, topic.title, filters))
    rank = {page.slug: index for index, page in enumerate(site.topics)}
    for term in site.glossary.terms:
        slugs = sorted({site.topic_of[q] for q in site.term_users.get(term.id, ())}, key=rank.get)
        filters = {"type": [TERM_TYPE], "area": sorted({area_title[site.topic(slug).topic.area] for slug in slugs}),
                   "topic": [site.topic(slug).topic.title for slug in slugs]}
        url = f"glossary/#{term.id}"
        records.append(_term_html(term, url, filters))
    return records


def _question_html(question: Question, url: str, site: Site, topic_title: str, filters: dict) -> str:
    named = list(dict.fromkeys(m.term_id for m in site.matcher.mentions(prose_only(question.question))))
    names = [name for term_id in named for name in _names(site.terms[term_id])]
    body = "\n".join([question.answer, *question.listen_for, *question.pitfalls])
    meta = {"title": question.question, "topic": topic_title, "named": str(len(named)),
            "subject": NAME_SEPARATOR.join(_names(site.terms[named[0]])) if named else "",
            "question": " ".join(dict.fromkeys([question.question, *names, *_british(question.question)]))}
    return _document(url, meta, filters, [
        (QUESTION_WEIGHT, question.question),
        (SHORT_ANSWER_WEIGHT, _plain(question.short_answer)),
        (ANSWER_WEIGHT, " ".join([_plain(body), *_british(body)])),
    ])


def _term_html(term: Term, url: str, filters: dict) -> str:
    meta = {"title": term.term, "topic": "Glossary", "term": NAME_SEPARATOR.join(_names(term))}
    return _document(url, meta, filters, [(TERM_WEIGHT, term.term), (DEFINITION_WEIGHT, _plain(term.definition))])


def _document(url: str, meta: dict[str, str], filters: dict[str, list[str]], parts: list[tuple[int, str]]) -> str:
    """Weighted paragraphs, then the meta and filters in a block Pagefind reads but does not index as text."""
    hidden = "".join(f'<span data-pagefind-meta="{escape(key)}">{escape(value)}</span>'
                     for key, value in {**meta, "url": url}.items() if value)
    hidden += "".join(f'<span data-pagefind-filter="{escape(name)}">{escape(value)}</span>'
                      for name, values in filters.items() for value in values)
    paragraphs = "".join(f'<p data-pagefind-weight="{weight}">{escape(text)}</p>' for weight, text in parts)
    return f'<html lang="en"><body>{paragraphs}<div data-pagefind-ignore>{hidden}</div></body></html>'


def _names(term: Term) -> list[str]:
    """The term's name, abbreviations and aliases, hyphenated names written as one word ("unet"), and
    British spellings ("quantisation")."""
    names = [term.term, *term.abbreviations, *term.aliases]
    names += [name.replace("-", "") for name in names if "-" in name]
    return list(dict.fromkeys(names + [british for name in names for british in _british(name)]))


def _british(text: str) -> list[str]:
    """British spellings of the American -ize words in `text` ("normalization" → "normalisation")."""
    return sorted({f"{match.group(1)}is{match.group(2)}" for match in _AMERICAN.finditer(prose_only(text))})


def _plain(markdown: str) -> str:
    """Readable text of an answer: no code blocks, formulas or Markdown marks (inline code stays)."""
    return " ".join(_MARKDOWN_MARKS.sub(" ", _NOT_PROSE.sub(" ", markdown)).split())
