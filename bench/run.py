"""Speed and size of every page of this site beside a plain Material build of the same pages.

Run it with `make bench`: about 65 minutes for both editions (80 pages) on a quiet 2-core
machine; bench/results/latest.md gives the last run's time. In one run, on this machine, it:

1. builds this site and a *reference*: the same docs/ with `theme: material` and only the
   Markdown extensions the pages need (no overrides, hooks, plugins or extra CSS/JS), five
   times each (median build time), and measures site/ and the offline zip;
2. serves each on 127.0.0.1 with gzip, as any real host serves them;
3. runs Lighthouse (pinned in bench/package-lock.json, installed into bench/node_modules) with
   its mobile defaults, simulated slow 4G, on every page of both builds, three times each
   (bench/budgets.toml, [runs]), the two builds' copies of a page one after the other so both
   meet the same machine load, and keeps the median of each figure;
4. records for every page LCP, FCP, total blocking time, the four Lighthouse scores,
   requests (local and third-party), bytes on the wire (gzip, headers included) and the size
   of its HTML gzipped;
5. measures the service worker in Chromium (Playwright): what it downloads after a first visit,
   counted by the server (requests the service worker makes, Sec-Fetch-Dest "serviceworker" or
   "empty"), and on every page when it is registered against the first contentful paint;
6. prints the tables, writes bench/results/latest.json and latest.md, and checks
   bench/budgets.toml on every page: it exits 1 naming each budget missed.

Lighthouse's figures move with the machine's load (its CPU timings are multiplied by four to
play a phone): read single-run figures as noisy, medians as less so.

To measure a change quickly on a few pages: `.venv/bin/python bench/run.py --pages
index,es/letters --builds 1` (results go to bench/.work/, not bench/results/).

Benchmarks are not tests: nothing here runs in `make test`.
"""

from __future__ import annotations

import argparse
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

import sitemodel

ROOT = sitemodel.ROOT
BENCH = ROOT / "bench"
WORK = BENCH / ".work"
RESULTS = BENCH / "results"
CHROMIUM = sitemodel.chromium()
# Lighthouse starts Chrome itself; QUIC off is the tests' flag Lighthouse has never needed.
CHROME_FLAGS = [flag for flag in sitemodel.CHROMIUM_FLAGS if flag != "--disable-quic"]
BUILD_RUNS = 5
BUDGETS = BENCH / "budgets.toml"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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
      base_path: [{docs}/_snippets]   # each page includes its own language's glossary
  - pymdownx.tasklist:
      custom_checkbox: true
# Both editions, as the i18n plugin builds them with Material's defaults (its language selector).
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          name: English
          default: true
        - locale: es
          name: Español
"""


def ours_config(site_url: str) -> Path:
    """This site's own mkdocs.yml (the argument is unused: build() sets SITE_URL, which it reads)."""
    return sitemodel.CONFIG_FILE


def reference_config(site_url: str) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "reference.yml"
    path.write_text(REFERENCE_CONFIG.format(site_url=site_url, docs=ROOT / "docs",
                                            nav=json.dumps(sitemodel.nav_pages())), encoding="utf-8")
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
    simulated phone connection wait for bytes no real visitor waits for. It notes what it sent
    for each request (headers included), with the request's Sec-Fetch-Dest, in `sent`: so the
    bytes a service worker downloads are counted where they leave, on the wire.
    """

    sent: list[tuple[str, str, int]] = []  # (path, Sec-Fetch-Dest, bytes)

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        content_type = self.guess_type(str(path))
        body = path.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(COMPRESSIBLE)
        if compress:
            body = gzip.compress(body, 6)
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        if compress:
            headers.append(("Content-Encoding", "gzip"))
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        header_bytes = len(f"HTTP/1.0 200 OK\r\nServer: {self.version_string()}\r\nDate: {self.date_time_string()}\r\n")
        header_bytes += sum(len(f"{name}: {value}\r\n") for name, value in headers) + 2
        GzipHandler.sent.append((self.path, self.headers.get("Sec-Fetch-Dest", ""), len(body) + header_bytes))


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


class Build:
    """One build (ours or the reference), built into a temporary folder and served with gzip."""

    def __init__(self, label: str, make_config, zip_name: str | None, runs: int):
        print(f"== building {label} ({runs}x)", file=sys.stderr)
        self.label = label
        self.site = Path(tempfile.mkdtemp(prefix=f"bench-{label}-")) / "site"
        # Serve first, so the build knows its address: canonical links then point where the
        # pages are served (Lighthouse checks that).
        self.server, base = serve(self.site.parent)
        config = make_config(base + "site/")
        times = [build(config, self.site, base + "site/") for _ in range(runs)]
        self.urls = page_urls(self.site, base + "site/")
        self.figures = {"build_seconds_median": round(statistics.median(times), 3),
                        "site_bytes": folder_size(self.site, zip_name),
                        "zip_bytes": zip_size(self.site, zip_name)}

    def close(self) -> None:
        self.server.shutdown()
        shutil.rmtree(self.site.parent)


# --- Lighthouse -------------------------------------------------------------------------------

def lighthouse_ready() -> None:
    if not (BENCH / "node_modules" / "lighthouse").is_dir():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--silent"], check=True)


def lighthouse(urls: list[str]) -> list[dict]:
    """Lighthouse on each URL in turn, in one Chromium (bench/lighthouse.mjs)."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM, CHROME_FLAGS=" ".join(CHROME_FLAGS))
    result = subprocess.run(["node", str(BENCH / "lighthouse.mjs"), *urls], cwd=BENCH, env=env,
                            stdout=subprocess.PIPE, check=True, timeout=120 * len(urls) + 60)
    return json.loads(result.stdout)


