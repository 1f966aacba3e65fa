"""Render: turn the validated Site into page Markdown through the Jinja templates in templates/.

Data text is passed to templates as values and never compiled as a template, so an answer
that contains `{{ config }}` shows exactly that.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import get_args

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import glossary_pages
from .block_height import DESKTOP, GLOSSARY_DESKTOP, GLOSSARY_PHONE, PHONE, answer_height, term_height
from .model import Difficulty, Kind
from .site import Site

_TEMPLATES = Path(__file__).parent / "templates"
USED_IN_LIMIT = 25  # questions listed under a glossary term; those asking about it come first


class Renderer:
    """Renders each kind of page of a Site."""

    def __init__(self, site: Site, fix_base: str | None = None, pdf_links: bool = False):
        """`fix_base`: the repository address the "Suggest a fix" links start with; None for no links.
        `pdf_links`: whether pages link the files the publish step makes: PDFs and flashcard decks."""
        self.site = site
        self._env = Environment(
            loader=FileSystemLoader(_TEMPLATES),
            undefined=StrictUndefined,
            autoescape=False,  # the output is Markdown; data never contains raw HTML (validated)
            keep_trailing_newline=True,
            auto_reload=False,  # templates are read once per build, not checked at every include
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["link_text"] = _link_text
        self._env.globals.update(question_url=self.question_url, topic_url=self.topic_url, term_url=self.term_url, site=site,
                                 fix_base=fix_base, pdf_links=pdf_links, answer_heights=self.answer_heights,
                                 term_heights=self.term_heights)

    def question_url(self, question_id: str) -> str:
        return f"/topics/{self.site.topic_of[question_id]}.md#{question_id}"

    def term_url(self, term_id: str) -> str:
        """A glossary term's entry on its letter's page."""
        return f"/{glossary_pages.page_of(self.site.terms[term_id])}#{term_id}"

    def answer_heights(self, question) -> dict[str, float]:
        """The estimated height, rem, of `question`'s answer on a phone and on a desktop (macros/block_height.py)."""
        related = [self.site.questions[id].question for id in question.related]
        return {"narrow": answer_height(question, related, PHONE), "wide": answer_height(question, related, DESKTOP)}

    def term_heights(self, term) -> dict[str, float]:
        """The estimated height, rem, of `term`'s definition on a phone and on a desktop (macros/block_height.py)."""
        see_also = [self.site.terms[id].term for id in term.see_also]
        used_in = [self.site.questions[id].question for id in self.site.term_users.get(term.id, ())]
        return {"narrow": term_height(term, see_also, used_in, GLOSSARY_PHONE),
                "wide": term_height(term, see_also, used_in, GLOSSARY_DESKTOP)}

    @staticmethod
    def topic_url(slug: str) -> str:
        return f"/topics/{slug}.md"

    def home(self) -> str:
        return self._render("home.md.j2")

    def topic(self, slug: str) -> str:
        return self._render("topic.md.j2", page=self.site.topic(slug))

    def cheat_sheet(self, slug: str) -> str:
        return self._render("cheat_sheet.md.j2", page=self.site.topic(slug), pdf_base="../../pdf/", deck_base="../../decks/", pdf_name=slug,
                            anchor_suffix=False)

    def all_cheat_sheets(self) -> str:
        return self._render("all_cheat_sheets.md.j2", pdf_base="../../pdf/", deck_base="../../decks/", anchor_suffix=True)

    def cheat_sheet_index(self) -> str:
        return self._render("cheat_sheet_index.md.j2")

    def glossary(self) -> str:
        """The glossary's index: the filter, and every term by letter, linked to its letter's page."""
        terms = self.site.glossary.terms
        return self._render(
            "glossary.md.j2",
            letters=self._letters,
            letter_slug=glossary_pages.letter_slug,
            term_topics={term.id: " ".join(self.site.term_topics(term.id)) for term in terms},
            search_text={term.id: _search_words(term) for term in terms},
        )

    def glossary_letter(self, slug: str) -> str:
        """One letter's page of the glossary: each term's definition, formula, see-also and the questions using it."""
        letter = next(name for name in self._letters if glossary_pages.letter_slug(name) == slug)
        return self._render(
            "glossary_letter.md.j2",
            letter=letter,
            letters=self._letters,
            letter_slug=glossary_pages.letter_slug,
            terms=self._letters[letter],
            used_in_limit=USED_IN_LIMIT,
        )

    @cached_property
    def _letters(self) -> dict[str, list]:
        """The glossary's terms by letter, sorted once for the index and all letter pages."""
        return glossary_pages.by_letter(self.site.glossary.terms)

    def practice(self) -> str:
        return self._render("practice.md.j2", kinds=self._kinds(), difficulties=get_args(Difficulty))

    def mock_interview(self) -> str:
        return self._render("mock_interview.md.j2", kinds=self._kinds())

    def interview_kit(self) -> str:
        return self._render("interview_kit.md.j2", kinds=self._kinds(), difficulties=get_args(Difficulty))

    def _kinds(self) -> list[tuple[str, str]]:
        """(kind, its name) for each kind of question the site has, in the schema's order."""
        used = {q.kind for q in self.site.questions.values()}
        return [(kind, kind.replace("-", " ").capitalize()) for kind in get_args(Kind) if kind in used]

    def tag_index(self) -> str:
        return self._render("tags.md.j2", by_tag=self._by_tag)

    def tag_page(self, tag: str) -> str:
        """A tag's questions, grouped by topic in the topics' order (the order they are listed in)."""
        questions = self._by_tag[tag]
        by_topic: dict[str, list] = {}
        for q in questions:
            by_topic.setdefault(self.site.topic_of[q.id], []).append(q)
        return self._render("tag.md.j2", tag=tag, questions=questions,
                            by_topic=[(self.site.topic(slug), members) for slug, members in by_topic.items()])

    @cached_property
    def _by_tag(self) -> dict[str, list]:
        """Each tag's questions, worked out once per build for the index and every tag's page."""
        return self.site.questions_by_tag()

    def _render(self, template: str, **context) -> str:
        return self._env.get_template(template).render(**context)


def _search_words(term) -> str:
    """The distinct words of a term's name, abbreviations and aliases, lower case: what the glossary
    filter matches typed words against (the site search covers the definitions)."""
    text = " ".join([term.term, *term.abbreviations, *term.aliases]).casefold()
    return " ".join(dict.fromkeys(re.findall(r"[^\W_]+", text)))


def _link_text(text: str) -> str:
    """Text safe inside a Markdown link's square brackets and inside a `markdown` HTML block."""
    return (text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
