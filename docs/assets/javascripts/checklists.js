/*
 * Checklists that remember their ticks on this device.
 *
 * Markdown task lists inside <div class="checklist" markdown> become real, named
 * checkboxes: the item's text moves inside its <label>, so a screen reader reads it and a
 * tap on the words ticks the box. Ticks are kept in this browser's localStorage (never
 * sent anywhere), per page, and survive a reload, also when the site is read from files.
 * One "Clear all ticks" button follows the last checklist on the page; it asks first, as the
 * organiser's "Clear everything" does, since it sits where a thumb lands. Its words follow the
 * page's language, and each language keeps its own ticks (a Spanish page's items are other
 * words, so they are kept under their own key).
 */
(function () {
  "use strict";

  var lists = document.querySelectorAll(".checklist");
  if (!lists.length) return;

  var spanish = document.documentElement.lang === "es";
  var words = spanish
    ? { clear: "Borrar todas las marcas", cleared: "Se borraron todas las marcas de esta página.",
        ask: "¿Borrar todas las marcas de esta página? No se puede deshacer.", kept: "No se borró ninguna marca." }
    : { clear: "Clear all ticks", cleared: "All ticks on this page are cleared.",
        ask: "Clear all ticks on this page? This cannot be undone.", kept: "No ticks were cleared." };
  var page = location.pathname.split("/").pop().replace(/\.html$/, "") || "index";
  var key = "second-opinion-guide:checklist:" + (spanish ? "es:" : "") + page;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(key)) || {};
    } catch (error) {
      return {}; // storage blocked or unreadable: the boxes still tick, they just are not kept
    }
  }

  function save(ticks) {
    try {
      localStorage.setItem(key, JSON.stringify(ticks));
    } catch (error) {
      /* storage blocked: nothing to do */
    }
  }

  var ticks = load();
  var boxes = [];

  Array.prototype.forEach.call(lists, function (list) {
    list.querySelectorAll("li.task-list-item").forEach(function (item) {
      var label = item.querySelector("label.task-list-control");
      var box = label && label.querySelector("input[type=checkbox]");
      if (!box) return;
      var text = document.createElement("span");
      text.className = "task-list-text";
      while (label.nextSibling) text.appendChild(label.nextSibling);
      label.appendChild(text);
      // A glossary word in the item shows its meaning when tapped; the tap must not also tick
      // the box (it sits inside the box's label, and a tap on a label ticks its box).
      text.querySelectorAll("abbr").forEach(function (word) {
        word.addEventListener("click", function (event) { event.preventDefault(); });
      });
      var name = text.textContent.replace(/\s+/g, " ").trim();
      box.disabled = false;
      box.checked = ticks[name] === true;
      box.addEventListener("change", function () {
        if (box.checked) ticks[name] = true;
        else delete ticks[name];
        save(ticks);
      });
      boxes.push(box);
    });
  });

  var actions = document.createElement("p");
  actions.className = "checklist-actions";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button checklist-actions__clear";
  button.textContent = words.clear;
  var status = document.createElement("span");
  status.className = "checklist-actions__status";
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    var some = boxes.some(function (box) { return box.checked; });
    if (some && !window.confirm(words.ask)) {
      status.textContent = words.kept;
      return;
    }
    boxes.forEach(function (box) { box.checked = false; });
    ticks = {};
    save(ticks);
    status.textContent = words.cleared;
  });
  actions.appendChild(button);
  actions.appendChild(status);
  var last = lists[lists.length - 1];
  last.parentNode.insertBefore(actions, last.nextSibling);
})();
