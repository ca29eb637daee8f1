/* "Your pairs": the induction tutor's view of several pairs, from the progress files they saved
   (docs/javascripts/progress-file.js writes them; documentation/progress-file.md). The files are read
   with FileReader in this browser: nothing is uploaded, nothing is stored, and closing the page
   forgets them. Per file: weeks with work still open, mentor meetings with no coaching log,
   training sessions attended and the last agreed step, in a table sortable by any column
   (buttons in the headers, aria-sort) that prints as a one-page termly summary. Every text from a
   file goes in with textContent only: a file is untrusted, and progress-file.js refuses one that is not
   as this site writes it. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null && text !== "") { node.textContent = String(text); }
    return node;
  }

  function iso(day) {
    var m = day.getMonth() + 1, d = day.getDate();
    return day.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  // The columns: heading, the value shown, and the value sorted by.
  var COLUMNS = [
    {head: "Name", show: function (r) { return r.name || r.file; }, key: function (r) { return (r.name || r.file).toLowerCase(); }},
    {head: "Cohort", show: function (r) { return r.cohort || "Not given"; }, key: function (r) { return r.cohort; }},
    {head: "Weeks behind", show: function (r) { return r.behind; }, key: function (r) { return r.behind; }, number: true},
    {head: "Meetings with no log", show: function (r) { return r.noLog; }, key: function (r) { return r.noLog; }, number: true},
    {head: "Training attended", show: function (r) { return r.training; }, key: function (r) { return r.training; }, number: true},
    {head: "Last agreed step", show: function (r) { return r.lastStep || "None typed"; }, key: function (r) { return r.lastStep.toLowerCase(); }},
    {head: "Saved", show: function (r) { return window.inductionProgress.when(r.savedAt); }, key: function (r) { return r.savedAt; }}
  ];

  function draw(panel, state) {
    var parts = [];
    if (state.rows.length) {
      var sorted = state.rows.slice().sort(function (a, b) {
        var column = COLUMNS[state.column], x = column.key(a), y = column.key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (state.ascending ? 1 : -1);
      });
      parts.push(element("p", "ect-pairs__count", sorted.length + (sorted.length === 1 ? " file" : " files") +
                         " open, as of " + window.inductionProgress.when(new Date().toISOString()) +
                         ". Weeks behind: weeks up to the cohort's current week (or to the latest work done, when a " +
                         "file names no cohort) with work not marked as done."),
                 element("p", "ect-print-only ect-pairs__purpose", "Termly summary for the headteacher and the " +
                         "appropriate body."), table(panel, state, sorted));
    }
    state.body.replaceChildren.apply(state.body, parts);
  }

  function table(panel, state, sorted) {
    var wrap = element("div", "ect-pairs__wrap");
    var t = element("table", "ect-pairs__table");
    var caption = element("caption", "", "Pairs, one row per saved file");
    t.append(caption);
    var head = element("tr");
    COLUMNS.forEach(function (column, index) {
      var th = element("th");
      th.scope = "col";
      var button = element("button", "ect-pairs__sort", column.head);
      button.type = "button";
      if (index === state.column) { th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending"); }
      button.addEventListener("click", function () {
        state.ascending = state.column === index ? !state.ascending : true;
        state.column = index;
        draw(panel, state);
        var again = panel.querySelectorAll(".ect-pairs__sort")[index];
        if (again) { again.focus(); }
      });
      th.append(button);
      head.append(th);
    });
    var thead = element("thead");
    thead.append(head);
    var body = element("tbody");
    sorted.forEach(function (row) {
      var tr = element("tr");
      COLUMNS.forEach(function (column, index) {
        var cell = element(index === 0 ? "th" : "td", column.number ? "ect-pairs__number" : "", column.show(row));
        if (index === 0) { cell.scope = "row"; }
        tr.append(cell);
      });
      body.append(tr);
    });
    t.append(thead, body);
    wrap.append(t);
    return wrap;
  }

  function start(panel, order) {
    var api = window.inductionProgress;
    var state = {rows: [], column: 2, ascending: false, body: element("div", "ect-pairs__body")};
    var input = element("input");
    input.type = "file";
    input.id = "ect-pairs-open";
    input.multiple = true;
    input.accept = ".json,application/json";
    var label = element("label", "", "Open saved progress files");
    label.htmlFor = input.id;
    var chooser = element("p", "ect-pairs__open");
    chooser.append(label, input);
    var live = element("div", "ect-pairs__message");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    var print = element("button", "md-button", "Print the termly summary");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    var actions = element("p", "ect-pairs__actions");
    actions.append(print);
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files), lines = [], today = iso(new Date());
      input.value = "";
      function next(index) {
        if (index === files.length) {
          live.replaceChildren.apply(live, lines.map(function (line) { return element("p", "", line); }));
          draw(panel, state);
          return;
        }
        var file = files[index];
        api.readFile(file, order, function (answer) {
          if (answer.error) {
            lines.push("\u201c" + file.name + "\u201d was not opened: " + answer.error + ".");
          } else {
            var row = api.summarise(answer.record, order, today);
            row.file = file.name;
            state.rows.push(row);
            lines.push("\u201c" + file.name + "\u201d opened" + (row.name ? " (" + row.name + ")" : "") + ".");
          }
          next(index + 1);
        });
      }
      next(0);
    });
    panel.replaceChildren(chooser, live, state.body, actions);
  }

  var panel = document.querySelector("[data-ect-pairs]");
  if (!panel) { return; }
  function ready() {
    if (!window.inductionProgress) { return; }
    window.inductionProgress.withOrder(function (order) {
      if (order) { start(panel, order); }
    });
  }
  if (window.inductionProgress) { ready(); } else { document.addEventListener("DOMContentLoaded", ready); }
})();
