"""The downloadable offline copy of the site: one reproducible zip, its size in the footer.

The last step every build needs after the builder has written the site, plain Python for both
builders: MkDocs calls it from hooks/offline_zip.py, and scripts/zensical_build.py calls it after
a Zensical build.

Families read on planes and in hospital rooms with no Wi-Fi, so every build also writes the
whole site as one zip that opens from disk. The footer names the zip's size; the size is
only known once the zip exists, so the templates carry a placeholder that is filled in here,
and the zip is written again until the figure holds.

The zip is byte-for-byte reproducible: sorted names, a fixed timestamp and fixed permissions,
so two builds of one commit are identical. Python's zipfile does this in a few lines;
`make_archive` and the mkdocs zip plugins do not fix timestamps.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

SIZE_PLACEHOLDER = "OFFLINE-ZIP-SIZE"
FOLDER_IN_ZIP = "second-opinion-guide"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: the usual reproducible choice
# Where the placeholder can be: every page's footer, the About page, and the search index's
# copy of the About page (search/search_index.* under MkDocs, search.* under Zensical).
SHOWN_IN = (".html", ".js", ".json")
BASE_SCRIPT_MARK = "404 portable"
# Files no one reads from disk, left out of the zip (issue 22 holds it to 1 MB): search reads its
# index from search_index.js there, the .json twin is for a web server; link previews fetch the
# share image from the published address; the icons are for a phone's home screen, which needs a
# web address (the manifests that name them are not in the zip either); robots.txt and the
# sitemaps are for search engines; favicon.png is named by nothing (the favicon is the .svg).
LEFT_OUT = {"search_index.json", "share.png", "icon-192.png", "icon-512.png", "icon-maskable-512.png",
            "apple-touch-icon.png", "favicon.png", "robots.txt", "sitemap.xml", "sitemap.xml.gz"}


def write_offline_zip(site: Path, zip_path: str, root: str = "/") -> str:
    """Zip `site` into site/`zip_path`, fill in its size where pages show it, and return the size."""
    make_404_portable(site, root)
    target = site / zip_path
    pages = _showing_size(site)
    label = SIZE_PLACEHOLDER
    # Writing the size changes the size; a few rounds settle on a figure that is true of itself.
    for _ in range(5):
        size = human_size(_write_zip(site, target))
        if size == label:
            return size
        _show_size(pages, label, size)
        label = size
    raise RuntimeError(f"offline zip size does not settle ({label}); check overrides/partials/copyright.html")


def say_no_zip_yet(site: Path, words: str = "written by make build") -> None:
    """For `mkdocs serve`, which writes no zip: the footer says so instead of showing a placeholder."""
    _show_size(_showing_size(site), SIZE_PLACEHOLDER, words)


def _showing_size(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*")) if p.suffix in SHOWN_IN and p.is_file()
            and SIZE_PLACEHOLDER.encode() in p.read_bytes()]


def _show_size(pages: list[Path], old: str, new: str) -> None:
    for page in pages:
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(f"zip, {old})", f"zip, {new})"), encoding="utf-8")


def make_404_portable(site: Path, root: str = "/") -> None:
    """Let 404.html work from the unzipped copy as well as from a server.

    Builders give the "not found" page links from the site's root ("/assets/...", "/index.html"),
    because a server shows it at any address; from a folder on disk those lead nowhere. This
    makes them relative to the site's root, and adds a <base> pointing at the root for readers
    on the web, so the page works in both places. Run once: the <base> script marks it done.
    """
    page = site / "404.html"
    if not page.is_file():
        return
    html = page.read_text(encoding="utf-8")
    if BASE_SCRIPT_MARK in html:
        return
    html = re.sub(r'(\s(?:href|src)=["\']?)' + re.escape(root), r"\1", html)
    # Material's settings on the page name the site's root and its search worker the same way.
    html = re.sub(r'("base":\s*")' + re.escape(root) + '"', r'\1."', html)
    # ...and so do scripts that name an asset (the file:// search shim's loader, the worker).
    html = re.sub(r'(["\'])' + re.escape(root) + r'(?=assets/)', r"\1", html)
    base = (f'<script>/* {BASE_SCRIPT_MARK} */if(location.protocol!=="file:")'
            f'document.write(\'<base href="{root}">\')</script>')
    page.write_text(html.replace("<head>", "<head>" + base, 1), encoding="utf-8")


def human_size(size: int) -> str:
    """Rounded up to 10 kB, so the few bytes the figure itself adds cannot change it."""
    return f"{math.ceil(size / 10_000) * 10} kB"


def _write_zip(site: Path, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target and p.name not in LEFT_OUT)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER_IN_ZIP}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target.stat().st_size
