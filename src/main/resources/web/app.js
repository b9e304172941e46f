// zoomdex search page. Plain script, no build step. Every piece of indexed content is put into the
// page as text (textContent, text nodes); highlights are <mark> elements built from the ranges the
// API returns, so nothing from Zoom is ever parsed as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "zoomdex.token";
  const DEMO_KEY = "zoomdex.demoAs";
  const PAGE_SIZE = 10;
  const TYPE_LABELS = {
    meeting: "Meeting",
    webinar: "Webinar",
    past_meeting: "Past meeting",
    past_webinar: "Past webinar",
    summary: "Summary",
    transcript: "Transcript",
  };

  const el = (id) => document.getElementById(id);
  const state = { q: "", mode: "hybrid", type: "", host: "", month: "", offset: 0 };
  let demo = { enabled: false, people: [] };
  let searchSeq = 0;

  class ApiFailure extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function authHeaders() {
    const headers = { Accept: "application/json" };
    if (demo.enabled) {
      const person = sessionStorage.getItem(DEMO_KEY);
      if (person) headers["X-Zoomdex-Demo-As"] = person;
    }
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token && !headers["X-Zoomdex-Demo-As"]) headers.Authorization = "Bearer " + token;
    return headers;
  }

  async function api(path) {
    let response;
    try {
      response = await fetch(path, { headers: authHeaders(), cache: "no-store" });
    } catch (e) {
      throw new ApiFailure(0, "The server could not be reached; check your connection and try again.");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === "string" ? body.error : "The server answered " + response.status + ".";
      throw new ApiFailure(response.status, message);
    }
    return body;
  }

  function show(id, visible) {
    el(id).hidden = !visible;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- signing in ----

  function showSignIn(message) {
    show("loading", false);
    show("search", false);
    show("signed-in", false);
    show("sign-out", false);
    show("sign-in", true);
    const error = el("sign-in-error");
    error.textContent = message || "";
    error.hidden = !message;
    el("token").focus();
  }

  function showSignedIn(me) {
    show("loading", false);
    show("sign-in", false);
    el("who-email").textContent = me.email + (me.via === "demo" ? " (demo)" : "");
    show("signed-in", true);
    show("sign-out", me.via === "token" && !demo.enabled);
    show("search", true);
    runSearch();
  }

  async function checkIdentity() {
    try {
      showSignedIn(await api("/api/me"));
    } catch (e) {
      if (e.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      showSignIn(e.message);
    }
  }

  el("sign-in-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = el("token").value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    el("token").value = "";
    try {
      showSignedIn(await api("/api/me"));
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn(e.message);
    }
  });

  el("sign-out").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    clear(el("results"));
    showSignIn("");
  });

  // ---- demo person picker (demo mode only) ----

  function setUpDemo() {
    const select = el("demo-person");
    clear(select);
    for (const person of demo.people) {
      const option = make("option", null, person);
      option.value = person;
      select.appendChild(option);
    }
    let chosen = sessionStorage.getItem(DEMO_KEY);
    if (!demo.people.includes(chosen)) chosen = demo.people[0];
    sessionStorage.setItem(DEMO_KEY, chosen);
    select.value = chosen;
    show("demo-picker", true);
    select.addEventListener("change", () => {
      sessionStorage.setItem(DEMO_KEY, select.value);
      state.offset = 0;
      checkIdentity();
    });
  }

  // ---- searching ----

  function monthRange(month) {
    const [year, mon] = month.split("-").map(Number);
    const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
    return [month + "-01", month + "-" + String(last).padStart(2, "0")];
  }

  function searchParams() {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.mode !== "hybrid") params.set("mode", state.mode);
    if (state.type) params.set("type", state.type);
    if (state.host) params.set("host", state.host);
    if (state.month) {
      const [from, to] = monthRange(state.month);
      params.set("from", from);
      params.set("to", to);
    }
    params.set("limit", String(PAGE_SIZE));
    params.set("offset", String(state.offset));
    return params;
  }

  function saveStateInUrl() {
    const params = new URLSearchParams();
    for (const key of ["q", "type", "host", "month"]) if (state[key]) params.set(key, state[key]);
    if (state.mode !== "hybrid") params.set("mode", state.mode);
    if (state.offset) params.set("offset", String(state.offset));
    const hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname);
  }

  function loadStateFromUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    state.q = params.get("q") || "";
    state.mode = ["keyword", "semantic"].includes(params.get("mode")) ? params.get("mode") : "hybrid";
    el("mode").value = state.mode;
    state.type = params.get("type") || "";
    state.host = params.get("host") || "";
    state.month = /^\d{4}-\d{2}$/.test(params.get("month") || "") ? params.get("month") : "";
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    el("q").value = state.q;
  }

  async function runSearch() {
    const seq = ++searchSeq;
    saveStateInUrl();
    renderFilters();
    el("status").textContent = "Searching…";
    show("error", false);
    try {
      const results = await api("/api/search?" + searchParams().toString());
      if (seq !== searchSeq) return; // a newer search has started
      render(results);
    } catch (e) {
      if (seq !== searchSeq) return;
      if (e.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        showSignIn(e.message);
        return;
      }
      el("status").textContent = "";
      clear(el("results"));
      clear(el("pager"));
      el("error").textContent = e.message;
      show("error", true);
    }
  }

  el("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = el("q").value.trim();
    state.mode = el("mode").value;
    state.offset = 0;
    runSearch();
  });

  el("mode").addEventListener("change", () => {
    state.mode = el("mode").value;
    state.offset = 0;
    if (state.q) runSearch();
  });

  // ---- rendering ----

  function render(results) {
    const list = el("results");
    clear(list);
    const total = results.total;
    if (total === 0) {
      const empty = make("li", "empty");
      empty.textContent = state.q
        ? "Nothing you may read matches “" + state.q + "”" + (hasFilters() ? " with these filters." : ".")
        : hasFilters()
          ? "Nothing you may read matches these filters."
          : "There is nothing you may read yet.";
      list.appendChild(empty);
      el("status").textContent = "No results";
    } else {
      const first = results.offset + 1;
      const last = results.offset + results.hits.length;
      // "gte": counting stopped at the cap, so the total is a lower bound ("1,000+").
      const shown = total.toLocaleString("en-US") + (results.total_relation === "gte" ? "+" : "");
      el("status").textContent =
        total === 1 && results.total_relation !== "gte"
          ? "1 result"
          : "Results " + first + "–" + last + " of " + shown;
      for (const hit of results.hits) list.appendChild(renderHit(hit));
    }
    renderFacets(results.facets, results.facets_exact !== false);
    renderPager(results);
  }

  function safeLink(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function renderHit(hit) {
    const item = make("li", "hit");
    item.dataset.id = hit.id;
    item.dataset.type = hit.type;
    const heading = make("h2");
    const link = safeLink(hit.url);
    const titleTarget = link ? make("a") : make("span");
    if (link) {
      titleTarget.href = link;
      titleTarget.target = "_blank";
      titleTarget.rel = "noopener noreferrer";
    }
    appendMarked(titleTarget, hit.title ? hit.title_snippet : { text: hit.id, highlights: [] });
    heading.appendChild(titleTarget);
    item.appendChild(heading);

    const meta = make("div", "meta");
    meta.appendChild(make("span", "badge", TYPE_LABELS[hit.type] || hit.type));
    if (hit.start_time) {
      const when = make("time", null, new Date(hit.start_time).toLocaleString());
      when.dateTime = hit.start_time;
      meta.appendChild(when);
    }
    if (hit.duration_minutes) meta.appendChild(make("span", null, hit.duration_minutes + " min"));
    if (hit.host_email) meta.appendChild(make("span", null, "Host " + hit.host_email));
    item.appendChild(meta);

    for (const snippet of hit.snippets.slice(0, 2)) {
      const paragraph = make("p", "snippet");
      let skip = 0;
      if (snippet.time) {
        paragraph.appendChild(make("span", "time", snippet.time));
        // The cue line starts with its own "[hh:mm:ss] ", now shown as the label above.
        const cuePrefix = "[" + snippet.time + "] ";
        if (String(snippet.text).startsWith(cuePrefix)) skip = cuePrefix.length;
      }
      appendMarked(paragraph, snippet, skip);
      item.appendChild(paragraph);
    }
    return item;
  }

  // Text from offset `skip` on, with <mark> around each highlight range; ranges are UTF-16
  // offsets, as JS strings use.
  function appendMarked(parent, snippet, skip) {
    const text = String(snippet.text || "");
    let at = skip || 0;
    for (const range of snippet.highlights || []) {
      const start = Number(range[0]);
      const end = Number(range[1]);
      if (!(start >= at && end > start && end <= text.length)) continue;
      parent.appendChild(document.createTextNode(text.slice(at, start)));
      parent.appendChild(make("mark", null, text.slice(start, end)));
      at = end;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function hasFilters() {
    return Boolean(state.type || state.host || state.month);
  }

  function renderFilters() {
    const box = el("filters");
    clear(box);
    const labels = {
      type: (v) => "Type: " + (TYPE_LABELS[v] || v),
      host: (v) => "Host: " + v,
      month: (v) => "Month: " + v,
    };
    for (const key of ["type", "host", "month"]) {
      if (!state[key]) continue;
      const chip = make("button", "chip", labels[key](state[key]) + " ×");
      chip.type = "button";
      chip.setAttribute("aria-label", "Remove filter " + labels[key](state[key]));
      chip.addEventListener("click", () => toggleFilter(key, state[key]));
      box.appendChild(chip);
    }
  }

  function toggleFilter(key, value) {
    state[key] = state[key] === value ? "" : value;
    state.offset = 0;
    runSearch();
  }

  function renderFacets(facets, exact) {
    const aside = el("facets");
    clear(aside);
    const groups = [
      ["type", "Type", (v) => TYPE_LABELS[v] || v],
      ["host", "Host", (v) => v],
      ["month", "Month", (v) => v],
    ];
    for (const [key, title, label] of groups) {
      let buckets = (facets && facets[key]) || [];
      if (buckets.length === 0 && state[key]) buckets = [{ value: state[key], count: 0 }];
      if (buckets.length === 0) continue;
      const section = make("section");
      section.appendChild(make("h2", null, title));
      const list = make("ul");
      for (const bucket of buckets) {
        const button = make("button", "facet");
        button.type = "button";
        button.dataset.facet = key;
        button.dataset.value = bucket.value;
        button.setAttribute("aria-pressed", String(state[key] === bucket.value));
        button.appendChild(make("span", "label", label(bucket.value)));
        // Sampled facets: each count is a lower bound of the true one.
        button.appendChild(make("span", "count", exact ? bucket.count : bucket.count + "+"));
        if (!exact) button.title = "At least " + bucket.count + " (counted over a sample of the matches)";
        button.addEventListener("click", () => toggleFilter(key, bucket.value));
        const item = make("li");
        item.appendChild(button);
        list.appendChild(item);
      }
      section.appendChild(list);
      aside.appendChild(section);
    }
  }

  // SearchRequest.MAX_WINDOW: the server refuses pages ending past this result.
  const MAX_WINDOW = 10000;

  function renderPager(results) {
    const pager = el("pager");
    clear(pager);
    if (results.total <= results.limit) return;
    const previous = make("button", "secondary", "‹ Previous");
    previous.type = "button";
    previous.id = "previous-page";
    previous.disabled = results.offset === 0;
    previous.addEventListener("click", () => {
      state.offset = Math.max(0, results.offset - results.limit);
      runSearch().then(() => el("search-form").scrollIntoView());
    });
    const next = make("button", "secondary", "Next ›");
    next.type = "button";
    next.id = "next-page";
    // Past a lower bound ("1,000+") there may be more: the server says when paging stops.
    next.disabled =
      results.hits.length < results.limit ||
      results.offset + 2 * results.limit > MAX_WINDOW ||
      (results.total_relation !== "gte" && results.offset + results.hits.length >= results.total);
    next.addEventListener("click", () => {
      state.offset = results.offset + results.limit;
      runSearch().then(() => el("search-form").scrollIntoView());
    });
    const page = Math.floor(results.offset / results.limit) + 1;
    const pages = Math.ceil(results.total / results.limit);
    pager.appendChild(previous);
    const more = results.total_relation === "gte" ? "+" : "";
    pager.appendChild(make("span", "muted", "Page " + page + " of " + pages + more));
    pager.appendChild(next);
  }

  // ---- keyboard ----

  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || el("search").hidden) return;
    event.preventDefault();
    el("q").focus();
    el("q").select();
  });

  // ---- start ----

  async function start() {
    loadStateFromUrl();
    try {
      demo = await api("/api/demo");
    } catch (e) {
      demo = { enabled: false, people: [] };
    }
    if (demo.enabled && demo.people.length > 0) {
      setUpDemo();
      checkIdentity();
      return;
    }
    if (sessionStorage.getItem(TOKEN_KEY) !== null) {
      checkIdentity();
    } else {
      showSignIn("");
    }
  }

  start();
})();
