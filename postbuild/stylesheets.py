"""One small stylesheet per site instead of three: Material's cut to what the pages use, and ours.

A step after the build, like the offline zip: hooks/lean_site.py runs it after every MkDocs
build. Each page links Material's main stylesheet, its palette stylesheet and the site's own:
three round trips before a phone can paint (bench/results/ has the sizes).
This runs PurgeCSS (pinned in package-lock.json, configured in purgecss.config.cjs) over
Material's two, with every built page and the site's own scripts as the content it keeps rules
for, appends the site's own stylesheet whole, writes the result as one file named by its
content, and points every page at it in place of the three links.

PurgeCSS keeps a rule when the pages or scripts hold its classes, elements and attributes;
purgecss.config.cjs keeps, in addition, the rules for what Material's bundle adds once a reader
acts (search results, tooltips, the copy notice...). tests/test_stylesheet.py checks that no
element's look changes.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PURGECSS = ROOT / "node_modules" / "purgecss" / "bin" / "purgecss.js"
CONFIG = ROOT / "purgecss.config.cjs"
LINK = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>""")
HREF = re.compile(r"""\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def lean_stylesheets(site: Path, own: list[str], own_scripts: list[str]) -> str:
    """Replace the stylesheets every page links with one; return its path inside `site`.

    `own` are the site's own stylesheets (kept whole, after Material's), `own_scripts` the
    site's own scripts (PurgeCSS keeps the rules for classes they name). Paths are inside site.
    """
    if not PURGECSS.is_file():
        raise RuntimeError(f"{PURGECSS.relative_to(ROOT)} is missing: run `make deps` (it installs PurgeCSS)")
    pages = sorted(site.rglob("*.html"))
    linked = _linked_stylesheets(site, pages)
    theirs = [css for css in linked if css not in own]
    result = subprocess.run(
        ["node", str(PURGECSS), "--config", str(CONFIG), "--css", *[str(site / css) for css in theirs],
         "--content", *[str(p) for p in pages], *[str(site / js) for js in own_scripts]],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    if result.returncode:
        raise RuntimeError(f"PurgeCSS failed (exit {result.returncode}):\n{result.stderr}")
    purged = {Path(item["file"]).resolve(): item["css"] for item in json.loads(result.stdout)}
    parts = [purged[(site / css).resolve()] if css in theirs else (site / css).read_text(encoding="utf-8")
             for css in linked]
    text = "\n".join(part.strip() for part in parts) + "\n"
    folder = posixpath.dirname(linked[0])
    name = f"{folder}/site.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css"
    for css in linked:
        (site / css).unlink()
    (site / name).write_text(text, encoding="utf-8")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = LINK.findall(html)
        # The same folder as before, as the page wrote it (relative, or from the root on 404.html).
        href = _href(links[0]).rsplit("/", 1)
        href = (href[0] + "/" if len(href) == 2 else "") + posixpath.basename(name)
        html = html.replace(links[0], f'<link rel="stylesheet" href="{href}">', 1)
        for link in links[1:]:
            html = html.replace(link, "", 1)
        page.write_text(html, encoding="utf-8")
    return name


def _href(link: str) -> str:
    return next(g for g in HREF.search(link).groups() if g is not None).split("?")[0]


def _linked_stylesheets(site: Path, pages: list[Path]) -> list[str]:
    """The stylesheets the pages link, as paths inside site, in order; every page links the same.

    Pages link them relative to themselves, except 404.html, which links them from the site's
    root (it is served at any address): those are compared by file name.
    """
    linked, names = None, set()
    for page in pages:
        hrefs = [_href(link) for link in LINK.findall(page.read_text(encoding="utf-8"))]
        names.add(tuple(posixpath.basename(h) for h in hrefs))
        if linked is None and hrefs and not any(h.startswith("/") or "//" in h for h in hrefs):
            folder = page.parent.relative_to(site).as_posix()
            linked = [posixpath.normpath(posixpath.join(folder, h)) for h in hrefs]
    if len(names) != 1 or not linked:
        raise RuntimeError(f"pages link different stylesheets, cannot merge them: {sorted(names)}")
    if len({posixpath.dirname(css) for css in linked}) != 1:
        raise RuntimeError(f"the stylesheets are in different folders, cannot merge them: {linked}")
    missing = [css for css in linked if not (site / css).is_file()]
    if missing:
        raise RuntimeError(f"pages link stylesheets the site does not have: {missing}")
    return linked
