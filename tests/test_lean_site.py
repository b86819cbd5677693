"""What a reader never loads stays out of the site and the offline zip (see bench/ for sizes)."""

from __future__ import annotations

import zipfile

ZIP = "downloads/second-opinion-guide.zip"


def test_the_site_holds_no_source_maps(site_dir):
    maps = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.map"))
    assert not maps, f"source maps in the built site: {maps}"


# Spanish search needs lunr's Spanish stemmer and its support; English needs no language file.
SEARCH_LANGUAGE_FILES = ["lunr.es.min.js", "lunr.stemmer.support.min.js"]


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
