/* "My programme": the reader's role and cohort (and, for an ECT and mentor pair, their meeting day
   and time), chosen once and kept in this browser's localStorage under "ect-me". A compact line at
   the top of every page says what is chosen and opens a small form to change it; on the home page
   and the starting pages (the pages with a "this week" panel) the form is open until something is
   chosen. With a cohort chosen, every date marked with its cohort (data-ect-cohort, written by
   induction/render/dates.py) of another cohort is hidden and repeated in an "Other cohorts"
   disclosure after its list, line or table: the chosen cohort's dates only, nothing lost. With
   nothing chosen, or without JavaScript, every cohort's dates show as written. Nothing is sent
   anywhere.

   What is stored is read as untrusted (anyone who can run script on the origin can write there):
   valid() keeps only the fields below, of the shape this script writes; text goes into the page
   with textContent only.

     {"role": "ect" | "mentor" | "tutor" | "", "programme": "<id>", "cohort": "<id>",
      "name": "<text, optional>", "day": 0-4 (Monday-Friday) or null, "time": "HH:MM" or "",
      "at": "<ISO 8601 UTC time of the choice>"} */
(function () {
  "use strict";
  var KEY = "ect-me";
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;  // as Date.toISOString() writes it
  var ROLES = [["ect", "ECT"], ["mentor", "Mentor"], ["tutor", "Induction tutor"]];
  var DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
  var NAME = 100;  // characters of a name: longer was not written here

  function mapping(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function field(stored, key) { return own(stored, key) ? stored[key] : undefined; }
  function id(value) { return typeof value === "string" && value.length <= 100 && ID.test(value) ? value : ""; }

  // Untrusted JSON -> the cleaned choice, or null when nothing usable is in it.
  function valid(stored) {
    if (!mapping(stored)) { return null; }
    var role = field(stored, "role"), name = field(stored, "name"), day = field(stored, "day");
    var time = field(stored, "time"), at = field(stored, "at");
    var out = {
      role: ROLES.some(function (r) { return r[0] === role; }) ? role : "",
      programme: id(field(stored, "programme")),
      cohort: id(field(stored, "cohort")),
      name: typeof name === "string" ? name.replace(/[\x00-\x1f\x7f]/g, "").trim().slice(0, NAME) : "",
      day: typeof day === "number" && day >= 0 && day <= 4 && Math.floor(day) === day ? day : null,
      time: typeof time === "string" && TIME.test(time) ? time : "",
      at: typeof at === "string" && STAMP.test(at) && isFinite(Date.parse(at)) ? at : ""
    };
    if (!out.programme) { out.cohort = ""; }  // a cohort is one programme's
    return out.role || out.cohort || out.name ? out : null;
  }

  // Two cleaned choices -> one: the newer wins, and a field it leaves empty keeps the older's value.
  function merge(mine, theirs) {
    if (!mine || !theirs) { return mine || theirs || null; }
    var newer = (theirs.at || "") > (mine.at || "") ? theirs : mine, older = newer === mine ? theirs : mine;
    var out = {};
    Object.keys(newer).forEach(function (key) {
      var value = newer[key];
      out[key] = value === "" || value === null ? older[key] : value;
    });
    if (!newer.cohort) { out.programme = newer.programme || older.programme; }
    return valid(out);
  }

  (window.inductionStores = window.inductionStores || {})[KEY] = {
    label: "Your role, cohort and meeting time", valid: valid, merge: merge
  };

  function load() {
    try { return valid(JSON.parse(window.localStorage.getItem(KEY) || "null")); } catch (error) { return null; }
  }

  function save(value) {
    try {
      if (value) { window.localStorage.setItem(KEY, JSON.stringify(value)); } else { window.localStorage.removeItem(KEY); }
    } catch (error) { /* storage blocked: the choice lasts for this page only */ }
    changed(value);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  // Dates ------------------------------------------------------------------------------------------

  function cohortsOf(marker) { return (marker.getAttribute("data-ect-cohort") || "").split(" "); }

  // What a cohort mark stands for: a table's column, a line of dates, a list item, or itself.
  function itemOf(marker) {
    if (marker.classList.contains("ect-dates__cohort")) { return marker; }
    return marker.closest("li") || marker;
  }

  function disclosure(label, content) {
    var details = element("details", "ect-me-others");
    details.append(element("summary", "", label), content);
    content.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    if (content.id) { content.removeAttribute("id"); }
    return details;
  }

  function hide(node) {
    node.hidden = true;
    node.setAttribute("data-ect-me-hidden", "");
  }

  function columns(markers, me) {
    var tables = [];
    markers.forEach(function (marker) {
      var cell = marker.closest("th"), table = cell && cell.closest("table");
      if (table && tables.indexOf(table) < 0 && cohortsOf(marker).indexOf(me.cohort) >= 0) { tables.push(table); }
    });
    tables.forEach(function (table) {
      var copy = table.cloneNode(true);
      table.querySelectorAll("th [data-ect-cohort]").forEach(function (marker) {
        if (cohortsOf(marker).indexOf(me.cohort) >= 0) { return; }
        var index = marker.closest("th").cellIndex;
        Array.prototype.forEach.call(table.rows, function (row) { if (row.cells[index]) { hide(row.cells[index]); } });
      });
      var anchor = table.closest(".md-typeset__scrollwrap") || table;
      anchor.after(disclosure("Every cohort's dates", copy));
    });
  }

  function lines(markers, me) {
    var groups = [];
    markers.forEach(function (marker) {
      if (marker.closest("th")) { return; }
      var item = itemOf(marker), group = item.parentElement;
      if (!group) { return; }
      var entry = groups.filter(function (g) { return g.group === group; })[0];
      if (!entry) { entry = {group: group, others: []}; groups.push(entry); }
      if (cohortsOf(marker).indexOf(me.cohort) < 0 && entry.others.indexOf(item) < 0) { entry.others.push(item); }
    });
    groups.forEach(function (entry) {
      if (!entry.others.length) { return; }
      var tag = entry.group.tagName, list = tag === "UL" || tag === "OL";
      var copy = document.createElement(tag === "P" || list ? tag : "div");  // a line, a list, or a box of blocks
      if (tag === "P" || list) { copy.className = entry.group.className; }
      entry.others.forEach(function (item, index) {
        if (index && copy.tagName === "P") { copy.append(document.createElement("br")); }
        copy.append(item.cloneNode(true));
        hide(item);
        var next = item.nextSibling;  // the line break after a line of dates goes with it
        while (next && next.nodeType === 3 && !next.textContent.trim()) { next = next.nextSibling; }
        if (next && next.nodeName === "BR") { hide(next); }
      });
      var label = list ? "Other cohorts" : "Other cohorts' dates";
      var others = disclosure(label, copy);
      // Inside a disclosure (every week of "this week"), the others go at its end, not beside it.
      if (tag === "DETAILS") { entry.group.append(others); } else { entry.group.after(others); }
    });
  }

  // With a cohort chosen: its dates in view, the others behind a disclosure; else as written.
  function filter(me) {
    document.querySelectorAll(".ect-me-others").forEach(function (node) { node.remove(); });
    document.querySelectorAll("[data-ect-me-hidden]").forEach(function (node) {
      node.hidden = false;
      node.removeAttribute("data-ect-me-hidden");
    });
    document.documentElement.toggleAttribute("data-ect-me-cohort", Boolean(me && me.cohort));
    if (!me || !me.cohort) { return; }
    var markers = Array.prototype.filter.call(document.querySelectorAll("[data-ect-cohort]"), function (marker) {
      return marker.getAttribute("data-ect-programme") === me.programme;
    });
    columns(markers, me);
    lines(markers, me);
  }

  // The line and its form ------------------------------------------------------------------------------

  // The programmes' cohorts by id and title (cohorts.js, a few hundred bytes: this line is on every
  // page, the whole schedule only where "this week" or a pair's calendar needs it).
  function programmes() {
    var source = window.ectCohorts || window.ectSchedule;
    return source ? source.programmes : [];
  }

  function cohortOf(me) {
    var found = null;
    programmes().forEach(function (p) {
      if (p.id !== me.programme) { return; }
      p.cohorts.forEach(function (c) { if (c.id === me.cohort) { found = c; } });
    });
    return found;
  }

  function summaryText(me) {
    if (!me) { return "choose your role and cohort"; }
    var parts = [];
    var role = ROLES.filter(function (r) { return r[0] === me.role; })[0];
    if (role) { parts.push(role[1]); }
    var cohort = cohortOf(me);
    if (cohort) { parts.push(cohort.title); }
    if (me.time && me.day !== null && me.role !== "tutor") { parts.push("meeting " + DAYS[me.day] + " " + me.time); }
    return parts.join(", ") || "choose your role and cohort";
  }

  // The form is me-form.js (and me-form.css), fetched the first time the line is opened (or drawn open): the closed
  // line, on every page, says what is chosen without it. The summary is the line's own control, so
  // a keyboard and a screen reader open it as any disclosure; the form follows it in the page.
  var formLoaded = null;
  function withForm(then) {
    if (window.ectMe.form) { then(); return; }
    if (!formLoaded) {
      formLoaded = [];
      var sheet = document.createElement("link");  // its stylesheet, asked for at the same time
      sheet.rel = "stylesheet";
      sheet.href = new URL("stylesheets/me-form.css", siteBase()).href;
      document.head.append(sheet);
      var script = document.createElement("script");
      script.src = new URL("javascripts/me-form.js", siteBase()).href;  // the site's own file: the CSP's 'self'
      script.addEventListener("load", function () { formLoaded.splice(0).forEach(function (call) { call(); }); });
      document.head.append(script);
    }
    formLoaded.push(then);
  }

  function fill(details, me, box) {
    if (!details.open || details.querySelector("form")) { return; }
    withForm(function () {
      if (details.querySelector("form") || !details.isConnected) { return; }
      details.append(window.ectMe.form(me, function (message) {
        box.querySelector(".ect-me__status").textContent = message;
        box.querySelector(".ect-me__summary").focus();
      }));
    });
  }

  function line(me) {
    var box = document.querySelector(".ect-me");
    if (!box) {
      var content = document.querySelector(".md-content__inner") || document.querySelector("main");
      if (!content) { return; }
      box = element("section", "ect-me");
      box.setAttribute("aria-label", "My programme");
      var status = element("p", "ect-me__status");
      status.setAttribute("role", "status");  // kept across redraws, so that what it says is announced
      box.append(status);
      content.prepend(box);
    }
    var old = box.querySelector("details");
    var details = element("details", "ect-me__box");
    var summary = element("summary", "ect-me__summary");
    summary.append(element("span", "ect-me__label", "My programme: "),
                   element("strong", "", summaryText(me)), element("span", "ect-me__change", me ? " (change)" : ""));
    details.append(summary);
    details.addEventListener("toggle", function () { fill(details, me, box); });
    // Open where the choice is made (the home and starting pages) until something is chosen.
    details.open = old ? old.open && !me : !me && Boolean(document.querySelector("[data-ect-thisweek]"));
    if (old) { old.replaceWith(details); } else { box.prepend(details); }
    fill(details, me, box);
  }

  function changed(me) {
    if (me === undefined) { me = load(); }
    try { filter(me); } catch (error) { if (window.console) { window.console.error("My programme:", error); } }
    line(me);
    document.dispatchEvent(new CustomEvent("ect-me-change", {detail: me}));
  }

  // What me-form.js builds the form with.
  window.ectMe = {load: load, save: save, valid: valid, element: element, programmes: programmes,
                  ROLES: ROLES, DAYS: DAYS, NAME: NAME};
  document.addEventListener("ect-stores-cleared", function () { changed(null); });
  window.addEventListener("storage", function (event) { if (event.key === KEY || event.key === null) { changed(); } });

  function start() {
    var me = load();
    try { filter(me); } catch (error) { if (window.console) { window.console.error("My programme:", error); } }
    line(me);  // the line is drawn whatever the filter met, so the choice can always be changed
  }

  if (!document.querySelector(".md-content__inner, main")) { return; }
  if (window.ectCohorts) { start(); return; }
  var script = document.createElement("script");
  script.src = new URL("cohorts.js", siteBase()).href;  // the site's own file: the CSP's 'self'
  script.addEventListener("load", start);
  // A site without cohorts has no schedule: the line still offers the role.
  script.addEventListener("error", start);
  document.head.append(script);
})();
