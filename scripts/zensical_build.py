"""Build the site with Zensical, with the site's rules run around it: `make zensical`.

Zensical, Material for MkDocs' successor, reads the same mkdocs.yml and renders the same
templates (overrides/), but runs no MkDocs hooks. This script does the hooks' work around it,
with the same plain Python (siterules/, postbuild/):

1. before: the front-matter rules over every page of both editions;
2. `zensical build --strict` (Zensical's own validation stops on a Markdown link or #anchor
   that does not exist, as MkDocs' does);
3. after: the page rules on each built page's <article>, and links written as HTML;
4. then the offline zip, with its size filled into every footer;
5. last, the web app manifest and the service worker (postbuild/web_app.py), as hooks/web_app.py does.

With PUBLISH=1 it first refuses placeholder addresses, as hooks/site_rules.py does.

What it builds: the ENGLISH edition only, into PROJECT/site/. Zensical 0.0.73 ignores the
i18n plugin: given docs/costs.es.md it would write costs.es.html beside costs.html as an
English page (lang="en", the English menu) and no es/ folder, and the Spanish pages' links
(written for es/) would point outside the site. So the build runs on a copy of the project
without the *.es.md pages; the Spanish edition under Zensical waits for its language support.
The front-matter rules still read every Spanish page.

It exits 1 listing every problem, each naming the file, the line and the fix, as `make build`
does. What it does not do (only MkDocs does, through hooks/): date the sitemap's <lastmod> by
`reviewed` (Zensical writes no <lastmod> at all), and trim source maps and search languages
(Zensical ships neither).

Run it with the Python that has Zensical: `.venv-zensical/bin/python scripts/zensical_build.py
[PROJECT]`, where PROJECT (the repository by default) holds mkdocs.yml, docs/, overrides/ and
extensions/. The site is written to PROJECT/site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's own packages, without installing the project into Zensical's environment
# (Zensical pins its own Markdown stack; the main .venv pins MkDocs').
sys.path.insert(0, str(ROOT))

import sitemodel  # noqa: E402
from postbuild.offline_zip import write_offline_zip  # noqa: E402
from postbuild.web_app import write_manifests, write_service_worker  # noqa: E402
from siterules import (Problem, Site, check_front_matter, check_html_links, check_page,  # noqa: E402
                       check_publishing, ids_in)
from siterules import read_front_matter  # noqa: E402

STAGED = ("mkdocs.yml", "docs", "overrides", "extensions")


def main(project: Path) -> int:
    config = sitemodel.config(project / "mkdocs.yml")
    docs, site = project / "docs", project / "site"  # mkdocs.yml sets neither: both builders' defaults
    every_page = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
                  for path in sorted(docs.glob("*.md"))}
    problems = [p for name, source in every_page.items()
                for p in check_front_matter(f"docs/{name}", source, read_front_matter(source))]
    if os.environ.get("PUBLISH") == "1":
        problems += check_publishing({"site_url": config.get("site_url") or "",
                                      "corrections_url": config["extra"].get("corrections_url", "")})
    if problems:
        return _report(problems)
    pages = {name: source for name, source in every_page.items() if sitemodel.language(name) == "en"}

    with tempfile.TemporaryDirectory() as work:
        stage = Path(work) / "project"
        _stage(project, stage)
        build = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                                "--config-file", str(stage / "mkdocs.yml")], cwd=stage)
        if build.returncode:
            print(f"zensical build failed (exit {build.returncode}): see its messages above", file=sys.stderr)
            return build.returncode
        shutil.rmtree(site, ignore_errors=True)
        shutil.move(stage / "site", site)

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

    size = write_offline_zip(site, config["extra"]["offline_zip"])
    english = {lang: edition for lang, edition in sitemodel.editions().items() if lang == sitemodel.DEFAULT_LANGUAGE}
    write_manifests(site, english, config["extra"]["app"])
    write_service_worker(site)
    print(f"Built the English edition in {site} with Zensical (it ignores the i18n plugin, so the Spanish "
          f"edition is left out); the rules pass; offline zip {config['extra']['offline_zip']} ({size}).")
    return 0


def _stage(project: Path, stage: Path) -> None:
    """The project without the other editions' pages (*.LANG.md) and anything built."""
    stage.mkdir(parents=True)
    shutil.copy(project / "mkdocs.yml", stage)
    other_editions = [f"*.{lang}.md" for lang in sitemodel.translations()]
    for folder in STAGED[1:]:
        shutil.copytree(project / folder, stage / folder,
                        ignore=shutil.ignore_patterns("__pycache__", *other_editions))


def _built_name(page: str) -> str:
    """Where Zensical writes a page: costs.md -> costs.html (the offline plugin turns directory URLs off)."""
    return page.removesuffix(".md") + ".html"


def _report(problems: list[Problem]) -> int:
    print(f"The site's rules (siterules/) found {len(problems)} problem(s) to fix:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
