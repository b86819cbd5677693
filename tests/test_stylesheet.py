"""The one stylesheet the site ships still styles every component the site uses.

The build cuts Material's stylesheets to the rules the pages use (PurgeCSS, see
postbuild/stylesheets.py and purgecss.config.cjs) and merges them with the site's own. A rule
cut by mistake shows only when a reader meets what it styles, often after a script has run:
search results, a tooltip, the drawer, the copy notice. So each state below is opened twice in
Chromium, once with the shipped stylesheet and once with Material's whole stylesheets and the
site's own in its place, and every element's computed look (and that of its ::before and
::after) must be the same in both.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import Visit
from sitemodel import DOCS

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
SHIPPED = "**/assets/stylesheets/site.*.min.css"

PROPERTIES = [
    "display", "visibility", "position", "top", "left", "width", "height", "margin", "padding",
    "color", "background-color", "background-image", "border", "border-radius", "box-shadow",
    "outline", "font-family", "font-size", "font-weight", "font-style", "line-height",
    "text-decoration", "text-align", "opacity", "transform", "mask-image", "-webkit-mask-image",
    "content", "list-style", "overflow", "z-index", "cursor", "white-space", "flex-direction",
    "justify-content", "align-items", "gap",
]

SNAPSHOT = """props => [...document.querySelectorAll('*')].map((e, i) => {
  const look = p => { const style = getComputedStyle(e, p); return props.map(n => style.getPropertyValue(n)).join('|'); };
  return `${i} <${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}">\\t`
    + look(null) + '\\t' + look('::before') + '\\t' + look('::after');
})"""


def whole_stylesheet() -> str:
    """Material's stylesheets as they come, then the site's own: what the cut must match."""
    parts = [next(MATERIAL_CSS.glob("main.*.min.css")), next(MATERIAL_CSS.glob("palette.*.min.css")),
             DOCS / "assets" / "stylesheets" / "site.css"]
    return "\n".join(p.read_text(encoding="utf-8") for p in parts)


# What a reader does before looking: each function takes a Playwright page.
def nothing(page) -> None:
    pass


def open_search_and_type(page) -> None:
    # Opened without the mouse: a pointer left over a button shows its tooltip after a delay,
    # which would make the two looks differ by when they were taken.
    button = page.locator("label.md-header__button[for=__search]")  # the phone header's magnifier
    if button.is_visible():
        button.dispatch_event("click")
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").press_sequentially("insurance", delay=10)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.locator(".md-search-result__more summary").first.click()


def open_the_drawer(page) -> None:
    page.locator("label.md-header__button[for=__drawer]").dispatch_event("click")
    page.wait_for_timeout(300)


def focus_a_glossary_word(page) -> None:
    page.locator("abbr[tabindex='0']").first.focus()
    page.locator(".md-tooltip2").first.wait_for(state="visible")


def copy_a_sample_message(page) -> None:
    page.locator(".sample-message pre").first.hover()
    page.locator(".md-code__button, .md-clipboard").first.click()
    page.locator(".md-dialog").wait_for(state="visible")


def scroll_and_tab(page) -> None:
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")


STATES = {
    "records, desktop, light": ("records.html", 1280, "light", nothing),
    "records, phone, dark": ("records.html", 390, "dark", nothing),
    "a table, phone, light": ("interpreters-and-language.html", 390, "light", nothing),
    "search results, desktop, dark": ("index.html", 1280, "dark", open_search_and_type),
    "search results, phone, light": ("index.html", 390, "light", open_search_and_type),
    "drawer, phone, light": ("records.html", 390, "light", open_the_drawer),
    "drawer, phone, dark": ("glossary.html", 390, "dark", open_the_drawer),
    "tooltip, desktop, light": ("what-it-is.html", 1280, "light", focus_a_glossary_word),
    "tooltip, phone, dark": ("what-it-is.html", 390, "dark", focus_a_glossary_word),
    "copy notice, desktop, light": ("how-to-ask.html", 1280, "light", copy_a_sample_message),
    "scrolled, keyboard focus, desktop, dark": ("how-long-it-takes.html", 1280, "dark", scroll_and_tab),
}


def look(browser, url: str, width: int, scheme: str, act, css: str | None) -> list[str]:
    v = Visit(browser, "about:blank", width=width, height=800, scheme=scheme, reduced_motion="reduce")
    if act is copy_a_sample_message:
        v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    if css is not None:  # the page's own route comes before the visit's, which records every request
        v.page.route(SHIPPED, lambda route: route.fulfill(body=css, content_type="text/css"))
    v.page.goto(url, wait_until="load")  # stylesheets hold up "load": nothing more to wait for
    act(v.page)
    v.page.wait_for_timeout(200)
    snapshot = v.page.evaluate(SNAPSHOT, PROPERTIES)
    v.close()
    return snapshot


def test_the_site_ships_one_stylesheet_and_it_is_the_cut_one(soups, site_dir):
    for path, soup in soups.items():
        links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert len(links) == 1 and re.search(r"assets/stylesheets/site\.\w{8}\.min\.css$", links[0]), (
            f"{path}: links {links}, want the one merged stylesheet")
    assert not list(site_dir.glob("assets/stylesheets/main.*.css")), "Material's whole stylesheet is still shipped"


@pytest.mark.parametrize("state", STATES)
def test_every_element_looks_as_with_materials_whole_stylesheet(state, browser, site_url):
    page_name, width, scheme, act = STATES[state]
    url = site_url + page_name
    shipped = look(browser, url, width, scheme, act, None)
    whole = look(browser, url, width, scheme, act, whole_stylesheet())
    assert len(shipped) == len(whole), f"{state}: the page has {len(shipped)} elements, {len(whole)} with the whole CSS"
    differ = []
    for a, b in zip(shipped, whole):
        if a != b:
            element, *cut = a.split("\t")
            _, *full = b.split("\t")
            for where, x, y in zip(("", "::before", "::after"), cut, full):
                for name, u, v in zip(PROPERTIES, x.split("|"), y.split("|")):
                    if u != v:
                        differ.append(f"{element}{where} {name}: {u!r}, with the whole stylesheet {v!r}")
    assert not differ, f"{state}: {len(differ)} differences, first ones:\n" + "\n".join(differ[:25])
