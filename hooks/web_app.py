"""The guide on a phone: a web app manifest per edition, and the service worker. Last of all.

The work is plain Python in postbuild/web_app.py (Workbox writes sw.js); this hook hands it the
built site once, after both editions and the offline zip are written (priority -250: after
hooks/offline_zip.py at -200), because the service worker's list of files carries a hash of
each, and the zip's size is written into every page just before. Skipped under `mkdocs serve`:
a service worker on the preview would keep serving an editor the pages as they were.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import sitemodel
from postbuild.web_app import write_manifests, write_service_worker

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-250)
def on_post_build(config: MkDocsConfig) -> None:
    if not sitemodel.is_outer_build(config) or _serving:
        return
    site = Path(config.site_dir)
    try:
        write_manifests(site, sitemodel.editions(), config.extra["app"])
        write_service_worker(site)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
