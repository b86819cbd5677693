"""The guide's content: plain language, reachable pages, a glossary that matches its tooltips,
and checklists that work."""

from __future__ import annotations

import re
import tomllib
from collections import deque
from pathlib import Path

import pytest

from reading_level import MAX_GRADE, MIN_INFLESZ, grade, inflesz, words
from pages import ENGLISH_PAGES, PAGES, SPANISH_PAGES, spanish
from siterules import resolve
from sitemodel import DOCS, english, html_path, language, nav_pages

ABBREVIATIONS = {"en": DOCS / "_snippets" / "abbreviations.md", "es": DOCS / "_snippets" / "abbreviations.es.md"}
GLOSSARY = {"en": "glossary.md", "es": "glossary.es.md"}
CHECKLIST_PAGES = [p for p in PAGES if 'class="checklist' in (DOCS / p).read_text(encoding="utf-8")]


def main_text(soup) -> str:
    """The prose a reader reads: the article, without permalinks, code, review line and sources."""
    article = soup.select_one("article.md-content__inner").__copy__()
    for junk in article.select(".headerlink, pre, code, .page-review, .language-switch, script, style"):
        junk.decompose()
    blocks = []
    for element in article.find_all(["h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "td", "th"]):
        if element.find(["p", "li", "dd", "ul", "ol"]):
            continue  # a container: its children are read on their own
        text = element.get_text(" ", strip=True)
        if text:
            blocks.append(text if re.search(r"[.!?:]$", text) else text + ".")
    return "\n".join(blocks)


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_every_page_reads_at_grade_8_or_lower(page, page_soup):
    text = main_text(page_soup(page))
    level = grade(text)
    print(f"{page}: Flesch-Kincaid grade {level}, {words(text)} words")
    assert level <= MAX_GRADE, f"{page}: reading grade {level} is above {MAX_GRADE}; use shorter sentences and words"


@pytest.mark.parametrize("page", SPANISH_PAGES)
def test_every_spanish_page_reads_as_bastante_facil_or_easier(page, page_soup):
    """Szigriszt-Pazos (INFLESZ) 65 or more, on the same paragraphs the English measure reads."""
    text = main_text(page_soup(page))
    score = inflesz(text)
    print(f"{page}: INFLESZ {score}, {words(text)} words")
    assert score >= MIN_INFLESZ, f"{page}: INFLESZ {score} is below {MIN_INFLESZ}; use shorter sentences and words"


def test_the_navigation_holds_every_page():
    missing = sorted(set(ENGLISH_PAGES) - set(nav_pages()))
    assert not missing, f"pages not in mkdocs.yml nav: {missing}"
    assert nav_pages()[0] == "index.md", "the home page must come first in the navigation"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_is_within_two_clicks_of_home(lang, soups):
    """Breadth-first over every link a reader can click on the home page and the pages it leads to."""
    home = html_path("index.md" if lang == "en" else "index.es.md")
    distance = {home: 0}
    queue = deque([home])
    while queue:
        path = queue.popleft()
        if distance[path] == 2:
            continue
        for a in soups[path].find_all("a", href=True):
            target = (resolve(path, a["href"]) or (None,))[0]
            if target in soups and target not in distance:
                distance[target] = distance[path] + 1
                queue.append(target)
    far = [page for page in PAGES if language(page) == lang and html_path(page) not in distance]
    assert not far, f"pages more than two clicks from home: {far}"


def _tooltips(lang: str) -> dict[str, str]:
    entries = {}
    for line in ABBREVIATIONS[lang].read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\*\[(.+?)\]:\s*(.+)$", line)
        if match:
            entries[match.group(1)] = match.group(2).strip()
        elif line.strip():
            pytest.fail(f"{ABBREVIATIONS[lang].name}: line is not '*[term]: definition': {line!r}")
    return entries


def _glossary(page_soup, lang: str) -> dict[str, str]:
    article = page_soup(GLOSSARY[lang]).select_one("article")
    entries = {}
    for dt in article.find_all("dt"):
        dd = dt.find_next_sibling("dd")
        entries[dt.get_text(" ", strip=True)] = dd.get_text(" ", strip=True) if dd else ""
    return entries


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_tooltip_term_has_the_same_glossary_entry(lang, page_soup):
    """One meaning per word: the tooltip says exactly what the glossary says.

    The glossary may hold a few words that get no tooltip: "second opinion" and "care team"
    are on every line of this site, and dotted underlines under them would only add noise.
    """
    glossary, tooltips = _glossary(page_soup, lang), _tooltips(lang)
    assert tooltips, "no tooltip terms defined"
    missing = [term for term in tooltips if term not in glossary]
    assert not missing, f"tooltip terms with no glossary entry: {missing}"
    differ = [term for term, text in tooltips.items() if glossary[term] != text]
    assert not differ, f"tooltip and glossary say different things for: {differ}"


def test_a_glossary_word_shows_its_meaning_when_tapped(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + html_path("what-it-does.md"))
    word = page.locator("article abbr[title]").first
    meaning = word.get_attribute("title")
    word.scroll_into_view_if_needed()
    word.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    shown = tooltip.inner_text()
    context.close()
    assert meaning in shown, f"tapping a glossary word showed {shown!r}, not its meaning {meaning!r}"


@pytest.mark.parametrize("page", PAGES)
def test_each_glossary_word_takes_keyboard_focus_once_per_page(page, page_soup):
    """The first use of each word is a tab stop (WCAG 2.1.1); later uses add no more tab stops."""
    words = [a for a in page_soup(page).select("article abbr[title]") if not a.find_parent("a")]
    inside_links = page_soup(page).select("article a abbr[tabindex]")
    assert not inside_links, f"{page}: glossary words inside links are extra tab stops: {inside_links}"
    focusable = [" ".join(a.get_text().split()).casefold() for a in words if a.get("tabindex") == "0"]
    used = {" ".join(a.get_text().split()).casefold() for a in words}
    twice = sorted({w for w in focusable if focusable.count(w) > 1})
    assert not twice, f"{page}: glossary words with more than one tab stop: {twice}"
    unreachable = sorted(used - set(focusable))
    assert not unreachable, f"{page}: glossary words a keyboard cannot reach: {unreachable}"


@pytest.mark.parametrize("page", PAGES)
def test_each_glossary_word_is_explained_once_per_section(page, page_soup):
    """One tooltip per word in each h2 section: no dotted underline under every repeat, and no
    tooltip Material must set up for nothing when the page opens (extensions/glossary_words.py)."""
    article = page_soup(page).select_one("article")
    seen: set[str] = set()
    repeats: list[str] = []
    for element in article.find_all(["h1", "h2", "abbr"]):
        if element.name != "abbr":
            seen = set()
        elif not element.find_parent("a"):
            word = " ".join(element.get_text().split()).casefold()
            if word in seen:
                repeats.append(word)
            seen.add(word)
    assert not repeats, f"{page}: glossary words explained twice in one section: {sorted(set(repeats))}"
    in_terms = article.select("dt abbr")
    assert not in_terms, f"{page}: glossary terms that are tooltips of themselves: {in_terms[:3]}"


def test_a_glossary_word_shows_its_meaning_when_reached_by_keyboard(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + html_path("what-it-does.md"))
    meaning = page.locator("article abbr[tabindex='0']").first.get_attribute("title")
    for _ in range(300):  # Tab through the page, as a keyboard user does, until a glossary word
        page.keyboard.press("Tab")
        # abbr[tabindex], not abbr[title]: Material takes the title off while its tooltip shows.
        if page.evaluate("() => document.activeElement.matches('article abbr[tabindex]')"):
            break
    else:
        pytest.fail("Tab never reached a glossary word on what-it-does.md")
    # The tooltip of the link focused just before may still be fading out: wait for this one.
    tooltip = page.locator(".md-tooltip2--active", has_text=meaning)
    try:
        tooltip.wait_for(state="visible", timeout=5_000)
    except Exception:
        shown = page.locator(".md-tooltip2--active").all_inner_texts()
        pytest.fail(f"focusing a glossary word showed {shown!r}, not its meaning {meaning!r}")
    finally:
        context.close()


QUESTIONS_PAGES = ["common-questions.md", "common-questions.es.md"]
# Pages that answer no question of their own: the home page, the list of questions itself,
# and the reference pages that every other page links to.
NOT_ANSWER_PAGES = {"index.md", "common-questions.md", "glossary.md", "about.md"}


@pytest.mark.parametrize("questions_page", QUESTIONS_PAGES)
def test_questions_parents_ask_lists_at_least_sixty_questions_each_linked_to_its_answer(questions_page, page_soup):
    links = [a for a in page_soup(questions_page).select("article li > a[href]")
             if not a.find_parent(class_="page-review")]
    questions = [a for a in links if a.get_text(strip=True).endswith("?")]
    assert len(questions) >= 60, f"{questions_page} lists {len(questions)} questions; it should list at least 60"
    without_section = [a.get_text() for a in questions if "#" not in a["href"] and "glossary" not in a["href"]]
    assert not without_section, f"questions that link to a page, not to the section that answers: {without_section}"


@pytest.mark.parametrize("questions_page", QUESTIONS_PAGES)
def test_questions_parents_ask_reaches_every_page_that_answers_questions(questions_page, page_soup):
    linked = {a["href"].split("#")[0].removesuffix(".html") + ".md"
              for a in page_soup(questions_page).select("article a[href]") if not a.find_parent(class_="page-review")}
    missing = sorted(set(ENGLISH_PAGES) - NOT_ANSWER_PAGES - linked)
    assert not missing, f"{questions_page} has no question leading to: {missing}"


@pytest.mark.parametrize("questions_page", QUESTIONS_PAGES)
def test_questions_parents_ask_is_one_tap_from_home_and_in_the_navigation(questions_page, page_soup):
    home = "index.md" if language(questions_page) == "en" else "index.es.md"
    home_links = {a["href"] for a in page_soup(home).select("article a[href]")}
    assert "common-questions.html" in home_links, f"{home} does not link to Questions parents ask"
    assert english(questions_page) in nav_pages()[:3], "Questions parents ask should sit near the top of the navigation"


# Wording a fact-check or a review corrected, which must not come back: tests/corrected_wording.toml.
CORRECTED = tomllib.loads((Path(__file__).with_name("corrected_wording.toml")).read_text(encoding="utf-8"))["wording"]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_repeats_a_corrected_fact(page):
    text = " ".join((DOCS / page).read_text(encoding="utf-8").split())
    found = [f"{c['pattern']!r} ({c['why']})" for c in CORRECTED
             if language(page) in c["languages"] and re.search(c["pattern"], text)]
    assert not found, f"{page} repeats wording a fact-check corrected: {found}"


@pytest.mark.parametrize("page", PAGES)
def test_every_glossary_word_on_a_page_has_the_meaning_of_its_own_language(page, page_soup):
    """A Spanish page never shows an English meaning (COG, MRI and HIPAA are words of both)."""
    meanings = set(_tooltips(language(page)).values())
    shown = {a["title"] for a in page_soup(page).select("article abbr[title]")}
    foreign = sorted(shown - meanings)
    assert not foreign, f"{page}: tooltips that are not in its own glossary: {foreign[:3]}"
