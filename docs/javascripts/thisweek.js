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

  // Where today falls for one cohort: in a week (a weekend counts with the week before it),
  // before the start, after the end, or between weeks (a holiday, or a gap between blocks).
  function locate(cohort, today) {
    var weeks = cohort.weeks;
    for (var i = 0; i < weeks.length; i++) {
      if (weeks[i].start <= today && today <= addDays(weeks[i].end, 2)) { return {state: "week", week: weeks[i]}; }
    }
    if (!weeks.length || today < weeks[0].start) { return {state: "before", week: weeks[0]}; }
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

  function workList(week, role) {
    var list = element("ul", "ect-thisweek__work");
    var roles = role ? [role] : ["ect", "mentor"];
    var names = {ect: "ECT self-study", mentor: "Mentor session", tutor: "Induction tutor"};
    roles.forEach(function (r) {
      var sessions = (week[r] || []).filter(function (s) {  // the reader's route only (routes.js keeps it)
        return !window.ectRoutes || window.ectRoutes.allows(week.scope, s.routes);
      });
      if (!sessions.length) { return; }
      var item = element("li", "", names[r] + ": ");
      sessions.forEach(function (s, index) {
        if (index) { item.append(", "); }
        item.append(link(s.title, s.url));
      });
      var total = sessions.reduce(function (sum, s) { return sum + s.minutes; }, 0);
      item.append(" (" + minutes(total) + ")");
      list.append(item);
    });
    return list;
  }

  function describe(cohort, role, today, many) {
    var box = element("div", "ect-thisweek__cohort");
    if (many) {
      var title = element("p", "ect-thisweek__cohort-title");
      title.append(element("strong", "", cohort.title));
      box.append(title);
    }
    var found = locate(cohort, today);
    if (found.state === "week") {
      var line = weekLine(found.week, "This week is ");
      var weeks = Math.floor((Date.parse(found.week.end) - Date.parse(found.week.start)) / 6048e5) + 1;
      if (weeks > 1) {  // a range (a practice cycle, a fortnight): which of its weeks this is
        var nth = Math.floor((Date.parse(today) - Date.parse(found.week.start)) / 6048e5) + 1;
        line.append(" It is week " + Math.min(nth, weeks) + " of " + weeks + ".");
      }
      box.append(line);
      box.append(workList(found.week, role));
    } else if (found.state === "before") {
      box.append(element("p", "", "The programme has not started yet: it starts in the week of " +
                         longDate(found.week.start) + "."));
      box.append(weekLine(found.week, "First week: "));
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
    var today = iso(new Date());
    document.querySelectorAll("[data-ect-thisweek]").forEach(function (panel) {
      var id = panel.getAttribute("data-ect-programme");
      var programme = schedule.programmes.filter(function (p) { return p.id === id; })[0];
      var now = panel.querySelector("[data-ect-thisweek-now]");
      if (!programme || !now) { return; }
      var role = panel.getAttribute("data-ect-role") || "";
      var many = programme.cohorts.length > 1;
      now.replaceChildren.apply(now, programme.cohorts.map(function (c) { return describe(c, role, today, many); }));
      now.setAttribute("data-ect-today", today);
    });
  }

  if (!document.querySelector("[data-ect-thisweek]")) { return; }
  if (window.ectSchedule) { render(); return; }
  var script = document.createElement("script");
  script.src = new URL("schedule.js", siteBase()).href;  // the site's own file: the CSP's 'self'
  script.addEventListener("load", render);
  document.head.append(script);
})();
