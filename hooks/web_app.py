"""The guide on a phone: a web app manifest per edition, and the service worker. Last of all.

The work is plain Python in postbuild/web_app.py (Workbox writes sw.js); this hook hands it the
built site once, after both editions and the offline zip are written (priority -250: after
hooks/offline_zip.py at -200), because the service worker's list of files carries a hash of
each, and the zip's size is written into every page just before. Workbox itself is started as
the build begins (on_pre_build), so the half second it takes to load is spent while the pages are
built; a build that fails tells it so (on_build_error). Skipped under `mkdocs serve`: a service
worker on the preview would keep serving an editor the pages as they were.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import sitemodel
from postbuild.web_app import close_workbox, start_workbox, write_manifests, write_service_worker

_serving = False
_workbox = None  # Node with Workbox loaded, started as the build begins (postbuild/web_app.py)


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    global _workbox
    if _serving or _workbox is not None or not sitemodel.is_outer_build(config):
        return
    try:
        _workbox = start_workbox()
    except RuntimeError as error:
        raise PluginError(str(error)) from error


@event_priority(-250)
def on_post_build(config: MkDocsConfig) -> None:
    global _workbox
    if not sitemodel.is_outer_build(config) or _serving:
        return
    site = Path(config.site_dir)
    workbox, _workbox = _workbox, None
    try:
        write_manifests(site, sitemodel.editions(), config.extra["app"])
        write_service_worker(site, workbox)
    except RuntimeError as error:
        raise PluginError(str(error)) from error


def on_build_error(error: Exception) -> None:
    """A failed build writes no service worker: the waiting Workbox is told so and ends."""
    global _workbox
    if _workbox is not None:
        close_workbox(_workbox)
        _workbox = None
