"""Every page of both editions, opened in Chromium as a reader meets it, in both colour schemes.

One visit per page runs every check that needs the page open in a browser, each reported on its
own (pytest's subtests) with the page, the width and the scheme in its name:

light  1280 px over http  axe finds no WCAG 2.2 A/AA violation; each checklist item is a named
                          checkbox; the page asks the server for no more than it needs; the service
                          worker is registered only after the first paint; by keyboard and screen
                          reader: names and roles, English marked on Spanish pages, every stop,
                          visible, uncovered, with a ring of 3:1 (given focus in Tab order;
                          walked back with real Shift+Tab keys on ONE_OF_EACH_KIND)
        390 px            axe; every target at least 24 px; no section link alone on a line; names
                          and roles (the menu button); every Shift+Tab stop (ONE_OF_EACH_KIND)
        320 px            nothing scrolls sideways
        (all of those)    no request left the site, nothing failed to load, no script error
       1280 px from file  (ONE_OF_EACH_KIND) no request leaves, nothing fails, no script error, read from disk
dark   1280 px            the page is dark; axe's colour rules; every stop's focus ring against the dark page
                          (on one page of each kind: ONE_OF_EACH_KIND)
        390 px            axe's colour rules (a resize: the light visit met the page as a phone opens it)

The keyboard and screen-reader checks are in test_keyboard_and_screen_reader.py (issue 23's audit).

Each width is a reload at that size on one page of each kind, as a reader who opens the page on
that screen, and a resize on the others (the layout is the same; 320 px is a resize from 390 px); dark is a reload with the system asking for
dark, after light, in the same visit (a new browser context per scheme cost about 0.6 s a page).
Why one visit and not one per check: each fresh page costs a second or more, and the per-page checks
were most of the suite's time (../shared/findings/architecture-review.md, section 2). For the same
reason each worker opens the pages one after another in one tab (the `reader` fixture), every page
as a new reader meets it (conftest.Visit.next_page wipes what the last one stored): a new tab for
each page made this file about 30% slower (157.7 s against 121.8 s on 26 pages, one worker).
A check that belongs to every page joins CHECKS below, with the state it needs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import axe_playwright_python
import pytest

from conftest import Visit
from pages import PAGES
from sitemodel import DOCS, html_path
from test_keyboard_and_screen_reader import (accessible_name_problems, focus_ring_problems, keyboard_problems,
                                             language_problems)


# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (Lighthouse counts those too).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# axe-core, put in each page before its own scripts run, once per browser context: evaluating
# its 570 kB on every run cost a few tenths of a second each time.
AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
# axe 4.12 parses every colour it reads (thousands a run, of a few dozen distinct strings) with
# colorjs.io, and that parsing was about half of each colour-contrast run (profiled: 670 ms of a
# 2.0 s run on es/work-and-money.html at 1280 px). A colour string always means the same colour, so
# each is parsed once per page. Only speed changes: the same violations, with the same numbers,
# were found with and without it, and test_axe_as_the_suite_runs_it_finds_text_too_faint_to_read
# guards it. It throws if an axe upgrade moves the parser (INTERNALS.md), so no run passes
# without axe.
AXE_COLOUR_CACHE = """(() => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, parsed = new Map();
  if (typeof parse !== "function") throw new Error("axe.commons.color.Color has no parseString: see INTERNALS.md");
  Color.prototype.parseString = function (text) {
    const rgba = parsed.get(text);
    if (!rgba) { parse.call(this, text); parsed.set(text, [this.r, this.g, this.b, this.alpha]); return this; }
    [this.r, this.g, this.b, this.alpha] = rgba;
    return this;
  };
})();"""
AXE_SCRIPT = AXE.read_text(encoding="utf-8") + "\n;" + AXE_COLOUR_CACHE
CHECKLIST_PAGES = {p for p in PAGES if 'class="checklist' in (DOCS / p).read_text(encoding="utf-8")}
# One page of each kind (home, checklist, messages with copy buttons, organiser, glossary, a plain page
# in each edition), for the checks whose result does not depend on a page's own words, so that the
# suite stays under CI's limit on a 2-core machine (each was 1 to 5 s a page, times 72 pages):
# - focus rings and names in dark: only colours differ from light, where every stop of every page is
#   walked, and each kind of stop has one colour rule for all pages;
# - the Shift+Tab walk at 390 px: the stops are the 1280 px walk's, minus the wide menu; what differs
#   on a phone (the header, the closed menu) is the same on every page;
# - the visit from a file: the same HTML as over http, where every page is checked for requests
#   to other hosts; what differs from a file is the scripts (the search shim, the checklist and the
#   organiser scripts), and each kind of page has them.
ONE_OF_EACH_KIND = {"index.md", "records.md", "letters.es.md", "my-plan.md", "glossary.es.md", "how-to-ask.es.md"}


# --- The checks: each takes the open page and returns what is wrong (empty when all is well) ----

# In dark only colours change: the page's structure, names and roles are those axe checks in light.
# There it runs only its colour rules, a fraction of a whole run's work on a 2-core machine.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    options = {"runOnly": {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS},
               "resultTypes": ["violations"]}
    # Colours read mid-transition are neither scheme's (CI once saw dark text on the dark sidebar,
    # 125 ms into Material's colour change): running transitions are taken to their end first, the
    # colours waiting for them would reach, without the wait.
    page.evaluate("""() => document.getAnimations().filter(a => a instanceof CSSTransition)
      .forEach(a => { try { a.finish(); } catch (endless) { /* a transition always ends */ } })""")
    results = page.evaluate("options => axe.run(document, options)", options)
    return [f"{rule['id']} ({rule['impact']}): {node['target']} {node.get('failureSummary', '')[:160]}"
            for rule in results["violations"] for node in rule["nodes"]]


SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, input, label.md-header__button, [role=button]')]
  .map(e => (e.matches('input[type=checkbox]') && e.closest('label')) || e)
  .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter(e => !(e.tagName === 'A' && e.closest('p, li, dd, td') && !e.closest('nav, .md-footer, .md-header')
                 && getComputedStyle(e).display === 'inline'))      /* inline links in text: exempt */
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && r.right > 0 && r.left < innerWidth)   /* on screen */
  .filter(([e, r]) => r.width < 24 || r.height < 24)
  .map(([e, r]) => `${Math.round(r.width)}x${Math.round(r.height)} ${e.outerHTML.slice(0, 100)}`)"""


