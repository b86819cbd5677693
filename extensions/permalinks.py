"""Section links ("¶") that a screen reader names, and that stay out of their heading's name.

The `toc` extension ends each heading with `<a class="headerlink" title="Link to this section">¶</a>`.
A screen reader read "pilcrow" (or "paragraph") after every heading, and listed each heading as
"Why do the records matter? ¶" (WCAG 2.4.6, 2.4.4). This treeprocessor, run right after `toc`:

1. names the link by its title (`aria-label`, in the page's language: hooks/languages.py turns the
   English title Spanish on Spanish pages), and hides the ¶ sign itself from screen readers;
2. names the heading by its own words only: they go in a `<span id="{heading id}-words">` that the
   heading points to with `aria-labelledby`. Without that, the link's name would join the
   heading's ("Why do the records matter? Link to this section").

The page looks the same. Plain Python-Markdown, so MkDocs and Zensical both run it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

TOC_PRIORITY = 5  # markdown.extensions.toc registers its treeprocessor at 5; ours runs after
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class Permalinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in [e for e in root.iter() if e.tag in HEADINGS and e.get("id")]:
            link = _permalink(heading)
            if link is None:
                continue
            words = etree.Element("span", {"id": heading.get("id") + "-words"})
            words.text, heading.text = heading.text, None
            for child in [c for c in heading if c is not link]:
                heading.remove(child)
                words.append(child)
            heading.insert(0, words)
            heading.set("aria-labelledby", words.get("id"))
            link.set("aria-label", link.get("title") or "")
            sign = etree.SubElement(link, "span", {"aria-hidden": "true"})
            sign.text, link.text = link.text, None


def _permalink(heading: etree.Element) -> etree.Element | None:
    return next((c for c in heading if c.tag == "a" and "headerlink" in (c.get("class") or "").split()), None)


class PermalinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(Permalinks(md), "permalinks", TOC_PRIORITY - 1)


def makeExtension(**kwargs) -> PermalinksExtension:  # noqa: N802 (Python-Markdown's name)
    return PermalinksExtension(**kwargs)
