"""The site's rules (siterules/), each tried on a few lines of Markdown or HTML: no build.

Every rule must name the file, the line where it can be told, and the fix; these tests say
what each rule accepts and refuses. The whole file runs in well under a second. That the
build runs the rules is checked by test_bad_input_fails_the_build.py.
"""

from __future__ import annotations

import pytest

from siterules import Site, check_front_matter, check_html_links, check_page, read_front_matter

FILE = "docs/example.md"
GOOD_FRONT_MATTER = """\
---
title: Records to gather
description: What to collect before a second opinion, and how to ask for it.
reviewed: 2026-11-25
next_review: 2027-11-25
sources:
  - title: Seeking a Second Opinion
    publisher: Cancer.Net
    url: https://www.cancer.net/second-opinion
  - title: Second Opinions
    publisher: Children's Oncology Group
    url: https://childrensoncologygroup.org/second-opinions
---

# Records to gather
"""


def front_matter_problems(source: str) -> list[str]:
    return [str(p) for p in check_front_matter(FILE, source, read_front_matter(source))]


def edit(old: str, new: str) -> str:
    assert old in GOOD_FRONT_MATTER, f"the test's own example lacks {old!r}"
    return GOOD_FRONT_MATTER.replace(old, new, 1)


def page_problems(html: str, source: str = "", title: str | None = "Records to gather") -> list[str]:
    return [str(p) for p in check_page(FILE, source, html, title)]


def the_one(problems: list[str]) -> str:
    assert len(problems) == 1, f"want exactly one problem, got {problems}"
    return problems[0]


# --- Front matter ----------------------------------------------------------------------------

def test_a_complete_front_matter_passes():
    assert front_matter_problems(GOOD_FRONT_MATTER) == []


def test_a_page_without_front_matter_is_refused():
    message = the_one(front_matter_problems("# Records to gather\n"))
    assert message.startswith(f"{FILE}:1: front matter is missing") and "Fix: start the page with a ---" in message


def test_front_matter_that_is_not_yaml_names_its_line_and_the_quotes_fix():
    source = edit("description: What", "description: Costs: what")
    message = the_one(front_matter_problems(source))
    assert message.startswith(f"{FILE}:3: front matter could not be read as YAML"), message
    assert "put quotes around any value that contains a colon" in message


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_missing_title_or_description_is_named_with_its_fix(field):
    source = "".join(line for line in GOOD_FRONT_MATTER.splitlines(True) if not line.startswith(f"{field}:"))
    message = the_one(front_matter_problems(source))
    assert f"'{field}' is missing or empty" in message and f"add `{field}: ...`" in message


def test_a_description_over_160_characters_is_refused_with_its_length():
    long = "description: " + "x" * 161 + "\n"
    message = the_one(front_matter_problems(edit(GOOD_FRONT_MATTER.splitlines(True)[2], long)))
    assert message.startswith(f"{FILE}:3: front matter 'description' is 161 characters, over 160"), message


def test_a_description_of_exactly_160_characters_passes():
    exact = "description: " + "x" * 160 + "\n"
    assert front_matter_problems(edit(GOOD_FRONT_MATTER.splitlines(True)[2], exact)) == []


@pytest.mark.parametrize("written", ["25/11/2026", "'2026-11-25'", "2026-11-25 10:00:00", "November 2026"])
def test_a_date_not_written_as_yyyy_mm_dd_is_refused(written):
    message = the_one(front_matter_problems(edit("reviewed: 2026-11-25", f"reviewed: {written}")))
    assert message.startswith(f"{FILE}:4: front matter 'reviewed' must be a date written as YYYY-MM-DD"), message


def test_next_review_on_or_before_reviewed_is_refused():
    message = the_one(front_matter_problems(edit("next_review: 2027-11-25", "next_review: 2026-11-25")))
    assert message.startswith(f"{FILE}:5: front matter 'next_review' (2026-11-25) is not after 'reviewed'")


