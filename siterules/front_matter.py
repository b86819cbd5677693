"""Front matter: what every page must say about itself.

Every page tells a frightened parent when its facts were last checked and where they come
from; the templates render that from front matter. A page without it would silently lose its
review line and sources, so the build stops instead. No package checks front matter against
a schema like this one (mkdocs-material's `meta` plugin only merges defaults), hence these
few rules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from siterules.problem import Problem, line_of

MAX_DESCRIPTION = 160
MAX_REVIEW_GAP = dt.timedelta(days=366)  # "at most a year later", leap years included
SOURCE_FIELDS = ("title", "publisher", "url")
# The block MkDocs and Zensical read: `---` on the first line, YAML, then `---` (or `...`).
BLOCK = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
QUOTE_HINT = 'put quotes around any value that contains a colon, e.g. description: "Costs: what insurance pays"'


def read_front_matter(source: str) -> dict[str, Any]:
    """The page's front matter as MkDocs reads it: {} when there is none, or it is not YAML."""
    match = BLOCK.match(source)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def check_front_matter(file: str, source: str, meta: dict[str, Any]) -> list[Problem]:
    """Every front-matter problem of one page: `source` is the whole Markdown file, `meta` as read.

    MkDocs passes the `page.meta` it has already read; other callers pass read_front_matter(source).
    """
    if not meta:
        return [_unreadable(file, source) if source.startswith("---") else Problem(
            file, 1, "front matter is missing",
            "start the page with a --- block holding title, description, reviewed, next_review and "
            "sources (see CONTRIBUTING.md)")]
    problems: list[Problem] = []

    def fail(field: str, what: str, fix: str) -> None:
        problems.append(Problem(file, _field_line(source, field), f"front matter {what}", fix))

    for field in ("title", "description"):
        if not _is_text(meta.get(field)):
            fail(field, f"'{field}' is missing or empty", f"add `{field}: ...` to the --- block at the top")
    description = meta.get("description")
    if _is_text(description) and len(description.strip()) > MAX_DESCRIPTION:
        fail("description", f"'description' is {len(description.strip())} characters, over {MAX_DESCRIPTION}",
             f"shorten it to one sentence of at most {MAX_DESCRIPTION} characters")

    dates = {}
    for field in ("reviewed", "next_review"):
        value = meta.get(field)
        # YAML turns 2026-11-25 into a date; anything else (a string, a datetime, a number) is a mistake.
        if type(value) is dt.date:
            dates[field] = value
        else:
            fail(field, f"'{field}' must be a date written as YYYY-MM-DD, not {value!r}",
                 f"write it as year-month-day without quotes, e.g. `{field}: 2026-11-25`")
    if len(dates) == 2:
        reviewed, next_review = dates["reviewed"], dates["next_review"]
        if next_review <= reviewed:
            fail("next_review", f"'next_review' ({next_review}) is not after 'reviewed' ({reviewed})",
                 "set next_review to a date after reviewed, at most a year later")
        elif next_review - reviewed > MAX_REVIEW_GAP:
            fail("next_review", f"'next_review' ({next_review}) is more than a year after 'reviewed' ({reviewed})",
                 "check the page at least once a year: set next_review at most a year after reviewed")

    problems += _check_sources(file, source, meta.get("sources"))
    return problems


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _unreadable(file: str, source: str) -> Problem:
    """Neither MkDocs nor Zensical says why a block is not YAML; PyYAML knows the line."""
    match = BLOCK.match(source)
    if not match:
        return Problem(file, 1, "front matter has no closing --- line",
                       "end the block with a line of three dashes")
    try:
        yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else None  # +1 for the opening ---, +1 to count from 1
        return Problem(file, line, f"front matter could not be read as YAML ({error.problem})", QUOTE_HINT)
    except yaml.YAMLError:
        pass
    return Problem(file, 1, "front matter could not be read as YAML", QUOTE_HINT)


def _field_line(source: str, field: str) -> int | None:
    """The line of a top-level `field:` inside the front matter block; None if it is not there."""
    match = BLOCK.match(source)
    line = line_of(source, rf"^{field}\s*:")
    return line if match and line and line <= match.group(0).count("\n") else None


def _check_sources(file: str, source: str, sources: Any) -> list[Problem]:
    start = _field_line(source, "sources")
    if not isinstance(sources, list) or not sources:
        return [Problem(file, start, "front matter 'sources' must list at least one source",
                        "add each source a fact on this page comes from, with title, publisher and url")]
    problems = []
    for number, item in enumerate(sources, start=1):
        # The item's line is looked for only when there is a problem to show it with: finding it
        # for every source of every page was a third of the rules' time in a build.
        if not isinstance(item, dict):
            problems.append(Problem(file, _item_line(source, start, number),
                                    f"front matter 'sources' item {number} is not a source",
                                    "give it three fields: title, publisher and url"))
            continue
        missing = [field for field in SOURCE_FIELDS if not _is_text(item.get(field))]
        for field in missing:
            problems.append(Problem(file, _item_line(source, start, number),
                                    f"front matter 'sources' item {number} has no '{field}'",
                                    f"add `{field}: ...` to that source"))
        url = item.get("url")
        if "url" not in missing and not url.startswith("https://"):
            problems.append(Problem(file, _item_line(source, start, number),
                                    f"front matter 'sources' item {number} url must start with "
                                    f"https:// ({url})", "use the address with https:// (check that it opens)"))
    return problems


def _item_line(source: str, start: int | None, number: int) -> int | None:
    """The line of the number-th `- ` item under `sources:`."""
    line = start
    for _ in range(number):
        if line is None:
            return None
        line = line_of(source, r"^\s*-\s", line + 1)
    return line
