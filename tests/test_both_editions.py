"""Both editions: the Spanish guide is the English guide, page for page, in its own language.

Each English page has its Spanish page with the same sections (the same heading ids, so links
and the language switch land on the same section), the same checklist items, the same
messages to send and the same number of sources; a Spanish page whose English page was
reviewed later is flagged for review. Then what a reader of each edition meets: the link to
the other language, the sitemap's alternates, one 404 page for both, and each edition's own
search and checklist ticks.
"""

from __future__ import annotations

import re

import pytest

from pages import ENGLISH_PAGES, spanish
from sitemodel import front_matter, html_path

SECTIONS = "article h2[id], article h3[id], article h4[id]"


def _ids(soup) -> list[str]:
    return [h["id"] for h in soup.select(SECTIONS) if not h.find_parent(class_="page-review")]


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_each_english_page_has_its_spanish_page_with_the_same_sections(page, page_soup):
    en, es = page_soup(page), page_soup(spanish(page))
    assert _ids(en) == _ids(es), f"{spanish(page)}: sections differ from {page}: {sorted(set(_ids(en)) ^ set(_ids(es)))}"


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_each_spanish_page_has_the_same_checklist_items_messages_and_sources(page, page_soup):
    en, es = page_soup(page), page_soup(spanish(page))
    for what, selector in (("checklist items", ".checklist li.task-list-item"),
                           ("messages to send", ".sample-message pre"),
                           ("grid cards", ".grid.cards > ul > li")):
        assert len(en.select(selector)) == len(es.select(selector)), (
            f"{spanish(page)}: {len(es.select(selector))} {what}, {page} has {len(en.select(selector))}")
    assert len(front_matter(page)["sources"]) == len(front_matter(spanish(page))["sources"]), (
        f"{spanish(page)}: not the same number of sources as {page}")


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_no_spanish_page_is_older_than_its_english_page(page):
    """A change to an English page (and its reviewed date) flags its translation for review."""
    en, es = front_matter(page)["reviewed"], front_matter(spanish(page))["reviewed"]
    assert es >= en, f"{spanish(page)} was reviewed {es}, before {page} ({en}): bring it up to date"


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_each_page_links_to_the_same_page_in_the_other_language(page, page_soup):
    for this, other, lang in ((page, spanish(page), "es"), (spanish(page), page, "en")):
        link = page_soup(this).select_one("article .language-switch a[hreflang]")
        assert link is not None, f"{this}: no link to the other language"
        assert link["hreflang"] == lang and link.get("lang") == lang, f"{this}: switch link says {link}"
        want = "es/" + html_path(page) if lang == "es" else "../" + html_path(page)
        assert link["href"] == want, f"{this}: the switch goes to {link['href']}, want {want}"


def test_the_sitemap_names_both_languages_of_every_page(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for page in ENGLISH_PAGES:
        for lang, path in (("en", html_path(page)), ("es", html_path(spanish(page)))):
            assert re.search(rf'hreflang="{lang}" href="[^"]*/{re.escape(path)}"', sitemap), (
                f"sitemap.xml has no {lang} alternate for {page}")


def test_one_404_page_helps_in_both_languages_and_works_from_the_unzipped_copy(site_dir, visit):
    assert not (site_dir / "es" / "404.html").exists(), "a second 404 page in es/"
    v = visit((site_dir / "404.html").as_uri())
    assert v.page.evaluate("document.documentElement.lang") == "en"
    assert v.page.locator("article [lang=es] h2").count() == 1, "the 404 page has no Spanish part"
    links = v.page.locator("article a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and not [h for h in hrefs if h.startswith("/")], f"404 links from the root: {hrefs}"
    v.page.locator("article [lang=es] a").first.click()
    v.page.wait_for_load_state("load")
    assert v.page.url.endswith("es/index.html") and v.page.evaluate("document.documentElement.lang") == "es"
    assert not v.local_failures, f"404 page from files failed to load: {v.local_failures}"
    v.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_edition_searches_its_own_pages(lang, site_url, visit):
    from parent_search import SearchBox

    home = "index.html" if lang == "en" else "es/index.html"
    v = visit(site_url + home)
    box = SearchBox(v.page, site_url)
    groups = box.top_results("Medicaid CHIP")  # words both editions use
    pages = [target for group in groups for target in group]
    assert pages, f"{lang}: searching found nothing"
    wrong = [p for p in pages if (".es.md" in p) != (lang == "es")]
    assert not wrong, f"{lang} search showed pages of the other edition: {wrong}"
    v.close()


def test_checklist_ticks_are_kept_per_language(site_url, visit):
    v = visit(site_url + html_path("records.md"))
    v.page.locator(".checklist label.task-list-control").first.click()
    v.page.goto(site_url + html_path("records.es.md"))
    boxes = v.page.get_by_role("checkbox")
    assert boxes.count() > 0 and not any(boxes.nth(i).is_checked() for i in range(boxes.count())), (
        "a tick on the English records page showed on the Spanish one")
    assert v.page.get_by_role("button", name="Borrar todas las marcas").count() == 1
    v.close()
