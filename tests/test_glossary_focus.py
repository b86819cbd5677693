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


def test_a_glossary_word_inside_a_link_adds_no_tab_stop_and_the_next_use_takes_it():
    html = render("[A biopsy](x.md) is needed. A biopsy again.\n\n*[biopsy]: Taking tissue to check it.\n")
    assert html.count('tabindex="0"') == 1
    assert html.index('tabindex="0"') > html.index("</a>")
