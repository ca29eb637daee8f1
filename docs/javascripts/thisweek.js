/* "This week": names this week's work in each [data-ect-thisweek] panel, from the schedule
   published with the site (schedule.js sets window.ectSchedule; a script, not fetch(), so that the
   offline copy works from file://). Computed from the device's clock; nothing is requested from
   elsewhere and nothing is stored. Text goes in with textContent only: titles are the author's. */
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  // A directory address works on a web server; opened from disk, it needs its index.html.
  function pageUrl(address) {
    var url = new URL(address, siteBase());
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) { url.pathname += "index.html"; }
    return url.href;
  }

  function iso(day) {
    var m = day.getMonth() + 1, d = day.getDate();
    return day.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function longDate(text) {
    var parts = text.split("-");
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }

  // 27 October to 31 October 2025: the year once when both days share it.
  function span(start, end) {
    var first = longDate(start);
    return (start.slice(0, 4) === end.slice(0, 4) ? first.slice(0, -5) : first) + " to " + longDate(end);
  }

  function addDays(text, days) {
    var parts = text.split("-");
    return iso(new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]) + days));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function link(text, address) {
    var a = element("a", "", text);
    a.href = pageUrl(address);
    return a;
  }

  function minutes(n) {
    if (n < 60) { return n + " minutes"; }
    var hours = Math.floor(n / 60), rest = n % 60;
    return (hours === 1 ? "1 hour" : hours + " hours") + (rest ? " " + rest + " minutes" : "");
  }

  function mondayOf(text) {
    var parts = text.split("-");
    var day = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    return addDays(text, -((day.getDay() + 6) % 7));
  }

  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  function dayName(text) {
    var parts = text.split("-");
    return DAYS[new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])).getDay()];
  }

  // 16:00 to 17:30
  function hours(time, length) {
    var parts = time.split(":").map(Number), end = Math.min(parts[0] * 60 + parts[1] + (length || 60), 23 * 60 + 59);
    var h = Math.floor(end / 60), m = end % 60;
    return time + " to " + (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  // Where today falls for one cohort: in a week (a weekend counts with the week before it),
  // before its first day, after the end, or between weeks (a holiday, or a gap between blocks).
  // Week 1 is the school week the cohort starts in, whatever weekday that is.
  function locate(cohort, today) {
    var weeks = cohort.weeks;
    if (!weeks.length || today < (cohort.start || weeks[0].start)) { return {state: "before", week: weeks[0]}; }
    for (var i = 0; i < weeks.length; i++) {
      if (weeks[i].start <= today && today <= addDays(weeks[i].end, 2)) { return {state: "week", week: weeks[i]}; }
    }
    if (today > weeks[weeks.length - 1].end) { return {state: "after", week: weeks[weeks.length - 1]}; }
    var next = weeks.filter(function (w) { return w.start > today; })[0];
    var holiday = cohort.holidays.filter(function (h) { return h.start <= today && today <= addDays(h.end, 2); })[0];
    return {state: holiday ? "holiday" : "gap", week: next, holiday: holiday};
  }

  function weekLine(week, prefix) {
    var p = element("p", "ect-thisweek__week");
    p.append(prefix);
    p.append(link(week.label + ": " + week.title, week.url));
    p.append(" (" + week.block + ", " + week.year + ", w/c " + longDate(week.start) + ")");
    return p;
  }

  var NAMES = {ect: "ECT self-study", mentor: "Mentor session plan", tutor: "Induction tutor tasks"};
  var WHO = {"": "ECTs and mentors", ect: "ECTs", mentor: "mentors", tutor: "induction tutors"};
  function rolesOf(role) { return role ? [role] : ["ect", "mentor"]; }

  // A week's sessions for a role, on the reader's route only (routes.js keeps it; without it, all).
  function work(week, role) {
    return (week[role] || []).filter(function (s) {
      return !window.ectRoutes || window.ectRoutes.allows(week.scope, s.routes);
    });
  }

  // What this browser marks as done (progress.js's "ect-progress"), read as untrusted: only whether
  // a key is there is used, never its text.
  function doneKeys() {
    try {
      var stored = JSON.parse(window.localStorage.getItem("ect-progress") || "{}");
      var done = stored && typeof stored === "object" && stored.done && typeof stored.done === "object" ? stored.done : {};
      return function (key) { return Object.prototype.hasOwnProperty.call(done, key); };
    } catch (error) { return function () { return false; }; }
  }

  function sessionsItem(label, sessions, done, programme) {
    var item = element("li", "", label + ": ");
    sessions.forEach(function (s, index) {
      if (index) { item.append(", "); }
      item.append(link(s.title, s.url));
      if (done(programme.id + "/" + s.id)) { item.append(" (done)"); }
    });
    var total = sessions.reduce(function (sum, s) { return sum + s.minutes; }, 0);
    item.append(" (" + minutes(total) + ")");
    return item;
  }

  // The pair's meeting in the week of `monday`: on their own day and at their own time when chosen
  // ("ect-me"), else the provider's, moved to a school day as the published calendars move it.
  function meetingItem(cohort, week, monday, me) {
    var meeting = cohort.meetings.filter(function (m) { return mondayOf(m.days[0]) === monday; })[0];
    if (!meeting) { return null; }
    var own = me && (!me.cohort || me.cohort === cohort.id);  // the pair's own day is their cohort's
    var weekday = own && me.day !== null ? me.day : (cohort.meetingDay || 0);
    var time = own && me.time ? me.time : (cohort.meetingTime || "");
    var day = meeting.days[weekday];
    var item = element("li", "", "Mentor meeting: " + dayName(day) + " " + longDate(day).slice(0, -5) +
                       (time ? ", " + hours(time, meeting.minutes) : "") + " (" + minutes(meeting.minutes) + "): ");
    var plans = week.mentor || [];
    if (plans.length) { item.append(link(plans[0].title, plans[0].url)); } else { item.append(link(meeting.title, meeting.url)); }
    if (meeting.part) { item.append(" (meeting " + meeting.part + ")"); }
    return item;
  }

  function attends(event, role) {
    return rolesOf(role).some(function (r) { return event.attendees.indexOf(r) >= 0; });
  }

  function eventItem(event) {
    var when = dayName(event.date) + " " + longDate(event.date).slice(0, -5) +
      (event.time ? ", " + hours(event.time, event.minutes) : "");
    // A milestone of the tutor's statutory year says its kind ("Progress review"); an event is training.
    var item = element("li", "", (event.kind || "Training") + ": " + when + ": ");
    item.append(link(event.title, event.url));
    item.append(event.place ? ". " + event.place + "." : ".");
    return item;
  }

  function eventsBetween(cohort, role, first, last) {
    return cohort.events.filter(function (e) { return first <= e.date && e.date <= last && attends(e, role); })
      .sort(function (a, b) { return (a.date + a.time) < (b.date + b.time) ? -1 : 1; });
  }

  // Earlier weeks' work for the role (steps, plans, tutor tasks) not marked as done in this browser.
  function undone(programme, cohort, week, role, done) {
    var out = [];
    cohort.weeks.forEach(function (w) {
      if (w.start >= week.start) { return; }
      rolesOf(role || "ect").forEach(function (r) {
        work(w, r).forEach(function (s) { if (!done(programme.id + "/" + s.id)) { out.push([w, s]); } });
      });
    });
    return out;
  }

  function undoneList(items) {
    var box = element("div", "ect-thisweek__undone");
    box.append(element("p", "", "Still to do from earlier weeks (not marked as done in this browser):"));
    var list = element("ul");
    items.slice(0, 5).forEach(function (pair) {
      var item = element("li", "", pair[0].label + ": ");
      item.append(link(pair[1].title, pair[1].url));
      list.append(item);
    });
    if (items.length > 5) { list.append(element("li", "", "and " + (items.length - 5) + " more")); }
    box.append(list);
    return box;
  }

  // The week's whole work for the role: sessions, the meeting, training and clinics, tutor tasks.
  function weekItems(programme, cohort, week, role, me, done) {
    var list = element("ul", "ect-thisweek__work");
    var monday = mondayOf(week.start <= today() ? today() : week.start);
    rolesOf(role).forEach(function (r) {
      if (r !== "mentor" && work(week, r).length) { list.append(sessionsItem(NAMES[r], work(week, r), done, programme)); }
      if (r === "mentor" || (r === "ect" && role === "ect")) {
        var meeting = meetingItem(cohort, week, monday, me);  // none in a fortnight's second week
        if (meeting) { list.append(meeting); }
      }
    });
    eventsBetween(cohort, role, monday, addDays(monday, 6)).forEach(function (e) { list.append(eventItem(e)); });
    return list;
  }

  // What comes next for the role after `after`: its next week with work, or its next event.
  function nextFor(cohort, role, after) {
    var week = cohort.weeks.filter(function (w) {
      return w.start > after && rolesOf(role).some(function (r) { return work(w, r).length; });
    })[0];
    var event = eventsBetween(cohort, role, addDays(after, 1), "9999-12-31")[0];
    var box = element("p", "ect-thisweek__next", "Next: ");
    if (event && (!week || event.date < week.start)) {
      box.append(link(event.title, event.url));
      box.append(", " + dayName(event.date) + " " + longDate(event.date) + (event.time ? " at " + event.time : "") +
                 ". " + event.place + ".");
    } else if (week) {
      box.append(link(week.label + ": " + week.title, week.url));
      box.append(" (" + week.block + "), w/c " + longDate(week.start) + ".");
    } else {
      return null;
    }
    return box;
  }

  var clock = "";
  function today() { return clock; }

  function describe(programme, cohort, role, many, me) {
    var box = element("div", "ect-thisweek__cohort");
    if (many) {
      var title = element("p", "ect-thisweek__cohort-title");
      title.append(element("strong", "", cohort.title));
      box.append(title);
    }
    var now = today(), found = locate(cohort, now), done = doneKeys(), next;
    if (found.state === "week") {
      var line = weekLine(found.week, "This week is ");
      var weeks = Math.floor((Date.parse(found.week.end) - Date.parse(found.week.start)) / 6048e5) + 1;
      if (weeks > 1) {  // a range (a practice cycle, a fortnight): which of its weeks this is
        var nth = Math.floor((Date.parse(now) - Date.parse(found.week.start)) / 6048e5) + 1;
        line.append(" It is week " + Math.min(nth, weeks) + " of " + weeks + ".");
      }
      box.append(line);
      var list = weekItems(programme, cohort, found.week, role, me, done);
      if (list.childElementCount) {
        box.append(list);
      } else {
        box.append(element("p", "", "Nothing for " + WHO[role] + " this week."));
        next = nextFor(cohort, role, addDays(mondayOf(now), 6));
        if (next) { box.append(next); }
      }
      var left = undone(programme, cohort, found.week, role, done);
      if (left.length) { box.append(undoneList(left)); }
    } else if (found.state === "before") {
      var first = cohort.start || found.week.start;
      box.append(element("p", "", "The programme has not started yet: it starts on " + dayName(first) + " " +
                         longDate(first) + "."));
      box.append(weekLine(found.week, "First week: "));
      var soon = eventsBetween(cohort, role, now, addDays(found.week.start, 6));
      if (soon.length) {
        var early = element("ul", "ect-thisweek__work");
        soon.forEach(function (e) { early.append(eventItem(e)); });
        box.append(early);
      }
    } else if (found.state === "after") {
      box.append(element("p", "", "The programme ended on " + longDate(found.week.end) + "."));
      box.append(weekLine(found.week, "Last week: "));
    } else {
      box.append(element("p", "", found.holiday
        ? "It is the " + found.holiday.name + " (" + span(found.holiday.start, found.holiday.end) +
          "): no programme week."
        : "There is no programme week this week."));
      box.append(weekLine(found.week, "Next: "));
    }
    return box;
  }

  function render() {
    var schedule = window.ectSchedule;
    if (!schedule) { return; }
    clock = iso(new Date());
    var me = window.ectMe ? window.ectMe.load() : null;
    document.querySelectorAll("[data-ect-thisweek]").forEach(function (panel) {
      var id = panel.getAttribute("data-ect-programme");
      var programme = schedule.programmes.filter(function (p) { return p.id === id; })[0];
      var now = panel.querySelector("[data-ect-thisweek-now]");
      if (!programme || !now) { return; }
      // The panel's own role (a starting page's), else the reader's, else the ECT's and the mentor's.
      var role = panel.getAttribute("data-ect-role") || (me && me.role) || "";
      var mine = me && me.programme === id ? programme.cohorts.filter(function (c) { return c.id === me.cohort; }) : [];
      if (mine.length) {  // the reader's cohort; the others behind a disclosure
        var others = element("details", "ect-me-others");
        others.append(element("summary", "", "Other cohorts this week"));
        programme.cohorts.forEach(function (c) {
          if (c !== mine[0]) { others.append(describe(programme, c, role, true, me)); }
        });
        now.replaceChildren(describe(programme, mine[0], role, programme.cohorts.length > 1, me));
        if (programme.cohorts.length > 1) { now.append(others); }
      } else {
        var many = programme.cohorts.length > 1;
        now.replaceChildren.apply(now, programme.cohorts.map(function (c) {
          return describe(programme, c, role, many, me);
        }));
      }
      now.setAttribute("data-ect-today", clock);
    });
  }

  document.addEventListener("ect-me-change", render);
  if (!document.querySelector("[data-ect-thisweek]")) { return; }
  if (window.ectSchedule) { render(); return; }
  var script = document.createElement("script");
  script.src = new URL("schedule.js", siteBase()).href;  // the site's own file: the CSP's 'self'
  script.addEventListener("load", render);
  document.head.append(script);
})();