def page_record(run: dict) -> dict:
    """What a page's Lighthouse run says, with requests counted and bytes summed by kind."""
    local_host = run["url"].split("/")[2]
    fetched = [r for r in run["requests"] if not r["url"].startswith("data:")]
    by_kind = {"html": 0, "css": 0, "js": 0, "other": 0}
    kinds = {"Document": "html", "Stylesheet": "css", "Script": "js"}
    for r in fetched:
        by_kind[kinds.get(r["type"], "other")] += r["transfer"] or 0
    by_kind["total"] = sum(by_kind.values())
    return {
        **{c: run["scores"][c] for c in CATEGORIES},
        "lcp_ms": run["lcp_ms"], "fcp_ms": run["fcp_ms"], "tbt_ms": run["tbt_ms"], "cls": run["cls"],
        "local_requests": sum(1 for r in fetched if r["url"].split("/")[2] == local_host),
        "third_party_requests": sum(1 for r in fetched if r["url"].split("/")[2] != local_host),
        "requested": sorted(r["url"].split("/", 3)[3] if r["url"].split("/")[2] == local_host else r["url"]
                            for r in fetched),
        "bytes": by_kind,
        "failed_audits": run["failed_audits"],
    }


def median_record(records: list[dict]) -> dict:
    """The median of each figure over several runs of one page; audits failed in any run."""
    result = dict(records[0])
    for key in (*CATEGORIES, "lcp_ms", "fcp_ms", "tbt_ms", "cls", "local_requests", "third_party_requests"):
        result[key] = statistics.median(r[key] for r in records)
    result["bytes"] = {k: statistics.median(r["bytes"][k] for r in records) for k in records[0]["bytes"]}
    result["failed_audits"] = sorted({a for r in records for a in r["failed_audits"]})
    result["runs"] = len(records)
    result["lcp_ms_runs"] = [round(r["lcp_ms"]) for r in records]
    return result


def measure(builds: list[Build], pages: list[str], runs: int) -> dict[str, dict]:
    """Every page `runs` times on each build, the builds' copies of a page side by side; medians."""
    print(f"== Lighthouse: {len(pages)} pages x {len(builds)} builds x {runs} runs", file=sys.stderr)
    order = [(page, b) for _ in range(runs) for page in pages for b in builds]
    done = lighthouse([b.urls[page] for page, b in order])
    results = {b.label: {} for b in builds}
    for page in pages:
        for b in builds:
            records = [page_record(run) for (p, x), run in zip(order, done) if p == page and x is b]
            results[b.label][page] = median_record(records)
    return results


# --- The service worker -----------------------------------------------------------------------

REGISTER_SPY = """window.__registered = [];
if (navigator.serviceWorker) {
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => { window.__registered.push(performance.now()); return register(...args); };
}"""
READY = """() => navigator.serviceWorker.ready.then(registration => new Promise(done => {
    const worker = registration.active;
    if (worker.state === "activated") return done(registration.scope);
    worker.addEventListener("statechange", () => worker.state === "activated" && done(registration.scope));
}))"""


