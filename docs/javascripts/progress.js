/* Progress on this device only. Turns the plain [data-ect-progress] elements of session pages into
   a "Mark as done" checkbox, ticks links to done pages, fills [data-ect-progress-count] lines and
   writes "continue where you left off" (the step after the last one ticked). Everything is kept in
   this browser's localStorage under one key, "ect-progress" (see docs/about/cookies.md), written
   only when the reader ticks or clears, and never sent anywhere. Without JavaScript, or with
   storage blocked, none of it appears.

   What is stored is read as untrusted: anyone who can run script on the origin, an extension or
   a shared computer can write there. valid() keeps only entries of the shape this script writes
   (below) and ignores the rest, which the next tick then drops; each part of the page is drawn
   on its own (guarded), so one that fails never stops the others, "Clear my progress" included.

     {"done": {"<programme id>/<session id>": {"at": "<ISO 8601 UTC time>", "title": "<text>",
                                               "url": "<the session's page, relative to the site root>"}},
      "last": {"title": "<text>", "url": "<a page, relative to the site root>"} or null,
      "coaching": {"<programme id>/<mentor plan's session id>": {"at": "<ISO 8601 UTC time>",
                   "previous": "met" | "partly" | "not-yet" | "",   (last week's agreed step)
                   "observation": "<text>", "step": "<text>"}}}     (this week's agreed step)

   "coaching" is the pair's log, typed on each mentor plan's own page ([data-ect-coaching]); an
   entry whose fields are all empty is not kept. Older stores without it read as having none.

   This file is what every page needs. The rest is loaded only by the pages that use it
   (induction/publish/page_scripts.py): progress-file.js, the progress record, its saved file and
   "Clear my progress" (the record page and "Your pairs"); coaching.js, the coaching log (a mentor
   plan). They find this script's store and helpers in window.inductionProgress, and hand it what
   they draw (`redraw`), so a tick, a merged file or a clear redraws every part of the page. */
