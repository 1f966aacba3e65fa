"""The pipeline in one call: load, validate, index. Done once per build and cached."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .load import load_data
from .model import Area, Glossary, Question, Term, Topic
from .terms import TermMatcher
from .validate import validate


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
class Site:
    """Everything the pages show, validated and indexed."""

    topics: tuple[TopicPage, ...]
    areas: tuple[AreaPages, ...]
    glossary: Glossary
    tags: tuple[str, ...]
    topic_of: dict[str, str]
    questions: dict[str, Question]
    term_users: dict[str, tuple[str, ...]]
    terms_of: dict[str, tuple[str, ...]]
    terms: dict[str, Term]

    def abbreviations_in(self, question_id: str) -> list[tuple[str, str, str]]:
        """(abbreviation, term, term id) for each abbreviated term the question uses, for search and readers."""
        found = [(", ".join(self.terms[t].abbreviations), self.terms[t].term, t) for t in self.terms_of[question_id]
                 if self.terms[t].abbreviations]
        return sorted(found, key=lambda item: item[0].casefold())

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
    terms_of = {question.id: tuple(sorted(matcher.find(_prose(question)))) for question in questions.values()}
    users: dict[str, list[str]] = defaultdict(list)
    for question_id, term_ids in terms_of.items():
        for term_id in term_ids:
            users[term_id].append(question_id)
    return Site(topics, areas, glossary, tuple(raw.tags.value.tags), topic_of, questions,
                {term: tuple(ids) for term, ids in users.items()}, terms_of, {t.id: t for t in glossary.terms})


def _prose(question: Question) -> str:
    return "\n".join([question.question, question.short_answer, question.answer,
                      *question.listen_for, *question.pitfalls])


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
