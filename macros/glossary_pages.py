"""The glossary's pages: an index of every term at /glossary/ and one page per initial letter.

A term's letter page holds its definition; the index keeps an element with the term's id, so an
address made before the split (`/glossary/#<id>`) still finds the term.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Term

OTHER = "Other"


def letter(term: Term) -> str:
    """The heading a term is filed under: its first letter from A to Z, or Other (a digit, a Greek letter)."""
    first = term.term[0]
    return first.upper() if first.isascii() and first.isalpha() else OTHER


def letter_slug(name: str) -> str:
    """A letter's page in the URL: /glossary/<slug>/."""
    return name.lower()


def by_letter(terms: Iterable[Term]) -> dict[str, list[Term]]:
    """Terms alphabetically, grouped by their letter; Other last."""
    letters: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda term: term.term.casefold()):
        letters.setdefault(letter(term), []).append(term)
    return dict(sorted(letters.items(), key=lambda item: item[0] == OTHER))


def page_of(term: Term) -> str:
    """The source path of the page that defines `term`, e.g. glossary/b.md."""
    return f"glossary/{letter_slug(letter(term))}.md"


def url_of(term: Term) -> str:
    """The term's address in the built site, relative to its root, e.g. glossary/b/#batch-normalization."""
    return f"glossary/{letter_slug(letter(term))}/#{term.id}"
