"""Page rules, read from the HTML a page's Markdown renders to.

The rendered HTML is what a reader gets, whatever Markdown wrote it (a heading inside an
admonition, an image inside a checklist), so these rules read that with the standard
library's HTML parser, and find the Markdown line afterwards where they can:

- one `#` title, matching the front matter's `title` (the menu, the tab and search show the
  title; the page shows the heading: a parent should see one name);
- no skipped heading level (screen-reader users move by headings, and a jump from ## to ####
  reads as a missing section);
- alt text on every image (a screen reader otherwise reads out the file name);
- each id once on a page (MkDocs and Zensical check that a #fragment exists, not that it is
  the only one: a link to an id used twice may land on the wrong place);
- links to other sites over https:// (as the sources must be);
- links and images written as HTML point to something the built site has: builders check and
  rewrite Markdown links only, so `<a href="costs.md">` would reach the reader broken.

A Markdown link to a page or #anchor that does not exist is not checked here: MkDocs'
`validation:` settings (and Zensical's) already stop the build on it.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from siterules.problem import Problem, line_of

HEADINGS = {f"h{level}" for level in range(1, 7)}


@dataclass
class Site:
    """What a built site holds: every file's path (`costs.html`), and the ids on each page."""

    files: set[str]
    ids: dict[str, list[str]] = field(default_factory=dict)


def check_page(file: str, source: str, html: str, title: object, *,
               within_article: bool = False) -> list[Problem]:
    """Every problem the page rules find in one page.

    `source` is the whole Markdown file (for line numbers), `html` what it rendered to (only
    what is inside <article> when `within_article`, for a whole built page), `title` the front
    matter's as read (when it is missing or not text, the front-matter rules say so).
    """
    outline = _Outline(within_article)
    outline.feed(html)
    outline.close()
    lines = _HeadingLines(source)
    headings = [(level, text, lines.find(level, text)) for level, text in outline.headings]
    return [*_one_title(file, headings, title), *_no_skipped_level(file, headings),
            *_alt_text(file, source, outline.images), *_ids_once(file, source, outline.ids),
            *_https_links(file, source, outline.links)]


def _one_title(file: str, headings: list[tuple[int, str, int | None]], title: object) -> list[Problem]:
    h1s = [(text, line) for level, text, line in headings if level == 1]
    if not h1s:
        return [Problem(file, None, "the page has no # title",
                        "start the page with one line `# <the title>`, the same words as `title:`")]
    problems = []
    if isinstance(title, str) and h1s[0][0] != " ".join(title.split()):
        problems.append(Problem(file, h1s[0][1], f"the # title {h1s[0][0]!r} differs from the front matter's "
                                f"title {title!r}", "make them the same words"))
    for text, line in h1s[1:]:
        problems.append(Problem(file, line, f"a second # heading, {text!r}: a page has exactly one h1",
                                "make it a ## heading (or start a new page)"))
    return problems


def _no_skipped_level(file: str, headings: list[tuple[int, str, int | None]]) -> list[Problem]:
    return [Problem(file, line, f"the heading {'#' * level} {text!r} (h{level}) follows an h{before}, "
                    f"skipping heading level h{before + 1}",
                    f"make it {'#' * (before + 1)}, or add the missing level above it")
            for (before, _, _), (level, text, line) in zip(headings, headings[1:]) if level > before + 1]


def _alt_text(file: str, source: str, images: list[dict[str, str | None]]) -> list[Problem]:
    problems = []
    for image in images:
        if not (image.get("alt") or "").strip():
            src = image.get("src") or ""
            name = posixpath.basename(urlsplit(src).path)
            problems.append(Problem(file, line_of(source, re.escape(name) if name else r"<img\b|!\[\]"),
                                    f"the image {src!r} has no alt text",
                                    "say what it shows between the brackets: ![A parent reading with a "
                                    "child](picture.png), or alt=\"...\" on an <img>"))
    return problems


def _ids_once(file: str, source: str, ids: list[str]) -> list[Problem]:
    problems = []
    for id_, count in Counter(ids).items():
        if count > 1:
            written = rf"\{{[^}}]*#{re.escape(id_)}\b|id=[\"']{re.escape(id_)}[\"']"  # {#id} or id="id"
            problems.append(Problem(file, line_of(source, written), f"the id {id_!r} is used {count} times, so a "
                                    f"link to #{id_} may land on the wrong place", "give each element its own id"))
    return problems


def _https_links(file: str, source: str, links: list[str]) -> list[Problem]:
    return [Problem(file, line_of(source, re.escape(href)), f"the link {href!r} uses http://",
                    "use its https:// address (check that it opens)")
            for href in links if href.startswith("http://")]


def ids_in(html: str, *, within_article: bool = False) -> list[str]:
    """Every id in the HTML, in order: what a #fragment can point to."""
    outline = _Outline(within_article)
    outline.feed(html)
    outline.close()
    return outline.ids


