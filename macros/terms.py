"""Which glossary terms a piece of text uses, matched on whole words.

Names and aliases match in any case; abbreviations, and names written in capitals, match as
written ("GAN" is not in "organ", "bn" is not "BN", and "shapes" is not "SHAP"). A plural "s" is
allowed. Code and formulas are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .model import Term

_SKIPPED = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)


class Mention(NamedTuple):
    """Where in a text a glossary term is mentioned."""

    start: int
    end: int
    term_id: str


class TermMatcher:
    """Finds glossary terms in text with two compiled patterns built once per build."""

    def __init__(self, terms: Iterable[Term]):
        self._by_name: dict[str, str] = {}
        self._by_abbreviation: dict[str, str] = {}
        for term in terms:
            for name in (term.term, *term.aliases):
                if name.isupper():
                    self._by_abbreviation.setdefault(name, term.id)
                else:
                    self._by_name.setdefault(name.casefold(), term.id)
            for abbreviation in term.abbreviations:
                self._by_abbreviation.setdefault(abbreviation, term.id)
        self._names = _pattern(self._by_name, re.IGNORECASE)
        self._abbreviations = _pattern(self._by_abbreviation, 0)

    def find(self, text: str) -> set[str]:
        """The ids of the terms that `text` mentions outside code and math."""
        return {mention.term_id for mention in self.mentions(prose_only(text))}

    def mentions(self, prose: str) -> list[Mention]:
        """Non-overlapping mentions in `prose` (text without code or math), in order; longer wins a tie."""
        found = []
        for pattern, names, fold in ((self._names, self._by_name, str.casefold), (self._abbreviations, self._by_abbreviation, str)):
            if pattern is not None:
                found += [Mention(m.start(), m.end(), names[fold(m.group(1))]) for m in pattern.finditer(prose)]
        found.sort(key=lambda mention: (mention.start, mention.start - mention.end))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept


def prose_only(text: str) -> str:
    """`text` with code and formulas blanked out."""
    return _SKIPPED.sub(" ", text)


def _pattern(names: dict[str, str], flags: int) -> re.Pattern | None:
    """One regex for all names, shaped as a trie so matching costs about the same for 10 or 10,000 names."""
    if not names:
        return None
    keys = {name.casefold() for name in names} if flags & re.IGNORECASE else set(names)
    return re.compile(rf"(?<![\w-])({_trie_regex(keys)})(?:e?s)?(?![\w-])", flags)


def _trie_regex(words: set[str]) -> str:
    """A regex matching exactly `words`, with shared prefixes factored out (longest match first)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    alternatives = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Trying the longer continuations first keeps "layer normalization" over "layer".
    return f"(?:{alternatives})?" if ends_here else alternatives
