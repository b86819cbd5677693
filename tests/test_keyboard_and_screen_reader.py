"""The guide as a keyboard user and a screen reader user meet it (WCAG 2.2 AA beyond what axe sees).

Issue 23's manual audit (13 failures, 6 risks) found what axe cannot: a phone menu no keyboard could
open, focus off screen or under the sticky header, unnamed buttons, status messages no one heard,
focus rings too faint to see, tooltips that would not close, English read with a Spanish voice.

The checks are plain functions that take an open Playwright page and return a list of problems,
so that a suite which visits each page once per colour scheme can run them all in that one visit:

    keyboard_problems(page, width)   every Tab and Shift+Tab stop: on screen, not under the header
                                     or the back-to-top button, with a ring of 3:1 against what
                                     is behind it; Tab never goes round in circles
    accessible_name_problems(page)   from Chromium's accessibility tree: every control has a name,
                                     no "¶" in a name, the colour toggle's checked choice is the
                                     scheme shown, the menu button says whether it is open
    language_problems(page)          on a Spanish page, no English word of the site's own outside
                                     lang="en", and every English source title marked lang="en"
    drawer_problems(page)            (390 px) the menu opens and closes by keyboard, focus goes in
                                     and comes back, its links are out of the Tab order closed
    search_problems(page, width)     search is named, keeps focus while used, says how many results
                                     it found, and Esc closes it and gives focus back
    tooltip_problems(page)           a glossary word's meaning closes with Esc, and stays while the
                                     pointer moves onto it

test_every_page_as_a_reader_meets_it.py calls the first three for every page of both editions, in
its one visit per page and colour scheme. The rest of this file tests one thing each on one page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pages import PAGES, ui
from sitemodel import config as mkdocs_config, html_path, language

WIDTHS = {"phone": 390, "desktop": 1280}
MAX_STOPS = 700  # more Tab stops than any page has: past this, Tab is going round in circles


# --- Colours ---------------------------------------------------------------------------------------

CONTRAST_JS = """
window.__contrast = window.__contrast || (() => {
  const rgba = c => { const v = (c.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number); return v.length < 4 ? [...v, 1] : v; };
  const over = (top, below) => { const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat(1); };
  const luminance = c => 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  /* The colour behind an element: its own background (when asked) and its ancestors', blended. */
  const backdrop = (element, own) => {
    const layers = [];
    for (let n = own ? element : element.parentElement; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = rgba(getComputedStyle(document.body).getPropertyValue('--md-default-bg-color') || 'rgb(255,255,255)');
    if (colour[3] < 1) colour = over(colour, [255, 255, 255, 1]);
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return {rgba, over, backdrop, ratio};
})();
"""


# How one stop looks to a sighted keyboard user, for both walks below: what has focus, and whether its
# indicator (the colour toggle's icon for its hidden radio, a checklist's drawn box for its checkbox)
# is on screen, visible, clear of the sticky header, the back-to-top button and the menu's sticky
# title, with a ring of 3:1. A stop for which skip(indicator) is true is named but not judged.
JUDGE_JS = CONTRAST_JS + """
window.__judgeStop = window.__judgeStop || ((e, skip) => {
  const indicator = e.matches('input.md-option') ? e.nextElementSibling
    : e.matches('.task-list-control input[type=checkbox]') ? e.nextElementSibling : e;
  const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('title') || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 50);
  const what = `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? ' class="' + e.className.replace(/\\s*focus-visible/, '') + '"' : ''}> "${name}"`;
  const problems = [];
  if (skip && skip(indicator)) return {what, problems};
  const r = indicator.getBoundingClientRect();
  const at = `at ${Math.round(r.left)},${Math.round(r.top)}, ${Math.round(r.width)}x${Math.round(r.height)}`;
  const onScreen = Math.min(r.right, innerWidth) - Math.max(r.left, 0) > 0 && Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) > 0;
  if (!onScreen || !indicator.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    return {what, problems: [`not visible (${at})`]};
  /* Covered: a point of it shows the sticky header, the back-to-top button or the menu's title instead. */
  const inset = (a, b) => Math.min(a + 2, b - 2);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  for (const [x, y] of [[(left + right) / 2, (top + bottom) / 2], [inset(left, right), inset(top, bottom)],
                        [right - 2, inset(top, bottom)], [inset(left, right), bottom - 2], [right - 2, bottom - 2]]) {
    const hit = document.elementFromPoint(x, y);
    const cover = hit && hit.closest('.md-header, .md-top, .md-nav__title');
    if (cover && !cover.contains(indicator) && !indicator.contains(hit)) {
      problems.push(`covered by ${cover.matches('.md-top') ? 'the back-to-top button' : cover.matches('.md-nav__title') ? "the menu's sticky title" : 'the sticky header'} (${at})`);
      break;
    }
  }
  const s = getComputedStyle(indicator);
  if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
    if (s.boxShadow === 'none') problems.push('no focus ring');
  } else {
    const ring = __contrast.rgba(s.outlineColor);
    const behind = __contrast.backdrop(indicator, parseFloat(s.outlineOffset) < 0);
    const ratio = __contrast.ratio(__contrast.over(ring, behind), behind);
    if (ratio < 3) problems.push(`focus ring ${s.outlineColor} is ${ratio.toFixed(2)}:1 against what is behind it`);
  }
  return {what, problems};
});
"""


# --- Every Tab stop --------------------------------------------------------------------------------

# One Tab stop: what has focus and whether a sighted keyboard user can see it. The indicator is what
# shows focus: the colour toggle's icon for its hidden radio, a checklist's drawn box for its checkbox.
STOP_JS = JUDGE_JS + """
async () => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  /* Material answers focus and scrolling a frame later (search opens, "back to top" shows). */
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (window.scrollY !== window.__lastScroll) {
    window.__lastScroll = window.scrollY;
    await new Promise(r => setTimeout(r, 30));
  }
  /* What the reader sees once things stop moving (search closing, the skip link sliding in): each
     running animation is taken to its end at once, the state waiting for it reached (a link's colour
     change took 125 ms a stop, 40 s of a 50 s walk; the same problems were found either way, with
     focus rings removed on purpose). One that never ends is waited for, up to 0.8 s, as before. */
  const near = t => t && (t.contains(e) || t.closest('.md-header, .md-top, .md-sidebar'));
  const moving = document.getAnimations().filter(a => a.playState === 'running' && near(a.effect && a.effect.target));
  for (const a of moving) { try { a.finish(); } catch (endless) { /* waited for below */ } }
  const still = moving.filter(a => a.playState === 'running');
  if (still.length) await Promise.race([Promise.all(still.map(a => a.finished.catch(() => null))),
                                        new Promise(r => setTimeout(r, 800))]);
  const {what, problems} = __judgeStop(e);
  e.dataset.stop = e.dataset.stop || String(Math.random()).slice(2);
  return {id: e.dataset.stop, what, problems};
}
"""


def settled_keyboard_problems(page, width: int) -> list[str]:
    """Tab from the top of the page to its end, then Shift+Tab back, waiting at each stop for the
    page to stop moving: every stop on screen, clear of the sticky header and of the back-to-top
    button once it has slid in, with a focus ring of 3:1 (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11, 1.4.11).
    Thorough but slower (about half a second per ten stops): run on a few long pages; every page gets
    keyboard_problems() below. Leaves focus where the walk ended."""
    problems: list[str] = []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for key in ("Tab", "Shift+Tab"):
        seen: dict[str, int] = {}
        for _ in range(MAX_STOPS):
            page.keyboard.press(key)
            stop = page.evaluate(STOP_JS)
            if stop is None:
                break
            seen[stop["id"]] = seen.get(stop["id"], 0) + 1
            if seen[stop["id"]] > 2:
                problems.append(f"{width}px {key}: focus goes round and never leaves {stop['what']}")
                break
            problems += [f"{width}px {key} {stop['what']}: {p}" for p in stop["problems"]]
        else:
            problems.append(f"{width}px {key}: more than {MAX_STOPS} stops")
    return sorted(set(problems), key=problems.index)


# The same checks, made as each stop takes focus: the browser has already scrolled the stop into view
# when `focusin` fires (measured), so nothing has to wait between key presses, and a whole page's
# walk takes about a second. What it cannot see is what moves after focus arrives: the back-to-top
# button sliding in as the page scrolls up, the skip link sliding down. A stop that is still moving is
# not judged here, nor are the header's stops (it changes a frame after focus arrives); the settled
# walk on a few pages and the tests below cover those.
FOCUS_LOG_JS = JUDGE_JS + """
() => {
  window.__focusLog = [];
  if (window.__focusLogOn) return;
  window.__focusLogOn = true;
  const ids = new WeakMap(); let next = 0;
  const idOf = e => { if (!ids.has(e)) ids.set(e, String(++next)); return ids.get(e); };
  /* Still moving: the stop itself, or what moves around it as focus arrives (the header's search
     opening, the back-to-top button sliding in). */
  const running = t => t.getAnimations({subtree: true}).some(a => a.playState === 'running');
  /* The header answers focus a frame later (the search field turns white as search opens): its
     stops, the same on every page, are judged by the settled walk and the search tests. */
  const moving = e => running(e) || !!e.closest('.md-header')
    || [...document.querySelectorAll('.md-top, .md-search')].some(running);
  document.addEventListener('focusout', ev => {
    if (window.__focusRec && !ev.relatedTarget) { window.__focusLog.push({left: true}); window.__focusRec = false; } }, true);
  document.addEventListener('focusin', ev => {
    if (!window.__focusRec) return;
    const e = ev.target;
    const {what, problems} = __judgeStop(e, moving);
    window.__focusLog.push({id: idOf(e), what, problems});
  }, true);
}"""


LAST_STOP_JS = """() => { const last = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
               && e.checkVisibility({visibilityProperty: true})).pop();
  window.__focusRec = true; if (last) last.focus({focusVisible: true}); }"""


FROM_THE_TOP = ("() => { document.activeElement && document.activeElement.blur(); "
                "window.scrollTo(0, 0); window.__focusRec = true; }")


def keyboard_problems(page, width: int, keys: tuple[str, ...] = ("Tab", "Shift+Tab")) -> list[str]:
    """Tab from the top of the page to its end, then Shift+Tab back from its last stop: every stop
    on screen, clear of the sticky header and the back-to-top button, with a focus ring of 3:1, and
    no stop that Tab cannot leave (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11, 1.4.11). Keys are pressed
    without waiting; each stop is judged as it takes focus (FOCUS_LOG_JS), until focus leaves the page.

    keys=("Shift+Tab",) walks back only: the same stops, each scrolled to the top edge, where the
    sticky header and the menu's title can hide it (the per-page visit does this, at half the cost;
    a stop Tab cannot leave is still found, as focus then never reaches the top)."""
    problems: list[str] = []
    page.evaluate(FOCUS_LOG_JS)
    for key, start in (("Tab", FROM_THE_TOP), ("Shift+Tab", LAST_STOP_JS)):
        if key not in keys:
            continue
        page.evaluate("() => { window.__focusLog.length = 0; }")
        page.evaluate(start)
        for _ in range(0, MAX_STOPS, 25):
            for _ in range(25):
                page.keyboard.press(key)
            if not page.evaluate("() => window.__focusRec"):
                break
        else:
            problems.append(f"{width}px {key}: more than {MAX_STOPS} stops, or focus never leaves the page")
        seen: dict[str, int] = {}
        for stop in page.evaluate("() => window.__focusLog.filter(s => !s.left)"):
            seen[stop["id"]] = seen.get(stop["id"], 0) + 1
            if seen[stop["id"]] > 2:
                problems.append(f"{width}px {key}: focus goes round and never leaves {stop['what']}")
                break
            problems += [f"{width}px {key} {stop['what']}: {p}" for p in stop["problems"]]
    page.evaluate("() => { window.__focusRec = false; }")
    return sorted(set(problems), key=problems.index)


def focus_ring_problems(page) -> list[str]:
    """Each stop in turn, given focus by script in the page's order, judged as keyboard_problems()
    judges a stop: for the dark scheme, where only colours differ, so Tab order and traps need no
    second walk (WCAG 1.4.11, 2.4.7)."""
    page.evaluate(FOCUS_LOG_JS)
    log = page.evaluate("""() => { window.__focusLog.length = 0; window.__focusRec = true;
      for (const e of [...document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
          .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
                       && e.checkVisibility({visibilityProperty: true}))) e.focus({focusVisible: true});
      window.__focusRec = false; document.activeElement && document.activeElement.blur();
      return window.__focusLog.filter(s => !s.left); }""")
    problems = [f"{stop['what']}: {p}" for stop in log for p in stop["problems"]]
    return sorted(set(problems), key=problems.index)


# --- Names and roles, from the accessibility tree ----------------------------------------------------

CONTROLS = {"button", "link", "textbox", "searchbox", "radio", "checkbox", "combobox", "switch", "menuitem",
            "tab", "slider", "spinbutton", "listbox", "DisclosureTriangle"}


def ax_tree(page) -> list[dict]:
    """Chromium's whole accessibility tree for the page (what a screen reader is given)."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("Accessibility.enable")
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def _value(node: dict, key: str):
    return (node.get(key) or {}).get("value")


