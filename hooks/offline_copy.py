"""Write the downloadable offline copy of the site, and check search can run from files.

Families read on planes and in hospital rooms with no Wi-Fi, so every build also writes the
whole site as one reproducible zip (`extra.offline_zip`), with its size in the footer. The
zip is written by siterules/offline_copy.py, plain Python that a Zensical build runs too
(scripts/zensical_build.py); this hook checks the settings it needs and calls it last.
"""

from __future__ import annotations

from pathlib import Path

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


# After everything else, the offline plugin's search_index.js (priority -100) included.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        write_offline_copy(Path(config.site_dir), config.extra["offline_zip"])
    except RuntimeError as error:
        raise PluginError(str(error)) from error
