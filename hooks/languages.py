"""Two things the i18n plugin leaves to us when it builds the Spanish edition.

1. The `toc` extension's "link to this section" title (and the link's name, which
   extensions/permalinks.py makes of it) is one setting for the whole site, and
   the i18n plugin cannot set Markdown options per language; so on Spanish pages it is
   replaced here. (Everything else a reader sees comes from the page, from config.extra.ui per
   language, or from Material's own Spanish labels.)
2. One 404 page for the whole site. It speaks both languages (overrides/404.html), but the
   Spanish build writes 404.html again, over the English one, as a Spanish page; the English
   build's page is kept instead, so the site's root 404 says lang="en" and its English first.

Zensical builds the English edition only, so needs none of this.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

PERMALINK_TITLE = {"es": "Enlace a esta sección"}
_first_404: dict[str, str] = {}


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    title = PERMALINK_TITLE.get(getattr(page.file, "locale", "en"))
    english = config.mdx_configs["toc"]["permalink_title"]
    if not title:
        return html
    # The title, and the name extensions/permalinks.py gives the link from it.
    return html.replace(f'title="{english}"', f'title="{title}"').replace(f'aria-label="{english}"', f'aria-label="{title}"')


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "current_language", None) == "en" or "en" not in _first_404:
        _first_404["en"] = output
        return output
    return _first_404["en"]
