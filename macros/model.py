"""The data model: what a topic file, a question and a glossary term contain.

These pydantic models are the schema: the loader validates every file against them
and `python -m macros schema` exports them as JSON Schema for editors.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

SHORT_ANSWER_MAX_WORDS = 50

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Difficulty = Literal["easy", "medium", "hard"]
Kind = Literal["concept", "coding", "system-design", "behavioral", "situational", "career"]
SeedFile = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")]

_HEADING = re.compile(r"^#{1,6}\s", re.MULTILINE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FollowUp(_Strict):
    """A question an interviewer asks next; `id` links it to the site's own answer."""

    question: Text
    id: Slug | None = None


class Formula(_Strict):
    """A named formula in LaTeX (no dollar signs), for cheat sheets."""

    name: Text
    latex: Text


class CodeBreak(_Strict):
    """A deliberate bug in a coding exercise: with `find` replaced by `replace`, its check must fail (tested; not shown)."""

    find: Text = Field(description="Text that occurs exactly once in `code`.")
    replace: str


class Question(_Strict):
    """One interview question with its answers and metadata."""

    id: Slug = Field(description="Stable slug; the question's URL anchor. Never change it once published.")
    question: Text = Field(description="The question as an interviewer would say it.")
    short_answer: Text = Field(description=f"One or two sentences, at most {SHORT_ANSWER_MAX_WORDS} words.")
    answer: Text = Field(description="The full answer in Markdown; $...$ and $$...$$ for math. No headings.")
    listen_for: list[Text] = Field(min_length=1, description="What interviewers listen for.")
    pitfalls: list[Text] = Field(min_length=1, description="Common wrong or sloppy answers, and why.")
    follow_ups: list[FollowUp] = Field(default_factory=list)
    difficulty: Difficulty
    kind: Kind
    tags: list[Slug] = Field(min_length=1, description="Tags from data/tags.yml.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related questions.")
    sources: list[SeedFile] = Field(default_factory=list, description="Seed articles that ask this question.")
    code: Text | None = Field(default=None, description="Self-contained NumPy code that checks itself (coding questions).")
    code_break: CodeBreak | None = Field(default=None, description="A bug that the code's own check must catch.")

    @field_validator("short_answer")
    @classmethod
    def _short(cls, value: str) -> str:
        words = len(value.split())
        if words > SHORT_ANSWER_MAX_WORDS:
            raise ValueError(f"has {words} words; a short answer has at most {SHORT_ANSWER_MAX_WORDS}")
        return value

    @field_validator("answer")
    @classmethod
    def _no_headings(cls, value: str) -> str:
        if _HEADING.search(_without_fences(value)):
            raise ValueError("contains a Markdown heading; the question is the heading, use **bold** instead")
        return value

    @model_validator(mode="after")
    def _coding_has_code(self) -> "Question":
        if self.kind == "coding" and self.code is None:
            raise ValueError("a coding question needs `code`: a NumPy implementation that checks itself")
        if self.kind == "coding" and self.code_break is None:
            raise ValueError("a coding question needs `code_break`: a bug that its code's own check catches")
        if self.code_break is not None:
            found = (self.code or "").count(self.code_break.find)
            if found != 1:
                raise ValueError(f"`code_break.find` must occur exactly once in `code`; it occurs {found} times")
        if self.id in self.related:
            raise ValueError("lists itself in `related`")
        return self


class Topic(_Strict):
    """A topic file: one page of questions and one cheat sheet."""

    title: Text
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    area: Slug = Field(description="Id of the area in areas.yml that groups this topic in the navigation.")
    order: int = Field(ge=0, description="Sort key among the topics of its area; unique across all topics.")
    formulas: list[Formula] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)


class Term(_Strict):
    """A glossary term."""

    id: Slug = Field(description="Stable slug; the term's anchor on the glossary page.")
    term: Text
    abbreviations: list[Text] = Field(default_factory=list, description='Searched as written, e.g. "BN".')
    aliases: list[Text] = Field(default_factory=list, description="Other names, e.g. \"batch norm\".")
    definition: Text
    formula: Text | None = Field(default=None, description="LaTeX without dollar signs.")
    see_also: list[Slug] = Field(default_factory=list, description="Ids of related terms.")


class Glossary(_Strict):
    """The glossary file."""

    terms: list[Term] = Field(min_length=1)


class Area(_Strict):
    """A group of topics in the navigation and on the home page."""

    id: Slug
    title: Text


class AreaList(_Strict):
    """The areas, in reading order."""

    areas: list[Area] = Field(min_length=1)


class TagList(_Strict):
    """The controlled vocabulary of tags."""

    tags: list[Slug] = Field(min_length=1)


def _without_fences(markdown: str) -> str:
    """Markdown with fenced code blocks removed (a `#` comment in code is not a heading)."""
    return re.sub(r"^(```|~~~).*?^\1", "", markdown, flags=re.MULTILINE | re.DOTALL)

