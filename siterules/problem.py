"""One broken rule, said the way an editor can act on it: the file, the line, what, and the fix."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """`file` as the editor opens it (docs/records.md); `line` counts from 1, None if unknown."""

    file: str
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}. Fix: {self.fix}."


def line_of(source: str, pattern: str, start: int = 1) -> int | None:
    """The first line, from `start` on, that matches the regular expression; None if none does.

    The page rules read HTML, which keeps no Markdown line numbers: this finds the line an
    editor wrote instead (a heading's words, an image's file name), where that can be told.
    """
    regex = re.compile(pattern)
    for number, line in enumerate(source.splitlines(), start=1):
        if number >= start and regex.search(line):
            return number
    return None
