"""The guide on a phone's home screen, and offline at its own address: plain Python for both builders.

Two steps after a build, once both editions and the offline zip are written (MkDocs runs them from
hooks/web_app.py, scripts/zensical_build.py after a Zensical build):

- write_manifests: one web app manifest per edition (manifest.webmanifest, es/manifest.webmanifest),
  from the site model: each edition's name, language and start page, the site's colours and icons.
  Every page links its edition's manifest (overrides/main.html), so "Add to Home Screen" names the
  guide in the reader's language and opens it at that edition's home page.
- write_service_worker: sw.js, by Workbox's build tool (workbox-build, pinned in package-lock.json,
  configured in workbox.config.cjs). It precaches every page and asset of both editions and nothing
  else; assets/javascripts/guide.js registers it over http(s) only, once the page has painted.

Neither goes into the offline zip, which is written before them: from a file there is no service
worker and no home screen.
"""

from __future__ import annotations

import json
import posixpath
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKBOX = ROOT / "node_modules" / "workbox-build"
CONFIG = ROOT / "workbox.config.cjs"
MANIFEST = "manifest.webmanifest"
ICONS = [("assets/images/icon-192.png", "192x192", "any"), ("assets/images/icon-512.png", "512x512", "any"),
         ("assets/images/icon-maskable-512.png", "512x512", "maskable")]


def write_manifests(site: Path, editions: dict, app: dict) -> list[str]:
    """One manifest per edition, in the edition's folder; returns their paths inside `site`.

    `editions` is sitemodel.editions(); `app` is mkdocs.yml's extra.app (the colours).
    Links inside a manifest are relative to it. Each edition's scope is the whole site, so the
    link to the other language stays inside the installed guide.
    """
    written = []
    for edition in editions.values():
        up = "../" * edition.folder.count("/")
        manifest = {
            "name": edition.site_name,
            "short_name": edition.ui["app_name"],
            "description": edition.site_description,
            "lang": edition.lang,
            "dir": "ltr",
            "start_url": "./index.html",
            "scope": up or "./",
            # iPhone reads display (and keeps a home-screen guide's storage); Android's Chrome prefers
            # minimal-ui, which keeps a back button: the guide has none of its own.
            "display": "standalone",
            "display_override": ["minimal-ui"],
            "theme_color": app["theme_color"],
            "background_color": app["background_color"],
            "icons": [{"src": up + src, "sizes": sizes, "type": "image/png", "purpose": purpose}
                      for src, sizes, purpose in ICONS],
        }
        path = posixpath.join(edition.folder, MANIFEST)
        (site / path).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def start_workbox() -> subprocess.Popen:
    """Node with Workbox loaded, waiting for a site to write sw.js in: a builder starts it as the
    build begins, so the half second Workbox takes to load is spent while the pages are built.
    A builder that never hands it a site closes it (close_workbox) and nothing is written."""
    if not WORKBOX.is_dir():
        raise RuntimeError("node_modules/workbox-build is missing: run `make deps` (it installs Workbox)")
    return subprocess.Popen(["node", str(CONFIG), "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def close_workbox(workbox: subprocess.Popen) -> None:
    if workbox.poll() is None:
        workbox.communicate("", timeout=60)


def write_service_worker(site: Path, workbox: subprocess.Popen | None = None) -> dict:
    """Write site/sw.js with Workbox (the one start_workbox() started, or a new one); returns
    {count, size} of the files it precaches."""
    workbox = workbox or start_workbox()
    try:
        out, err = workbox.communicate(f"{site}\n", timeout=300)
    except subprocess.TimeoutExpired:
        workbox.kill()
        raise RuntimeError("Workbox took more than 5 minutes to write the service worker") from None
    if workbox.returncode or not out.strip():
        raise RuntimeError(f"Workbox could not write the service worker:\n{out}{err}")
    return json.loads(out)