def small_targets(page) -> list[str]:
    return page.evaluate(SMALL_TARGETS)


def sideways_scroll(page, width: int) -> list[str]:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    return [f"content is {scroll_width}px wide in a {width}px window"] if scroll_width > width else []


def unnamed_checklist_items(page, items: list[str]) -> list[str]:
    """Each checklist item of the built page is one real, enabled checkbox named by its words."""
    boxes = page.get_by_role("checkbox")
    problems = [] if boxes.count() == len(items) else [f"{boxes.count()} checkboxes for {len(items)} items"]
    for item in items:
        box = page.get_by_role("checkbox", name=item, exact=True)
        if box.count() != 1:
            problems.append(f"no checkbox named {item!r}")
        elif not box.is_enabled():
            problems.append(f"checkbox {item!r} cannot be ticked")
    return problems


# The service worker (assets/javascripts/guide.js) must not compete with the first paint: the time
# guide.js asks for it, against the first contentful paint. The per-page visit blocks service
# workers (conftest.Visit), so the registration fails, after being asked for: what is timed here.
REGISTER_SPY = """window.__registered = [];
if (navigator.serviceWorker) {
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => { window.__registered.push(performance.now()); return register(...args); };
}"""


def registered_before_the_first_paint(page) -> list[str]:
    page.wait_for_function("window.__registered.length > 0", timeout=10_000)
    asked, paint = page.evaluate("""() => [window.__registered[0],
        (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime]""")
    return [] if paint is not None and asked > paint else [f"registered at {asked:.0f} ms, first paint at {paint} ms"]


