/* The "My programme" form (me.js draws the line it opens from, and fetches this file the first time
   the line is opened): the reader's role, cohort, meeting day and time and name, saved in this
   browser by me.js (window.ectMe.save), which redraws the line and every cohort's dates. */
(function () {
  "use strict";
  var line = window.ectMe;
  if (!line) { return; }
  var element = line.element, ROLES = line.ROLES, DAYS = line.DAYS, NAME = line.NAME;

  function labelled(form, idName, text, control, className) {
    var wrap = element("p", className || "");
    var label = element("label", "", text);
    control.id = idName;
    label.htmlFor = idName;
    wrap.append(label, control);
    form.append(wrap);
    return wrap;
  }

  function options(select, pairs, chosen) {
    pairs.forEach(function (pair) {
      var option = element("option", "", pair[1]);
      option.value = pair[0];
      option.selected = pair[0] === chosen;
      select.append(option);
    });
  }

  function cohortSelect(me) {
    var select = element("select");
    options(select, [["", "Every cohort"]], "");
    var all = line.programmes(), chosen = me && me.cohort ? me.programme + "/" + me.cohort : "";
    all.forEach(function (p) {
      var pairs = p.cohorts.map(function (c) { return [p.id + "/" + c.id, c.title]; });
      if (all.length > 1) {
        var group = element("optgroup");
        group.label = p.title;
        options(group, pairs, chosen);
        select.append(group);
      } else {
        options(select, pairs, chosen);
      }
    });
    return select;
  }

  function form(me, done) {
    var box = element("form", "ect-me__form");
    box.append(element("p", "", "Choose once: every page then shows your cohort's dates, and \"This week\" " +
                       "your week. Kept in this browser only, never sent anywhere."));
    var role = element("select");
    options(role, [["", "Not chosen"]].concat(ROLES), me ? me.role : "");
    labelled(box, "ect-me-role", "I am", role);
    var cohort = cohortSelect(me);
    labelled(box, "ect-me-cohort", "My cohort", cohort);
    var day = element("select");
    options(day, [["", "The provider's day"]].concat(DAYS.map(function (d, i) { return [String(i), d]; })),
            me && me.day !== null ? String(me.day) : "");
    var dayLine = labelled(box, "ect-me-day", "Our meeting day", day, "ect-me__pair");
    var time = element("input");
    time.type = "time";
    time.value = me ? me.time : "";
    var timeLine = labelled(box, "ect-me-time", "Our meeting time (optional)", time, "ect-me__pair");
    var name = element("input");
    name.type = "text";
    name.maxLength = NAME;
    name.autocomplete = "name";
    name.value = me ? me.name : "";
    labelled(box, "ect-me-name", "My name (optional, kept in this browser)", name);
    function pair() {  // the meeting day and time are a pair's: not asked of a tutor
      dayLine.hidden = timeLine.hidden = role.value === "tutor";
    }
    pair();
    role.addEventListener("change", pair);
    var actions = element("p", "ect-me__actions");
    var keep = element("button", "md-button md-button--primary", "Save");
    keep.type = "submit";
    var forget = element("button", "md-button", "Forget my choice");
    forget.type = "button";
    actions.append(keep);
    if (me) { actions.append(" ", forget); }
    box.append(actions);
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      var parts = cohort.value.split("/");
      line.save(line.valid({role: role.value, programme: parts[0] || "", cohort: parts[1] || "", name: name.value,
                  day: day.value === "" || role.value === "tutor" ? null : Number(day.value),
                  time: role.value === "tutor" ? "" : time.value, at: new Date().toISOString()}));
      done("Saved in this browser.");
    });
    forget.addEventListener("click", function () {
      line.save(null);
      done("Forgotten: every cohort's dates are shown.");
    });
    return box;
  }

  line.form = form;
})();
