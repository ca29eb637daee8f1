/* "Your own calendar": in each [data-ect-mycalendar] box (the programme page's Calendars section),
   a small form, cohort, role, the pair's meeting day, time and length, that writes an .ics file in
   the browser from the published schedule (schedule.js sets window.ectSchedule) and offers it as a
   download. Nothing is sent anywhere and nothing is stored. The meetings are the published
   calendars' (one a school week of each plan, one a fortnight in a fortnightly year), each on the
   chosen day of its week, or the school day the published calendars move it to when that day has
   no school; the role's training events come with them. Text goes in with textContent only. */
(function () {
  "use strict";
  var DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
  var ROLES = [["ect", "ECT"], ["mentor", "Mentor"]];
  // Europe/London as the published calendars declare it (induction/ics.py): times are the school's.
  var TIMEZONE = ["BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
    "DTSTART:19961027T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"];

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    return node;
  }

  function field(box, id, label, control) {
    var wrap = element("p");
    var name = element("label", label);
    control.id = id;
    name.htmlFor = id;
    wrap.append(name, " ", control);
    box.append(wrap);
    return control;
  }

  function select(options, chosen) {
    var node = element("select");
    options.forEach(function (pair) {
      var option = element("option", pair[1]);
      option.value = pair[0];
      option.selected = pair[0] === chosen;
      node.append(option);
    });
    return node;
  }

  // RFC 5545: TEXT escaped (3.3.11), lines folded at 75 octets (3.1) without splitting a character.
  function text(value) {
    return String(value).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "").replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  function fold(line) {
    var out = [], current = "", size = 0, encoder = new TextEncoder();
    Array.from(line).forEach(function (char) {
      var width = encoder.encode(char).length;
      if (size + width > (out.length ? 74 : 75)) { out.push(current); current = ""; size = 0; }
      current += char;
      size += width;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function compact(day) { return day.replace(/-/g, ""); }

  function nextDay(day) {
    var parts = day.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + 1));
    return date.toISOString().slice(0, 10);
  }

  // DTSTART and DTEND of a one-day event: at `time` for `minutes` in Europe/London, else all day.
  function when(day, time, minutes) {
    if (!time) {
      return ["DTSTART;VALUE=DATE:" + compact(day), "DTEND;VALUE=DATE:" + compact(nextDay(day))];
    }
    var parts = time.split(":").map(Number), end = parts[0] * 60 + parts[1] + minutes;
    end = Math.min(end, 23 * 60 + 59);  // a meeting ends on its own day
    function clock(total) {
      var h = Math.floor(total / 60), m = total % 60;
      return (h < 10 ? "0" : "") + h + (m < 10 ? "0" : "") + m + "00";
    }
    return ["DTSTART;TZID=Europe/London:" + compact(day) + "T" + clock(parts[0] * 60 + parts[1]),
            "DTEND;TZID=Europe/London:" + compact(day) + "T" + clock(end)];
  }

  function link(address) {
    // Only a web address: a file:// one (the offline copy) opens in no calendar program.
    var url = new URL(address, siteBase());
    return /^https?:$/.test(url.protocol) ? ["URL:" + url.href] : [];
  }

  function calendar(programme, cohort, choice) {
    var stamp = "DTSTAMP:" + compact(cohort.weeks.length ? cohort.weeks[0].start : "2000-01-01") + "T000000Z";
    var uid = "-" + programme.id + "-" + cohort.id;
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//induction//ECT programme calendar (own)//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + text(programme.title + ": my meetings, " + cohort.title),
      "X-WR-TIMEZONE:Europe/London"].concat(TIMEZONE);
    cohort.meetings.forEach(function (meeting) {
      var minutes = choice.minutes || meeting.minutes;
      lines = lines.concat(["BEGIN:VEVENT", "UID:my-meeting" + uid + "-" + meeting.id + "@induction", stamp],
        when(meeting.days[choice.day], choice.time, minutes),
        ["SUMMARY:" + text("Mentor meeting: " + meeting.title + (meeting.part ? " (" + meeting.part + ")" : "")),
         "DESCRIPTION:" + text(meeting.week + ": " + meeting.title + ".")], link(meeting.url),
        ["TRANSP:" + (choice.time ? "OPAQUE" : "TRANSPARENT"), "END:VEVENT"]);
    });
    cohort.events.filter(function (event) { return event.attendees.indexOf(choice.role) >= 0; })
      .forEach(function (event) {
        lines = lines.concat(["BEGIN:VEVENT", "UID:my-event" + uid + "-" + event.id + "@induction", stamp],
          when(event.date, event.time, event.minutes || 60),
          ["SUMMARY:" + text(event.title), "LOCATION:" + text(event.place)], link(event.url), ["END:VEVENT"]);
      });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function build(box, programme) {
    var cohorts = programme.cohorts.map(function (c) { return [c.id, c.title]; });
    box.append(element("h3", "Your own meeting day and time"),
      element("p", "Make a calendar of your mentor meetings on the day and at the time you and your " +
        "mentor (or ECT) have agreed, with the training you attend. It is made here, in your browser: " +
        "nothing is sent anywhere. Import it once; it does not change when the programme does."));
    var form = element("form");
    var cohort = field(form, "ect-mycal-cohort", "Cohort", select(cohorts, cohorts[0][0]));
    var role = field(form, "ect-mycal-role", "I am the", select(ROLES, "ect"));
    var days = DAYS.map(function (d, i) { return [String(i), d]; });
    var day = field(form, "ect-mycal-day", "Meeting day", select(days, ""));
    var time = field(form, "ect-mycal-time", "Time (leave empty for all day)", element("input"));
    time.type = "time";
    function usual() {  // the provider's day and time for the cohort, until the pair changes them
      var chosen = programme.cohorts.filter(function (c) { return c.id === cohort.value; })[0];
      day.value = String(chosen.meetingDay || 0);
      time.value = chosen.meetingTime || "";
    }
    usual();
    cohort.addEventListener("change", usual);
    var minutes = field(form, "ect-mycal-minutes", "Minutes (empty: each plan's length)", element("input"));
    minutes.type = "number";
    minutes.min = "5";
    minutes.max = "240";
    var button = element("button", "Make my calendar (.ics)");
    button.type = "submit";
    button.className = "md-button";
    var status = element("p");
    status.setAttribute("role", "status");
    form.append(button, status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = programme.cohorts.filter(function (c) { return c.id === cohort.value; })[0];
      var ics = calendar(programme, chosen, {role: role.value, day: Number(day.value), time: time.value,
                                             minutes: Number(minutes.value) || 0});
      var anchor = element("a");
      anchor.href = URL.createObjectURL(new Blob([ics], {type: "text/calendar"}));
      anchor.download = programme.id + "-" + chosen.id + "-my-meetings.ics";
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      status.textContent = "Made " + anchor.download + ": " + chosen.meetings.length + " meetings.";
    });
    box.append(form);
  }

  function render() {
    var schedule = window.ectSchedule;
    if (!schedule) { return; }
    document.querySelectorAll("[data-ect-mycalendar]").forEach(function (box) {
      var id = box.getAttribute("data-ect-programme");
      var programme = schedule.programmes.filter(function (p) { return p.id === id; })[0];
      if (programme && programme.cohorts.length && !box.childElementCount) { build(box, programme); }
    });
  }

  if (!document.querySelector("[data-ect-mycalendar]")) { return; }
  if (window.ectSchedule) { render(); return; }
  var script = document.createElement("script");
  script.src = new URL("schedule.js", siteBase()).href;  // the site's own file: the CSP's 'self'
  script.addEventListener("load", render);
  document.head.append(script);
})();
