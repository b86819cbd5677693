// Lighthouse on a list of URLs, one after another, in one headless Chromium: `make bench` runs
// it through bench/run.py. Usage: node bench/lighthouse.mjs URL... (prints one JSON array).
//
// Mobile defaults (Moto G Power, simulated slow 4G: 150 ms round trips, 1.6 Mbps, CPU 4x slower).
// Lighthouse clears the origin's cache and storage before each run, so every load is cold.
// For each URL it keeps the four category scores, the paint and blocking metrics, and every
// request the page made (URL, type, bytes on the wire), so run.py can count them.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const flags = (process.env.CHROME_FLAGS || "--headless --no-sandbox").split(" ").filter(Boolean);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: flags });
const results = [];
try {
  for (const url of process.argv.slice(2)) {
    const started = Date.now();
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id].numericValue;
    results.push({
      url,
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score])),
      lcp_ms: audit("largest-contentful-paint"),
      fcp_ms: audit("first-contentful-paint"),
      tbt_ms: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      si_ms: audit("speed-index"),
      requests: lhr.audits["network-requests"].details.items.map((r) => ({
        url: r.url, type: r.resourceType, transfer: r.transferSize, status: r.statusCode })),
      failed_audits: Object.entries(lhr.audits)
        .filter(([, a]) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode))
        .map(([id]) => id).sort(),
    });
    console.error(`  lighthouse ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