def _property(node: dict, name: str):
    return next((p["value"].get("value") for p in node.get("properties", []) if p["name"] == name), None)


def live_texts(page, role: str = "status") -> list[str]:
    """The text inside each live region of a role, as the accessibility tree holds it."""
    nodes = ax_tree(page)
    by_id = {n["nodeId"]: n for n in nodes}

    def text(node: dict) -> str:
        own = _value(node, "name") or "" if _value(node, "role") in ("StaticText", "InlineTextBox") else ""
        return own if own else " ".join(text(by_id[c]) for c in node.get("childIds", []) if c in by_id).strip()

    return [" ".join(text(n).split()) for n in nodes if not n.get("ignored") and _value(n, "role") == role]


def accessible_name_problems(page) -> list[str]:
    """Every control has a name, and no name ends in "¶" (WCAG 4.1.2, 2.4.6); the colour toggle's
    checked choice is the scheme on screen (R1); the menu button is named and says whether the menu
    is open (F1). Words are those of mkdocs.yml in the page's language."""
    lang = page.evaluate("document.documentElement.lang")
    words = ui(lang)
    nodes = [n for n in ax_tree(page) if not n.get("ignored")]
    problems = []
    for node in nodes:
        role, name = _value(node, "role"), (_value(node, "name") or "").strip()
        if role in CONTROLS and not name:
            problems.append(f"a {role} with no name")
        if role == "LabelText" and _property(node, "focusable"):
            problems.append(f"a focusable label with no role: {name!r} {node.get('backendDOMNodeId')}")
        if role in CONTROLS | {"heading"} and "¶" in name:
            problems.append(f"a {role} named {name!r}: the ¶ sign is read out")
        if role == "heading" and re.search(r"(Link to this section|Enlace a esta sección)$", name):
            problems.append(f"a heading whose name takes in its section link: {name!r}")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    shown = words["dark"] if scheme == "slate" else words["light"]
    radios = [n for n in nodes if _value(n, "role") == "radio" and _value(n, "name") in (words["light"], words["dark"])]
    checked = [_value(n, "name") for n in radios if _property(n, "checked") == "true"]
    if len(radios) != 2 or checked != [shown]:
        problems.append(f"colour toggle: radios {[_value(n, 'name') for n in radios]}, checked {checked}, "
                        f"while the page shows {shown!r}")
    menu = [n for n in nodes if _value(n, "role") == "button" and _value(n, "name") == words["menu"]]
    if page.viewport_size["width"] < 1220:  # Material's drawer is used below 76.25em
        if len(menu) != 1 or _property(menu[0], "expanded") is None:
            problems.append(f"no menu button named {words['menu']!r} that says whether the menu is open")
    return problems


