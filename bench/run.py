"""Speed and size of this site beside a plain Material build of the same pages.

Run it with `make bench` (or `.venv/bin/python bench/run.py` after `make deps`). In one run, on
this machine, it:

1. builds this site and a *reference*: the same docs/ with `theme: material` and only the
   Markdown extensions the pages need (no overrides, hooks, plugins or extra CSS/JS);
2. serves each on 127.0.0.1 and loads every page in headless Chromium, recording requests
   (local / third-party; third-party ones are blocked and counted), bytes as a web server
   would send them gzip-compressed (HTML, CSS, JS, other), and DOMContentLoaded / load times;
3. runs Lighthouse 12.2.3 (installed into bench/.work/ from npm) with mobile defaults on the
   home page and two content pages of each build, three times, keeping medians;
4. times five builds of each (median) and measures site/ and the offline zip;
5. prints one table, writes bench/results/latest.json and latest.md, and checks
   bench/budgets.toml: it exits 1 naming each budget missed.

Benchmarks are not tests: nothing here runs in `make test`.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE = "12.2.3"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LIGHTHOUSE_PAGES = ["index", "what-it-is", "records"]
LIGHTHOUSE_RUNS = 3
BUILD_RUNS = 5
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")

# The reference: Material as it comes, with the Markdown the pages need to render the same.
REFERENCE_CONFIG = """
site_name: Second opinions for your child's cancer care
site_url: {site_url}
docs_dir: {docs}
exclude_docs: |
  _snippets/
  assets/vendor/README.md
theme:
  name: material
nav: {nav}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.highlight
  - pymdownx.snippets:
      auto_append: [{docs}/_snippets/abbreviations.md]
  - pymdownx.tasklist:
      custom_checkbox: true
"""


def ours_config(site_url: str) -> Path:
    """This site's own mkdocs.yml; its site_url comes from SITE_URL, set by build()."""
    return ROOT / "mkdocs.yml"


def reference_config(site_url: str) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from sitebuild import nav_pages  # the same page order as this site

    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "reference.yml"
    path.write_text(REFERENCE_CONFIG.format(site_url=site_url, docs=ROOT / "docs",
                                            nav=json.dumps(nav_pages())), encoding="utf-8")
    return path


def build(config: Path, site: Path, site_url: str) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {config.name} failed:\n{result.stdout}{result.stderr}")
    return elapsed


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text as real hosts (GitHub Pages among them) do.

    Python's http.server sends everything uncompressed, which would make Lighthouse's
    simulated phone connection wait for bytes no real visitor waits for.
    """

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not content_type.startswith(COMPRESSIBLE)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_urls(site: Path, base: str) -> dict[str, str]:
    """Page name -> URL, for both URL styles (page.html, or page/ with directory URLs)."""
    urls = {}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        name = rel.removesuffix("/index.html").removesuffix(".html") if rel != "index.html" else "index"
        urls[name] = base + (rel.removesuffix("index.html") if rel.endswith("/index.html") else rel)
    return urls


def kind(content_type: str, url: str) -> str:
    if "html" in content_type:
        return "html"
    if "css" in content_type or url.endswith(".css"):
        return "css"
    if "javascript" in content_type or url.endswith(".js"):
        return "js"
    return "other"


def measure_page(browser, url: str) -> dict:
    """One cold load on a phone-sized window: requests, gzipped bytes by kind, and timings."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    record = {"local_requests": 0, "third_party_requests": 0,
              "bytes": {"html": 0, "css": 0, "js": 0, "other": 0}}

    def route(r, request):  # Playwright calls route handlers with (route, request)
        if request.url.startswith("http://127.0.0.1"):
            record["local_requests"] += 1
            r.continue_()
        else:
            record["third_party_requests"] += 1
            r.abort()

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        content_type = response.headers.get("content-type", "")
        size = len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSIBLE) else len(body)
        record["bytes"][kind(content_type, response.url)] += size

    context.route("**/*", route)
    page = context.new_page()
    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    timing = page.evaluate("""() => { const t = performance.getEntriesByType('navigation')[0];
        return {dcl: t.domContentLoadedEventEnd, load: t.loadEventEnd}; }""")
    record["dom_content_loaded_ms"] = round(timing["dcl"], 1)
    record["load_ms"] = round(timing["load"], 1)
    record["bytes"]["total"] = sum(record["bytes"].values())
    context.close()
    return record


