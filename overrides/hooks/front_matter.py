"""Refuse to build a page whose front matter is missing or malformed.

Every page tells a frightened parent when its facts were last checked and where they
come from; the templates render that from front matter. A page without it would
silently lose its review line and sources, so the build stops instead, naming the
file and the field to fix. No package checks front matter against a schema like this
one (mkdocs-material's `meta` plugin only merges defaults), hence this small hook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MAX_DESCRIPTION = 160
MAX_REVIEW_GAP = dt.timedelta(days=366)  # "at most a year later", leap years included
SOURCE_FIELDS = ("title", "publisher", "url")


def _fail(page: Page, message: str) -> PluginError:
    return PluginError(f"docs/{page.file.src_uri}: front matter {message}")


def _text(page: Page, meta: dict[str, Any], field: str) -> str:
    value = meta.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _fail(page, f"'{field}' is missing or empty: add `{field}: ...` at the top of the page")
    return value.strip()


def _date(page: Page, meta: dict[str, Any], field: str) -> dt.date:
    value = meta.get(field)
    # YAML turns 2026-11-25 into a date; anything else (a string, a datetime, a number) is a mistake.
    if type(value) is not dt.date:
        raise _fail(page, f"'{field}' must be a date written as YYYY-MM-DD, not {value!r}")
    return value


def _check_sources(page: Page, sources: Any) -> None:
    if not isinstance(sources, list) or not sources:
        raise _fail(page, "'sources' must list at least one source (title, publisher, url)")
    for number, source in enumerate(sources, start=1):
        if not isinstance(source, dict):
            raise _fail(page, f"'sources' item {number} must have title, publisher and url")
        for field in SOURCE_FIELDS:
            value = source.get(field)
            if not isinstance(value, str) or not value.strip():
                raise _fail(page, f"'sources' item {number} has no '{field}'")
        if not source["url"].startswith("https://"):
            raise _fail(page, f"'sources' item {number} url must start with https:// ({source['url']})")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = page.meta
    if not meta and markdown.startswith("---"):
        # MkDocs drops front matter it cannot parse and leaves the block in the page text.
        raise _fail(page, "could not be read as YAML: put quotes around any value that contains "
                    'a colon, e.g. description: "Costs: what insurance pays"')
    if not meta:
        raise _fail(page, "is missing: start the page with a --- block (see CONTRIBUTING.md)")
    _text(page, meta, "title")
    description = _text(page, meta, "description")
    if len(description) > MAX_DESCRIPTION:
        raise _fail(page, f"'description' is {len(description)} characters; keep it to {MAX_DESCRIPTION}")
    reviewed = _date(page, meta, "reviewed")
    next_review = _date(page, meta, "next_review")
    if next_review <= reviewed:
        raise _fail(page, "'next_review' must be a date after 'reviewed'")
    if next_review - reviewed > MAX_REVIEW_GAP:
        raise _fail(page, "'next_review' must be at most a year after 'reviewed'")
    _check_sources(page, meta.get("sources"))
    # The sitemap's <lastmod> (and its .gz timestamp) come from update_date, which MkDocs sets to
    # the build time; the date a page's facts were last checked is the true one, and reproducible.
    page.update_date = reviewed.isoformat()
    return markdown
