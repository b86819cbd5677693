"""The whole guide as one PDF, for families who print it or pass it on (`make pdf`).

It is made from a built site (`make build` first): each edition's pages, in the order of the
menu (sitemodel.nav()), so a new page appears in the PDF with no change here, and written to the
edition's `extra.guide_pdf`, beside the offline zip but not inside it (the zip is written during
the build, before this runs). Plain Python, not a MkDocs hook, so `make build` and `make serve`
stay fast and never need a browser.

Why Chromium, through Playwright, and not WeasyPrint: Chromium is already what the tests use
(Debian's package, driven by the pinned Playwright), and it lays out the site's own CSS,
including the print styles the tests check, exactly as a reader's browser prints a page. It
writes a tagged PDF (headings, lists, tables and link text in a structure tree, and the
document language) and bookmarks from the headings. WeasyPrint would add a second renderer with
its own system libraries and its own reading of Material's CSS.

What Chromium lacks, this module does:
- CSS cannot put page numbers in a table of contents (no target-counter()), so the guide is
  printed twice, the second time with the numbers read from the first print's bookmarks;
- Chromium stamps each PDF with the time it was printed, so pypdf sets the creation and
  modification dates to the guide's newest review date: the PDF says when its facts were checked.
Two prints of one site give the same text, bookmarks and pages, not the same bytes: Chromium
names table header cells after accessibility node numbers, which shift when the machine is
busy. The tests check what a reader gets (text, bookmarks, pages, links, tags), not bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pypdf import PdfReader, PdfWriter

import sitemodel
from sitemodel import Edition

HERE = Path(__file__).resolve().parent
ID_ATTRIBUTES = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls")


class PdfError(RuntimeError):
    """The PDF cannot be made from this site; the message says why and what to do."""


@dataclass
class Entry:
    slug: str
    title: str
    number: int | str = "00"    # the page it starts on; "00" until the first print tells


@dataclass
class Group:
    title: str | None          # a menu group, or None for pages at the top of the menu
    pages: list[Entry] = field(default_factory=list)


@dataclass
class Guide:
    """One edition, gathered from the built site: what the template needs."""

    edition: Edition
    contents: list[Group]
    articles: list[str]
    reviewed: dt.date
    stylesheets: list[str]
    body_attributes: dict[str, str]

    @property
    def entries(self) -> list[Entry]:
        return [entry for group in self.contents for entry in group.pages]


# --- Gather the pages from the built site -------------------------------------------------------

def slug_of(page: str) -> str:
    return sitemodel.english(page).removesuffix(".md").replace("/", "-")


def page_title(article: Tag) -> str:
    h1 = copy.copy(article.find("h1"))
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text(" ", strip=True)


def rewrite_article(article: Tag, slug: str, page_file: str, slugs: dict[str, str], site_url: str) -> None:
    """Make one page's article fit in the single document.

    Ids get the page's name in front, so two pages' "#what-to-read-next" stay apart. A link to a
    page of the guide becomes a link within the PDF; a link to any other file of the site (the
    offline zip) becomes its published address, which prints beside the link.
    """
    for element in article.find_all(True):
        for attribute in ID_ATTRIBUTES:
            if element.has_attr(attribute):
                element[attribute] = " ".join(f"{slug}--{value}" for value in element[attribute].split())
    for link in article.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc:
            continue
        target = parts.path or page_file
        if target in slugs:
            link["href"] = f"#{slugs[target]}--{parts.fragment}" if parts.fragment else f"#{slugs[target]}"
        else:
            link["href"] = urljoin(site_url, urljoin(page_file, link["href"]))
    for junk in article.select(".headerlink, script"):
        junk.decompose()
    article["id"] = slug
    article["class"] = [*article.get("class", []), "guide-page"]


def read_guide(site: Path, lang: str) -> Guide:
    """Every page of one edition, from the built site, in menu order."""
    edition = sitemodel.editions()[lang]
    folder = site / edition.folder  # each edition's pages, linked to each other by name
    site_url = sitemodel.site_url() + edition.folder
    order = [(section, sitemodel.translation(page, lang)) for section, page in sitemodel.nav()]
    files = {page: sitemodel.html_path(page).removeprefix(edition.folder) for _, page in order}
    slugs = {html: slug_of(page) for page, html in files.items()}
    if not (folder / "index.html").is_file():
        raise PdfError(f"{folder} holds no index.html: build the site first (`make build`)")
    home = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "lxml")

    contents: list[Group] = []
    articles, reviewed = [], []
    for section, page in order:
        soup = BeautifulSoup((folder / files[page]).read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            raise PdfError(f"{folder / files[page]} has no article: is the site built?")
        title = page_title(article)
        reviewed += [dt.date.fromisoformat(t["datetime"]) for t in article.select(".page-review__dates time")[:1]]
        rewrite_article(article, slug_of(page), files[page], slugs, site_url)
        articles.append(str(article))
        group_title = edition.nav_titles.get(section, section) if section else None
        if not contents or contents[-1].title != group_title or group_title is None:
            contents.append(Group(group_title))
        contents[-1].pages.append(Entry(slug_of(page), title))
    if not reviewed:
        raise PdfError("no page shows a review date: is this a built site?")
    return Guide(edition, contents, articles, max(reviewed),
                 [(folder / link["href"]).as_uri() for link in home.find_all("link", rel="stylesheet")],
                 {k: v for k, v in home.body.attrs.items() if isinstance(v, str)})


def long_date(day: dt.date, edition: Edition) -> str:
    month = edition.ui["months"][day.month - 1]
    return f"{day.day} de {month} de {day.year}" if edition.lang == "es" else f"{month} {day.day}, {day.year}"


def render(guide: Guide) -> str:
    """The guide as one HTML document (guide.html), with the contents' page numbers as they stand."""
    environment = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html"]))
    return environment.get_template("guide.html").render(
        edition=guide.edition, ui=guide.edition.ui, contents=guide.contents, articles=guide.articles,
        reviewed=long_date(guide.reviewed, guide.edition), site_url=sitemodel.site_url() + guide.edition.folder,
        stylesheets=guide.stylesheets, body_attributes=guide.body_attributes,
        style=(HERE / "guide-pdf.css").read_text(encoding="utf-8"))


