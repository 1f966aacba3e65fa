"""Search records: small HTML documents built from the validated data for Pagefind to index
(macros/search_index.py), in two indexes so that a query stays fast at any size of site:
- `search_records`: one record per question (its text and short answer) and per glossary term (its
  name and definition), searched on every keystroke;
- `answer_records`: one record per question holding its full answer, listen-for points and
  pitfalls, searched for what the first index does not find.

What a record is about decides its rank, through Pagefind's searchable metadata, weighted in
docs/javascripts/search-engine.js:
- `subject`: the names of the glossary term a question names first ("What is the reparameterization
  trick, and why does a VAE need it?" is about the trick), with its abbreviations and aliases, so
  "vae" or "bn" find the question about it;
- `question`: the question's text and the names of every term it names (`named` counts them, `about`
  counts how often it names its subject);
- `term`: a glossary term's name, abbreviations and aliases, weighted below a question's subject,
  so the question about X outranks the entry that defines X.
The text is weighted too: the question above its short answer. Data text is escaped: it is never markup.
"""

from __future__ import annotations

import re
from html import escape

from . import glossary_pages
from .model import Question, Term
from .site import Site
from .terms import prose_only

QUESTION_TYPE, TERM_TYPE = "Question", "Glossary term"
NAME_SEPARATOR = "; "  # between names in `subject` and `term` (read by docs/javascripts/search-engine.js)
QUESTION_WEIGHT, SHORT_ANSWER_WEIGHT = 10, 3
TERM_WEIGHT, DEFINITION_WEIGHT = 7, 3

_NOT_PROSE = re.compile(r"```.*?```|~~~.*?~~~|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)  # code blocks, formulas
_MARKDOWN_MARKS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|[`>#|]+|\[|\]\([^)]*\)|^\s*[-+]\s", re.MULTILINE)


def search_records(site: Site) -> list[str]:
    """Every question and every glossary term as its own record (an HTML document), in reading order."""
    records = [_question_html(question, url, site, meta, filters) for question, url, meta, filters in _questions(site)]
    area_title = _area_titles(site)
    for term in site.glossary.terms:
        slugs = site.term_topics(term.id)
        filters = {"type": [TERM_TYPE], "area": sorted({area_title[site.topic(slug).topic.area] for slug in slugs}),
                   "topic": [site.topic(slug).topic.title for slug in slugs]}
        url = glossary_pages.url_of(term)
        records.append(_term_html(term, url, filters))
    return records


def answer_records(site: Site) -> list[str]:
    """Every question's full answer, listen-for points and pitfalls as its own record, in reading order."""
    records = []
    for question, url, meta, filters in _questions(site):
        body = "\n".join([question.answer, *question.listen_for, *question.pitfalls])
        records.append(_document(url, meta, filters, [(1, _plain(body))]))
    return records


def _questions(site: Site):
    """Each question in reading order with its URL, the metadata it is shown with, and its filters."""
    area_title = _area_titles(site)
    for page in site.topics:
        topic = page.topic
        for question in topic.questions:
            filters = {"type": [QUESTION_TYPE], "area": [area_title[topic.area]], "topic": [topic.title],
                       "difficulty": [question.difficulty], "kind": [question.kind]}
            yield question, f"topics/{page.slug}/#{question.id}", {"title": question.question, "topic": topic.title}, filters


def _area_titles(site: Site) -> dict[str, str]:
    return {group.area.id: group.area.title for group in site.areas}


def _question_html(question: Question, url: str, site: Site, shown: dict[str, str], filters: dict) -> str:
    mentions = [m.term_id for m in site.matcher.mentions(prose_only(question.question))]
    named = list(dict.fromkeys(mentions))
    names = [name for term_id in named for name in _names(site.terms[term_id])]
    meta = {**shown, "named": str(len(named)), "about": str(mentions.count(named[0])) if named else "0",
            "subject": NAME_SEPARATOR.join(_names(site.terms[named[0]])) if named else "",
            "question": " ".join(dict.fromkeys([question.question, *names]))}
    return _document(url, meta, filters, [
        (QUESTION_WEIGHT, question.question),
        (SHORT_ANSWER_WEIGHT, _plain(question.short_answer)),
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
    """The term's name, abbreviations and aliases, and hyphenated names written as one word ("unet")."""
    names = [term.term, *term.abbreviations, *term.aliases]
    return list(dict.fromkeys(names + [name.replace("-", "") for name in names if "-" in name]))


def _plain(markdown: str) -> str:
    """Readable text of an answer: no code blocks, formulas or Markdown marks (inline code stays)."""
    return " ".join(_MARKDOWN_MARKS.sub(" ", _NOT_PROSE.sub(" ", markdown)).split())
