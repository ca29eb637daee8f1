/* Click-to-load video and the print button. No request to a video host until the reader asks.
   Written for Material's instant loading: handlers are delegated from the document. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var play = event.target.closest && event.target.closest(".ect-video__play");
    if (play) {
      var frame = play.closest(".ect-video__frame");
      var iframe = document.createElement("iframe");
      iframe.src = frame.getAttribute("data-embed") + "?autoplay=1";
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
})();
