"""Two things the i18n plugin leaves to us when it builds the other editions.

1. The `toc` extension's "link to this section" title (and the link's name, which
   extensions/permalinks.py makes of it) is one setting for the whole site, and
   the i18n plugin cannot set Markdown options per language; so on other editions' pages it is
   replaced here by that edition's `permalink_title` (mkdocs.yml, extra.ui). Everything else a
   reader sees comes from the page, from config.extra.ui per language, or from Material's own
   labels in that language.
2. One 404 page for the whole site. It speaks both languages (overrides/404.html), but each
   other edition's build writes 404.html again, over the English one; the English build's page
   is kept instead, so the site's root 404 says lang="en" and its English first.

Zensical builds the English edition only, so needs none of this.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_english_404: str | None = None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    english = config.mdx_configs["toc"]["permalink_title"]
    title = config.extra["ui"].get("permalink_title", english)  # this edition's words, set by the i18n plugin
    if title == english:
        return html
    # The title, and the name extensions/permalinks.py gives the link from it.
    return html.replace(f'title="{english}"', f'title="{title}"').replace(f'aria-label="{english}"', f'aria-label="{title}"')


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    global _english_404
    if template_name != "404.html":
        return output
    # The i18n plugin's current language: an internal, see INTERNALS.md.
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "current_language", None) == "en" or _english_404 is None:
        _english_404 = output
    return _english_404
