/* Search on demand: the search index (about 1 MB for the sample programme, several for a large
   one) is fetched when a reader opens search, not on every visit to every page: Material's bundle
   asks for it as soon as a page loads. This script, loaded just before the bundle, holds that one
   request back (Material fetches the index with XMLHttpRequest) and sends it when search is opened:
   the search box focused (by a click or the / and s keys), its toggle pressed on a phone, or a page
   reached from a search result (whose terms Material highlights with the index). */
(() => {
  "use strict";
  const INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = /[?&]h=/.test(location.search);

  function searchOpened() {
    if (wanted) return;
    wanted = true;
    for (const [request, body] of held.splice(0)) send.call(request, body);
  }

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.ectSearchIndex = INDEX.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (this.ectSearchIndex && !wanted) {
      held.push([this, body]);
      return undefined;
    }
    return send.call(this, body);
  };

  document.addEventListener("focusin", (event) => {
    if (event.target.closest && event.target.closest("[data-md-component=search]")) searchOpened();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) searchOpened();
  });
  document.addEventListener("pointerdown", (event) => {
    if (event.target.closest && event.target.closest("label[for=__search], [data-md-component=search]")) searchOpened();
  });
})();
