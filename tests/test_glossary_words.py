"""The glossary-words Markdown extension (extensions/glossary_words.py), on small strings: no build needed."""

from __future__ import annotations

import markdown

TEXT = """A biopsy is needed. Then a second biopsy.

A pathologist reads the biopsy.

## Results

The biopsy result comes back.

*[biopsy]: Taking a small piece of tissue to check it.
*[pathologist]: A doctor who looks at tissue under a microscope.
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "extensions.glossary_words"])


def test_a_glossary_word_is_explained_once_in_each_section():
    html = render(TEXT)
    assert html.count(">biopsy</abbr>") == 2, html  # once before "Results", once after
    assert html.count(">pathologist</abbr>") == 1
    assert "Then a second biopsy." in html and "reads the biopsy." in html  # the words stay


def test_only_the_first_use_of_each_glossary_word_on_the_page_takes_focus():
    html = render(TEXT)
    assert html.count('tabindex="0"') == 2
    assert html.index('tabindex="0"') < html.index("Then a second")


def test_a_page_without_glossary_words_is_unchanged():
    assert render("Plain words only.") == markdown.markdown("Plain words only.", extensions=["abbr"])


def test_a_glossary_word_inside_a_link_adds_no_tab_stop_and_the_next_use_takes_it():
    html = render("[A biopsy](x.md) is needed. A biopsy again.\n\n*[biopsy]: Taking tissue to check it.\n")
    assert html.count('tabindex="0"') == 1
    assert html.index('tabindex="0"') > html.index("</a>")


def test_a_word_being_defined_in_a_glossary_term_is_not_a_tooltip():
    html = markdown.markdown(
        "Biopsy\n:   A test. Not every biopsy hurts.\n\n*[Biopsy]: A test.\n*[biopsy]: A test.\n",
        extensions=["abbr", "def_list", "extensions.glossary_words"])
    assert "<dt>Biopsy</dt>" in html
    assert html.count("<abbr") == 1  # in the definition, where it is a use, not the term


def test_adjacent_words_turned_plain_keep_every_character():
    html = render("MRI CT. MRI CT.\n\n*[MRI]: A scan.\n*[CT]: Another scan.\n")
    text = html.replace('<abbr tabindex="0" title="A scan.">', "").replace(
        '<abbr tabindex="0" title="Another scan.">', "").replace("</abbr>", "")
    assert text == "<p>MRI CT. MRI CT.</p>"
