"""The pipeline in one call: load, validate, index. Done once per build and cached."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .load import load_data
from .model import Area, Glossary, Question, Term, Topic
from .terms import TermMatcher
from .validate import validate
from .yaml_source import Document


@dataclass(frozen=True)
class TopicPage:
    """A topic and its slug (the data file's name), which is also its URL."""

    slug: str
    topic: Topic


@dataclass(frozen=True)
class AreaPages:
    """An area and its topic pages, in order."""

    area: Area
    topics: tuple[TopicPage, ...]


@dataclass(frozen=True)
class SourceLine:
    """Where an entry is written: its data file (relative to the repository) and the line of its `- id:` item."""

    path: str
    line: int


@dataclass(frozen=True)
class Site:
    """Everything the pages show, validated and indexed."""

    topics: tuple[TopicPage, ...]
    areas: tuple[AreaPages, ...]
    glossary: Glossary
    tags: tuple[str, ...]
    topic_of: dict[str, str]
    questions: dict[str, Question]
    term_users: dict[str, tuple[str, ...]]  # question ids: those asking about the term first
    terms_of: dict[str, tuple[str, ...]]
    terms: dict[str, Term]
    matcher: TermMatcher  # finds glossary terms in text; built once per build
    question_lines: dict[str, SourceLine]
    term_lines: dict[str, SourceLine]

    def abbreviations_in(self, question_id: str) -> list[tuple[str, str, str]]:
        """(abbreviation, term, term id) for each abbreviated term the question uses, for search and readers."""
        found = [(", ".join(self.terms[t].abbreviations), self.terms[t].term, t) for t in self.terms_of[question_id]
                 if self.terms[t].abbreviations]
        return sorted(found, key=lambda item: item[0].casefold())

    def term_topics(self, term_id: str) -> list[str]:
        """The slugs of the topics whose questions use the term, in reading order."""
        used = {self.topic_of[q] for q in self.term_users.get(term_id, ())}
        return [page.slug for page in self.topics if page.slug in used]

    def topic(self, slug: str) -> TopicPage:
        for page in self.topics:
            if page.slug == slug:
                return page
        raise KeyError(f"no topic '{slug}' in data/topics")

    def questions_by_tag(self) -> dict[str, list[Question]]:
        by_tag: dict[str, list[Question]] = defaultdict(list)
        for page in self.topics:
            for question in page.topic.questions:
                for tag in question.tags:
                    by_tag[tag].append(question)
        return {tag: by_tag[tag] for tag in self.tags if by_tag[tag]}


def build_site(data_dir: Path) -> Site:
    """Load and validate `data_dir` into a Site; raises DataError on bad data."""
    raw = load_data(data_dir)
    validate(raw)
    area_rank = {area.id: rank for rank, area in enumerate(raw.areas.value.areas)}
    topics = tuple(sorted((TopicPage(slug, loaded.value) for slug, loaded in raw.topics.items()),
                          key=lambda page: (area_rank[page.topic.area], page.topic.order, page.slug)))
    areas = tuple(AreaPages(area, tuple(page for page in topics if page.topic.area == area.id))
                  for area in raw.areas.value.areas)
    questions = {q.id: q for page in topics for q in page.topic.questions}
    topic_of = {q.id: page.slug for page in topics for q in page.topic.questions}
    glossary = raw.glossary.value
    matcher = TermMatcher(glossary.terms)
    terms_of: dict[str, tuple[str, ...]] = {}
    users: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for question in questions.values():
        found = [matcher.find(part) for part in _prose_parts(question)]  # the question, its short answer, the rest
        terms_of[question.id] = tuple(sorted(set().union(*found)))
        for term_id in terms_of[question.id]:
            users[term_id].append((next(rank for rank, part in enumerate(found) if term_id in part), question.id))
    return Site(topics, areas, glossary, tuple(raw.tags.value.tags), topic_of, questions,
                {term: tuple(q for _, q in sorted(ids, key=lambda item: item[0])) for term, ids in users.items()},
                terms_of, {t.id: t for t in glossary.terms}, matcher,
                {q.id: _line(loaded.document, ("questions", index))
                 for loaded in raw.topics.values() for index, q in enumerate(loaded.value.questions)},
                {t.id: _line(raw.glossary.document, ("terms", index)) for index, t in enumerate(glossary.terms)})


def _line(document: Document, location: tuple) -> SourceLine:
    return SourceLine(document.path, document.line_of(location))


def _prose_parts(question: Question) -> tuple[str, str, str]:
    return (question.question, question.short_answer,
            "\n".join([question.answer, *question.listen_for, *question.pitfalls]))


_cache: dict[Path, tuple[tuple, Site]] = {}


def site_for(data_dir: Path) -> Site:
    """The Site for `data_dir`, rebuilt only when a data file changed (for `mkdocs serve`)."""
    data_dir = data_dir.resolve()
    fingerprint = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                               for p in data_dir.rglob("*") if p.is_file()))
    cached = _cache.get(data_dir)
    if cached is None or cached[0] != fingerprint:
        _cache[data_dir] = (fingerprint, build_site(data_dir))
    return _cache[data_dir][1]
