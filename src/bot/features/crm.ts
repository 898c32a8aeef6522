import { Composer, InlineKeyboard } from "grammy";
import { AmoClient } from "../../crm/amocrm/client.js";
import {
  checkAmo,
  checkBitrix,
  exchangeAmoCode,
  hookAddress,
  parseAmoAddress,
  parseBitrixWebhook,
  saveConnection,
} from "../../crm/connect.js";
import type { Credentials } from "../../crm/credentials.js";
import { retryWaiting } from "../../crm/ingest.js";
import { type SetupState, setupState } from "../../crm/setup-state.js";
import { syncConnection } from "../../crm/sync.js";
import { vaultFor } from "../../crm/vault.js";
import { ENTRY_SOURCES, type EntrySource, isCrmKind, looksLikeSecret, MAPPABLE_STAGE_TARGETS, suggestMember } from "../../domain/crm.js";
import { formatLocal } from "../../domain/time.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/types.js";
import { formatDuration } from "../../presentation/format/duration.js";
import { escapeHtml } from "../../presentation/html.js";
import {
  activeConnectionOf,
  activeConnections,
  type CrmConnection,
  connectionStats,
  crmStages,
  crmUser,
  crmUsers,
  mapCrmUser,
  markDisconnected,
  recordRegisteredHook,
  redactStoredText,
  saveHookToken,
  setEntrySource,
  setStageMeaning,
  teamConnection,
  teamEntrySources,
} from "../../services/crm-connections.js";
import type { Member } from "../../services/deps.js";
import { teamMembers } from "../../services/members.js";
import { localDayBounds } from "../../services/record-entry.js";
import type { BotContext } from "../context.js";
import { requireHead } from "../middlewares/guards.js";

/** `/crm`: the head connects amoCRM or Bitrix24, maps people and stages, and sees sync health (issue 21). */
export const crmFeature = new Composer<BotContext>();

/** A connect flow waits this long for the head's next answer. */
const SETUP_TTL_MS = 30 * 60_000;

type Setup =
  | { kind: "amocrm"; step: "address" }
  | { kind: "amocrm"; step: "auth"; baseUrl: string }
  | { kind: "amocrm"; step: "secret"; baseUrl: string; clientId: string }
  | { kind: "amocrm"; step: "redirect"; baseUrl: string; clientId: string; clientSecret: string }
  | { kind: "amocrm"; step: "code"; baseUrl: string; clientId: string; clientSecret: string; redirectUri: string }
  | { kind: "bitrix24"; step: "webhook" }
  | { kind: "bitrix24"; step: "hooktoken"; connectionId: number };

/** Steps whose answer is a secret: the message is deleted and redacted from the stored update. */
const SECRET_STEPS = new Set<Setup["step"]>(["auth", "secret", "code", "webhook", "hooktoken"]);

function setupStore(ctx: BotContext): SetupState<Setup> {
  return setupState<Setup>(ctx.deps, ctx.from!.id, SETUP_TTL_MS);
}

async function headInPrivate(ctx: BotContext): Promise<Member | null> {
  const head = await requireHead(ctx, "crm");
  if (!head) return null;
  if (ctx.chat?.type !== "private") {
    await ctx.reply(ctx.t.crm.privateOnly);
    return null;
  }
  return head;
}

const noPreview = { link_preview_options: { is_disabled: true } };

