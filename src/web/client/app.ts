/// <reference lib="dom" />
// The Mini App page (bundled by esbuild; nothing loaded from other hosts). It reads
// Telegram's launch parameters from the URL fragment, follows the theme, and
// draws what the server's JSON API returns; the server formats every number.

import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

import { el } from "./dom.js";
import { trendChartConfig } from "./trend-chart.js";
import { renderTv } from "./tv.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Filler);

// biome-ignore lint/suspicious/noExplicitAny: the shapes come from the server's views (presentation/views/dashboard-view.ts)
type Json = any;

const launch = new URLSearchParams(location.hash.slice(1));
const initData = launch.get("tgWebAppData") ?? "";
const root = document.getElementById("app")!;

function applyTheme(): void {
  let theme: Record<string, string> = {};
  try {
    theme = JSON.parse(launch.get("tgWebAppThemeParams") ?? "{}");
  } catch {}
  const map: Record<string, string> = {
    bg_color: "--bg",
    text_color: "--text",
    hint_color: "--hint",
    link_color: "--link",
    button_color: "--button",
    button_text_color: "--button-text",
    secondary_bg_color: "--secondary-bg",
    accent_text_color: "--accent",
  };
  for (const [k, v] of Object.entries(theme))
    if (map[k] && /^#[0-9a-f]{3,8}$/i.test(v)) document.documentElement.style.setProperty(map[k]!, v);
  // Inside Telegram: tell the client the page is ready (no SDK script needed).
  const event = JSON.stringify({ eventType: "web_app_ready", eventData: {} });
  const proxy = (window as Json).TelegramWebviewProxy;
  if (proxy?.postEvent) proxy.postEvent("web_app_ready", "{}");
  else if (window.parent !== window) window.parent.postMessage(event, "*");
}

/** A random positive safe integer (52 bits) naming one form submission. */
function submissionKey(): number {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return (high! & 0xf_ffff) * 2 ** 32 + low! + 1;
}

async function call(path: string, init: RequestInit = {}): Promise<Json> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `tma ${initData}`, "content-type": "application/json" },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.error ?? res.statusText), { status: res.status });
  return body;
}

function section(title: string, ...children: Node[]): HTMLElement {
  return el("section", {}, el("h2", {}, title), ...children);
}

function kpiTiles(kpis: Json[]): HTMLElement {
  return el(
    "div",
    { class: "kpis" },
    ...kpis.map((k) => el("div", { class: "kpi", "data-metric": k.key }, el("b", {}, k.text), el("span", {}, k.label))),
  );
}

/** The tiles in the article's groups (activity, results, business), side by side where the screen allows. */
function kpiGrid(d: Json): HTMLElement {
  return el(
    "div",
    { class: "kpi-groups" },
    ...d.kpiGroups.map((g: Json) =>
      el(
        "div",
        { class: "kpi-group", "data-group": g.key },
        el("h3", {}, g.label),
        kpiTiles(d.kpis.filter((k: Json) => k.group === g.key)),
      ),
    ),
  );
}

function planList(plans: Json[], s: Json): HTMLElement {
  if (plans.length === 0) return el("p", { class: "hint" }, s.noPlans);
  return el(
    "div",
    {},
    ...plans.map((p) => {
      const bar = el(
        "div",
        { class: `bar status-${p.status ?? "none"}` },
        el("i", { style: `width:${Math.min(100, Math.max(0, p.pct ?? 0))}%` }),
      );
      return el("div", { class: "plan" }, el("div", {}, p.line), bar);
    }),
  );
}

const charts: Chart[] = [];
function lineChart(trend: Json): HTMLElement {
  const canvas = el("canvas", { height: "180", "aria-label": trend.label });
  const css = getComputedStyle(document.documentElement);
  const color = css.getPropertyValue("--button").trim() || "#2481cc";
  const text = css.getPropertyValue("--hint").trim() || "#707579";
  charts.push(new Chart(canvas, trendChartConfig(trend, { line: color, text })));
  return el("div", { class: "chart" }, canvas);
}

