"""Validate: checks beyond one file's shape — unique ids and names, links that resolve,
known tags and areas, text that renders (Markdown without raw HTML, readable formulas),
follow-ups that link what the site answers, sourced claims and dated career facts."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator

from .errors import DataError, Problem
from .load import Loaded, RawData, entry_name
from .mathml import formula_errors
from .terms import prose_only
from .wording import QuestionFinder, empty_header_rows, is_dated, normalised, unsourced_appeals

CAREER_AREA = "the-job"  # its `career` questions state facts about the job market, which go stale


def validate(raw: RawData) -> None:
    """Raise DataError listing every cross-file problem in `raw`."""
    problems = [
        *_duplicate_questions(raw),
        *_duplicate_orders(raw),
        *_duplicate_terms(raw),
        *_dangling_question_links(raw),
        *_dangling_term_links(raw),
        *_unknown_tags(raw),
        *_area_problems(raw),
        *_text_problems(raw),
        *_formulas_in_questions(raw),
        *_follow_up_problems(raw),
        *_unsourced_claims(raw),
        *_undated_career_facts(raw),
        *_empty_table_headers(raw),
    ]
    if problems:
        raise DataError(problems)


def _at(loaded: Loaded, location: tuple, message: str) -> Problem:
    document = loaded.document
    return Problem(document.path, document.line_of(location), entry_name(document.data, location), message)


def _questions(raw: RawData) -> Iterator[tuple[Loaded, int, object]]:
    for loaded in raw.topics.values():
        for index, question in enumerate(loaded.value.questions):
            yield loaded, index, question


def _duplicate_questions(raw: RawData) -> Iterator[Problem]:
    first: dict[str, tuple[Loaded, int]] = {}
    for loaded, index, question in _questions(raw):
        if question.id in first:
            other, other_index = first[question.id]
            line = other.document.line_of(("questions", other_index))
            yield _at(loaded, ("questions", index, "id"),
                      f"duplicate question id; '{question.id}' is already used at {other.document.path}:{line}. "
                      "Ids are global: choose another")
        else:
            first[question.id] = (loaded, index)


def _duplicate_orders(raw: RawData) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for slug, loaded in raw.topics.items():
        order = loaded.value.order
        if order in seen:
            yield _at(loaded, ("order",), f"order {order} is also the order of topic '{seen[order]}'; give each topic its own")
        seen.setdefault(order, slug)


def _duplicate_terms(raw: RawData) -> Iterator[Problem]:
    """Ids, names, abbreviations and aliases must each point at one term only (case-insensitive)."""
    ids: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    glossary = raw.glossary
    for index, term in enumerate(glossary.value.terms):
        if term.id in ids:
            yield _at(glossary, ("terms", index, "id"), f"duplicate glossary term id '{term.id}' (also term #{ids[term.id] + 1})")
        ids.setdefault(term.id, index)
        for field, values in (("term", [term.term]), ("abbreviations", term.abbreviations), ("aliases", term.aliases)):
            for position, name in enumerate(values):
                key = name.casefold()
                if key in names and names[key][1] != index:
                    owner = glossary.value.terms[names[key][1]].id
                    location = ("terms", index, field) if field == "term" else ("terms", index, field, position)
                    yield _at(glossary, location, f"duplicate glossary term: '{name}' already names term '{owner}'")
                names.setdefault(key, (term.id, index))


def _dangling_question_links(raw: RawData) -> Iterator[Problem]:
    known = {question.id for _, _, question in _questions(raw)}
    for loaded, index, question in _questions(raw):
        for position, target in enumerate(question.related):
            if target not in known:
                yield _at(loaded, ("questions", index, "related", position), _unknown("related question", target, known))
        for position, follow_up in enumerate(question.follow_ups):
            if follow_up.id is not None and follow_up.id not in known:
                yield _at(loaded, ("questions", index, "follow_ups", position, "id"),
                          _unknown("follow-up question", follow_up.id, known))


def _dangling_term_links(raw: RawData) -> Iterator[Problem]:
    glossary = raw.glossary
    known = {term.id for term in glossary.value.terms}
    for index, term in enumerate(glossary.value.terms):
        for position, target in enumerate(term.see_also):
            if target not in known:
                yield _at(glossary, ("terms", index, "see_also", position), _unknown("'see also' term", target, known))
            elif target == term.id:
                yield _at(glossary, ("terms", index, "see_also", position), "lists itself in 'see_also'")


def _unknown_tags(raw: RawData) -> Iterator[Problem]:
    known = set(raw.tags.value.tags)
    for loaded, index, question in _questions(raw):
        for position, tag in enumerate(question.tags):
            if tag not in known:
                message = _unknown("tag", tag, known) + f" (add it to {raw.tags.document.path} if it is new)"
                yield _at(loaded, ("questions", index, "tags", position), message)


def _area_problems(raw: RawData) -> Iterator[Problem]:
    """Each area named once and holding topics; each topic in a known area."""
    areas = raw.areas
    known: set[str] = set()
    for index, area in enumerate(areas.value.areas):
        if area.id in known:
            yield _at(areas, ("areas", index, "id"), f"duplicate area id '{area.id}'")
        known.add(area.id)
    used = {loaded.value.area for loaded in raw.topics.values()}
    for loaded in raw.topics.values():
        if loaded.value.area not in known:
            message = _unknown("area", loaded.value.area, known) + f" (add it to {areas.document.path} if it is new)"
            yield _at(loaded, ("area",), message)
    for index, area in enumerate(areas.value.areas):
        if area.id not in used:
            yield _at(areas, ("areas", index), f"area '{area.id}' has no topics; give a topic `area: {area.id}` or remove it")


def _unknown(what: str, target: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(target, list(known), n=1)
    hint = f"; did you mean '{guess[0]}'?" if guess else ""
    return f"{what} '{target}' points at nothing{hint}"


_RAW_HTML = re.compile(r"<[A-Za-z!/][^>]*>")


def _text_problems(raw: RawData) -> Iterator[Problem]:
    """Every string must render: no raw HTML (Markdown only) and formulas latex2mathml can read."""
    for loaded in (*raw.topics.values(), raw.glossary):
        for location, text in _strings(loaded.document.data, ()):
            field = next(part for part in reversed(location) if isinstance(part, str))
            if field == "code":
                continue
            if _RAW_HTML.search(prose_only(text)):
                yield _at(loaded, location, f"'{field}' contains raw HTML; write Markdown instead")
            for error in formula_errors(f"$${text}$$" if field in ("latex", "formula") else text):
                yield _at(loaded, location, f"'{field}': {error}")


def _formulas_in_questions(raw: RawData) -> Iterator[Problem]:
    """A question's text is also a heading, a link and a search title, where a formula would show as TeX."""
    for loaded, index, question in _questions(raw):
        if "$" in question.question:
            yield _at(loaded, ("questions", index, "question"), "the question has a formula, but it is also a heading, "
                      "a link and a search title, where a formula shows as TeX; write it in plain text (for example 'AᵀA', 'x²')")


