/*
 * What every page of the guide does besides Material's own script, in one small file that the
 * browser keeps (and the service worker holds offline), instead of inline in every page: each
 * page's HTML then fits in the first round trip of a slow connection (bench/budgets.toml).
 * Loaded with `defer` just before Material's bundle (overrides/main.html), so it runs after the
 * page is parsed, never holds up the first paint, and still runs before the bundle.
 *
 * 1. Search loads its index only when a reader opens it (or a page is opened from a result).
 * 2. What the search worker is handed: this edition's pages, accent folding, and the query
 *    without little words or accents.
 * 3. A page opened from a search result highlights the reader's words as the page spells them.
 * 4. The link to the other language keeps the section the reader is on.
 * 5. The browser is asked to keep what the guide stores, once a reader ticks or types.
 * 6. The service worker (sw.js, written by Workbox after the build) is registered over http(s)
 *    once the page has painted; when a new version of the guide has been downloaded, the reader
 *    is told, and the page they are reading stays as it is.
 *
 * Words a reader sees come from the page (overrides/main.html renders them from mkdocs.yml);
 * none are written here. Nothing here asks another host for anything.
 */
(function () {
  "use strict";

  var lang = document.documentElement.lang === "es" ? "es" : "en";
  var script = document.currentScript;

  /* The same folding as the search worker's (lunr/min/lunr.fold.min.js): Unicode decomposition,
   * then no accents. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* --- 1. Search loads its index only when opened ------------------------------------------
   * Material fetches the whole index (about 16 kB compressed) on every page view, though most
   * readers never search; the request waits until the search box gets focus, or the page was
   * opened with ?q=, or from a search result (?h=: Material needs the index to highlight the
   * reader's words there). From files Material loads the index as a script, and nothing changes.
   * Relies on Material fetching the index with XMLHttpRequest (INTERNALS.md). */
  (function () {
    var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    var wanted = /[?&][qh]=/.test(location.search), held = [];
    function release() {
      if (wanted) return;
      wanted = true;
      held.splice(0).forEach(function (go) { go(); });
    }
    XMLHttpRequest.prototype.open = function (method, url) {
      this.searchIndex = /search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this, args = arguments;
      if (request.searchIndex && !wanted) {
        held.push(function () { send.apply(request, args); });
        return;
      }
      return send.apply(request, args);
    };
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches(".md-search__input")) release();
    });
  })();

  /* --- 2. What the search worker is handed -------------------------------------------------
   * Material's worker protocol: setup 0 (with the index), ready 1, query 2 (INTERNALS.md).
   * Each edition searches its own pages: the i18n plugin writes one index for both languages;
   * a Spanish page keeps the entries under es/ and searches with lunr's Spanish rules, an English
   * page keeps the rest. (Like English, without stemming: Material's wildcard on every word
   * already finds "expedientes" for "expediente", and a stemmed index ("medic") would no longer
   * match "medico*", because lunr does not stem a word that ends in a wildcard.)
   * Accents and ñ do not matter: "medico" finds "médico", "nino" finds "niño", in both editions.
   * The setup asks the worker to load "fold" with the language (lunr/min/lunr.fold.min.js, which
   * says how; from file:// the shim loads it the same way), so the index holds every word without
   * accents; here the query loses its accents the same way. Results still show the words as
   * written, with the reader's words highlighted in them.
   * And words that only get in the way are dropped from a query: Material
   * ends every word with a wildcard, so "in" matched "interpreter" and "to" matched "toddlers".
   * The lists are lunr's English stop words with a few contractions, and common Spanish ones.
   * "Second opinion" goes too ("segunda opinión"): every page is about it, and titles with it
   * outranked the answer. "Mean" ("significa") as well: the glossary gives meanings, while
   * headings such as "What does in-network mean?" would match the word. What the reader typed,
   * and the highlighting of their words, stay as they were. A query of nothing but such words
   * ("what is a second opinion", "segunda opinion") is searched for its words whole, without the
   * wildcard: "opinion*" also matches "opiniones", a rarer word that lunr ranks higher, and the
   * pages about second opinions in general came before the page that says what one is. */
  (function () {
    var stop = {
      es: "a al algo algun alguna algunas alguno algunos ante antes asi como con contra cual cuales cuando " +
        "de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estas " +
        "este esto estos fue ha han hay la las le les lo los mas me mi mis muy nada ni no nos o otra otro " +
        "para pero poco por porque que se ser si sin sobre son su sus tambien te tengo tiene un una uno " +
        "unos usted y ya yo puedo puede debo segunda opinion opiniones significa quiere decir",
      en: "a able about across after all almost also am among an and any are as at be because been " +
        "but by can cannot could dear did do does either else ever every for from get got had has have he her " +
        "hers him his how however i if in into is it its just least let like likely may me might most must my " +
        "neither no nor not of off often on only or other our own rather said say says she should since so some " +
        "than that the their them then there these they this tis to too twas us wants was we were what when " +
        "where which while who whom why will with would yet you your " +
        "im ive cant dont wont isnt arent didnt doesnt second opinion opinions mean means meaning"
    }[lang].split(" ");
    function plain(word) {
      return fold(word.toLowerCase()).replace(/[^a-z]/g, "");
    }
    var post = window.Worker && Worker.prototype.postMessage;
    if (!post) return;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === 0 && message.data && message.data.docs) {
        var data = message.data, config = {};
        for (var key in data.config) config[key] = data.config[key];
        config.lang = [lang, "fold"];
        arguments[0] = { type: 0, data: { config: config, options: data.options, docs: data.docs.filter(function (doc) {
          return (doc.location.indexOf("es/") === 0) === (lang === "es");
        }) } };
      } else if (message && message.type === 2 && typeof message.data === "string") {
        var kept = message.data.split(/\s+/).filter(function (word) {
          return stop.indexOf(plain(word)) < 0;
        });
        // Nothing else: each word whole. "word^1" scores as "word", and Material adds no wildcard to it.
        arguments[0] = { type: 2, data: kept.join("") ? fold(kept.join(" ")) : message.data.split(/\s+/)
          .map(plain).filter(Boolean).map(function (word) { return word + "^1"; }).join(" ") };
      }
      return post.apply(this, arguments);
    };
  })();

  /* --- 3. A page opened from a search result ----------------------------------------------
   * It gets the reader's words in ?h=, folded ("medico"), and Material highlights them on the
   * page letter for letter, so "médico" would not light up. Before Material's bundle reads the
   * address (this script runs first), h gets the page's own spellings of those words:
   * ?h=medico on a page that writes "médico" becomes "médico" (and "médicos", if the page has it). */
  (function () {
    var url = new URL(location.href), h = url.searchParams.get("h"), article = document.querySelector("article");
    if (!h || !article) return;
    var terms = fold(h.toLowerCase()).split(/\s+/), seen = [], words = [];
    (article.textContent.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
      var lower = word.toLowerCase(), folded = fold(lower);
      if (seen.indexOf(lower) < 0 && terms.some(function (term) { return term && folded.indexOf(term) === 0; })) {
        seen.push(lower);
        words.push(word);
      }
    });
    if (words.length) {
      url.searchParams.set("h", words.join(" "));
      history.replaceState(history.state, "", url);
    }
  })();

  /* --- 4. The other language, at the same section -------------------------------------------
   * Both editions give each section the same id (CONTRIBUTING.md), so the link can take the
   * reader to the section they were reading: the one they arrived at (#section), then the last
   * heading they scrolled past (into the upper third of the screen). Scrolling back up to the
   * link, which sits above the title, keeps it; a reader who never left the top gets the top. */
  (function () {
    var link = document.querySelector(".language-switch a");
    if (!link) return;
    var headings = document.querySelectorAll("article h2[id], article h3[id]");
    var here = decodeURIComponent(location.hash.slice(1)), pending = false;
    function track() {
      pending = false;
      var passed = "";
      headings.forEach(function (heading) {
        if (heading.getBoundingClientRect().top < innerHeight / 3) passed = heading.id;
      });
      if (passed) here = passed;
    }
    addEventListener("scroll", function () {
      if (!pending) { pending = true; requestAnimationFrame(track); }
    }, { passive: true });
    link.addEventListener("click", function () { link.hash = here; });
  })();

  /* --- 5. Ask the browser to keep what the guide stores ----------------------------------------
   * Ticks and the organiser live in localStorage, which a browser may clear when the device is
   * short of space (and Safari after 7 days without a visit). Asked once a reader keeps
   * something, not on every page: Firefox asks the reader. */
  (function () {
    function keep(event) {
      if (!event.target.closest || !event.target.closest(".checklist, #my-plan")) return;
      document.removeEventListener("change", keep, true);
      document.removeEventListener("input", keep, true);
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persisted().then(function (kept) { return kept || navigator.storage.persist(); })
          .catch(function () { /* nothing more can be done */ });
      }
    }
    document.addEventListener("change", keep, true);
    document.addEventListener("input", keep, true);
  })();

  /* --- 6. The service worker: the whole guide offline at the same address ---------------------
   * Not from a file (a zip's copy has no service worker), and only once the page has painted:
   * after the load event and one more frame, so its download never competes with the page.
   * sw.js sits at the site's root, two folders above this script, wherever the site is
   * published (a sub-path included); its scope is that root. */
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || !script) return;
  var worker = new URL("../../sw.js", script.src).href;

  function tell() {
    var notice = document.querySelector(".guide-update");
    var words = document.getElementById("guide-update-words");
    if (!notice || !words || notice.firstChild) return;
    notice.appendChild(words.content.cloneNode(true));
    notice.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.value === "show") location.reload();
      else notice.textContent = "";
    });
  }

  function register() {
    navigator.serviceWorker.register(worker).then(function (registration) {
      registration.addEventListener("updatefound", function () {
        var fresh = registration.installing;
        // The first download, on a first visit, is no news: only a new version is.
        if (!fresh || !navigator.serviceWorker.controller) return;
        fresh.addEventListener("statechange", function () {
          if (fresh.state === "activated") tell();
        });
      });
    }).catch(function () { /* a browser that refuses (private mode, http): the guide works online */ });
  }

  /* After the page has loaded AND the browser says it has painted: on a busy phone the load event
     can come before the first paint, and a frame later was still too soon (a CI run caught it:
     registered at 1527 ms, first paint at 1632 ms). Where paint timing is missing, a frame after
     load. */
  function afterPaint() {
    var paints = "PerformanceObserver" in window && (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0;
    if (!paints) { requestAnimationFrame(function () { setTimeout(register, 0); }); return; }
    var done = false;
    var observer = new PerformanceObserver(function (list) {
      if (done || !list.getEntriesByName("first-contentful-paint").length) return;
      done = true; observer.disconnect(); setTimeout(register, 0);
    });
    observer.observe({ type: "paint", buffered: true });
  }

  if (document.readyState === "complete") afterPaint();
  else addEventListener("load", afterPaint);
})();
