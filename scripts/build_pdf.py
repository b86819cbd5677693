"""Write the whole guide as one PDF, for families who print it or pass it on: `make pdf`.

Runs on a built site (`make build` first): it reads the pages from site/, in the order of
mkdocs.yml's `nav`, so a new page appears in the PDF with no change here. It writes
site/<extra.guide_pdf>, beside the offline zip but not inside it (the zip is written during
`mkdocs build`, before this runs). It is plain Python, not a MkDocs hook, so `make build` and
`make serve` stay fast and never need a browser.

Why Chromium, through Playwright, and not WeasyPrint: Chromium is already what the tests use
(Debian's package, driven by the pinned Playwright), and it lays out the site's own CSS,
including the print styles the tests check, exactly as a reader's browser prints a page. It
writes a tagged PDF (headings, lists, tables and link text in a structure tree, and the
document language) and bookmarks from the headings. WeasyPrint (70 installs here) would add a
second renderer with its own system libraries and its own reading of Material's CSS. What
Chromium lacks, this script does: CSS cannot put page numbers in a table of contents
(no target-counter()), so the guide is printed twice, the second time with the page numbers
read from the first print's bookmarks; and Chromium stamps each PDF with the time it was
made, so those two dates are set to the guide's newest review date; and it names table header
cells after accessibility node numbers that shift when the machine is busy, so those are
renumbered in order. That makes two builds of one commit byte-for-byte the same.

Each edition gets its own PDF (English, and Spanish from site/es/, each at its extra.guide_pdf).

Usage: python scripts/build_pdf.py [--site site] [--lang en|es] [--output FILE]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import html as htmllib
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STYLE = Path(__file__).with_name("guide-pdf.css")
PAGE_NUMBER_PLACEHOLDER = "00"
ID_ATTRIBUTES = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls")


# --- What the site says about itself: mkdocs.yml --------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags: !ENV [NAME, default] reads the environment, others are ignored."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def nav_pages(nav: list) -> list[tuple[str | None, str]]:
    """(section title or None, page.md) for every page in nav, in order."""
    pages: list[tuple[str | None, str]] = []

    def walk(items: list, section: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                pages.append((section, item))
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        walk(value, section or title)
                    else:
                        pages.append((section, value))

    walk(nav, None)
    return [(section, page) for section, page in pages if page.endswith(".md")]  # not links to other sites


# --- One HTML document: cover, contents, then every page's article ---------------------------

def slug_of(page: str) -> str:
    return page.removesuffix(".md").replace("/", "-")


def page_title(article: Tag) -> str:
    h1 = copy.copy(article.find("h1"))
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text(" ", strip=True)


def rewrite_article(article: Tag, slug: str, page_file: str, pages: dict[str, str], site_url: str) -> None:
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
        if target in pages:
            link["href"] = f"#{pages[target]}--{parts.fragment}" if parts.fragment else f"#{pages[target]}"
        else:
            link["href"] = urljoin(site_url, urljoin(page_file, link["href"]))
    for junk in article.select(".headerlink, script"):
        junk.decompose()
    article["id"] = slug
    article["class"] = [*article.get("class", []), "guide-page"]


def newest_review(articles: list[Tag]) -> dt.date:
    dates = [dt.date.fromisoformat(t["datetime"]) for a in articles
             for t in a.select(".page-review__dates time")[:1]]
    if not dates:
        sys.exit("build_pdf: no page shows a review date; is this a built site?")
    return max(dates)


# The words the PDF itself adds, per language (the pages bring their own).
WORDS = {
    "en": {"for": "A guide for parents and caregivers", "contents": "Contents",
           "reviewed": "Reviewed {date}. Each page gives its own review date and sources.",
           "online": "Read it online, and get the newest version:", "page": '"Page " counter(page) " of " counter(pages)',
           "advice": "This guide is general information, not medical advice. "
                     "Please talk with your child's care team about your child's care."},
    "es": {"for": "Una guía para padres y cuidadores", "contents": "Contenido",
           "reviewed": "Revisada el {date}. Cada página da su propia fecha de revisión y sus fuentes.",
           "online": "Léala en internet, en su versión más reciente:", "page": '"Página " counter(page) " de " counter(pages)',
           "advice": "Esta guía es información general, no consejo médico. "
                     "Hable con el equipo de atención médica de su hijo sobre su cuidado."},
}


def long_date(day: dt.date, lang: str = "en", months: list[str] | None = None) -> str:
    if lang == "es" and months:
        return f"{day.day} de {months[day.month - 1]} de {day.year}"
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def edition(config: dict, lang: str) -> dict:
    """The settings of one language's edition: the site's own for English, the i18n plugin's
    overrides on top of them for another language (its name, description, extra, menu words)."""
    if lang == "en":
        return {**config, "nav_translations": {}, "folder": ""}
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    language = next(l for l in i18n["languages"] if l["locale"] == lang)
    extra = {**config["extra"], **language.get("extra", {})}
    return {**config, **{k: language[k] for k in ("site_name", "site_description", "copyright") if k in language},
            "extra": extra, "nav_translations": language.get("nav_translations", {}), "folder": f"{lang}/"}


def assemble(site: Path, config: dict, lang: str = "en") -> tuple[str, list[str], dt.date]:
    """The guide as one HTML document, the page titles in order, and the newest review date."""
    config = edition(config, lang)
    words = WORDS[lang]
    site_url = (config.get("site_url") or "") + config["folder"]
    site = site / config["folder"]  # each edition's pages, linked to each other by name
    order = [(config["nav_translations"].get(section, section), page) for section, page in nav_pages(config["nav"])]
    pages = {page.removesuffix(".md") + ".html": slug_of(page) for _, page in order}
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")

    articles, toc, titles = [], [], []
    current_section: list | None = None
    for section, page in order:
        html = page.removesuffix(".md") + ".html"
        soup = BeautifulSoup((site / html).read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            sys.exit(f"build_pdf: site/{html} has no article; is the site built?")
        title = page_title(article)
        rewrite_article(article, slug_of(page), html, pages, site_url)
        articles.append(article)
        titles.append(title)
        entry = (f'<li><a href="#{slug_of(page)}"><span class="guide-toc__title">{htmllib.escape(title)}</span>'
                 f'<span class="guide-toc__page">{PAGE_NUMBER_PLACEHOLDER}</span></a></li>')
        if section is None:
            toc.append(entry)
            current_section = None
        else:
            if current_section is None or current_section[0] != section:
                current_section = [section]
                toc.append(current_section)
            current_section.append(entry)

    reviewed = newest_review(articles)
    toc_html = "".join(
        item if isinstance(item, str) else
        f'<li class="guide-toc__section"><span class="guide-toc__section-title">{htmllib.escape(item[0])}</span>'
        f'<ol>{"".join(item[1:])}</ol></li>'
        for item in toc
    )
    stylesheets = "".join(
        f'<link rel="stylesheet" href="{(site / link["href"]).as_uri()}">'
        for link in home.find_all("link", rel="stylesheet")
    )
    body_attributes = " ".join(f'{k}="{v}"' for k, v in home.body.attrs.items() if isinstance(v, str))
    site_name = htmllib.escape(config["site_name"])
    about = htmllib.escape(" ".join(config.get("site_description", "").split()))
    notice = htmllib.escape(config.get("copyright", ""))
    document = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{site_name}</title>
<meta name="description" content="{about}">
{stylesheets}
<style>{STYLE.read_text(encoding="utf-8").replace('"Page " counter(page) " of " counter(pages)', words["page"])}</style>
</head>
<body {body_attributes}>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content" id="guide">
<section class="guide-cover md-typeset">
<p class="guide-cover__for">{words["for"]}</p>
<h1>{site_name}</h1>
<p class="guide-cover__about">{about}</p>
<p class="guide-cover__reviewed">{words["reviewed"].format(date=long_date(reviewed, lang, config["extra"]["ui"]["months"]))}</p>
<p class="guide-cover__online">{words["online"]} <a href="{site_url}">{site_url}</a></p>
<p class="guide-cover__advice">{words["advice"]}</p>
<p class="guide-cover__license">{notice}</p>
</section>
<nav class="guide-toc md-typeset" aria-labelledby="contents">
<h1 id="contents">{words["contents"]}</h1>
<ol>{toc_html}</ol>
</nav>
{"".join(str(a) for a in articles)}
</div></div></main></div>
</body>
</html>
"""
    return document, titles, reviewed


