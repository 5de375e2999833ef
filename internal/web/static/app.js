// newsgraph web page: a small single-page application over the JSON API (/api/v1/). Every piece of stored
// text reaches the page through textContent or SVG text nodes, never as HTML, so names and quotations that
// contain markup are shown, not run.
"use strict";

const main = document.getElementById("main");
const SVGNS = "http://www.w3.org/2000/svg";

// el builds an element: el("a", {href: "#/"}, "text", child...). Strings become text nodes.
function el(tag, attrs, ...children) {
  const n = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") n.setAttribute("class", v);
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return n;
}

async function api(path, params) {
  const u = new URL("/api/v1/" + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, v);
  const r = await fetch(u, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail || body.title || `${r.status} ${r.statusText}`);
  return body;
}

function render(...nodes) {
  main.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
}

function fail(err) {
  render(el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, String(err.message || err)));
}

const enc = encodeURIComponent;
const entityHref = (key) => "#/entity/" + enc(key);
const docHref = (id, start, end) => "#/doc/" + enc(id) + (start !== undefined ? `?hl=${start}-${end}` : "");

// marked turns a snippet with ⟦matched⟧ words into text and <mark> nodes.
function marked(snippet) {
  const out = [];
  const parts = String(snippet || "").split(/(⟦[^⟧]*⟧)/);
  for (const p of parts) {
    if (p.startsWith("⟦") && p.endsWith("⟧")) out.push(el("mark", {}, p.slice(1, -1)));
    else if (p) out.push(p);
  }
  return out;
}

function quoteItem(q) {
  return el("li", {},
    el("blockquote", {}, q.content && q.content.text ? q.content.text : ""),
    el("div", { class: "meta" },
      q.speaker_key ? el("a", { href: entityHref(q.speaker_key) }, q.speaker_name || q.speaker_key)
        : el("span", {}, q.source && q.source.text ? q.source.text : "unattributed"),
      " ", q.cue && q.cue.text ? `(${q.cue.text})` : "", " · ", el("span", { class: "badge" }, q.kind), " · ",
      el("a", { href: docHref(q.document, q.content.start, q.content.end) }, q.title || "article"),
      q.published ? " · " + q.published.slice(0, 10) : ""));
}

// ---- views ----

let statsCache = null;
async function stats() {
  if (!statsCache) statsCache = await api("stats");
  return statsCache;
}

function emptyState() {
  return el("div", { class: "empty", role: "status" },
    el("h1", {}, "The knowledge base is empty"),
    el("p", {}, "Nothing has been ingested yet. Add articles, then reload this page:"),
    el("pre", {}, el("code", {}, "newsgraph ingest examples/\nnewsgraph serve")),
    el("p", {}, "ingest reads text, HTML, JSON Lines and WARC files and whole directories."));
}

async function home() {
  const s = await stats();
  if (!s.documents) return render(emptyState());
  const ents = await api("entities", { limit: 12 });
  const quotes = await api("quotes", { limit: 5 });
  render(
    el("h1", {}, "Overview"),
    el("p", { class: "muted" }, `${s.documents} articles · ${s.entities} entities · ${s.quotes} quotations · ${s.places} places`),
    el("div", { class: "grid" },
      el("section", { class: "panel", "aria-labelledby": "h-top" }, el("h2", { id: "h-top" }, "Most mentioned"),
        el("ul", { class: "results" }, ents.items.map((e) => el("li", {},
          el("a", { href: entityHref(e.key) }, e.name), " ", el("span", { class: "badge" }, e.type),
          el("span", { class: "meta" }, ` ${e.documents} articles`))))),
      el("section", { class: "panel", "aria-labelledby": "h-q" }, el("h2", { id: "h-q" }, "Latest quotations"),
        el("ul", { class: "results" }, quotes.items.map(quoteItem)))));
}

