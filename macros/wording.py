"""Text patterns the data checks look for: question texts compared loosely, appeals to
unnamed research, the date that time-sensitive facts carry, and table headers with empty cells."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

SIMILAR = 0.9  # difflib ratio from which two normalised texts may be the same question
_FUNCTION_WORDS = frozenset("a an the is are was were be been being do does did what which how why when where who you "
                            "your would could should can might may will s of in on at to for and or it its this that "
                            "with from by as".split())
_NEGATIONS = frozenset("not no never without cannot nor t".split())  # "t" of "doesn't"


def normalised(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: 'Pre-LN or post-LN?' -> 'pre ln or post ln'."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.casefold()).split())


class _Words:
    """A normalised text's content words, in order, and its negations."""

    def __init__(self, key: str):
        self.content = [word for word in key.split() if word not in _FUNCTION_WORDS]
        self.negations = {word for word in key.split() if word in _NEGATIONS}


def _same_question(a: _Words, b: _Words) -> bool:
    """Whether two very similar texts ask the same thing: one's content words are the other's with some
    left out ("when else might ..." and "when might ..."), never with one swapped for another
    ("layer normalization" and "group normalization", "Adam" and "AdamW") and never with a negation left out."""
    if a.negations != b.negations:
        return False
    short, long = sorted((a.content, b.content), key=len)
    remaining = iter(long)
    return all(word in remaining for word in short)


class QuestionFinder:
    """Finds the question whose text another text repeats: the same once normalised, or very similar
    (difflib ratio >= SIMILAR) and the same question (see `_same_question`).

    Only questions that can be the same question are compared: those holding every content word of
    the text, and those whose rarest content word the text holds. A site of thousands of questions
    costs a few comparisons per text, not one per question.
    """

    def __init__(self, questions: dict[str, str]):
        self._ids: dict[str, str] = {}
        self._words: dict[str, _Words] = {}
        self._holding: dict[str, set[str]] = defaultdict(set)  # content word -> texts that hold it
        for question_id, text in questions.items():
            key = normalised(text)
            self._ids.setdefault(key, question_id)
            self._words[key] = _Words(key)
            for word in self._words[key].content:
                self._holding[word].add(key)
        self._by_rarest: dict[str, set[str]] = defaultdict(set)  # content word -> texts whose rarest word it is
        for key, words in self._words.items():
            if words.content:
                self._by_rarest[min(words.content, key=lambda w: (len(self._holding[w]), w))].add(key)

    def find(self, text: str) -> str | None:
        """The id of the question `text` repeats, or None."""
        key = normalised(text)
        if key in self._ids:
            return self._ids[key]
        words = _Words(key)
        postings = sorted((self._holding.get(word, set()) for word in set(words.content)), key=len)
        candidates = set(postings[0]).intersection(*postings[1:]) if postings else set()  # the text's words and more
        candidates.update(*(self._by_rarest.get(word, ()) for word in words.content))  # fewer, all the text's
        ratios = {c: difflib.SequenceMatcher(None, key, c).ratio() for c in sorted(candidates)
                  if 2 * min(len(c), len(key)) >= SIMILAR * (len(c) + len(key))  # else the ratio is below SIMILAR
                  and _same_question(words, self._words[c])}
        best = max(ratios, key=ratios.get, default=None)
        return self._ids[best] if best is not None and ratios[best] >= SIMILAR else None


_VAGUE = re.compile(
    r"\b(?:(?:some|many|several|recent|numerous|other) (?:studies|researchers (?:believe|say|think|argue|claim))"
    r"|(?:studies|research|evidence) (?:has |have )?(?:show|shown|shows|suggest|suggests|suggested"
    r"|found|finds|indicate|indicates|demonstrated|demonstrates|proved|proven)"
    r"|it (?:has been|is|was) (?:shown|proven|demonstrated|established) that"
    r"|experts (?:say|agree|believe|recommend|suggest|think))\b",
    re.IGNORECASE)
APPEAL_WORDS = ("studies", "research", "evidence", "shown", "proven", "demonstrated", "established", "experts")
_NAMED_SOURCE = re.compile(
    r"\bet al\b"                                       # Vaswani et al.
    r"|\b(?:19|20)\d{2}[a-z]?\b"                       # a year: Hui & Belkin (2021), ICLR 2021
    r"|\"[^\"]{8,}\"|“[^”]{8,}”|(?<![*\w])\*[^*\s][^*]{6,}\*(?!\*)|(?<!\w)_[^_\s][^_]{6,}_(?!\w)")  # a title
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\"“])|\n\s*\n|\n\s*[-*\d]+[.)]?\s")


def unsourced_appeals(text: str) -> list[str]:
    """Appeals such as 'studies show' made in a sentence that names no source (author, year or title)."""
    lowered = text.casefold()
    if not any(word in lowered for word in APPEAL_WORDS) or not _VAGUE.search(text):  # the first test is quick
        return []
    return [match.group(0) for sentence in _SENTENCE_END.split(text)
            for match in _VAGUE.finditer(sentence) if not _NAMED_SOURCE.search(sentence)]


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_AS_OF = re.compile(rf"\b[Aa]s of (?:{_MONTHS}) (?:19|20)\d{{2}}\b")


def is_dated(text: str) -> bool:
    """Whether `text` says when its facts held, as in 'as of December 2026'."""
    return bool(_AS_OF.search(text))


_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def empty_header_rows(text: str) -> list[str]:
    """The header rows of the Markdown tables in `text` that have an empty cell."""
    lines = text.split("\n")
    headers = [lines[i - 1].strip() for i in range(1, len(lines)) if _TABLE_DELIMITER.match(lines[i]) and "|" in lines[i]]
    return [row for row in headers if any(not cell.strip() for cell in row.strip().strip("|").split("|"))]
