/* The progress record and its saved file (documentation/progress-file.md,
   schemas/progress-file.schema.json), on the pages that show them: the record page
   ([data-ect-progress-record]) and the tutor's "Your pairs" ([data-ect-pairs], pairs.js). The store,
   its checks and the page's ticks are progress.js's, which runs first (window.inductionProgress).

   "Save my progress" writes this store and every other registered store (below) into one JSON
   file made in the browser (a Blob and a download link: nothing is sent anywhere); "Open a saved
   file" reads files with FileReader and merges them, newest wins per item, nothing lost. A file of
   another programme, of a newer format, over 1 MB, damaged or holding what this site never writes
   (prototype keys, markup or script in its text) changes nothing and says why.

   Other scripts register the keys they own in window.inductionStores (label, valid, merge); they
   are read when the reader saves, opens or clears, so script order does not matter and none, some
   or all of them may be there. window.inductionProgress gives docs/javascripts/pairs.js the file
   reader and the per-pair summary. */
(function () {
  "use strict";
  var P = window.inductionProgress;
  if (!P) { return; }
  var KEY = P.KEY, VERDICTS = P.VERDICTS, mapping = P.mapping, own = P.own, isText = P.isText;
  var isStamp = P.isStamp, valid = P.valid, guarded = P.guarded, save = P.save, siteBase = P.siteBase;
  var pageUrl = P.pageUrl, element = P.element, field = P.field, when = P.when, refresh = P.refresh;

  // Two cleaned stores as one: per item the newer wins, and an item only one of them has is kept.
  function newest(mine, theirs) {
    var out = Object.create(null);
    Object.keys(mine).forEach(function (key) { out[key] = mine[key]; });
    Object.keys(theirs).forEach(function (key) {
      if (!out[key] || theirs[key].at > out[key].at) { out[key] = theirs[key]; }
    });
    return out;
  }
  function merge(mine, theirs) {
    return {done: newest(mine.done, theirs.done), last: mine.last || theirs.last,
            coaching: newest(mine.coaching, theirs.coaching)};
  }
  // How many entries a stored value offers, to tell a file whose entries were all kept from one
  // where some were not as this site writes them.
  function offered(stored, part) {
    return mapping(stored) && own(stored, part) && mapping(stored[part]) ? Object.keys(stored[part]).length : 0;
  }

  /* ---- The programme in order (programme-order.js, written by the build) ---- */

  // window.ectOrder: the site's name, id and content version, and every piece of work in order.
  // Loaded once, on the pages that need it, from the site's own folder (the CSP's 'self').
  var waiting = null;
  function withOrder(then) {
    if (window.ectOrder) { then(window.ectOrder); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var script = document.createElement("script");
    script.src = new URL("programme-order.js", siteBase()).href;
    function done() {
      var order = mapping(window.ectOrder) ? window.ectOrder : null;
      waiting.splice(0).forEach(function (call) { guarded("the programme's order", function () { call(order); }); });
    }
    script.addEventListener("load", done);
    script.addEventListener("error", done);
    document.head.append(script);
  }

  function items(order) {
    var out = [];
    order.programmes.forEach(function (programme) {
      programme.parts.forEach(function (part) {
        part.items.forEach(function (item) { out.push(item); });
      });
    });
    return out;
  }

  /* ---- Other scripts' stores (window.inductionStores) ---- */

  var STORE_KEY = /^ect-[a-z]+(?:-[a-z]+)*$/;
  function stores() {
    var registry = window.inductionStores, out = [];
    if (!mapping(registry)) { return out; }
    Object.keys(registry).forEach(function (key) {
      var store = registry[key];
      if (key !== KEY && STORE_KEY.test(key) && mapping(store) && typeof store.valid === "function" &&
          typeof store.merge === "function") {
        out.push({key: key, label: isText(store.label) ? store.label : key, valid: store.valid, merge: store.merge});
      }
    });
    return out;
  }

  function stored(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  // What another script keeps, cleaned by that script; null when it has nothing or rejects it.
  function cleanedStore(store) {
    var value = stored(store.key);
    if (value === null) { return null; }
    try { return store.valid(value); } catch (error) { return null; }
  }

  /* ---- The saved file ---- */

  var FORMAT = "ect-progress-file";
  var FORMAT_VERSION = 1;
  var LARGEST = 1024 * 1024;  // bytes: a year of ticks and notes is a few tens of kilobytes
  var DEEPEST = 12;  // nesting this site never writes deeper than
  var MOST_VALUES = 50000;
  var FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];  // a list: in a literal, "__proto__" sets the prototype
  var MARKUP = /<\s*[a-z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;  // this site never writes them

  // The person's name and cohort as the file may carry them.
  function isName(value) { return typeof value === "string" && value.length <= 100 && !MARKUP.test(value); }

  // Why the parsed value is not something this site wrote, or "".
  function hostile(value) {
    var seen = 0, why = "";
    function walk(node, depth) {
      if (why) { return; }
      seen += 1;
      if (seen > MOST_VALUES) { why = "it holds far more entries than a progress file has"; return; }
      if (depth > DEEPEST) { why = "it is nested deeper than a progress file is"; return; }
      if (typeof node === "string") {
        if (MARKUP.test(node)) { why = "it holds markup or script in its text, which this site never writes"; }
        return;
      }
      if (node === null || typeof node !== "object") { return; }
      Object.keys(node).forEach(function (key) {
        if (why) { return; }
        if (FORBIDDEN_KEYS.indexOf(key) >= 0) { why = "it holds the key \u201c" + key + "\u201d, which this site never writes"; return; }
        if (MARKUP.test(key)) { why = "it holds markup or script in its text, which this site never writes"; return; }
        walk(node[key], depth + 1);
      });
    }
    walk(value, 0);
    return why;
  }

  // A saved file's text -> {record} or {error}. Nothing is changed here: the caller merges.
  function readText(text, order) {
    var value;
    try { value = JSON.parse(text); } catch (error) {
      return {error: "it is not a saved progress file: its text is not JSON (it may be damaged or cut short)"};
    }
    var why = hostile(value);
    if (why) { return {error: why}; }
    if (!mapping(value) || value.format !== FORMAT) {
      return {error: "it is not a saved progress file of this site (it does not say \u201cformat\u201d: \u201c" + FORMAT + "\u201d)"};
    }
    if (typeof value.formatVersion !== "number" || value.formatVersion % 1 !== 0 || value.formatVersion < 1) {
      return {error: "its format version is missing or not a whole number: the file is damaged"};
    }
    if (value.formatVersion > FORMAT_VERSION) {
      return {error: "it was saved in a newer format (version " + value.formatVersion + ") than this site reads " +
                     "(version " + FORMAT_VERSION + "): open it on the site's current address, or ask for it to be saved again"};
    }
    var programme = value.programme;
    if (!mapping(programme) || typeof programme.id !== "string" || !isName(programme.site)) {
      return {error: "it does not say which programme it belongs to: the file is damaged"};
    }
    if (programme.id !== order.site.id) {
      return {error: "it is from another programme (\u201c" + programme.site + "\u201d, id \u201c" + programme.id +
                     "\u201d), and this site is \u201c" + order.site.name + "\u201d (id \u201c" + order.site.id + "\u201d)"};
    }
    var person = mapping(value.person) ? value.person : {};
    if (!isName(person.name || "") || !isName(person.cohort || "") || !isStamp(value.savedAt)) {
      return {error: "its name, cohort or date is not as this site writes them: the file is damaged"};
    }
    var parts = mapping(value.stores) ? value.stores : null;
    if (!parts) { return {error: "it holds no progress: the file is damaged"}; }
    var theirs = valid(own(parts, KEY) ? parts[KEY] : {});
    var given = offered(parts[KEY], "done") + offered(parts[KEY], "coaching");
    var kept = Object.keys(theirs.done).length + Object.keys(theirs.coaching).length;
    if (kept < given) {
      return {error: (given - kept) + " of its " + given + (given === 1 ? " entry" : " entries") +
                     (given - kept === 1 ? " is" : " are") + " not as this site writes them: the file is damaged"};
    }
    var others = [], unknown = [];
    var failed = "";
    stores().forEach(function (store) {
      if (failed || !own(parts, store.key)) { return; }
      var cleaned = null;
      try { cleaned = store.valid(parts[store.key]); } catch (error) { cleaned = null; }
      if (cleaned === null || cleaned === undefined) { failed = store.label; return; }
      others.push({store: store, value: cleaned});
    });
    if (failed) { return {error: "its part \u201c" + failed + "\u201d is not as this site writes it: the file is damaged"}; }
    Object.keys(parts).forEach(function (key) {
      if (key !== KEY && !others.some(function (o) { return o.store.key === key; })) { unknown.push(key); }
    });
    return {record: {name: person.name || "", cohort: person.cohort || "", savedAt: value.savedAt,
                     version: typeof programme.version === "string" ? programme.version : "",
                     progress: theirs, others: others, unknown: unknown}};
  }

  // Reads one chosen file (FileReader: nothing leaves the device); calls back with readText's answer.
  function readFile(file, order, then) {
    if (file.size > LARGEST) {
      then({error: "it is " + (file.size / 1048576).toFixed(1) + " MB, and a saved progress file is at most 1 MB"});
      return;
    }
    var reader = new FileReader();
    reader.addEventListener("load", function () { then(readText(String(reader.result), order)); });
    reader.addEventListener("error", function () { then({error: "this browser could not read it"}); });
    reader.readAsText(file);
  }

  function isoDay(date) { return date.toISOString().slice(0, 10); }

  // This browser's progress and every registered store, as the file format says (documentation/progress-file.md).
  function fileOf(data, order, name, cohort) {
    var parts = {};
    parts[KEY] = {done: data.done, last: data.last, coaching: data.coaching};
    stores().forEach(function (store) {
      var value = cleanedStore(store);
      if (value !== null && value !== undefined) { parts[store.key] = value; }
    });
    return {format: FORMAT, formatVersion: FORMAT_VERSION,
            programme: {site: order.site.name, id: order.site.id, version: order.site.version},
            savedAt: new Date().toISOString(), person: {name: name, cohort: cohort}, stores: parts};
  }

  function download(file) {
    var text = JSON.stringify(file, null, 1);
    var blob = new Blob([text], {type: "application/json"});
    var a = element("a");
    a.href = URL.createObjectURL(blob);
    var who = file.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    a.download = "progress-" + (who ? who + "-" : "") + isoDay(new Date()) + ".json";
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  // "ect-me" (another script's) keeps the person's name when it is registered: set through its own
  // valid(), so this script need not know its shape; only kept when valid() keeps the name.
  function me() {
    var store = stores().filter(function (s) { return s.key === "ect-me"; })[0];
    var value = store ? cleanedStore(store) : null;
    return {store: store, value: mapping(value) ? value : null};
  }
  function rememberName(name) {
    var found = me();
    if (!found.store) { return; }
    var candidate = {};
    if (found.value) { Object.keys(found.value).forEach(function (k) { candidate[k] = found.value[k]; }); }
    candidate.name = name;
    candidate.at = new Date().toISOString();
    var cleaned = null;
    try { cleaned = found.store.valid(candidate); } catch (error) { cleaned = null; }
    if (mapping(cleaned) && cleaned.name === name) {
      try { window.localStorage.setItem("ect-me", JSON.stringify(cleaned)); } catch (error) { /* storage full */ }
    }
  }

  /* ---- The record page ---- */

  function cohorts(order) {
    var out = [];
    order.programmes.forEach(function (p) { p.cohorts.forEach(function (c) { out.push(c); }); });
    return out;
  }

  // Name and cohort: asked when saving, printed on the record.
  function whoFields(order) {
    var found = me();
    var name = element("input");
    name.id = "ect-record-name";
    name.type = "text";
    name.autocomplete = "name";
    name.maxLength = 100;
    name.value = found.value && isName(found.value.name) ? found.value.name : "";
    var cohort = element("select");
    cohort.id = "ect-record-cohort";
    cohort.append(element("option", "", "Not given"));
    cohort.firstChild.value = "";
    cohorts(order).forEach(function (c) {
      var option = element("option", "", c.title);
      option.value = c.id;
      cohort.append(option);
    });
    if (found.value && cohorts(order).some(function (c) { return c.id === found.value.cohort; })) {
      cohort.value = found.value.cohort;
    }
    return {name: name, cohort: cohort};
  }

  function record(data) {
    document.querySelectorAll("[data-ect-progress-record]").forEach(function (box) {
      if (!box.live) {  // one live region, beside the record (which is redrawn), so what it says is announced
        box.live = element("div", "ect-record-message");
        box.live.setAttribute("role", "status");
        box.live.setAttribute("aria-live", "polite");
        box.before(box.live);
      }
      box.replaceChildren(element("div", "", "Loading your progress record\u2026"));
      withOrder(function (order) {
        var parts = [];
        if (order) {
          guarded("the progress record", function () { parts = recordParts(data, order, box); });
        } else {
          guarded("the progress record", function () { parts = listed(data); });
        }
        // The buttons after the count: saving and opening are what a long record is scrolled past for.
        guarded("the buttons", function () { parts.splice(order ? 2 : 1, 0, buttons(data, order, box)); });
        box.replaceChildren.apply(box, parts);
      });
    });
  }

  // Which roles' work the record lists: the reader's role when "ect-me" says it, else the roles
  // they ticked something of, else the ECT's.
  function rolesShown(data, order) {
    var found = me(), roles = {};
    if (found.value && /^(ect|mentor|tutor)$/.test(found.value.role)) { roles[found.value.role] = true; return roles; }
    items(order).forEach(function (item) { if (data.done[item.key] || data.coaching[item.key]) { roles[item.role] = true; } });
    if (!Object.keys(roles).length) { roles.ect = true; }
    return roles;
  }

  function recordParts(data, order, box) {
    var who = whoFields(order);
    box.who = who;
    var out = [];
    var doneCount = Object.keys(data.done).length;
    var lead = (element("p", "ect-record-lead", doneCount ? doneCount + (doneCount === 1 ? " piece" : " pieces") +
                     " of work marked as done in this browser." : "Nothing is marked as done in this browser yet."));
    // On paper: who, which cohort, when printed (filled from the fields as they change).
    var head = element("div", "ect-print-only ect-record-head");
    function fillHead() {
      var cohortText = who.cohort.value ? who.cohort.options[who.cohort.selectedIndex].textContent : "not given";
      head.replaceChildren(element("div", "ect-record-programme", order.site.name),
                           element("div", "", "Name: " + (who.name.value.trim() || "")),
                           element("div", "", "Cohort: " + cohortText),
                           element("div", "", "Printed: " + when(new Date().toISOString())));
    }
    who.name.addEventListener("input", fillHead);
    who.cohort.addEventListener("change", fillHead);
    window.addEventListener("beforeprint", fillHead);
    fillHead();
    out.push(head, lead);
    var roles = rolesShown(data, order);
    order.programmes.forEach(function (programme) {
      programme.parts.forEach(function (part) {
        var shown = part.items.filter(function (item) { return roles[item.role]; });
        if (shown.length) { guarded("a block of the record", function () { out.push(partTable(part.title, shown, data)); }); }
      });
    });
    guarded("the action steps", function () { out.push.apply(out, steps(data, order)); });
    return out;
  }

  function partTable(title, shown, data) {
    var section = element("section", "ect-record-part");
    section.append(element("h2", "", title));
    var table = element("table", "ect-progress-record");
    var head = element("tr");
    ["Work", "Done"].forEach(function (text) {
      var th = element("th", "", text);
      th.scope = "col";
      head.append(th);
    });
    table.append(element("thead"));
    table.firstChild.append(head);
    var body = element("tbody");
    shown.forEach(function (item) {
      var row = element("tr", data.done[item.key] ? "ect-record-done" : "ect-record-todo"), cell = element("td");
      var a = element("a", "", item.title);
      a.href = pageUrl(item.url);
      cell.append(a);
      if (item.label) { cell.append(element("span", "ect-record-week", " (" + item.label + ")")); }
      row.append(cell, element("td", "", data.done[item.key] ? when(data.done[item.key].at) : "Still to do"));
      body.append(row);
    });
    table.append(body);
    section.append(table);
    return section;
  }

  // The agreed action steps from the coaching log, in the programme's order.
  function steps(data, order) {
    var logged = items(order).filter(function (item) { return data.coaching[item.key]; });
    if (!logged.length) { return []; }
    var out = [element("h2", "", "Agreed action steps")];
    var list = element("ol", "ect-record-steps");
    logged.forEach(function (item) {
      var entry = data.coaching[item.key], li = element("li");
      li.append(element("strong", "", item.title + (item.label ? " (" + item.label + ")" : "")));
      if (entry.previous) { li.append(element("div", "", "Last week's step: " + VERDICTS[entry.previous] + ".")); }
      if (entry.observation) { li.append(element("div", "", "Drop-in observation: " + entry.observation)); }
      if (entry.step) { li.append(element("div", "", "Agreed step: " + entry.step)); }
      list.append(li);
    });
    out.push(list);
    return out;
  }

  // The record's count and table without the programme's order (its file could not be loaded).
  function listed(data) {
    var keys = Object.keys(data.done).sort(function (a, b) { return data.done[a].at < data.done[b].at ? -1 : 1; });
    if (!keys.length) { return [element("p", "", "Nothing is marked as done in this browser yet.")]; }
    var table = element("table", "ect-progress-record"), body = element("tbody");
    keys.forEach(function (key) {
      var row = element("tr"), cell = element("td"), a = element("a", "", data.done[key].title);
      a.href = pageUrl(data.done[key].url);
      cell.append(a);
      row.append(cell, element("td", "", when(data.done[key].at)));
      body.append(row);
    });
    table.append(body);
    return [element("p", "", keys.length + (keys.length === 1 ? " piece" : " pieces") +
                    " of work marked as done in this browser."), table];
  }

  // A message in the page's live region: read out when it changes.
  function say(region, lines) {
    region.replaceChildren.apply(region, lines.map(function (line) { return element("p", "", line); }));
  }

  function buttons(data, order, box) {
    var actions = element("div", "ect-progress-actions");
    var live = box.live;
    if (order && box.who) {
      var save = element("button", "md-button md-button--primary", "Save my progress");
      save.type = "button";
      save.addEventListener("click", function () {
        var name = box.who.name.value.trim().slice(0, 100);
        if (!isName(name)) { say(live, ["A name cannot hold < or a script address: nothing was saved."]); return; }
        rememberName(name);
        download(fileOf(data, order, name, box.who.cohort.value));
        say(live, ["Your progress was saved as a file in your downloads. Keep it, or hand it to your mentor " +
                   "or induction tutor; open it here or on another device with \u201cOpen a saved file\u201d."]);
      });
      var open = element("input");
      open.type = "file";
      open.id = "ect-record-open";
      open.multiple = true;
      open.accept = ".json,application/json";
      open.addEventListener("change", function () {
        opened(Array.prototype.slice.call(open.files), data, order, live);
        open.value = "";
      });
      var keep = element("fieldset", "ect-record-save");
      keep.append(element("legend", "", "Keep your progress in a file"),
                  field("Your name (written into the file and on the printed record)", box.who.name),
                  field("Your cohort", box.who.cohort), save,
                  field("Open a saved file", open, "Merged with what is in this browser: the newest of each item wins, nothing is lost."));
      actions.append(keep);
    }
    var print = element("button", "md-button", "Print this record");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    var clear = element("button", "md-button", "Clear my progress");
    clear.type = "button";
    clear.addEventListener("click", function () {
      if (!window.confirm("Clear every tick, date and coaching note kept in this browser? This cannot be undone.")) { return; }
      [KEY].concat(stores().map(function (s) { return s.key; })).forEach(function (key) {
        try { window.localStorage.removeItem(key); } catch (error) { /* nothing was stored */ }
      });
      document.dispatchEvent(new CustomEvent("ect-stores-cleared"));  // me.js, routes.js, lens.js redraw
      data.done = Object.create(null);
      data.last = null;
      data.coaching = Object.create(null);
      refresh(data);
    });
    var row = element("div", "ect-progress-buttons");
    row.append(print, " ", clear);
    actions.append(row);
    return actions;
  }

  // Several chosen files, read one after another; each is merged or refused on its own, and the
  // live region says what happened to each.
  function opened(files, data, order, live) {
    var lines = [], merged = 0;
    function next(index) {
      if (index === files.length) {
        if (merged) { save(data); refresh(data); }
        say(live, lines);
        return;
      }
      var file = files[index];
      readFile(file, order, function (answer) {
        guarded("a saved file", function () {
          if (answer.error) {
            lines.push("\u201c" + file.name + "\u201d was not opened: " + answer.error + ". Nothing was changed.");
            return;
          }
          mergeRecord(answer.record, data);
          merged += 1;
          var from = answer.record.name ? " (" + answer.record.name + ", saved " + when(answer.record.savedAt) + ")" : "";
          lines.push("\u201c" + file.name + "\u201d" + from + " was merged into this browser's progress." +
                     (answer.record.version && answer.record.version !== order.site.version
                      ? " It was saved from another edition of the programme: work no longer in it is kept but not listed." : ""));
        });
        next(index + 1);
      });
    }
    next(0);
  }

  function mergeRecord(found, data) {
    var both = merge(data, found.progress);
    data.done = both.done;
    data.last = both.last;
    data.coaching = both.coaching;
    found.others.forEach(function (other) {
      guarded(other.store.label, function () {
        var mine = cleanedStore(other.store);
        var value = mine === null || mine === undefined ? other.value : other.store.merge(mine, other.value);
        if (value !== null && value !== undefined) { window.localStorage.setItem(other.store.key, JSON.stringify(value)); }
      });
    });
  }

  /* ---- One pair's figures, for the tutor's "Your pairs" page (pairs.js) ---- */

  // Weeks with work still open up to the reference week: the cohort's current week when the file
  // names a cohort the schedule knows, else the week of the latest done item.
  function summarise(found, order, today) {
    var all = items(order), progress = found.progress, roles = {};
    all.forEach(function (item) { if (progress.done[item.key] && item.role !== "tutor") { roles[item.role] = true; } });
    if (!Object.keys(roles).length) { roles.ect = true; }
    var reference = 0, against = "latest work done";
    var cohort = cohorts(order).filter(function (c) { return c.id === found.cohort; })[0];
    if (cohort) {
      against = cohort.title;
      cohort.weeks.forEach(function (w) { if (w.start <= today && w.n > reference) { reference = w.n; } });
    } else {
      all.forEach(function (item) { if (progress.done[item.key] && item.week > reference) { reference = item.week; } });
    }
    var open = {}, noLog = 0, training = 0;
    all.forEach(function (item) {
      if (item.week && item.week <= reference && roles[item.role] && !progress.done[item.key]) { open[item.week] = true; }
      if (item.kind === "plan" && item.week && item.week <= reference && !progress.coaching[item.key]) { noLog += 1; }
      if (item.kind === "training" && progress.done[item.key]) { training += 1; }
    });
    var lastStep = "", lastAt = "";
    Object.keys(progress.coaching).forEach(function (key) {
      var entry = progress.coaching[key];
      if (entry.step && entry.at > lastAt) { lastAt = entry.at; lastStep = entry.step; }
    });
    return {name: found.name, cohort: cohort ? cohort.title : "", against: against, reference: reference,
            behind: Object.keys(open).length, noLog: noLog, training: training, lastStep: lastStep,
            savedAt: found.savedAt};
  }

  P.readFile = readFile;
  P.readText = readText;
  P.summarise = summarise;
  P.withOrder = withOrder;
  P.FORMAT = FORMAT;
  P.FORMAT_VERSION = FORMAT_VERSION;
  P.redraw.push(record);
  if (P.data) { record(P.data); }
})();
