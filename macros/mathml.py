"""Formulas rendered to MathML at build time: no script, no CDN, and they print.

`$...$` is inline math and a paragraph of the form `$$ ... $$` is display math.
Code spans and fenced code are handled by Markdown first, so a `$` in code is left alone.
"""

from __future__ import annotations

import re
from html import escape
import xml.etree.ElementTree as etree
from functools import lru_cache

from latex2mathml.converter import convert
from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

INLINE_MATH = re.compile(r"(?<![\\$])\$(?![\s$])((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\$)")
DISPLAY_MATH = re.compile(r"^ {0,3}\$\$(.+?)\$\$\s*$", re.DOTALL)


def to_mathml(latex: str, display: bool) -> str:
    """MathML for `latex`; raises ValueError when latex2mathml cannot read it."""
    return _converted(latex.strip(), display)


@lru_cache(maxsize=None)  # validation converts every formula first; rendering then reuses the result
def _converted(latex: str, display: bool) -> str:
    try:
        mathml = convert(latex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises many unrelated types for bad input
        raise ValueError(f"cannot render formula {latex!r} ({type(error).__name__}: {error})") from None
    # In HTML, <math> is MathML without a namespace declaration, and inline is its default display.
    return mathml.replace(_NAMESPACE, "", 1).replace(' display="inline"', "", 1)


_NAMESPACE = ' xmlns="http://www.w3.org/1998/Math/MathML"'


def formula_errors(text: str) -> list[str]:
    """Messages for each formula in `text` that cannot be rendered."""
    errors = []
    for latex, display in [(m.group(1), True) for m in re.finditer(r"\$\$(.+?)\$\$", text, re.DOTALL)] + [
        (m.group(1), False) for m in INLINE_MATH.finditer(re.sub(r"\$\$.+?\$\$|`[^`]*`", "", text, flags=re.DOTALL))
    ]:
        try:
            to_mathml(_without_angles(latex), display)  # as rendered, after _AngleBrackets
        except ValueError as error:
            errors.append(str(error))
    return errors


class _AngleBrackets(Preprocessor):
    """Write `<` and `>` inside formulas as `\\lt` and `\\gt` before Markdown looks for raw HTML.

    Markdown's raw-HTML pass reads `$x_{<t}$` as the start of a `<t>` tag and then misplaces the
    HTML blocks that follow; latex2mathml renders `\\lt` and `<` alike.
    """

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "$" not in text:
            return lines
        chunks = _FENCE.split(text)  # odd chunks are fenced code, left alone
        return "\n".join(chunk if index % 2 else _MATH_SPAN.sub(_escape_angles, chunk)
                         for index, chunk in enumerate(chunks)).split("\n")


_FENCE = re.compile(r"(^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$)", re.MULTILINE | re.DOTALL)
_MATH_SPAN = re.compile(r"`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)


def _escape_angles(match: re.Match) -> str:
    span = match.group(0)
    return span if span.startswith("`") else _without_angles(span)


def _without_angles(latex: str) -> str:
    return latex.replace("<", r"\lt ").replace(">", r"\gt ")


def to_mathjax(latex: str, display: bool) -> str:
    """The formula as MathJax source, escaped for HTML: `\\(...\\)` inline, `\\[...\\]` displayed (as Anki writes it)."""
    return ("\\[{}\\]" if display else "\\({}\\)").format(escape(latex.strip(), quote=False))


class _DisplayMath(BlockProcessor):
    def __init__(self, parser, render):
        super().__init__(parser)
        self.render = render

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(DISPLAY_MATH.match(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        latex = DISPLAY_MATH.match(blocks.pop(0)).group(1)
        div = etree.SubElement(parent, "div", {"class": "math-display"})
        div.text = self.parser.md.htmlStash.store(self.render(latex, True))


class _InlineMath(InlineProcessor):
    def __init__(self, pattern, md, render):
        super().__init__(pattern, md)
        self.render = render

    def handleMatch(self, match: re.Match, data: str):
        return self.md.htmlStash.store(self.render(match.group(1), False)), match.start(0), match.end(0)


class MathMLExtension(Extension):
    """Python-Markdown extension that turns `$...$` and `$$...$$` into MathML (or, with `render=to_mathjax`,
    into MathJax source for Anki)."""

    def __init__(self, render=to_mathml, **kwargs):
        super().__init__(**kwargs)
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_AngleBrackets(md), "mathml-angles", 35)  # before the raw-HTML pass (20)
        md.parser.blockprocessors.register(_DisplayMath(md.parser, self.render), "mathml-display", 75)
        # Below `backtick` (190), so code spans are taken first and never scanned for math.
        md.inlinePatterns.register(_InlineMath(INLINE_MATH.pattern, md, self.render), "mathml-inline", 185)
