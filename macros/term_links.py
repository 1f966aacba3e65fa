"""Glossary terms explained where they are used.

Inside each question's section of a topic page, the first mention of a glossary term (by
name, alias or abbreviation) becomes a link to its entry on its letter's glossary page. Code,
formulas, headings, links and metadata are never touched. The definitions are not repeated in
every page: one script for the whole site (`term_tips_script`) holds each term's tooltip, which
javascripts/term-tooltips.js shows on hover and keyboard focus.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .model import Term
from .terms import TermMatcher

_SKIPPED_TAGS = {"a", "code", "pre", "math", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED_CLASSES = {"qa-meta", "admonition-title", "related", "qa-terms"}
_STASHED = re.compile("\x02[^\x03]*\x03")  # Markdown's placeholders for stashed HTML (formulas)


def tooltip(term: Term, limit: int = 160) -> str:
    """The definition's first sentence as plain one-line text, short enough for a tooltip."""
    text = " ".join(term.definition.replace("$", "").split())
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def term_tips_script(terms: list[Term]) -> str:
    """The script that holds every term's tooltip, shared by all pages (and cached by browsers)."""
    tips = json.dumps({term.id: tooltip(term) for term in terms}, ensure_ascii=False, separators=(",", ":"))
    return f"/* Generated from data/glossary.yml: each term's tooltip, by id. */\nself.termTips = {tips};\n"


class _TermLinker(Treeprocessor):
    def __init__(self, md: Markdown, matcher: TermMatcher, pages: Mapping[str, str]):
        super().__init__(md)
        self.matcher = matcher
        self.pages = pages

    def run(self, root: etree.Element) -> None:
        self.seen: set[str] | None = None  # None until the first question heading
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        for child in list(parent):
            if child.tag == "h2" and "question" in child.get("class", "").split():
                self.seen = set()
            elif self.seen is not None and not self._skipped(child):
                if child.text:
                    child.text = self._link(child, 0, child.text)
                self._walk(child)
            if self.seen is not None and child.tail:
                child.tail = self._link(parent, list(parent).index(child) + 1, child.tail)

    @staticmethod
    def _skipped(element: etree.Element) -> bool:
        return element.tag in _SKIPPED_TAGS or bool(_SKIPPED_CLASSES & set(element.get("class", "").split()))

    def _link(self, parent: etree.Element, index: int, text: str) -> str:
        """Link first mentions in `text`, which sits at `index` among `parent`'s children; return what stays text."""
        prose = _STASHED.sub(lambda m: " " * len(m.group(0)), text)
        mentions = [m for m in self.matcher.mentions(prose) if m.term_id not in self.seen]
        fresh = []
        for mention in mentions:
            if mention.term_id not in {m.term_id for m in fresh}:
                fresh.append(mention)
        if not fresh:
            return text
        self.seen.update(m.term_id for m in fresh)
        pieces = []
        for position, mention in enumerate(fresh):
            term_id = mention.term_id
            link = etree.Element("a", {"href": f"/{self.pages[term_id]}#{term_id}", "class": "term-link"})
            link.text = text[mention.start:mention.end]
            following = fresh[position + 1].start if position + 1 < len(fresh) else len(text)
            link.tail = text[mention.end:following]
            pieces.append(link)
        for offset, link in enumerate(pieces):
            parent.insert(index + offset, link)
        return text[: fresh[0].start]


class TermLinkExtension(Extension):
    """Python-Markdown extension linking first mentions of glossary terms in question sections."""

    def __init__(self, matcher: TermMatcher, pages: Mapping[str, str]):
        """`pages`: each term id's glossary page, as a source path (glossary/b.md)."""
        super().__init__()
        self.matcher = matcher  # built once per build; MkDocs makes a new Markdown instance per page
        self.pages = pages

    def extendMarkdown(self, md: Markdown) -> None:
        # Above MkDocs' own link rewriting, so `/glossary/b.md#...` becomes a relative URL.
        md.treeprocessors.register(_TermLinker(md, self.matcher, self.pages), "term-links", 5)
