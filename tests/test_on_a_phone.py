"""On a parent's phone (issue 22): installable, offline at the same address, nothing lost.

Without a browser (make check): each edition's web app manifest, the service worker's list of
files (every page and asset of both editions, nothing from another host, no zip, no PDF), the
links every page carries, and a build for publishing refusing placeholder addresses.

In Chromium, with the guide's service worker running (the per-page visits block it): after one
visit over http, every page of an edition opens with the network off, and search, a tick and the
organiser work; it works under a sub-path; it keeps nothing from another host; it is never
registered from a file; a new version is told plainly and shows on reload, never mid-reading;
the browser is asked to keep the guide's storage once a reader keeps something.
That it is registered only after the first paint is checked on every page, in
test_every_page_as_a_reader_meets_it.py.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import Visit, serve
from pages import ui
from parent_search import SPANISH_QUERIES_FILE, SearchBox, answers, load_queries
from postbuild.web_app import close_workbox, start_workbox, write_service_worker
from sitemodel import ROOT, build_env, editions, front_matter, html_path, nav_pages, pages
from siterules import check_publishing

LOCAL = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")
EDITIONS = list(editions())
# What the service worker may download after a first visit, on the wire (bench/budgets.toml).
MAX_OFFLINE_COPY_BYTES = 1_500_000


# --- Without a browser ------------------------------------------------------------------------

def precached(site_dir) -> list[str]:
    """The files sw.js precaches, as paths inside the site (Workbox writes them as {url:"..."})."""
    return re.findall(r'url:"([^"]+)"', (site_dir / "sw.js").read_text(encoding="utf-8"))


def test_each_edition_has_a_web_app_manifest_in_its_language(site_dir, page_soup):
    for lang, edition in editions().items():
        path = site_dir / edition.folder / "manifest.webmanifest"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        assert manifest["name"] == edition.site_name and manifest["lang"] == lang, f"{path}: {manifest}"
        assert manifest["short_name"] == edition.ui["app_name"] and len(manifest["short_name"]) <= 12
        assert manifest["display"] == "standalone" and manifest["start_url"] == "./index.html"
        sizes = {icon["sizes"] for icon in manifest["icons"] if icon["purpose"] == "any"}
        assert {"192x192", "512x512"} <= sizes, f"{path}: icons {sizes}"
        assert any(icon["purpose"] == "maskable" for icon in manifest["icons"]), f"{path}: no maskable icon"
        for icon in manifest["icons"]:
            assert (path.parent / icon["src"]).resolve().is_file(), f"{path}: {icon['src']} is missing"
        home = page_soup(edition.source("index.md"))
        assert home.find("link", rel="manifest")["href"] == "manifest.webmanifest", f"{lang}: home page's manifest link"


def test_every_page_links_its_editions_manifest_and_the_home_screen_icon(site_dir, page_soup):
    for page in pages():
        soup, path = page_soup(page), html_path(page)
        manifest = (site_dir / path).parent / soup.find("link", rel="manifest")["href"]
        assert manifest.resolve() == (site_dir / editions()[_lang(page)].folder / "manifest.webmanifest").resolve(), page
        icon = (site_dir / path).parent / soup.find("link", rel="apple-touch-icon")["href"]
        assert icon.resolve().is_file(), f"{page}: the home-screen icon is missing"


def _lang(page: str) -> str:
    return "es" if page.endswith(".es.md") else "en"


def test_the_service_worker_precaches_every_page_and_asset_and_nothing_else(site_dir):
    listed = set(precached(site_dir))
    for page in pages():
        assert html_path(page) in listed, f"{html_path(page)} would not open offline"
    for manifest in [e.folder + "manifest.webmanifest" for e in editions().values()]:
        assert manifest in listed
    # Every script and stylesheet a page loads over http, and the search index and its languages.
    for asset in site_dir.joinpath("assets").rglob("*"):
        rel = asset.relative_to(site_dir).as_posix()
        if asset.suffix in (".js", ".css") and not rel.startswith("assets/vendor/"):
            assert rel in listed, f"{rel} would be missing offline"
    assert "search/search_index.json" in listed
    for entry in listed:
        assert not entry.startswith(("http:", "https:", "//")), f"another host's file in the offline copy: {entry}"
        assert not entry.startswith("downloads/") and not entry.endswith((".zip", ".pdf")), entry
        assert entry not in ("search/search_index.js", "sw.js") and not entry.startswith("assets/vendor/"), entry
    # What it downloads after a first visit, compressed as a web server sends it.
    size = sum(len(gzip.compress((site_dir / entry).read_bytes(), 6)) for entry in listed)
    assert size <= MAX_OFFLINE_COPY_BYTES, f"the offline copy is {size:,} bytes gzipped"


def test_the_offline_zip_holds_no_service_worker_and_the_pdf_link_says_it_needs_the_internet(site_dir, soups):
    import zipfile
    with zipfile.ZipFile(site_dir / "downloads" / "second-opinion-guide.zip") as z:
        names = z.namelist()
    assert not [n for n in names if n.endswith(("sw.js", ".webmanifest"))], "the zip holds the service worker"
    for path, soup in soups.items():
        if path == "404.html":
            continue
        link = soup.select_one(".site-footer__links a[href$='.pdf']")
        words = ui("es" if path.startswith("es/") else "en")["pdf_needs_internet"]
        assert link is not None and words in link.get_text(), f"{path}: the PDF link does not say it needs the internet"


@pytest.mark.parametrize("address, placeholder", [
    ("https://second-opinion-guide.example.org/", True), ("mailto:corrections@example.org", True),
    ("http://127.0.0.1:8000/", True), ("https://families.github.io/second-opinion-guide/", False),
    ("mailto:guide@childrens.example-hospital.org", False),
])
def test_a_publishing_build_knows_a_placeholder_address(address, placeholder):
    assert bool(check_publishing({"site_url": address})) == placeholder, address


def test_a_build_for_publishing_refuses_the_placeholder_addresses(tmp_path):
    """PUBLISH=1 stops before anything is built (hooks/site_rules.py), naming both settings."""
    env = dict(build_env(), PUBLISH="1")
    env.pop("CORRECTIONS_URL", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "a build for publishing accepted example.org addresses"
    assert "site_url is a placeholder" in output and "corrections_url is a placeholder" in output, output[-2000:]


# --- In Chromium, with the service worker ------------------------------------------------------

def phone(browser, width: int = 390, **options):
    """A browser context that lets the guide's service worker run; another host is refused."""
    context = browser.new_context(service_workers="allow", viewport={"width": width, "height": 844}, **options)
    leaks: list[str] = []

    def refuse(route) -> None:
        leaks.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(LOCAL), refuse)
    return context, leaks