function leaderboardTable(board: Json, s: Json, onPick?: (id: number) => void): HTMLElement {
  if (board.rows.length === 0) return el("p", { class: "hint" }, s.nobody);
  return el(
    "table",
    { class: "leaderboard" },
    ...board.rows.map((r: Json) => {
      const name = onPick ? el("a", { "data-user": String(r.userId) }, r.name) : r.name;
      if (onPick && name instanceof HTMLElement) name.onclick = () => onPick(r.userId);
      return el("tr", {}, el("td", {}, `${r.place ?? "—"}. `, name), el("td", {}, r.text));
    }),
  );
}

function compareTable(cmp: Json, s: Json, onPick: (id: number) => void): HTMLElement {
  let sortBy = -1;
  let desc = true;
  const wrap = el("div", { class: "scroll" });
  const draw = () => {
    const rows = [...cmp.rows];
    if (sortBy >= 0)
      rows.sort((a, b) => {
        const x = a.cells[sortBy].v;
        const y = b.cells[sortBy].v;
        if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
        return desc ? y - x : x - y;
      });
    const head = el(
      "tr",
      {},
      el("th", {}, s.manager),
      ...cmp.metrics.map((m: Json, i: number) => {
        const th = el("th", { title: m.title, "data-col": m.key }, m.label + (i === sortBy ? (desc ? " ▼" : " ▲") : ""));
        th.onclick = () => {
          desc = sortBy === i ? !desc : true;
          sortBy = i;
          draw();
        };
        return th;
      }),
    );
    const body = rows.map((r) => {
      const a = el("a", { "data-user": String(r.userId) }, r.name);
      a.onclick = () => onPick(r.userId);
      return el("tr", { "data-user": String(r.userId) }, el("td", {}, a), ...r.cells.map((c: Json) => el("td", {}, c.text)));
    });
    const avg = el("tr", { class: "average" }, el("td", {}, s.average), ...cmp.average.map((c: Json) => el("td", {}, c.text)));
    // The team's own figure apart from the average manager's: totals and team ratios are not averages.
    const team = el("tr", { class: "team" }, el("td", {}, s.teamRow), ...cmp.total.map((c: Json) => el("td", {}, c.text)));
    wrap.replaceChildren(el("table", { id: "compare" }, head, ...body, avg, team), el("p", { class: "hint" }, s.sortHint));
  };
  draw();
  return wrap;
}

function funnelTable(f: Json, s: Json): HTMLElement {
  return el(
    "div",
    { class: "scroll" },
    el("p", { class: "hint", id: "cohort" }, f.cohortText),
    el(
      "table",
      { id: "funnel" },
      el(
        "tr",
        {},
        el("th", {}, s.stage),
        el("th", {}, s.reached),
        el("th", {}, s.conversion),
        el("th", {}, s.lost),
        el("th", {}, s.reasons),
      ),
      ...f.steps.map((st: Json) =>
        el(
          "tr",
          { "data-stage": st.stage },
          el("td", {}, st.label),
          el("td", {}, String(st.reached)),
          el("td", {}, st.conversion),
          el("td", {}, String(st.lost)),
          el("td", {}, st.reasons.join(", ")),
        ),
      ),
    ),
  );
}

function coachCard(c: Json, s: Json): HTMLElement {
  const list = (items: Json[], empty: string, id: string) =>
    items.length
      ? el("table", { id }, ...items.map((i: Json) => el("tr", {}, el("td", {}, i.name), el("td", {}, i.text))))
      : el("p", { class: "hint" }, empty);
  return el(
    "div",
    { id: "coach" },
    el("p", { class: "hint" }, c.period),
    c.weakest ? el("p", { id: "coach-weakest" }, `${s.weakest}: `, el("b", {}, c.weakest.text)) : el("p", {}, s.nothingBehind),
    ...(c.strongest ? [el("p", { id: "coach-strongest" }, `${s.strongest}: `, el("b", {}, c.strongest.text))] : []),
    el("h3", {}, s.quizzes),
    list(c.quizzes, s.noQuizzes, "coach-quizzes"),
    el("h3", {}, s.programs),
    list(c.programs, s.noPrograms, "coach-programs"),
  );
}

