"""Search that understands a parent: their own words find the answer in the first three results.

The queries, and the sections that answer each, are in tests/parent_queries.toml (and
parent_queries.es.toml). Each is typed into the real search box in Chromium, over http and from
files, as a reader would. To see how many pass while tuning search, run
`.venv/bin/python tests/parent_search.py site` (add `es` for the Spanish edition).
The last tests check that search forgives accents and ñ, as people type on a phone.
"""

from __future__ import annotations

import unicodedata

import pytest

from parent_search import SPANISH_QUERIES_FILE, TOP, SearchBox, answers, load_queries
from sitemodel import html_path

QUERIES = load_queries()
SPANISH_QUERIES = load_queries(SPANISH_QUERIES_FILE)


def test_there_are_at_least_forty_queries_in_a_parents_words():
    assert len(QUERIES) >= 40, f"only {len(QUERIES)} parent queries in parent_queries.toml"
    short = [q.words for q in QUERIES if len(q.words.split()) < 2 and not q.words.isupper()]
    assert len(short) <= len(QUERIES) // 4, f"too many one-word queries: {short}"


def test_every_expected_answer_is_a_real_section(soups):
    """An answer that names a page or section that does not exist would make a test meaningless."""
    wrong = []
    for q in QUERIES + SPANISH_QUERIES:
        for answer in q.answers:
            page, _, section = answer.partition("#")
            soup = soups.get(html_path(page))
            if soup is None or (section and soup.find(id=section) is None):
                wrong.append(f"{q.words!r} -> {answer}")
    assert not wrong, "answers in parent_queries.toml that do not exist:\n" + "\n".join(wrong)


def _search_box(request, browser, site_url, site_dir, home: str):
    base = site_url if request.param == "http" else site_dir.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + home)
    return context, SearchBox(page, base)


@pytest.fixture(scope="session", params=["http", "file"])
def search_box(request, browser, site_url, site_dir):
    context, box = _search_box(request, browser, site_url, site_dir, "index.html")
    yield box
    context.close()


@pytest.fixture(scope="session", params=["http", "file"])
def spanish_search_box(request, browser, site_url, site_dir):
    context, box = _search_box(request, browser, site_url, site_dir, "es/index.html")
    yield box
    context.close()


def assert_answered(query, box: SearchBox) -> None:
    groups = box.top_results(query.words)
    found = [t for group in groups for t in group]
    assert any(answers(t, query) for t in found), (
        f"searching {query.words!r}: no answer ({', '.join(query.answers)}) in the first {TOP} results; "
        f"got {[g[:2] for g in groups]}"
    )


@pytest.mark.parametrize("query", QUERIES, ids=[q.words for q in QUERIES])
def test_a_parents_words_find_the_answer_in_the_first_three_results(query, search_box):
    assert_answered(query, search_box)


def test_there_are_at_least_forty_spanish_queries_typed_without_accents():
    """As on a phone: "medico", "nino", "telefono en espanol" (issue 21), beside the accented ones."""
    plain = [q for q in SPANISH_QUERIES if q.words == without_accents(q.words)]
    assert len(plain) >= 40, f"only {len(plain)} Spanish queries without accents in parent_queries.es.toml"


@pytest.mark.parametrize("query", SPANISH_QUERIES, ids=[q.words for q in SPANISH_QUERIES])
def test_a_spanish_speaking_parents_words_find_the_answer_in_the_first_three_results(query, spanish_search_box):
    assert_answered(query, spanish_search_box)


# Search forgives accents and ñ (issue 21): assets/javascripts/lunr/min/lunr.fold.min.js folds the
# words of the index inside Material's search worker, assets/javascripts/guide.js the reader's.

ACCENTED = ["médico", "niño", "recaída", "diagnóstico", "oncólogo", "línea de ayuda en español"]
MARKS = "() => [...document.querySelectorAll('.md-search-result__item mark')].map(m => m.textContent)"


def without_accents(words: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", words) if not unicodedata.combining(c))


@pytest.mark.parametrize("words", ACCENTED)
def test_a_word_finds_the_same_answers_with_or_without_accents(words, spanish_search_box):
    accented = spanish_search_box.top_results(words)
    assert accented, f"searching {words!r} found nothing"
    plain = spanish_search_box.top_results(without_accents(words))
    assert plain == accented, f"{without_accents(words)!r} found {plain}, {words!r} found {accented}"


def test_a_result_shows_the_word_as_the_guide_writes_it_with_the_readers_word_highlighted(spanish_search_box):
    spanish_search_box.top_results("medico")
    marked = spanish_search_box.page.evaluate(MARKS)
    assert marked, "searching 'medico' highlighted nothing in the results"
    wrong = [m for m in marked if not m.lower().startswith("médic")]
    assert not wrong, f"searching 'medico' highlighted words not written 'médico': {wrong}"


def test_an_opening_question_mark_is_not_part_of_a_headings_first_word(spanish_search_box):
    """In "¿Medicaid o CHIP pagan...?" the word is Medicaid: mkdocs.yml's separator splits at ¿.
    ("pagan" narrows the search to that heading: many pages now name Medicaid.)"""
    groups = spanish_search_box.top_results("Medicaid pagan")
    marked = spanish_search_box.page.evaluate(MARKS)
    assert "Medicaid" in marked and not [m for m in marked if "¿" in m], f"highlighted: {marked}"
    shown = [target for group in groups for target in group]
    assert "costs.es.md#does-medicaid-or-chip-pay-for-a-second-opinion" in shown, groups


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_the_page_a_result_opens_highlights_the_readers_words_as_the_page_writes_them(
        scheme, browser, site_url, site_dir):
    base = site_url if scheme == "http" else site_dir.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "es/index.html")
    box = SearchBox(page, base)
    assert box.top_results("expediente medico"), "searching 'expediente medico' found nothing"
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10_000)
    marked = page.evaluate("() => [...document.querySelectorAll('article mark[data-md-highlight]')].map(m => m.textContent)")
    context.close()
    assert any("médic" in m.lower() for m in marked), f"the page highlighted {marked}, not 'médico'"
