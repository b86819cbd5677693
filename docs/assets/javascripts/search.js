/*
 * Search, as parents use it: three small fixes Material has no setting for. Loaded on every
 * page after the file:// search shim and before Material's bundle (overrides/main.html), so it
 * can change what the bundle asks of the server and hands its search worker. One file for both
 * languages, kept by the browser: each page then carries none of this in its own HTML, which
 * keeps the longest pages within one round trip on a slow phone connection.
 *
 * 1. Load the search index only when a reader opens search. Material fetches the whole index on
 *    every page view, though most readers never search; this holds that one request back until
 *    the search box gets focus, or the page was opened with ?q=. From files (file://) Material
 *    loads the index as a script instead, and nothing changes.
 * 2. Each edition searches its own pages. The i18n plugin writes one index for both languages;
 *    a Spanish page keeps the Spanish entries (es/...) and searches with lunr's Spanish rules,
 *    an English page keeps the rest. (No stemming: Material's wildcard on every word already
 *    finds "expedientes" for "expediente".) Material's worker protocol: setup 0, ready 1, query 2.
 * 3. Words that only get in the way are dropped from a query. Material ends every word with a
 *    wildcard ("in" becomes "in*"), so the stop-word filter never drops the little words of a
 *    full question, and "in*" matches "interpreter", "to*" matches "toddlers". The lists are
 *    lunr's English stop words with a few contractions, and common Spanish ones. "Second
 *    opinion" goes too (and "segunda opinión"): every page is about second opinions, so the words
 *    say nothing about which page a parent needs. "Mean" (and "significa") as well: "what does
 *    oncologist mean" asks for a meaning, which the glossary gives, while headings such as
 *    "What does in-network mean?" would match the word. What the reader typed, and the
 *    highlighting of their words, stay as they were. A query with nothing else in it (such as
 *    "what is a second opinion") is left alone.
 * And it gives the search dialog an accessible name (axe's aria-dialog-name): Material's partial
 * has role="dialog" and no label, and copying that partial to add one would tie us to it.
 */
(function () {
  "use strict";

  var lang = document.documentElement.lang === "es" ? "es" : "en";
  var words = {
    en: {
      label: "Search this guide",
      stop: "a able about across after all almost also am among an and any are as at be because been " +
        "but by can cannot could dear did do does either else ever every for from get got had has have he her " +
        "hers him his how however i if in into is it its just least let like likely may me might most must my " +
        "neither no nor not of off often on only or other our own rather said say says she should since so some " +
        "than that the their them then there these they this tis to too twas us wants was we were what when " +
        "where which while who whom why will with would yet you your " +
        "im ive cant dont wont isnt arent didnt doesnt second opinion opinions mean means meaning"
    },
    es: {
      label: "Buscar en esta guía",
      stop: "a al algo algun alguna algunas alguno algunos ante antes asi como con contra cual cuales cuando " +
        "de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estas " +
        "este esto estos fue ha han hay la las le les lo los mas me mi mis muy nada ni no nos o otra otro " +
        "para pero poco por porque que se ser si sin sobre son su sus tambien te tengo tiene un una uno " +
        "unos usted y ya yo puedo puede debo segunda opinion opiniones significa quiere decir"
    }
  }[lang];
  var stop = words.stop.split(" ");

  // 1. The index waits until a reader opens search.
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var wanted = /[?&]q=/.test(location.search), held = [];
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
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog) dialog.setAttribute("aria-label", words.label);

  // 2 and 3. What the page hands its search worker: its own edition, and queries without stop words.
  function plain(word) {
    return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]/g, "");
  }
  var Worker = window.Worker, post = Worker && Worker.prototype.postMessage;
  if (!post) return;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 0 && message.data && message.data.docs) {
      var data = message.data, config = {};
      for (var key in data.config) config[key] = data.config[key];
      config.lang = [lang];
      arguments[0] = { type: 0, data: { config: config, options: data.options, docs: data.docs.filter(function (doc) {
        return (doc.location.indexOf("es/") === 0) === (lang === "es");
      }) } };
    } else if (message && message.type === 2 && typeof message.data === "string") {
      var kept = message.data.split(/\s+/).filter(function (word) {
        return stop.indexOf(plain(word)) < 0;
      });
      if (kept.join("")) arguments[0] = { type: 2, data: kept.join(" ") };
    }
    return post.apply(this, arguments);
  };
})();
