"""How tall an answer or a glossary definition will be on screen, estimated from its text before the browser lays it out.

A topic page lays each answer out only when it nears the viewport, and a glossary letter page each definition
(`content-visibility` in docs/stylesheets/site.css); until then the block holds a placeholder of this height. The
estimate must not fall short: axe-core and Lighthouse measure blocks right after load, and a block laid out for them in
a placeholder shorter than itself spills onto the next question or term. Nor should it be far over: the placeholders
set the page's scroll length until the reader has scrolled through.

The model counts lines of prose at a column's width, paragraphs and list items (their margins), code lines and
display formulas. Its figures were fitted to the real blocks' heights measured in Chromium on a 360 px phone and a
960 px desktop (where each layout is narrowest but for the rare 320 px phone); the definitions with their "Suggest a
fix" line, which a published build adds. The measured height was 0.90–1.23 times the model's there for answers and
0.80–1.15 for definitions, and up to 1.30 and 1.28 times on a 320 px phone, so the model is scaled by MARGIN. Heights
are given in rem: Material sets its layout in rem and enlarges the root font on wide screens (from 100em), and the
blocks grow with it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .model import Question, Term

MARGIN = 1.32
USED_IN_LISTED = 5  # questions using a term listed in a line under it; more are folded (glossary_letter template)
ROOT_FONT_PX = 20  # Material's root font size below 100em, at which the figures below were fitted
_FENCE = re.compile(r"```.*?```|~~~.*?~~~", re.DOTALL)
_FORMULA = re.compile(r"\$\$.*?\$\$", re.DOTALL)
_BLOCK_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|\|)\s)")  # a blank line, or a list item or table row


@dataclass(frozen=True)
class Column:
    """A page's column in one layout, in px."""
    chars_per_line: int
    line: float       # a line of prose
    block: float      # a paragraph's, list item's or table row's margins
    code_line: float
    formula: float    # a display formula, beyond its lines
    base: float       # what every block has: for an answer, its boxes' titles and padding, the headings of follow-ups and related questions


# A topic page's answers.
PHONE = Column(chars_per_line=40, line=21, block=24, code_line=18, formula=15, base=131)
DESKTOP = Column(chars_per_line=85, line=18, block=19, code_line=19, formula=42, base=318)
# A glossary letter page's definitions (no code).
GLOSSARY_PHONE = Column(chars_per_line=40, line=23.4, block=11.7, code_line=0, formula=50, base=38.5)
GLOSSARY_DESKTOP = Column(chars_per_line=124, line=20.6, block=20.4, code_line=0, formula=54, base=34)


def answer_height(question: Question, related_titles: list[str], column: Column) -> float:
    """An upper estimate of `question`'s answer block in `column`, in rem: the short answer, the answer, its
    code, what interviewers listen for, pitfalls, follow-ups and the related questions' titles."""
    code_lines = sum(block.count("\n") + 1 for block in _FENCE.findall(question.answer))
    code_lines += question.code.count("\n") + 1 if question.code else 0
    prose = _FENCE.sub("", question.answer)
    formulas = len(_FORMULA.findall(prose))
    paragraphs = [question.short_answer] + [part for part in _BLOCK_BREAK.split(_FORMULA.sub("", prose)) if part.strip()]
    items = [*question.listen_for, *question.pitfalls, *(follow_up.question for follow_up in question.follow_ups)]
    lines = (sum(_lines(text, column.chars_per_line) for text in paragraphs)
             + sum(_lines(text, column.chars_per_line * 0.9) for text in items)  # indented in their boxes
             + _lines(" · ".join(related_titles), column.chars_per_line))
    return _estimate(lines, len(paragraphs) + len(items), code_lines, formulas, column)


def term_height(term: Term, see_also: list[str], used_in: list[str], column: Column) -> float:
    """An upper estimate of `term`'s definition block in `column`, in rem: its other names, the definition, its
    formula, the names of the terms it links to and the titles of the questions that use it."""
    paragraphs, formulas = _term_texts(term, see_also, used_in)
    lines = sum(_lines(text, column.chars_per_line) for text in paragraphs)
    return _estimate(lines, len(paragraphs), 0, formulas, column)


def _term_texts(term: Term, see_also: list[str], used_in: list[str]) -> tuple[list[str], int]:
    """The paragraphs of a definition block as templates/glossary_letter.md.j2 lays them out, and its display formulas.
    More than USED_IN_LISTED questions are folded into a box that shows one line (its summary's text below)."""
    paragraphs = [part for part in _BLOCK_BREAK.split(_FORMULA.sub("", term.definition)) if part.strip()]
    if term.aliases:
        paragraphs.append("Also: " + ", ".join(term.aliases))
    if see_also:
        paragraphs.append("See also: " + ", ".join(see_also))
    if used_in:
        paragraphs.append("Used in: " + " · ".join(used_in) if len(used_in) <= USED_IN_LISTED
                          else f"Used in {len(used_in)} questions; the 25 most about it")
    return paragraphs, len(_FORMULA.findall(term.definition)) + bool(term.formula)


def _estimate(lines: int, blocks: int, code_lines: int, formulas: int, column: Column) -> float:
    height = lines * column.line + blocks * column.block + code_lines * column.code_line + formulas * column.formula + column.base
    return math.ceil(height * MARGIN / ROOT_FONT_PX * 10) / 10


def _lines(text: str, chars_per_line: float) -> int:
    return math.ceil(len(text.strip()) / chars_per_line)
