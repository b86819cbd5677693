"""Search that understands a parent: their own words find the answer in the first three results.

The queries, and the sections that answer each, are in tests/parent_queries.toml. Each is typed
into the real search box in Chromium, over http and from files, as a reader would. To see how
many pass while tuning search, run `.venv/bin/python tests/parent_search.py site`.
"""

from __future__ import annotations

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


def test_there_are_at_least_twenty_spanish_queries():
    assert len(SPANISH_QUERIES) >= 20, f"only {len(SPANISH_QUERIES)} Spanish queries in parent_queries.es.toml"


@pytest.mark.parametrize("query", SPANISH_QUERIES, ids=[q.words for q in SPANISH_QUERIES])
def test_a_spanish_speaking_parents_words_find_the_answer_in_the_first_three_results(query, spanish_search_box):
    assert_answered(query, spanish_search_box)