# --- Print, number, print again ---------------------------------------------------------------

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


def start_pages(pdf_file: Path, count: int) -> list[int]:
    """The page (from 1) each top-level bookmark points to: the cover, the contents, each page."""
    reader = PdfReader(pdf_file)
    top = [item for item in reader.outline if not isinstance(item, list)]
    if len(top) != count:
        sys.exit(f"build_pdf: the PDF has {len(top)} top-level bookmarks, expected {count} "
                 "(cover, contents, one per page): does every page have exactly one <h1>?")
    return [reader.get_destination_page_number(item) + 1 for item in top]


def number_contents(document: str, numbers: list[int]) -> str:
    numbered = iter(numbers)
    return re.sub(r'(<span class="guide-toc__page">)[^<]*(</span>)',
                  lambda m: f"{m.group(1)}{next(numbered)}{m.group(2)}", document)


def pin_dates(pdf: bytes, day: dt.date) -> bytes:
    """Chromium stamps the print time; the guide's newest review date makes the bytes repeatable.

    The new date has the same length as the old one, so no byte offset in the file moves.
    """
    stamp = f"D:{day:%Y%m%d}000000+00'00'".encode()

    def same_length(match: re.Match) -> bytes:
        old = match.group(2)
        if len(old) != len(stamp):
            sys.exit(f"build_pdf: unexpected date format in the PDF: {old!r}")
        return match.group(1) + stamp + b")"

    pinned, count = re.subn(rb"(/(?:CreationDate|ModDate) \()(D:[^)]*)\)", same_length, pdf)
    if count != 2:
        sys.exit(f"build_pdf: expected a creation and a modification date in the PDF, found {count}")
    return pinned