# A section link (the sign after a heading) that wraps onto a line of its own leaves a blank line
# under the heading (../shared/findings/ux-walkthrough.md, finding 16): it must stay with the
# heading's last word. The sign's middle is below the bottom of the heading's last line of words.
ALONE_PERMALINKS = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4) > a.headerlink')].filter(link => {
  const words = document.createRange();
  words.setStartBefore(link.parentNode.firstChild);
  words.setEndBefore(link);
  const lines = [...words.getClientRects()].filter(r => r.width > 0), sign = link.getClientRects()[0];
  const last = lines[lines.length - 1];
  return last && sign && (sign.top + sign.bottom) / 2 > last.bottom;
}).map(link => `#${link.parentNode.id}`)"""


def permalinks_alone_on_a_line(page) -> list[str]:
    return [f"a section link wraps onto a line of its own under {h}" for h in page.evaluate(ALONE_PERMALINKS)]


def shown_scheme_problems(page, scheme: str) -> list[str]:
    """What the dark checks stand on: the page really is dark (Material's scheme "slate")."""
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return [] if shown == scheme else [f"the page shows the scheme {shown!r}, not {scheme!r}"]


def leaks_and_failures(v: Visit) -> list[str]:
    return ([f"asked another host for: {v.third_party}"] if v.third_party else []) + \
           ([f"logged errors: {v.console_errors}"] if v.console_errors else []) + \
           ([f"failed to load: {v.local_failures}"] if v.local_failures else [])


# What a page asks of the server over http (bench/ measures how long it takes): the page, one
# stylesheet, the site's guide.js, Material's bundle and its search worker, keyboard.js, the icon,
# the checklist script on pages with a checklist, and the organiser's script on the organiser's page. The search index waits
# until a reader opens search; the file:// search shim is for pages opened from a file only.
REQUESTS = {"page": 1, "stylesheet": 1, "bundle": 1, "search worker": 1, "icon": 1, "checklists": 1,
            "my-plan": 1, "guide": 1, "keyboard": 1}


def kind_of(path: str) -> str:
    name = path.split("/")[-1]
    return ("page" if name.endswith(".html") else "stylesheet" if name.endswith(".css")
            else "search worker" if "/workers/" in path else "bundle" if name.startswith("bundle.")
            else "icon" if name.startswith("favicon") else name.removesuffix(".js"))


def too_many_requests(asked: list[str]) -> list[str]:
    kinds = Counter(kind_of(path) for path in asked)
    extra = {k: n for k, n in kinds.items() if n > REQUESTS.get(k, 0)}
    problems = [f"requests beyond the page, one stylesheet and the scripts it needs: {asked}"] if extra else []
    if kinds["stylesheet"] != 1:
        problems.append(f"asks for {kinds['stylesheet']} stylesheets: {asked}")
    return problems


# --- The visit ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reader(browser):
    """One tab that opens every page in turn, each as a new reader meets it (Visit.next_page), with
    axe and the service worker's spy in each page before its own scripts."""
    v = Visit(browser, "about:blank", width=1280, height=800, init_scripts=(AXE_SCRIPT, REGISTER_SPY))
    yield v
    v.close()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_as_a_reader_meets_it(page, browser, reader, site_url, site_dir, page_soup, subtests):
    path = html_path(page)
    scheme = "light"

    def check(where: str, problems_of, *args) -> None:
        with subtests.test(msg=f"{page}, {where}, {scheme}"):
            problems = problems_of(*args)
            assert not problems, f"{page} ({where}, {scheme}):\n" + "\n".join(problems)

    def at(width: int, height: int = 800) -> None:
        # From the top, as a fresh load: a reload keeps the scroll position (the keyboard walk ends
        # at the page's foot), and the header's title would be mid-change when axe looks.
        v.page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        v.page.set_viewport_size({"width": width, "height": height})
        v.page.reload(wait_until="load")
        v.page.locator("button.site-menu").wait_for(state="attached", timeout=5_000)  # keyboard.js has run

    def resize(width: int, height: int = 800) -> None:
        """The same page at another width: the layout follows in the next frames."""
        v.page.set_viewport_size({"width": width, "height": height})
        v.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    v = reader
    v.next_page(site_url + path, width=1280, height=800, scheme=scheme)
    v.page.locator("button.site-menu").wait_for(state="attached", timeout=5_000)  # keyboard.js has run
    check("1280px: axe", axe_violations, v.page)
    if page in CHECKLIST_PAGES:
        items = [" ".join(li.get_text().split())
                 for li in page_soup(page).select(".checklist li.task-list-item")]
        check("1280px: checklist items are named checkboxes", unnamed_checklist_items, v.page, items)
    asked = [url.removeprefix(site_url) for url in v.local_requests if url.startswith(site_url)]
    check("1280px over http: few requests", too_many_requests, asked)
    check("1280px over http: service worker after the first paint", registered_before_the_first_paint, v.page)
    check("1280px: English marked on a Spanish page", language_problems, v.page)
    check("1280px: names and roles", accessible_name_problems, v.page)
    if page in ONE_OF_EACH_KIND:
        check("1280px: every Shift+Tab stop visible, uncovered, with a ring", keyboard_problems, v.page, 1280, ("Shift+Tab",))
    else:  # each stop given focus by script, in Tab order: on screen, uncovered, ringed
        check("1280px: every stop visible, uncovered, with a ring", focus_ring_problems, v.page)
    if page in ONE_OF_EACH_KIND:  # opened at a phone's width, as a phone opens it
        at(390)
    else:  # the same layout, a resize away (a reload each cost about 0.4 s a page)
        v.page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        resize(390)
    check("390px: axe", axe_violations, v.page)
    check("390px: targets at least 24px", small_targets, v.page)
    check("390px: section links stay with their heading's words", permalinks_alone_on_a_line, v.page)
    check("390px: names and roles", accessible_name_problems, v.page)
    if page in ONE_OF_EACH_KIND:
        check("390px: every Shift+Tab stop visible, uncovered, with a ring", keyboard_problems, v.page, 390, ("Shift+Tab",))
    resize(320, 640)  # narrower still: a resize is enough
    check("320px: no sideways scroll", sideways_scroll, v.page, 320)

    # Dark, in the same visit: the reader's system asks for dark, and the page is opened afresh.
    # Material keeps the scheme it chose as "__palette" in the page's storage, which a reader
    # new to the guide does not have: it goes before the reload.
    scheme = "dark"
    # Material may save it again as it sees the change (later on a busy machine): this page,
    # which is being left, saves nothing more.
    v.page.emulate_media(color_scheme="dark")
    v.page.evaluate("() => { localStorage.clear(); Storage.prototype.setItem = () => {}; }")
    at(1280)
    check("1280px: the page shows its dark scheme", shown_scheme_problems, v.page, "slate")
    check("1280px: axe", axe_violations, v.page, COLOUR_RULES)
    if page in ONE_OF_EACH_KIND:  # the same stops in the same order; only the colours differ
        check("1280px: names and roles (the toggle says dark)", accessible_name_problems, v.page)
        check("1280px: every stop's focus ring shows", focus_ring_problems, v.page)
    # Colours at 390 px are a resize away: the light visit above met the page as a phone opens it.
    resize(390)
    check("390px: axe", axe_violations, v.page, COLOUR_RULES)
    check("over http, light and dark: no request leaves the site and nothing fails", leaks_and_failures, v)

    if page not in ONE_OF_EACH_KIND:
        return
    from_file = Visit(browser, (site_dir / path).as_uri(), width=1280, height=800)
    try:
        from_file.page.wait_for_load_state("networkidle")  # the file:// search shim starts its worker late
        check("1280px from file: no request leaves the site and nothing fails", leaks_and_failures, from_file)
    finally:
        from_file.close()


def test_axe_as_the_suite_runs_it_finds_text_too_faint_to_read(browser, site_url):
    """The colour cache (AXE_COLOUR_CACHE) changes only axe's speed: on a page with faint words in
    two places (the second one's colour comes from the cache), axe finds the same violations, with
    the same contrast ratios, as axe alone."""
    faint = """() => { for (const where of ['article', '.md-footer']) {
        const p = document.createElement('p'); p.textContent = 'Words too faint to read';
        p.style.color = '#bbbbbb'; p.style.background = '#ffffff'; document.querySelector(where).append(p); } }"""
    found = {}
    for name, script in (("axe alone", AXE.read_text(encoding="utf-8")), ("as the suite runs it", AXE_SCRIPT)):
        v = Visit(browser, site_url + html_path("costs.md"), init_scripts=(script,))
        try:
            v.page.evaluate(faint)
            found[name] = axe_violations(v.page, COLOUR_RULES)
        finally:
            v.close()
    faint_words = [line for line in found["as the suite runs it"] if "1.91" in line]
    assert len(faint_words) == 2, found
    assert found["as the suite runs it"] == found["axe alone"]
