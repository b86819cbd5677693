"""A mistake in a page stops the build, with a message that names the file and what to fix.

An editor may only ever run `make build`, so the build itself must refuse every kind of
broken page: the twelve of issue 11 (missing front matter, missing description, malformed
date, next review before reviewed, no sources, a source without a URL, a broken link, a broken
anchor, an image without alt text, a skipped heading level, a second h1, a description over
160 characters) and the other rules of siterules/. MkDocs' own `validation:` refuses the broken
link and anchor; the hooks/site_rules.py hook runs siterules for the rest.

Each case copies the project, breaks one thing in one page, builds strictly, and expects a
failure whose output names the file and says what is wrong.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitebuild import ROOT, build

PAGE = "what-it-is.md"


def _front_matter_without(field: str):
    return lambda text: re.sub(rf"^{field}:.*\n", "", text, count=1, flags=re.M)


def _replace(pattern: str, replacement: str):
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.M)


CASES = {
    "no front matter": (lambda text: re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S), "front matter"),
    "unreadable front matter": (_replace(r"^description:.*$", "description: Costs: what it pays for"), "YAML"),
    "missing title": (_front_matter_without("title"), "'title'"),
    "missing description": (_front_matter_without("description"), "'description'"),
    "description too long": (_replace(r"^description:.*$", "description: " + "word " * 40), "'description'"),
    "malformed date": (_replace(r"^reviewed:.*$", "reviewed: 25/11/2026"), "'reviewed'"),
    "next review before reviewed": (_replace(r"^next_review:.*$", "next_review: 2020-01-01"), "'next_review'"),
    "next review over a year later": (_replace(r"^next_review:.*$", "next_review: 2030-01-01"), "'next_review'"),
    "no sources": (_replace(r"^sources:\n(  .*\n)+", "sources: []\n"), "'sources'"),
    "source without url": (_replace(r"^    url: .*\n", ""), "url"),
    "source with http url": (_replace(r"^    url: https://", "    url: http://"), "https://"),
    "broken link": (lambda text: text + "\n[A page that is not there](no-such-page.md)\n", "no-such-page.md"),
    "broken anchor": (lambda text: text + "\n[Nowhere](what-it-does.md#no-such-heading)\n", "no-such-heading"),
    "image without alt text": (lambda text: text + "\n![](assets/images/share.png)\n", "has no alt text"),
    "skipped heading level": (lambda text: text + "\n#### A skipped level\n", "skipping heading level h3"),
    "second h1": (lambda text: text + "\n# A second title\n", "a second # heading"),
    "title heading unlike the title": (_replace(r"^# .*$", "# Something else"), "differs from the front matter"),
    "html link to a markdown file": (lambda text: text + '\n<a href="what-it-does.md">More</a>\n', "HTML link"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy)
    shutil.copytree(ROOT / "docs", copy / "docs")
    for folder in ("overrides", "hooks"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("case", CASES)
def test_a_faulty_page_fails_the_build_naming_the_file(case, project, tmp_path):
    break_page, expected = CASES[case]
    page = project / "docs" / PAGE
    original = page.read_text(encoding="utf-8")
    broken = break_page(original)
    assert broken != original, f"case {case!r} changed nothing: the test itself needs fixing"
    page.write_text(broken, encoding="utf-8")
    result = build(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed:\n{output}"
    assert PAGE in output, f"{case}: the message does not name {PAGE}:\n{output}"
    assert expected in output, f"{case}: the message does not say {expected!r}:\n{output}"


def test_a_page_left_out_of_the_navigation_fails_the_build(project, tmp_path):
    (project / "docs" / "stray-page.md").write_text((project / "docs" / PAGE).read_text(), encoding="utf-8")
    result = build(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"a page outside nav built without complaint:\n{output}"
    assert "stray-page.md" in output, f"the message does not name stray-page.md:\n{output}"
