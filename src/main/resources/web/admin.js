// zoomdex admin page. Plain script, no build step, charts drawn as SVG here. The HTML holds no
// data: everything is fetched with the admin token kept in this tab (the search page's key), and
// every value from the server is put into the page as text, never parsed as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "zoomdex.token";
  const SVG = "http://www.w3.org/2000/svg";
  const el = (id) => document.getElementById(id);

  class ApiFailure extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path) {
    const headers = { Accept: "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = "Bearer " + token;
    let response;
    try {
      response = await fetch(path, { headers: headers, cache: "no-store" });
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

  function node(tag, text, className) {
    const n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (className) n.className = className;
    return n;
  }

  function svgNode(tag, attributes) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attributes || {})) n.setAttribute(k, String(v));
    return n;
  }

  function clear(n) {
    while (n.firstChild) n.removeChild(n.firstChild);
  }

  // ---- sign in -------------------------------------------------------------------------------

  function showSignIn() {
    show("loading", false);
    show("admin", false);
    show("denied", false);
    show("sign-in", true);
    el("token").focus();
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    show("signed-in", false);
    show("sign-out", false);
    showSignIn();
  }

  async function start() {
    if (!sessionStorage.getItem(TOKEN_KEY)) {
      showSignIn();
      return;
    }
    show("sign-in", false);
    show("loading", true);
    try {
      const me = await api("/api/me");
      el("who-email").textContent = me.email;
      show("signed-in", true);
      show("sign-out", true);
      const overview = await api("/api/admin/overview");
      show("loading", false);
      show("denied", false);
      show("admin", true);
      renderOverview(overview);
      await loadHistory();
    } catch (e) {
      show("loading", false);
      if (e.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        showSignIn();
        return;
      }
      show("admin", false);
      el("denied").textContent = e.message;
      show("denied", true);
    }
  }

  // ---- overview: webhooks and settings --------------------------------------------------------

  function facts(list, entries) {
    clear(list);
    for (const [name, value] of entries) {
      list.appendChild(node("dt", name));
      list.appendChild(node("dd", value === null || value === undefined ? "—" : Array.isArray(value) ? value.join(", ") : value));
    }
  }

  function renderOverview(overview) {
    const w = overview.webhooks;
    const badge = el("webhook-status");
    badge.textContent = w.status;
    badge.className = "badge " + (w.status === "healthy" ? "good" : w.status === "off" ? "" : "warn");
    el("webhook-reason").textContent = w.reason;
    facts(el("webhook-facts"), [
      ["Last validated by Zoom", w.validated],
      ["Processed (7 days)", w.processed_7d],
      ["Pending", w.pending],
      ["Given up (7 days)", w.given_up_7d],
      ["Oldest pending", w.oldest_pending],
      ["Last incremental crawl", w.last_incremental_path ? w.last_incremental_path + ": " + w.last_incremental_reason : null],
    ]);
    const settings = Object.entries(overview.settings || {});
    facts(el("settings"), settings.length ? settings : [["Settings", "none known to this server"]]);
    const state = [];
    state.push(overview.documents + " documents indexed.");
    if (overview.full_crawl_requested) state.push("Full crawl required: the next crawl will be a full one.");
    if (overview.unfinished_full_run !== null) state.push("Full crawl " + overview.unfinished_full_run + " did not finish; the next crawl resumes it.");
    el("state-facts").textContent = state.join(" ");
  }

  // ---- crawl history ------------------------------------------------------------------------

  function seconds(iso) {
    // Java's Duration as ISO 8601, e.g. PT1M2.5S.
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || "");
    if (!m) return 0;
    return (Number(m[1] || 0) * 3600) + (Number(m[2] || 0) * 60) + Number(m[3] || 0);
  }

  function runFigures(run) {
    const r = run.report && typeof run.report === "object" ? run.report : null;
    const usage = (r && r.apiUsage) || { callsByLabel: {}, rateLimited: 0 };
    const calls = usage.callsByLabel || {};
    return {
      id: run.id,
      mode: run.mode,
      started: run.started,
      outcome: run.outcome || "running",
      hasReport: r !== null,
      note: r === null && typeof run.report === "string" ? run.report : "",
      added: r ? r.added : 0,
      updated: r ? r.updated : 0,
      deleted: r ? r.deleted : 0,
      duration: r ? seconds(r.duration) : 0,
      calls: calls,
      totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
      rateLimited: usage.rateLimited || 0,
    };
  }

  async function loadHistory() {
    const body = await api("/api/runs?limit=100");
    const runs = body.runs.map(runFigures).reverse(); // oldest first, as a time axis reads
    show("history-empty", runs.length === 0);
    show("history", runs.length > 0);
    if (runs.length === 0) return;
    groupedBars(el("chart-documents"), runs, [
      { key: "added", name: "added", cls: "s-added" },
      { key: "updated", name: "updated", cls: "s-updated" },
      { key: "deleted", name: "deleted", cls: "s-deleted" },
    ]);
    groupedBars(el("chart-duration"), runs, [
      { key: "duration", name: "duration (s)", cls: "s-duration" },
      { key: "rateLimited", name: "429s", cls: "s-429" },
    ]);
    const tbody = el("runs-table").querySelector("tbody");
    clear(tbody);
    for (const run of runs.slice().reverse()) {
      const tr = node("tr", null, "selectable");
      tr.dataset.run = run.id;
      tr.tabIndex = 0;
      for (const cell of [run.id, run.mode, run.started.replace("T", " ").replace("Z", ""),
        run.hasReport ? run.duration.toFixed(1) + " s" : "", run.outcome,
        run.added, run.updated, run.deleted, run.totalCalls, run.rateLimited]) {
        tr.appendChild(node("td", cell));
      }
      tr.addEventListener("click", () => selectRun(run));
      tr.addEventListener("keydown", (e) => {
        if (e.key === "Enter") selectRun(run);
      });
      tbody.appendChild(tr);
    }
    selectRun(runs[runs.length - 1]);
  }

  function selectRun(run) {
    el("run-title").textContent = run.id + " (" + run.mode + ", " + run.outcome + ")";
    for (const tr of el("runs-table").querySelectorAll("tbody tr")) {
      tr.classList.toggle("selected", tr.dataset.run === String(run.id));
    }
    simpleBars(el("chart-run-documents"), [
      { label: "added", value: run.added, cls: "s-added" },
      { label: "updated", value: run.updated, cls: "s-updated" },
      { label: "deleted", value: run.deleted, cls: "s-deleted" },
      { label: "429s", value: run.rateLimited, cls: "s-429" },
    ]);
    const labels = Object.keys(run.calls).sort();
    simpleBars(el("chart-run-calls"), labels.length
      ? labels.map((label) => ({ label: label, value: run.calls[label], cls: "s-calls" }))
      : [{ label: "no calls", value: 0, cls: "s-calls" }]);
    el("run-facts").textContent = run.hasReport
      ? "Started " + run.started + ", took " + run.duration.toFixed(1) + " s, " + run.totalCalls + " Zoom calls, " + run.rateLimited + " answered 429."
      : "Started " + run.started + ". " + (run.note || "No report (the run has not finished).");
  }

  // A grouped bar chart: one group per run, one bar per series, each series on the same scale.
  function groupedBars(container, runs, series) {
    clear(container);
    const width = 600, height = 200, left = 40, bottom = 22, top = 8;
    const max = Math.max(1, ...runs.flatMap((run) => series.map((s) => run[s.key])));
    const svg = svgNode("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    svg.appendChild(svgNode("title")).textContent = series.map((s) => s.name).join(", ") + " per run";
    const plotH = height - bottom - top;
    axis(svg, left, top, width, plotH, max);
    const groupW = (width - left) / runs.length;
    const barW = Math.max(1, (groupW * 0.8) / series.length);
    runs.forEach((run, i) => {
      series.forEach((s, j) => {
        const value = run[s.key];
        const h = (value / max) * plotH;
        const rect = svgNode("rect", {
          x: left + i * groupW + groupW * 0.1 + j * barW, y: top + plotH - h,
          width: barW, height: Math.max(h, 0), class: "bar " + s.cls,
          "data-run": run.id, "data-series": s.key, "data-value": value,
        });
        rect.appendChild(svgNode("title")).textContent = "run " + run.id + ": " + s.name + " " + round(value);
        svg.appendChild(rect);
      });
      if (runs.length <= 20 || i % Math.ceil(runs.length / 20) === 0) {
        const t = svgNode("text", { x: left + i * groupW + groupW / 2, y: height - 6, "text-anchor": "middle" });
        t.textContent = run.id;
        svg.appendChild(t);
      }
    });
    container.appendChild(svg);
    container.appendChild(legend(series));
  }

  // One bar per item, labelled below.
  function simpleBars(container, items) {
    clear(container);
    const width = 400, height = 180, left = 40, bottom = 22, top = 8;
    const max = Math.max(1, ...items.map((item) => item.value));
    const svg = svgNode("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    svg.appendChild(svgNode("title")).textContent = items.map((item) => item.label + " " + round(item.value)).join(", ");
    const plotH = height - bottom - top;
    axis(svg, left, top, width, plotH, max);
    const slot = (width - left) / items.length;
    items.forEach((item, i) => {
      const h = (item.value / max) * plotH;
      const rect = svgNode("rect", {
        x: left + i * slot + slot * 0.2, y: top + plotH - h, width: slot * 0.6, height: h,
        class: "bar " + item.cls, "data-series": item.label, "data-value": item.value,
      });
      rect.appendChild(svgNode("title")).textContent = item.label + ": " + round(item.value);
      svg.appendChild(rect);
      const t = svgNode("text", { x: left + i * slot + slot / 2, y: height - 6, "text-anchor": "middle" });
      t.textContent = item.label + " " + round(item.value);
      svg.appendChild(t);
    });
    container.appendChild(svg);
  }

  function axis(svg, left, top, width, plotH, max) {
    svg.appendChild(svgNode("line", { x1: left, y1: top + plotH, x2: width, y2: top + plotH, stroke: "#dde1e8" }));
    for (const fraction of [0, 0.5, 1]) {
      const y = top + plotH - fraction * plotH;
      const t = svgNode("text", { x: left - 4, y: y + 4, "text-anchor": "end" });
      t.textContent = round(max * fraction);
      svg.appendChild(t);
    }
  }

  function legend(series) {
    const div = node("div", null, "legend");
    for (const s of series) {
      const span = node("span");
      span.appendChild(node("span", null, "swatch " + s.cls));
      span.appendChild(document.createTextNode(s.name));
      div.appendChild(span);
    }
    return div;
  }

  function round(v) {
    return Number.isInteger(v) ? String(v) : v.toFixed(1);
  }

  // ---- connection check ---------------------------------------------------------------------

  async function runCheck() {
    const button = el("run-check");
    button.disabled = true;
    el("check-message").textContent = "Checking…";
    try {
      const check = await api("/api/admin/check");
      el("check-message").textContent = check.message;
      el("check-message").className = check.available && check.outcome === "ok" ? "" : "error";
      const tbody = el("check-table").querySelector("tbody");
      clear(tbody);
      for (const row of check.rows) {
        const tr = node("tr");
        tr.dataset.status = row.status;
        tr.appendChild(node("td", row.scope));
        tr.appendChild(node("td", row.endpoint));
        const status = node("td");
        status.appendChild(node("span", row.label, "badge " + (row.status === "ok" ? "good" : row.status === "missing_scope" || row.status === "failed" ? "bad" : "")));
        tr.appendChild(status);
        tr.appendChild(node("td", row.fix || "—"));
        tbody.appendChild(tr);
      }
      show("check-table", check.rows.length > 0);
    } catch (e) {
      el("check-message").textContent = e.message;
      el("check-message").className = "error";
    } finally {
      button.disabled = false;
    }
  }

  // ---- inspector ----------------------------------------------------------------------------

  function inspectorError(message) {
    el("inspector-error").textContent = message;
    show("inspector-error", message !== "");
  }

  async function explain(event) {
    event.preventDefault();
    inspectorError("");
    show("whois-result", false);
    const params = new URLSearchParams({ id: el("explain-id").value.trim() });
    const as = el("explain-as").value.trim();
    if (as) params.set("as", as);
    try {
      const x = await api("/api/admin/explain?" + params.toString());
      el("explain-title").textContent = x.title + " (" + x.id + ")";
      el("explain-facts").textContent = "Type " + x.type + "; indexed: " + x.indexed + (x.last_error ? "; last error: " + x.last_error : "") + "; " + x.readers.length + " reader(s).";
      const asResult = el("explain-as-result");
      if (x.as) {
        asResult.textContent = x.as.value + (x.as.identity ? " (" + x.as.identity + ")" : "") + ": " + x.as.decision + ". " + x.as.reason;
        show("explain-as-result", true);
      } else {
        show("explain-as-result", false);
      }
      const tbody = el("readers-table").querySelector("tbody");
      clear(tbody);
      for (const reader of x.readers) {
        const tr = node("tr");
        tr.dataset.reader = reader.email;
        tr.appendChild(node("td", reader.email));
        tr.appendChild(node("td", (reader.rules || []).join("; ")));
        tbody.appendChild(tr);
      }
      show("explain-result", true);
    } catch (e) {
      show("explain-result", false);
      inspectorError(e.message);
    }
  }

  async function whois(event) {
    event.preventDefault();
    inspectorError("");
    show("explain-result", false);
    const params = new URLSearchParams({ value: el("whois-value").value.trim() });
    try {
      const w = await api("/api/admin/whois?" + params.toString());
      const badge = el("whois-verdict");
      badge.textContent = w.result;
      badge.className = "badge " + (w.result === "match" ? "good" : w.result === "ambiguous" ? "bad" : "warn");
      let text = w.value + (w.identity ? " is " + w.identity : "");
      if (w.candidates && w.candidates.length) text += "; candidates: " + w.candidates.join(", ");
      if (w.rule) text += " (rule: " + w.rule + ")";
      el("whois-text").textContent = text;
      show("whois-result", true);
    } catch (e) {
      show("whois-result", false);
      inspectorError(e.message);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    el("sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = el("token").value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      el("token").value = "";
      start();
    });
    el("sign-out").addEventListener("click", signOut);
    el("run-check").addEventListener("click", runCheck);
    el("explain-form").addEventListener("submit", explain);
    el("whois-form").addEventListener("submit", whois);
    start();
  });
})();
