/* Search on demand: the search index (about 1 MB for the sample programme, several for a large
   one) and the search worker that reads it (40 KB of script) are fetched when a reader opens
   search, not on every visit to every page: Material's bundle starts both as soon as a page loads.
   This script, loaded just before the bundle, holds them back and lets them go when search is
   opened: the search box focused (by a click or the / and s keys), its toggle pressed on a phone,
   or a page reached from a search result (whose terms Material highlights with the index).
   - The index: Material fetches it with XMLHttpRequest; that one request is held. Opened from disk
     (the offline copy) it loads the index as a script element instead, whose insertion is held.
   - The worker: Material constructs it with `new Worker(url)` at start-up, which fetches its script
     at once. Worker construction is wrapped: for the search worker it returns a stand-in that keeps
     Material's listeners and messages, and the real worker (or, from file://, the iframe stand-in
     that the offline copy's shim installed as window.Worker before this script) is made when search
     opens or Material first talks to it, whichever comes first.
   On a hosted site (the page says so: <meta name="ect-search" content="fragments">) the search
   worker is never fetched at all: the same search box is answered from Pagefind's fragment index
   (induction/fragment_search.py), which downloads only the parts of the index a query needs.
   FragmentSearch below speaks the search worker's messages to Material's script, so the box, its
   keyboard handling, its results list and what screen readers hear of it are Material's, unchanged.
   Pagefind's script and WebAssembly module are loaded when search opens, never before. */
(() => {
  "use strict";
  const INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  const INDEX_SCRIPT = /\/search\/search_index\.js(?:[?#]|$)/;
  const WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const append = Node.prototype.appendChild;
  const RealWorker = window.Worker;
  const held = [];
  const scripts = [];
  const waiting = [];
  let wanted = /[?&]h=/.test(location.search);
  const marker = document.querySelector('meta[name="ect-search"]');
  const fragments = marker !== null && marker.content === "fragments" && location.protocol !== "file:";

  function searchOpened() {
    if (wanted) return;
    wanted = true;
    for (const [request, body] of held.splice(0)) send.call(request, body);
    for (const [parent, script] of scripts.splice(0)) append.call(parent, script);
    for (const worker of waiting.splice(0)) worker.start();
  }

  /* Material's search worker messages (its SearchMessageType): SETUP carries the index, READY
     answers it, QUERY carries what the reader typed, RESULT answers with the results. */
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // Material asks at every key; a query is searched once the reader has paused this long (ms), so
  // the words typed on the way ("b", "be", "beh"...) download no index chunks or fragments of their own.
  const PAUSE = 250;

  class FragmentSearch extends EventTarget {
    constructor(url) {
      super();
      // The worker's address is the site's assets/javascripts/workers/...: the site root is three up.
      this.base = new URL("../../../", new URL(String(url), document.baseURI));
      this.loading = null;
      this.latest = 0;
      this.onmessage = this.onerror = this.onmessageerror = null;
    }

    deliver(data) {
      const event = new MessageEvent("message", { data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") this.onmessage(event);
    }

    /* The searching itself (search-fragments.js: Pagefind and the spellings table, ranking and
       results), fetched once, when search opens: no page that is only read downloads it. */
    start() {
      if (!this.loading) {
        this.loading = import(new URL("javascripts/search-fragments.js", this.base).href).then((module) =>
          module.searcher(this.base));
      }
      return this.loading;
    }

    postMessage(message) {
      if (message && message.type === SETUP) {
        setTimeout(() => this.deliver({ type: READY }), 0);
      } else if (message && message.type === QUERY) {
        this.answer(String(message.data), ++this.latest);
      }
    }

    /* Answers query number `asked` after the pause, unless the reader typed on: an older query's
       answer is never shown over a newer one's. */
    async answer(query, asked) {
      const current = () => asked === this.latest;
      await new Promise((resolve) => setTimeout(resolve, PAUSE));
      if (!current()) return;
      let data;
      try {
        data = await (await this.start())(query, current);
      } catch (error) {
        console.warn("Search failed:", error);
        data = { items: [] };
      }
      if (data !== null && current()) this.deliver({ type: RESULT, data });
    }

    terminate() {}
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

  Node.prototype.appendChild = function (node) {
    if (!wanted && node instanceof HTMLScriptElement && INDEX_SCRIPT.test(node.src)) {
      scripts.push([this, node]);
      return node;
    }
    return append.call(this, node);
  };

  /* Stands in for the search worker until it is needed. An EventTarget, as a Worker is: Material
     listens with addEventListener; its events are passed on from the real worker once made, and
     its first message (the index, sent when that arrives) makes the real worker if search has not. */
  class WorkerOnDemand extends EventTarget {
    constructor(url, options) {
      super();
      this.args = [url, options];
      this.real = null;
      this.onmessage = this.onerror = this.onmessageerror = null;
    }

    start() {
      if (this.real) return;
      this.real = new RealWorker(...this.args);
      for (const type of ["message", "messageerror", "error"]) {
        this.real.addEventListener(type, (event) => {
          const copy = type === "error"
            ? new ErrorEvent("error", { message: event.message, filename: event.filename, lineno: event.lineno })
            : new MessageEvent(type, { data: event.data });
          this.dispatchEvent(copy);
          if (typeof this[`on${type}`] === "function") this[`on${type}`](copy);
        });
      }
    }

    postMessage(message, transfer) {
      this.start();
      this.real.postMessage(message, transfer);
    }

    terminate() {
      if (this.real) this.real.terminate();
      this.real = null;
    }
  }

  if (typeof RealWorker === "function") {
    window.Worker = function Worker(url, options) {
      if (!new.target) throw new TypeError("Worker constructor: 'new' is required");
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      if (fragments) {
        const search = new FragmentSearch(url);
        waiting.push(search);  // Pagefind loads when search opens, or with the first query (a result's page)
        return search;
      }
      if (wanted) return new RealWorker(url, options);
      const worker = new WorkerOnDemand(url, options);
      waiting.push(worker);
      return worker;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

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
