"""Load: read every data file and check it against the data model, one file at a time."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem
from .model import AreaList, Glossary, TagList, Topic
from .yaml_source import Document, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated file: the model object and the document it came from (for line numbers)."""

    value: M
    document: Document


@dataclass(frozen=True)
class RawData:
    """Every data file, each valid on its own; cross-file checks come next."""

    topics: dict[str, Loaded[Topic]]
    glossary: Loaded[Glossary]
    tags: Loaded[TagList]
    areas: Loaded[AreaList]


def load_data(data_dir: Path) -> RawData:
    """Read `data_dir`; raise DataError listing every problem in every file."""
    problems: list[Problem] = []
    topic_dir = data_dir / "topics"
    topic_files = sorted(topic_dir.glob("*.yml")) + sorted(topic_dir.glob("*.yaml"))
    if not topic_files:
        problems.append(Problem(_display(data_dir, topic_dir), None, None, "holds no topic files (*.yml)"))
    topics: dict[str, Loaded[Topic]] = {}
    for path in topic_files:
        loaded = _collect(problems, data_dir, path, Topic)
        if loaded is not None:
            topics[path.stem] = loaded
    glossary = _collect(problems, data_dir, data_dir / "glossary.yml", Glossary)
    tags = _collect(problems, data_dir, data_dir / "tags.yml", TagList)
    areas = _collect(problems, data_dir, data_dir / "areas.yml", AreaList)
    if problems:
        raise DataError(problems)
    return RawData(topics, glossary, tags, areas)


def _collect(problems: list[Problem], data_dir: Path, path: Path, model: type[M]) -> Loaded[M] | None:
    display = _display(data_dir, path)
    if not path.is_file():
        problems.append(Problem(display, None, None, "is missing"))
        return None
    try:
        document = read_yaml(path, display)
    except DataError as error:
        problems.extend(error.problems)
        return None
    if not isinstance(document.data, dict):
        problems.append(Problem(display, 1, None, f"must be a mapping with the fields of {model.__name__}"))
        return None
    try:
        return Loaded(model.model_validate(document.data), document)
    except ValidationError as error:
        problems.extend(_problem(document, model, detail) for detail in error.errors())
        return None


def _display(data_dir: Path, path: Path) -> str:
    return str(Path(data_dir.name) / path.relative_to(data_dir))


def entry_name(data: Any, location: tuple) -> str | None:
    """'question "x"' or 'term "y"' for a location inside a topic or glossary file."""
    if len(location) >= 2 and location[0] in ("questions", "terms", "areas") and isinstance(location[1], int):
        kind = location[0][:-1]
        items = data.get(location[0]) if isinstance(data, dict) else None
        item = items[location[1]] if isinstance(items, list) and location[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        return f"{kind} '{ident}'" if isinstance(ident, str) else f"{kind} #{location[1] + 1}"
    return None


def _problem(document: Document, model: type[BaseModel], detail: dict) -> Problem:
    location = tuple(detail["loc"])
    return Problem(
        document.path,
        document.line_of(location),
        entry_name(document.data, location),
        _message(model, location, detail),
    )


def _message(model: type[BaseModel], location: tuple, detail: dict) -> str:
    """A contributor's sentence for one pydantic error."""
    names = [part for part in location if isinstance(part, str)]
    field = names[-1] if names else "the file"
    index = location[-1] if location and isinstance(location[-1], int) and len(names) > 0 else None
    subject = f"'{field}'" + (f" item {index + 1}" if index is not None and location[-2] == field else "")
    kind, value = detail["type"], detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, names[:-1])
        guess = difflib.get_close_matches(field, allowed, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else f"; allowed: {', '.join(allowed)}"
        return f"unknown field {field!r}{hint}"
    if kind == "literal_error":
        return f"{subject} is {value!r}; expected one of {context.get('expected')}"
    if kind == "string_too_short":
        return f"{subject} is empty; write the text"
    if kind == "string_pattern_mismatch":
        if field == "sources":
            return f"{subject} {value!r} is not a seed file name like '000_0123456789abcdef.txt'"
        return f"{subject} {value!r} is not a slug (lowercase letters, digits and single hyphens)"
    if kind == "too_short":
        return f"{subject} needs at least {context.get('min_length')} item(s)"
    if kind.endswith("_type"):
        expected = {"string_type": "text", "list_type": "a list", "int_type": "a whole number",
                    "model_type": "a mapping", "dict_type": "a mapping"}.get(kind, kind[:-5])
        return f"{subject} must be {expected}, not {type(value).__name__} {value!r:.60}"
    message = detail["msg"].removeprefix("Value error, ")
    whole_entry = not names or isinstance(location[-1], int) and location[-2] in ("questions", "terms")
    return message if whole_entry else f"{subject} {message}"


def _fields_at(model: type[BaseModel], names: list[str]) -> list[str]:
    """The field names allowed at the nested model that `names` leads to."""
    current: Any = model
    for name in names:
        annotation = current.model_fields[name].annotation if name in current.model_fields else None
        inner = [arg for arg in getattr(annotation, "__args__", ()) if isinstance(arg, type) and issubclass(arg, BaseModel)]
        if not inner:
            break
        current = inner[0]
    return list(current.model_fields)
