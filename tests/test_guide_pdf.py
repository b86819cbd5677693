"""The whole guide as one PDF (guidepdf/, `make pdf`): every page in menu order, with a cover,
numbered contents, page numbers, sources and link addresses, the letters and the blank organiser;
text a reader can search and copy; tagged; dated by its review; published beside the offline
zip, not inside it, and linked from every footer and from About.

Each edition's PDF is printed once per test run (conftest.py). Its text is read with pypdfium2
(PDFium, the engine Chrome reads PDFs with: about 25 times faster here than pypdf); its
bookmarks, links, tags and dates with pypdf."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from functools import cache
from pathlib import Path

import pypdfium2
import yaml
from pypdf import PdfReader

from pages import spanish
from sitemodel import ROOT, build_env, editions, front_matter, nav_pages, offline_zip

SITE_URL = build_env()["SITE_URL"]
PDF = editions()["en"].guide_pdf
ZIP = offline_zip()
SITE_NAME = editions()["en"].site_name


@cache
def read(path: Path) -> tuple[PdfReader, list[str]]:
    """The PDF and the text of each of its pages, whitespace made single spaces."""
    document = pypdfium2.PdfDocument(path)
    # PDFium marks a hyphen at the end of a line as U+FFFE, not knowing whether the word was
    # split there: in this guide only real hyphens break lines (in link addresses, "in-network").
    texts = [" ".join(document[i].get_textpage().get_text_range().replace("\ufffe", "-").split())
             for i in range(len(document))]
    document.close()
    return PdfReader(path), texts


def joined(texts: list[str]) -> str:
    return " ".join(texts)


def squeezed(texts: list[str]) -> str:
    """All the text with no spaces at all: link addresses break across lines when printed."""
    return re.sub(r"\s+", "", joined(texts))


def titles(lang: str = "en") -> list[str]:
    return [front_matter(page if lang == "en" else spanish(page))["title"] for page in nav_pages()]


def long_date(day: dt.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def test_the_pdf_has_a_sensible_number_of_pages(guide_pdf):
    reader, _ = read(guide_pdf)
    pages, guide_pages = len(reader.pages), len(nav_pages())
    size = guide_pdf.stat().st_size
    print(f"{guide_pdf.name}: {pages} pages, {size / 1e6:.2f} MB, for {guide_pages} pages of the guide")
    assert guide_pages + 2 <= pages <= 6 * guide_pages, (
        f"the PDF has {pages} pages for {guide_pages} pages of the guide (a cover, contents, then 1 to 6 each)")
    assert size < 10_000_000, f"the PDF is {size / 1e6:.1f} MB: too big to download on a phone"


def test_the_text_can_be_extracted_and_every_page_title_is_in_it(guide_pdf):
    _, texts = read(guide_pdf)
    text = joined(texts)
    assert len(text) > 20_000, f"only {len(text)} characters of text could be read from the PDF"
    missing = [title for title in titles() if title not in text]
    assert not missing, f"page titles not found in the PDF's text: {missing}"


def test_the_pages_come_in_menu_order_each_with_a_bookmark(guide_pdf):
    reader, _ = read(guide_pdf)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [SITE_NAME, "Contents", *titles()], f"the PDF's top-level bookmarks are {top}"


def test_the_cover_gives_the_title_and_the_newest_review_date(guide_pdf):
    _, texts = read(guide_pdf)
    newest = max(front_matter(page)["reviewed"] for page in nav_pages())
    assert SITE_NAME in texts[0], f"the cover does not give the title: {texts[0][:200]!r}"
    assert f"Reviewed {long_date(newest)}" in texts[0], f"the cover does not give {long_date(newest)}: {texts[0]!r}"
    assert "not medical advice" in texts[0], "the cover does not say it is not medical advice"


def test_the_contents_give_the_page_where_each_page_starts(guide_pdf):
    reader, texts = read(guide_pdf)
    starts = [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]
    contents = " ".join(text for text in texts[1:starts[2] - 1])
    wrong = []
    for title, start in zip(titles(), starts[2:]):
        match = re.search(re.escape(title) + r"\s*(\d+)", contents)
        if not match or int(match.group(1)) != start:
            wrong.append(f"{title}: contents say {match.group(1) if match else 'nothing'}, page starts on {start}")
    assert not wrong, "the contents give the wrong page numbers:\n" + "\n".join(wrong)


def test_every_page_but_the_cover_shows_its_number(guide_pdf):
    _, texts = read(guide_pdf)
    total = len(texts)
    unnumbered = [n for n, text in enumerate(texts, start=1) if n > 1 and f"Page {n} of {total}" not in text]
    assert not unnumbered, f"pages without 'Page n of {total}': {unnumbered}"
    assert "Page 1 of" not in texts[0], "the cover shows a page number"


def test_every_page_prints_its_sources_with_their_addresses(guide_pdf):
    _, texts = read(guide_pdf)
    text = squeezed(texts)
    missing = [f"{page}: {source['url']}" for page in nav_pages() for source in front_matter(page)["sources"]
               if re.sub(r"\s+", "", source["url"]) not in text]
    assert not missing, "source addresses missing from the PDF:\n" + "\n".join(missing)


def test_links_print_their_address_or_stay_inside_the_pdf(guide_pdf):
    """On paper a link is only its words, so other sites print their address; links between pages
    become links within the PDF, and nothing points at the computer it was built on."""
    reader, texts = read(guide_pdf)
    assert re.sub(r"\s+", "", SITE_URL + ZIP) in squeezed(texts), "the offline zip's address is not printed"
    uris = [annotation.get_object().get("/A", {}).get("/URI", "")
            for page in reader.pages for annotation in page.get("/Annots", [])]
    local = [uri for uri in uris if uri and not uri.startswith(("https://", "http://", "mailto:", "tel:"))]
    assert not local, f"links in the PDF that lead nowhere for a reader: {sorted(set(local))[:10]}"
    internal = [annotation for page in reader.pages for annotation in page.get("/Annots", [])
                if "/Dest" in annotation.get_object() or annotation.get_object().get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= len(nav_pages()), f"only {len(internal)} links within the PDF (the contents alone have more)"


def test_the_letters_and_the_blank_organiser_are_in_it(guide_pdf, page_soup):
    _, texts = read(guide_pdf)
    text = joined(texts)
    letters = [h.get_text(" ", strip=True).rstrip("¶").strip()
               for page in ("letters.md", "letters-to-insurance.md")
               for h in page_soup(page).select("article h2[id]") if h["id"].startswith(("ask-", "appeal-"))]
    assert len(letters) == 8, f"expected eight letters, found {letters}"
    missing = [letter for letter in letters if letter not in text]
    assert not missing, f"letters missing from the PDF: {missing}"
    for part in ("Who is who", "Calls and visits", "The two opinions side by side", "Next steps"):
        assert part in text, f"the organiser's {part!r} is missing from the PDF"
    for screen_only in ("Open a saved copy", "Add a call or visit", "Remove entry", "Scripts are off"):
        assert screen_only not in text, f"the PDF shows the organiser's screen-only {screen_only!r}"


def test_the_pdf_is_tagged_with_its_title_language_and_structure(guide_pdf):
    reader, _ = read(guide_pdf)
    catalog = reader.trailer["/Root"]
    assert bool(catalog.get("/MarkInfo", {}).get("/Marked")), "the PDF is not marked as tagged"
    assert "/StructTreeRoot" in catalog, "the PDF has no structure tree (tags)"
    assert catalog.get("/Lang") == "en", f"the PDF's language is {catalog.get('/Lang')!r}, want 'en'"
    assert reader.metadata.title == SITE_NAME, f"the PDF's title is {reader.metadata.title!r}"


def test_the_pdf_is_dated_by_the_review_not_the_build(guide_pdf):
    reader, _ = read(guide_pdf)
    newest = max(front_matter(page)["reviewed"] for page in nav_pages())
    assert reader.metadata.creation_date.date() == newest, f"created {reader.metadata.creation_date}"
    assert reader.metadata.modification_date.date() == newest, f"modified {reader.metadata.modification_date}"


# --- Where it lives and how readers find it ----------------------------------------------------

def test_every_footer_and_about_link_the_pdf_at_its_published_address(soups):
    url = SITE_URL + PDF
    missing = [path for path, soup in soups.items()
               if not path.startswith("es/") and not soup.select_one(f'.md-footer a[href="{url}"]')]
    assert not missing, f"pages whose footer does not link {url}: {missing}"
    assert soups["about.html"].select_one(f'article a[href="{url}"]'), f"About does not link {url} in its text"
    leftover = [path for path, soup in soups.items() if "GUIDE-PDF-URL" in str(soup)]
    assert not leftover, f"pages that show the PDF link's placeholder: {leftover}"


def test_the_pdf_is_not_inside_the_offline_zip(site_dir):
    with zipfile.ZipFile(site_dir / ZIP) as archive:
        pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert not pdfs, f"the offline zip holds {pdfs}: the PDF is a download of its own"


def test_publishing_writes_the_pdf_into_the_site_before_uploading_it():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    runs = [step.get("run") or step.get("uses", "").split("@")[0] for step in workflow["jobs"]["publish"]["steps"]]
    assert "make pdf" in runs, f"the publish job never runs `make pdf`: {runs}"
    assert runs.index("make build") < runs.index("make pdf") < runs.index("actions/upload-pages-artifact"), runs
    pdf_step = next(s for s in workflow["jobs"]["publish"]["steps"] if s.get("run") == "make pdf")
    assert "SITE_URL" in pdf_step.get("env", {}), "`make pdf` must build with the published SITE_URL"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"guide_pdf: {PDF}" in config, f"mkdocs.yml must name where the PDF is written ({PDF})"


def test_build_and_serve_do_not_need_the_pdf():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "build"):
        needs = re.search(rf"^{target}:(.*)$", makefile, flags=re.M)
        assert needs and "pdf" not in needs.group(1), f"`make {target}` depends on the PDF: {needs.group(0)}"
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "build_pdf" not in recipe, f"`make {target}` builds the PDF"
    assert re.search(r"^pdf: build", makefile, flags=re.M), "`make pdf` must build the site first"



# --- The Spanish edition's PDF -------------------------------------------------------------------

SPANISH_PDF = editions()["es"].guide_pdf


def test_the_spanish_pdf_holds_every_spanish_page_in_menu_order(spanish_guide_pdf):
    reader, texts = read(spanish_guide_pdf)
    spanish_titles = titles("es")
    assert len(nav_pages()) + 2 <= len(reader.pages) <= 6 * len(nav_pages()), f"{len(reader.pages)} pages"
    missing = [title for title in spanish_titles if title not in joined(texts)]
    assert not missing, f"Spanish page titles not found in the Spanish PDF: {missing}"
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[1:] == ["Contenido", *spanish_titles], f"the Spanish PDF's top-level bookmarks are {top}"
    assert "Revisada el" in texts[0] and "no consejo médico" in texts[0], f"the Spanish cover says {texts[0][:300]!r}"
    catalog = reader.trailer["/Root"]
    assert catalog.get("/Lang") == "es", f"the Spanish PDF's language is {catalog.get('/Lang')!r}"


def test_every_spanish_footer_links_the_spanish_pdf(soups):
    url = SITE_URL + SPANISH_PDF
    missing = [path for path, soup in soups.items()
               if path.startswith("es/") and not soup.select_one(f'.md-footer a[href="{url}"]')]
    assert not missing, f"Spanish pages whose footer does not link {url}: {missing}"