crmFeature.command("crm", async (ctx) => {
  const head = await headInPrivate(ctx);
  if (!head) return;
  const [sub = "", arg = "", arg2 = ""] = ctx.match.trim().toLowerCase().split(/\s+/);
  const t = ctx.t.crm;
  switch (sub) {
    case "":
    case "status":
      return void (await ctx.reply(statusText(ctx, head), noPreview));
    case "connect": {
      if (!isCrmKind(arg)) return void (await ctx.reply(t.usage, noPreview));
      await ctx.conversation.exitAll();
      setupStore(ctx).write(arg === "amocrm" ? { kind: "amocrm", step: "address" } : { kind: "bitrix24", step: "webhook" });
      return void (await ctx.reply(arg === "amocrm" ? t.connect.askAmoAddress : t.connect.askBitrixWebhook, noPreview));
    }
    case "users":
      return usersScreen(ctx, head);
    case "stages":
      return stagesScreen(ctx, head);
    case "sync": {
      const conns = activeConnections(ctx.deps, head.team.id);
      if (conns.length === 0) return void (await ctx.reply(t.notConnected, noPreview));
      await ctx.reply(t.sync.started);
      for (const c of conns) {
        const r = await syncConnection(ctx.deps, c.id);
        await ctx.reply(
          r.ok ? t.sync.done(r.tally.recorded, r.tally.corrected, r.tally.voided, r.tally.unassigned) : t.sync.failed(escapeHtml(r.error)),
          noPreview,
        );
      }
      return;
    }
    case "disconnect": {
      const conn = activeConnectionOf(ctx.deps, head.team.id, arg);
      if (!conn) return void (await ctx.reply(isCrmKind(arg) ? t.notConnected : t.disconnect.which, noPreview));
      await unregisterHook(ctx, conn);
      markDisconnected(ctx.deps, conn.id, ctx.deps.now());
      return void (await ctx.reply(t.disconnect.done(t.kindName[conn.kind]), noPreview));
    }
    case "sources":
      return sources(ctx, head, arg, arg2);
    case "token": {
      // Bitrix24 outgoing webhooks sign nothing but carry the application token: asked only when the head sets them up.
      const conn = activeConnectionOf(ctx.deps, head.team.id, "bitrix24");
      if (!conn) return void (await ctx.reply(t.notConnected, noPreview));
      await ctx.conversation.exitAll();
      setupStore(ctx).write({ kind: "bitrix24", step: "hooktoken", connectionId: conn.id });
      return void (await ctx.reply(t.connect.askHookToken, noPreview));
    }
    default:
      return void (await ctx.reply(t.usage, noPreview));
  }
});

/** The amoCRM events whose webhook pokes a reconcile. */
const AMO_HOOK_EVENTS = ["add_lead", "update_lead", "status_lead", "delete_lead", "note_lead", "note_contact", "add_task", "update_task"];

/** Registers the bot's webhook in amoCRM when the token allows it (else the head may add the address by hand). */
async function registerAmoHook(ctx: BotContext, conn: CrmConnection, destination: string): Promise<void> {
  try {
    await new AmoClient(conn.baseUrl, { deps: ctx.deps, connectionId: conn.id }).request(
      "POST",
      "/api/v4/webhooks",
      {},
      { destination, settings: AMO_HOOK_EVENTS },
    );
    recordRegisteredHook(ctx.deps, conn.id, destination);
  } catch (err) {
    ctx.log.warn({ err: String(err), connection_id: conn.id }, "could not register the amoCRM webhook");
  }
}

async function unregisterHook(ctx: BotContext, conn: CrmConnection): Promise<void> {
  if (conn.kind !== "amocrm" || !conn.registeredHook) return;
  try {
    await new AmoClient(conn.baseUrl, { deps: ctx.deps, connectionId: conn.id }).request(
      "DELETE",
      "/api/v4/webhooks",
      {},
      { destination: conn.registeredHook },
    );
  } catch (err) {
    ctx.log.warn({ err: String(err), connection_id: conn.id }, "could not remove the amoCRM webhook");
  }
}

function statusText(ctx: BotContext, head: Member): string {
  const t = ctx.t.crm;
  const conns = activeConnections(ctx.deps, head.team.id);
  if (conns.length === 0) return t.notConnected;
  const now = ctx.deps.now();
  const tz = head.team.timezone;
  const day = localDayBounds(now, tz);
  const blocks = conns.map((c) => {
    const s = connectionStats(ctx.deps, c.id, day.from, day.to);
    const lines = [t.status.block(t.kindName[c.kind], escapeHtml(c.accountName))];
    lines.push(
      c.lastSyncAt === null
        ? t.status.never
        : t.status.lastSync(formatLocal(c.lastSyncAt, tz, "DD.MM.YYYY HH:mm"), formatDuration(now - c.lastSyncAt, ctx.locale)),
    );
    const counts = ACTIVITY_KINDS.flatMap((k) => (s.today[k] ? [[ctx.t.kindCommand[k].menu, s.today[k]] as [string, number]] : []));
    lines.push(counts.length ? t.status.today(escapeHtml(t.kindList(counts))) : t.status.todayNone);
    if (s.unassigned > 0) lines.push(t.status.unassigned(s.unassigned));
    if (s.skipped > 0) lines.push(t.status.skipped(s.skipped));
    if (c.lastError && c.lastErrorAt !== null)
      lines.push(t.status.error(formatLocal(c.lastErrorAt, tz, "DD.MM.YYYY HH:mm"), escapeHtml(c.lastError)));
    const hook = hookAddress(ctx.deps, c);
    if (hook) lines.push(t.status.webhook(escapeHtml(hook)));
    return lines.join("\n");
  });
  return [t.status.title, ...blocks].join("\n\n");
}

