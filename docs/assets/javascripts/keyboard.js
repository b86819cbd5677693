/*
 * Runs after Material's bundle, on every page: the header's controls as a keyboard and a screen
 * reader meet them (WCAG 2.1.1, 2.4.3, 4.1.2, 1.4.13). Material has no setting for any of this,
 * and copying its header template to change a few tags would tie the site to it, so a few lines
 * patch its behaviour instead. Material internals relied on: the #__drawer and #__search
 * checkboxes, its labels for them, .md-sidebar--primary, .md-search[role=dialog], the palette's
 * input.md-option radios and body[data-md-color-scheme], the .md-tooltip2--active class.
 *
 * 1. The phone menu and search icons are <label>s for those checkboxes: a keyboard cannot reach a
 *    label, and a screen reader hears no name or role. Each gets a real, named <button> beside
 *    it (the label stays, hidden: Material's script looks it up). The menu button says whether
 *    the menu is open (aria-expanded), moves focus into it when it opens and back when it closes,
 *    and the menu closes with Esc or when focus leaves it. (Its links are out of the Tab order
 *    while it is closed: site.css hides the closed drawer, and lays it out as one list.) Its
 *    section names are no longer Tab stops.
 * 2. Search keeps focus while a reader uses it: Tab and Shift+Tab go round its field, results and
 *    close button (Material closes search on Tab, and focus went on to whatever was behind it,
 *    on a phone to the hidden menu). Esc closes it (Material's), and focus goes back to the
 *    button that opened it. On a phone search is a whole-screen dialog, opened by its button
 *    (the hidden field is no longer a Tab stop of its own); on a wide screen the field sits in
 *    the header, and only once something is typed in it does Tab stay in search, so that tabbing
 *    past the field never traps anyone. While search is open, the count of results Material
 *    writes as the reader types ("12 matching documents") is a live region, so a screen reader
 *    says it (WCAG 4.1.3); it was not. (Only while open: closed, it is no status of the page.)
 * 3. The colour toggle's two radios are named by the scheme each stands for, and the current one
 *    is checked (Material names each by what the other does, and checks neither).
 * 4. Esc hides a tooltip (a glossary word's meaning) without moving the pointer or focus; it
 *    shows again when the reader comes back to the word.
 * 5. Material's copy buttons (on pages with a sample message), as a screen reader meets them:
 *    Material puts each in its own unnamed <nav class="md-code__nav">, which makes several unnamed
 *    navigation landmarks (axe's landmark-unique); a copy button is not navigation, so each <nav>
 *    gets role="none". A copy button's only name is its title, which Material's tooltips take away
 *    while it has focus (WCAG 4.1.2): the same words become its aria-label. "Copied to clipboard"
 *    appears in Material's .md-dialog, which is no live region (WCAG 4.1.3): it becomes one
 *    (role="status") before any text is put in, which is only once a reader presses a button.
 * The search dialog's name (axe's aria-dialog-name) is set here too, in the page's language.
 *
 * 
 *
 * Loaded deferred after Material's bundle on every page (overrides/main.html); it was an inline
 * partial, 9.6 kB in every page's HTML, now one cached file. The search dialog's name and the
 * copy buttons' patch (5) were inline scripts too: here they cost no page a byte of its first
 * round trip (issue 22's budget of 14.6 kB gzipped per page).
 */
