"""The built site's structure: links, anchors, headings, metadata, review lines, privacy."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from pages import CORE_PAGES, PAGES, ui
from siterules import resolve
from sitemodel import front_matter, html_path, language, nav_pages

REFERENCE_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("iframe", "src"), ("source", "src"), ("source", "srcset"), ("form", "action"))
# Elements the browser fetches by itself, as soon as the page loads.
FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}


def test_the_site_builds_strictly_without_warnings(site_dir):
    assert (site_dir / "index.html").is_file()


@pytest.mark.parametrize("page", PAGES)
def test_every_internal_link_and_anchor_resolves(page, soups, site_dir):
    path = html_path(page)
    problems = []
    for tag, attr in REFERENCE_ATTRS:
        for element in soups[path].find_all(tag):
            ref = element.get(attr)
            if not ref or (tag == "link" and "canonical" in element.get("rel", [])):
                continue
            target = resolve(path, ref)
            if target is None:
                continue
            file, fragment = target
            if not (site_dir / file).is_file():
                problems.append(f"<{tag} {attr}={ref!r}>: no file {file}")
                continue
            if fragment and file.endswith(".html"):
                count = len(soups[file].find_all(id=fragment))
                if count != 1:
                    problems.append(f"<{tag} {attr}={ref!r}>: #{fragment} matches {count} ids in {file}")
    assert not problems, f"{path} has broken references:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_one_h1_matching_its_title(page, page_soup):
    article = page_soup(page).select_one("article.md-content__inner")
    h1s = article.find_all("h1")
    assert len(h1s) == 1, f"{page}: {len(h1s)} <h1> in the article, want exactly one"
    heading = h1s[0].get_text(" ", strip=True).rstrip("¶").strip()
    assert heading == front_matter(page)["title"], f"{page}: <h1> {heading!r} differs from the title"


@pytest.mark.parametrize("page", PAGES)
def test_no_heading_level_is_skipped(page, page_soup):
    article = page_soup(page).select_one("article.md-content__inner")
    levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{page}: heading h{before} is followed by h{after}"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_language_title_description_and_canonical(page, page_soup):
    soup = page_soup(page)
    want = language(page)
    assert soup.html.get("lang") == want, f"{page}: <html lang> is {soup.html.get('lang')!r}, want {want!r}"
    assert soup.title and soup.title.get_text(strip=True), f"{page}: empty <title>"
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None, f"{page}: no meta description"
    assert description["content"] == front_matter(page)["description"], (
        f"{page}: meta description is not the page's own description"
    )
    canonical = soup.find("link", rel="canonical")
    assert canonical is not None and canonical["href"].startswith("https://"), f"{page}: no canonical link"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_its_review_dates_and_sources(page, page_soup):
    review = page_soup(page).select_one("article .page-review")
    assert review is not None, f"{page}: no review line under the content"
    meta = front_matter(page)
    text = review.get_text(" ", strip=True)
    words = ui(language(page))
    assert words["reviewed"] in text and words["next_review"] in text, f"{page}: review line missing"
    dates = [t["datetime"] for t in review.select(".page-review__dates time")]
    assert dates == [meta["reviewed"].isoformat(), meta["next_review"].isoformat()], (
        f"{page}: review dates {dates} do not match front matter"
    )
    links = [a["href"] for a in review.select(".page-review__sources a")]
    assert links == [s["url"] for s in meta["sources"]], f"{page}: sources shown differ from front matter"


def test_every_image_has_alt_text(soups):
    missing = [f"{path}: <img src={img.get('src')!r}>"
               for path, soup in soups.items() for img in soup.find_all("img")
               if not (img.get("alt") or "").strip()]
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_no_page_loads_anything_from_another_host(soups):
    offenders = []
    for path, soup in soups.items():
        for tag, attr in FETCHED.items():
            for element in soup.find_all(tag):
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue  # names the page's address; the browser fetches nothing
                ref = element.get(attr) or ""
                if urlsplit(ref).netloc or ref.startswith("//"):
                    offenders.append(f"{path}: <{tag} {attr}={ref}>")
        for style in soup.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                offenders.append(f"{path}: inline style {style['style']!r}")
    assert not offenders, "third-party requests in the HTML:\n" + "\n".join(offenders)


def test_no_stylesheet_loads_anything_from_another_host(site_dir):
    offenders = []
    for css in site_dir.rglob("*.css"):
        for match in re.finditer(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site_dir)}: url({match.group(1)})")
        for match in re.finditer(r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^)'\"]+)", css.read_text()):
            offenders.append(f"{css.relative_to(site_dir)}: @import {match.group(1)}")
    assert not offenders, "stylesheets that call another host:\n" + "\n".join(offenders)


def test_the_core_pages_are_in_the_navigation_and_linked_from_home(page_soup):
    assert all(page in nav_pages() for page in CORE_PAGES), f"core pages missing from nav: {nav_pages()}"
    article = page_soup("index.md").select_one("article")
    linked = {a["href"].split("#")[0] for a in article.find_all("a", href=True)}
    for page in CORE_PAGES:
        assert html_path(page) in linked, f"index.md does not link to {page} in its content"
