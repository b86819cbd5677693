"""Accessible to WCAG 2.2 AA: keyboard, text spacing, motion, colour and valid HTML.

axe-core, reflow at 320 px and target sizes run on every page in
test_every_page_as_a_reader_meets_it.py, in the one visit each page gets per colour scheme."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from pages import PAGES
from sitemodel import ROOT, html_path, language

VIEWPORTS = {"phone": 390, "desktop": 1280}
SCHEMES = ["light", "dark"]
KEYBOARD_PAGES = ["index.md", "records.md", "how-to-ask.md", "glossary.md"]
SPACING_PAGES = ["index.md", "records.md", "questions.md"]

# Nu HTML Checker messages we accept, each with the reason. Keep this list short.
VNU_ACCEPTED: dict[str, str] = {
    # Material's two hidden toggles (menu drawer, search) carry autocomplete="off" so Firefox does
    # not restore an open menu after a reload. The spec lists no autocomplete for checkboxes, but
    # browsers honour it there and nothing else reads it; removing it would mean copying base.html.
    "Attribute “autocomplete” is only allowed when the input type is": "Material's toggles, see above",
}

FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest("[hidden]")
             && e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && (() => {
      const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })())
  .map((e, i) => { e.dataset.tabProbe = i; return e.outerHTML.slice(0, 120); })"""

FOCUS_STYLE = """() => { const e = document.activeElement;
  const target = e.matches('input[type=checkbox]') ? e.nextElementSibling || e : e;
  const s = getComputedStyle(target);
  return {html: e.outerHTML.slice(0, 120), tag: e.tagName, probe: e.dataset.tabProbe,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineColor + ' ' + s.outlineWidth : '',
          shadow: s.boxShadow === 'none' ? '' : s.boxShadow,
          inMain: !!e.closest('article')}; }"""


@pytest.mark.parametrize("page", KEYBOARD_PAGES)
def test_keyboard_reaches_everything_and_shows_where_it_is(page, visit, site_url):
    v = visit(site_url + html_path(page), width=1280)
    v.page.keyboard.press("Tab")
    first = v.page.evaluate(FOCUS_STYLE)
    assert "md-skip" in first["html"], f"{page}: first Tab stop is not the skip link: {first['html']}"
    assert v.page.locator(".md-skip").is_visible(), f"{page}: the skip link is not visible when focused"
    v.page.keyboard.press("Enter")
    v.page.keyboard.press("Tab")
    after_skip = v.page.evaluate(FOCUS_STYLE)
    assert after_skip["inMain"], f"{page}: after the skip link, focus went to {after_skip['html']}"

    v.page.reload()
    expected = dict(enumerate(v.page.evaluate(FOCUSABLE)))  # each element tagged data-tab-probe=i
    # Each stop is noted as it takes focus, so the keys are pressed without a round trip each
    # (one per stop made this walk 8 s a page).
    v.page.evaluate(f"() => {{ window.__stops = []; const style = {FOCUS_STYLE};"
                    "document.addEventListener('focusin', () => window.__stops.push(style())); }")
    for _ in range(0, len(expected) * 2 + 20, 20):
        for _ in range(20):
            v.page.keyboard.press("Tab")
        if v.page.evaluate("() => document.activeElement === document.body || !document.hasFocus()"):
            break
    reached, unmarked = set(), []
    for focused in v.page.evaluate("() => window.__stops"):
        if focused["probe"] is not None:
            reached.add(int(focused["probe"]))
        if not (focused["outline"] or focused["shadow"]):
            unmarked.append(focused["html"])
    missing = [html for i, html in expected.items() if i not in reached]
    v.close()
    assert not missing, f"{page}: not reachable by Tab:\n" + "\n".join(missing)
    assert not unmarked, f"{page}: focused with no visible outline:\n" + "\n".join(unmarked)


TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

CLIPPED = """() => [...document.querySelectorAll('article *, .md-header *, .md-footer *')].filter(e => {
    const s = getComputedStyle(e);
    const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    const r = e.getBoundingClientRect();
    const onScreen = r.right > 0 && r.left < innerWidth;   /* closed overlays sit off screen */
    return clips && onScreen && e.checkVisibility() && e.innerText && e.innerText.trim() &&
      (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
  }).map(e => e.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("width", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("page", SPACING_PAGES)
def test_text_spacing_clips_nothing(page, width, visit, site_url):
    v = visit(site_url + html_path(page), width=width)
    v.page.add_style_tag(content=TEXT_SPACING)
    clipped = v.page.evaluate(CLIPPED)
    scroll_width = v.page.evaluate("document.documentElement.scrollWidth")
    v.close()
    assert scroll_width <= width, f"{page}: text spacing makes the page {scroll_width}px wide"
    assert not clipped, f"{page}: text clipped with WCAG text spacing:\n" + "\n".join(clipped)


def test_motion_stops_when_the_reader_asks_for_less(visit, site_url):
    v = visit(site_url + "index.html", reduced_motion="reduce")
    moving = v.page.evaluate("""() => [...document.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        const longest = v => Math.max(...v.split(',').map(parseFloat));
        return longest(s.transitionDuration) > 0.001 || (s.animationName !== 'none' && longest(s.animationDuration) > 0.001);
      }).map(e => e.outerHTML.slice(0, 100))""")
    v.close()
    assert not moving, "elements still animate with prefers-reduced-motion:\n" + "\n".join(moving[:10])


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


UI_COLOURS = """() => {
  const rgb = c => { const x = document.createElement('div'); x.style.color = c; document.body.append(x);
    const v = getComputedStyle(x).color.match(/[\\d.]+/g).map(Number); x.remove(); return v; };
  const css = getComputedStyle(document.body);
  const box = document.querySelector('.checklist .task-list-indicator');
  return {background: rgb(css.getPropertyValue('--md-default-bg-color')),
          focus: rgb(css.getPropertyValue('--md-accent-fg-color')),
          link: rgb(css.getPropertyValue('--md-typeset-a-color')),
          checkbox: rgb(getComputedStyle(box, '::before').borderTopColor)};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_links_focus_rings_and_checkboxes_stand_out_from_the_page(scheme, visit, site_url):
    v = visit(site_url + html_path("records.md"), scheme=scheme)
    colours = v.page.evaluate(UI_COLOURS)
    v.close()
    background = colours.pop("background")
    need = {"link": 4.5, "focus": 3.0, "checkbox": 3.0}
    weak = {k: round(contrast(c, background), 2) for k, c in colours.items() if contrast(c, background) < need[k]}
    assert not weak, f"{scheme}: contrast below WCAG against the page background: {weak}"


def test_every_page_is_valid_html(site_dir):
    java = shutil.which("java")
    assert java, "java is missing: `make test` installs it (the Nu HTML Checker needs it)"
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), f"{jar} is missing: `make deps` installs it (npm package vnu-jar)"
    result = subprocess.run([java, "-jar", str(jar), "--format", "json", "--skip-non-html", str(site_dir)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages
              if m["type"] == "error" and not any(m["message"].startswith(k) for k in VNU_ACCEPTED)]
    report = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert not report, "Nu HTML Checker errors:\n" + "\n".join(report[:40])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_declares_its_language(page, page_soup):
    soup = page_soup(page)
    assert soup.html.get("lang") == language(page), f"{page}: <html lang> must be {language(page)!r}"
    for element in soup.find_all(attrs={"lang": True}):
        assert element["lang"].strip(), f"{page}: empty lang attribute on <{element.name}>"