# Links a template fills in after the page is rendered: the whole-guide PDF lives at the
# published address only (overrides/main.html writes site_url + extra.guide_pdf there).
FILLED_BY_TEMPLATES = {"GUIDE-PDF-URL"}


def resolve(page_path: str, ref: str) -> tuple[str, str] | None:
    """The site path and #fragment a link on the page at `page_path` opens, as a browser reads it:
    ('costs.html', 'appeals') for '../costs.html#appeals' on es/index.html. None for another site,
    an email address or a phone number. Shared by these rules, the tests and the PDF."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("//"):
        return None
    if not parts.path:
        return page_path, unquote(parts.fragment)
    path = unquote(parts.path)
    path = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page_path), path)
    path = posixpath.normpath(path) if path else "."
    if parts.path.endswith("/") or path == ".":
        path = posixpath.join(path, "index.html")
    return path.removeprefix("./"), unquote(parts.fragment)


def check_html_links(file: str, source: str, page_path: str, site: Site) -> list[Problem]:
    """Links and images written as HTML in the Markdown source point to something `site` holds.

    `page_path` is where the page lands in the built site (`costs.html`); relative links are
    read from there, as a browser does.
    """
    finder = _RawLinks()
    finder.feed(_without_code(source))
    finder.close()
    problems = []
    for line, ref in finder.refs:
        target = resolve(page_path, ref)
        if target is None or ref in FILLED_BY_TEMPLATES:
            continue  # another site, an email address or a phone number; or a template's to fill
        path, fragment = target
        if path.endswith(".md"):
            problems.append(Problem(file, line, f"the HTML link {ref!r} points to a Markdown file: builders "
                                    "convert Markdown links only, so the reader would get a broken link",
                                    f"write it as a Markdown link, [words]({ref}), or link to the built page, "
                                    f"{path[:-3]}.html"))
        elif path not in site.files:
            problems.append(Problem(file, line, f"the HTML link {ref!r} points to {path}, which the built site "
                                    "does not have", "point it to a page or file that exists"))
        elif fragment and path in site.ids:
            count = site.ids[path].count(fragment)
            if count != 1:
                problems.append(Problem(file, line, f"the HTML link {ref!r}: #{fragment} matches {count} ids on "
                                        f"{path}, want exactly one", "copy the heading's link from its ¶ mark"))
    return problems


class _Outline(HTMLParser):
    """Headings (level, words), images, ids and links, in document order."""

    def __init__(self, within_article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.within_article = within_article
        self.articles = 0  # <article> elements open
        self.headings: list[tuple[int, str]] = []
        self.images: list[dict[str, str | None]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._in_permalink = False  # the ¶ link inside a heading is not its words

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.articles += 1
        if self.within_article and not self.articles:
            return
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag in HEADINGS:
            self._heading = (int(tag[1]), [])
        elif tag == "img":
            self.images.append(attributes)
        elif tag == "a" and self._heading and "headerlink" in (attributes.get("class") or "").split():
            self._in_permalink = True
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_permalink = False
        elif self._heading and tag == f"h{self._heading[0]}":
            level, parts = self._heading
            self.headings.append((level, " ".join("".join(parts).split())))
            self._heading = None
        if tag == "article" and self.articles:
            self.articles -= 1

    def handle_data(self, data: str) -> None:
        if self._heading and not self._in_permalink:
            self._heading[1].append(data)


class _HeadingLines:
    """Finds, in order, the Markdown line each rendered heading came from."""

    ATX = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*(\{[^}]*\})?\s*$")
    MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")

    def __init__(self, source: str) -> None:
        self.lines = []
        for number, line in enumerate(_without_code(source).splitlines(), start=1):
            match = self.ATX.match(line)
            if match:
                words = self.MARKUP.sub(lambda m: m.group(1) or "", match.group(2))
                self.lines.append((number, len(match.group(1)), " ".join(words.split())))
        self.next = 0

    def find(self, level: int, text: str) -> int | None:
        for index in range(self.next, len(self.lines)):
            number, found_level, words = self.lines[index]
            if found_level == level and words == text:
                self.next = index + 1
                return number
        return None


class _RawLinks(HTMLParser):
    """(line, reference) of every <a href> and <img src> written as HTML in Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        value = dict(attrs).get(wanted) if wanted else None
        if value:
            self.refs.append((self.getpos()[0], value))


def _without_code(source: str) -> str:
    """The Markdown with fenced code and `code spans` blanked, line numbers kept: examples are not links."""
    kept, fence = [], None
    for line in source.splitlines():
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            kept.append("")
        elif marker:
            fence = marker.group(1)
            kept.append("")
        else:
            kept.append(re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line))
    return "\n".join(kept)
