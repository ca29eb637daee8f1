/* Routes through a block (induction/render/routes.py marks the pages). The diagnostic's questions
   become a form whose result, or the route a pair chooses, is kept in this browser's localStorage
   under "ect-route", per block, with the time it was chosen:

     {"<programme id>/<block id>": {"route": "<route id>", "at": "<ISO 8601 UTC time>",
                                    "how": "diagnostic" or "chosen"}}

   On the block's pages, what belongs to another route ([data-ect-routes] steps, totals, printed
   steps, table times) is hidden with a note and a button that shows it again, never removed; the
   progress counts count the reader's route only (this script runs before progress.js, which
   reads the counts' keys), and "this week" asks window.ectRoutes which steps are the reader's.
   Without JavaScript every route's steps stay on the page, each labelled. Stored values are read
   as untrusted (valid() below), text goes in with textContent only, and nothing is sent anywhere. */
(function () {
  "use strict";
  var KEY = "ect-route";
  var MOST = 1000;  // more blocks than a site has: past that, the store is not ours
  var ID = "[a-z0-9]+(?:-[a-z0-9]+)*";  // ids as the content format allows them (induction/shapes.py)
  var SCOPE = new RegExp("^" + ID + "/" + ID + "$");
  var ROUTE = new RegExp("^" + ID + "$");
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;  // as Date.toISOString() writes it
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function mapping(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function isStamp(value) { return typeof value === "string" && STAMP.test(value) && isFinite(Date.parse(value)); }

  // Untrusted JSON -> only entries of the shape written here, in a null-prototype map (so that no
  // stored key such as __proto__ reaches a prototype); null when it is not a mapping at all.
  function valid(stored) {
    if (!mapping(stored)) { return null; }
    var kept = Object.create(null), count = 0;
    Object.keys(stored).forEach(function (scope) {
      var entry = stored[scope];
      if (count < MOST && SCOPE.test(scope) && mapping(entry) && typeof entry.route === "string" &&
          ROUTE.test(entry.route) && isStamp(entry.at) && (entry.how === "diagnostic" || entry.how === "chosen")) {
        kept[scope] = {route: entry.route, at: entry.at, how: entry.how};
        count += 1;
      }
    });
    return kept;
  }

  // Two cleaned values -> one: per block, the route chosen last wins; a block in one only is kept.
  function merge(mine, theirs) {
    var out = Object.create(null);
    [mine || {}, theirs || {}].forEach(function (side) {
      Object.keys(side).forEach(function (scope) {
        if (!out[scope] || out[scope].at < side[scope].at) { out[scope] = side[scope]; }
      });
    });
    return out;
  }

  (window.inductionStores = window.inductionStores || {})[KEY] = {label: "Routes you chose", valid: valid,
                                                                  merge: merge};

  function load() {
    try { return valid(JSON.parse(window.localStorage.getItem(KEY) || "{}")) || Object.create(null); } catch (e) {
      return Object.create(null);  // storage blocked, or not JSON: nothing chosen
    }
  }

  function save(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (error) { return false; }
  }

  function chosen(scope) {
    var entry = load()[scope];
    return entry ? entry.route : "";
  }

  // For "this week" (thisweek.js): whether a step on `routes` (none: every route) is the reader's.
  window.ectRoutes = {
    chosen: chosen,
    allows: function (scope, routes) {
      var route = chosen(scope);
      return !route || !routes || !routes.length || routes.indexOf(route) >= 0;
    }
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function button(text, onClick) {
    var b = element("button", "md-button", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function day(stamp) {
    var d = new Date(stamp);
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  // The route ids and labels a note or diagnostic carries: {ids: [...], names: {id: label}}.
  function routesOf(holder) {
    var ids = (holder.getAttribute("data-ect-route-ids") || "").split(" ").filter(Boolean);
    var labels = (holder.getAttribute("data-ect-route-names") || "").split("|");
    var names = {};
    ids.forEach(function (id, i) { names[id] = labels[i] || id; });
    return {ids: ids, names: names};
  }

  // Hides (or shows again) what belongs to other routes than `route`; returns how many steps are hidden.
  function follow(route, showAll) {
    var hidden = 0;
    document.querySelectorAll(".md-content [data-ect-routes]").forEach(function (mark) {
      var target = mark.classList.contains("ect-route-label") ? (mark.closest("li") || mark) : mark;
      var other = Boolean(route) && mark.getAttribute("data-ect-routes").split(" ").indexOf(route) < 0;
      target.hidden = other && !showAll;
      target.classList.toggle("ect-route-other", other);
      if (other && (mark.closest(".ect-step-detail") || target.tagName === "ARTICLE")) { hidden += 1; }  // steps
    });
    return hidden;
  }

  // Progress counts of route-only work: keys of another route are left out of the count.
  function counts(data) {
    document.querySelectorAll("[data-ect-route-keys]").forEach(function (line) {
      var all = line.getAttribute("data-ect-progress-all") || line.getAttribute("data-ect-progress-count");
      line.setAttribute("data-ect-progress-all", all);
      var skip = {};
      line.getAttribute("data-ect-route-keys").split(" ").forEach(function (item) {
        var parts = /^([^=]+)=([^:]+):(.+)$/.exec(item);
        var entry = parts && data[parts[2]];
        if (entry && parts[3].split(",").indexOf(entry.route) < 0) { skip[parts[1]] = true; }
      });
      line.setAttribute("data-ect-progress-count", all.split(" ").filter(function (k) { return !skip[k]; }).join(" "));
    });
  }

  // A routed page's note: the route followed, how many steps are hidden, a button to show them.
  function note(box) {
    var scope = box.getAttribute("data-ect-route-scope");
    var known = routesOf(box);
    var change = box.querySelector("a[href]");
    var href = change ? change.getAttribute("href") : "";
    var showAll = false;
    function draw() {
      var entry = load()[scope];
      var route = entry && known.names[entry.route] ? entry.route : "";
      var hidden = follow(route, showAll);
      var p = element("p", "", route ? "Your route: " + known.names[route] + " (since " + day(entry.at) + "). " :
        "You have not chosen a route for this block yet: every step is shown, each route-only step labelled. ");
      if (route && hidden) {
        p.append((showAll ? "Showing the steps of every route too." : hidden + (hidden === 1 ? " step" : " steps") +
                  " of another route " + (hidden === 1 ? "is" : "are") + " hidden.") + " ");
      }
      var parts = [p];
      if (route && hidden) {
        var toggle = button(showAll ? "Show my route only" : "Show every route", function () {
          showAll = !showAll;
          draw();
          box.querySelector("button").focus();
        });
        toggle.setAttribute("aria-pressed", String(showAll));
        parts.push(toggle);
      }
      if (href) {
        var a = element("a", "ect-route-note__change", route ? "Change route" : "Find your route");
        a.href = href;
        parts.push(" ", a);
      }
      box.replaceChildren.apply(box, parts);
    }
    draw();
  }

  // The diagnostic: a fieldset of labelled radios per question (or a checkbox per checklist item),
  // a button that works out the route, and a plain chooser; the result is announced (aria-live).
  function diagnostic(holder) {
    var scope = holder.getAttribute("data-ect-diagnostic");
    var known = routesOf(holder);
    var result = holder.querySelector("[data-ect-route-result]");
    var list = holder.querySelector(".ect-diagnostic__questions");
    var questions = [];
    if (list) {
      var form = element("div", "ect-diagnostic__form");
      list.querySelectorAll("[data-ect-question]").forEach(function (item, index) {
        questions.push(question(item, index, form));
      });
      form.append(button("Show my route", function () { decide(); }));
      list.replaceWith(form);
      form.after(result);  // the answer appears beside the button that asks for it
      holder.querySelectorAll(".ect-diagnostic__howto").forEach(function (p) { p.hidden = true; });
    }
    function decide() {
      var unanswered = questions.filter(function (q) { return q.value() === null; });
      if (unanswered.length) {
        result.textContent = "Answer every question first: " + unanswered.length + " not answered yet.";
        unanswered[0].focus();
        return;
      }
      var votes = {};
      questions.forEach(function (q) { votes[q.value()] = (votes[q.value()] || 0) + 1; });
      var best = known.ids[0];  // a tie goes to the route declared first
      known.ids.forEach(function (id) { if ((votes[id] || 0) > (votes[best] || 0)) { best = id; } });
      keep(best, "diagnostic");
    }
    function keep(route, how) {
      var data = load();
      data[scope] = {route: route, at: new Date().toISOString(), how: how};
      if (!save(data)) { result.textContent = "This browser does not let the site keep your route."; return; }
      show(how === "diagnostic" ? "Your answers point to the " : "You chose the ",
           how === "diagnostic" ? result : chooser.status);
      chooser.set(route);
    }
    function show(prefix, where) {
      var entry = load()[scope];
      var text = entry && known.names[entry.route] ? prefix + known.names[entry.route] + " route. It is kept " +
        "in this browser (since " + day(entry.at) + "), and this block's week pages now show its steps." : "";
      result.textContent = where === chooser.status ? "" : text;
      chooser.status.textContent = where === chooser.status ? text : "";
    }
    var chooser = choose(holder, known, keep, function () {
      var data = load();
      delete data[scope];
      save(data);
      result.textContent = "";
      chooser.status.textContent = "No route is kept for this block now: its week pages show every route's steps.";
    });
    var entry = load()[scope];
    if (entry) { chooser.set(entry.route); show("You are on the "); }
  }

  var serial = 0;
  function question(item, index, form) {
    var set = element("fieldset", "ect-diagnostic__question");
    var check = item.getAttribute("data-ect-check");
    var text = item.querySelector(".ect-diagnostic__question").textContent;
    var inputs = [];
    if (check) {  // a checklist item: ticked, or not (which counts for the first route)
      var id = "ect-check-" + (++serial);
      var box = element("input");
      box.type = "checkbox";
      box.id = id;
      var label = element("label", "", text);
      label.htmlFor = id;
      set.classList.add("ect-diagnostic__check");
      set.append(box, label);
      form.append(set);
      var first = form.closest("[data-ect-diagnostic]").getAttribute("data-ect-route-ids").split(" ")[0];
      return {value: function () { return box.checked ? check : first; }, focus: function () { box.focus(); }};
    }
    set.append(element("legend", "", (index + 1) + ". " + text));
    item.querySelectorAll("[data-ect-answer]").forEach(function (answer) {
      var id = "ect-answer-" + (++serial);
      var input = element("input");
      input.type = "radio";
      input.name = "ect-question-" + (index + 1);
      input.id = id;
      input.value = answer.getAttribute("data-ect-answer");
      var label = element("label", "", answer.querySelector(".ect-diagnostic__answer").textContent);
      label.htmlFor = id;
      var row = element("div", "ect-diagnostic__option");
      row.append(input, label);
      set.append(row);
      inputs.push(input);
    });
    form.append(set);
    return {
      value: function () {
        var on = inputs.filter(function (i) { return i.checked; })[0];
        return on ? on.value : null;
      },
      focus: function () { inputs[0].focus(); }
    };
  }

  function choose(holder, known, keep, forget) {
    var box = holder.querySelector("[data-ect-route-chooser]");
    var inputs = [];
    var status = element("p", "ect-diagnostic__result");
    status.setAttribute("role", "status");
    if (!box) { return {set: function () {}, status: status}; }
    var set = element("fieldset", "ect-diagnostic__question");
    set.append(element("legend", "", "Route"));
    known.ids.forEach(function (route) {
      var id = "ect-route-" + (++serial);
      var input = element("input");
      input.type = "radio";
      input.name = "ect-route-choice";
      input.id = id;
      input.value = route;
      var label = element("label", "", known.names[route]);
      label.htmlFor = id;
      var row = element("div", "ect-diagnostic__option");
      row.append(input, label);
      set.append(row);
      inputs.push(input);
    });
    var actions = element("p", "ect-diagnostic__actions");
    actions.append(button("Use this route", function () {
      var on = inputs.filter(function (i) { return i.checked; })[0];
      if (on) { keep(on.value, "chosen"); } else { inputs[0].focus(); }
    }), " ", button("Forget my route", function () {
      inputs.forEach(function (i) { i.checked = false; });
      forget();
    }));
    box.append(set, actions, status);
    return {set: function (route) { inputs.forEach(function (i) { i.checked = i.value === route; }); },
            status: status};
  }

  function guarded(what, draw) {
    try { draw(); } catch (error) {
      if (window.console) { window.console.error("Routes: " + what + " could not be shown.", error); }
    }
  }

  guarded("the counts", function () { counts(load()); });
  document.querySelectorAll("[data-ect-route-scope]").forEach(function (box) {
    guarded("the route note", function () { note(box); });
  });
  document.querySelectorAll("[data-ect-diagnostic]").forEach(function (holder) {
    guarded("the diagnostic", function () { diagnostic(holder); });
  });
})();