async function search(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  if (!q.trim()) return render(el("h1", {}, "Search"), el("p", { class: "muted" }, "Type words above; use \"quoted phrases\", prefix* and OR."));
  const [arts, quotes] = await Promise.all([api("search", { q, in: "articles", limit: 20 }), api("search", { q, in: "quotes", limit: 20 })]);
  render(
    el("h1", {}, "Search: ", q),
    el("div", { class: "grid" },
      el("section", { "aria-labelledby": "h-a" }, el("h2", { id: "h-a" }, `Articles (${arts.items.length}${arts.next ? "+" : ""})`),
        arts.items.length ? el("ul", { class: "results", id: "article-results" }, arts.items.map((h) => el("li", {},
          el("a", { href: docHref(h.document) }, h.title || h.document), el("div", {}, marked(h.snippet)),
          el("div", { class: "meta" }, h.published ? h.published.slice(0, 10) : "")))) : el("p", { class: "muted" }, "No article matches.")),
      el("section", { "aria-labelledby": "h-qs" }, el("h2", { id: "h-qs" }, `Quotations (${quotes.items.length}${quotes.next ? "+" : ""})`),
        quotes.items.length ? el("ul", { class: "results", id: "quote-results" }, quotes.items.map((h) => {
          const li = h.quote ? quoteItem(h.quote) : el("li", {});
          li.prepend(el("div", {}, marked(h.snippet)));
          const bq = li.querySelector("blockquote");
          if (bq) bq.remove();
          return li;
        })) : el("p", { class: "muted" }, "No quotation matches."))));
}

