"""Date each page in the sitemap by when its facts were last checked, not by the build.

The sitemap's <lastmod> (and its .gz timestamp) come from `page.update_date`, which MkDocs
sets to the build time: every build would claim every page changed today. The front
matter's `reviewed` date is the true one, and keeps two builds of one commit identical.
A page without a readable date keeps MkDocs' own; the site_rules hook stops that build anyway.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    reviewed = page.meta.get("reviewed")
    if type(reviewed) is dt.date:
        page.update_date = reviewed.isoformat()
    return markdown