# --- Language of parts (Spanish pages) ---------------------------------------------------------------

# English words the site itself writes: the templates' words, the colour toggle's tooltips, the
# section link's name. A Spanish page shows them only inside lang="en".
def _english_site_words() -> list[str]:
    english, spanish = ui("en"), ui("es")
    words = [v for k, v in english.items() if isinstance(v, str) and v != spanish.get(k)
             and k not in ("lang", "home", "locale", "other_lang", "other_name", "other_home", "correction_subject")]
    words += [p["toggle"]["name"] for p in mkdocs_config()["theme"]["palette"]]
    words.append(next(e["toc"] for e in mkdocs_config()["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
                 ["permalink_title"])
    return sorted({w for w in words if len(w) > 3})


ENGLISH_OUTSIDE_LANG_EN = """(words) => {
  const found = [];
  const outside = n => !n.closest('[lang]').lang.startsWith('en');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const p = t.parentElement;
    if (!p || p.closest('script, style, template') || !outside(p)) continue;
    for (const w of words) if (t.textContent.includes(w)) found.push(`"${w}" in the text of <${p.tagName.toLowerCase()}>`);
  }
  for (const e of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (!outside(e)) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
      for (const w of words) if ((e.getAttribute(a) || '') === w) found.push(`"${w}" as the ${a} of <${e.tagName.toLowerCase()}>`);
  }
  return found;
}"""


def language_problems(page) -> list[str]:
    """On a Spanish page, English only inside lang="en" (WCAG 3.1.2): the site's own words all
    translated, and each source cited "(en inglés)" has its English title marked."""
    if page.evaluate("document.documentElement.lang") != "es":
        return []
    problems = page.evaluate(ENGLISH_OUTSIDE_LANG_EN, _english_site_words())
    marker = ui("es")["in_english"].strip()
    unmarked = page.evaluate("""marker => [...document.querySelectorAll('.page-review__sources a')]
        .filter(a => a.textContent.trim().endsWith(marker) && !a.querySelector('[lang=en]'))
        .map(a => a.textContent.trim())""", marker)
    problems += [f"a source in English with no lang=\"en\": {title!r}" for title in unmarked]
    return problems


# --- The phone menu ---------------------------------------------------------------------------------

def _focused(page) -> str:
    return page.evaluate("""() => { const e = document.activeElement;
        return e ? (e.getAttribute('aria-label') || e.innerText || e.tagName).trim().slice(0, 60) : ''; }""")


def drawer_problems(page) -> list[str]:
    """At a phone's width: the menu button is a Tab stop, opens the menu with Enter and with Space,
    moves focus into it, closes it with Esc and takes focus back; closed, the menu's links are out
    of the Tab order (F1, F2)."""
    words = ui(page.evaluate("document.documentElement.lang"))
    problems = []
    hidden_links = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
        .filter(a => a.checkVisibility({visibilityProperty: true})).length""")
    if hidden_links:
        problems.append(f"menu closed: {hidden_links} of its links can still take focus")
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(5):
        page.keyboard.press("Tab")
        if _focused(page) == words["menu"]:
            break
    else:
        return problems + [f"Tab never reaches a button named {words['menu']!r}"]
    button = page.get_by_role("button", name=words["menu"], exact=True)
    # Open, Tab through the whole menu (every link on screen, with its ring), and out of it.
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    for _ in range(MAX_STOPS):
        if not page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)"):
            break
        stop = page.evaluate(STOP_JS)
        problems += [f"menu open: {stop['what']}: {p}" for p in stop["problems"]]
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    if page.evaluate("document.getElementById('__drawer').checked"):
        problems.append(f"focus left the menu for {_focused(page)!r}, and the menu stayed open over the page")
    button.focus()
    for key in ("Enter", " "):
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        state = page.evaluate("""() => ({open: document.getElementById('__drawer').checked,
            inside: document.querySelector('.md-sidebar--primary').contains(document.activeElement)})""")
        if not state["open"]:
            problems.append(f"{key!r} on the menu button does not open the menu")
            continue
        if button.get_attribute("aria-expanded") != "true":
            problems.append("the menu is open, but its button does not say so (aria-expanded)")
        if not state["inside"]:
            problems.append(f"the menu opened with {key!r}, and focus stayed on {_focused(page)!r}")
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        if page.evaluate("document.getElementById('__drawer').checked"):
            problems.append("Esc does not close the menu")
        if button.get_attribute("aria-expanded") != "false":
            problems.append("the menu is closed, but its button says it is open")
        if _focused(page) != words["menu"]:
            problems.append(f"the menu closed, and focus went to {_focused(page)!r}, not back to its button")
    return problems


# --- Search -------------------------------------------------------------------------------------------

def search_problems(page, width: int, query: str) -> list[str]:
    """Search is opened by a named button on a phone (by its field on a wide screen); once something
    is typed, Tab and Shift+Tab stay inside it (R3), each stop with a ring that shows (F9); the
    count of results is a live region (F7); Esc closes it and focus comes back to the button."""
    words = ui(page.evaluate("document.documentElement.lang"))
    problems = []
    if width < 960:  # Material's search is a whole-screen dialog below 60em
        opener = page.get_by_role("button", name=words["search"], exact=True)
        if opener.count() != 1:
            return [f"{width}px: no button named {words['search']!r}"]
        opener.focus()
        page.keyboard.press("Enter")
    else:
        page.locator(".md-search__input").focus()
    page.wait_for_timeout(300)
    if not page.evaluate("document.getElementById('__search').checked"):
        return problems + [f"{width}px: search did not open"]
    if page.get_attribute(".md-search", "aria-modal") != "true":
        problems.append(f"{width}px: the open search dialog is not modal (aria-modal)")
    page.keyboard.type(query)
    count = page.locator(".md-search-result__meta")
    try:
        page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=15_000)
    except Exception:
        problems.append(f"{width}px: searching for {query!r} found nothing")
    live = [t for t in live_texts(page) if re.search(r"\d", t)]
    if count.get_attribute("role") != "status" or not live:
        problems.append(f"{width}px: the result count {count.inner_text()!r} is not a status a screen reader says")
    for key in ["Tab"] * 6 + ["Shift+Tab"] * 9:
        page.keyboard.press(key)
        if not page.evaluate("document.querySelector('.md-search').contains(document.activeElement)"):
            problems.append(f"{width}px: {key} took focus out of the open search, to {_focused(page)!r}")
            break
        stop = page.evaluate(STOP_JS)  # each result on screen, with a ring that shows (F9)
        problems += [f"{width}px: in search, {key} {stop['what']}: {p}" for p in stop["problems"]]
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    if page.evaluate("document.getElementById('__search').checked"):
        problems.append(f"{width}px: Esc does not close search")
    if width < 960 and _focused(page) != words["search"]:
        problems.append(f"{width}px: search closed, and focus went to {_focused(page)!r}, not back to its button")
    return problems


# --- Tooltips -----------------------------------------------------------------------------------------

def tooltip_problems(page) -> list[str]:
    """A glossary word's meaning shows on focus and hides with Esc, focus staying on the word; it
    shows on hover, and stays while the pointer moves onto it; it is at least 14 px (F11, A3)."""
    word = page.locator("article abbr[tabindex]").first
    if not word.count():
        return []
    problems = []
    tip = page.locator(".md-tooltip2--active")
    word.focus()
    tip.wait_for(state="visible", timeout=5_000)
    size = tip.evaluate("t => parseFloat(getComputedStyle(t.firstElementChild).fontSize)")
    if size < 14:
        problems.append(f"a glossary word's meaning is {size}px text")
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    if tip.count() and tip.first.is_visible():
        problems.append("Esc does not hide a glossary word's meaning (keyboard focus)")
    if not page.evaluate("document.activeElement.matches('abbr')"):
        problems.append("Esc on a glossary word moved focus away from it")
    page.evaluate("document.activeElement.blur()")
    page.wait_for_timeout(600)
    word.hover()
    tip.wait_for(state="visible", timeout=5_000)
    box = tip.locator(".md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # within Material's 250 ms grace
    page.wait_for_timeout(600)
    if not (tip.count() and tip.first.is_visible()):
        problems.append("a glossary word's meaning disappears when the pointer moves onto it")
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    if tip.count() and tip.first.is_visible():
        problems.append("Esc does not hide a glossary word's meaning (pointer)")
    return problems


# === The slow, thorough walk, on two pages ===========================================================
# Every page of both editions gets keyboard_problems(), accessible_name_problems() and
# language_problems() in its one visit per colour scheme (test_every_page_as_a_reader_meets_it.py).
# What that fast walk leaves out (the header's stops, and the back-to-top button as it slides in on
# the way back up) is the same on every page: a long page on a phone, and the home page wide.

@pytest.mark.parametrize("page, width", [("records.md", 390), ("index.md", 1280)])
def test_a_settled_keyboard_walk_finds_every_stop_visible_and_uncovered(page, width, visit, site_url):
    v = visit(site_url + html_path(page), width=width, height=800)
    v.page.locator("button.site-menu").wait_for(state="attached", timeout=5_000)
    problems = settled_keyboard_problems(v.page, width)
    v.close()
    assert not problems, f"{page} at {width}px:\n" + "\n".join(problems)


# === One thing each ==================================================================================

@pytest.mark.parametrize("scheme", ["light"])  # the menu works the same in dark; its colours are checked per page
@pytest.mark.parametrize("page", ["records.md", "records.es.md"])
def test_the_phone_menu_is_a_real_button(page, scheme, visit, site_url):
    v = visit(site_url + html_path(page), width=390, height=800, scheme=scheme)
    problems = drawer_problems(v.page)
    v.close()
    assert not problems, f"{page}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("page, query", [("records.md", "records"), ("records.es.md", "expediente")])
def test_search_keeps_focus_says_its_count_and_closes_with_esc(page, query, width, visit, site_url):
    v = visit(site_url + html_path(page), width=width, height=800)
    problems = search_problems(v.page, width, query)
    v.close()
    assert not problems, f"{page}:\n" + "\n".join(problems)


def test_tabbing_past_the_search_field_on_a_wide_screen_goes_on_to_the_page(visit, site_url):
    """Tab stays in search only once something is typed, so tabbing through the header never traps."""
    v = visit(site_url + html_path("records.md"), width=1280, height=800)
    v.page.locator(".md-search__input").focus()
    v.page.keyboard.press("Tab")
    left = v.page.evaluate("!document.querySelector('.md-search').contains(document.activeElement)")
    closed = not v.page.evaluate("document.getElementById('__search').checked")
    v.close()
    assert left and closed, "Tab from the empty search field did not move on to the page"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["records.md", "glossary.es.md"])
def test_a_tooltip_closes_with_esc_and_can_be_hovered(page, scheme, visit, site_url):
    v = visit(site_url + html_path(page), width=1280, height=800, scheme=scheme)
    problems = tooltip_problems(v.page)
    v.close()
    assert not problems, f"{page}:\n" + "\n".join(problems)


COPY_COLOURS = CONTRAST_JS + """
() => [...document.querySelectorAll('.sample-message .md-code__button')].map(b => {
  const icon = __contrast.rgba(getComputedStyle(b).color);
  const behind = __contrast.backdrop(b, true);
  return __contrast.ratio(__contrast.over(icon, behind), behind);
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["letters.md", "letters.es.md"])
def test_copy_buttons_are_seen_named_and_heard(page, scheme, visit, site_url):
    """At rest, with no pointer over them (a phone), the copy icons stand out at 3:1 (F4); a copy
    button keeps its name while it has focus (F5); "Copied" is a status a screen reader says (F6)."""
    v = visit(site_url + html_path(page), width=390, height=800, scheme=scheme)
    button = v.page.locator(".sample-message button.md-code__button[data-md-type=copy]").first
    button.wait_for(state="attached", timeout=5_000)
    v.page.mouse.move(1, 799)
    ratios = v.page.evaluate(COPY_COLOURS)
    notice_role = v.page.get_attribute(".md-dialog", "role")
    button.focus()
    v.page.wait_for_timeout(400)  # Material's tooltip takes the title away now
    names = [_value(n, "name") for n in ax_tree(v.page)
             if _property(n, "focused") and _value(n, "role") == "button"]
    v.page.keyboard.press("Enter")
    v.page.locator(".md-dialog--active").wait_for(timeout=5_000)
    said = live_texts(v.page)
    text = v.page.inner_text(".md-dialog")
    v.close()
    assert ratios and min(ratios) >= 3, f"copy icons at rest: {[round(r, 2) for r in ratios]}:1"
    assert names and all(names), f"the focused copy button has no name: {names}"
    assert notice_role == "status", f"the copied notice is role={notice_role!r} before anything is copied"
    assert any(text.strip() in s for s in said if s), f"{text!r} is not in a status region: {said}"


SEARCH_COUNT_COLOUR = CONTRAST_JS + """
() => { const m = document.querySelector('.md-search-result__meta');
  const behind = __contrast.backdrop(m, true);
  return __contrast.ratio(__contrast.over(__contrast.rgba(getComputedStyle(m).color), behind), behind); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_result_count_is_readable(scheme, visit, site_url):
    v = visit(site_url + html_path("records.md"), width=1280, height=800, scheme=scheme)
    v.page.locator(".md-search__input").focus()
    v.page.keyboard.type("records")
    v.page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
                             timeout=15_000)
    ratio = v.page.evaluate(SEARCH_COUNT_COLOUR)
    v.close()
    assert ratio >= 4.5, f"{scheme}: the result count is {ratio:.2f}:1"


@pytest.mark.parametrize("page", ["records.md", "records.es.md"])
def test_tapping_a_glossary_word_in_a_checklist_does_not_tick_it(page, browser, site_url):
    """R2: the word shows its meaning; the box stays as it was."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + html_path(page))
    word = tab.locator(".checklist label abbr").first
    box = word.locator("xpath=ancestor::label[1]//input[@type='checkbox']")
    word.scroll_into_view_if_needed()
    before = box.is_checked()
    word.tap()
    tab.locator(".md-tooltip2--active").wait_for(state="visible", timeout=5_000)
    after = box.is_checked()
    context.close()
    assert after == before, "tapping a glossary word in a checklist item ticked the box"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_organisers_messages_are_heard_even_when_repeated(lang, visit, site_url, tmp_path):
    """R4: a message the same as the last one is still announced (the region is emptied first), and
    cancelling a removal says so instead of leaving the last message; R6: an error is an alert,
    a new one each time."""
    page = "my-plan.md" if lang == "en" else "my-plan.es.md"
    v = visit(site_url + html_path(page), width=1280, height=800)
    v.page.evaluate("""() => { window.__said = [];
        new MutationObserver(() => window.__said.push(document.getElementById('plan-message').textContent))
          .observe(document.getElementById('plan-message'), {childList: true, subtree: true, characterData: true}); }""")
    bad = tmp_path / "not-a-plan.json"
    bad.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    open_name = "Open a saved copy" if lang == "en" else "Abrir una copia guardada"
    alerts = []
    for _ in range(2):
        with v.page.expect_file_chooser() as chooser:
            v.page.get_by_role("button", name=open_name).click()
        chooser.value.set_files(str(bad))
        alert = v.page.locator("#plan-message [role=alert]")
        alert.wait_for(timeout=5_000)
        alerts.append(alert.evaluate("a => (a.dataset.seen = (a.dataset.seen || '') + 'x', a.dataset.seen)"))
    said = v.page.evaluate("window.__said")
    # Cancel the removal of an entry with text in it.
    v.page.fill("#log-1-date", "Mon 3 Nov")
    v.page.once("dialog", lambda dialog: dialog.dismiss())
    v.page.get_by_role("button", name="Remove entry 1" if lang == "en" else "Quitar la nota 1").click()
    v.page.wait_for_timeout(300)
    after_cancel = v.page.inner_text("#plan-message").strip()
    v.close()
    assert alerts == ["x", "x"], "the second error was not a new alert (a screen reader would not say it again)"
    texts = [t for t in said if t]
    assert len(texts) >= 2 and "" in said[said.index(texts[0]):], f"the repeated error was never emptied first: {said}"
    want = "Nothing was removed." if lang == "en" else "No se quitó nada."
    assert after_cancel == want, f"after a cancelled removal the message is {after_cancel!r}"


def test_a_focused_section_link_shows_at_once(visit, site_url):
    """A5: the ¶ link shows in full the moment it has focus (it faded in over a quarter second,
    at 2.2:1 while it did; the keyboard pass waits for movement to stop, so it is checked here)."""
    v = visit(site_url + html_path("records.md"), width=1280, height=800)
    link = v.page.locator("article h2 .headerlink").first
    link.focus()
    moving = link.evaluate("a => a.getAnimations().map(x => x.transitionProperty || x.animationName)")
    v.close()
    assert not moving, f"a focused section link is still fading in: {moving}"


@pytest.mark.parametrize("page", ["index.md", "index.es.md"])
def test_the_home_pages_title_is_the_site_name_once(page, page_soup):
    title = page_soup(page).title.get_text()
    names = {"en": mkdocs_config()["site_name"], "es": "Segunda opinión sobre el cáncer de su hijo"}
    assert title == names[language(page)], f"{page}: <title>{title}</title>"


SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


@pytest.mark.parametrize("page", ["index.md", "index.es.md", "teens-and-young-adults.md"])
def test_the_site_name_stays_inside_the_header_with_text_spacing_at_320px(page, visit, site_url):
    """F13: with WCAG's text spacing at 320 px the site name wraps to four lines; the header grows
    to hold them, where they spilled onto the page white on white."""
    v = visit(site_url + html_path(page), width=320, height=640)
    v.page.add_style_tag(content=SPACING)
    spill = v.page.evaluate("""() => { const h = document.querySelector('.md-header').getBoundingClientRect();
        return [...document.querySelectorAll('.md-header__topic:first-child .md-ellipsis')].map(e => e.getBoundingClientRect())
          .filter(r => r.bottom > h.bottom + 1 || r.top < h.top - 1).map(r => [r.top, r.bottom, h.bottom]); }""")
    v.close()
    assert not spill, f"{page}: the site name spills out of the header: {spill}"


def test_a_parent_who_types_siblings_finds_the_guides_word_for_it(page_soup):
    """The glossary carries the reader's word; the guide says "brothers and sisters"."""
    glossary = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
                for dt in page_soup("glossary.md").select("article dt")}
    assert "brothers and sisters" in glossary.get("siblings", ""), "no glossary entry for siblings"
    spanish = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
               for dt in page_soup("glossary.es.md").select("article dt")}
    assert "hermanas" in spanish.get("hermanos", ""), "no glossary entry for hermanos"
    queries = (Path(__file__).parent / "parent_queries.toml").read_text(encoding="utf-8")
    assert 'words = "siblings"' in queries, "no parent query for siblings in parent_queries.toml"