def offline_copy_ready(page) -> str:
    """Wait until the service worker has downloaded the guide and is active; return its scope."""
    return page.evaluate("""() => navigator.serviceWorker.ready.then(registration => new Promise(done => {
        const worker = registration.active;
        if (worker.state === "activated") return done(registration.scope);
        worker.addEventListener("statechange", () => worker.state === "activated" && done(registration.scope));
    }))""")


def title_of(page) -> str:
    return page.locator("article h1").first.evaluate(
        "h => [...h.childNodes].filter(n => !n.matches || !n.matches('.headerlink')).map(n => n.textContent).join('')").strip()


@pytest.mark.parametrize("lang", EDITIONS)
def test_after_one_visit_the_whole_edition_works_offline(lang, browser, site_url, tmp_path):
    context, leaks = phone(browser, width=1280, accept_downloads=True)  # the search box as tests/parent_search.py drives it
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    folder = editions()[lang].folder
    page.goto(site_url + folder + "index.html")
    offline_copy_ready(page)
    context.set_offline(True)

    for md in nav_pages(lang):
        response = page.goto(site_url + html_path(md))
        assert response and response.ok, f"{md} did not open offline"
        assert title_of(page) == front_matter(md)["title"], f"{md} opened offline without its title"

    # Search, as a parent types it, and the result it opens (page.html?h=word#section).
    query = (load_queries(SPANISH_QUERIES_FILE) if lang == "es" else load_queries())[2]
    page.goto(site_url + folder + "index.html")
    groups = SearchBox(page, site_url).top_results(query.words)
    assert any(answers(t, query) for g in groups for t in g), f"offline search for {query.words!r}: {groups}"
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").count() == 1, f"the search result {page.url} did not open offline"

    # A tick, kept across a reload.
    page.goto(site_url + html_path(editions()[lang].source("records.md")))
    page.locator(".checklist label.task-list-control").first.click()
    page.reload()
    assert page.get_by_role("checkbox").first.is_checked(), "a tick was lost offline"

    # The organiser: typed, kept, saved as a file.
    page.goto(site_url + html_path(editions()[lang].source("my-plan.md")))
    page.fill("#plan-first-team-name", "Dr. Ana Ruiz")
    page.reload()
    assert page.input_value("#plan-first-team-name") == "Dr. Ana Ruiz", "the organiser lost what was typed offline"
    with page.expect_download() as download:
        page.locator("[data-action=save]").click()
    assert re.fullmatch(rf"[a-z-]+-{lang}-\d{{4}}-\d{{2}}-\d{{2}}\.json", download.value.suggested_filename)
    assert not errors and not leaks, f"{errors} {leaks}"
    context.close()


def test_the_guide_works_offline_under_a_sub_path(browser, site_dir, tmp_path):
    (tmp_path / "guide").symlink_to(site_dir, target_is_directory=True)
    server, root = serve(tmp_path)
    context, leaks = phone(browser)
    try:
        page = context.new_page()
        page.goto(root + "guide/es/index.html")
        assert offline_copy_ready(page) == root + "guide/", "the service worker's scope is not the site's folder"
        context.set_offline(True)
        for path in ("guide/es/costs.html", "guide/records.html", "guide/index.html"):
            response = page.goto(root + path)
            assert response and response.ok and page.locator("article h1").count() == 1, f"{path} offline"
        assert not leaks, leaks
    finally:
        context.close()
        server.shutdown()