// ── people ──

function memberName(m: { firstName: string; lastName: string | null; username: string | null }): string {
  return [m.firstName, m.lastName].filter(Boolean).join(" ") + (m.username ? ` (@${m.username})` : "");
}

async function usersScreen(ctx: BotContext, head: Member, edit = false): Promise<void> {
  const t = ctx.t.crm;
  const conns = activeConnections(ctx.deps, head.team.id);
  if (conns.length === 0) return void (await ctx.reply(t.notConnected, noPreview));
  const team = teamMembers(ctx.deps, head.team.id).map((m) => ({ ...m.user, userId: m.user.id }));
  const byId = new Map(team.map((m) => [m.userId, m]));
  for (const conn of conns) {
    const users = crmUsers(ctx.deps, conn.id);
    if (users.length === 0) {
      await ctx.reply(t.users.empty, noPreview);
      continue;
    }
    const lines = [t.users.title(t.kindName[conn.kind])];
    const kb = new InlineKeyboard();
    for (const u of users.slice(0, 40)) {
      const name = escapeHtml(u.name);
      const mapped = u.confirmedAt !== null && u.userId !== null ? byId.get(u.userId) : undefined;
      if (mapped) lines.push(t.users.mapped(name, escapeHtml(memberName(mapped))));
      else {
        const suggestion = u.confirmedAt === null ? suggestMember(u.name, u.email, team) : null;
        const s = suggestion !== null ? byId.get(suggestion) : undefined;
        lines.push(s ? t.users.suggested(name, escapeHtml(memberName(s))) : t.users.none(name));
        if (s) kb.text(t.users.confirm(u.name, s.firstName).slice(0, 60), `crm:u:${conn.id}:${u.crmUserId}:${s.userId}`);
      }
      kb.text(t.users.change(u.name).slice(0, 60), `crm:c:${conn.id}:${u.crmUserId}`).row();
    }
    const text = lines.join("\n");
    if (edit) await ctx.editMessageText(text, { ...noPreview, reply_markup: kb }).catch(() => undefined);
    else await ctx.reply(text, { ...noPreview, reply_markup: kb });
  }
}

crmFeature.callbackQuery(/^crm:c:(\d+):([^:]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await headInPrivate(ctx);
  if (!head) return;
  const conn = teamConnection(ctx.deps, head.team.id, Number(ctx.match[1]));
  const u = conn ? crmUser(ctx.deps, conn.id, ctx.match[2]!) : undefined;
  if (!conn || !u) return void (await ctx.reply(ctx.t.staleButton));
  const kb = new InlineKeyboard();
  for (const m of teamMembers(ctx.deps, head.team.id)) {
    kb.text(memberName(m.user).slice(0, 60), `crm:u:${conn.id}:${u.crmUserId}:${m.user.id}`).row();
  }
  kb.text(ctx.t.crm.users.nobody, `crm:u:${conn.id}:${u.crmUserId}:0`);
  await ctx.reply(ctx.t.crm.users.pick(escapeHtml(u.name)), { ...noPreview, reply_markup: kb });
});

crmFeature.callbackQuery(/^crm:u:(\d+):([^:]+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await headInPrivate(ctx);
  if (!head) return;
  const conn = teamConnection(ctx.deps, head.team.id, Number(ctx.match[1]), { live: true });
  const u = conn ? crmUser(ctx.deps, conn.id, ctx.match[2]!) : undefined;
  const userId = Number(ctx.match[3]);
  // Button data can be forged: the person must be an active member of the head's team.
  const member = userId === 0 ? null : teamMembers(ctx.deps, head.team.id).find((m) => m.user.id === userId);
  if (!conn || !u || member === undefined) return void (await ctx.reply(ctx.t.staleButton));
  mapCrmUser(ctx.deps, conn.id, u.crmUserId, member?.user.id ?? null, ctx.deps.now());
  if (!member) return void (await ctx.reply(ctx.t.crm.users.cleared(escapeHtml(u.name)), noPreview));
  const counted = retryWaiting(ctx.deps, conn, u.crmUserId).recorded;
  await ctx.reply(ctx.t.crm.users.saved(escapeHtml(u.name), escapeHtml(memberName(member.user)), counted), noPreview);
});

// ── stages ──

