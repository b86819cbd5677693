"""Refuse to build a page that breaks the site's rules (siterules/), naming file, line and fix.

The rules live in plain Python so that any builder can run them; this hook only hands them
what MkDocs has read and rendered. It runs once every page is rendered and before any is
written, so one build lists every problem in every page, and a broken page is never published.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from siterules import (Site, check_front_matter, check_html_links, check_languages, check_page, check_publishing,
                       ids_in)
from sitemodel import translations


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Both editions whole, before anything is built (MkDocs runs this once, for all languages)."""
    docs = Path(config.docs_dir)
    _stop(check_languages({f"docs/{p.name}": p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.md"))},
                          translations()))
    # A build for publishing: no placeholder address in any footer (siterules/publishing.py).
    if os.environ.get("PUBLISH") == "1":
        _stop(check_publishing({"site_url": config.site_url or "",
                                "corrections_url": config.extra.get("corrections_url", "")}))
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    # What a link written as HTML may point to: every file MkDocs writes, the pages MkDocs
    # renders from templates (404.html, sitemap.xml), and the zip the offline_zip hook adds.
    site = Site(files={file.dest_uri for file in files} | set(config.theme.static_templates)
                | {config.extra["offline_zip"]},
                ids={page.file.dest_uri: ids_in(page.content or "") for page in pages})
    problems = []
    for page in pages:
        name, source = f"docs/{page.file.src_uri}", page.file.content_string
        problems += check_front_matter(name, source, page.meta)
        problems += check_page(name, source, page.content or "", page.meta.get("title"))
        problems += check_html_links(name, source, page.file.dest_uri, site)
    _stop(problems)
    return env


def _stop(problems: list) -> None:
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise PluginError(f"The site's rules (siterules/) found {count} to fix before the site can be built:\n"
                          + "\n".join(f"  {problem}" for problem in problems))