def pin_node_ids(pdf: bytes) -> bytes:
    """Chromium names a table's header cells after its accessibility nodes ("node00003559"), and
    those numbers shift by one or two when the machine is busy while the page opens (seen on CI:
    two builds of one site differed only there). Number them 1, 2, 3... in their own order: the
    names keep their length, so no byte offset moves, and their sort order, which the PDF's
    /IDTree needs; header cells still point at the same cells.
    """
    found = sorted({int(number) for number in re.findall(rb"\(node(\d+)\)", pdf)})
    rank = {number: position for position, number in enumerate(found, start=1)}

    def renumber(match: re.Match) -> bytes:
        digits = match.group(1)
        return b"(node" + str(rank[int(digits)]).zfill(len(digits)).encode() + b")"

    return re.sub(rb"\(node(\d+)\)", renumber, pdf)


def build(site: Path, output: Path, lang: str = "en") -> tuple[int, float]:
    """Write the PDF of one language's edition; return its page count and the seconds it took."""
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    config = load_config()
    document, titles, reviewed = assemble(site, config, lang)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        html_file = Path(work) / "guide.html"
        pdf_file = Path(work) / "guide.pdf"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        numbers: list[int] = []
        # Page numbers in the contents can move the pages they number only if the contents
        # grow by a line; a second round settles that, a third would be a bug.
        for _ in range(3):
            html_file.write_text(number_contents(document, numbers) if numbers else document, encoding="utf-8")
            pdf_file.write_bytes(print_pdf(browser, html_file))
            found = start_pages(pdf_file, len(titles) + 2)[2:]
            if found == numbers:
                break
            numbers = found
        else:
            sys.exit("build_pdf: the contents' page numbers do not settle")
        browser.close()
        pdf = pin_node_ids(pin_dates(pdf_file.read_bytes(), reviewed))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    return len(PdfReader(output).pages), time.perf_counter() - start


def main() -> None:
    config = load_config()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, help="where to write the PDF (default: site/ + extra.guide_pdf)")
    parser.add_argument("--lang", choices=sorted(WORDS), help="one edition only (default: every edition)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"build_pdf: {args.site} is not a built site: run `make build` first")
    for lang in [args.lang] if args.lang else sorted(WORDS):
        output = args.output or args.site / edition(config, lang)["extra"]["guide_pdf"]
        pages, seconds = build(args.site, output, lang)
        print(f"Wrote {output} ({pages} pages, {output.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s")


if __name__ == "__main__":
    main()
