"""What a reader never loads stays out of the site and the offline zip (see bench/ for sizes).

How many requests each page makes is checked in test_every_page_as_a_reader_meets_it.py."""

from __future__ import annotations

import zipfile
from sitemodel import offline_zip

ZIP = offline_zip()


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


def test_the_file_search_shim_loads_from_files_only(site_url, site_dir, visit):
    # The shim's <script> is written into the page as it is read, so "load" has waited for it.
    over_http = visit(site_url + "records.html")
    from_file = visit((site_dir / "records.html").as_uri())
    assert not [u for u in over_http.local_requests if "iframe-worker" in u], "the shim loads over http"
    assert [u for u in from_file.local_requests if "iframe-worker" in u], "the shim does not load from a file"
