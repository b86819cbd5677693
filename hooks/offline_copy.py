"""Write the downloadable offline copy of the site, and check search can run from files.

Families read on planes and in hospital rooms with no Wi-Fi, so every build also writes the
whole site as one reproducible zip (`extra.offline_zip`), with its size in the footer. The
zip is written by siterules/offline_copy.py, plain Python that a Zensical build runs too
(scripts/zensical_build.py); this hook checks the settings it needs and calls it last.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from siterules.offline_copy import write_offline_copy


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
# Spanish edition (both at priority -100) included. The i18n plugin builds each other language
# inside the English build, running this hook each time: only the outer build, with both
# editions written, writes the zip, so it is written once and its size is true.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    root = urlsplit(config.site_url or "/").path or "/"
    try:
        write_offline_copy(Path(config.site_dir), config.extra["offline_zip"], root=root)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
