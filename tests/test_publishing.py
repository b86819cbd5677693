"""Publishing: the deploy workflow, findability without tracking, corrections, reproducible builds."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

from pages import PAGES, ui
from sitemodel import ROOT, build, front_matter, html_path, language

SITE_URL = "https://second-opinion-guide.example.org/"
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_the_workflow_tests_every_change_and_publishes_main_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test_steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in test_steps), "the test job must run .ci/run"
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test", "publish must wait for the tests"
    uses = [step.get("uses", "").split("@")[0] for step in publish["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, f"publish job does not use {action}"
    build_step = next(step for step in publish["steps"] if step.get("run") == "make build")
    assert "SITE_URL" in build_step["env"], "the published address must come from SITE_URL"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_site_address_comes_from_one_place():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL," in text, "site_url must read SITE_URL, with a default"
    assert "repo_url" not in text, "no repository widget: it calls GitHub's API from the reader's browser"


def test_the_sitemap_lists_every_page_with_its_review_date(site_dir):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    entries = {u.find("s:loc", namespace).text: u.find("s:lastmod", namespace).text
               for u in root.findall("s:url", namespace)}
    for page in PAGES:
        url = SITE_URL + html_path(page)
        assert url in entries, f"sitemap.xml lacks {url}"
        assert entries[url] == front_matter(page)["reviewed"].isoformat(), (
            f"{page}: sitemap lastmod {entries[url]} is not its reviewed date"
        )


def test_robots_txt_points_to_the_sitemap(site_dir):
    lines = (site_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert "Disallow: /" not in lines


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_link_preview_meta(page, page_soup, site_dir):
    soup, meta = page_soup(page), front_matter(page)

    def content(attr: str, name: str) -> str | None:
        tag = soup.find("meta", attrs={attr: name})
        return tag["content"] if tag else None

    assert soup.find("link", rel="canonical")["href"] == SITE_URL + html_path(page)
    assert content("property", "og:title") == meta["title"], f"{page}: og:title"
    assert content("property", "og:description") == meta["description"], f"{page}: og:description"
    assert content("property", "og:url") == SITE_URL + html_path(page), f"{page}: og:url"
    assert content("name", "twitter:card") == "summary_large_image", f"{page}: twitter:card"
    for key, attr in (("og:image", "property"), ("twitter:image", "name")):
        image = content(attr, key)
        assert image and image.startswith(SITE_URL), f"{page}: {key} must be an absolute URL on the site"
        assert (site_dir / image.removeprefix(SITE_URL)).is_file(), f"{page}: {key} {image} is not in the site"
        assert (content(attr, key + ":alt") or "").strip(), f"{page}: {key} has no alt text"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_describes_itself_as_a_medical_web_page(page, page_soup):
    scripts = page_soup(page).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, f"{page}: {len(scripts)} JSON-LD blocks, want one"
    data, meta = json.loads(scripts[0].string), front_matter(page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["name"] == meta["title"], f"{page}: JSON-LD name"
    assert data["description"] == meta["description"], f"{page}: JSON-LD description"
    assert data["lastReviewed"] == meta["reviewed"].isoformat(), f"{page}: JSON-LD lastReviewed"
    assert data["inLanguage"] == language(page), f"{page}: JSON-LD inLanguage"
    audience = data["audience"]["audienceType"].lower()
    assert "parents" in audience or "padres" in audience, f"{page}: JSON-LD audience"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_offers_a_plain_suggest_a_correction_link(page, page_soup):
    links = [a for a in page_soup(page).select(".md-footer a") if a.get_text(strip=True) == ui(language(page))["correction"]]
    assert len(links) == 1, f"{page}: no 'Suggest a correction' link in the footer"
    assert links[0]["href"].startswith(("https://", "mailto:")), f"{page}: the correction link is not plain"


def test_two_builds_of_one_commit_are_byte_identical(site_dir, tmp_path):
    again = tmp_path / "site"
    result = build(again)
    assert result.returncode == 0, result.stderr
    differ: list[str] = []

    def compare(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differ.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differ.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            compare(sub, f"{prefix}{name}/")

    compare(filecmp.dircmp(site_dir, again))
    assert not differ, f"two builds differ in: {differ}"


def test_the_review_report_lists_every_page_soonest_first():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "review.py"), "2027-10-01"],
                            capture_output=True, text=True, check=True)
    rows = [line for line in result.stdout.splitlines() if line.startswith("20")]
    assert len(rows) == len(PAGES), f"the report lists {len(rows)} of {len(PAGES)} pages"
    assert rows == sorted(rows), "the report is not sorted by next review date"
    assert all("due soon" in row for row in rows if row.startswith("2027-11")), "pages due within 60 days not flagged"
