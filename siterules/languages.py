"""Both editions whole: every page in English and in Spanish, each with its own glossary.

A page with no translation would be served in the other edition in the wrong language (the
i18n plugin falls back to English), so a missing translation stops the build instead. Each
page ends by including its own language's glossary of tooltips (`--8<-- "abbreviations.md"`,
or `"abbreviations.es.md"`), so that a Spanish page never shows an English meaning.
"""

from __future__ import annotations

from collections.abc import Mapping

from siterules.problem import Problem

TRANSLATIONS = ("es",)  # the languages beside English, as page.LANG.md
GLOSSARY = {"en": "abbreviations.md", "es": "abbreviations.es.md"}


def language_of(name: str) -> str:
    """'es' for docs/costs.es.md, 'en' for docs/costs.md."""
    parts = name.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in TRANSLATIONS else "en"


def english_name(name: str) -> str:
    """docs/costs.es.md -> docs/costs.md."""
    lang = language_of(name)
    return name if lang == "en" else name[: -len(f".{lang}.md")] + ".md"


def check_translations(names: list[str]) -> list[Problem]:
    """Every English page has its translation in each language, and every translation its English page."""
    present = set(names)
    problems = []
    for name in sorted(present):
        if language_of(name) == "en":
            for lang in TRANSLATIONS:
                wanted = name[: -len(".md")] + f".{lang}.md"
                if wanted not in present:
                    problems.append(Problem(name, None, f"has no translation {wanted}",
                                            f"write {wanted}, with the same sections, checklist items and sources"))
        elif english_name(name) not in present:
            problems.append(Problem(name, None, f"translates {english_name(name)}, which does not exist",
                                    "rename it after its English page, or remove it"))
    return problems


def check_glossary_include(name: str, source: str) -> list[Problem]:
    """The page includes its own language's glossary, and no other."""
    lang = language_of(name)
    own = f'--8<-- "{GLOSSARY[lang]}"'
    others = [f'--8<-- "{g}"' for other, g in GLOSSARY.items() if other != lang]
    problems = []
    if own not in source:
        problems.append(Problem(name, None, f"does not include its glossary of tooltips",
                                f"end the page with the line {own}"))
    for other in others:
        if other in source:
            problems.append(Problem(name, None, f"includes the other language's glossary ({other})",
                                    f"use {own} instead"))
    return problems


def check_languages(pages: Mapping[str, str]) -> list[Problem]:
    """All the language rules over {docs/name.md: Markdown source}."""
    problems = check_translations(list(pages))
    for name, source in pages.items():
        problems += check_glossary_include(name, source)
    return problems
