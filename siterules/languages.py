"""Both editions whole: every page in English and in Spanish, each with its own glossary.

A page with no translation would be served in the other edition in the wrong language (the
i18n plugin falls back to English), so a missing translation stops the build instead. Each
page ends by including its own language's glossary of tooltips (`--8<-- "abbreviations.md"`,
or `"abbreviations.es.md"`), so that a Spanish page never shows an English meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from siterules.problem import Problem


def language_of(name: str, translations: Sequence[str]) -> str:
    """'es' for docs/costs.es.md, 'en' for docs/costs.md, given the languages beside English."""
    parts = name.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in translations else "en"


def glossary_of(lang: str) -> str:
    """The tooltip snippet of a language: abbreviations.md, abbreviations.es.md."""
    return "abbreviations.md" if lang == "en" else f"abbreviations.{lang}.md"


def english_name(name: str, translations: Sequence[str]) -> str:
    """docs/costs.es.md -> docs/costs.md."""
    lang = language_of(name, translations)
    return name if lang == "en" else name[: -len(f".{lang}.md")] + ".md"


def check_translations(names: list[str], translations: Sequence[str]) -> list[Problem]:
    """Every English page has its translation in each language, and every translation its English page."""
    present = set(names)
    problems = []
    for name in sorted(present):
        if language_of(name, translations) == "en":
            for lang in translations:
                wanted = name[: -len(".md")] + f".{lang}.md"
                if wanted not in present:
                    problems.append(Problem(name, None, f"has no translation {wanted}",
                                            f"write {wanted}, with the same sections, checklist items and sources"))
        elif english_name(name, translations) not in present:
            problems.append(Problem(name, None, f"translates {english_name(name, translations)}, which does not exist",
                                    "rename it after its English page, or remove it"))
    return problems


def check_glossary_include(name: str, source: str, translations: Sequence[str]) -> list[Problem]:
    """The page includes its own language's glossary, and no other."""
    lang = language_of(name, translations)
    own = f'--8<-- "{glossary_of(lang)}"'
    others = [f'--8<-- "{glossary_of(other)}"' for other in ("en", *translations) if other != lang]
    problems = []
    if own not in source:
        problems.append(Problem(name, None, f"does not include its glossary of tooltips",
                                f"end the page with the line {own}"))
    for other in others:
        if other in source:
            problems.append(Problem(name, None, f"includes the other language's glossary ({other})",
                                    f"use {own} instead"))
    return problems


def check_languages(pages: Mapping[str, str], translations: Sequence[str]) -> list[Problem]:
    """All the language rules over {docs/name.md: Markdown source}; `translations` are the
    languages beside English (the site model's, from mkdocs.yml)."""
    problems = check_translations(list(pages), translations)
    for name, source in pages.items():
        problems += check_glossary_include(name, source, translations)
    return problems
