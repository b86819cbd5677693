"""What a reader never loads stays out of the site and the offline zip (see bench/ for sizes)."""

from __future__ import annotations

import zipfile

ZIP = "downloads/second-opinion-guide.zip"


def test_the_site_holds_no_source_maps(site_dir):
    maps = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.map"))
    assert not maps, f"source maps in the built site: {maps}"


def test_the_site_holds_no_search_languages_it_does_not_use(site_dir):
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    extra = sorted(str(p.relative_to(site_dir)) for p in lunr.rglob("*.js")) if lunr.exists() else []
    assert not extra, f"search language files an English site never loads: {extra}"


def test_the_offline_zip_holds_neither(site_dir):
    with zipfile.ZipFile(site_dir / ZIP) as archive:
        names = archive.namelist()
    bad = [n for n in names if n.endswith(".map") or "/lunr/" in n]
    assert not bad, f"the offline zip holds files no reader loads: {bad}"
    assert any(n.endswith("search/search_index.js") for n in names), "the zip has no offline search index"