async function entities(params) {
  const type = params.get("type") || "";
  const res = await api("entities", { type, q: params.get("q") || "", limit: 100 });
  const sel = el("select", { id: "etype", name: "type", onchange: (e) => { location.hash = "#/entities" + (e.target.value ? "?type=" + e.target.value : ""); } },
    ["", "PERSON", "ORG", "LOC", "MISC"].map((t) => el("option", { value: t, selected: t === type }, t || "all types")));
  render(el("h1", {}, "Entities"),
    el("form", { class: "filters", onsubmit: (e) => e.preventDefault() }, el("label", { for: "etype" }, "Type", sel)),
    el("table", {}, el("caption", { class: "sr-only" }, "Entities by mentions"),
      el("thead", {}, el("tr", {}, ["Name", "Type", "Titles", "Country", "Articles", "Quotes"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, res.items.map((e) => el("tr", {},
        el("td", {}, el("a", { href: entityHref(e.key) }, e.name)), el("td", {}, e.type),
        el("td", {}, (e.titles || []).map((t) => t.value).join(", ")), el("td", {}, (e.countries || []).map((t) => t.value).join(", ")),
        el("td", {}, e.documents), el("td", {}, e.quotes))))));
}

// barChart draws counts per day, or per week when the range is long.
function barChart(days, label) {
  if (!days.length) return el("p", { class: "muted" }, "No dated mentions.");
  let buckets = days.map((d) => ({ k: d.day, n: d.n }));
  const first = new Date(days[0].day), last = new Date(days[days.length - 1].day);
  if ((last - first) / 864e5 > 90) {
    const m = new Map();
    for (const d of days) { const k = d.day.slice(0, 7); m.set(k, (m.get(k) || 0) + d.n); }
    buckets = [...m].map(([k, n]) => ({ k, n }));
  }
  const W = 600, H = 120, pad = 18, max = Math.max(...buckets.map((b) => b.n));
  const bw = (W - 2 * pad) / buckets.length;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": label });
  buckets.forEach((b, i) => {
    const h = ((H - 2 * pad) * b.n) / max;
    svg.append(el("svg:rect", { x: pad + i * bw + 1, y: H - pad - h, width: Math.max(1, bw - 2), height: h }, el("svg:title", {}, `${b.k}: ${b.n}`)));
  });
  svg.append(el("svg:text", { x: pad, y: H - 4 }, buckets[0].k), el("svg:text", { x: W - pad, y: H - 4, "text-anchor": "end" }, buckets[buckets.length - 1].k),
    el("svg:text", { x: pad, y: 12 }, `max ${max}`));
  return svg;
}

async function entity(key) {
  const [p, m] = await Promise.all([api("entities/" + enc(key)), api("entities/" + enc(key) + "/mentions").catch(() => ({ items: [] }))]);
  const vals = (xs) => (xs || []).map((x) => x.value);
  const aliases = vals(p.names).filter((n) => n !== p.name);
  render(
    el("h1", {}, p.name, " ", el("span", { class: "badge" }, p.type)),
    el("div", { class: "grid" },
      el("section", { class: "panel", "aria-labelledby": "h-f" }, el("h2", { id: "h-f" }, "Facts"),
        el("dl", { class: "facts" },
          el("dt", {}, "Key"), el("dd", {}, el("code", {}, p.key)),
          el("dt", {}, "Titles"), el("dd", {}, vals(p.titles).join(", ") || "—"),
          el("dt", {}, "Country"), el("dd", {}, vals(p.countries).join(", ") || (p.place && p.place.country) || "—"),
          el("dt", {}, "Organization"), el("dd", {}, vals(p.orgs).join(", ") || "—"),
          el("dt", {}, "Also called"), el("dd", {}, aliases.join(", ") || "—"),
          el("dt", {}, "First seen"), el("dd", {}, (p.first_seen || "—").slice(0, 10)),
          el("dt", {}, "Last seen"), el("dd", {}, (p.last_seen || "—").slice(0, 10)),
          el("dt", {}, "Mentions"), el("dd", {}, `${p.mentions} in ${p.documents} articles; ${p.quotes} quotations`),
          p.place ? [el("dt", {}, "Place"), el("dd", {}, `${p.place.name} (${p.place.feature || ""} ${p.place.country || ""}) ${p.place.lat.toFixed(3)}, ${p.place.lon.toFixed(3)}`)] : null),
        el("p", {}, el("a", { href: "#/timeline?entity=" + enc(p.key) }, "Timeline"), " · ",
          el("a", { href: "#/network?entity=" + enc(p.key) }, "Network"), " · ",
          el("a", { href: "#/map?entity=" + enc(p.key) }, "Map"), " · ",
          el("a", { href: "#/quotes?speaker=" + enc(p.key) }, "All quotations"))),
      el("section", { class: "panel", "aria-labelledby": "h-c" }, el("h2", { id: "h-c" }, "Mentions over time"), barChart(m.items || [], `Articles mentioning ${p.name} over time`),
        el("h2", {}, "Appears with"),
        (p.co_occurring || []).length ? el("ul", { class: "results", id: "co-occurring" }, p.co_occurring.map((c) => el("li", {},
          el("a", { href: entityHref(c.key) }, c.name), " ", el("span", { class: "badge" }, c.type), el("span", { class: "meta" }, ` ${c.documents} shared articles`))))
          : el("p", { class: "muted" }, "No other entity yet."))),
    el("section", { "aria-labelledby": "h-lq" }, el("h2", { id: "h-lq" }, "Latest quotations"),
      (p.latest_quotes || []).length ? el("ul", { class: "results", id: "entity-quotes" }, p.latest_quotes.map(quoteItem)) : el("p", { class: "muted" }, "No quotation attributed.")),
    el("section", { "aria-labelledby": "h-ld" }, el("h2", { id: "h-ld" }, "Latest articles"),
      el("ul", { class: "results" }, (p.latest_documents || []).map((d) => el("li", {}, el("a", { href: docHref(d.id) }, d.title || d.id),
        el("span", { class: "meta" }, d.published ? " · " + d.published.slice(0, 10) : ""))))));
}

async function quotes(params) {
  const f = { speaker: params.get("speaker") || "", about: params.get("about") || "", since: params.get("since") || "", until: params.get("until") || "" };
  const res = await api("quotes", { ...f, limit: 50 });
  const input = (name, label, type) => el("label", { for: "f-" + name }, label, el("input", { id: "f-" + name, name, type: type || "text", value: f[name] }));
  const form = el("form", { class: "filters", id: "quote-filters", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(e.target)) if (v) p.set(k, v);
    location.hash = "#/quotes?" + p;
  } }, input("speaker", "Speaker"), input("about", "About (words)"), input("since", "Since", "date"), input("until", "Until", "date"), el("button", { type: "submit" }, "Filter"));
  render(el("h1", {}, "Quotations"), form,
    res.items.length ? el("ul", { class: "results", id: "quote-list" }, res.items.map(quoteItem)) : el("p", { class: "muted" }, "No quotation matches these filters."));
}

