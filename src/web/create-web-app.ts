// The Mini App's HTTP side: the page, its script and a small JSON API, served
// by the bot process (mounted next to the webhook, or on PORT in polling mode).
// Every API call carries Telegram's initData (header `Authorization: tma …`),
// validated here; roles are enforced exactly as for the commands.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Team } from "../db/repositories/teams.js";
import type { Member as TeamMember } from "../db/repositories/users.js";
import { visibleText } from "../delivery/html-text.js";
import { parseEntry } from "../domain/entry-parsing.js";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics.js";
import { checkPeriod } from "../domain/period-bounds.js";
import { autoGrouping } from "../domain/report-definition.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { type Audience, mayShowMetric, memberAudience, PUBLIC_PAGE } from "../domain/trust-policy.js";
import { ACTIVITY_KINDS, type ActivityKind, CALL_OUTCOMES, type Period } from "../domain/types.js";
import { type Messages, messages, pickLocale } from "../presentation/i18n/index.js";
import { metricLabel, parseMetricOn } from "../presentation/i18n/metric-words.js";
import { coachJson, headDashboardJson, leaderboardJson, personJson } from "../presentation/views/dashboard-view.js";
import { entryErrorText, entryReplyText } from "../presentation/views/entry-messages.js";
import { periodRefusalText } from "../presentation/views/period-refusal.js";
import { tvJson } from "../presentation/views/tv-view.js";
import { coachCard } from "../services/coaching.js";
import { headDashboard, personView } from "../services/dashboard.js";
import type { AppDeps, Member } from "../services/deps.js";
import { heavyRequests } from "../services/heavy-requests.js";
import { leaderboard } from "../services/leaderboard.js";
import { recordEntry } from "../services/record-entry.js";
import { entriesLimit } from "../services/request-bounds.js";
import { teamPeriod, teamWeekStart } from "../services/team-settings.js";
import { tvBoard } from "../services/tv-board.js";
import { clientBundle } from "./bundle.js";
import { checkInitData, DEFAULT_INIT_DATA_MAX_AGE_S } from "./init-data.js";
import { pageHtml } from "./page.js";

export interface WebAppOptions {
  /** How old Telegram's launch data may be, seconds (default: MINIAPP_AUTH_MAX_AGE, 24 h). */
  initDataMaxAgeS?: number;
}

/** Answers the request if it is the Mini App's (true), else leaves it to the caller (false). */
export type WebAppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// "range" is the page's own choice: a text box taking any period the commands take (01.11–15.11).
const PERIOD_KEYS = ["today", "yesterday", "week", "lastweek", "month", "lastmonth", "quarter", "year", "range"] as const;
const MAX_BODY = 4096;
/** How long one TV board is shared by every request for its link (the page itself polls every 15 s). */
const TV_FRESH_MS = 5_000;
/** Views that read a period for many people: each counts against the caller's heavy requests a minute. */
const HEAVY_ROUTES: ReadonlySet<string> = new Set(["GET team", "GET person", "GET leaderboard", "GET coach"]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, data: unknown) =>
  send(res, status, JSON.stringify(data), "application/json; charset=utf-8", { "cache-control": "no-store" });

// Nothing from other hosts; chart.js draws on a canvas, the styles are inline in the shell.
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors *";

