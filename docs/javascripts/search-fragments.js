/* Fragment search, the part of search-on-demand.js that searches: fetched by it (an ES module, from
   the site's own folder) when a reader opens search on a hosted site, never by a page that is only
   read. It loads Pagefind and the spellings table, searches the query as typed and as the site
   spells it, ranks the framework's reference pages after the programme's own, and gives the best
   results as Material's search worker would (search-on-demand.js passes them to Material). */

// Results fetched and listed: each is one fragment to download (1 to 8 KB), so the best ten, as
// Material lists ten before the reader scrolls; a reader who wants others refines the query.
const SHOWN = 10;
// The framework, its standards and the coverage matrix (Pagefind's filter tier:reference, set by
// induction/fragment_search.py) name every topic: ranked after the programme's own pages.
// Unless the query names the framework's parts by code ("2b", "7.1", "standard 7"): then they are
// what the reader asks for, and keep their scores.
const REFERENCE = 0.4;
const CODE = /^(?:\d{1,2}[a-z]|\d{1,2}\.\d{1,2})$/;

function namesTheFramework(typed) {
  return typed.some((word) => CODE.test(word)) || (typed.includes("standard") && typed.some((word) => /^\d{1,2}$/.test(word)));
}

function escaped(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/* Pagefind's excerpt as HTML Material may insert: its text, escaped, and its <mark>s; nothing else
   (read in an inert <template>, so nothing in it loads or runs). */
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = String(html);
  let out = "";
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += escaped(node.textContent);
    else if (node.nodeName === "MARK") out += `<mark>${escaped(node.textContent)}</mark>`;
    else out += escaped(node.textContent);
  }
  return out;
}

/* The words of a query, lower-case, as Pagefind splits them. */
function words(query) {
  return String(query).toLowerCase().match(/\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu) || [];
}

/* The query as typed and, when it has words spelt the other way from the site (British and
   American), as the site spells them: both searched, each page kept at its better score. */
async function search(pagefind, table, query, current) {
  const typed = words(query);
  if (!typed.length) return { items: [] };
  const own = typed.map((word) => (Object.hasOwn(table, word) && typeof table[word] === "string" ? table[word] : word));
  const found = new Map();
  for (const text of new Set([typed.join(" "), own.join(" ")])) {
    const search = await pagefind.search(text);
    const reference = namesTheFramework(typed) ? null : await pagefind.search(text, { filters: { tier: "reference" } });
    const lowered = new Set((reference ? reference.results : []).map((result) => result.id));
    for (const result of search ? search.results : []) {
      const score = lowered.has(result.id) ? result.score * REFERENCE : result.score;
      const before = found.get(result.id);
      if (!before || before.score < score) found.set(result.id, { score, data: result.data });
    }
  }
  if (!current()) return null;  // typed on meanwhile: fetch no fragments for this one
  const best = [...found.values()].sort((a, b) => b.score - a.score).slice(0, SHOWN);
  const pages = await Promise.all(best.map((result) => result.data()));
  const terms = Object.fromEntries(typed.map((word) => [word, true]));
  return { items: pages.map((page, n) => [item(page, best[n].score, terms)]) };
}

/* One result as Material's worker gives it: an address relative to the site root, the title and
   text as HTML (Material inserts them as such), a score and the terms found. The text starts with
   the page's role and programme, so each result says whose page it is. */
function item(page, score, terms) {
  const meta = page.meta || {};
  const facts = [meta.role, meta.programme].filter((fact) => typeof fact === "string" && fact);
  const said = facts.length ? `<p class="ect-search-facts">${facts.map(escaped).join(" · ")}</p>` : "";
  return {
    location: String(page.url || "").replace(/^\/+/, ""),
    title: escaped(meta.title || page.url || ""),
    text: `${said}<p>${excerpt(page.excerpt || "")}</p>`,
    score,
    terms,
  };
}

/* A search function for the site at `base` (the site's root address), once Pagefind and the
   spellings table are loaded: query, current -> {items} (null when the reader typed on). */
export async function searcher(base) {
  const loading = import(new URL("pagefind/pagefind.js", base).href).then(async (module) => {
    // noWorker: Pagefind's own worker would be one more script (41 KB) for searches that take
    // milliseconds; in the page, its WebAssembly runs under the page's 'wasm-unsafe-eval'.
    await module.options({ baseUrl: "/", noWorker: true });
    await module.init();
    return module;
  });
  const spellings = fetch(new URL("search/spellings.json", base))
    .then((response) => (response.ok ? response.json() : {}))
    .then((table) => (table && typeof table === "object" && !Array.isArray(table) ? table : {}))
    .catch(() => ({}));
  const [pagefind, table] = await Promise.all([loading, spellings]);
  return (query, current) => search(pagefind, table, query, current);
}