async function timeline(params) {
  const f = { entity: params.get("entity") || "", about: params.get("about") || "" };
  const res = await api("timeline", { ...f, limit: 100 });
  const byDay = new Map();
  for (const it of res.items) { if (!byDay.has(it.date)) byDay.set(it.date, []); byDay.get(it.date).push(it); }
  const form = el("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(e.target)) if (v) p.set(k, v);
    location.hash = "#/timeline?" + p;
  } }, el("label", { for: "t-entity" }, "Entity", el("input", { id: "t-entity", name: "entity", value: f.entity })),
    el("label", { for: "t-about" }, "About", el("input", { id: "t-about", name: "about", value: f.about })), el("button", { type: "submit" }, "Show"));
  render(el("h1", {}, "Timeline"), form,
    byDay.size ? el("ol", { class: "timeline", id: "timeline" }, [...byDay].map(([day, items]) => el("li", {},
      el("div", { class: "date" }, day),
      el("ul", { class: "results" }, items.map((it) => el("li", {}, el("span", { class: "badge" }, it.kind), " ",
        it.kind === "quote" ? [el("q", {}, it.text), it.speaker ? " — " + it.speaker : ""] : it.text, " ",
        el("a", { href: docHref(it.document) }, it.title || "article")))))))
      : el("p", { class: "muted" }, "Nothing dated matches."));
}

// ---- network ----

async function network(params) {
  const ent = params.get("entity") || "";
  const g = await api("graph", { nodes: 200, entity: ent });
  const head = [el("h1", {}, ent ? "Network around " + ent : "Network of people and organizations"),
    el("div", { class: "legend", "aria-hidden": "true" }, el("span", { class: "PERSON" }, "person"), el("span", { class: "ORG" }, "organization"),
      el("span", { class: "co" }, "in the same articles"), el("span", { class: "qe" }, "quoted about"))];
  if (!g.nodes.length) return render(head, el("p", { class: "muted" }, "No people or organizations yet."));
  const W = 900, H = 640;
  const nodes = g.nodes.map((n) => ({ ...n, id: n.key }));
  const byKey = new Map(nodes.map((n) => [n.id, n]));
  const links = g.edges.filter((e) => byKey.has(e.source) && byKey.has(e.target)).map((e) => ({ ...e }));
  const maxDocs = Math.max(...nodes.map((n) => n.documents));
  const radius = (n) => 3 + 9 * Math.sqrt(n.documents / maxDocs);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90).strength((l) => Math.min(0.7, 0.03 + l.weight / 20)))
    .force("charge", d3.forceManyBody().strength(-260).distanceMax(400))
    .force("collide", d3.forceCollide().radius((d) => radius(d) + 12))
    .force("x", d3.forceX(W / 2).strength(0.06)).force("y", d3.forceY(H / 2).strength(0.08))
    .stop();
  sim.tick(300); // lay out once, then draw: steady and fast for a few hundred nodes
  // Fit the drawing to the laid-out nodes, leaving room for labels on the right.
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const x0 = Math.min(...xs) - 24, y0 = Math.min(...ys) - 24;
  const vw = Math.max(200, Math.max(...xs) - x0 + 140), vh = Math.max(150, Math.max(...ys) - y0 + 24);
  const svg = el("svg:svg", { viewBox: `${x0} ${y0} ${vw} ${vh}`, class: "net viz", id: "network", role: "group", "aria-label": `Network of ${nodes.length} entities` });
  const maxW = Math.max(...links.map((l) => l.weight), 1);
  for (const l of links) svg.append(el("svg:line", { class: l.kind, x1: l.source.x, y1: l.source.y, x2: l.target.x, y2: l.target.y, "stroke-width": 0.6 + 3 * (l.weight / maxW) }));
  const labelled = new Set([...nodes].sort((a, b) => b.documents - a.documents).slice(0, 40).map((n) => n.id));
  for (const n of nodes) {
    const open = () => { location.hash = entityHref(n.key); };
    const g = el("svg:g", { class: "node", tabindex: 0, role: "link", "aria-label": `${n.name}, ${n.type}, ${n.documents} articles`,
      onclick: open, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } } },
    el("svg:circle", { class: n.type, cx: n.x, cy: n.y, r: radius(n) }, el("svg:title", {}, `${n.name} (${n.documents} articles)`)));
    if (labelled.has(n.id)) g.append(el("svg:text", { x: n.x + radius(n) + 2, y: n.y + 4 }, n.name));
    svg.append(g);
  }
  render(head, svg, el("p", { class: "meta" }, `${nodes.length} nodes, ${links.length} edges. Select a node (Tab, Enter) to open it.`));
}

