"""Write the downloadable offline copy of the site, and check search can run from files.

Families read on planes and in hospital rooms with no Wi-Fi, so every build also writes the
whole site as one reproducible zip (`extra.offline_zip`), with its size in the footer. The
zip is written by postbuild/offline_zip.py, plain Python that a Zensical build runs too
(scripts/zensical_build.py); this hook checks the settings it needs and calls it last. Under
`mkdocs serve` it writes no zip, so an editor's reload stays quick, and the footer says so.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from postbuild.offline_zip import say_no_zip_yet, write_offline_zip
from sitemodel import is_outer_build

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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


# After everything else: the offline plugin's search_index.js and the i18n plugin's build of the
# Spanish edition (both at priority -100) included. Only the outer build, with both editions
# written, writes the zip, so it is written once and its size is true.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outer_build(config):
        return
    if _serving:
        say_no_zip_yet(Path(config.site_dir))
        return
    root = urlsplit(config.site_url or "/").path or "/"
    try:
        write_offline_zip(Path(config.site_dir), config.extra["offline_zip"], root=root)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