async function stagesScreen(ctx: BotContext, head: Member, edit = false): Promise<void> {
  const t = ctx.t.crm;
  const conns = activeConnections(ctx.deps, head.team.id);
  if (conns.length === 0) return void (await ctx.reply(t.notConnected, noPreview));
  for (const conn of conns) {
    const stages = crmStages(ctx.deps, conn.id);
    if (stages.length === 0) {
      await ctx.reply(t.stages.empty, noPreview);
      continue;
    }
    const lines = [t.stages.title(t.kindName[conn.kind])];
    const kb = new InlineKeyboard();
    for (const s of stages.slice(0, 60)) {
      const line = t.stages.line(s.pipelineName, s.name, t.targetName[s.target]);
      lines.push(escapeHtml(line));
      if (s.target !== "won" && s.target !== "lost") kb.text(line.slice(0, 60), `crm:s:${conn.id}:${s.id}`).row();
    }
    const text = lines.join("\n").slice(0, 4000);
    if (edit) await ctx.editMessageText(text, { ...noPreview, reply_markup: kb }).catch(() => undefined);
    else await ctx.reply(text, { ...noPreview, reply_markup: kb });
  }
}

crmFeature.callbackQuery(/^crm:s:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await headInPrivate(ctx);
  if (!head) return;
  const conn = teamConnection(ctx.deps, head.team.id, Number(ctx.match[1]));
  const stage = conn ? crmStages(ctx.deps, conn.id).find((s) => s.id === Number(ctx.match[2])) : undefined;
  if (!conn || !stage || stage.target === "won" || stage.target === "lost") return void (await ctx.reply(ctx.t.staleButton));
  const order = MAPPABLE_STAGE_TARGETS as readonly string[];
  const next = MAPPABLE_STAGE_TARGETS[(order.indexOf(stage.target) + 1) % order.length]!;
  setStageMeaning(ctx.deps, conn.id, stage.id, next);
  await stagesScreen(ctx, head, true);
});

// ── sources ──

async function sources(ctx: BotContext, head: Member, kindWord: string, sourceWord: string): Promise<void> {
  const t = ctx.t.crm.sources;
  if (kindWord) {
    const kind = ACTIVITY_KINDS.find((k) => k === kindWord);
    const source = ENTRY_SOURCES.find((s) => s === sourceWord);
    if (!kind || !source) return void (await ctx.reply(t.bad, noPreview));
    setEntrySource(ctx.deps, head.team.id, kind, source, head.user.id, ctx.deps.now());
    for (const conn of activeConnections(ctx.deps, head.team.id)) retryWaiting(ctx.deps, conn);
    return void (await ctx.reply(t.saved(ctx.t.kindCommand[kind].menu, ctx.t.crm.sourceName[source]), noPreview));
  }
  const all = teamSources(ctx, head.team.id);
  const lines = ACTIVITY_KINDS.map((k) => t.line(`${ctx.t.kindCommand[k].menu} (<code>${k}</code>)`, ctx.t.crm.sourceName[all[k]]));
  await ctx.reply([t.title, ...lines, "", t.usage].join("\n"), noPreview);
}

function teamSources(ctx: BotContext, teamId: number): Record<ActivityKind, EntrySource> {
  return teamEntrySources(ctx.deps, teamId);
}

// ── the connect flow (and secrets typed outside it) ──

crmFeature.command("cancel", async (ctx, next) => {
  if (ctx.chat?.type !== "private" || !ctx.from) return next();
  const store = setupStore(ctx);
  if (!store.read()) return next();
  store.clear();
  await ctx.reply(ctx.t.crm.connect.cancelled);
});

