"""Write the downloadable offline copy of the site, and check search can run from files.

Families read on planes and in hospital rooms with no Wi-Fi, so every build also writes
the whole site as one zip (`extra.offline_zip`) that opens from disk. The footer names
the zip's size; the size is only known once the zip exists, so the footer carries a
placeholder that is filled in here, and the zip is written again until the figure holds.

The zip is byte-for-byte reproducible: sorted names, a fixed timestamp and fixed
permissions, so two builds of one commit are identical. Python's zipfile does this in a
few lines; `make_archive` and the mkdocs zip plugins do not fix timestamps.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SIZE_PLACEHOLDER = "OFFLINE-ZIP-SIZE"
FOLDER_IN_ZIP = "second-opinion-guide"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: the usual reproducible choice


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Without the shim, search silently disappears when the site is read from files."""
    docs = Path(config.docs_dir)
    for polyfill in config.extra.get("polyfills", []):
        if not (docs / polyfill).is_file():
            raise PluginError(
                f"docs/{polyfill} is missing: run `make deps` (it copies the iframe-worker shim "
                "from node_modules); without it search does not work offline"
            )
    if "offline_zip" not in config.extra:
        raise PluginError("mkdocs.yml: extra.offline_zip must name where the offline zip is written")
    return config


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


def human_size(size: int) -> str:
    """Rounded up to 10 kB, so the few bytes the figure itself adds cannot change it."""
    return f"{math.ceil(size / 10_000) * 10} kB"


# After everything else, the offline plugin's search_index.js (priority -100) included.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    target = site / config.extra["offline_zip"]
    # The footer of every page, the About page, and the search index's copy of the About page.
    candidates = [*site.rglob("*.html"), *(site / "search").glob("search_index.*")]
    pages = [p for p in candidates if SIZE_PLACEHOLDER in p.read_text(encoding="utf-8")]
    label = SIZE_PLACEHOLDER
    # Writing the size changes the size; a few rounds settle on a figure that is true of itself.
    for _ in range(5):
        size = human_size(_write_zip(site, target))
        if size == label:
            return
        for page in pages:
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(f"zip, {label})", f"zip, {size})"), encoding="utf-8")
        label = size
    raise PluginError(f"offline zip size does not settle ({label}); check overrides/partials/copyright.html")