function picker(options: { key: string; label: string }[], value: string, onChange: (v: string) => void, id: string): HTMLSelectElement {
  const sel = el("select", { id }, ...options.map((o) => el("option", { value: o.key }, o.label)));
  sel.value = value;
  sel.onchange = () => onChange(sel.value);
  return sel;
}

interface State {
  period: string;
  metric: string;
  person: number | null;
}

async function renderApp(): Promise<void> {
  const session = await call("/app/api/session");
  const s = session.strings;
  document.documentElement.lang = session.locale;
  const state: State = { period: "month", metric: session.mainMetric, person: null };
  const fixed = new Set(session.periods.map((p: Json) => p.key).filter((k: string) => k !== "range"));
  // The last period the server accepted: a refused custom range falls back to it, with the server's message.
  let accepted = state.period;
  let notice = "";
  const draw = async (): Promise<void> => {
    try {
      await paint();
      accepted = state.period;
    } catch (err) {
      if ((err as { status?: number }).status !== 400 || state.period === accepted) throw err;
      state.period = accepted;
      await paint();
      notice = (err as Error).message;
      document.getElementById("notice")?.replaceChildren(notice);
    }
  };
  const redraw = () => {
    notice = "";
    draw().catch((err: Error) => root.replaceChildren(el("p", { class: "msg error", id: "error" }, err.message)));
  };
  const paint = async () => {
    for (const c of charts.splice(0)) c.destroy();
    const q = `period=${encodeURIComponent(state.period)}&metric=${encodeURIComponent(state.metric)}`;
    const custom = !fixed.has(state.period);
    const range = el("input", { id: "period-range", placeholder: s.rangePlaceholder, maxlength: "40", value: custom ? state.period : "" });
    range.hidden = !custom;
    range.onchange = () => {
      if (!range.value.trim()) return;
      state.period = range.value.trim();
      redraw();
    };
    const controls = el(
      "div",
      { class: "controls" },
      picker(
        session.periods,
        custom ? "range" : state.period,
        (v) => {
          if (v === "range") {
            range.hidden = false;
            range.focus();
            return;
          }
          state.period = v;
          redraw();
        },
        "period",
      ),
      " ",
      range,
      " ",
      picker(
        session.metrics,
        state.metric,
        (v) => {
          state.metric = v;
          redraw();
        },
        "metric",
      ),
      el("p", { id: "notice", class: "notice", role: "status" }, notice),
    );
    const header = el("h1", {}, session.team);
    if (session.role === "head" && state.person === null) {
      const d = await call(`/app/api/team?${q}`);
      const pick = (id: number) => {
        state.person = id;
        redraw();
      };
      root.replaceChildren(
        header,
        controls,
        el("p", { class: "hint", id: "period-label" }, d.period),
        section(s.kpis, kpiGrid(d)),
        section(s.plans, planList(d.plans, s)),
        section(s.compare, compareTable(d.compare, s, pick)),
        section(s.funnel, funnelTable(d.funnel, s)),
        section(`${s.trend}: ${d.trend.label}`, lineChart(d.trend)),
        section(`${s.leaderboard}: ${d.leaderboard.label}`, leaderboardTable(d.leaderboard, s, pick)),
      );
      return;
    }
    const id = state.person ?? session.userId;
    // A head's drill-down also shows the manager's coaching card (404 for someone who is not a manager: no card).
    const [p, coach] = await Promise.all([
      call(`/app/api/person?user=${id}&${q}`),
      session.role === "head" && state.person !== null ? call(`/app/api/coach?user=${id}`).catch(() => null) : null,
    ]);
    const parts: Node[] = [];
    if (state.person !== null) {
      const back = el("a", { id: "back" }, s.back);
      back.onclick = () => {
        state.person = null;
        redraw();
      };
      parts.push(back);
    }
    parts.push(el("h1", { id: "person-name" }, p.name), controls, section(s.myKpis, kpiGrid(p)), section(s.plans, planList(p.plans, s)));
    parts.push(section(`${s.trend}: ${p.trend.label}`, lineChart(p.trend)));
    parts.push(
      section(
        s.feed,
        p.recent.length
          ? el("table", { id: "feed" }, ...p.recent.map((r: Json) => el("tr", {}, el("td", {}, r.when), el("td", {}, r.text))))
          : el("p", { class: "hint" }, s.noEntries),
      ),
    );
    if (coach) parts.push(section(s.coaching, coachCard(coach, s)));
    if (session.role !== "head") {
      const board = await call(`/app/api/leaderboard?period=${encodeURIComponent(state.period)}`);
      parts.push(section(`${s.leaderboard}: ${board.label}`, leaderboardTable(board, s)), section(s.quickLog, logForm(session, draw)));
    }
    root.replaceChildren(...parts);
  };
  await draw();
}

