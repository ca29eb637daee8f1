/* Lens: the reader's phase or setting, and subject, chosen once and kept in this browser only.

   A session's examples come as sets (induction/render/examples.py):
     <div data-ect-examples data-ect-lenses='[{"id","label","group"}]'>
       <details class="ect-example" data-ect-lens="primary" open><summary>Primary: ...</summary>...</details> ...
   Without JavaScript every example is open and labelled. Here each set gets a labelled choice of
   phase (and subject, where the programme declares subjects); with a choice made, the reader's
   examples move to the front of each set and stay open, the others fold and are marked
   (.ect-example--other), which print.css leaves off the paper. Search indexes every example: the
   text is in the page whatever is chosen.

   Stored under "ect-lens" (see docs/about/cookies.md), read as untrusted:
     {"phase": {"id": "<lens id>", "at": "<ISO 8601 UTC>"}, "subject": {"id": ..., "at": ...}}
   Registered in window.inductionStores, so the saved progress file carries it and "Clear my
   progress" clears it. Nothing is built from stored text by concatenation: ids are checked
   against the page's own lenses, and labels are the page's. */
(function () {
  "use strict";
  var KEY = "ect-lens";
  var GROUPS = ["phase", "subject"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
  var NAMES = {phase: "Your phase or setting", subject: "Your subject"};

  function mapping(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function valid(stored) {
    if (!mapping(stored)) { return null; }
    var kept = {}, any = false;
    GROUPS.forEach(function (group) {
      var item = own(stored, group) ? stored[group] : null;
      if (mapping(item) && typeof item.id === "string" && item.id.length <= 64 && ID.test(item.id) &&
          typeof item.at === "string" && STAMP.test(item.at) && isFinite(Date.parse(item.at))) {
        kept[group] = {id: item.id, at: item.at};
        any = true;
      }
    });
    return any ? kept : null;
  }

  function merge(mine, theirs) {
    var out = {};
    GROUPS.forEach(function (group) {
      var a = mine && mine[group], b = theirs && theirs[group];
      var newest = a && b ? (Date.parse(b.at) > Date.parse(a.at) ? b : a) : (a || b);
      if (newest) { out[group] = {id: newest.id, at: newest.at}; }
    });
    return out;
  }

  (window.inductionStores = window.inductionStores || {})[KEY] = {
    label: "Phase and subject you chose", valid: valid, merge: merge
  };

  function load() {
    try { return valid(JSON.parse(window.localStorage.getItem(KEY) || "null")) || {}; } catch (error) { return {}; }
  }

  function save(group, id) {
    var chosen = load();
    if (id) { chosen[group] = {id: id, at: new Date().toISOString()}; } else { delete chosen[group]; }
    try { window.localStorage.setItem(KEY, JSON.stringify(chosen)); } catch (error) { /* storage blocked */ }
    return chosen;
  }

  function lensesOf(set) {
    try {
      var list = JSON.parse(set.getAttribute("data-ect-lenses") || "[]");
      return Array.isArray(list) ? list.filter(function (lens) {
        return mapping(lens) && typeof lens.id === "string" && ID.test(lens.id) && typeof lens.label === "string" &&
          GROUPS.indexOf(lens.group) >= 0;
      }) : [];
    } catch (error) { return []; }
  }

  // The reader's examples first (phase, then subject), open; the others after them, folded.
  function order(set, chosen) {
    var examples = Array.prototype.slice.call(set.querySelectorAll(":scope > details.ect-example"));
    var wanted = GROUPS.map(function (group) { return chosen[group] && chosen[group].id; }).filter(Boolean);
    var mine = wanted.map(function (id) {
      return examples.filter(function (example) { return example.getAttribute("data-ect-lens") === id; })[0];
    }).filter(Boolean);
    var others = examples.filter(function (example) { return mine.indexOf(example) < 0; });
    var anchor = set.querySelector(":scope > .ect-lens-choice");
    mine.concat(others).forEach(function (example) { set.appendChild(example); });
    if (anchor) { set.insertBefore(anchor, set.firstChild); }
    mine.forEach(function (example) { example.open = true; example.classList.remove("ect-example--other"); });
    others.forEach(function (example) {
      example.open = mine.length === 0;  // nothing of theirs here, or no choice yet: every example shows
      example.classList.toggle("ect-example--other", mine.length > 0);
    });
    set.classList.toggle("ect-examples--chosen", mine.length > 0);
  }

  function drawAll(chosen) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ect-examples]"), function (set) {
      order(set, chosen);
      Array.prototype.forEach.call(set.querySelectorAll("select[data-ect-lens-group]"), function (select) {
        var group = select.getAttribute("data-ect-lens-group");
        select.value = chosen[group] ? chosen[group].id : "";
        if (select.selectedIndex < 0) { select.value = ""; }
      });
    });
  }

  function choice(set, group, lenses, index) {
    var field = document.createElement("p");
    field.className = "ect-lens-choice__field";
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.id = "ect-lens-" + group + "-" + index;
    select.setAttribute("data-ect-lens-group", group);
    label.htmlFor = select.id;
    label.textContent = NAMES[group];
    var none = document.createElement("option");
    none.value = "";
    none.textContent = "Show every example";
    select.appendChild(none);
    lenses.forEach(function (lens) {
      var option = document.createElement("option");
      option.value = lens.id;
      option.textContent = lens.label;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { drawAll(save(group, select.value)); });
    field.appendChild(label);
    field.appendChild(select);
    return field;
  }

  function prepare() {
    var sets = document.querySelectorAll("[data-ect-examples]");
    Array.prototype.forEach.call(sets, function (set, index) {
      if (set.querySelector(":scope > .ect-lens-choice")) { return; }
      var lenses = lensesOf(set);
      var box = document.createElement("div");
      box.className = "ect-lens-choice";
      GROUPS.forEach(function (group) {
        var mine = lenses.filter(function (lens) { return lens.group === group; });
        if (mine.length) { box.appendChild(choice(set, group, mine, index)); }
      });
      set.insertBefore(box, set.firstChild);
    });
    if (sets.length) { drawAll(load()); }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(prepare);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepare);
  } else {
    prepare();
  }
}());
