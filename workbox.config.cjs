// The service worker, written after each build by Workbox's build tool (workbox-build, pinned in
// package-lock.json): postbuild/service_worker.py runs `node workbox.config.cjs SITE`.
//
// What it does: once a reader has opened one page over http(s), the browser downloads the whole
// guide in the background (both editions, search, checklists and the organiser), so every page
// opens at the same address with the network off. It only precaches: the files listed below, from
// this site, each checked by a hash of its content. No runtime caching: a request to another host
// is never stored or answered by it. A new version installs in the background and takes over at
// once (skipWaiting), but the page being read stays as it is; the next page or a reload shows the
// new version, and the page tells the reader so (assets/javascripts/guide.js).
const path = require("node:path");

function config(site) {
  return {
    globDirectory: site,
    // Pages, the stylesheet, Material's scripts and search worker, the site's scripts, the search
    // index (search/search_index.json, both editions), the icons and the two app manifests.
    globPatterns: ["**/*.{html,css,js,json,svg,png,webmanifest}"],
    globIgnores: [
      "sw.js",
      "downloads/**",                  // the offline zip and the PDF: large, and read elsewhere
      "search/search_index.js",        // the index as a script, for pages opened from a file only
      "assets/vendor/**",              // the file:// search shim, for pages opened from a file only
      "assets/images/share.png",       // the link-preview picture: another site fetches it, not a reader
      "assets/images/favicon.png",
    ],
    swDest: path.join(site, "sw.js"),
    inlineWorkboxRuntime: true,        // one file: nothing else to fetch before it can work
    mode: "production",
    sourcemap: false,
    disableDevLogs: true,
    cacheId: "second-opinion-guide",
    skipWaiting: true,
    clientsClaim: false,               // the first visit's page is left alone; the next one is served offline
    cleanupOutdatedCaches: true,
    // Search opens a result as page.html?h=word (search.highlight), and a page can be opened with
    // ?q=word: the same page either way.
    ignoreURLParametersMatching: [/^h$/, /^q$/, /^utm_/],
    directoryIndex: "index.html",
    // Names with a content hash (bundle.1a2b3c4d.min.js) need no second, revision-marked request.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(?:css|js)$/,
  };
}

module.exports = config;

function write(site) {
  const { generateSW } = require("workbox-build");
  generateSW(config(path.resolve(site))).then(({ count, size, warnings }) => {
    process.stdout.write(JSON.stringify({ count, size, warnings }) + "\n");
    if (warnings.length) process.exitCode = 1;
  }, (error) => {
    process.stderr.write(String(error && error.stack || error) + "\n");
    process.exitCode = 1;
  });
}

// `node workbox.config.cjs SITE` writes SITE/sw.js. `node workbox.config.cjs -` loads Workbox at
// once (half a second), then waits for the site's folder on its input: a build starts it early
// and hands it the folder when the pages are written (postbuild/web_app.py). No folder, no sw.js.
if (require.main === module) {
  if (process.argv[2] !== "-") {
    write(process.argv[2]);
  } else {
    require("workbox-build");
    let given = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => { given += chunk; });
    process.stdin.on("end", () => { if (given.trim()) write(given.trim()); });
  }
}
