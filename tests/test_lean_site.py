"""What a reader never loads stays out of the site and the offline zip (see bench/ for sizes)."""

from __future__ import annotations

import zipfile
from collections import Counter

import pytest

from sitebuild import PAGES, html_path

ZIP = "downloads/second-opinion-guide.zip"


def test_the_site_holds_no_source_maps(site_dir):
    maps = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.map"))
    assert not maps, f"source maps in the built site: {maps}"


# Spanish search needs lunr's Spanish stop words; both editions the site's accent folding
# (lunr.fold.min.js), mixed in by lunr.multi, and the support file all of them need.
SEARCH_LANGUAGE_FILES = ["lunr.es.min.js", "lunr.fold.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]


def test_the_site_holds_no_search_languages_it_does_not_use(site_dir):
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    files = sorted(p.name for p in lunr.rglob("*.js")) if lunr.exists() else []
    assert files == SEARCH_LANGUAGE_FILES, f"search language files: {files}, want only {SEARCH_LANGUAGE_FILES}"


def test_the_offline_zip_holds_neither(site_dir):
    with zipfile.ZipFile(site_dir / ZIP) as archive:
        names = archive.namelist()
    bad = [n for n in names if n.endswith(".map")
           or ("/lunr/" in n and n.rsplit("/", 1)[-1] not in SEARCH_LANGUAGE_FILES)]
    assert not bad, f"the offline zip holds files no reader loads: {bad}"
    assert any(n.endswith("search/search_index.js") for n in names), "the zip has no offline search index"


# What a page asks of the server over http, counted (bench/ measures how long it takes): the page,
# one stylesheet, Material's bundle and its search worker, the icon, the checklist script on
# pages with a checklist, and the organiser's script on the organiser's page. The search index
# waits until a reader opens search; the file:// search shim is for pages opened from a file only.
REQUESTS = {"page": 1, "stylesheet": 1, "bundle": 1, "search worker": 1, "icon": 1, "checklists": 1,
            "my-plan": 1}


def kind_of(path: str) -> str:
    name = path.split("/")[-1]
    return ("page" if name.endswith(".html") else "stylesheet" if name.endswith(".css")
            else "search worker" if "/workers/" in path else "bundle" if name.startswith("bundle.")
            else "icon" if name.startswith("favicon") else name.removesuffix(".js"))


@pytest.mark.parametrize("page", PAGES)
def test_each_page_makes_few_requests_over_http(page, site_url, visit):
    v = visit(site_url + html_path(page))
    v.page.wait_for_load_state("networkidle")
    asked = [url.removeprefix(site_url) for url in v.local_requests if url.startswith(site_url)]
    v.close()
    kinds = Counter(kind_of(path) for path in asked)
    extra = {k: n for k, n in kinds.items() if n > REQUESTS.get(k, 0)}
    assert not extra, f"{page} makes requests beyond the page, one stylesheet and the scripts it needs: {asked}"
    assert kinds["stylesheet"] == 1, f"{page} asks for {kinds['stylesheet']} stylesheets: {asked}"


def test_the_file_search_shim_loads_from_files_only(site_url, site_dir, visit):
    over_http = visit(site_url + "records.html")
    over_http.page.wait_for_load_state("networkidle")
    from_file = visit((site_dir / "records.html").as_uri())
    from_file.page.wait_for_load_state("networkidle")
    assert not [u for u in over_http.local_requests if "iframe-worker" in u], "the shim loads over http"
    assert [u for u in from_file.local_requests if "iframe-worker" in u], "the shim does not load from a file"