(function () {
  "use strict";
  /* The words, in the page's language, from mkdocs.yml: overrides/main.html puts them on this
     script's tag (a deferred script still knows its tag while it runs). */
  var words = JSON.parse(document.currentScript.getAttribute("data-words"));
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var panel = document.querySelector(".md-sidebar--primary");
  var dialog = document.querySelector(".md-search[role=dialog]");
  var query = document.querySelector(".md-search__input");

  /* What Tab can reach inside an element, in order, as shown now. */
  function stops(scope) {
    return Array.prototype.filter.call(scope.querySelectorAll("a[href], button, input, summary, [tabindex]"), function (e) {
      return e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility === "visible";
    });
  }

  /* A named button beside one of Material's labels, with the label's icon (or only its last one). */
  function button(label, name, className, lastIconOnly) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = label.className + " " + className;
    made.setAttribute("aria-label", name);
    made.innerHTML = lastIconOnly ? label.lastElementChild.outerHTML : label.innerHTML;
    label.setAttribute("aria-hidden", "true");
    label.after(made);
    return made;
  }

  /* 1. The menu. */
  var menuLabel = document.querySelector(".md-header__button[for=__drawer]");
  if (drawer && panel && menuLabel) {
    var menu = button(menuLabel, words.menu, "site-menu");
    menuLabel.hidden = true;
    panel.id = panel.id || "site-menu-panel";
    menu.setAttribute("aria-controls", panel.id);
    menu.setAttribute("aria-expanded", "false");
    menu.addEventListener("click", function () { drawer.click(); });
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
      var inside = panel.contains(document.activeElement);
      if (drawer.checked) {
        var first = stops(panel)[0];
        if (first) first.focus({ preventScroll: true });
      } else if (inside || document.activeElement === document.body) {
        menu.focus();
      }
    });
    panel.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (drawer.checked && to && !panel.contains(to) && to !== menu) drawer.click();
    });
  }

  /* The menu's section names are labels that fold a section away on a click (Material gives them
      tabindex="0"); a keyboard stopped on them, heard no role, and Enter or Space did nothing.
      Every section is always open (navigation.expand), so they are names to read, not stops. */
  Array.prototype.forEach.call(document.querySelectorAll("label.md-nav__link[tabindex]"), function (label) {
    label.removeAttribute("tabindex");
  });

  /* 2. Search. */
  var searchLabel = document.querySelector(".md-header__button[for=__search]");
  var closeLabel = document.querySelector(".md-search__icon[for=__search]");
  if (dialog) dialog.setAttribute("aria-label", words.search);
  if (search && dialog && query && searchLabel) {
    var finder = button(searchLabel, words.search, "site-search");
    searchLabel.hidden = true;
    var phone = matchMedia("(max-width: 59.984375em)");  /* where Material shows search as a whole-screen dialog */
    var field = function () { query.tabIndex = phone.matches && !search.checked ? -1 : 0; };
    phone.addEventListener("change", field);
    field();
    finder.addEventListener("click", function () {
      if (!search.checked) search.click();  /* open */
      query.focus();
    });
    if (closeLabel) {
      button(closeLabel, words.close, "site-search-close", true).addEventListener("click", function () { search.click(); });
      closeLabel.classList.add("site-replaced");
    }
    var count = dialog.querySelector(".md-search-result__meta");
    var opened = function () {
      dialog.setAttribute("aria-modal", String(search.checked));
      if (!count) return;
      if (search.checked) count.setAttribute("role", "status");
      else count.removeAttribute("role");
    };
    opened();
    search.addEventListener("change", function () {
      opened();
      field();
      if (search.checked || !dialog.contains(document.activeElement)) return;
      if (finder.getClientRects().length) finder.focus();  /* on a phone; on a wide screen the field is the opener */
      else document.activeElement.blur();
    });
    /* Capture, before Material's own handler (on window) closes search on Tab. Material also sends
        focus back to the field on any other key, so Shift alone (Shift+Tab) is kept from it too. */
    window.addEventListener("keydown", function (event) {
      if (!search.checked || !dialog.contains(document.activeElement)) return;
      if (event.key === "Shift") return event.stopPropagation();
      if (event.key !== "Tab") return;
      if (!phone.matches && !query.value.trim()) return;  /* Material closes search, and focus goes on */
      /* Material's results are links out of the Tab order (it moves through them with the arrow
          keys); these are the ones its arrow keys go through. */
      var around = stops(query.form).concat(Array.prototype.filter.call(dialog.querySelectorAll(
        ".md-search-result :not(details) > [href], .md-search-result summary, .md-search-result details[open] [href]"),
        function (e) { return e.getClientRects().length; }));
      var at = around.indexOf(document.activeElement);
      event.preventDefault();
      event.stopPropagation();
      around[(at + (event.shiftKey ? around.length - 1 : 1)) % around.length].focus();
    }, true);
  }

  /* 3. The colour toggle. */
  var radios = document.querySelectorAll("input.md-option[data-md-color-scheme]");
  function scheme() {
    var now = document.body.getAttribute("data-md-color-scheme");
    Array.prototype.forEach.call(radios, function (radio) {
      radio.checked = radio.getAttribute("data-md-color-scheme") === now;
    });
  }
  Array.prototype.forEach.call(radios, function (radio) {
    radio.setAttribute("aria-label", radio.getAttribute("data-md-color-scheme") === "slate" ? words.dark : words.light);
  });
  new MutationObserver(scheme).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  scheme();

  /* 4. Esc: close the menu, and hide any tooltip shown. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (drawer && drawer.checked) drawer.click();
    Array.prototype.forEach.call(document.querySelectorAll(".md-tooltip2--active, .md-tooltip--active"), function (tip) {
      tip.classList.add("site-tooltip--hidden");
    });
  });
  function reshow(event) {
    Array.prototype.forEach.call(document.querySelectorAll(".site-tooltip--hidden"), function (tip) {
      var host = tip.id && document.querySelector("[aria-describedby='" + tip.id + "']");
      if (host && host.contains(event.target)) tip.classList.remove("site-tooltip--hidden");
    });
  }
  document.addEventListener("mouseover", reshow);
  document.addEventListener("focusin", reshow);

  /* 5. Copy buttons. Material's bundle, which ran just before this script, may have added some
     already, and adds more as it goes: both are patched. */
  if (document.querySelector(".sample-message")) {
    var notice = document.querySelector(".md-dialog");
    if (notice) notice.setAttribute("role", "status");
    var copyButtons = function () {
      Array.prototype.forEach.call(document.querySelectorAll("nav.md-code__nav:not([role])"), function (nav) {
        nav.setAttribute("role", "none");
      });
      Array.prototype.forEach.call(document.querySelectorAll(".md-code__button[title]:not([aria-label])"), function (copy) {
        copy.setAttribute("aria-label", copy.title);
      });
    };
    new MutationObserver(copyButtons).observe(document.body, { childList: true, subtree: true });
    copyButtons();
  }
})();
