/* Print: what paper needs that print.css cannot know by itself.
   - Which transcripts the reader opened. Material opens every <details> just before printing, so
     [open] cannot tell; a click on a transcript's summary leaves a mark (data-ect-opened) that
     print.css keeps on a printed mentor plan, while unmarked transcripts stay off the paper.
   - The small line at the foot of every page: the page's title and its public address (the
     canonical link when the site has a site_url; the address bar on a web server; none from disk,
     where a file path would mean nothing on paper). Only script knows them, so it writes the
     @page margin box.
   - Links whose text already is their address, which print.css then does not repeat.
   Runs on every page Material shows (document$ also fires on instant navigation). */
(function () {
  "use strict";
  var FONT = '7.5pt -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif';

  document.addEventListener("click", function (event) {
    var summary = event.target.closest && event.target.closest("details.ect-transcript > summary");
    if (!summary) { return; }
    var details = summary.parentElement;
    // The click comes before the browser toggles: closed now means the reader is opening it.
    details.toggleAttribute("data-ect-opened", !details.open);
  });

  function address() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) { return canonical.href; }
    return /^https?:$/.test(location.protocol) ? location.href.split("#")[0] : "";
  }

  function cssString(text) {
    return '"' + text.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ") + '"';
  }

  function runningLine() {
    var style = document.getElementById("ect-print-line");
    if (!style) {
      style = document.createElement("style");
      style.id = "ect-print-line";
      document.head.appendChild(style);
    }
    // The progress record and the tutor's summary are filed on paper: no address on them.
    var filed = document.querySelector("[data-ect-progress-record], [data-ect-pairs]");
    var line = [document.title, filed ? "" : address()].filter(Boolean).join(" · ");
    style.textContent = "@page { @bottom-left { content: " + cssString(line) + "; font: " + FONT +
      "; color: #555; vertical-align: middle; } }";
  }

  function markBareLinks() {
    var links = document.querySelectorAll('.md-typeset a[href^="http"], .md-typeset a[href^="mailto:"]');
    Array.prototype.forEach.call(links, function (link) {
      var text = link.textContent.trim().replace(/\/$/, "");
      var href = link.getAttribute("href").replace(/^mailto:/, "").replace(/\/$/, "");
      if (text === href || text === href.replace(/^https?:\/\//, "")) { link.classList.add("ect-bare-link"); }
    });
  }

  function prepare() { runningLine(); markBareLinks(); }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(prepare);
  } else {
    prepare();
  }
})();
