"""What a reader never loads stays out of the site and the offline zip (see bench/ for sizes).

How many requests each page makes is checked in test_every_page_as_a_reader_meets_it.py."""

from __future__ import annotations

import gzip
import tomllib
import zipfile

from sitemodel import ROOT, offline_zip

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


# A page's HTML arrives in the first round trip of a new connection (issue 22): bench/budgets.toml
# holds the figure, and `make bench` reports it with the rest. Sizes do not move with the machine's
# load, so it is checked here too, where an editor who lengthens a page hears of it at once.
HTML_BUDGET = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))["html"]["max_gzip_bytes"]


def test_every_pages_html_fits_in_the_first_round_trip(site_dir):
    # Level 6: what bench/run.py's server sends, and the usual default of web servers.
    sizes = {str(p.relative_to(site_dir)): len(gzip.compress(p.read_bytes(), 6))
             for p in site_dir.rglob("*.html") if p.name != "404.html" or p.parent == site_dir}
    over = {page: size for page, size in sorted(sizes.items()) if size > HTML_BUDGET}
    assert not over, (f"pages whose HTML is over {HTML_BUDGET:,} bytes gzipped (bench/budgets.toml), a second round "
                      f"trip on a phone: {over}. Shorten the page or split it (both editions), as "
                      "CONTRIBUTING.md says.")
