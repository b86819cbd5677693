"""Fixtures: the site is built once per test run, strictly, and parsed with a real parser.

A failed build fails every test that needs it, with the build's own output: nothing is skipped.
Under pytest-xdist (`make test` runs two workers) the build, and each PDF, are still made once:
the first worker to need one makes it under a file lock, the others wait and use it.

Markers (pyproject.toml) are given from the fixtures a test uses, so none can be forgotten:
`browser` (Chromium), `pdf` (prints the whole-guide PDF), `zensical` (builds with Zensical).
`make check` runs what has none of them.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

import sitemodel
from sitemodel import build, build_env, html_path

MARKED_BY_FIXTURE = {"browser": "browser", "visit": "browser", "zensical_site": "zensical",
                     "guide_pdf": "pdf", "spanish_guide_pdf": "pdf"}


# The longest tests and groups go first, so that the two workers of `make test` end together: one
# of these last in the run kept the other worker idle for up to a minute.
LONG_FIRST = ("test_a_settled_keyboard_walk", "test_after_one_visit_the_whole_edition_works_offline",
              "test_every_navigation_link_opens_a_real_page_from_files", "test_two_builds_of_one_commit_are_byte_identical",
              "test_guide_pdf.py", "test_bad_input_fails_the_build.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not any(name in item.nodeid for name in LONG_FIRST))  # stable: the rest keep their order
    for item in items:
        for fixture, marker in MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)
        # The PDF and Zensical tests share one slow thing each: one worker runs all of a group.
        for group in ("pdf", "zensical"):
            if item.get_closest_marker(group):
                item.add_marker(pytest.mark.xdist_group(group))


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> dict:
    """make(folder) -> dict, run once per test run even with several xdist workers; its result is
    kept as JSON beside what it made, so every worker gets the same answer."""
    shared = tmp_path_factory.getbasetemp()
    if shared.name.startswith("popen-gw"):  # an xdist worker: share the run's own folder
        shared = shared.parent
    folder, result = shared / name, shared / f"{name}.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not result.exists():
            folder.mkdir(exist_ok=True)
            result.write_text(json.dumps(make(folder)), encoding="utf-8")
    return {**json.loads(result.read_text(encoding="utf-8")), "folder": folder}


def _build_site(folder: Path) -> dict:
    result = build(folder / "site")
    return {"ok": result.returncode == 0 and "WARNING" not in result.stdout + result.stderr,
            "output": f"exit {result.returncode}:\n{result.stdout}{result.stderr}"}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = once_per_run(tmp_path_factory, "build", _build_site)
    if not built["ok"]:
        pytest.fail(f"mkdocs build --strict failed ({built['output']}", pytrace=False)
    return built["folder"] / "site"


def _pdf(site: Path, lang: str):
    def make(folder: Path) -> dict:
        target = folder / Path(sitemodel.editions()[lang].guide_pdf).name
        result = subprocess.run([sys.executable, str(sitemodel.ROOT / "scripts" / "build_pdf.py"), "--site", str(site),
                                 "--output", str(target), "--lang", lang],
                                cwd=sitemodel.ROOT, env=build_env(), capture_output=True, text=True, timeout=600)
        return {"ok": result.returncode == 0 and target.is_file(), "path": str(target),
                "output": f"exit {result.returncode}:\n{result.stdout}{result.stderr}"}
    return make


@pytest.fixture(scope="session")
def guide_pdf(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English guide as one PDF, printed from the run's site as `make pdf` does, into a folder
    of its own, so site/ stays exactly as `mkdocs build` leaves it."""
    made = once_per_run(tmp_path_factory, "pdf-en", _pdf(site_dir, "en"))
    if not made["ok"]:
        pytest.fail(f"scripts/build_pdf.py failed ({made['output']}", pytrace=False)
    return Path(made["path"])


