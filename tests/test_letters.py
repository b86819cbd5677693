"""Letters and messages: eight messages a parent can copy, six to doctors, hospitals and labs
(docs/letters.md) and two to the insurance plan (docs/letters-to-insurance.md), each at an address
other pages link to, each saying when to use it and to whom, with [blanks] to fill in, a copy
button, and no deadline stated as a number of days."""

from __future__ import annotations

import re

import pytest

from sitemodel import html_path

# Each page and its letters. Other pages link to these ids: keep them when a heading's words change.
LETTERS = {
    "letters.md": [
        "ask-your-childs-doctor",
        "ask-a-second-opinion-program",
        "ask-for-records",
        "ask-for-slides-and-blocks",
        "ask-for-an-interpreter",
        "ask-the-doctors-to-talk",
    ],
    "letters-to-insurance.md": [
        "ask-insurance-for-approval",
        "appeal-a-denial",
    ],
}
EACH_LETTER = [(page, letter) for page, letters in LETTERS.items() for letter in letters]


def section(soup, letter_id: str, page: str) -> list:
    """The elements under one letter's heading, up to the next heading."""
    heading = soup.select_one(f"article h2#{letter_id}")
    assert heading is not None, f"{page}: no heading with id {letter_id!r} (other pages link to it)"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        parts.append(sibling)
    return parts


def test_there_are_eight_letters_on_the_two_pages():
    assert len(EACH_LETTER) == 8, f"{len(EACH_LETTER)} letters: {EACH_LETTER}"


@pytest.mark.parametrize("page, letter_id", EACH_LETTER)
def test_each_letter_says_when_and_to_whom_and_has_blanks_to_fill(page, letter_id, page_soup):
    parts = section(page_soup(page), letter_id, page)
    text = " ".join(p.get_text(" ", strip=True) for p in parts)
    assert "When to use it:" in text and "Send it to:" in text, f"{letter_id}: no line on when and to whom"
    messages = [p for p in parts if "sample-message" in p.get("class", [])]
    assert len(messages) == 1, f"{letter_id}: {len(messages)} sample messages, want one"
    body = messages[0].select_one("pre code").get_text()
    blanks = re.findall(r"\[[^\]]+\]", body)
    assert len(blanks) >= 3, f"{letter_id}: only {blanks} to fill in"
    assert "[your name]" in body, f"{letter_id}: the message is not signed with [your name]"


@pytest.mark.parametrize("page", LETTERS)
def test_no_letter_states_a_deadline_in_days(page, page_soup):
    article = page_soup(page).select_one("article").__copy__()
    for review in article.select(".page-review"):
        review.decompose()
    text = " ".join(article.get_text(" ").split())
    days = re.findall(r"\b\d+\s+(?:business\s+)?days?\b|\b\d+\s+months?\b", text)
    assert not days, f"{page} states deadlines as numbers ({days}): point to the date on the family's own letter"


def test_the_appeal_points_to_the_familys_own_letter(page_soup):
    page = "letters-to-insurance.md"
    appeal = " ".join(p.get_text(" ") for p in section(page_soup(page), "appeal-a-denial", page))
    assert "date on your denial letter" in appeal, "the appeal does not send families to the date on their letter"


@pytest.mark.parametrize("page", LETTERS)
def test_every_message_has_a_labelled_copy_button(page, visit, site_url):
    v = visit(site_url + html_path(page), width=390, height=844)
    messages = v.page.locator(".sample-message pre")
    buttons = v.page.locator(".sample-message button.md-code__button[data-md-type=copy]")
    buttons.first.wait_for(state="attached", timeout=5_000)
    names = [buttons.nth(i).get_attribute("title") for i in range(buttons.count())]
    unnamed_navs = v.page.locator("nav.md-code__nav:not([role])").count()
    count = messages.count()
    v.close()
    assert count == len(LETTERS[page]), f"{page}: {count} messages, want {len(LETTERS[page])}"
    assert len(names) == count and all(names), f"copy buttons: {names}"
    assert unnamed_navs == 0, f"{unnamed_navs} copy-button <nav>s are still navigation landmarks"
