"""Build the site with Zensical, with the site's rules run around it: `make zensical`.

Zensical, Material for MkDocs' successor, reads the same mkdocs.yml and renders the same
templates (overrides/), but runs no MkDocs hooks. This script does the hooks' work around it,
with the same plain Python (siterules/):

1. before: the front-matter rules over every docs/*.md;
2. `zensical build --strict` into site/ (Zensical's own validation stops on a Markdown link
   or #anchor that does not exist, as MkDocs' does);
3. after: the page rules on each built page's <article>, and links written as HTML;
4. then the offline zip, with its size filled into every footer.

It exits 1 listing every problem, each naming the file, the line and the fix, as `make build`
does. What it does not do (only MkDocs does, through hooks/): date the sitemap's <lastmod> by
`reviewed` (Zensical writes no <lastmod> at all), and trim source maps and search languages
(Zensical ships neither).

Run it with the Python that has Zensical: `.venv-zensical/bin/python scripts/zensical_build.py
[PROJECT]`, where PROJECT (the repository by default) holds mkdocs.yml, docs/ and overrides/.
Zensical writes inside the project only, so the site is PROJECT/site/ and its cache
PROJECT/.cache/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # siterules/, without installing the project into Zensical's environment

from siterules import Problem, Site, check_front_matter, check_html_links, check_page, ids_in  # noqa: E402
from siterules import read_front_matter  # noqa: E402
from siterules.offline_copy import write_offline_copy  # noqa: E402


def main(project: Path) -> int:
    config = _config(project / "mkdocs.yml")
    docs, site = project / "docs", project / "site"  # mkdocs.yml sets neither: both builders' defaults
    pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(docs.glob("*.md"))}

    problems = [p for name, source in pages.items()
                for p in check_front_matter(f"docs/{name}", source, read_front_matter(source))]
    if problems:
        return _report(problems)

    shutil.rmtree(site, ignore_errors=True)  # a stale MkDocs build would end up in the zip
    build = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                            "--config-file", str(project / "mkdocs.yml")], cwd=project)
    if build.returncode:
        print(f"zensical build failed (exit {build.returncode}): see its messages above", file=sys.stderr)
        return build.returncode

    built = {name: (site / _built_name(name)).read_text(encoding="utf-8") for name in pages}
    index = Site(files={p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
                 | {config["extra"]["offline_zip"]},
                 ids={_built_name(name): ids_in(html, within_article=True) for name, html in built.items()})
    for name, source in pages.items():
        title = read_front_matter(source).get("title")
        problems += check_page(f"docs/{name}", source, built[name], title, within_article=True)
        problems += check_html_links(f"docs/{name}", source, _built_name(name), index)
    if problems:
        return _report(problems)

    size = write_offline_copy(site, config["extra"]["offline_zip"])
    print(f"Built {site} with Zensical; the rules pass; offline zip {config['extra']['offline_zip']} ({size}).")
    return 0


def _built_name(page: str) -> str:
    """Where Zensical writes a page: costs.md -> costs.html (the offline plugin turns directory URLs off)."""
    return page.removesuffix(".md") + ".html"


def _config(path: Path) -> dict:
    """mkdocs.yml, with its !ENV and other tags read as plain values."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _report(problems: list[Problem]) -> int:
    print(f"The site's rules (siterules/) found {len(problems)} problem(s) to fix:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
