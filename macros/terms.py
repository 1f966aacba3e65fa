"""Which glossary terms a piece of text uses, matched on whole words.

Names and aliases match in any case; abbreviations match as written ("GAN" is not in
"organ", and "bn" is not "BN"). A plural "s" is allowed. Code and formulas are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Term

_SKIPPED = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)


class TermMatcher:
    """Finds glossary terms in text with two compiled patterns built once per build."""

    def __init__(self, terms: Iterable[Term]):
        self._by_name: dict[str, str] = {}
        self._by_abbreviation: dict[str, str] = {}
        for term in terms:
            for name in (term.term, *term.aliases):
                self._by_name.setdefault(name.casefold(), term.id)
            for abbreviation in term.abbreviations:
                self._by_abbreviation.setdefault(abbreviation, term.id)
        self._names = _pattern(self._by_name, re.IGNORECASE)
        self._abbreviations = _pattern(self._by_abbreviation, 0)

    def find(self, text: str) -> set[str]:
        """The ids of the terms that `text` mentions outside code and math."""
        prose = prose_only(text)
        found = {self._by_name[m.group(1).casefold()] for m in self._names.finditer(prose)} if self._names else set()
        if self._abbreviations:
            found |= {self._by_abbreviation[m.group(1)] for m in self._abbreviations.finditer(prose)}
        return found


def prose_only(text: str) -> str:
    """`text` with code and formulas blanked out."""
    return _SKIPPED.sub(" ", text)


def _pattern(names: dict[str, str], flags: int) -> re.Pattern | None:
    if not names:
        return None
    # Longest first, so "layer normalization" wins over "normalization".
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?:e?s)?(?![\w-])", flags)