def test_next_review_more_than_a_year_later_is_refused_but_a_leap_year_is_allowed():
    message = the_one(front_matter_problems(edit("next_review: 2027-11-25", "next_review: 2027-11-27")))
    assert "more than a year after 'reviewed'" in message
    leap = edit("reviewed: 2026-11-25", "reviewed: 2027-03-01").replace("2027-11-25", "2028-03-01")
    assert front_matter_problems(leap) == []


def test_a_page_with_no_sources_is_refused():
    source = GOOD_FRONT_MATTER.split("sources:")[0] + "sources: []\n---\n\n# Records to gather\n"
    message = the_one(front_matter_problems(source))
    assert message.startswith(f"{FILE}:6: front matter 'sources' must list at least one source"), message


def test_a_source_without_a_url_names_the_source_and_its_line():
    second_url = "    url: https://childrensoncologygroup.org/second-opinions\n"
    message = the_one(front_matter_problems(edit(second_url, "")))
    assert message.startswith(f"{FILE}:10: front matter 'sources' item 2 has no 'url'"), message


def test_a_source_over_plain_http_is_refused():
    message = the_one(front_matter_problems(edit("url: https://www.cancer", "url: http://www.cancer")))
    assert message.startswith(f"{FILE}:7: front matter 'sources' item 1 url must start with https://"), message


def test_every_front_matter_problem_is_listed_at_once():
    source = edit("title: Records to gather\n", "").replace("reviewed: 2026-11-25", "reviewed: soon")
    assert len(front_matter_problems(source)) == 2


# --- The rendered page -----------------------------------------------------------------------

def test_a_page_with_one_matching_title_and_ordered_headings_passes():
    html = ('<h1 id="records-to-gather">Records to gather<a class="headerlink" href="#records-to-gather">¶</a>'
            '</h1>'
            '<h2 id="a">Scans</h2><h3 id="b">CT scans</h3><h2 id="c">Reports</h2>'
            '<p><img alt="A folder of reports" src="assets/images/folder.png"></p>')
    assert page_problems(html) == []


def test_a_page_without_a_title_heading_is_refused():
    assert "the page has no # title" in the_one(page_problems("<h2>Scans</h2>"))


def test_the_title_heading_must_say_what_the_front_matter_title_says():
    source = "---\ntitle: Records to gather\n---\n\n# Records you need\n"
    message = the_one(page_problems("<h1>Records you need</h1>", source))
    assert message.startswith(f"{FILE}:5: the # title 'Records you need' differs from the front matter's title")


def test_a_missing_or_unreadable_title_is_left_to_the_front_matter_rules():
    assert page_problems("<h1>Records to gather</h1>", title=None) == []
    assert page_problems("<h1>Records to gather</h1>", title=2026) == []


def test_a_title_with_a_glossary_word_is_read_as_its_words():
    assert page_problems('<h1>What an <abbr title="...">MRI</abbr> shows</h1>', title="What an MRI shows") == []


def test_a_second_title_heading_is_refused_naming_its_line():
    source = "# Records to gather\n\nText.\n\n# More records\n"
    message = the_one(page_problems("<h1>Records to gather</h1><p>Text.</p><h1>More records</h1>", source))
    assert message.startswith(f"{FILE}:5: a second # heading, 'More records'"), message
    assert "make it a ## heading" in message


def test_a_skipped_heading_level_is_refused_naming_its_line_and_the_level_to_use():
    source = "# Records to gather\n\n## Scans\n\n#### **CT** scans\n"
    message = the_one(page_problems("<h1>Records to gather</h1><h2>Scans</h2><h4><strong>CT</strong> scans</h4>",
                                    source))
    assert message.startswith(f"{FILE}:5: the heading #### 'CT scans' (h4) follows an h2"), message
    assert "make it ###" in message


