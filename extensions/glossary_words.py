"""Glossary words: explained once in each section, and reachable by keyboard once per page.

The `abbr` extension turns every use of a glossary word into `<abbr title="meaning">`, and
Material's tooltips show the meaning on hover, on tap and on focus. This treeprocessor, run right
after `abbr`'s own, trims that in three ways:

1. **Once per section.** Only the first use of a word in each `h2` section stays an `<abbr>`;
   later uses in the same section are plain words. A parent who lands on a section from the
   questions page still finds each word explained there, without a dotted underline under every
   repeat. It also keeps pages fast on a phone: Material sets up a tooltip for every `<abbr>`
   when the page opens (a few milliseconds each on Lighthouse's slowed-down phone), and a long
   page used to hold dozens of them.
2. **Not where it is defined.** A word in a glossary term (`<dt>`) has its meaning right below
   it, so it is not an `<abbr>` there.
3. **One tab stop per word.** An `<abbr>` cannot take focus, so a keyboard would never show a
   meaning (WCAG 2.1.1). The first use of each word on the page, outside links, gets
   `tabindex="0"`; it always stays an `<abbr>`, even when it repeats a word earlier in its section
   that sat inside a link (a link is a tab stop of its own, and a second inside it would confuse).

No package does this (Material has no setting for it), hence this small treeprocessor. It is
plain Python-Markdown, so MkDocs and Zensical both run it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

ABBR_PRIORITY = 7  # markdown.extensions.abbr registers its treeprocessor at 7; ours runs after
SECTION = ("h1", "h2")


class GlossaryWords(Treeprocessor):
    """Keep one `<abbr>` per word per section, none in `<dt>`, and one tab stop per word per page."""

    def run(self, root: etree.Element) -> None:
        focusable: set[str] = set()  # words with their tab stop on this page
        in_section: set[str] = set()  # words explained in the current section
        plain: list[tuple[etree.Element, etree.Element]] = []  # (parent, abbr) to turn into words
        for parent, element, in_link, in_term in self._walk(root):
            if element.tag in SECTION:
                in_section = set()
                continue
            word = " ".join((element.text or "").split()).casefold()
            if in_term:
                plain.append((parent, element))
                continue
            takes_focus = not in_link and word not in focusable
            if word in in_section and not takes_focus:
                plain.append((parent, element))
                continue
            in_section.add(word)
            if takes_focus:
                focusable.add(word)
                element.set("tabindex", "0")
        for parent, abbr in reversed(plain):  # last first, so earlier siblings' tails stay right
            _unwrap(parent, abbr)

    def _walk(self, element: etree.Element, in_link: bool = False, in_term: bool = False):
        """Headings that start a section and every `<abbr>`, in document order, with the parent
        of each and whether it sits inside a link or a glossary term."""
        for child in element:
            if child.tag == "abbr" or child.tag in SECTION:
                yield element, child, in_link, in_term
            if child.tag != "abbr":
                yield from self._walk(child, in_link or child.tag == "a", in_term or child.tag == "dt")


def _unwrap(parent: etree.Element, abbr: etree.Element) -> None:
    """Replace `<abbr>word</abbr>` with the word itself, keeping the text around it."""
    words = (abbr.text or "") + (abbr.tail or "")
    index = list(parent).index(abbr)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(abbr)


class GlossaryWordsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(GlossaryWords(md), "glossary_words", ABBR_PRIORITY - 1)


def makeExtension(**kwargs) -> GlossaryWordsExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryWordsExtension(**kwargs)