crmFeature.on("message:text", async (ctx, next) => {
  if (ctx.chat.type !== "private") return next();
  const store = setupStore(ctx);
  const setup = store.read();
  if (ctx.msg.text.startsWith("/")) {
    // Another command leaves the connect flow: later plain text is not taken for an address or a token.
    if (setup) store.clear();
    return next();
  }
  if (!setup) {
    if (!looksLikeSecret(ctx.msg.text)) return next();
    await hideSecret(ctx);
    return void (await ctx.reply(ctx.t.crm.looksLikeSecret));
  }
  const text = ctx.msg.text.trim();
  if (SECRET_STEPS.has(setup.step)) {
    await hideSecret(ctx);
    await ctx.reply(ctx.t.crm.connect.hidden);
  }
  // The flow re-checks who is typing when it saves: a head of a team, still.
  const head = await headInPrivate(ctx);
  if (!head) return void store.clear();
  const t = ctx.t.crm.connect;
  const allowInsecure = ctx.deps.config.crm.allowInsecure;
  switch (setup.step) {
    case "address": {
      const baseUrl = parseAmoAddress(text, allowInsecure);
      if (!baseUrl) return void (await ctx.reply(t.badAmoAddress, noPreview));
      store.write({ kind: "amocrm", step: "auth", baseUrl });
      return void (await ctx.reply(t.askAmoAuth, noPreview));
    }
    case "auth": {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
        store.write({ kind: "amocrm", step: "secret", baseUrl: setup.baseUrl, clientId: text });
        return void (await ctx.reply(t.askClientSecret, noPreview));
      }
      store.clear();
      await ctx.reply(t.checking);
      const check = await checkAmo(setup.baseUrl, text);
      if (!check.ok) return void (await ctx.reply(t.failed[check.reason], noPreview));
      return finish(ctx, head, {
        kind: "amocrm",
        authMode: "token",
        baseUrl: setup.baseUrl,
        ...check,
        credentials: { mode: "token", token: text },
      });
    }
    case "secret": {
      store.write({ ...setup, step: "redirect", clientSecret: text });
      return void (await ctx.reply(t.askRedirect(escapeHtml(defaultRedirect(ctx))), noPreview));
    }
    case "redirect": {
      const redirectUri = text === "-" ? defaultRedirect(ctx) : text;
      store.write({ ...setup, step: "code", redirectUri });
      return void (await ctx.reply(t.askCode, noPreview));
    }
    case "code": {
      store.clear();
      await ctx.reply(t.checking);
      const app = { clientId: setup.clientId, clientSecret: setup.clientSecret, redirectUri: setup.redirectUri };
      const r = await exchangeAmoCode(ctx.deps, setup.baseUrl, app, text);
      if (!r.ok) return void (await ctx.reply(t.failed[r.reason], noPreview));
      if (!r.check.ok) return void (await ctx.reply(t.failed[r.check.reason], noPreview));
      return finish(ctx, head, { kind: "amocrm", authMode: "oauth", baseUrl: setup.baseUrl, ...r.check, credentials: r.credentials });
    }
    case "hooktoken": {
      store.clear();
      const conn = teamConnection(ctx.deps, head.team.id, setup.connectionId, { live: true });
      if (!conn || !/^[A-Za-z0-9_-]{8,128}$/.test(text)) {
        return void (await ctx.reply(t.badHookToken, noPreview));
      }
      saveHookToken(ctx.deps, conn.id, vaultFor(ctx.deps.config, ctx.deps.logger).seal(text));
      return void (await ctx.reply(t.hookTokenSaved, noPreview));
    }
    case "webhook": {
      const hook = parseBitrixWebhook(text, allowInsecure);
      if (!hook) return void (await ctx.reply(t.badBitrixWebhook, noPreview));
      store.clear();
      await ctx.reply(t.checking);
      const check = await checkBitrix(hook.url);
      if (!check.ok) return void (await ctx.reply(t.failed[check.reason], noPreview));
      return finish(ctx, head, {
        kind: "bitrix24",
        authMode: "webhook",
        baseUrl: new URL(hook.url).origin,
        ...check,
        credentials: { mode: "webhook", url: hook.url },
      });
    }
  }
});

function defaultRedirect(ctx: BotContext): string {
  return `${ctx.deps.config.crm.publicUrl ?? "https://example.com"}/crm/amocrm/oauth`;
}

/** The secret leaves the chat and the stored raw update; nothing of it is logged. */
async function hideSecret(ctx: BotContext): Promise<void> {
  redactStoredText(ctx.deps, ctx.update.update_id);
  await ctx.deleteMessage().catch(() => undefined);
}

async function finish(
  ctx: BotContext,
  head: Member,
  c: {
    kind: "amocrm" | "bitrix24";
    authMode: "token" | "oauth" | "webhook";
    baseUrl: string;
    accountId: string;
    accountName: string;
    credentials: Credentials;
  },
): Promise<void> {
  const t = ctx.t.crm.connect;
  const conn = saveConnection(ctx.deps, head, c);
  ctx.log.info({ connection_id: conn.id, crm: conn.kind, team_id: head.team.id }, "CRM connected");
  const hook = hookAddress(ctx.deps, conn);
  if (hook && conn.kind === "amocrm") await registerAmoHook(ctx, conn, hook);
  const parts = [t.connected(ctx.t.crm.kindName[conn.kind], escapeHtml(conn.accountName))];
  if (hook) parts.push(t.webhook(escapeHtml(hook)));
  parts.push(t.next);
  await ctx.reply(parts.join("\n\n"), noPreview);
  // The month's history is read now, in the background; /crm shows how it went.
  void syncConnection(ctx.deps, conn.id);
}
