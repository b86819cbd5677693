"""What the tests know about the site: its pages, and how to build it.

Shared by the test modules and the bench script, so both build the site the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS = [sys.executable, "-m", "mkdocs"]

# Every Markdown page of the site, in both editions (the tooltip snippets are not pages).
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md"))
ENGLISH_PAGES = [p for p in PAGES if not p.endswith(".es.md")]
SPANISH_PAGES = [p for p in PAGES if p.endswith(".es.md")]
CORE_PAGES = ["what-it-is.md", "what-it-does.md", "what-it-isnt.md"]


def language(page: str) -> str:
    """'es' for costs.es.md, 'en' for costs.md."""
    return "es" if page.endswith(".es.md") else "en"


def english(page: str) -> str:
    """The English page a page translates (itself, for an English page)."""
    return page.removesuffix(".es.md") + ".md" if language(page) == "es" else page


def spanish(page: str) -> str:
    return page.removesuffix(".md") + ".es.md"


def html_path(page: str) -> str:
    """Where a Markdown page lands in the built site (directory URLs are off; Spanish in es/)."""
    if language(page) == "es":
        return "es/" + page[: -len(".es.md")] + ".html"
    return page[: -len(".md")] + ".html"


def build_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SITE_URL", "https://second-opinion-guide.example.org/")
    return env


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (never with -q: quiet mode hides the warnings strict counts)."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def build_pdf(site_dir: Path, output: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """scripts/build_pdf.py on a built site, as `make pdf` runs it, writing one edition to `output`."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--site", str(site_dir), "--output", str(output),
         "--lang", lang],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def front_matter(page: str) -> dict:
    text = (DOCS / page).read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    return yaml.safe_load(block)


def mkdocs_config() -> dict:
    """mkdocs.yml as data (its !ENV tags read as None)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def nav_pages() -> list[str]:
    """The pages named in mkdocs.yml's nav, in order."""

    def walk(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from walk(value) if isinstance(value, list) else walk([value])

    return list(walk(mkdocs_config()["nav"]))


def ui(lang: str) -> dict:
    """The words the templates show in a language (extra.ui, and the i18n plugin's overrides)."""
    config = mkdocs_config()
    if lang == "en":
        return config["extra"]["ui"]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return next(l["extra"]["ui"] for l in i18n["languages"] if l["locale"] == lang)


def internal_target(page_path: str, ref: str) -> tuple[str, str] | None:
    """(site path, fragment) of an internal reference, or None for another site, mail or phone."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        path = parts.path.lstrip("/")
    elif parts.path:
        path = (PurePosixPath(page_path).parent / parts.path).as_posix()
    else:
        path = page_path
    segments: list[str] = []
    for segment in path.split("/"):
        if segment == ".." and segments:
            segments.pop()
        elif segment != ".." and segment not in ("", "."):
            segments.append(segment)
    path = "/".join(segments)
    if path == "" or ref.endswith("/"):
        path = (path + "/index.html").lstrip("/")
    return unquote(path), unquote(parts.fragment)