def _strings(data: object, location: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield location, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*location, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*location, index))


def _follow_up_problems(raw: RawData) -> Iterator[Problem]:
    """A follow-up asked once per question, and linked when the site answers it."""
    finder = QuestionFinder({question.id: question.question for _, _, question in _questions(raw)})
    for loaded, index, question in _questions(raw):
        texts: dict[str, int] = {}
        links: dict[str, int] = {}
        for position, follow_up in enumerate(question.follow_ups):
            location = ("questions", index, "follow_ups", position)
            text = normalised(follow_up.question)
            if text in texts:
                yield _at(loaded, location, f"follow-up {position + 1} repeats follow-up {texts[text] + 1}; remove one")
            elif follow_up.id in links:
                yield _at(loaded, (*location, "id"), f"follow-up {position + 1} links '{follow_up.id}' like follow-up "
                                                     f"{links[follow_up.id] + 1}; link each answer once (remove one, or this `id`)")
            texts.setdefault(text, position)
            if follow_up.id is not None:
                links.setdefault(follow_up.id, position)
            target = finder.find(follow_up.question) if follow_up.id is None else None
            if target is not None and target != question.id:
                yield _at(loaded, location, f"follow-up '{follow_up.question}' is question '{target}', which the site "
                                            f"answers; link it with `id: {target}` under the follow-up")


_SOURCED_FIELDS = ("answer", "short_answer", "listen_for", "pitfalls", "definition")


def _unsourced_claims(raw: RawData) -> Iterator[Problem]:
    """'Studies show' and the like must name their source (authors and year, or the title) in the same sentence."""
    for loaded in (*raw.topics.values(), raw.glossary):
        for location, text in _strings(loaded.document.data, ()):
            field = next((part for part in reversed(location) if isinstance(part, str)), None)
            for phrase in unsourced_appeals(text) if field in _SOURCED_FIELDS else ():
                yield _at(loaded, location, f"'{field}' says \"{phrase}\" without naming the source in the same sentence; "
                                            "cite it (for example 'Hui & Belkin (2021)') or state only what the text supports")


def _empty_table_headers(raw: RawData) -> Iterator[Problem]:
    """Every header cell of a Markdown table names its column (a screen reader reads it out with each cell)."""
    for loaded in (*raw.topics.values(), raw.glossary):
        for location, text in _strings(loaded.document.data, ()):
            for row in empty_header_rows(text):
                yield _at(loaded, location, f"the table header '{row}' has an empty cell; name the column "
                                            "(for example 'Aspect')")


def _undated_career_facts(raw: RawData) -> Iterator[Problem]:
    """A career question of the job area says when its facts held ('as of December 2026')."""
    example = datetime.date.today().strftime("%B %Y")
    for loaded, index, question in _questions(raw):
        if loaded.value.area == CAREER_AREA and question.kind == "career" and not is_dated(question.answer):
            yield _at(loaded, ("questions", index, "answer"),
                      f"a career question's facts go stale; say when they held with \"as of <Month> <Year>\" in the "
                      f"answer (for example \"as of {example}\")")
