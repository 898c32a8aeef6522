/// <reference lib="dom" />
// The TV page: a landscape screen across the office. It polls the board's JSON
// (formatted and filtered by the server), redraws it, and greets a deal that was not
// there on the last poll with a short celebration.

import { el } from "./dom.js";

// biome-ignore lint/suspicious/noExplicitAny: the shape comes from the server's view (presentation/views/tv-view.ts)
type Json = any;

const POLL_MS = 15_000;
const CELEBRATION_MS = 5_000;
// Confetti drawn by CSS, not emoji: a TV's browser often has no colour emoji font.
const CONFETTI = ["#35c46a", "#f2b84b", "#4ea4f6", "#f0604d", "#b48cf2", "#ffffff"];
const PIECES = 36;

function panel(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return el("section", { id }, el("h2", {}, title), ...children.filter((c): c is Node => c !== null));
}

const more = (text: string | null) => (text ? el("p", { class: "more" }, text) : null);

function progressBar(row: Json): HTMLElement {
  const fill = el("i", { style: `width:${Math.min(100, row.pct)}%` });
  const bar = el("div", { class: `bar status-${row.status ?? "none"}` }, fill);
  if (row.due !== null) bar.append(el("u", { style: `left:${row.due}%` }));
  return el("div", { class: "prow" }, el("span", { class: "name" }, row.name), el("b", {}, row.text), bar);
}

function plansPanel(p: Json): HTMLElement | null {
  if (!p) return null;
  return panel("plans", p.title, p.team ? progressBar(p.team) : null, ...p.rows.map(progressBar), more(p.more));
}

function leaderboardPanel(b: Json, s: Json): HTMLElement | null {
  if (!b) return null;
  const table =
    b.rows.length === 0
      ? el("p", { class: "hint" }, s.nobody)
      : el(
          "table",
          { class: "leaderboard" },
          el("tr", {}, el("th", {}), el("th", {}, b.month), el("th", {}, b.today)),
          ...b.rows.map((r: Json) =>
            el("tr", {}, el("td", { class: "name" }, `${r.place ?? "—"}. ${r.name}`), el("td", {}, r.month), el("td", {}, r.today)),
          ),
        );
  return panel("leaderboard", b.title, table, more(b.more));
}

/** Keys of the deals, told apart without ids: time, who and how much, and which of equal ones. */
function dealKeys(rows: Json[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${r.time}|${r.name}|${r.text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}|${n}`;
  });
}

function dealsPanel(d: Json, fresh: Set<string>): HTMLElement | null {
  if (!d) return null;
  const keys = dealKeys(d.rows);
  return panel(
    "deals",
    d.title,
    el("p", { class: "total" }, d.total),
    el(
      "div",
      { class: "deals" },
      ...d.rows.map((r: Json, i: number) =>
        el(
          "div",
          { class: fresh.has(keys[i]!) ? "deal fresh" : "deal" },
          el("span", { class: "time" }, r.time),
          el("span", { class: "name" }, r.name),
          el("b", {}, r.text),
        ),
      ),
    ),
    more(d.more),
  );
}

function contestPanel(c: Json): HTMLElement | null {
  if (!c) return null;
  return panel(
    "contest",
    c.title,
    el("p", { class: "when" }, c.when),
    el(
      "table",
      { class: "standings" },
      ...c.rows.map((r: Json) => el("tr", {}, el("td", { class: "name" }, `${r.place ?? "—"}. ${r.name}`), el("td", {}, r.text))),
    ),
    more(c.more),
  );
}

function celebrate(deal: Json, s: Json): void {
  document.getElementById("celebrate")?.remove();
  const confetti = Array.from({ length: PIECES }, (_, i) => {
    const angle = (i / PIECES) * 2 * Math.PI;
    const reach = 30 + (i % 3) * 8;
    const style = [
      `--dx:${Math.round(Math.cos(angle) * reach)}vw`,
      `--dy:${Math.round(Math.sin(angle) * reach)}vh`,
      `--r:${(i % 2 ? 1 : -1) * (180 + (i % 5) * 60)}deg`,
      `background:${CONFETTI[i % CONFETTI.length]}`,
      `animation-delay:${(i % 4) * 60}ms`,
    ].join(";");
    return el("i", { style });
  });
  const card = el("div", { class: "card" }, el("p", { class: "headline" }, s.newDeal), el("p", {}, `${deal.name} · ${deal.text}`));
  const overlay = el("div", { id: "celebrate", role: "status" }, ...confetti, card);
  document.body.append(overlay);
  setTimeout(() => overlay.remove(), CELEBRATION_MS);
}

export async function renderTv(root: HTMLElement): Promise<void> {
  document.body.classList.add("tv");
  const token = location.pathname.split("/").pop() ?? "";
  let known: Set<string> | null = null;
  let last: Json = null;
  const tick = async () => {
    let d: Json;
    try {
      const res = await fetch(`/tv/api/${encodeURIComponent(token)}`);
      d = await res.json().catch(() => ({}));
      if (!res.ok) throw Object.assign(new Error(d.error ?? res.statusText), { status: res.status });
    } catch (err) {
      // A revoked link ends the board; a network blip keeps the last one on screen, marked stale.
      if (last && (err as { status?: number }).status !== 404) document.getElementById("updated")?.classList.add("stale");
      else root.replaceChildren(el("p", { class: "msg error", id: "error" }, (err as Error).message));
      return;
    }
    last = d;
    document.documentElement.lang = d.locale;
    const keys = d.deals ? dealKeys(d.deals.rows) : [];
    // The first poll only learns what is there: nothing is new to a screen just switched on.
    const fresh = new Set(known ? keys.filter((k) => !known!.has(k)) : []);
    known = new Set(keys);
    const third = [dealsPanel(d.deals, fresh), contestPanel(d.contest)].filter((p): p is HTMLElement => p !== null);
    root.replaceChildren(
      el("header", {}, el("h1", {}, d.team), el("p", { class: "hint", id: "updated" }, d.updated)),
      el(
        "div",
        { class: "board" },
        ...[plansPanel(d.plans), leaderboardPanel(d.leaderboard, d.strings)].filter((p): p is HTMLElement => p !== null),
        el("div", { class: "col" }, ...third),
      ),
    );
    const newest = d.deals?.rows.find((_: Json, i: number) => fresh.has(keys[i]!));
    if (newest) celebrate(newest, d.strings);
  };
  await tick();
  setInterval(() => void tick(), POLL_MS);
}
