/* Progress on this device only. Turns the plain [data-ect-progress] elements of session pages into
   a "Mark as done" checkbox, ticks links to done pages, fills [data-ect-progress-count] lines,
   writes "continue where you left off" (the step after the last one ticked) and the printable
   progress record. Everything is kept in this browser's localStorage under one key,
   "ect-progress" (see docs/about/cookies.md), written only when the reader ticks or clears, and
   never sent anywhere. Without JavaScript, or with storage blocked, none of it appears. */
(function () {
  "use strict";
  var KEY = "ect-progress";

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return {done: data.done || {}, last: data.last || null};
    } catch (error) { return null; }  // storage blocked (private mode, policy): show nothing
  }

  function save(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (error) { return false; }
  }

  function siteBase() {
    var config = document.getElementById("__config");
    return new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"), location.href);
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
        data.done[key] = {at: new Date().toISOString(), title: box.getAttribute("data-ect-title"), url: here()};
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
      if (address.indexOf(base) === 0) { return {title: next.textContent, url: address.slice(base.length)}; }
    }
    return {title: box.getAttribute("data-ect-title"), url: here()};
  }

  // This page's address relative to the site root, in whichever layout the site has (directory
  // addresses on a server, file names in the offline copy).
  function here() {
    var address = location.href.split("#")[0].split("?")[0].replace(/index\.html$/, "");
    var base = siteBase().href;
    return address.indexOf(base) === 0 ? address.slice(base.length) : address;
  }

  function ticks(data) {
    var done = {};
    // Compared without index.html: opened from disk, a page is named both ways.
    function bare(url) { return url.replace(/index\.html$/, ""); }
    Object.keys(data.done).forEach(function (key) { done[bare(pageUrl(data.done[key].url))] = true; });
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
      var keys = line.getAttribute("data-ect-progress-count").split(" ");
      var n = keys.filter(function (key) { return data.done[key]; }).length;
      line.textContent = n + " of " + keys.length + " " + line.getAttribute("data-ect-what") + " done on this device.";
    });
  }

  function continuing(data) {
    document.querySelectorAll("[data-ect-progress-continue]").forEach(function (box) {
      if (!data.last) { box.replaceChildren(); return; }
      var p = element("p", "", "Continue where you left off: ");
      var a = element("a", "", data.last.title);
      a.href = pageUrl(data.last.url);
      p.append(a);
      box.replaceChildren(p);
    });
  }

  function record(data) {
    document.querySelectorAll("[data-ect-progress-record]").forEach(function (box) {
      var keys = Object.keys(data.done).sort(function (a, b) { return data.done[a].at < data.done[b].at ? -1 : 1; });
      var parts = [];
      if (!keys.length) {
        parts.push(element("p", "", "Nothing is marked as done in this browser yet."));
      } else {
        var table = element("table", "ect-progress-record");
        var head = element("tr");
        head.append(element("th", "", "Done"), element("th", "", "When"));
        table.append(element("thead"));
        table.firstChild.append(head);
        var body = element("tbody");
        keys.forEach(function (key) {
          var row = element("tr"), cell = element("td");
          var a = element("a", "", data.done[key].title);
          a.href = pageUrl(data.done[key].url);
          cell.append(a);
          row.append(cell, element("td", "", when(data.done[key].at)));
          body.append(row);
        });
        table.append(body);
        parts.push(element("p", "ect-progress-record__count", keys.length + (keys.length === 1 ? " piece" : " pieces") +
                           " of work marked as done in this browser."), table);
      }
      var actions = element("p", "ect-progress-actions");
      var print = element("button", "md-button", "Print this record");
      print.type = "button";
      print.addEventListener("click", function () { window.print(); });
      var clear = element("button", "md-button", "Clear my progress");
      clear.type = "button";
      clear.addEventListener("click", function () {
        if (!window.confirm("Clear every tick and date kept in this browser? This cannot be undone.")) { return; }
        try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing was stored */ }
        data.done = {};
        data.last = null;
        refresh(data);
      });
      actions.append(print, " ", clear);
      parts.push(actions);
      box.replaceChildren.apply(box, parts);
    });
  }

  function refresh(data) {
    ticks(data);
    counts(data);
    continuing(data);
    record(data);
  }

  var data = load();
  if (!data) { return; }
  document.querySelectorAll("[data-ect-progress]").forEach(function (box) { checkbox(box, data); });
  refresh(data);
})();
