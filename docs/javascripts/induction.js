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
})();