// ---- map ----

let worldCache = null;
async function world() {
  if (!worldCache) worldCache = fetch("vendor/countries-50m.json").then((r) => r.json());
  return worldCache;
}

async function map(params) {
  const ent = params.get("entity") || "";
  const [topo, res] = await Promise.all([world(), api("places", { entity: ent, limit: 500 })]);
  const W = 960, H = 500;
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "map viz", id: "map", role: "group", "aria-label": `Map of ${res.items.length} places` });
  svg.append(el("svg:path", { class: "sphere", d: path({ type: "Sphere" }) }));
  const countries = topojson.feature(topo, topo.objects.countries);
  for (const f of countries.features) svg.append(el("svg:path", { class: "country", d: path(f) }, el("svg:title", {}, f.properties.name)));
  const max = Math.max(1, ...res.items.map((p) => p.documents));
  for (const p of [...res.items].reverse()) { // biggest drawn last, on top
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const open = () => { location.hash = p.key ? entityHref(p.key) : "#/search?q=" + enc(p.name); };
    svg.append(el("svg:g", { class: "marker", tabindex: 0, role: "link", "aria-label": `${p.name}, ${p.documents} articles`,
      onclick: open, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } } },
    el("svg:circle", { cx: xy[0], cy: xy[1], r: 3 + 12 * Math.sqrt(p.documents / max) }, el("svg:title", {}, `${p.name} (${p.country || ""}): ${p.documents} articles`))));
  }
  render(el("h1", {}, ent ? "Places in articles about " + ent : "Places"), svg,
    res.items.length ? el("details", {}, el("summary", {}, "Places as a list"), el("ul", {}, res.items.map((p) => el("li", {},
      p.key ? el("a", { href: entityHref(p.key) }, p.name) : p.name, ` (${p.feature || "?"}, ${p.country || "?"}) — ${p.documents} articles`))))
      : el("p", { class: "muted" }, "No resolved places yet."));
}

// ---- article ----

// annotate splits text (an array of code points) at every span boundary and wraps each piece in the
// classes of the spans that cover it.
function annotate(cps, spans) {
  const cuts = new Set([0, cps.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(cps.length, s.start))); cuts.add(Math.max(0, Math.min(cps.length, s.end))); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const txt = cps.slice(a, b).join("");
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { out.push(txt); continue; }
    const node = el("span", { class: on.map((s) => s.cls).join(" "), title: on.map((s) => s.title).filter(Boolean).join(" · ") || null }, txt);
    out.push(node);
  }
  return out;
}