def measure_pages(urls: dict[str, str]) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        pages = {name: measure_page(browser, url) for name, url in urls.items()}
        browser.close()
    return pages


def lighthouse_bin() -> Path:
    binary = WORK / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(WORK), "--no-audit", "--no-fund", "--silent",
                        f"lighthouse@{LIGHTHOUSE}"], check=True)
    return binary


def lighthouse(url: str) -> dict:
    out = Path(tempfile.mkdtemp()) / "report.json"
    subprocess.run([str(lighthouse_bin()), url, "--output=json", f"--output-path={out}", "--quiet",
                    "--chrome-flags=" + " ".join(CHROME_FLAGS)],
                   env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, timeout=300)
    report = json.loads(out.read_text())
    shutil.rmtree(out.parent)
    scores = {k: report["categories"][k]["score"] for k in
              ("performance", "accessibility", "best-practices", "seo")}
    audits = report["audits"]
    scores["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    scores["tbt_ms"] = audits["total-blocking-time"]["numericValue"]
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["failed_audits"] = sorted(k for k, a in audits.items()
                                     if a.get("score") is not None and a["score"] < 1
                                     and a.get("scoreDisplayMode") in ("binary", "numeric"))
    return scores


def median_lighthouse(url: str) -> dict:
    runs = [lighthouse(url) for _ in range(LIGHTHOUSE_RUNS)]
    result = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "failed_audits"}
    result["failed_audits"] = sorted({a for r in runs for a in r["failed_audits"]})
    return result


def zip_size(site: Path, existing: str | None) -> int:
    if existing and (site / existing).is_file():
        return (site / existing).stat().st_size
    target = Path(tempfile.mkdtemp()) / "reference.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(site).as_posix())
    size = target.stat().st_size
    shutil.rmtree(target.parent)
    return size


def folder_size(site: Path, skip: str | None = None) -> int:
    return sum(p.stat().st_size for p in site.rglob("*")
               if p.is_file() and not (skip and p.relative_to(site).as_posix() == skip))


def measure(label: str, make_config, zip_name: str | None) -> dict:
    print(f"== {label}", file=sys.stderr)
    site = Path(tempfile.mkdtemp(prefix=f"bench-{label}-")) / "site"
    # Serve first, so the build knows its address: canonical links then point where the pages
    # are served (Lighthouse checks that).
    server, base = serve(site.parent)
    config = make_config(base + "site/")
    build_times = [build(config, site, base + "site/") for _ in range(BUILD_RUNS)]
    urls = page_urls(site, base + "site/")
    result = {
        "build_seconds_median": round(statistics.median(build_times), 3),
        "site_bytes": folder_size(site, zip_name),
        "zip_bytes": zip_size(site, zip_name),
        "pages": measure_pages(urls),
        "lighthouse": {name: median_lighthouse(urls[name]) for name in LIGHTHOUSE_PAGES},
    }
    server.shutdown()
    shutil.rmtree(site.parent)
    return result


def summary(result: dict) -> dict[str, float]:
    pages = result["pages"].values()
    lh = result["lighthouse"].values()
    figures = {
        "pages measured": len(result["pages"]),
        "bytes per page, total (gzip)": statistics.mean(p["bytes"]["total"] for p in pages),
        "bytes per page, HTML": statistics.mean(p["bytes"]["html"] for p in pages),
        "bytes per page, CSS": statistics.mean(p["bytes"]["css"] for p in pages),
        "bytes per page, JS": statistics.mean(p["bytes"]["js"] for p in pages),
        "bytes per page, other": statistics.mean(p["bytes"]["other"] for p in pages),
        "local requests per page": statistics.mean(p["local_requests"] for p in pages),
        "third-party requests, all pages": sum(p["third_party_requests"] for p in pages),
        "DOMContentLoaded ms (median)": statistics.median(p["dom_content_loaded_ms"] for p in pages),
        "load ms (median)": statistics.median(p["load_ms"] for p in pages),
        "build s (median of 5)": result["build_seconds_median"],
        "site/ bytes": result["site_bytes"],
        "offline zip bytes": result["zip_bytes"],
    }
    for category in ("performance", "accessibility", "best-practices", "seo"):
        figures[f"Lighthouse {category} (lowest page)"] = min(r[category] for r in lh)
    figures["Lighthouse LCP ms (highest page)"] = max(r["lcp_ms"] for r in lh)
    figures["Lighthouse TBT ms (highest page)"] = max(r["tbt_ms"] for r in lh)
    figures["Lighthouse CLS (highest page)"] = max(r["cls"] for r in lh)
    return figures


