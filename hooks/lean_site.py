"""Leave out of the built site what no reader ever loads.

Material ships source maps (about 1.3 MB) and search stemmers for some thirty languages
(about 1 MB). A reader's browser never asks for most of them (this site needs Spanish), but they would
triple the offline zip a parent downloads on a phone. Neither Material nor MkDocs has a
setting to leave them out, so this hook removes them after the build. A test checks they
stay out.

It also cuts Material's stylesheets to the rules the pages use and merges them with the
site's own into one file, one request instead of three (siterules/stylesheets.py, PurgeCSS).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.exceptions import PluginError

from siterules.stylesheets import lean_stylesheets

LUNR = Path("assets/javascripts/lunr")


# Once, after both editions are written: the i18n plugin builds the Spanish edition inside the
# English build's post-build step (priority -100), running this hook again each time; the
# stylesheets can only be cut and merged once every page of both editions exists.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    # Keep the language files of the languages the site names (English needs none), and what
    # every page's search loads with its language (overrides/partials/search-query.html): the
    # site's accent folding (lunr.fold.min.js, from docs/), lunr.multi, which mixes the two, and
    # lunr-languages' support file, which both need.
    languages = config.plugins["material/search"].config.lang or ["en"]
    keep = {f"lunr.{lang}.min.js" for lang in languages if lang != "en"}
    keep |= {"lunr.fold.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"}
    for path in sorted((site / LUNR).rglob("*.js")):
        if path.name not in keep:
            path.unlink()
    for folder in sorted((site / LUNR).rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    if (site / LUNR).is_dir() and not any((site / LUNR).iterdir()):
        (site / LUNR).rmdir()
    # The site's own stylesheets (extra_css, pointed at their minified copies by the minify
    # plugin) and scripts: every script in the site that came from docs/, not from the theme.
    docs = Path(config.docs_dir)
    own_scripts = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.js")
                         if (docs / p.relative_to(site)).is_file())
    try:
        lean_stylesheets(site, [str(css) for css in config.extra_css], own_scripts)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
