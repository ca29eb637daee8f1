/* The pair's coaching log on a mentor plan's own page ([data-ect-coaching]): last week's agreed
   step and whether it was met, a drop-in observation and this week's agreed step, typed on screen
   and printed on the plan. Kept in progress.js's store ("coaching", window.inductionProgress), so
   the saved progress file carries it and "Clear my progress" clears it. */
(function () {
  "use strict";
  var P = window.inductionProgress;
  if (!P || !P.data) { return; }  // storage blocked: the plan prints its blank lines, as without JavaScript
  var WORK = P.WORK, VERDICTS = P.VERDICTS, LONGEST_NOTE = P.LONGEST_NOTE, save = P.save;
  var element = P.element, field = P.field;

  function coaching(box, data) {
    var key = box.getAttribute("data-ect-coaching");
    if (!WORK.test(key)) { return; }
    var fields = box.querySelector(".ect-coaching__fields");
    var id = "ect-coaching-" + key.replace(/[^a-z0-9-]/g, "-");
    var entry = data.coaching[key] || {at: "", previous: "", observation: "", step: ""};
    var screen = element("div", "ect-coaching__screen");
    var previousKey = box.getAttribute("data-ect-previous");
    var before = previousKey && data.coaching[previousKey] ? data.coaching[previousKey].step : "";
    screen.append(element("p", "ect-coaching__before", previousKey
      ? "Last week's agreed step (from \u201c" + (box.getAttribute("data-ect-previous-title") || "the last plan") + "\u201d): " +
        (before || "none was typed in this browser.")
      : "This is the first plan: there is no step from last week."));
    var verdict = element("fieldset", "ect-coaching__verdict");
    verdict.append(element("legend", "", "Last week's step was"));
    [["met", "Met"], ["partly", "Partly met"], ["not-yet", "Not yet"]].forEach(function (pair) {
      var radio = element("input");
      radio.type = "radio";
      radio.name = id + "-previous";
      radio.id = id + "-" + pair[0];
      radio.value = pair[0];
      radio.checked = entry.previous === pair[0];
      var label = element("label", "", pair[1]);
      label.htmlFor = radio.id;
      var span = element("span", "ect-coaching__choice");
      span.append(radio, label);
      verdict.append(span);
    });
    var observation = element("textarea");
    observation.id = id + "-observation";
    observation.rows = 3;
    observation.maxLength = LONGEST_NOTE;
    observation.value = entry.observation;
    var step = element("textarea");
    step.id = id + "-step";
    step.rows = 3;
    step.maxLength = LONGEST_NOTE;
    step.value = entry.step;
    var status = element("p", "ect-coaching__status");
    status.setAttribute("role", "status");
    screen.append(verdict, field("Drop-in observation", observation), field("This week's agreed step", step), status);
    var paper = element("div", "ect-print-only ect-coaching__paper");
    function drawPaper() {
      var current = data.coaching[key] || {previous: "", observation: "", step: ""};
      var lines = [["Last week's agreed step", before], ["Met / partly / not yet", current.previous ? VERDICTS[current.previous] : ""],
                   ["Drop-in observation", current.observation], ["This week's agreed step", current.step]];
      paper.replaceChildren.apply(paper, lines.map(function (line) {
        var p = element("p", line[1] ? "ect-coaching__filled" : "ect-coaching__blank");
        p.append(element("strong", "", line[0] + ": "), line[1] || "");
        return p;
      }));
    }
    function store() {
      var checked = verdict.querySelector("input:checked");
      var next = {at: new Date().toISOString(), previous: checked ? checked.value : "",
                  observation: observation.value.slice(0, LONGEST_NOTE), step: step.value.slice(0, LONGEST_NOTE)};
      if (next.previous || next.observation.trim() || next.step.trim()) { data.coaching[key] = next; } else { delete data.coaching[key]; }
      status.textContent = save(data) ? "Kept in this browser." : "This browser would not keep it (storage is full or blocked).";
      drawPaper();
    }
    verdict.addEventListener("change", store);
    observation.addEventListener("input", store);
    step.addEventListener("input", store);
    drawPaper();
    if (fields) { fields.replaceChildren(screen, paper); }
  }

  document.querySelectorAll("[data-ect-coaching]").forEach(function (box) {
    P.guarded("the coaching log", function () { coaching(box, P.data); });
  });
})();