(function () {
  "use strict";
  var KEY = "ect-progress";
  var MOST = 5000;  // more pieces of work than a programme has: past that, the store is not ours
  var LONGEST = 500;  // characters of a title; longer text was not written by this site
  var ID = "[a-z0-9]+(?:-[a-z0-9]+)*";  // ids as the content format allows them (induction/shapes.py)
  var WORK = new RegExp("^(" + ID + ")/(" + ID + ")$");
  // One part of a page address: no ':' (so no scheme), no leading '.' (so no '..'), no '?' or '#'.
  var SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;  // as Date.toISOString() writes it

  function mapping(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isText(value) { return typeof value === "string" && value.length > 0 && value.length <= LONGEST; }
  function isStamp(value) { return typeof value === "string" && STAMP.test(value) && isFinite(Date.parse(value)); }

  // A page of this site written relative to its root, as here() and following() write them: never
  // a scheme (javascript:), a host (//example.org), a way up (..), a query or a fragment.
  function isAddress(value) {
    if (typeof value !== "string" || value.length > 1000) { return false; }
    var parts = value.split("/");
    return parts.every(function (part, index) {
      return SEGMENT.test(part) || (part === "" && index === parts.length - 1);
    }) && new URL(value, siteBase()).href.indexOf(siteBase().href) === 0;
  }

  // The page of the work `key` names: under its programme's folder, named by the session's id
  // (prog/year-1/b1/b1-w1-read/, or .../b1-w1-read.html in the offline copy).
  function belongs(key, url) {
    var ids = WORK.exec(key);
    var parts = url.replace(/index\.html$/, "").replace(/(\.html|\/)$/, "").split("/");
    return Boolean(ids) && parts[0] === ids[1] && parts[parts.length - 1] === ids[2];
  }

  // What was stored, reduced to what this script writes; a null-prototype map, so that no stored
  // key (__proto__, constructor) can reach an object's prototype or read as done.
  function valid(stored) {
    var done = Object.create(null), count = 0;
    var entries = mapping(stored) && own(stored, "done") && mapping(stored.done) ? stored.done : {};
    Object.keys(entries).forEach(function (key) {
      var entry = entries[key];
      if (count < MOST && WORK.test(key) && mapping(entry) && isStamp(entry.at) && isText(entry.title) &&
          isAddress(entry.url) && belongs(key, entry.url)) {
        done[key] = {at: entry.at, title: entry.title, url: entry.url};
        count += 1;
      }
    });
    var last = mapping(stored) && own(stored, "last") ? stored.last : null;
    var kept = mapping(last) && isText(last.title) && isAddress(last.url) ? {title: last.title, url: last.url} : null;
    return {done: done, last: kept, coaching: coachingLog(stored)};
  }

  // The pair's coaching log, reduced like the ticks: known keys, known verdicts, bounded text.
  var VERDICTS = {"met": "met", "partly": "partly", "not-yet": "not yet", "": ""};
  var LONGEST_NOTE = 2000;  // characters of an observation or a step
  function isNote(value) { return typeof value === "string" && value.length <= LONGEST_NOTE; }
  function coachingLog(stored) {
    var log = Object.create(null), count = 0;
    var entries = mapping(stored) && own(stored, "coaching") && mapping(stored.coaching) ? stored.coaching : {};
    Object.keys(entries).forEach(function (key) {
      var entry = entries[key];
      if (count < MOST && WORK.test(key) && mapping(entry) && isStamp(entry.at) && typeof entry.previous === "string" &&
          own(VERDICTS, entry.previous) && isNote(entry.observation) && isNote(entry.step) &&
          (entry.previous || entry.observation || entry.step)) {
        log[key] = {at: entry.at, previous: entry.previous, observation: entry.observation, step: entry.step};
        count += 1;
      }
    });
    return log;
  }

  function load() {
    var stored;
    try { stored = window.localStorage.getItem(KEY); } catch (error) { return null; }  // storage blocked: show nothing
    try { return valid(JSON.parse(stored || "{}")); } catch (error) { return valid(null); }  // not JSON: ignored
  }

  // Each part of the page is drawn on its own: what one part meets never stops the others.
  function guarded(what, draw) {
    try { draw(); } catch (error) {
      if (window.console) { window.console.error("Progress: " + what + " could not be shown.", error); }
    }
  }

  function save(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (error) { return false; }
  }

  var root = null;  // the site's root address, worked out once
  function siteBase() {
    if (!root) {
      var config = document.getElementById("__config");
      root = new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"), location.href);
    }
    return root;
  }

  function pageUrl(address) {
    var url = new URL(address, siteBase());
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) { url.pathname += "index.html"; }
    return url.href;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // Wednesday 17 September 2025, in the device's time zone; written out rather than left to the
  // browser's locale data, so that every browser says the same.
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  function when(stamp) {
    var day = new Date(stamp);
    return DAYS[day.getDay()] + " " + day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear();
  }

  function checkbox(box, data) {
    var key = box.getAttribute("data-ect-progress");
    var id = "ect-done-" + key.replace(/[^a-z0-9-]/g, "-");
    var input = element("input");
    input.type = "checkbox";
    input.id = id;
    input.checked = Boolean(data.done[key]);
    var label = element("label", "", "Mark as done");
    label.htmlFor = id;
    var status = element("span", "ect-progress__status");
    status.setAttribute("role", "status");  // announced when it changes
    function show() {
      status.textContent = data.done[key] ? "Done on " + when(data.done[key].at) + "." : "";
    }
    input.addEventListener("change", function () {
      if (input.checked) {
        data.done[key] = {at: new Date().toISOString(), title: box.getAttribute("data-ect-title").slice(0, LONGEST),
                          url: here()};
        data.last = following(box);
      } else {
        delete data.done[key];
      }
      save(data);
      show();
      refresh(data);
    });
    show();
    box.replaceChildren(input, label, status);
  }

  // Where to continue after ticking this page: its "Next" step when it has one, else the page.
  function following(box) {
    var next = document.querySelector(".ect-pagination__next a[href]");
    if (next) {
      var address = new URL(next.getAttribute("href"), location.href).href;
      var base = siteBase().href;
      if (address.indexOf(base) === 0) {
        return {title: next.textContent.slice(0, LONGEST), url: address.slice(base.length)};
      }
    }
    return {title: box.getAttribute("data-ect-title").slice(0, LONGEST), url: here()};
  }

  // This page's address relative to the site root, in whichever layout the site has (directory
  // addresses on a server, file names in the offline copy).
  function here() {
    var address = location.href.split("#")[0].split("?")[0].replace(/index\.html$/, "");
    var base = siteBase().href;
    return address.indexOf(base) === 0 ? address.slice(base.length) : address;
  }

  function ticks(data) {
    var done = Object.create(null);
    // Compared without index.html: opened from disk, a page is named both ways.
    function bare(url) { return url.replace(/index\.html$/, ""); }
    Object.keys(data.done).forEach(function (key) {
      guarded("a tick", function () { done[bare(pageUrl(data.done[key].url))] = true; });
    });
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      var tick = a.querySelector(".ect-tick");
      var url = bare(new URL(a.getAttribute("href"), location.href).href);
      if (done[url] && !tick) {
        tick = element("span", "ect-tick");
        tick.append(element("span", "ect-tick__mark", "✓"));
        tick.firstChild.setAttribute("aria-hidden", "true");
        tick.append(element("span", "ect-visually-hidden", " (done)"));
        a.append(tick);
      } else if (!done[url] && tick) {
        tick.remove();
      }
    });
  }

  function counts(data) {
    document.querySelectorAll("[data-ect-progress-count]").forEach(function (line) {
      guarded("a count", function () {
        var keys = line.getAttribute("data-ect-progress-count").split(" ");
        var n = keys.filter(function (key) { return data.done[key]; }).length;
        line.textContent = n + " of " + keys.length + " " + line.getAttribute("data-ect-what") +
          " done on this device.";
      });
    });
  }

  function continuing(data) {
    document.querySelectorAll("[data-ect-progress-continue]").forEach(function (box) {
      guarded("continue where you left off", function () {
        box.replaceChildren();
        if (!data.last) { return; }
        var p = element("p", "", "Continue where you left off: ");
        var a = element("a", "", data.last.title);
        a.href = pageUrl(data.last.url);
        p.append(a);
        box.replaceChildren(p);
      });
    });
  }

  function field(labelText, control, hint) {
    var wrap = element("div", "ect-record-field");
    var label = element("label", "", labelText);
    label.htmlFor = control.id;
    wrap.append(label);
    if (hint) {
      var small = element("span", "ect-record-hint", hint);
      small.id = control.id + "-hint";
      control.setAttribute("aria-describedby", small.id);
      wrap.append(small);
    }
    wrap.append(control);
    return wrap;
  }

  var redraw = [];  // the parts other scripts draw from the store (the record), redrawn with ticks and counts
  function refresh(data) {
    guarded("the ticks", function () { ticks(data); });
    counts(data);
    continuing(data);
    redraw.forEach(function (draw) { draw(data); });
  }

  var data = load();
  window.inductionProgress = {KEY: KEY, LONGEST: LONGEST, WORK: WORK, VERDICTS: VERDICTS, LONGEST_NOTE: LONGEST_NOTE,
                              mapping: mapping, own: own, isText: isText, isStamp: isStamp, valid: valid,
                              guarded: guarded, save: save, siteBase: siteBase, pageUrl: pageUrl, element: element,
                              field: field, when: when, refresh: refresh, redraw: redraw, data: data};
  if (!data) { return; }
  document.querySelectorAll("[data-ect-progress]").forEach(function (box) {
    guarded("Mark as done", function () { checkbox(box, data); });
  });
  refresh(data);
})();
