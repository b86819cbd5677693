"""The site as every part of the project sees it: read once, from mkdocs.yml and docs/.

The hooks, the scripts, the bench and the tests all need the same few facts: which editions the
guide has and the words each one shows, which Markdown page becomes which built file in which
language, the order of the menu, the site's address, where the offline zip and the PDFs go, and
where the browser is. They import them from here; nothing else reads mkdocs.yml. Plain Python
with no MkDocs in it, so Zensical's environment (scripts/zensical_build.py) can use it too.

A page is named by its Markdown file, as the editor knows it: `costs.md` (English) and
`costs.es.md` (Spanish). Everything else is derived from that name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from siterules.front_matter import read_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
DEFAULT_LANGUAGE = "en"

# The browser the tests, the PDF and the bench drive: Debian's Chromium unless CHROMIUM names
# another (a developer on another system). Started with these flags, it asks nothing of the
# network on its own; without them it tries Google's hosts at every start.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


# --- mkdocs.yml ---------------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` is the variable if set, else the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # other tags say nothing we read


@cache
def config(path: Path = CONFIG_FILE) -> dict[str, Any]:
    """mkdocs.yml as data. Cached: read once per process."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _i18n() -> dict[str, Any]:
    return next((p["i18n"] for p in config()["plugins"] if isinstance(p, dict) and "i18n" in p), {})


# --- Editions -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Edition:
    """One language's edition of the guide, with the words its templates and tools show."""

    lang: str
    folder: str                 # where its pages are in the built site: "" or "es/"
    site_name: str
    site_description: str
    copyright: str
    ui: dict[str, Any]          # extra.ui: the words the templates, the PDF and the scripts show
    guide_pdf: str              # the whole guide as one PDF, inside the built site
    nav_titles: dict[str, str] = field(default_factory=dict)  # menu group names in this language

    def source(self, page: str) -> str:
        """This edition's Markdown file for an English page name: costs.md -> costs.es.md."""
        return translation(page, self.lang)


@cache
def editions() -> dict[str, Edition]:
    """Every edition, English first: the site's own settings, then each language's overrides
    from the i18n plugin (as the plugin applies them when it builds that language)."""
    site = config()
    result = {DEFAULT_LANGUAGE: Edition(
        DEFAULT_LANGUAGE, "", site["site_name"], " ".join(site.get("site_description", "").split()),
        site.get("copyright", ""), site["extra"]["ui"], site["extra"]["guide_pdf"])}
    for language in _i18n().get("languages", []):
        if language.get("default"):
            continue
        extra = {**site["extra"], **language.get("extra", {})}
        result[language["locale"]] = Edition(
            language["locale"], f"{language['locale']}/", language.get("site_name", site["site_name"]),
            " ".join(language.get("site_description", site.get("site_description", "")).split()),
            language.get("copyright", site.get("copyright", "")), extra["ui"], extra["guide_pdf"],
            language.get("nav_translations", {}))
    return result


def languages() -> list[str]:
    return list(editions())


def translations() -> list[str]:
    """The languages beside English, each written as page.LANG.md."""
    return [lang for lang in editions() if lang != DEFAULT_LANGUAGE]


def site_url() -> str:
    return config().get("site_url") or ""


def offline_zip() -> str:
    """Where the offline zip is written, inside the built site."""
    return config()["extra"]["offline_zip"]


# --- Pages --------------------------------------------------------------------------------------

def pages() -> list[str]:
    """Every Markdown page of the site, in both editions (the tooltip snippets are not pages)."""
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md"))


def language(page: str) -> str:
    """'es' for costs.es.md, 'en' for costs.md."""
    parts = page.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in translations() else DEFAULT_LANGUAGE


def english(page: str) -> str:
    """The English page a page translates (itself, for an English page)."""
    lang = language(page)
    return page if lang == DEFAULT_LANGUAGE else page.removesuffix(f".{lang}.md") + ".md"


def translation(page: str, lang: str) -> str:
    """A page in another language: translation('costs.md', 'es') -> 'costs.es.md'."""
    page = english(page)
    return page if lang == DEFAULT_LANGUAGE else page.removesuffix(".md") + f".{lang}.md"


def html_path(page: str) -> str:
    """Where a page lands in the built site: costs.md -> costs.html, costs.es.md -> es/costs.html
    (directory URLs are off, so the same site opens from disk)."""
    return editions()[language(page)].folder + english(page).removesuffix(".md") + ".html"


def page_at(path: str) -> str:
    """The Markdown page built at a path inside the site: es/costs.html -> costs.es.md."""
    path = path.split("#")[0] or "index.html"
    for lang, edition in editions().items():
        if lang != DEFAULT_LANGUAGE and path.startswith(edition.folder):
            return translation(path.removeprefix(edition.folder).removesuffix(".html") + ".md", lang)
    return path.removesuffix(".html") + ".md"


def front_matter(page: str) -> dict[str, Any]:
    return read_front_matter((DOCS / page).read_text(encoding="utf-8"))


def nav() -> list[tuple[str | None, str]]:
    """(menu group or None, English page) for every page of the menu, in order."""
    found: list[tuple[str | None, str]] = []

    def walk(items: list, section: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                found.append((section, item))
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        walk(value, section or title)
                    else:
                        found.append((section, value))

    walk(config()["nav"], None)
    return [(section, page) for section, page in found if page.endswith(".md")]  # not links to other sites


def nav_pages(lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The pages of one edition's menu, in order: costs.md, or costs.es.md for Spanish."""
    return [translation(page, lang) for _, page in nav()]


# --- Building -----------------------------------------------------------------------------------

def build_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SITE_URL", "https://second-opinion-guide.example.org/")
    return env


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`, as `make build` runs it (never with -q: quiet mode hides the
    warnings that --strict turns into failures)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=build_env(), capture_output=True, text=True, timeout=300)


def is_outer_build(mkdocs_config: Any) -> bool:
    """False while mkdocs-static-i18n builds another language inside the English build.

    The plugin builds each other edition from the English build's post-build step, running every
    hook again; steps that need both editions written (the stylesheet cut, the zip) run only in
    the outer build. `building` is the plugin's own re-entry guard, not a documented setting:
    see INTERNALS.md.
    """
    i18n = mkdocs_config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)
