"""Let a keyboard reach each glossary word once per page, so its meaning shows on focus.

The `abbr` extension turns every glossary word into `<abbr title="meaning">`, and Material's
tooltips show the meaning on hover, on tap and on focus. But an `<abbr>` cannot take focus, so
a reader using a keyboard never sees a meaning (WCAG 2.1.1). Making every use focusable would put
dozens of extra tab stops on a page; this makes only the first use of each word focusable.

No package does this (Material has no setting for it), hence this small treeprocessor. It runs
right after `abbr`'s own treeprocessor, so it sees every word `abbr` marked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

ABBR_PRIORITY = 7  # markdown.extensions.abbr registers its treeprocessor at 7; ours runs after


class FirstUseFocusable(Treeprocessor):
    """Give the first `<abbr>` of each word on the page, outside links, `tabindex="0"`."""

    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        for abbr in self._outside_links(root):
            word = " ".join((abbr.text or "").split()).casefold()
            if word and word not in seen:
                seen.add(word)
                abbr.set("tabindex", "0")

    def _outside_links(self, element: etree.Element):
        """Every `<abbr>` in document order, except inside a link: a link is a tab stop already,
        and a second one inside it would only confuse."""
        for child in element:
            if child.tag == "abbr":
                yield child
            elif child.tag != "a":
                yield from self._outside_links(child)


class GlossaryFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FirstUseFocusable(md), "glossary_focus", ABBR_PRIORITY - 1)


def makeExtension(**kwargs) -> GlossaryFocusExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryFocusExtension(**kwargs)
