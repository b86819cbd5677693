"""A mistake in a page stops the build, with a message that names the file and what to fix.

An editor may only ever run `make build`, so the build itself must refuse every kind of
broken page: the twelve of issue 11 (missing front matter, missing description, malformed
date, next review before reviewed, no sources, a source without a URL, a broken link, a broken
anchor, an image without alt text, a skipped heading level, a second h1, a description over
160 characters), the other rules of siterules/, and a page left out of the menu. MkDocs' own
`validation:` refuses the broken link, the broken anchor and the stray page; the
hooks/site_rules.py hook runs siterules for the rest.

Each case breaks a different page of one copy of the project, and each is its own test: the
build's output must name that page, on the same line as what is wrong. Two builds carry all the
cases, because of the order in which MkDocs checks (mkdocs/commands/build.py): links are
checked while pages render, the rules hook stops the build once all are rendered (on_env), and
anchors and the menu are only checked after that. So the first build holds every rule case and
the broken link and stops at on_env; the second holds the broken anchor and the stray page, and
runs to the end, where --strict turns their warnings into a failure.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pages import ENGLISH_PAGES, spanish
from sitemodel import ROOT, build

pytestmark = pytest.mark.xdist_group("bad-input")  # one worker, so each build is made once


def _front_matter_without(field: str):
    return lambda text: re.sub(rf"^{field}:.*\n", "", text, count=1, flags=re.M)


def _replace(pattern: str, replacement: str):
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.M)


def _append(markdown: str):
    return lambda text: text + markdown


# case: (how the page is broken, what the message must say, which build)
CASES = {
    "no front matter": (lambda text: re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S), "front matter", "rules"),
    "unreadable front matter": (_replace(r"^description:.*$", "description: Costs: what it pays for"), "YAML", "rules"),
    "missing title": (_front_matter_without("title"), "'title'", "rules"),
    "missing description": (_front_matter_without("description"), "'description'", "rules"),
    "description too long": (_replace(r"^description:.*$", "description: " + "word " * 40), "'description'", "rules"),
    "malformed date": (_replace(r"^reviewed:.*$", "reviewed: 25/11/2026"), "'reviewed'", "rules"),
    "next review before reviewed": (_replace(r"^next_review:.*$", "next_review: 2020-01-01"), "'next_review'", "rules"),
    "next review over a year later": (_replace(r"^next_review:.*$", "next_review: 2030-01-01"), "'next_review'", "rules"),
    "no sources": (_replace(r"^sources:\n(  .*\n)+", "sources: []\n"), "'sources'", "rules"),
    "source without url": (_replace(r"^    url: .*\n", ""), "url", "rules"),
    "source with http url": (_replace(r"^    url: https://", "    url: http://"), "https://", "rules"),
    "image without alt text": (_append("\n![](assets/images/share.png)\n"), "has no alt text", "rules"),
    "skipped heading level": (_append("\n#### A skipped level\n"), "skipping heading level h3", "rules"),
    "second h1": (_append("\n# A second title\n"), "a second # heading", "rules"),
    "title heading unlike the title": (_replace(r"^# .*$", "# Something else"), "differs from the front matter", "rules"),
    "html link to a markdown file": (_append('\n<a href="what-it-does.md">More</a>\n'), "HTML link", "rules"),
    "broken link": (_append("\n[A page that is not there](no-such-page.md)\n"), "no-such-page.md", "rules"),
    "broken anchor": (_append("\n[Nowhere](what-it-does.md#no-such-heading)\n"), "no-such-heading", "full"),
}
STRAY = "stray-page.md"
# The pages the cases break, one each: ordinary pages, not home, the organiser or the About page.
TARGETS = [p for p in ENGLISH_PAGES if p not in ("index.md", "my-plan.md", "about.md", "what-it-does.md")]
PAGE_OF = dict(zip(CASES, TARGETS))
assert len(PAGE_OF) == len(CASES), "fewer ordinary pages than bad-input cases"


def _copy_project(folder: Path) -> Path:
    project = folder / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    for sub in ("overrides", "hooks"):
        shutil.copytree(ROOT / sub, project / sub, ignore=shutil.ignore_patterns("__pycache__"))
    return project


# Session, not module: under xdist a worker may run other files' tests in between, and pytest
# would set a module fixture up again (build again) each time.
@pytest.fixture(scope="session")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    """{build: (exit code, output)} for the two broken copies of the project."""
    results = {}
    for which in ("rules", "full"):
        folder = tmp_path_factory.mktemp(f"bad-input-{which}")
        project = _copy_project(folder)
        for case, (break_page, _, build_of) in CASES.items():
            if build_of != which:
                continue
            page = project / "docs" / PAGE_OF[case]
            original = page.read_text(encoding="utf-8")
            broken = break_page(original)
            assert broken != original, f"case {case!r} changed nothing: the test itself needs fixing"
            page.write_text(broken, encoding="utf-8")
        if which == "full":
            # A stray page with its translation, so that only the menu check can catch it.
            for source, stray in ((TARGETS[-1], STRAY), (spanish(TARGETS[-1]), spanish(STRAY))):
                (project / "docs" / stray).write_text((ROOT / "docs" / source).read_text(encoding="utf-8"),
                                                      encoding="utf-8")
        result = build(folder / "site", project)
        results[which] = (result.returncode, result.stdout + result.stderr)
    return results


@pytest.mark.parametrize("case", CASES)
def test_a_faulty_page_fails_the_build_naming_the_file(case, outputs):
    _, expected, which = CASES[case]
    page = PAGE_OF[case]
    returncode, output = outputs[which]
    assert returncode != 0, f"{case}: the build passed:\n{output}"
    lines = [line for line in output.splitlines() if f"docs/{page}" in line or f"'{page}'" in line]
    assert lines, f"{case}: the message does not name {page}:\n{output}"
    assert any(expected in line for line in lines), (
        f"{case}: no message about {page} says {expected!r}:\n" + "\n".join(lines))


def test_a_page_left_out_of_the_navigation_fails_the_build(outputs):
    returncode, output = outputs["full"]
    assert returncode != 0, f"a page outside nav built without complaint:\n{output}"
    # As a WARNING, which --strict turns into a failure: at `omitted_files: info` MkDocs prints the
    # same list as INFO and the build passes (the other case in this build failed it here).
    assert re.search(r'WARNING\s+-\s+The following pages exist in the docs directory, but are not included in the '
                     r'"nav" configuration:\n(\s+- .*\n)*\s+- ' + re.escape(STRAY), output), (
        f"the build does not say that {STRAY} is missing from the menu:\n{output}")