def test_a_heading_inside_a_code_example_is_not_taken_for_the_page_heading():
    source = "# Records to gather\n\n```text\n#### CT scans\n```\n\n#### CT scans\n"
    message = the_one(page_problems("<h1>Records to gather</h1><pre>#### CT scans</pre><h4>CT scans</h4>", source))
    assert message.startswith(f"{FILE}:7:"), message


@pytest.mark.parametrize("image", ['<img src="assets/images/scan.png">',
                                   '<img alt="" src="assets/images/scan.png">',
                                   '<img alt="  " src="assets/images/scan.png">'])
def test_an_image_without_alt_text_is_refused_naming_its_line(image):
    source = "# Records to gather\n\n![](assets/images/scan.png)\n"
    message = the_one(page_problems(f"<h1>Records to gather</h1><p>{image}</p>", source))
    assert message.startswith(f"{FILE}:3: the image 'assets/images/scan.png' has no alt text"), message
    assert "between the brackets" in message


def test_an_id_used_twice_is_refused():
    source = "# Records to gather\n\n## Scans {#scans}\n\nText {#scans}\n"
    message = the_one(page_problems('<h1>Records to gather</h1><h2 id="scans">Scans</h2><p id="scans">Text</p>',
                                    source))
    assert message.startswith(f"{FILE}:3: the id 'scans' is used 2 times"), message


def test_a_link_to_another_site_over_plain_http_is_refused():
    source = "# Records to gather\n\n[A charity](http://example.org/help)\n"
    html = '<h1>Records to gather</h1><p><a href="http://example.org/help">A charity</a></p>'
    message = the_one(page_problems(html, source))
    assert message.startswith(f"{FILE}:3: the link 'http://example.org/help' uses http://"), message


def test_only_the_article_is_read_in_a_whole_built_page():
    html = ('<html><header><h1>Site name</h1><img src="logo.svg"></header>'
            '<article><h1>Records to gather</h1></article><footer><h4>Footer</h4></footer></html>')
    assert [str(p) for p in check_page(FILE, "", html, "Records to gather", within_article=True)] == []


# --- Links written as HTML (builders check Markdown links only) -----------------------------

SITE = Site(files={"index.html", "costs.html", "downloads/guide.zip"},
            ids={"costs.html": ["costs", "what-insurance-pays"], "index.html": ["home", "home"]})


def html_link_problems(markdown: str) -> list[str]:
    return [str(p) for p in check_html_links(FILE, markdown, "records.html", SITE)]


def test_html_links_to_files_the_site_has_pass():
    markdown = ('Read <a href="costs.html#what-insurance-pays">costs</a>, '
                '<a href="downloads/guide.zip" download>the zip</a>, <a href="https://example.org">a site</a>, '
                '<a href="mailto:help@example.org">email</a>.\n')
    assert html_link_problems(markdown) == []


def test_an_html_link_to_a_markdown_file_is_refused_with_both_fixes():
    message = the_one(html_link_problems("Intro.\n\n<a href=\"costs.md\">costs</a>\n"))
    assert message.startswith(f"{FILE}:3: the HTML link 'costs.md' points to a Markdown file"), message
    assert "[words](costs.md)" in message and "costs.html" in message


def test_an_html_link_to_a_missing_file_or_anchor_is_refused():
    problems = html_link_problems('<a href="nowhere.html">x</a>\n<a href="costs.html#nothing">y</a>\n'
                                  '<a href="index.html#home">z</a>\n<img src="missing.png" alt="m">\n')
    assert len(problems) == 4, problems
    assert problems[0].startswith(f"{FILE}:1: the HTML link 'nowhere.html' points to nowhere.html")
    assert problems[1].startswith(f"{FILE}:2: the HTML link 'costs.html#nothing': #nothing matches 0 ids")
    assert "#home matches 2 ids" in problems[2]
    assert "missing.png" in problems[3]


def test_html_inside_code_is_an_example_not_a_link():
    markdown = '```html\n<a href="costs.md">costs</a>\n```\n\nWrite `<a href="x.md">` never.\n'
    assert html_link_problems(markdown) == []
