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

from sitebuild import build, build_pdf, html_path


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("build") / "site"
    result = build(target)
    output = result.stdout + result.stderr
    if result.returncode != 0 or "WARNING" in output:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{output}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def spanish_guide_pdf(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Spanish edition as one PDF, printed from the session's site as `make pdf` does."""
    target = tmp_path_factory.mktemp("pdf-es") / "segunda-opinion-guia.pdf"
    result = build_pdf(site_dir, target, "es")
    if result.returncode != 0 or not target.is_file():
        pytest.fail(f"scripts/build_pdf.py --lang es failed (exit {result.returncode}):\n{result.stdout}{result.stderr}",
                    pytrace=False)
    return target


@pytest.fixture(scope="session")
def guide_pdf(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole guide as one PDF, printed from the session's site as `make pdf` does.

    Written to a folder of its own, so site/ stays exactly as `mkdocs build` leaves it (the
    reproducible-build test compares it with a second build).
    """
    target = tmp_path_factory.mktemp("pdf") / "second-opinion-guide.pdf"
    result = build_pdf(site_dir, target)
    if result.returncode != 0 or not target.is_file():
        pytest.fail(f"scripts/build_pdf.py failed (exit {result.returncode}):\n{result.stdout}{result.stderr}",
                    pytrace=False)
    print(result.stdout.strip())
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


# --- The browser: Debian's Chromium, driven by Playwright, one per session ------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


class Visit:
    """One page opened in a fresh browser context, with what it asked of the network.

    Every request to another host is aborted and recorded, so a leak fails loudly and
    never reaches the network.
    """

    def __init__(self, browser, url: str, *, width: int = 1280, height: int = 900,
                 scheme: str = "light", reduced_motion: str = "no-preference"):
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           color_scheme=scheme, reduced_motion=reduced_motion)
        self.third_party: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.local_requests: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.goto(url, wait_until="load")

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or url.startswith(
            ("http://127.0.0.1", "http://localhost")
        ):
            self.local_requests.append(url)
            route.continue_()
        else:
            self.third_party.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()

    @property
    def local_failures(self) -> list[str]:
        return [f for f in self.failed if not any(f.startswith(t) for t in self.third_party)]


@pytest.fixture(scope="session")
def visit(browser):
    """visit(url, ...) opens a page; contexts are closed at the end of the session."""
    opened: list[Visit] = []

    def open_(url: str, **options) -> Visit:
        v = Visit(browser, url, **options)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()  # closing twice is harmless in Playwright
