"""Offline and private: the built site works from files, and never calls another host.

That no page asks another host for anything, over http or from a file, is checked on every page
in test_every_page_as_a_reader_meets_it.py."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter

import pytest

from conftest import _CONTEXTS, Visit
from pages import ENGLISH_PAGES
from sitemodel import html_path, offline_zip

ZIP = offline_zip()


@pytest.fixture(params=["http", "file"])
def base_url(request, site_url, site_dir):
    return site_url if request.param == "http" else site_dir.as_uri() + "/"


def test_every_navigation_link_opens_a_real_page_from_files(site_dir, visit):
    v = visit((site_dir / "index.html").as_uri())
    hrefs = v.page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "as => as.map(a => a.href)")
    targets = sorted({h.split("#")[0] for h in hrefs})
    assert len(targets) >= len(ENGLISH_PAGES), f"navigation has {len(targets)} links for {len(ENGLISH_PAGES)} pages"
    for target in targets:
        assert target.endswith(".html"), f"navigation link {target} opens a folder, not a page"
        v.page.goto(target)
        assert v.page.locator("article h1").count() == 1, f"{target} did not open a page with a title"
    v.close()


def unique_word(site_dir) -> tuple[str, str]:
    """A word the search index holds on exactly one English page other than home: (word, page file).

    Read from search_index.js, the index the offline copy carries (`var __index = {...}`)."""
    script = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("{"):].rstrip().rstrip(";"))
    pages_of = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0] or "index.html"
        if page.startswith("es/"):
            continue  # the English edition searches its own pages
        for word in set(re.findall(r"[a-z]{9,}", (doc["title"] + " " + doc["text"]).lower())):
            pages_of.setdefault(word, set()).add(page)
    candidates = sorted(w for w, pages in pages_of.items() if len(pages) == 1 and "index.html" not in pages)
    assert candidates, "no word appears on exactly one page: cannot test search"
    word = candidates[0]
    return word, next(iter(pages_of[word]))


def search_and_open(v, word: str, expected_page: str) -> None:
    v.page.locator("label.md-search__icon, .md-search__input").first.click()
    v.page.locator("input.md-search__input").press_sequentially(word, delay=20)  # typed, as a reader does
    result = v.page.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=10_000)
    result.click()
    v.page.wait_for_load_state("load")
    assert v.page.url.split("#")[0].split("?")[0].endswith(expected_page), (
        f"searching {word!r} opened {v.page.url}, expected {expected_page}"
    )


def test_a_request_to_another_host_is_caught_and_never_answered(site_url, visit):
    """What every browser test stands on: a page that asks another host for anything is recorded
    (and so fails its test), and the request gets no answer, as the tests' browser knows no host
    but this machine (conftest.NO_OTHER_HOST)."""
    v = visit(site_url + html_path("costs.md"))
    status = v.page.evaluate("""() => fetch('https://example.org/a-leak.png').then(r => r.status, e => 'refused: ' + e.message)""")
    v.page.evaluate("() => { const img = new Image(); img.src = 'https://example.com/pixel.gif'; document.body.append(img); }")
    v.page.wait_for_timeout(300)
    assert str(status).startswith("refused"), f"another host answered: {status}"
    assert {"https://example.org/a-leak.png", "https://example.com/pixel.gif"} <= set(v.third_party), v.third_party
    assert not [u for u in v.local_requests if "example." in u]


LEAVE_EVERYTHING = """async () => {
  localStorage.setItem('left', 'by an earlier visit'); sessionStorage.setItem('left', 'yes');
  document.cookie = 'left=yes; max-age=3600';
  await new Promise(r => { const o = indexedDB.open('left', 1);
    o.onupgradeneeded = () => o.result.createObjectStore('s'); o.onsuccess = () => { o.result.close(); r(); }; });
  if (window.caches) await caches.open('left');
}"""
FIND_ANYTHING_LEFT = """async () => [
  localStorage.getItem('left') && 'localStorage', sessionStorage.getItem('left') && 'sessionStorage',
  document.cookie.includes('left=') && 'cookies',
  (await indexedDB.databases()).some(d => d.name === 'left') && 'IndexedDB',
  window.caches && (await caches.has('left')) && 'Cache Storage',
].filter(Boolean)"""


def test_a_visit_never_sees_what_an_earlier_visit_left(site_url, site_dir, browser):
    """Visits reuse browser contexts (conftest._Contexts, for speed), so each must still meet the guide
    as a new reader, over http and from a file: no storage, cookies or permissions of an earlier visit."""
    for url in (site_url + html_path("my-plan.md"), (site_dir / "my-plan.html").as_uri()):
        first = Visit(browser, url, width=333)  # a size no other test uses: a context of its own
        kept = first._context
        first.page.evaluate(LEAVE_EVERYTHING)
        first.close()
        second = Visit(browser, url, width=333)
        try:
            assert second._context is kept, "the context was not reused, so this test proves nothing"
            assert second.page.evaluate(FIND_ANYTHING_LEFT) == [], f"{url}: an earlier visit's storage is still there"
        finally:
            second.close()


def test_the_next_page_in_the_same_tab_never_sees_what_the_last_one_left(site_url, site_dir, browser):
    """The per-page visit opens every page in one tab (Visit.next_page): each still meets the guide
    as a new reader, in light, at the size asked, with only its own requests recorded."""
    v = Visit(browser, site_url + html_path("my-plan.md"), width=335)
    try:
        for url in (site_url + html_path("costs.md"), (site_dir / "records.html").as_uri(), (site_dir / "glossary.html").as_uri()):
            v.page.evaluate(LEAVE_EVERYTHING)
            v.page.emulate_media(color_scheme="dark")
            v.next_page(url, width=1280, height=800)
            assert v.page.evaluate(FIND_ANYTHING_LEFT) == [], f"{url}: the last page's storage is still there"
            assert v.page.evaluate("[innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]") == [1280, False]
            page_requests = [u for u in v.local_requests if u.endswith(".html")]
            assert page_requests == [url], f"requests recorded besides this page's: {page_requests}"
    finally:
        v.close()


def test_a_visit_whose_test_reached_for_its_context_is_not_kept(site_url, browser):
    """A test that asks for the context may have changed it (offline, routes, scripts): closed, not reused."""
    first = Visit(browser, site_url + html_path("costs.md"), width=334)
    used = first.context
    first.close()
    assert not any(used is kept for contexts in _CONTEXTS.idle.values() for kept in contexts)
    with pytest.raises(Exception, match="closed"):
        used.new_page()


def test_search_works_over_http_and_loads_its_index_only_when_opened(site_dir, site_url, visit):
    word, page = unique_word(site_dir)
    v = visit(site_url + "records.html")
    v.page.wait_for_load_state("networkidle")
    early = [url for url in v.local_requests if "search_index" in url]
    assert not early, f"the search index loaded before the reader opened search: {early}"
    search_and_open(v, word, page)
    assert any("search_index.json" in url for url in v.local_requests), "search never loaded its index"
    v.close()


def test_search_works_from_files(site_dir, visit):
    word, page = unique_word(site_dir)
    v = visit((site_dir / "index.html").as_uri())
    search_and_open(v, word, page)
    assert not v.third_party, f"search asked another host for: {v.third_party}"
    v.close()


@pytest.mark.parametrize("page", ["records.md", "questions.md"])
def test_checklist_ticks_survive_a_reload_and_clear_all_clears_them(page, base_url, visit):
    v = visit(base_url + html_path(page))
    boxes = v.page.get_by_role("checkbox")
    assert boxes.count() >= 3, f"{page}: too few checkboxes to test"
    labels = v.page.locator(".checklist label.task-list-control")
    labels.nth(0).click()  # as a reader does: a tap on the words ticks the box
    labels.nth(1).click()
    v.page.reload()
    boxes = v.page.get_by_role("checkbox")
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked(), f"{page}: ticks lost on reload"
    assert not boxes.nth(2).is_checked(), f"{page}: an untouched box came back ticked"
    clear = v.page.get_by_role("button", name="Clear all ticks")
    asked: list[str] = []
    v.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    clear.click()  # it asks first, and cancelling keeps every tick
    assert asked and "cannot be undone" in asked[0], f"{page}: 'Clear all ticks' cleared without asking"
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked(), f"{page}: cancelling cleared ticks"
    v.page.once("dialog", lambda dialog: dialog.accept())
    clear.click()
    assert v.page.locator(".checklist-actions [role=status]").inner_text().strip(), f"{page}: clearing says nothing"
    v.page.reload()
    checked = [boxes.nth(i).is_checked() for i in range(boxes.count())]
    assert not any(checked), f"{page}: ticks remain after 'Clear all ticks' and a reload"
    v.close()


def test_the_offline_zip_opens_and_works_from_disk(site_dir, visit, tmp_path):
    archive = site_dir / ZIP
    assert archive.is_file(), f"the build wrote no {ZIP}"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert not [n for n in names if n.endswith(".zip")], "the zip contains a zip (itself?)"
        assert Counter(names).most_common(1)[0][1] == 1, "the zip holds a file twice"
        z.extractall(tmp_path)
    root = tmp_path / "second-opinion-guide"
    word, page = unique_word(root)
    v = visit((root / "index.html").as_uri())
    nav_link = v.page.locator(".md-nav--primary a.md-nav__link[href$='what-it-is.html']").first
    nav_link.click()
    v.page.wait_for_load_state("load")
    assert v.page.url.endswith("what-it-is.html") and v.page.locator("article h1").count() == 1
    search_and_open(v, word, page)
    assert not v.third_party and not v.local_failures, f"{v.third_party} {v.local_failures}"
    v.close()


def test_the_footer_and_about_page_link_the_offline_zip_with_its_size(soups, site_dir):
    size_kb = (site_dir / ZIP).stat().st_size / 1000
    links = [(path, soup.select_one(f".md-footer a[href$='{ZIP.split('/')[-1]}']"))
             for path, soup in soups.items() if path != "404.html"]
    links.append(("about.html (article)", soups["about.html"].select_one(f"article a[href$='{ZIP}']")))
    for path, link in links:
        assert link is not None, f"{path}: no link to the offline zip"
        match = re.search(r"(\d+) kB", link.get_text())
        assert match, f"{path}: the zip link does not give its size: {link.get_text()!r}"
        assert 0 <= int(match.group(1)) - size_kb < 10, f"{path}: says {match.group(0)}, zip is {size_kb:.0f} kB"
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "OFFLINE-ZIP-SIZE" not in index, "the search index shows the size placeholder"
