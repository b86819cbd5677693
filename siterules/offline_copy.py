"""The downloadable offline copy of the site: one reproducible zip, its size in the footer.

Not a rule, but the one step every build needs after the builder has written the site, so
it lives here, plain Python, for both builders: MkDocs calls it from hooks/offline_copy.py,
and scripts/zensical_build.py calls it after a Zensical build.

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
import zipfile
from pathlib import Path

SIZE_PLACEHOLDER = "OFFLINE-ZIP-SIZE"
FOLDER_IN_ZIP = "second-opinion-guide"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: the usual reproducible choice
# Where the placeholder can be: every page's footer, the About page, and the search index's
# copy of the About page (search/search_index.* under MkDocs, search.* under Zensical).
SHOWN_IN = (".html", ".js", ".json")


def write_offline_copy(site: Path, zip_path: str) -> str:
    """Zip `site` into site/`zip_path`, fill in its size where pages show it, and return the size."""
    target = site / zip_path
    pages = [p for p in sorted(site.rglob("*")) if p.suffix in SHOWN_IN and p.is_file()
             and SIZE_PLACEHOLDER.encode() in p.read_bytes()]
    label = SIZE_PLACEHOLDER
    # Writing the size changes the size; a few rounds settle on a figure that is true of itself.
    for _ in range(5):
        size = human_size(_write_zip(site, target))
        if size == label:
            return size
        for page in pages:
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(f"zip, {label})", f"zip, {size})"), encoding="utf-8")
        label = size
    raise RuntimeError(f"offline zip size does not settle ({label}); check overrides/partials/copyright.html")


def human_size(size: int) -> str:
    """Rounded up to 10 kB, so the few bytes the figure itself adds cannot change it."""
    return f"{math.ceil(size / 10_000) * 10} kB"


def _write_zip(site: Path, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER_IN_ZIP}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target.stat().st_size
