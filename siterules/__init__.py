"""The site's own rules, in plain Python that any builder can run.

An editor who only runs `make build` must not be able to publish a page without its review
dates and sources, with a second `#` title, a skipped heading level or an image a screen
reader cannot describe. These rules say so, naming the file, the line where it can be told,
and the fix. They import nothing from MkDocs, so that:

- MkDocs runs them through one thin hook (hooks/site_rules.py);
- Zensical, which runs no MkDocs hooks, runs them through scripts/zensical_build.py;
- tests/test_rules.py checks each rule on a few lines of Markdown or HTML, with no build.

Modules:
    problem       Problem: one broken rule, printed as `docs/page.md:12: what is wrong. Fix: ...`
    front_matter  title, description, review dates and sources
    page          the rendered page: one # title matching `title`, no skipped heading level,
                  alt text on every image, each id once, links to other sites over https, and
                  links written as HTML (which no builder checks)
    languages     every page in both languages, each including its own language's glossary
    publishing    a build for publishing (PUBLISH=1) refuses placeholder addresses in the footer

What the site is (its editions, pages and paths) is in sitemodel/; what is done to the built site
after a build (the offline zip, the stylesheet cut) is in postbuild/.
"""

from siterules.front_matter import check_front_matter, read_front_matter
from siterules.languages import check_languages
from siterules.page import Site, check_html_links, check_page, ids_in, resolve
from siterules.problem import Problem
from siterules.publishing import check_publishing

__all__ = ["Problem", "Site", "check_front_matter", "check_html_links", "check_languages", "check_page",
           "check_publishing", "ids_in", "read_front_matter", "resolve"]
