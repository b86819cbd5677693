"""The pages the tests run over, named as the editor knows them (costs.md, costs.es.md).

Everything here comes from the site model (sitemodel/), which reads mkdocs.yml and docs/ once
for the hooks, the scripts, the bench and the tests alike; this module only names the lists the
tests parametrize over.
"""

from __future__ import annotations

from sitemodel import DEFAULT_LANGUAGE, editions, language, pages, translation

PAGES = pages()
ENGLISH_PAGES = [p for p in PAGES if language(p) == DEFAULT_LANGUAGE]
SPANISH_PAGES = [p for p in PAGES if language(p) == "es"]
CORE_PAGES = ["what-it-is.md", "what-it-does.md", "what-it-isnt.md"]


def spanish(page: str) -> str:
    return translation(page, "es")


def ui(lang: str) -> dict:
    """The words the templates show in a language (extra.ui, with the i18n plugin's overrides)."""
    return editions()[lang].ui
