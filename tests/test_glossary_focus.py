"""The glossary-focus Markdown extension, on small strings: no build needed."""

from __future__ import annotations

import markdown

TEXT = """A biopsy is needed. Then a second biopsy.

A pathologist reads the biopsy.

*[biopsy]: Taking a small piece of tissue to check it.
*[pathologist]: A doctor who looks at tissue under a microscope.
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "extensions.glossary_focus"])


def test_only_the_first_use_of_each_glossary_word_takes_focus():
    html = render(TEXT)
    assert html.count("<abbr") == 4
    assert html.count('tabindex="0"') == 2
    assert html.index('tabindex="0"') < html.index(">biopsy</abbr>")


def test_a_page_without_glossary_words_is_unchanged():
    assert render("Plain words only.") == markdown.markdown("Plain words only.", extensions=["abbr"])