function logForm(session: Json, redraw: () => Promise<void>): HTMLElement {
  const s = session.strings;
  const kind = picker(session.kinds, "call", () => sync(), "log-kind");
  const outcome = picker(session.outcomes, "reached", () => {}, "log-outcome");
  const amount = el("input", { id: "log-amount", inputmode: "decimal", placeholder: "50 000" });
  const client = el("input", { id: "log-client", maxlength: "200" });
  const reason = el("input", { id: "log-reason", maxlength: "500" });
  const msg = el("div", { class: "msg", id: "log-result", role: "status" });
  const label = (text: string, input: HTMLElement) => el("label", {}, text, el("br"), input);
  const rows = { outcome: label(s.outcome, outcome), amount: label(s.amount, amount), reason: label(s.reason, reason) };
  const sync = () => {
    rows.outcome.hidden = kind.value !== "call";
    rows.amount.hidden = kind.value !== "deal";
    rows.reason.hidden = kind.value !== "lost";
  };
  const form = el(
    "form",
    { id: "log-form" },
    label(s.kind, kind),
    rows.outcome,
    rows.amount,
    label(s.client, client),
    rows.reason,
    el("button", { type: "submit" }, s.submit),
    msg,
  );
  sync();
  const submit = form.querySelector("button")!;
  // One key per entry, kept until the server answers it: sent again after a lost answer,
  // the server finds the entry instead of counting it twice.
  let key = submissionKey();
  form.onsubmit = async (e) => {
    e.preventDefault();
    // One entry per tap: the button stays off until the server answers.
    if (submit.disabled) return;
    submit.disabled = true;
    try {
      const r = await call("/app/api/log", {
        method: "POST",
        body: JSON.stringify({
          key,
          kind: kind.value,
          outcome: kind.value === "call" ? outcome.value : "",
          amount: amount.value,
          client: client.value,
          reason: reason.value,
        }),
      });
      key = submissionKey();
      await redraw();
      const fresh = document.getElementById("log-result");
      if (fresh) {
        fresh.className = "msg ok";
        fresh.textContent = r.text;
      }
    } catch (err) {
      msg.className = "msg error";
      msg.textContent = (err as Error).message;
    }
    submit.disabled = false;
  };
  return form;
}

applyTheme();
const run = document.body.dataset["mode"] === "tv" ? renderTv(root) : renderApp();
run.catch((err: Error & { status?: number }) => {
  root.replaceChildren(el("p", { class: "msg error", id: "error" }, err.message));
});