def check_budgets(ours: dict, ref: dict, figures_ours: dict, figures_ref: dict) -> list[str]:
    budgets = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text())
    missed = []
    for page, scores in ours["lighthouse"].items():
        for category in ("performance", "accessibility", "best-practices", "seo"):
            floor = budgets["lighthouse"]["min_performance" if category == "performance" else "min_score"]
            if scores[category] < floor:
                missed.append(f"Lighthouse {category} on {page}: {scores[category]:.2f} < {floor:.2f} "
                              f"(audits below 1: {', '.join(scores['failed_audits']) or 'none'})")
    ratio = figures_ours["bytes per page, total (gzip)"] / figures_ref["bytes per page, total (gzip)"]
    if ratio > budgets["bytes"]["max_ratio_to_reference"]:
        missed.append(f"bytes per page: {ratio:.2f}x the reference > {budgets['bytes']['max_ratio_to_reference']}x")
    third = figures_ours["third-party requests, all pages"]
    if third > budgets["privacy"]["max_third_party_requests"]:
        missed.append(f"third-party requests: {third}")
    ratio = figures_ours["build s (median of 5)"] / figures_ref["build s (median of 5)"]
    if ratio > budgets["build"]["max_ratio_to_reference"]:
        missed.append(f"build time: {ratio:.2f}x the reference > {budgets['build']['max_ratio_to_reference']}x")
    if ours["zip_bytes"] > budgets["offline_zip"]["max_bytes"]:
        missed.append(f"offline zip: {ours['zip_bytes']} bytes > {budgets['offline_zip']['max_bytes']}")
    return missed


def table(ours: dict[str, float], ref: dict[str, float]) -> str:
    lines = ["| figure | this site | plain Material | ratio |", "| --- | ---: | ---: | ---: |"]
    def fmt(key: str, x: float) -> str:
        fraction = ("Lighthouse" in key and "ms" not in key) or "per page" in key and "requests" in key
        return f"{x:.2f}" if fraction or "build s" in key else f"{x:,.0f}"

    for key in ours:
        a, b = ours[key], ref[key]
        ratio = f"{a / b:.2f}" if b else "-"
        lines.append(f"| {key} | {fmt(key, a)} | {fmt(key, b)} | {ratio} |")
    return "\n".join(lines)


def main() -> int:
    ours = measure("ours", ours_config, "downloads/second-opinion-guide.zip")
    ref = measure("reference", reference_config, None)
    fig_ours, fig_ref = summary(ours), summary(ref)
    missed = check_budgets(ours, ref, fig_ours, fig_ref)
    versions = {name: version(name) for name in ("mkdocs", "mkdocs-material", "pymdown-extensions",
                                                 "mkdocs-minify-plugin", "playwright")}
    versions["lighthouse"] = LIGHTHOUSE
    versions["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    versions["python"] = platform.python_version()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = table(fig_ours, fig_ref)
    budget_text = "All budgets hold." if not missed else "Budgets missed:\n" + "\n".join(f"- {m}" for m in missed)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(
        {"date": when, "machine": f"{platform.machine()}, {os.cpu_count()} cores", "versions": versions,
         "summary": {"ours": fig_ours, "reference": fig_ref}, "budgets_missed": missed,
         "ours": ours, "reference": ref}, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(
        f"# Benchmark: this site beside a plain Material build\n\nRun {when} on {platform.machine()} "
        f"({os.cpu_count()} cores).\nVersions: " + ", ".join(f"{k} {v}" for k, v in versions.items())
        + f".\n\n{text}\n\n{budget_text}\n")
    print(text)
    print()
    print(budget_text)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
