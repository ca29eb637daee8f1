/* Click-to-load video and the print button. No request to a video host until the reader asks.
   Written for Material's instant loading: handlers are delegated from the document. */
(function () {
  "use strict";
  // The play buttons only work with JavaScript: CSS shows them only under this class, so a reader
  // without JavaScript sees the plain link and the transcript, never a button that does nothing.
  document.documentElement.classList.add("ect-js");
  document.addEventListener("click", function (event) {
    var play = event.target.closest && event.target.closest(".ect-video__play");
    if (play) {
      var frame = play.closest(".ect-video__frame");
      var iframe = document.createElement("iframe");
      var address = new URL(frame.getAttribute("data-embed"));
      address.searchParams.set("autoplay", "1");  // the reader asked to play: one press, not two
      iframe.src = address.href;
      iframe.title = "Video: " + frame.getAttribute("data-title");
      iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      iframe.setAttribute("allowfullscreen", "");
      frame.replaceChildren(iframe);
      iframe.focus();
      return;
    }
    var print = event.target.closest && event.target.closest("[data-ect-print]");
    if (print) { window.print(); }
  });
  // Enter in the search box: when there are results, Material follows the first one (its own
  // keyboard handler). When there are none (or Material's search is not ready yet), the browser
  // would submit the search form to the page itself, which the policy's form-action 'none'
  // refuses and reports. Nothing useful can be submitted (search runs in the page), so the form
  // is never sent: the reader stays in the box with Material's "no matching documents" message.
  // The counter on the form is what tests wait for instead of a fixed time.
  function hold(form, event) {
    event.preventDefault();
    var held = Number(form.getAttribute("data-ect-held-submits") || "0") + 1;
    form.setAttribute("data-ect-held-submits", String(held));
  }
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || !(box.matches && box.matches(".md-search__input")) || !box.form) { return; }
    if (!document.querySelector(".md-search-result__link")) { hold(box.form, event); }
  }, true);
  document.addEventListener("submit", function (event) {  // any other way a submit could start
    var form = event.target;
    if (form.matches && form.matches("form.md-search__form")) { hold(form, event); }
  }, true);
})();
