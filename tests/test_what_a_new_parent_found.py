"""What a new parent found in the guide (../shared/findings/ux-walkthrough.md), each fixed and kept so.

Numbers are the walkthrough's findings. Issue 23's fixes (copy buttons, tooltips, focus, the menu)
are tested with that work; "Clear all ticks" asking first is in test_offline_and_private.py, the
organiser's saved-copy line and Safari note in test_my_plan.py, the section link that wrapped onto
a line of its own (16) on every page in test_every_page_as_a_reader_meets_it.py.
"""

from __future__ import annotations

import re

import pytest

from pages import SPANISH_PAGES, spanish
from sitemodel import html_path


def test_12_the_letters_page_lists_its_letters_at_the_top(page_soup):
    """Each page of letters (to doctors, hospitals and labs; to the insurance plan) lists its own."""
    for page in ("letters.md", "letters.es.md", "letters-to-insurance.md", "letters-to-insurance.es.md"):
        article = page_soup(page).select_one("article")
        letters = [h["id"] for h in article.select("h2[id]")
                   if h["id"] not in ("how-to-use-these-messages", "what-to-read-next")]
        first_heading = article.select_one("h2")
        listed = [a["href"].lstrip("#") for a in first_heading.find_all_previous("a", href=re.compile("^#"))
                  if not a.get("class")][::-1]
        assert listed == letters, f"{page}: the list at the top links {listed}, the letters are {letters}"


@pytest.mark.parametrize("page", ["how-to-ask.md", "how-to-ask.es.md"])
def test_14_the_language_link_keeps_the_section_the_reader_is_on(page, site_url, visit):
    # Arriving at a section from "Questions parents ask", as in the walkthrough.
    v = visit(site_url + html_path(page) + "#will-our-doctor-be-upset", width=390, height=844)
    with v.page.expect_navigation():
        v.page.locator(".language-switch a").click()
    other = html_path(spanish(page)) if page not in SPANISH_PAGES else html_path(page.replace(".es.md", ".md"))
    assert v.page.url == site_url + other + "#will-our-doctor-be-upset", v.page.url
    # Scrolled to a section by hand, with no #section in the address.
    v.page.goto(site_url + html_path(page))
    v.page.evaluate("document.getElementById('will-our-doctor-be-upset').scrollIntoView()")
    v.page.wait_for_timeout(300)  # a frame or two: the page notes where the reader is as they scroll
    with v.page.expect_navigation():
        v.page.locator(".language-switch a").evaluate("a => a.click()")  # the link is above, off screen
    assert v.page.url == site_url + other + "#will-our-doctor-be-upset", f"scrolled to a section, the link led to {v.page.url}"
    v.close()


@pytest.mark.parametrize("page", ["index.md", "index.es.md"])
def test_19_the_home_pages_three_cards_sit_side_by_side_on_a_wide_screen(page, site_url, visit):
    v = visit(site_url + html_path(page), width=1280, height=900)
    tops = v.page.locator(".grid.cards > ul > li").evaluate_all("cards => cards.map(c => c.getBoundingClientRect().top)")
    assert len(tops) == 3 and len(set(round(t) for t in tops)) == 1, f"cards at {tops}: one is left alone"
    v.page.set_viewport_size({"width": 390, "height": 844})
    tops = v.page.locator(".grid.cards > ul > li").evaluate_all("cards => cards.map(c => c.getBoundingClientRect().top)")
    assert len(set(round(t) for t in tops)) == 3, "on a phone the cards should be one under the other"
    v.close()


def test_11_at_1280px_what_was_said_is_as_wide_as_what_is_next(site_url, visit):
    v = visit(site_url + html_path("my-plan.md"), width=1280, height=900)
    said, following = (v.page.locator(f"#log-1-{field}").bounding_box()["width"] for field in ("said", "next"))
    entry = v.page.locator(".plan-log fieldset").first.bounding_box()["width"]
    assert abs(said - following) < 2 and said > entry * 0.4, f"what was said {said}px, what is next {following}px"
    v.close()


CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = null;
  for (let node = el; node && !bg; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') bg = colour;
  }
  const [a, b] = [lum(getComputedStyle(el).color), lum(bg || 'rgb(255, 255, 255)')];
  return [(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), bg || 'none'];
}"""


@pytest.mark.parametrize("page", ["records.md", "my-plan.es.md"])
def test_8_a_page_printed_from_the_dark_scheme_is_dark_on_white(page, site_url, visit):
    v = visit(site_url + html_path(page), scheme="dark")
    v.page.emulate_media(media="print")
    assert v.page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    for selector in (".admonition-title", "article p", "article a[href]", "article h1"):
        ratio, background = v.page.locator(selector).first.evaluate(CONTRAST)
        assert ratio >= 4.5, f"{page}, printed from dark: {selector} at {ratio:.1f}:1 on {background}"
    v.close()
