"""The site builds with Zensical 0.0.73 and says what the MkDocs build says.

Material for MkDocs reaches end of life in May 2027; its successor, Zensical, reads the same
mkdocs.yml and renders the same templates, with MiniJinja instead of Jinja2. This builds a
copy of the project with `make zensical`'s own command (scripts/zensical_build.py: the site's
rules before and after, then the offline zip), using Zensical pinned in its own environment,
.venv-zensical/ (`make zensical-deps`, which `make test` runs), and compares every page with
the MkDocs build: the same pages, and on each the same <title>, `lang`, review line, sources,
JSON-LD and navigation (link words and targets).

How the two builds are matched: both write `costs.md` as `costs.html`, since the offline
plugin turns directory URLs off in both; were Zensical to write `costs/index.html`, the
mapping below reads it as `costs.html`. Navigation links are compared as site paths
(Zensical writes `./costs.html` where MkDocs writes `costs.html`). Not compared, because they
differ by design: the table-of-contents label ("On this page" in Zensical, "Table of contents"
in MkDocs' Material), the theme's look (Zensical's default "modern" variant), the search index
format, and the zip's size (the assets differ).

What only MkDocs does today, through hooks/ (Zensical runs no MkDocs hooks):
- hooks/site_rules.py runs siterules/ during the build; scripts/zensical_build.py runs the
  same rules before and after a Zensical build;
- hooks/offline_zip.py writes the offline zip; scripts/zensical_build.py writes it too;
- hooks/review_dates.py dates the sitemap's <lastmod> by `reviewed`: lost under Zensical,
  whose sitemap has no <lastmod>;
- hooks/lean_site.py removes source maps and unused search languages: Zensical ships neither;
- the Spanish edition: Zensical 0.0.73 ignores the i18n plugin. Given docs/costs.es.md it
  writes costs.es.html beside costs.html, in English's place in the site (lang="en", English
  navigation, links to costs.md leading to the English page), and no es/ folder. So
  scripts/zensical_build.py builds the English edition alone, from a copy without *.es.md, and
  says so; this test runs it as `make zensical` does, on a copy with both editions' pages.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pages import ENGLISH_PAGES
from sitemodel import ROOT, build_env, html_path, offline_zip

ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
ZIP = offline_zip()


# Session, not module: under xdist a worker may run other files' tests in between, and pytest
# would set a module fixture up again (build again) each time.
@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make zensical`, as the README gives it, on a copy of the project as a fresh clone has it
    (both editions' pages): the Makefile's own recipe, run in the copy."""
    if not ZENSICAL_PYTHON.exists():
        pytest.fail(f"{ZENSICAL_PYTHON} is missing: run `make zensical-deps` (make test does)", pytrace=False)
    project = tmp_path_factory.mktemp("zensical") / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for folder in ("docs", "overrides", "extensions"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([str(ZENSICAL_PYTHON), *zensical_recipe(), str(project)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    if result.returncode:
        output = result.stdout + result.stderr
        pytest.fail(f"make zensical failed (exit {result.returncode}):\n{output}", pytrace=False)
    assert "English edition" in result.stdout, f"make zensical does not say what it built:\n{result.stdout}"
    return project / "site"


def zensical_recipe() -> list[str]:
    """The arguments `make zensical` gives Zensical's Python, read from the Makefile."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^zensical:.*\n\t\$\(ZENSICAL_VENV\)/bin/python (.+)$", makefile, flags=re.M)
    assert recipe, "the Makefile has no `zensical:` target running $(ZENSICAL_VENV)/bin/python"
    return recipe.group(1).split()


def built_pages(site: Path) -> dict[str, Path]:
    """Every page, by the name MkDocs gives it: `costs.html` (or `costs/index.html`) -> `costs.html`."""
    pages = {}
    for path in site.rglob("*.html"):
        name = path.relative_to(site).as_posix()
        if name.endswith("/index.html"):
            name = name.removesuffix("/index.html") + ".html"
        pages[name] = path
    return pages


def words(tag) -> str:
    """A tag's text as a reader sees it: runs of spaces and line ends are one space on screen (the
    MkDocs build minifies its pages, Zensical does not)."""
    return " ".join(tag.get_text(" ").split())


def what_a_reader_meets(path: Path, page: str) -> dict:
    """What must not change between builders, read from one built page."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    review = soup.select_one("article .page-review")
    ld = soup.find("script", type="application/ld+json")
    nav = soup.select_one("nav.md-nav--primary")
    return {
        "<title>": words(soup.title) if soup.title else None,
        "lang": soup.html.get("lang"),
        "review line": words(review.select_one(".page-review__dates")) if review else None,
        "review dates": [t.get("datetime") for t in review.select("time")] if review else None,
        "sources": [(words(a), a["href"]) for a in review.select("a")] if review else None,
        "JSON-LD": json.loads(ld.string) if ld else None,
        "navigation": [(words(a), _site_path(page, a["href"]))
                       for a in nav.select("a.md-nav__link[href]")] if nav else None,
    }


def shown(value, other):
    """Of two dicts (JSON-LD), only the keys whose values differ; anything else whole."""
    if isinstance(value, dict) and isinstance(other, dict):
        return {key: value.get(key) for key in value.keys() | other.keys() if value.get(key) != other.get(key)}
    return value


def _site_path(page: str, href: str) -> str:
    """A link as the site path it opens, so `./costs.html` and `costs.html` compare equal."""
    if href.startswith("#"):
        return href
    path, _, fragment = href.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return path + (f"#{fragment}" if fragment else "")


def test_zensical_writes_the_same_pages(zensical_site, site_dir):
    mkdocs = {name for name, path in built_pages(site_dir).items()
              if not path.relative_to(site_dir).as_posix().startswith("es/")}  # the English edition
    zensical = set(built_pages(zensical_site))
    assert mkdocs == zensical, (f"only MkDocs writes {sorted(mkdocs - zensical)}; "
                                f"only Zensical writes {sorted(zensical - mkdocs)}")


@pytest.mark.parametrize("page", [html_path(p) for p in ENGLISH_PAGES] + ["404.html"])
def test_every_page_says_the_same_under_zensical(page, zensical_site, site_dir):
    mkdocs = what_a_reader_meets(built_pages(site_dir)[page], page)
    zensical = what_a_reader_meets(built_pages(zensical_site)[page], page)
    differ = [f"{key}:\n  MkDocs:   {shown(mkdocs[key], zensical[key])}"
              f"\n  Zensical: {shown(zensical[key], mkdocs[key])}"
              for key in mkdocs if mkdocs[key] != zensical[key]]
    assert not differ, f"{page} differs under Zensical in\n" + "\n".join(differ)


def test_zensical_renders_robots_txt_as_mkdocs_does(zensical_site, site_dir):
    robots = (zensical_site / "robots.txt").read_text(encoding="utf-8")
    assert "{{" not in robots and "{#" not in robots, f"robots.txt went out with its template code:\n{robots}"
    assert robots == (site_dir / "robots.txt").read_text(encoding="utf-8"), "robots.txt differs from MkDocs'"


def test_zensical_publishes_nothing_but_the_site(zensical_site):
    """Zensical copies every file under custom_dir that is not a template into the site."""
    stray = sorted(p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*")
                   if p.suffix in (".py", ".md", ".pyc"))
    assert not stray, f"the Zensical build publishes {stray}: keep only templates and assets in overrides/"


def test_the_zensical_build_writes_the_offline_zip_with_its_size(zensical_site):
    archive = zensical_site / ZIP
    assert archive.is_file(), f"scripts/zensical_build.py wrote no {ZIP}"
    with zipfile.ZipFile(archive) as z:
        assert "second-opinion-guide/index.html" in z.namelist(), "the zip has no index.html"
    footer = BeautifulSoup((zensical_site / "index.html").read_text(encoding="utf-8"), "lxml").select_one(
        f".md-footer a[href$='{ZIP.split('/')[-1]}']")
    assert footer is not None, "index.html: no link to the offline zip in the footer"
    match = re.search(r"(\d+) kB", footer.get_text())
    size_kb = archive.stat().st_size / 1000
    assert match, f"the footer's zip link does not give the size: {footer.get_text()!r}"
    assert 0 <= int(match.group(1)) - size_kb < 10, (
        f"the footer says {match.group(0)}, the zip is {size_kb:.0f} kB")


def test_overrides_holds_only_templates():
    """Zensical would publish anything else there (a README, hook code) as part of the site."""
    others = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "overrides").rglob("*")
                    if p.is_file() and p.suffix != ".html" and "__pycache__" not in p.parts)
    assert not others, f"{others} would be published by Zensical: move them out of overrides/"
