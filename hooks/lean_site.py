"""After both editions are written: leave out what no reader loads, and cut the stylesheets;
as each page is written, minify it (postbuild/minify.py).

The work is plain Python in postbuild/ (unused_files.py, stylesheets.py); this hook hands it the
built site once, after the i18n plugin has written every edition (priority -150: after the
plugin's own post-build step at -100), and skips it under `mkdocs serve`, where an editor wants
a quick reload more than a small site (the pages look the same with Material's whole stylesheet).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from postbuild.minify import minify_page
from postbuild.stylesheets import lean_stylesheets
from postbuild.unused_files import remove_unused_files
from sitemodel import is_outer_build

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Pages and the 404 page, after every other hook has changed them (hooks/editions.py keeps one 404).
@event_priority(-100)
def on_post_page(output: str, **_) -> str:
    return output if _serving else minify_page(output)


@event_priority(-100)
def on_post_template(output: str, *, template_name: str, **_) -> str:
    return output if _serving or not template_name.endswith(".html") else minify_page(output)


@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outer_build(config) or _serving:
        return
    site = Path(config.site_dir)
    remove_unused_files(site, config.plugins["material/search"].config.lang or ["en"])
    # The site's own stylesheets (extra_css, pointed at their minified copies by the minify
    # plugin) and scripts: every script in the site that came from docs/, not from the theme.
    docs = Path(config.docs_dir)
    own_scripts = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.js")
                         if (docs / p.relative_to(site)).is_file())
    try:
        lean_stylesheets(site, [str(css) for css in config.extra_css], own_scripts)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