def test_the_offline_copy_keeps_nothing_from_another_host(browser, site_url, tmp_path):
    (tmp_path / "elsewhere.txt").write_text("another site")
    server, elsewhere = serve(tmp_path)
    elsewhere = elsewhere.replace("127.0.0.1", "localhost") + "elsewhere.txt"  # another host
    context, leaks = phone(browser)
    try:
        page = context.new_page()
        page.goto(site_url + "index.html")
        offline_copy_ready(page)
        page.goto(site_url + "records.html")
        assert page.evaluate("!!navigator.serviceWorker.controller"), "the page is not served by the service worker"
        fetch = "url => fetch(url, {mode: 'no-cors'}).then(() => 'fetched', () => 'failed')"
        assert page.evaluate(fetch, elsewhere) == "fetched"
        kept = page.evaluate("""() => caches.keys().then(names => Promise.all(names.map(name =>
            caches.open(name).then(cache => cache.keys())))).then(lists => lists.flat().map(r => r.url))""")
        assert kept and all(url.startswith(site_url) for url in kept), [u for u in kept if not u.startswith(site_url)]
        context.set_offline(True)
        assert page.evaluate(fetch, elsewhere) == "failed", "another host's file was answered offline"
        assert not leaks, leaks
    finally:
        context.close()
        server.shutdown()


REGISTER_SPY = """window.__registered = [];
if (navigator.serviceWorker) {
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => { window.__registered.push(performance.now()); return register(...args); };
}"""


def test_no_service_worker_is_registered_from_a_file(browser, site_dir):
    context = browser.new_context(service_workers="allow")
    context.add_init_script(REGISTER_SPY)
    page = context.new_page()
    page.goto((site_dir / "index.html").as_uri())
    page.wait_for_timeout(1000)  # past the load event and the frame after it
    assert page.evaluate("window.__registered") == [], "guide.js registered a service worker from a file"
    context.close()


def test_a_new_version_is_told_plainly_and_shows_only_on_reload(browser, site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("downloads"))
    server, root = serve(copy)
    context, leaks = phone(browser)
    try:
        page = context.new_page()
        page.goto(root + "es/index.html")
        offline_copy_ready(page)
        page.goto(root + "es/what-it-is.html")
        assert page.evaluate("!!navigator.serviceWorker.controller")
        page.evaluate("window.stillReading = true")
        # A new version is published: one page changes, and Workbox writes a new service worker.
        changed = copy / "es" / "what-it-is.html"
        changed.write_text(changed.read_text(encoding="utf-8").replace(
            "</h1>", "</h1><p id=new-version>Nuevo</p>", 1), encoding="utf-8")
        write_service_worker(copy)
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")  # as a browser does on its own
        notice = page.get_by_role("status").filter(has_text=ui("es")["updated"])
        notice.wait_for(timeout=30_000)
        assert page.evaluate("window.stillReading") and page.locator("#new-version").count() == 0, (
            "the page changed under the reader")
        page.get_by_role("button", name=ui("es")["updated_show"]).click()
        page.wait_for_load_state("load")
        assert page.locator("#new-version").count() == 1, "the new version did not show on reload"
        assert not leaks, leaks
    finally:
        context.close()
        server.shutdown()


PERSIST_SPY = """window.__persistAsked = 0;
if (navigator.storage) {
  navigator.storage.persisted = () => Promise.resolve(false);
  navigator.storage.persist = () => { window.__persistAsked += 1; return Promise.resolve(true); };
}"""


@pytest.mark.parametrize("page_name, act", [
    ("records.es.md", lambda page: page.locator(".checklist label.task-list-control").nth(0).click()),
    ("my-plan.md", lambda page: page.fill("#plan-first-team-name", "Dr. Ana Ruiz")),
])
def test_the_browser_is_asked_to_keep_the_guides_storage_once_a_reader_keeps_something(page_name, act, browser,
                                                                                          site_url):
    v = Visit(browser, site_url + html_path(page_name), init_scripts=(PERSIST_SPY,))
    try:
        v.page.wait_for_timeout(300)
        assert v.page.evaluate("window.__persistAsked") == 0, "asked before the reader kept anything"
        act(v.page)
        v.page.wait_for_function("window.__persistAsked === 1", timeout=5_000)
        act(v.page)
        v.page.wait_for_timeout(300)
        assert v.page.evaluate("window.__persistAsked") == 1, "asked more than once on one page"
    finally:
        v.close()


def test_workbox_started_early_writes_nothing_and_ends_when_the_build_gives_it_no_site():
    """The build starts Workbox as it begins (hooks/web_app.py); a build that fails hands it no
    site: it must end at once, with no sw.js written anywhere and no process left waiting."""
    workbox = start_workbox()
    close_workbox(workbox)
    assert workbox.returncode == 0, workbox.stderr.read() if workbox.stderr else workbox.returncode
    assert not (ROOT / "sw.js").exists()
