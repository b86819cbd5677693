"""Fixtures: the site is built once per test session, strictly, and parsed with a real parser.

A failed build fails every test that needs it, with the build's own output: nothing is skipped.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import PAGES, build, html_path  # noqa: F401  (tests import PAGES from here too)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("build") / "site"
    result = build(target)
    output = result.stdout + result.stderr
    if result.returncode != 0 or "WARNING" in output:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{output}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def soups(site_dir: Path) -> dict[str, BeautifulSoup]:
    """Every built HTML file, parsed, keyed by its path inside site/."""
    return {
        p.relative_to(site_dir).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")
        for p in sorted(site_dir.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def page_soup(soups):
    """The parsed built page for a Markdown page name."""
    return lambda page: soups[html_path(page)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """The built site served on 127.0.0.1, on a free port, for the session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