async function article(id, params) {
  const d = await api("documents/" + enc(id));
  const cps = Array.from(d.text || "");
  const spans = [];
  for (const e of d.entities || []) for (const m of e.mentions || []) spans.push({ start: m.start, end: m.end, cls: "ent " + e.type, title: `${e.name} (${e.type}${m.kind && m.kind !== "name" ? ", " + m.kind : ""})` });
  for (const q of d.quotes || []) spans.push({ start: q.content.start, end: q.content.end, cls: "quote", title: "quotation" + (q.source ? " — " + q.source.text : "") });
  for (const t of d.times || []) spans.push({ start: t.start, end: t.end, cls: "time", title: `${t.type} ${t.value}` });
  const hl = (params.get("hl") || "").split("-").map(Number);
  if (hl.length === 2 && hl.every(Number.isFinite)) spans.push({ start: hl[0], end: hl[1], cls: "hl", title: "linked quotation" });
  const body = el("div", { class: "article", id: "article-text" }, annotate(cps, spans));
  render(
    el("h1", {}, d.title || "Article"),
    el("p", { class: "meta" }, [d.published ? d.published : "undated", d.url ? " · " : "", d.url ? el("a", { href: d.url, rel: "noopener noreferrer" }, d.url) : "", " · language ", d.language]),
    el("div", { class: "keys", "aria-hidden": "true" }, el("span", { class: "k ent PERSON" }, "person"), el("span", { class: "k ent ORG" }, "organization"),
      el("span", { class: "k ent LOC" }, "place"), el("span", { class: "k quote" }, "quotation"), el("span", { class: "k time" }, "time")),
    body,
    el("h2", {}, "Entities"),
    el("ul", {}, (d.entities || []).map((e) => el("li", {}, el("a", { href: entityHref(e.key) }, e.name), " ", el("span", { class: "badge" }, e.type),
      e.titles && e.titles.length ? " — " + e.titles.join(", ") : "", e.country ? ` (${e.country})` : ""))),
    el("details", { class: "removed" }, el("summary", {}, `What cleaning removed (${(d.removed || []).length})`),
      el("ul", {}, (d.removed || []).map((r) => el("li", {}, el("code", {}, r))))),
    (d.warnings || []).length ? el("details", {}, el("summary", {}, "Warnings"), el("ul", {}, d.warnings.map((w) => el("li", {}, w)))) : null);
  const target = body.querySelector(".hl");
  if (target) target.scrollIntoView({ block: "center" });
}

// ---- router ----

const routes = [
  [/^\/?$/, () => home()],
  [/^\/search$/, (m, p) => search(p)],
  [/^\/entities$/, (m, p) => entities(p)],
  [/^\/entity\/(.+)$/, (m) => entity(decodeURIComponent(m[1]))],
  [/^\/quotes$/, (m, p) => quotes(p)],
  [/^\/timeline$/, (m, p) => timeline(p)],
  [/^\/network$/, (m, p) => network(p)],
  [/^\/map$/, (m, p) => map(p)],
  [/^\/doc\/(.+)$/, (m, p) => article(decodeURIComponent(m[1]), p)],
];

async function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  const params = new URLSearchParams(query || "");
  for (const a of document.querySelectorAll("nav a")) a.toggleAttribute("aria-current", a.getAttribute("href") === "#" + path);
  for (const a of document.querySelectorAll("nav a[aria-current]")) a.setAttribute("aria-current", "page");
  main.setAttribute("aria-busy", "true");
  try {
    const s = await stats();
    document.getElementById("stats").textContent = `${s.documents} articles · ${s.entities} entities · ${s.quotes} quotations`;
    const r = routes.find(([re]) => re.test(path));
    if (!r) render(el("h1", {}, "Not found"), el("p", {}, el("a", { href: "#/" }, "Back to the overview")));
    else if (!s.documents && path !== "/") render(emptyState());
    else await r[1](path.match(r[0]), params);
  } catch (err) {
    fail(err);
  } finally {
    main.removeAttribute("aria-busy");
    main.dataset.view = path;
  }
}

document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = document.getElementById("q").value.trim();
  location.hash = "#/search?q=" + enc(q);
});
window.addEventListener("hashchange", () => { route().then(() => main.focus({ preventScroll: true })); });
route();