def service_worker(build: Build, pages: list[str]) -> dict:
    """What the service worker downloads after a first visit, and when each page registers it.

    The download is counted by the server: every request the service worker makes (its own
    script, Sec-Fetch-Dest "serviceworker", and the files it fetches, "empty"; the page itself
    asks for nothing of that kind until a reader opens search), from a first visit to the home
    page until the worker is active. Registration is timed on every page in a context that
    blocks service workers, so no page's download runs behind another's: the time guide.js asks
    for it, against the first contentful paint.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=sitemodel.CHROMIUM_FLAGS)
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        GzipHandler.sent.clear()
        page.goto(build.urls["index"], wait_until="load")
        page.evaluate(READY)
        page.wait_for_timeout(500)
        downloads = [(path, n) for path, dest, n in GzipHandler.sent if dest in ("serviceworker", "empty")]
        context.close()
        margins = {}
        context = browser.new_context(service_workers="block")
        context.add_init_script(REGISTER_SPY)
        for name in pages:
            page = context.new_page()
            page.goto(build.urls[name], wait_until="load")
            page.wait_for_function("window.__registered.length > 0", timeout=10_000)
            asked, paint = page.evaluate("""() => [window.__registered[0],
                (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime]""")
            margins[name] = round(asked - paint) if paint is not None else None
            page.close()
        browser.close()
    return {"download_bytes": sum(n for _, n in downloads), "download_requests": len(downloads),
            "registered_ms_after_first_paint": margins}


def html_gzip_bytes(build: Build, pages: list[str]) -> dict[str, int]:
    """Each page's HTML gzipped as GzipHandler sends it (level 6), without headers."""
    root = build.urls["index"].rsplit("/", 1)[0] + "/"
    def file(url: str) -> Path:
        rel = url.removeprefix(root)
        return build.site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
    return {name: len(gzip.compress(file(build.urls[name]).read_bytes(), 6)) for name in pages}


# --- Summary, budgets, results ----------------------------------------------------------------

def summary(build: Build, pages: dict[str, dict], html: dict[str, int] | None = None,
            worker: dict | None = None) -> dict[str, float]:
    p = pages.values()
    figures = {
        "pages measured": len(pages),
        "bytes per page, total (gzip, mean)": statistics.mean(x["bytes"]["total"] for x in p),
        "bytes per page, HTML": statistics.mean(x["bytes"]["html"] for x in p),
        "bytes per page, CSS": statistics.mean(x["bytes"]["css"] for x in p),
        "bytes per page, JS": statistics.mean(x["bytes"]["js"] for x in p),
        "bytes per page, other": statistics.mean(x["bytes"]["other"] for x in p),
        "requests per page (mean)": statistics.mean(x["local_requests"] + x["third_party_requests"] for x in p),
        "third-party requests, all pages": sum(x["third_party_requests"] for x in p),
        "LCP ms (median page)": statistics.median(x["lcp_ms"] for x in p),
        "LCP ms (slowest page)": max(x["lcp_ms"] for x in p),
        "FCP ms (median page)": statistics.median(x["fcp_ms"] for x in p),
        "FCP ms (slowest page)": max(x["fcp_ms"] for x in p),
        "TBT ms (median page)": statistics.median(x["tbt_ms"] for x in p),
        "TBT ms (highest page)": max(x["tbt_ms"] for x in p),
        "CLS (highest page)": max(x["cls"] for x in p),
    }
    for category in CATEGORIES:
        figures[f"Lighthouse {category} (lowest page)"] = min(x[category] for x in p)
    if html:
        figures["HTML gzipped (largest page)"] = max(html.values())
    if worker:
        figures["service worker download after a first visit (bytes)"] = worker["download_bytes"]
        figures["service worker registered after first paint (least ms)"] = min(
            m for m in worker["registered_ms_after_first_paint"].values() if m is not None)
    figures["build s (median)"] = build.figures["build_seconds_median"]
    figures["site/ bytes"] = build.figures["site_bytes"]
    figures["offline zip bytes"] = build.figures["zip_bytes"]
    return figures


def check_budgets(ours: dict[str, dict], ref: dict[str, dict], ours_build: Build, ref_build: Build,
                  html: dict[str, int], worker: dict) -> list[str]:
    budgets = tomllib.loads(BUDGETS.read_text())
    speed, missed = budgets["speed"], []
    for page, o in ours.items():
        r = ref[page]
        for category in budgets["lighthouse"]["categories"]:
            if o[category] < budgets["lighthouse"]["min_score"]:
                missed.append(f"{page}: Lighthouse {category} {o[category]:.2f} < {budgets['lighthouse']['min_score']:.2f}"
                              f" (audits below 1: {', '.join(o['failed_audits']) or 'none'})")
        if o["performance"] < r["performance"] * speed["min_performance_ratio_to_reference"]:
            missed.append(f"{page}: performance {o['performance']:.2f}, plain Material {r['performance']:.2f}")
        if o["tbt_ms"] > r["tbt_ms"] * speed["max_tbt_ratio_to_reference"]:
            missed.append(f"{page}: total blocking time {o['tbt_ms']:.0f} ms, plain Material {r['tbt_ms']:.0f} ms")
        if o["lcp_ms"] > r["lcp_ms"] * speed["max_lcp_ratio_to_reference"]:
            missed.append(f"{page}: LCP {o['lcp_ms']:.0f} ms, plain Material {r['lcp_ms']:.0f} ms")
        if html[page] > budgets["html"]["max_gzip_bytes"]:
            missed.append(f"{page}: HTML {html[page]:,} bytes gzipped > {budgets['html']['max_gzip_bytes']:,}")
        ratio = o["bytes"]["total"] / r["bytes"]["total"]
        if ratio > budgets["bytes"]["max_ratio_to_reference"]:
            missed.append(f"{page}: {ratio:.2f}x plain Material's bytes > {budgets['bytes']['max_ratio_to_reference']}x")
        if o["third_party_requests"] > budgets["privacy"]["max_third_party_requests"]:
            missed.append(f"{page}: {o['third_party_requests']} third-party requests")
        margin = worker["registered_ms_after_first_paint"].get(page)
        if budgets["service_worker"]["after_first_paint"] and (margin is None or margin <= 0):
            missed.append(f"{page}: service worker registered {margin} ms after the first paint")
    ratio = ours_build.figures["build_seconds_median"] / ref_build.figures["build_seconds_median"]
    if ratio > budgets["build"]["max_ratio_to_reference"]:
        missed.append(f"build time: {ratio:.2f}x the reference > {budgets['build']['max_ratio_to_reference']}x")
    if ours_build.figures["zip_bytes"] > budgets["offline_zip"]["max_bytes"]:
        missed.append(f"offline zip: {ours_build.figures['zip_bytes']:,} bytes > {budgets['offline_zip']['max_bytes']:,}")
    if worker["download_bytes"] > budgets["service_worker"]["max_download_bytes"]:
        missed.append(f"service worker download: {worker['download_bytes']:,} bytes > "
                      f"{budgets['service_worker']['max_download_bytes']:,}")
    return missed


def reference_scale(ours: dict[str, dict], ref: dict[str, dict]) -> str:
    """How far apart the two builds' medians are, for scale: on a shared machine a page's score
    and blocking time move from run to run, and this says how often plain Material itself would
    miss 1.00, and how the two compare page by page."""
    below = sorted(page for page, r in ref.items() if r["performance"] < 1.0)
    lower = sum(1 for page in ours if ours[page]["performance"] < ref[page]["performance"])
    return (f"For scale: in the same run plain Material scored below 1.00 in performance on {len(below)} of "
            f"{len(ref)} pages (lowest {min(r['performance'] for r in ref.values()):.2f}); this site scored lower "
            f"than plain Material on {lower} pages.")


def fmt(key: str, x: float) -> str:
    if ("Lighthouse" in key) or "requests per page" in key or "build s" in key or "CLS" in key:
        return f"{x:.2f}"
    return f"{x:,.0f}"


def summary_table(ours: dict[str, float], ref: dict[str, float]) -> str:
    lines = ["| figure | this site | plain Material | ratio |", "| --- | ---: | ---: | ---: |"]
    for key in ours:
        a, b = ours[key], ref.get(key)
        lines.append(f"| {key} | {fmt(key, a)} | {fmt(key, b) if b is not None else '-'} | {f'{a / b:.2f}' if b else '-'} |")
    return "\n".join(lines)


def page_table(ours: dict[str, dict], ref: dict[str, dict], html: dict[str, int]) -> str:
    lines = ["| page | runs | LCP ms | plain | FCP ms | plain | TBT ms | plain | requests | plain "
             "| kB | plain | bytes ratio | HTML gz | scores (perf/a11y/bp/seo) | plain |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for page in sorted(ours, key=lambda p: ours[p]["lcp_ms"], reverse=True):
        o, r = ours[page], ref[page]
        scores = lambda x: "/".join(f"{x[c]:.2f}" for c in CATEGORIES)  # noqa: E731
        req = lambda x: f"{x['local_requests'] + x['third_party_requests']:g}"  # noqa: E731
        lines.append(f"| {page} | {o['runs']} | {o['lcp_ms']:,.0f} | {r['lcp_ms']:,.0f} | {o['fcp_ms']:,.0f} "
                     f"| {r['fcp_ms']:,.0f} | {o['tbt_ms']:,.0f} | {r['tbt_ms']:,.0f} | {req(o)} | {req(r)} "
                     f"| {o['bytes']['total'] / 1000:.1f} | {r['bytes']['total'] / 1000:.1f} "
                     f"| {o['bytes']['total'] / r['bytes']['total']:.2f} | {html[page]:,} | {scores(o)} | {scores(r)} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", help="comma-separated page names (default: every page); "
                        "results then go to bench/.work/, not bench/results/")
    parser.add_argument("--builds", type=int, default=BUILD_RUNS, help="builds of each site to time")
    parser.add_argument("--runs", type=int, help="Lighthouse runs of each page on each build "
                        "(default: bench/budgets.toml, [runs] per_page)")
    args = parser.parse_args()
    started = time.perf_counter()
    lighthouse_ready()
    ours_build = Build("ours", ours_config, sitemodel.offline_zip(), args.builds)
    ref_build = Build("reference", reference_config, None, args.builds)
    pages = args.pages.split(",") if args.pages else sorted(ours_build.urls)
    assert sorted(ours_build.urls) == sorted(ref_build.urls), "the two builds have different pages"
    runs = args.runs or tomllib.loads(BUDGETS.read_text())["runs"]["per_page"]
    results = measure([ours_build, ref_build], pages, runs)
    ours, ref = results["ours"], results["reference"]
    print("== the service worker: its download after a first visit, and when each page registers it", file=sys.stderr)
    worker = service_worker(ours_build, pages)
    html, ref_html = html_gzip_bytes(ours_build, pages), html_gzip_bytes(ref_build, pages)
    fig_ours, fig_ref = summary(ours_build, ours, html, worker), summary(ref_build, ref, ref_html)
    missed = check_budgets(ours, ref, ours_build, ref_build, html, worker)
    ours_build.close()
    ref_build.close()
    minutes = (time.perf_counter() - started) / 60

    lock = json.loads((BENCH / "package-lock.json").read_text())
    versions = {name: version(name) for name in ("mkdocs", "mkdocs-material", "pymdown-extensions",
                                                 "mkdocs-minify-plugin")}
    versions["lighthouse"] = lock["packages"]["node_modules/lighthouse"]["version"]
    versions["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    versions["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    versions["python"] = platform.python_version()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[1]
    text = summary_table(fig_ours, fig_ref)
    pages_text = page_table(ours, ref, html)
    budget_text = ("All budgets hold on every page." if not missed
                   else "Budgets missed:\n" + "\n".join(f"- {m}" for m in missed))
    budget_text += "\n\n" + reference_scale(ours, ref)
    target = RESULTS if not args.pages else WORK
    target.mkdir(parents=True, exist_ok=True)
    (target / "latest.json").write_text(json.dumps(
        {"date": when, "minutes": round(minutes, 1), "load_average_5min": round(load, 1),
         "machine": f"{platform.machine()}, {os.cpu_count()} cores", "versions": versions,
         "summary": {"ours": fig_ours, "reference": fig_ref}, "budgets_missed": missed,
         "service_worker": worker, "html_gzip_bytes": {"ours": html, "reference": ref_html},
         "ours": {"build": ours_build.figures, "pages": ours},
         "reference": {"build": ref_build.figures, "pages": ref}}, indent=2) + "\n")
    (target / "latest.md").write_text(
        f"# Benchmark: this site beside a plain Material build\n\n"
        f"Run {when} on {platform.machine()} ({os.cpu_count()} cores, shared; load average "
        f"{load:.1f} over the last 5 minutes at the end), in {minutes:.0f} minutes.\n"
        f"Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".\n\n"
        "Lighthouse mobile defaults (simulated slow 4G), both builds served with gzip. Every page "
        f"{runs} times on each build, the two builds' copies side by side; each figure is the median of "
        "those runs. Bytes are on the wire (gzip, with headers); requests count everything fetched except "
        "data: URLs; HTML gz is the page's HTML gzipped, without headers. The service worker's download "
        "is counted by the server, from a first visit to the home page until the worker is active.\n\n"
        f"## Summary\n\n{text}\n\n## Every page, slowest first\n\n{pages_text}\n\n## Budgets\n\n{budget_text}\n")
    print(text)
    print()
    print(pages_text)
    print()
    print(budget_text)
    print(f"\n{minutes:.1f} minutes; results in {target.relative_to(ROOT)}/latest.md")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
