"""Printing: the tool pages fit on paper a parent can bring to an appointment."""

from __future__ import annotations

import re

import pytest

from sitemodel import html_path

PRINTED_PAGES = ["records.md", "questions.md"]
PAPER = ["Letter", "A4"]


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("page", PRINTED_PAGES)
def test_tool_pages_print_on_at_most_two_sheets(page, paper, visit, site_url, tmp_path):
    v = visit(site_url + html_path(page))
    pdf = v.page.pdf(format=paper, print_background=False, margin={"top": "1.5cm", "bottom": "1.5cm",
                                                                   "left": "1.5cm", "right": "1.5cm"})
    (tmp_path / f"{page}.{paper}.pdf").write_bytes(pdf)
    pages = page_count(pdf)
    assert 1 <= pages <= 2, f"{page} prints on {pages} {paper} pages; it must fit on two"


def test_print_hides_the_site_chrome_and_keeps_title_summary_and_sources(visit, site_url):
    v = visit(site_url + html_path("records.md"))
    v.page.emulate_media(media="print")
    visible = v.page.evaluate("""() => {
        const shown = s => { const e = document.querySelector(s); return !!e && e.offsetParent !== null
            && getComputedStyle(e).display !== 'none'; };
        return {header: shown('.md-header'), sidebar: shown('.md-sidebar--primary'),
                footer: shown('.md-footer'), search: shown('.md-search'),
                h1: shown('article h1'), summary: shown('article .admonition.summary'),
                sources: shown('article .page-review')};
    }""")
    assert not any(visible[k] for k in ("header", "sidebar", "footer", "search")), f"chrome printed: {visible}"
    assert all(visible[k] for k in ("h1", "summary", "sources")), f"content missing in print: {visible}"
    link_after = v.page.evaluate(
        "() => getComputedStyle(document.querySelector('.page-review a[href^=http]'), '::after').content")
    assert "http" in link_after, f"external links do not print their address (::after is {link_after})"
