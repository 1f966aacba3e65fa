"""Strict YAML reading: plain Python data plus the line of every key and item.

PyYAML keeps the last of two equal keys without a word; here a repeated key is an
error. The C parser is used when PyYAML was built with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple[Any, ...]


@dataclass(frozen=True)
class Document:
    """One parsed YAML file: its data and the 1-based line of each path in it."""

    path: str
    data: Any
    lines: dict[Location, int]

    def line_of(self, location: Location) -> int | None:
        """The line of `location`, or of its nearest ancestor that has one."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get(())


def read_yaml(path: Path, display_path: str) -> Document:
    """Parse `path`; raise DataError naming the line for bad YAML or a repeated key."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError([Problem(display_path, None, None, f"is not UTF-8 text ({error.reason})")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(filter(None, [error.context, error.problem]))
        raise DataError([Problem(display_path, line, None, f"invalid YAML: {what}")])
    except yaml.YAMLError as error:
        raise DataError([Problem(display_path, None, None, f"invalid YAML: {error}")])
    if node is None:
        return Document(display_path, None, {(): 1})
    builder = _Builder(display_path)
    data = builder.build(node, ())
    if builder.problems:
        raise DataError(builder.problems)
    return Document(display_path, data, builder.lines)


class _Builder:
    """Turns a composed node tree into Python data, recording lines, refusing repeated keys."""

    def __init__(self, display_path: str):
        self.display_path = display_path
        self.constructor = yaml.constructor.SafeConstructor()
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, location: Location) -> Any:
        self.lines.setdefault(location, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*location, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:  # an unknown !!tag, or an impossible date
            problem = getattr(error, "problem", None) or str(error)
            self.problems.append(Problem(self.display_path, node.start_mark.line + 1, None,
                                         f"cannot read value {node.value!r:.40}: {problem}"))
            return None

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict:
        self.constructor.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) or key is None:
                self.problems.append(Problem(self.display_path, line, None, "a key must be plain text"))
                continue
            if key in result:
                first = self.lines[(*location, key)]
                self.problems.append(Problem(
                    self.display_path, line, None,
                    f"key {key!r} appears twice in one mapping (first on line {first}); keep one"))
                continue
            self.lines[(*location, key)] = line
            result[key] = self.build(value_node, (*location, key))
        return result
