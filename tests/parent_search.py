"""Type a parent's words into the site's real search box and read the first results.

Shared by tests/test_search_understands_a_parent.py and by `python tests/parent_search.py [site] [es]`,
which prints how many queries pass, so a change to the search settings can be measured
before and after (the tests only say pass or fail).
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import sitemodel

QUERIES_FILE = Path(__file__).with_name("parent_queries.toml")
SPANISH_QUERIES_FILE = Path(__file__).with_name("parent_queries.es.toml")
TOP = 3  # a parent on a phone reads the first few results, no more

# The first TOP result groups (Material groups results by page), and in each the links a reader
# sees without opening "more on this page": the page itself and its best-matching sections.
READ_TOP_RESULTS = """top => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]
  .slice(0, top)
  .map(item => [...item.querySelectorAll('a.md-search-result__link')]
    .filter(a => !a.closest('details'))
    .map(a => a.href))"""


@dataclass(frozen=True)
class Query:
    words: str
    answers: tuple[str, ...]  # "page.md" (any part of the page) or "page.md#section"


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Query(q["words"], tuple(q["answers"])) for q in data["query"]]


def as_target(href: str, base_url: str) -> str:
    """'costs.md#does-insurance-pay' for a result link, relative to the site's root."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    root = unquote(urlsplit(base_url).path)
    page = sitemodel.page_at(path[len(root):] if path.startswith(root) else path)  # es/costs.html: costs.es.md
    return page + (f"#{parts.fragment}" if parts.fragment else "")


def answers(target: str, query: Query) -> bool:
    page = target.split("#")[0]
    return any(target == a or ("#" not in a and page == a) for a in query.answers)


class SearchBox:
    """The search box of one open page, driven as a reader drives it."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_function(
            # Material's "Initializing search" label, in either edition's words
            "() => !/Initializing|Inicializando/i.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=15_000,
        )

    def top_results(self, words: str) -> list[list[str]]:
        """The targets of the first TOP result groups for these words."""
        self.page.evaluate("() => document.querySelector('.md-search-result__meta').textContent = 'pending'")
        box = self.page.locator("input.md-search__input")
        box.fill(words)
        box.press("End")  # Material reads the query on keyup
        self.page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent !== 'pending'",
            timeout=10_000,
        )
        groups = self.page.evaluate(READ_TOP_RESULTS, TOP)
        return [[as_target(h, self.base_url) for h in group] for group in groups]


def run(page, base_url: str, queries: list[Query]) -> list[tuple[Query, list[list[str]], bool]]:
    box = SearchBox(page, base_url)
    out = []
    for q in queries:
        groups = box.top_results(q.words)
        out.append((q, groups, any(answers(t, q) for g in groups for t in g)))
    return out


def main(site: str, lang: str = "en") -> None:
    """Print each query's result and the count that pass, for the site built in SITE."""
    from playwright.sync_api import sync_playwright

    base = Path(site).resolve().as_uri() + "/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=sitemodel.chromium(), args=sitemodel.CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(base + ("es/index.html" if lang == "es" else "index.html"))
        results = run(page, base, load_queries(SPANISH_QUERIES_FILE if lang == "es" else QUERIES_FILE))
        browser.close()
    for q, groups, ok in results:
        shown = " | ".join(", ".join(g) if not ok else (g[0] if g else "?") for g in groups)
        print(f"{'PASS' if ok else 'FAIL'}  {q.words!r:45} -> {shown}")
    print(f"{sum(ok for *_, ok in results)} of {len(results)} queries answered in the first {TOP} results")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site", sys.argv[2] if len(sys.argv) > 2 else "en")
