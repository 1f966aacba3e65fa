"""The one error a contributor can cause: bad data, located to file, line and entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, with where it is and what to do about it."""

    path: str
    line: int | None
    entry: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        who = f" {self.entry}:" if self.entry else ""
        return f"{where}:{who} {self.message}"


class DataError(Exception):
    """Raised when data/ cannot be turned into a site; lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))
