// PolicySearch search page: plain DOM, no build step. All server text is inserted with
// textContent (never innerHTML), so passages and titles cannot inject markup.
"use strict";

const PAGE_SIZE = 10;
const EXCERPT_CHARS = 600; // longer passages show a window around the first highlight until expanded
const SEARCH_KEYS = ["q", "mode", "body", "party", "type", "from", "to", "offset"];
const KIND_LABELS = { "nämnd": "Nämnd", "förvaltning": "Förvaltning", "party": "Parti", "person": "Person" };
const PARTY_NAMES = {
  S: "Socialdemokraterna", M: "Moderaterna", L: "Liberalerna", C: "Centerpartiet", KD: "Kristdemokraterna",
  V: "Vänsterpartiet", MP: "Miljöpartiet", SD: "Sverigedemokraterna", FI: "Feministiskt initiativ",
};
const FACETS = [
  { key: "body", param: "body", title: "Nämnd eller talare" },
  { key: "party", param: "party", title: "Parti" },
  { key: "documentType", param: "type", title: "Dokumenttyp" },
  { key: "year", param: "year", title: "År" },
];

const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};

// ---------- URL state: the address bar is the single source of truth ----------

function currentState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of [...SEARCH_KEYS, "doc", "passage"]) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

function urlFor(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== null && value !== "" && !(key === "mode" && value === "hybrid")
        && !(key === "offset" && Number(value) === 0)) {
      params.set(key, value);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Moves to a new URL; memo (kept in history, not in the URL) carries the opened hit's highlights. */
function navigate(state, memo = null) {
  history.pushState(memo, "", urlFor(state));
  render();
}

function searchStateOnly(state) {
  const result = {};
  for (const key of SEARCH_KEYS) if (state[key]) result[key] = state[key];
  return result;
}

// ---------- API ----------

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    const message = body && (body.detail || firstValidationError(body) || body.title);
    const error = new Error(message || `Servern svarade ${response.status}.`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function firstValidationError(problem) {
  if (!problem || !problem.errors) return null;
  const messages = Object.values(problem.errors).flat();
  return messages.length ? messages.join(" ") : null;
}

// ---------- Rendering helpers ----------

/** Appends text to parent with the given [start, end) ranges wrapped in <mark>. */
function appendHighlighted(parent, text, highlights) {
  const ranges = (highlights || [])
    .map((h) => ({ start: Math.max(0, h.start | 0), end: Math.min(text.length, h.end | 0) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const range of ranges) {
    if (range.end <= cursor) continue;
    const start = Math.max(range.start, cursor);
    if (start > cursor) parent.append(document.createTextNode(text.slice(cursor, start)));
    parent.append(el("mark", null, text.slice(start, range.end)));
    cursor = range.end;
  }
  if (cursor < text.length) parent.append(document.createTextNode(text.slice(cursor)));
}

/** Where to cut a long passage: a word-aligned window that starts a little before the first highlight. */
function excerptWindow(text, highlights) {
  if (text.length <= EXCERPT_CHARS * 1.25) return null;
  const first = highlights.length ? Math.min(...highlights.map((h) => h.start)) : 0;
  let start = Math.max(0, first - 150);
  if (start > 0) {
    // Prefer to start at a line or sentence start, else at a word.
    const line = text.lastIndexOf("\n", first);
    const sentence = text.lastIndexOf(". ", first);
    const space = text.indexOf(" ", start);
    if (line >= first - 300 && line >= 0) start = line + 1;
    else if (sentence >= first - 300 && sentence >= 0) start = sentence + 2;
    else if (space >= 0 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + EXCERPT_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return { start, end };
}

function renderPassageText(target, hit, full = false) {
  const highlights = hit.highlights || [];
  const cut = full ? null : excerptWindow(hit.text, highlights);
  target.replaceChildren();
  if (!cut) {
    appendHighlighted(target, hit.text, highlights);
    return;
  }
  if (cut.start > 0) target.append("… ");
  const shifted = highlights.map((h) => ({ start: h.start - cut.start, end: h.end - cut.start }));
  appendHighlighted(target, hit.text.slice(cut.start, cut.end), shifted);
  if (cut.end < hit.text.length) target.append(" …");
  const more = el("button", "link-button", "Visa hela stycket");
  more.type = "button";
  more.addEventListener("click", () => {
    renderPassageText(target, hit, true);
    target.focus();
  });
  target.append(" ", more);
}

function formatSpeaker(container, speaker) {
  const kind = container.querySelector(".speaker__kind");
  const name = container.querySelector(".speaker__name");
  const party = container.querySelector(".speaker__party");
  kind.textContent = KIND_LABELS[speaker.kind] || speaker.kind;
  name.textContent = speaker.name;
  // A joint voice ("Moderaterna och Liberalerna") carries several parties: "M,L".
  const parties = (speaker.party || "").split(",").map((p) => p.trim()).filter(Boolean);
  if (parties.length && speaker.party !== speaker.name) {
    party.textContent = parties.join(" + ");
    party.hidden = false;
  }
  const colored = container.closest(".card, .passage") || container;
  colored.dataset.kind = speaker.kind;
  if (parties.length) colored.dataset.party = parties[0].toUpperCase();
}

function metaParts(hit) {
  const parts = [];
  if (hit.documentType) parts.push(capitalize(hit.documentType));
  if (hit.dnr) parts.push(`Dnr ${hit.dnr}`);
  if (hit.date) parts.push(hit.date);
  if (hit.page) parts.push(`s. ${hit.page}`);
  if (hit.section) parts.push(`Avsnitt: ${hit.section}`);
  return parts;
}

const capitalize = (text) => text ? text.charAt(0).toUpperCase() + text.slice(1) : text;

function documentUrl(hit, searchState) {
  return urlFor({ ...searchStateOnly(searchState), doc: hit.documentId, passage: hit.passageId });
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on another host has no Clipboard API; fall back to a selected textarea.
  const area = el("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** "Kopiera citat": copies the quoted passage with its citation and says so in the status element. */
function wireCopy(button, status, hit) {
  button.addEventListener("click", async () => {
    try {
      await copyText(quoteOf(hit));
      status.textContent = "Citatet är kopierat";
    } catch {
      status.textContent = "Kunde inte kopiera – markera texten och kopiera den själv";
    }
    setTimeout(() => { status.textContent = ""; }, 3000);
  });
}

const quoteOf = (hit) => `”${hit.text.trim()}” (${hit.citation})`;

function renderHit(hit, searchState, options = {}) {
  const item = $("hit-template").content.firstElementChild.cloneNode(true);
  item.id = options.idPrefix ? `${options.idPrefix}${hit.passageId}` : `hit-${hit.passageId}`;
  formatSpeaker(item.querySelector(".card__speaker"), hit.speaker);
  renderPassageText(item.querySelector(".card__text"), hit);

  const title = item.querySelector(".card__title");
  title.textContent = hit.documentTitle;
  title.href = documentUrl(hit, searchState);
  title.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate({ ...searchStateOnly(searchState), doc: hit.documentId, passage: hit.passageId },
      { passage: hit.passageId, highlights: hit.highlights });
  });
  item.querySelector(".card__meta").textContent = metaParts(hit).join(" · ");

  wireCopy(item.querySelector(".js-copy"), item.querySelector(".card__copied"), hit);

  const similarButton = item.querySelector(".js-similar");
  if (options.withoutSimilar) similarButton.remove();
  else similarButton.addEventListener("click", () => toggleSimilar(similarButton, item.querySelector(".similar"), hit.passageId, searchState));
  return item;
}

async function toggleSimilar(button, panel, passageId, searchState) {
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", String(!open));
  panel.hidden = open;
  if (open || panel.dataset.loaded) return;
  panel.replaceChildren(el("p", "similar__status", "Letar efter liknande stycken …"));
  try {
    const data = await getJson(`api/passages/${encodeURIComponent(passageId)}/similar?top=5`);
    panel.dataset.loaded = "true";
    const list = el("ol", "hits hits--nested");
    // Similar passages share meaning, not the query's words, so they are shown without highlights.
    for (const hit of data.hits) {
      list.append(renderHit({ ...hit, highlights: [] }, searchState, { idPrefix: `similar-${passageId}-`, withoutSimilar: true }));
    }
    panel.replaceChildren(el("h3", "similar__title", "Liknande stycken"));
    panel.append(data.hits.length ? list : el("p", "similar__status", "Inga liknande stycken hittades."));
  } catch (error) {
    panel.replaceChildren(el("p", "similar__status", error.message));
  }
}

// ---------- Search view ----------

let searchSequence = 0;

async function renderSearch(state) {
  showView("results-view");
  document.title = `${state.q} – PolicySearch`;
  const sequence = ++searchSequence;
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (state[key]) params.set(key, state[key]);
  params.set("top", String(PAGE_SIZE));

  $("results-count").textContent = "Söker …";
  $("results-error").hidden = true;
  document.querySelector(".results").setAttribute("aria-busy", "true");
  try {
    const data = await getJson(`api/search?${params}`);
    if (sequence !== searchSequence) return;
    renderResults(data, state);
  } catch (error) {
    if (sequence !== searchSequence) return;
    $("hits").replaceChildren();
    $("facets").replaceChildren();
    $("pager").hidden = true;
    $("interpretation").hidden = true;
    $("results-count").textContent = "";
    $("results-error").textContent = error.message;
    $("results-error").hidden = false;
  } finally {
    if (sequence === searchSequence) document.querySelector(".results").removeAttribute("aria-busy");
  }
}

function renderResults(data, state) {
  renderInterpretation(data.interpretation);
  const offset = Number(state.offset || 0);
  const shown = data.hits.length;
  $("results-count").textContent = data.total === 0
    ? "Inga träffar. Prova andra ord, ett annat sökläge eller färre filter."
    : `${data.total} ${data.total === 1 ? "träff" : "träffar"}${shown ? ` · visar ${offset + 1}–${offset + shown}` : ""} · ${Number(data.tookMs).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} ms`;

  const list = $("hits");
  list.replaceChildren(...data.hits.map((hit) => renderHit(hit, state)));
  list.start = offset + 1;

  renderFacets(data.facets, state);
  renderPager(data.total, offset, state);
}

function renderInterpretation(interpretation) {
  const target = $("interpretation");
  target.replaceChildren();
  if (!interpretation || (!interpretation.speaker && !(interpretation.expansions || []).length)) {
    target.hidden = true;
    return;
  }
  if (interpretation.speaker) {
    target.append("Visar vad ", el("strong", null, interpretation.speaker.name), " sagt om ", el("strong", null, interpretation.topic || "…"));
  } else {
    target.append("Visar stycken om ", el("strong", null, interpretation.topic));
  }
  const expansions = interpretation.expansions || [];
  if (expansions.length) target.append(el("span", "interpretation__expansions", ` · söker även på ${expansions.join(", ")}`));
  target.hidden = false;
}

function yearOf(state) {
  const from = /^(\d{4})-01-01$/.exec(state.from || "");
  const to = /^(\d{4})-12-31$/.exec(state.to || "");
  return from && to && from[1] === to[1] ? from[1] : null;
}

function withFilter(state, param, value) {
  const next = { ...searchStateOnly(state) };
  delete next.offset;
  if (param === "year") {
    if (value) { next.from = `${value}-01-01`; next.to = `${value}-12-31`; } else { delete next.from; delete next.to; }
  } else if (value) {
    next[param] = value;
  } else {
    delete next[param];
  }
  return next;
}

function renderFacets(facets, state) {
  const active = $("active-filters");
  active.replaceChildren();
  const activeValues = { body: state.body, party: state.party, type: state.type, year: yearOf(state) };
  const filterLabels = { body: "Talare", party: "Parti", type: "Typ", year: "År" };
  for (const [param, value] of Object.entries(activeValues)) {
    if (!value) continue;
    const chip = el("button", "chip");
    chip.type = "button";
    chip.setAttribute("aria-label", `Ta bort filtret ${filterLabels[param]}: ${value}`);
    const shown = param === "party" ? facetLabel("party", value) : param === "type" ? facetLabel("documentType", value) : value;
    chip.append(el("span", "chip__label", `${filterLabels[param]}: `), shown, el("span", "chip__remove", " ×"));
    chip.addEventListener("click", () => navigate(withFilter(state, param, null)));
    active.append(chip);
  }
  if (!activeValues.year && (state.from || state.to)) {
    const chip = el("button", "chip", `Datum: ${state.from || "…"} – ${state.to || "…"} ×`);
    chip.type = "button";
    chip.addEventListener("click", () => navigate(withFilter(state, "year", null)));
    active.append(chip);
  }

  const container = $("facets");
  container.replaceChildren();
  for (const facet of FACETS) {
    const values = (facets && facets[facet.key]) || [];
    if (!values.length) continue;
    const group = el("section", "facet");
    group.append(el("h3", "facet__title", facet.title));
    const list = el("ul", "facet__list");
    for (const { value, count } of values.slice(0, 12)) {
      const pressed = activeValues[facet.param] === value;
      const button = el("button", "facet__value");
      button.type = "button";
      button.dataset.facet = facet.key;
      button.setAttribute("aria-pressed", String(pressed));
      button.append(el("span", "facet__label", facetLabel(facet.key, value)), el("span", "facet__count", count));
      button.addEventListener("click", () => navigate(withFilter(state, facet.param, pressed ? null : value)));
      const item = el("li");
      item.append(button);
      list.append(item);
    }
    group.append(list);
    container.append(group);
  }
}

function facetLabel(key, value) {
  if (key === "documentType") return capitalize(value);
  if (key === "party" && PARTY_NAMES[value.toUpperCase()]) return `${PARTY_NAMES[value.toUpperCase()]} (${value})`;
  return value;
}

function renderPager(total, offset, state) {
  const pager = $("pager");
  pager.hidden = total <= PAGE_SIZE;
  $("pager-info").textContent = `Sida ${Math.floor(offset / PAGE_SIZE) + 1} av ${Math.ceil(total / PAGE_SIZE)}`;
  const prev = $("pager-prev");
  const next = $("pager-next");
  prev.disabled = offset <= 0;
  next.disabled = offset + PAGE_SIZE >= total;
  prev.onclick = () => navigate({ ...searchStateOnly(state), offset: String(Math.max(0, offset - PAGE_SIZE)) });
  next.onclick = () => navigate({ ...searchStateOnly(state), offset: String(offset + PAGE_SIZE) });
}

// ---------- Document view ----------

async function renderDocument(state) {
  showView("document-view");
  const back = $("document-back");
  const backState = searchStateOnly(state);
  back.href = urlFor(backState);
  back.textContent = backState.q ? "← Tillbaka till sökresultaten" : "← Till sökningen";
  back.onclick = (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(backState);
  };
  $("document-error").hidden = true;
  $("document-title").textContent = "Hämtar dokumentet …";
  $("document-type").textContent = "";
  $("document-meta").replaceChildren();
  $("document-body").replaceChildren();

  let doc;
  try {
    doc = await getJson(`api/documents/${encodeURIComponent(state.doc)}`);
  } catch (error) {
    $("document-title").textContent = "Dokumentet kunde inte visas";
    $("document-error").textContent = error.message;
    $("document-error").hidden = false;
    return;
  }
  document.title = `${doc.title} – PolicySearch`;
  $("document-type").textContent = capitalize(doc.documentType || "Dokument");
  $("document-title").textContent = doc.title;
  const meta = $("document-meta");
  const addMeta = (term, value) => {
    if (!value) return;
    meta.append(el("dt", null, term), el("dd", null, value));
  };
  addMeta("Diarienummer", (doc.dnrs || []).join(", "));
  addMeta("Datum", doc.date);
  addMeta("Nämnd", doc.body);
  addMeta("Förvaltning", doc.administration);
  addMeta("Stycken", String(doc.passages.length));

  const body = $("document-body");
  let section = null;
  let voice = null;
  let page = null;
  let target = null;
  for (const passage of doc.passages) {
    const isTarget = passage.passageId === state.passage;
    if (passage.section && passage.section !== section) {
      section = passage.section;
      body.append(el("h2", "document__section", section));
    }
    const node = el("section", "passage");
    node.id = `p-${passage.passageId}`;
    node.setAttribute("aria-label", `Stycke ${passage.ordinal + 1}`);
    body.append(node);
    // The speaker and page are shown where they change (and on the cited passage), like margin notes.
    const speakerKey = `${passage.speaker.kind}|${passage.speaker.name}|${passage.speaker.party}`;
    if (speakerKey !== voice || passage.page !== page || isTarget) {
      const head = el("p", "passage__head card__speaker");
      head.append(el("span", "speaker__kind"), el("span", "speaker__name"), el("span", "speaker__party"));
      head.querySelector(".speaker__party").hidden = true;
      node.append(head);
      formatSpeaker(head, passage.speaker);
      if (passage.page) head.append(el("span", "passage__page", `s. ${passage.page}`));
      voice = speakerKey;
      page = passage.page;
    }
    const text = el("p", "passage__text");
    const memo = history.state;
    appendHighlighted(text, passage.text, isTarget && memo && memo.passage === passage.passageId ? memo.highlights : []);
    node.append(text);
    if (isTarget) {
      node.classList.add("passage--target");
      node.tabIndex = -1;
      target = node;
    }
  }
  if (target) {
    const tools = el("div", "card__actions");
    const copy = el("button", "button button--small js-copy", "Kopiera citat");
    copy.type = "button";
    const copied = el("span", "card__copied");
    copied.setAttribute("role", "status");
    wireCopy(copy, copied, doc.passages.find((p) => p.passageId === state.passage));
    const button = el("button", "button button--small button--ghost js-similar", "Liknande stycken");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    const panel = el("div", "similar");
    panel.hidden = true;
    button.addEventListener("click", () => toggleSimilar(button, panel, state.passage, backState));
    tools.append(copy, button, copied);
    target.append(tools, panel);
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  } else {
    window.scrollTo(0, 0);
  }
}

// ---------- Home view and index status ----------

async function renderHome() {
  showView("home-view");
  document.title = "PolicySearch – sök i Stockholms stads politiska dokument";
  try {
    const stats = await getJson("api/stats");
    $("home-stats").textContent = `${stats.documents} dokument · ${stats.passages} citerbara stycken`;
  } catch {
    $("home-stats").textContent = "";
  }
}

async function watchIndex() {
  const notice = $("index-notice");
  try {
    const response = await fetch("health", { headers: { Accept: "application/json" } });
    const health = await response.json();
    if (response.ok) {
      if (!notice.hidden) {
        notice.hidden = true;
        render();
      }
      return;
    }
    const progress = health.progress;
    notice.textContent = progress && progress.total
      ? `Indexet byggs: ${progress.done} av ${progress.total} dokument klara. Resultaten kan vara ofullständiga en stund.`
      : "Indexet byggs. Resultaten kan vara ofullständiga en stund.";
    notice.hidden = false;
  } catch {
    notice.textContent = "Tjänsten svarar inte just nu.";
    notice.hidden = false;
  }
  setTimeout(watchIndex, 2000);
}

// ---------- Routing ----------

function showView(id) {
  for (const view of ["home-view", "results-view", "document-view"]) $(view).hidden = view !== id;
}

function syncForm(state) {
  $("q").value = state.q || "";
  const mode = state.mode || "hybrid";
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === mode;
}

function render() {
  const state = currentState();
  syncForm(state);
  if (state.doc) return renderDocument(state);
  if (state.q) return renderSearch(state);
  return renderHome();
}

function submitSearch(event) {
  event.preventDefault();
  const q = $("q").value.trim();
  const mode = document.querySelector('input[name="mode"]:checked').value;
  if (!q) {
    $("q").focus();
    return;
  }
  const state = currentState();
  // A new query starts from the first page; filters stay so a refined question keeps its scope.
  navigate({ ...searchStateOnly(state), q, mode, offset: undefined });
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", submitSearch);
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener("change", () => {
      const state = currentState();
      if (state.q && !state.doc) navigate({ ...searchStateOnly(state), mode: radio.value, offset: undefined });
    });
  }
  document.querySelector('[data-nav="home"]').addEventListener("click", (event) => {
    event.preventDefault();
    navigate({});
  });
  for (const example of document.querySelectorAll(".home__examples a")) {
    example.addEventListener("click", (event) => {
      event.preventDefault();
      navigate(Object.fromEntries(new URLSearchParams(example.search)));
    });
  }
  if (window.matchMedia("(max-width: 48rem)").matches) $("filters-details").open = false;
  window.addEventListener("popstate", render);
  render();
  watchIndex();
});