@pytest.fixture(scope="session")
def spanish_guide_pdf(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = once_per_run(tmp_path_factory, "pdf-es", _pdf(site_dir, "es"))
    if not made["ok"]:
        pytest.fail(f"scripts/build_pdf.py --lang es failed ({made['output']}", pytrace=False)
    return Path(made["path"])


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


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser hangs up on answers it no longer wants (a reload while a file was still
        # coming): not a fault of the site, and a traceback in the log made a passing run look broken.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A folder served on 127.0.0.1, on a free port: (server, its address). Shut it down after."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """The built site served on 127.0.0.1, on a free port, for the session."""
    server, url = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


# --- The browser: Debian's Chromium, driven by Playwright, one per worker -----------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = sitemodel.chromium()
    if not Path(chromium).exists():
        pytest.fail(f"{chromium} is missing: run `make test` (it installs Debian's chromium)", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=sitemodel.CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


class _Contexts:
    """Browser contexts kept for reuse, one set per kind of visit (size, scheme, motion, agent, scripts).

    A new context cost about 1.5 CPU-seconds a page on the 2-core machine (a new network context and
    a new renderer), against about 0.7 for a new page in a kept one (measured on 16 pages): with
    hundreds of visits it was a large part of the suite's time (issue 18). A kept context is handed
    to one visit at a time and wiped in between (cookies, permissions, and every kind of storage of
    every origin the visit met), so each visit still meets the guide as a new reader does:
    test_a_visit_never_sees_what_an_earlier_visit_left is the proof. A visit whose test reached
    for the context itself (to go offline, add a route...) may have changed it: that one is closed."""

    def __init__(self) -> None:
        self.idle: dict[tuple, list] = {}

    def take(self, browser, key: tuple, make):
        kept = self.idle.get((id(browser), key))
        return kept.pop() if kept else make()

    def give_back(self, browser, key: tuple, context) -> None:
        self.idle.setdefault((id(browser), key), []).append(context)


_CONTEXTS = _Contexts()


class Visit:
    """One page opened as a new reader meets it, with what it asked of the network.

    Every request to another host is aborted and recorded, so a leak fails loudly and
    never reaches the network. The guide's service worker is blocked (its registration fails, as
    in a browser that refuses one): it would download the whole site behind each visit, and its
    answers never reach the routing that records requests. tests/test_on_a_phone.py lets it run.
    The context comes wiped from _CONTEXTS and goes back to it on close().
    """

    def __init__(self, browser, url: str, *, width: int = 1280, height: int = 900,
                 scheme: str = "light", reduced_motion: str = "no-preference", init_scripts: tuple[str, ...] = (),
                 user_agent: str | None = None):
        self._browser = browser
        self._key = (width, height, scheme, reduced_motion, user_agent, tuple(init_scripts))
        self._context = _CONTEXTS.take(browser, self._key, lambda: self._new_context(*self._key))
        self._context.visit = self  # the context's routing records for this visit
        self._reusable = True
        self.third_party: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.local_requests: list[str] = []
        self.page = self._context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.goto(url, wait_until="load")

    def _new_context(self, width, height, scheme, reduced_motion, user_agent, init_scripts):
        context = self._browser.new_context(viewport={"width": width, "height": height},
                                            color_scheme=scheme, reduced_motion=reduced_motion,
                                            service_workers="block", user_agent=user_agent)
        for script in init_scripts:
            context.add_init_script(script)
        context.route("**/*", lambda route: context.visit._route(route))
        return context

    @property
    def context(self):
        """The visit's browser context. A test that asks for it may change it: it is not kept."""
        self._reusable = False
        return self._context

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

    def _origins(self) -> set[str]:
        origins = {"file://"} if any(u.startswith("file:") for u in self.local_requests) else set()
        return origins | {"/".join(u.split("/")[:3]) for u in self.local_requests if u.startswith("http")}

    def _wipe_storage(self) -> None:
        """Empties every kind of storage of every origin this visit met (INTERNALS.md)."""
        cdp = self._context.new_cdp_session(self.page)
        for origin in self._origins():
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        cdp.detach()

    def next_page(self, url: str, *, width: int = 1280, height: int = 900, scheme: str = "light") -> None:
        """Opens another page in the same tab, as a new reader meets it: this tab's and every met
        origin's storage wiped, the records started afresh, the window's size and scheme set.
        A new tab in a kept context cost about 0.7 CPU-seconds a page, this about 0.25 (measured
        on 16 pages), and the per-page visit opens every page of both editions."""
        self.page.evaluate("() => { try { sessionStorage.clear(); } catch (e) {} }")
        self.page.goto("about:blank")  # the last page's late requests are recorded before the records restart
        self._wipe_storage()
        for record in (self.third_party, self.failed, self.console_errors, self.local_requests):
            record.clear()
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.emulate_media(color_scheme=scheme)
        self.page.goto(url, wait_until="load")

    def close(self) -> None:
        """Closes the page; the context is wiped and kept for the next visit, or closed."""
        if self._context is None:  # closed already: closing twice is harmless
            return
        context = self._context
        try:
            if self._reusable and not self.page.is_closed() and len(context.pages) == 1:
                self._wipe_storage()
                self.page.close()
                context.clear_cookies()
                context.clear_permissions()
                _CONTEXTS.give_back(self._browser, self._key, context)
                self._context = None
                return
        except Exception:  # anything unexpected: this context is not kept
            pass
        self._context = None
        context.close()

    @property
    def local_failures(self) -> list[str]:
        # net::ERR_ABORTED is the browser giving up a load it no longer needs (a reload while the
        # icon was still coming, on a busy machine), not a missing file: that is ERR_FILE_NOT_FOUND
        # from a file, or a 404 answer, which the link checks and the request count catch.
        return [f for f in self.failed if not any(f.startswith(t) for t in self.third_party)
                and "net::ERR_ABORTED" not in f]


@pytest.fixture(scope="session")
def visit(browser):
    """visit(url, ...) opens a page; any visit a test left open is closed at the end of the session."""
    opened: list[Visit] = []

    def open_(url: str, **options) -> Visit:
        v = Visit(browser, url, **options)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()  # closing twice is harmless