export function createWebApp(deps: AppDeps, opts: WebAppOptions = {}): WebAppHandler {
  const maxAge = opts.initDataMaxAgeS ?? deps.config.miniappAuthMaxAgeS ?? DEFAULT_INIT_DATA_MAX_AGE_S;

  async function page(res: ServerResponse, mode: "app" | "tv"): Promise<void> {
    const { hash } = await clientBundle();
    send(res, 200, pageHtml(`/app/assets/app.js?v=${hash}`, mode), "text/html; charset=utf-8", {
      "cache-control": "no-cache",
      "content-security-policy": CSP,
    });
  }

  /** The caller from initData: 401 when it is missing, forged or stale; 403 outside a team. */
  function authenticate(req: IncomingMessage): { member: Member; t: Messages; locale: "ru" | "en" } {
    const header = req.headers.authorization ?? "";
    const raw = header.startsWith("tma ") ? header.slice(4) : "";
    const token = deps.config.botToken ?? "";
    const check = checkInitData(raw, token, deps.now(), maxAge);
    const fallback = messages[deps.config.defaultLocale];
    if (!check.ok || !token) throw new HttpError(401, fallback.miniapp.api.unauthorized);
    const current = deps.repos.memberships.currentFor(check.user.id);
    const user = deps.repos.users.byId(check.user.id);
    const locale = pickLocale(user?.settings["language"], check.user.language_code, current?.team.locale ?? deps.config.defaultLocale);
    const t = messages[locale];
    if (!current || !user) throw new HttpError(403, t.miniapp.api.notInTeam);
    return { member: { user, team: current.team, membership: current.membership }, t, locale };
  }

  /** The asked period, held to the shared bound (and its trend's points) before anything is read. */
  function periodOf(url: URL, team: Team, t: Messages): Period {
    const text = (url.searchParams.get("period") ?? "month").slice(0, 40);
    const asked = teamPeriod(team, text, deps.now());
    if (!asked.ok) {
      const why = asked.refusal.kind === "unknown" ? t.miniapp.api.badPeriod(text) : visibleText(periodRefusalText(t, asked.refusal, text));
      throw new HttpError(400, why);
    }
    const limit =
      checkPeriod(asked.period, { grouping: autoGrouping(asked.period), weekStart: teamWeekStart(team) }) ??
      entriesLimit(deps, team, asked.period.from, asked.period.to);
    if (limit) throw new HttpError(400, visibleText(periodRefusalText(t, limit, text)));
    return asked.period;
  }

  /** Counts a heavy view against the caller's requests a minute (shared with the bot's commands). */
  function takeHeavy(member: Member, t: Messages): void {
    const verdict = heavyRequests(deps).take(member.user.id, deps.now());
    if (!verdict.ok) throw new HttpError(429, t.heavy.tooMany(verdict.max, verdict.retryInS).replace(/^⏳ /, ""));
  }

  /** The chosen metric, refused (403) before anything is computed when the policy withholds it from `audience`. */
  function metricOf(url: URL, t: Messages, fallback: MetricKey, audience: Audience): MetricKey {
    const text = url.searchParams.get("metric");
    if (text === null || text === "") return fallback;
    // A key as the page sends it, or a word as people type it; never a prototype name.
    const metric = METRIC_KEYS.find((k) => k === text) ?? parseMetricOn("builder")(text.slice(0, 40));
    if (!metric) throw new HttpError(400, t.miniapp.api.badMetric(text.slice(0, 40)));
    if (!mayShowMetric(metric, audience)) throw new HttpError(403, t.trust.headFigure);
    return metric;
  }

  async function readJson(req: IncomingMessage, t: Messages): Promise<Record<string, unknown>> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) throw new HttpError(413, t.miniapp.api.tooLarge);
      chunks.push(chunk);
    }
    try {
      const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {}
    throw new HttpError(400, t.miniapp.api.badBody);
  }

  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");

  /** The quick log form: the same text a command takes, through the same parser and storage. */
  function logFromForm(member: Member, body: Record<string, unknown>, t: Messages, locale: "ru" | "en") {
    // The form's submission key, kept by the page until an answer arrives: a submission
    // sent again after a lost answer is found, not counted twice. Stored negated in the
    // entry's source_update_id, so it can never meet a Telegram update id (positive).
    const key = body["key"];
    if (typeof key !== "number" || !Number.isSafeInteger(key) || key < 1) throw new HttpError(400, t.miniapp.api.badKey);
    const kind = str(body["kind"]) as ActivityKind;
    if (!ACTIVITY_KINDS.includes(kind)) throw new HttpError(400, t.miniapp.api.badKind);
    const outcome = str(body["outcome"]);
    if (outcome && !(CALL_OUTCOMES as readonly string[]).includes(outcome))
      throw new HttpError(400, t.miniapp.api.badOutcome(CALL_OUTCOMES.map((o) => t.outcome[o]).join(", ")));
    const client = str(body["client"]);
    const reason = str(body["reason"]);
    // Laid out in each command's argument order: /call [outcome] [client], /deal <amount> [client], /lost <client> [— reason].
    const args =
      kind === "call"
        ? [outcome, client]
        : kind === "deal"
          ? [str(body["amount"]), client]
          : kind === "lost"
            ? [client, reason ? `— ${reason}` : ""]
            : [client];
    const parsed = parseEntry(kind, args.filter(Boolean).join(" "));
    if (!parsed.ok) throw new HttpError(400, visibleText(entryErrorText(t, kind, parsed.error, parsed.detail)));
    // What the entry earns is said in the person's private chat with the bot, after this answer.
    const outcomeOf = recordEntry(deps, member, parsed.entry, {
      occurredAt: deps.now(),
      sourceUpdateId: -key,
      notify: { chatId: member.user.id, messageId: null, receiverId: null, locale },
    });
    if (outcomeOf.status === "logged") deps.onEntriesQueued?.(member.user.id);
    const text = visibleText(entryReplyText(parsed.entry, outcomeOf, locale));
    // The same submission again: it was counted the first time, which is what the page wants to hear.
    if (outcomeOf.status !== "logged" && outcomeOf.status !== "duplicate") throw new HttpError(409, text);
    return { ok: true, text };
  }

  function session(member: Member, t: Messages, locale: "ru" | "en", audience: Audience) {
    return {
      locale,
      role: member.membership.role,
      userId: member.user.id,
      name: member.user.firstName,
      team: member.team.name,
      strings: t.miniapp.page,
      periods: PERIOD_KEYS.map((key) => ({ key, label: t.miniapp.page.periods[key] })),
      metrics: METRIC_KEYS.filter((key) => mayShowMetric(key, audience)).map((key) => ({ key, label: metricLabel(key, locale) })),
      kinds: ACTIVITY_KINDS.map((k) => ({ key: k, label: t.kindName[k] })),
      outcomes: CALL_OUTCOMES.map((o) => ({ key: o, label: t.outcome[o] })),
      mainMetric: readTeamSettings(member.team.settings).mainMetric,
    };
  }

  function teamMember(team: Team, userId: number): TeamMember | undefined {
    return deps.repos.memberships.listTeam(team.id).find((m) => m.user.id === userId);
  }

  /** The `user` query parameter: 400 unless a whole number; the caller's own id when absent. */
  function userIdOf(url: URL, member: Member, t: Messages): number {
    const idText = url.searchParams.get("user") ?? String(member.user.id);
    if (!/^\d{1,16}$/.test(idText)) throw new HttpError(400, t.miniapp.api.badUser);
    return Number(idText);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, route: string): Promise<void> {
    const { member, t, locale } = authenticate(req);
    const { team } = member;
    const isHead = member.membership.role === "head";
    // The Mini App is opened by one person: a private view, as their chat with the bot.
    const audience = memberAudience(member.membership.role, "private");
    const now = deps.now();
    const call = `${req.method} ${route}`;
    if (HEAVY_ROUTES.has(call)) takeHeavy(member, t);
    switch (call) {
      case "GET session":
        return json(res, 200, session(member, t, locale, audience));
      case "GET team": {
        if (!isHead) throw new HttpError(403, t.miniapp.api.forbidden);
        const period = periodOf(url, team, t);
        const d = headDashboard(deps, team, period, now, metricOf(url, t, readTeamSettings(team.settings).mainMetric, audience));
        return json(res, 200, headDashboardJson(d, locale, audience));
      }
      case "GET person": {
        const id = userIdOf(url, member, t);
        // A manager sees only their own details; a head, anyone in their team.
        if (id !== member.user.id && !isHead) throw new HttpError(403, t.miniapp.api.forbidden);
        const who = teamMember(team, id);
        if (!who) throw new HttpError(403, t.miniapp.api.forbidden);
        const period = periodOf(url, team, t);
        const v = personView(deps, team, who, period, now, metricOf(url, t, readTeamSettings(team.settings).mainMetric, audience));
        return json(res, 200, personJson(v, team.timezone, locale, audience));
      }
      case "GET coach": {
        // The drill-down's coaching card: heads only, as /coach @user; a manager gets no one's card, not even their own.
        if (!isHead) throw new HttpError(403, t.miniapp.api.forbidden);
        const who = teamMember(team, userIdOf(url, member, t));
        if (!who) throw new HttpError(403, t.miniapp.api.forbidden);
        if (who.membership.role !== "manager") throw new HttpError(404, t.miniapp.api.noCard);
        return json(res, 200, coachJson(coachCard(deps, team, who.user.id, who.user.firstName, now), locale, audience));
      }
      case "GET leaderboard": {
        const period = periodOf(url, team, t);
        const metric = readTeamSettings(team.settings).mainMetric;
        return json(res, 200, leaderboardJson(metric, leaderboard(deps, team, metric, period), locale, audience));
      }
      case "POST log":
        return json(res, 200, logFromForm(member, await readJson(req, t), t, locale));
      default:
        throw new HttpError(404, t.miniapp.api.notFound);
    }
  }

  // The TV page's link needs no login, so anyone holding it may poll as fast as they like: each link's board is
  // built at most once per TV_FRESH_MS and shared by every screen and request in between. The link itself is
  // checked on every request, so a revoked one stops at once.
  const tvBoards = new Map<string, { at: number; board: unknown }>();

  /** The TV page's data: read-only, for whoever holds the link (the trust policy's public page). */
  function tvData(res: ServerResponse, token: string): void {
    const link = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? deps.repos.tvLinks.byToken(token) : undefined;
    const team = link ? deps.repos.teams.byId(link.teamId) : undefined;
    if (!link || !team) throw new HttpError(404, messages[deps.config.defaultLocale].miniapp.api.tvRevoked);
    const now = deps.now();
    let cached = tvBoards.get(token);
    if (!cached || now - cached.at >= TV_FRESH_MS || now < cached.at) {
      for (const [key, old] of tvBoards) if (now - old.at >= TV_FRESH_MS) tvBoards.delete(key);
      cached = { at: now, board: tvJson(tvBoard(deps, team, now, PUBLIC_PAGE), PUBLIC_PAGE) };
      tvBoards.set(token, cached);
    }
    json(res, 200, cached.board);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    try {
      if (path === "/app" && req.method === "GET") {
        await page(res, "app");
        return true;
      }
      if (path === "/app/assets/app.js" && req.method === "GET") {
        const { code, hash } = await clientBundle();
        const immutable = url.searchParams.get("v") === hash;
        send(res, 200, code, "text/javascript; charset=utf-8", {
          "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
          etag: `"${hash}"`,
        });
        return true;
      }
      if (path.startsWith("/app/api/")) {
        await api(req, res, url, path.slice("/app/api/".length));
        return true;
      }
      const tv = /^\/tv\/(api\/)?([^/]+)$/.exec(path);
      if (tv && req.method === "GET") {
        if (tv[1]) tvData(res, tv[2]!);
        else await page(res, "tv");
        return true;
      }
      return false;
    } catch (err) {
      if (err instanceof HttpError) json(res, err.status, { error: err.message });
      else {
        deps.logger.error({ err, path }, "mini app request failed");
        json(res, 500, { error: messages[deps.config.defaultLocale].miniapp.api.internal });
      }
      return true;
    }
  };
}