# --- Print, number, print again -------------------------------------------------------------

def print_pdf(browser, html_file: Path) -> bytes:
    # Scripts off: the organiser prints as its blank form, and nothing can reach the network.
    context = browser.new_context(java_script_enabled=False)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else route.abort())
    page = context.new_page()
    page.goto(html_file.as_uri(), wait_until="load")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
    context.close()
    return pdf


def start_pages(pdf: bytes, count: int) -> list[int]:
    """The page (from 1) each top-level bookmark points to: the cover, the contents, each page."""
    reader = PdfReader(io.BytesIO(pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    if len(top) != count:
        raise PdfError(f"the PDF has {len(top)} top-level bookmarks, expected {count} "
                       "(cover, contents, one per page): does every page have exactly one <h1>?")
    return [reader.get_destination_page_number(item) + 1 for item in top]


def dated(pdf: bytes, day: dt.date) -> bytes:
    """The PDF dated by the guide's newest review, not by the moment Chromium printed it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamp = f"D:{day:%Y%m%d}000000+00'00'"
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build(site: Path, output: Path, lang: str = "en") -> tuple[int, float]:
    """Write the PDF of one edition; return its page count and the seconds it took."""
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    guide = read_guide(site, lang)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        html_file = Path(work) / "guide.html"
        browser = playwright.chromium.launch(executable_path=sitemodel.chromium(), args=sitemodel.CHROMIUM_FLAGS)
        try:
            # Numbers in the contents can move the pages they number only if the contents grow
            # by a line; a second round settles that, a third would be a bug.
            for _ in range(3):
                html_file.write_text(render(guide), encoding="utf-8")
                pdf = print_pdf(browser, html_file)
                found = start_pages(pdf, len(guide.entries) + 2)[2:]
                if found == [entry.number for entry in guide.entries]:
                    break
                for entry, number in zip(guide.entries, found):
                    entry.number = number
            else:
                raise PdfError("the contents' page numbers do not settle")
        finally:
            browser.close()
    pdf = dated(pdf, guide.reviewed)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    return len(PdfReader(io.BytesIO(pdf)).pages), time.perf_counter() - start
