/*
 * My second-opinion plan: the organiser on docs/my-plan.md and docs/my-plan.es.md, and only there.
 *
 * The form is plain HTML in the page, so with scripts off it still prints as a blank form.
 * This script adds what needs a script:
 * - it keeps what the family types in this browser's localStorage, as they type;
 * - it adds and removes rows (calls and visits, next steps);
 * - it gathers the items they ticked on the guide's checklists (kept by checklists.js);
 * - it saves everything as a file, and opens such a file again, refusing anything else;
 * - it clears everything the guide keeps on this device, after asking;
 * - it says when a copy was last saved to a file on this device, and on Safari (and any browser on an
 *   iPhone or iPad, all of which are Safari inside) shows why that matters: the page's own note.
 * Nothing is ever sent anywhere: no requests at all, so it works the same from file://.
 * Its words follow the page's language (<html lang>), and each language keeps its own plan and
 * ticks, as checklists.js does: the English page shows English ticks, es/my-plan.html Spanish ones.
 */
(function () {
  "use strict";

  var root = document.getElementById("my-plan");
  if (!root) return;

  var LANG = document.documentElement.lang === "es" ? "es" : "en";  // as checklists.js decides
  var PREFIX = "second-opinion-guide:";          // every key the guide keeps starts with this
  var PLAN_KEY = PREFIX + (LANG === "es" ? "plan:es" : "plan");
  var SAVED_KEY = PREFIX + (LANG === "es" ? "saved:es" : "saved");  // when a copy was last saved to a file
  var CHECKLIST = PREFIX + "checklist:";         // checklists.js: one key per page, {item: true}
  var OWN_PAGE = LANG === "es" ? /^es:([\w.-]+)$/ : /^([\w.-]+)$/;  // after CHECKLIST: es:records, records
  var FORMAT = "second-opinion-guide/my-plan";   // marks a saved copy as ours
  var VERSION = 1;
  var MAX_FILE_BYTES = 1000000;                  // a year of notes is a few kB
  var MAX_TEXT = 20000;
  var MAX_ROWS = 500;

  var message = document.getElementById("plan-message");
  var fileInput = document.getElementById("plan-file");
  var ticked = document.getElementById("plan-ticked");
  var lists = {};                                // "log", "steps": {list, template, kinds}

  // --- Words, in the page's language ----------------------------------------------------------
  // Only what this script writes; the page's own words are in its Markdown (my-plan.es.md).

  var WORDS = {
    en: {
      removeAsk: { log: "Remove entry {n}? What you wrote in it will be gone.",
                   steps: "Remove step {n}? What you wrote in it will be gone." },
      removed: { log: "Entry {n} removed.", steps: "Step {n} removed." },
      notRemoved: "Nothing was removed.",
      notKept: "This browser is not keeping what you type. Save a copy before you leave this page.",
      file: "my-second-opinion-plan-en-{date}.json",
      neverSaved: "You have not saved a copy of this plan as a file on this device yet.",
      lastSaved: "You last saved a copy of this plan as a file on {date}.",
      saved: "Saved a copy named {file}. Look for it in your downloads.",
      refused: " Nothing on this page was changed.",
      tooBig: "This file is too big to be a saved plan.",
      unreadable: "This file could not be read.",
      notJSON: "This file could not be read. It may be damaged, or it may not be a saved plan.",
      notOurs: "This file is not a plan saved from this guide.",
      damaged: "This saved plan is damaged, or it comes from another version of this guide.",
      otherLanguage: "This copy was saved from the Spanish page. Open it there: the link to the Spanish page " +
        "is at the top of this page.",
      openAsk: "Open this saved copy? It will replace the plan now on this page.",
      notOpened: "Nothing was changed.",
      opened: "Opened the saved copy. It has replaced the plan on this page.",
      openedFrom: "Opened the saved copy from {date}. It has replaced the plan on this page.",
      clearAsk: "Clear everything from this device?\n\nThis removes your plans, and the ticks on every page of " +
        "this guide, in English and in Spanish, from this browser. It cannot be undone. To keep a copy, " +
        "choose Cancel, then Save a copy.",
      notCleared: "Nothing was cleared.",
      cleared: "Everything this guide kept on this device is now cleared."
    },
    es: {
      removeAsk: { log: "¿Quitar la nota {n}? Se borrará lo que escribió en ella.",
                   steps: "¿Quitar el paso {n}? Se borrará lo que escribió en él." },
      removed: { log: "Se quitó la nota {n}.", steps: "Se quitó el paso {n}." },
      notRemoved: "No se quitó nada.",
      notKept: "Este navegador no está guardando lo que escribe. Guarde una copia antes de salir de esta página.",
      file: "mi-plan-segunda-opinion-es-{date}.json",
      neverSaved: "Todavía no ha guardado una copia de este plan como archivo en este dispositivo.",
      lastSaved: "La última vez que guardó una copia de este plan como archivo fue el {date}.",
      saved: "Se guardó una copia llamada {file}. Búsquela en sus descargas.",
      refused: " No se cambió nada en esta página.",
      tooBig: "Este archivo es demasiado grande para ser un plan guardado.",
      unreadable: "No se pudo leer este archivo.",
      notJSON: "No se pudo leer este archivo. Puede estar dañado, o puede que no sea un plan guardado.",
      notOurs: "Este archivo no es un plan guardado desde esta guía.",
      damaged: "Este plan guardado está dañado, o viene de otra versión de esta guía.",
      otherLanguage: "Esta copia se guardó desde la página en inglés. Ábrala allí: el enlace a la página en " +
        "inglés está arriba, al principio de esta página.",
      openAsk: "¿Abrir esta copia guardada? Va a reemplazar el plan que está ahora en esta página.",
      notOpened: "No se cambió nada.",
      opened: "Se abrió la copia guardada. Reemplazó el plan de esta página.",
      openedFrom: "Se abrió la copia guardada del {date}. Reemplazó el plan de esta página.",
      clearAsk: "¿Borrar todo de este dispositivo?\n\nEsto quita de este navegador sus planes y las marcas de " +
        "todas las páginas de esta guía, en inglés y en español. No se puede deshacer. Para guardar una copia, " +
        "elija Cancelar y después Guardar una copia.",
      notCleared: "No se borró nada.",
      cleared: "Se borró todo lo que esta guía guardaba en este dispositivo."
    }
  }[LANG];

  // words(WORDS.saved, {file: "x.json"}): the words, with {file} filled in.
  function words(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  // --- Messages -----------------------------------------------------------------------------

  // #plan-message is a polite live region (role="status"). It is emptied first and written a
  // moment later, so a message the same as the last one is still announced. An error goes in as
  // a new role="alert" inside it, which a screen reader says at once, even just after the file
  // picker closes (WCAG 4.1.3).
  var saying;
  function say(text, isError) {
    clearTimeout(saying);
    message.textContent = "";
    message.classList.toggle("plan-message--error", !!isError);
    saying = setTimeout(function () {
      if (!isError) {
        message.textContent = text;
        return;
      }
      var alert = document.createElement("span");
      alert.setAttribute("role", "alert");
      alert.textContent = text;
      message.appendChild(alert);
    }, 50);
  }

  // --- The form: read it, fill it ----------------------------------------------------------

  function valueOf(field) {
    return field.type === "checkbox" ? field.checked : field.value;
  }

  function setValue(field, value) {
    if (field.type === "checkbox") field.checked = value === true;
    else field.value = typeof value === "string" ? value : "";
    mirror(field);
  }

  // A printed text box cuts off what does not fit, so each box gets a print-only copy of its text.
  function mirror(field) {
    if (field.type === "checkbox" || field.type === "file") return;
    var copy = field.nextElementSibling;
    if (!copy || !copy.classList.contains("plan-print")) {
      copy = document.createElement("span");
      copy.className = "plan-print";
      copy.setAttribute("aria-hidden", "true");
      field.insertAdjacentElement("afterend", copy);
    }
    copy.textContent = field.value;
  }

  function read() {
    var data = { fields: {} };
    root.querySelectorAll("[name]").forEach(function (field) {
      data.fields[field.name] = field.value;
    });
    Object.keys(lists).forEach(function (name) {
      data[name] = [];
      lists[name].list.querySelectorAll(".plan-row").forEach(function (row) {
        var entry = {};
        row.querySelectorAll("[data-field]").forEach(function (field) {
          entry[field.dataset.field] = valueOf(field);
        });
        data[name].push(entry);
      });
    });
    return data;
  }

  function fill(data) {
    root.querySelectorAll("[name]").forEach(function (field) {
      setValue(field, data.fields[field.name]);
    });
    Object.keys(lists).forEach(function (name) {
      lists[name].list.textContent = "";
      data[name].forEach(function (entry) { addRow(name, entry); });
    });
  }

  // --- Rows that can be added and removed ----------------------------------------------------

  function addRow(name, entry) {
    var row = lists[name].template.cloneNode(true);
    row.querySelectorAll("[data-field]").forEach(function (field) {
      setValue(field, entry ? entry[field.dataset.field] : "");
    });
    lists[name].list.appendChild(row);
    renumber(name);
    return row;
  }

  // Rows are numbered in order; their ids, labels and button names follow the number.
  function renumber(name) {
    lists[name].list.querySelectorAll(".plan-row").forEach(function (row, index) {
      var n = index + 1;
      row.querySelectorAll("[data-field]").forEach(function (field) {
        var label = field.id && row.querySelector("label[for='" + field.id + "']");
        field.id = name + "-" + n + "-" + field.dataset.field;
        if (label) label.htmlFor = field.id;
      });
      row.querySelectorAll("legend, .plan-remove, .plan-sr, .plan-step__label").forEach(function (text) {
        text.textContent = text.textContent.replace(/\d+/, n);
      });
    });
  }

  function hasText(row) {
    return Array.prototype.some.call(row.querySelectorAll("[data-field]"), function (field) {
      return field.type === "checkbox" ? field.checked : field.value.trim() !== "";
    });
  }

  function removeRow(row) {
    var name = row.parentNode.dataset.rows;
    var n = { n: Array.prototype.indexOf.call(row.parentNode.children, row) + 1 };
    if (hasText(row) && !window.confirm(words(WORDS.removeAsk[name], n))) return say(WORDS.notRemoved);
    row.remove();
    renumber(name);
    store();
    root.querySelector("[data-add='" + name + "']").focus();
    say(words(WORDS.removed[name], n));
  }

  // --- What the family ticked on other pages ------------------------------------------------

  function storedKeys() {
    var keys = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (localStorage.key(i).indexOf(PREFIX) === 0) keys.push(localStorage.key(i));
      }
    } catch (error) { /* storage blocked: nothing is kept */ }
    return keys;
  }

  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  // The ticks of this page's language only, by page: {"records": {...}} or {"es:records": {...}}.
  function ownTicks(key) {
    return key.indexOf(CHECKLIST) === 0 && OWN_PAGE.test(key.slice(CHECKLIST.length));
  }

  function ticks() {
    var all = {};
    storedKeys().filter(ownTicks).forEach(function (key) {
      var items = load(key) || {};
      var page = key.slice(CHECKLIST.length);
      var yes = Object.keys(items).filter(function (item) { return items[item] === true; });
      if (yes.length) {
        all[page] = {};
        yes.forEach(function (item) { all[page][item] = true; });
      }
    });
    return all;
  }

  // The site's menu names every page in this page's language (its links sit beside this page: es/
  // for Spanish) and gives their order; checklists.js names a page by its file.
  function menuLinks() {
    var here = location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
    return Array.prototype.filter.call(document.querySelectorAll(".md-nav--primary a.md-nav__link[href]"),
      function (link) {
        return link.getAttribute("href").indexOf("#") === -1 && link.href.indexOf(here) === 0 &&
          link.href.slice(here.length).indexOf("/") === -1;
      });
  }

  function pageOf(link) {
    return link.getAttribute("href").split("/").pop().replace(/\.html$/, "") || "index";
  }

  function showTicks() {
    var old = ticked.querySelector(".plan-ticked__pages");
    if (old) old.remove();
    var all = ticks();
    var links = menuLinks();
    var order = links.map(pageOf);
    var at = function (page) { return order.indexOf(page.replace(OWN_PAGE, "$1")); };  // es:records: records
    var pages = Object.keys(all).sort(function (a, b) {
      return (at(a) + 1 || 1e6) - (at(b) + 1 || 1e6) || (a < b ? -1 : 1);
    });
    ticked.classList.toggle("plan-ticked--some", pages.length > 0);
    if (!pages.length) return;
    var box = document.createElement("div");
    box.className = "plan-ticked__pages";
    pages.forEach(function (page) {
      var heading = document.createElement("h3");
      var link = links[at(page)];
      if (link) {
        var a = document.createElement("a");
        a.href = link.getAttribute("href");
        a.textContent = link.textContent.trim();
        heading.appendChild(a);
      } else {
        heading.textContent = page.replace(OWN_PAGE, "$1");  // a page that has since left the guide
      }
      var list = document.createElement("ul");
      Object.keys(all[page]).forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item;
        list.appendChild(li);
      });
      box.appendChild(heading);
      box.appendChild(list);
    });
    ticked.appendChild(box);
  }

  // --- Keeping it on this device -------------------------------------------------------------

  var keeping = true;

  function store() {
    try {
      localStorage.setItem(PLAN_KEY, JSON.stringify(read()));
      keeping = true;
    } catch (error) {
      if (keeping) say(WORDS.notKept, true);
      keeping = false;
    }
  }

  // --- Checking a plan before it is used: a saved copy, or what is in storage ---------------

  function isText(value) { return typeof value === "string" && value.length <= MAX_TEXT; }

  function isPlain(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function validRows(name, rows) {
    var kinds = lists[name].kinds;
    return Array.isArray(rows) && rows.length <= MAX_ROWS && rows.every(function (row) {
      return isPlain(row) && Object.keys(row).every(function (key) {
        return kinds[key] === "checkbox" ? typeof row[key] === "boolean" : kinds[key] && isText(row[key]);
      });
    });
  }

  function validPlan(data) {
    return isPlain(data) && isPlain(data.fields) &&
      Object.keys(data.fields).every(function (key) { return isText(data.fields[key]); }) &&
      Object.keys(lists).every(function (name) { return validRows(name, data[name]); });
  }

  function validTicks(all) {
    return isPlain(all) && Object.keys(all).every(function (page) {
      return OWN_PAGE.test(page) && isPlain(all[page]) && Object.keys(all[page]).every(function (item) {
        return all[page][item] === true && item.length <= MAX_TEXT;
      });
    });
  }

  // --- Save a copy, open a saved copy, clear everything -------------------------------------

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function saveCopy() {
    var data = read();
    var copy = { format: FORMAT, version: VERSION, lang: LANG, saved: new Date().toISOString(), fields: data.fields };
    Object.keys(lists).forEach(function (name) { copy[name] = data[name]; });
    copy.checklists = ticks();
    var name = words(WORDS.file, { date: today() });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(copy, null, 2) + "\n"], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    try { localStorage.setItem(SAVED_KEY, JSON.stringify(copy.saved)); } catch (error) { /* storage blocked */ }
    showSaved();
    say(words(WORDS.saved, { file: name }));
  }

  // When a copy was last saved, in words; cleared with everything else the guide keeps.
  function showSaved() {
    var line = document.getElementById("plan-saved");
    if (!line) return;
    var when = new Date(load(SAVED_KEY));
    line.textContent = isNaN(when) || !load(SAVED_KEY) ? WORDS.neverSaved : words(WORDS.lastSaved,
      { date: when.toLocaleDateString(LANG, { year: "numeric", month: "long", day: "numeric" }) });
    line.hidden = false;
  }

  // Safari deletes what a site keeps after 7 days of Safari use without a visit, unless the site is
  // on the Home Screen (WebKit's blog, cited on the page). Every browser on an iPhone or iPad is
  // Safari inside; on a Mac, Safari alone. A guide opened from the Home Screen needs no warning.
  function showSafariNote() {
    var note = document.getElementById("plan-safari");
    var ua = navigator.userAgent;
    var apple = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
    var safari = /Safari/.test(ua) && !/Chrome|Chromium|Edg|Firefox|OPR/.test(ua);
    var homeScreen = navigator.standalone === true || matchMedia("(display-mode: standalone)").matches;
    if (note && (apple || safari) && !homeScreen) note.hidden = false;
  }

  function refuse(why) {
    say(why + WORDS.refused, true);
  }

  function openCopy(file) {
    if (file.size > MAX_FILE_BYTES) return refuse(WORDS.tooBig);
    var reader = new FileReader();
    reader.onerror = function () { refuse(WORDS.unreadable); };
    reader.onload = function () {
      var copy;
      try {
        copy = JSON.parse(reader.result);
      } catch (error) {
        return refuse(WORDS.notJSON);
      }
      if (!isPlain(copy) || copy.format !== FORMAT) {
        return refuse(WORDS.notOurs);
      }
      // A copy keeps one language's plan and ticks (copies saved before the Spanish edition have no
      // lang: English). The other language's copy is refused, not mixed in: its ticks belong to the
      // other language's pages, and its plan opens whole on the other language's page.
      var from = copy.lang === undefined ? "en" : copy.lang;
      if (from !== LANG) return refuse(from === "en" || from === "es" ? WORDS.otherLanguage : WORDS.damaged);
      if (copy.version !== VERSION || !validPlan(copy) || !validTicks(copy.checklists)) {
        return refuse(WORDS.damaged);
      }
      if (JSON.stringify(read()) !== JSON.stringify(defaults) && !window.confirm(WORDS.openAsk)) {
        return say(WORDS.notOpened);
      }
      fill(copy);
      storedKeys().filter(ownTicks).forEach(function (key) { localStorage.removeItem(key); });
      Object.keys(copy.checklists).forEach(function (page) {
        try { localStorage.setItem(CHECKLIST + page, JSON.stringify(copy.checklists[page])); } catch (error) { /* blocked */ }
      });
      store();
      showTicks();
      var when = new Date(copy.saved);
      say(isNaN(when) ? WORDS.opened : words(WORDS.openedFrom,
        { date: when.toLocaleDateString(LANG, { year: "numeric", month: "long", day: "numeric" }) }));
    };
    reader.readAsText(file);
  }

  function clearEverything() {
    if (!window.confirm(WORDS.clearAsk)) return say(WORDS.notCleared);
    storedKeys().forEach(function (key) { localStorage.removeItem(key); });
    fill(defaults);
    showTicks();
    showSaved();
    say(WORDS.cleared);
  }

  var actions = {
    save: saveCopy,
    open: function () { fileInput.click(); },
    print: function () { window.print(); },
    clear: clearEverything
  };

  // --- Start: show the controls, learn the rows, then bring back what was kept --------------

  root.querySelectorAll(".plan-actions, .plan-add, .plan-remove").forEach(function (el) { el.hidden = false; });
  root.querySelectorAll("[data-rows]").forEach(function (list) {
    var template = list.querySelector(".plan-row").cloneNode(true);
    var kinds = {};
    template.querySelectorAll("[data-field]").forEach(function (field) {
      kinds[field.dataset.field] = field.type === "checkbox" ? "checkbox" : "text";
    });
    lists[list.dataset.rows] = { list: list, template: template, kinds: kinds };
  });
  root.querySelectorAll("input, textarea").forEach(mirror);
  var defaults = read();  // the blank form as the page gives it, suggested steps included
  var kept = load(PLAN_KEY);
  if (validPlan(kept)) fill(kept);
  showTicks();
  showSaved();
  showSafariNote();
  root.classList.add("plan--ready");

  root.addEventListener("input", function (event) {
    if (event.target === fileInput) return;
    mirror(event.target);
    store();
  });
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    if (button.classList.contains("plan-remove")) {
      removeRow(button.closest(".plan-row"));
    } else if (button.dataset.add) {
      addRow(button.dataset.add).querySelector("input:not([type=checkbox]), textarea").focus();
      store();
    } else if (actions[button.dataset.action]) {
      actions[button.dataset.action]();
    }
  });
  fileInput.addEventListener("change", function () {
    if (fileInput.files.length) openCopy(fileInput.files[0]);
    fileInput.value = "";  // so the same file can be chosen again
  });
  // Ticks made in another tab show up here too.
  window.addEventListener("storage", function (event) {
    if (!event.key || ownTicks(event.key)) showTicks();
  });
})();
