"""Leave out of the built site what no reader ever loads.

Material ships source maps (about 1.3 MB) and search stemmers for some thirty languages (about
1 MB). A reader's browser never asks for most of them (this site needs only the languages of its
editions), but they would triple the offline zip a parent downloads on a phone. Neither Material
nor MkDocs has a setting to leave them out, hence this step. tests/test_lean_site.py checks they
stay out.
"""

from __future__ import annotations

from pathlib import Path

LUNR = Path("assets/javascripts/lunr")


def remove_unused_files(site: Path, search_languages: list[str]) -> None:
    """Delete source maps, and every lunr language file that `search_languages` does not need.

    English search needs no language file of its own; every page's search also loads the
    site's accent folding with lunr.multi (docs/assets/javascripts/guide.js, section 2).
    """
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    keep = {f"lunr.{lang}.min.js" for lang in search_languages if lang != "en"}
    # ...and what every page's search loads with its language (assets/javascripts/guide.js, section 2):
    # the site's accent folding (lunr.fold.min.js, from docs/), lunr.multi, which mixes it with the
    # language, and lunr-languages' support file, which both need.
    keep |= {"lunr.fold.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"}
    for path in sorted((site / LUNR).rglob("*.js")):
        if path.name not in keep:
            path.unlink()
    for folder in sorted((site / LUNR).rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    if (site / LUNR).is_dir() and not any((site / LUNR).iterdir()):
        (site / LUNR).rmdir()
