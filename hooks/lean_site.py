"""Leave out of the built site what no reader ever loads.

Material ships source maps (about 1.3 MB) and search stemmers for some thirty languages
(about 1 MB). A reader's browser never asks for most of them (this site needs Spanish), but they would
triple the offline zip a parent downloads on a phone. Neither Material nor MkDocs has a
setting to leave them out, so this hook removes them after the build. A test checks they
stay out.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

LUNR = Path("assets/javascripts/lunr")


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    # English search needs none of the language files; keep any other language the site names.
    # Each page searches in its own language alone (overrides/partials/search-query.html), so
    # lunr.multi, which mixes languages, is never loaded either.
    languages = config.plugins["material/search"].config.lang or ["en"]
    keep = {f"lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if keep:
        keep |= {"lunr.stemmer.support.min.js"}
    for path in sorted((site / LUNR).rglob("*.js")):
        if path.name not in keep:
            path.unlink()
    for folder in sorted((site / LUNR).rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    if (site / LUNR).is_dir() and not any((site / LUNR).iterdir()):
        (site / LUNR).rmdir()
