// The /crm words (issue 21), English; crm-ru.ts has the same shape.
import type { CrmKind, CrmStageTarget, EntrySource } from "../../domain/crm.js";

export const crmEn = {
  kindName: { amocrm: "amoCRM (Kommo)", bitrix24: "Bitrix24" } as Record<CrmKind, string>,
  targetName: {
    none: "—",
    meeting: "meeting",
    presentation: "presentation",
    proposal: "proposal",
    won: "won (deal)",
    lost: "lost",
  } as Record<CrmStageTarget, string>,
  sourceName: { chat: "chat", crm: "CRM" } as Record<EntrySource, string>,
  help: "🔌 <b>CRM</b> (head, private chat): /crm — status; <code>/crm connect amocrm|bitrix24</code>; <code>/crm users</code>, <code>/crm stages</code> — mapping; <code>/crm sync</code>; <code>/crm sources</code>; <code>/crm disconnect amocrm|bitrix24</code>.",
  usage:
    "Use: <code>/crm</code> (status), <code>/crm connect amocrm</code> or <code>/crm connect bitrix24</code>, <code>/crm users</code>, <code>/crm stages</code>, <code>/crm sync</code>, <code>/crm sources [kind chat|crm]</code>, <code>/crm token</code> (Bitrix24 outgoing webhooks), <code>/crm disconnect amocrm|bitrix24</code>.",
  privateOnly: "CRM settings carry credentials: send /crm in the private chat with me.",
  notConnected: "No CRM connected. Connect one: <code>/crm connect amocrm</code> or <code>/crm connect bitrix24</code>.",
  connect: {
    askAmoAddress:
      "🔌 Connecting amoCRM (Kommo). Send the account address, e.g. <code>https://yourcompany.amocrm.ru</code> or <code>https://yourcompany.kommo.com</code>. /cancel stops.",
    badAmoAddress: "That is not an amoCRM/Kommo account address. Send it like <code>https://yourcompany.amocrm.ru</code>.",
    askAmoAuth:
      "Now send the <b>long-lived token</b> of your private integration (amoCRM → Settings → Integrations → your integration → Keys and scopes → Long-lived token).\nFor OAuth instead, send the integration's <b>client id</b> (integration id). I delete the message with the secret and never show it again.",
    askClientSecret: "Send the integration's <b>secret key</b> (client secret).",
    askRedirect: (def: string) => `Send the redirect URI the integration was created with, or <code>-</code> for <code>${def}</code>.`,
    askCode: "Send the <b>authorization code</b> (Keys and scopes → Authorization code; it lives 20 minutes).",
    askBitrixWebhook:
      "🔌 Connecting Bitrix24. Create an inbound webhook (Developer resources → Other → Inbound webhook) with the scopes <b>crm</b>, <b>user</b>, <b>telephony</b>, and send its URL, like <code>https://yourcompany.bitrix24.ru/rest/1/abc123…/</code>. I delete the message and never show it again.",
    badBitrixWebhook:
      "That is not a Bitrix24 inbound webhook URL. It looks like <code>https://yourcompany.bitrix24.ru/rest/1/abc123…/</code>.",
    askHookToken:
      "Send the <b>application token</b> of your Bitrix24 outgoing webhook (Developer resources → Other → Outgoing webhook → Application token). Events without it are ignored from then on.",
    badHookToken: "That is not an application token (8–128 letters, digits, _ or -). Start again: <code>/crm token</code>.",
    hookTokenSaved: "✅ Saved: outgoing webhook events are checked against it.",
    checking: "⏳ Checking with the CRM…",
    hidden: "🔒 Received; I deleted your message with the secret.",
    failed: {
      auth: "❌ The CRM refused these credentials (wrong, expired or without the needed scopes). Start again: /crm connect.",
      unreachable: "❌ I could not reach the CRM at that address. Check it and start again: /crm connect.",
      format: "❌ The CRM answered something I don't understand. Check the address and start again: /crm connect.",
    },
    connected: (kind: string, account: string) =>
      `✅ Connected ${kind}: <b>${account}</b>. I read this month's history now and then every few minutes.`,
    webhook: (url: string) => `Webhook address (optional, makes updates faster; keep it private):\n<code>${url}</code>`,
    next: "Next: map people with /crm users and pipeline stages with /crm stages. Activity of people not mapped yet waits and is counted once they are.",
    cancelled: "Cancelled: nothing connected.",
    expired: "That CRM setup expired: start again with /crm connect.",
  },
  looksLikeSecret:
    "🔒 That looks like a password, token or webhook address: I did not read or store it, and deleted the message. To connect a CRM, use /crm connect.",
  status: {
    title: "🔌 <b>CRM</b>",
    block: (kind: string, account: string) => `<b>${kind}</b>: ${account}`,
    lastSync: (when: string, lag: string) => `Last sync: ${when} (${lag} ago)`,
    never: "Not synced yet.",
    today: (list: string) => `Today from the CRM: ${list}`,
    todayNone: "Today from the CRM: nothing yet.",
    unassigned: (n: number) => `Waiting for a mapped person: ${n} (/crm users)`,
    skipped: (n: number) => `Left out (chat is their source, or the pipeline refused): ${n}`,
    error: (when: string, text: string) => `⚠️ Last error ${when}: ${text}`,
    webhook: (url: string) => `Webhook: <code>${url}</code>`,
  },
  users: {
    title: (kind: string) => `👥 <b>People in ${kind}</b> (tap to confirm or change):`,
    mapped: (crm: string, member: string) => `✅ ${crm} → ${member}`,
    suggested: (crm: string, member: string) => `❔ ${crm} → ${member}?`,
    none: (crm: string) => `❔ ${crm} → nobody`,
    empty: "No users read from the CRM yet: run /crm sync.",
    confirm: (crm: string, member: string) => `✅ ${crm} = ${member}`,
    change: (crm: string) => `✏️ ${crm}`,
    pick: (crm: string) => `Who is <b>${crm}</b> in the team?`,
    nobody: "Nobody (don't count)",
    saved: (crm: string, member: string, counted: number) => `✅ ${crm} → ${member}. Counted ${counted} waiting entries.`,
    cleared: (crm: string) => `✅ ${crm} is not counted for anyone.`,
  },
  stages: {
    title: (kind: string) =>
      `🪜 <b>Pipeline stages in ${kind}</b>. Won and lost are set by the CRM; tap a stage to change what it counts as:`,
    line: (pipeline: string, stage: string, target: string) => `${pipeline ? `${pipeline} · ` : ""}${stage} → ${target}`,
    empty: "No stages read from the CRM yet: run /crm sync.",
    saved: "✅ Saved. Leads are re-read at the next sync.",
  },
  sync: {
    started: "⏳ Syncing…",
    done: (recorded: number, corrected: number, voided: number, unassigned: number) =>
      `✅ Synced: new entries ${recorded}, corrected ${corrected}, voided ${voided}, waiting for a person ${unassigned}.`,
    failed: (error: string) => `❌ Sync failed: ${error}`,
  },
  disconnect: {
    done: (kind: string) => `✅ ${kind} disconnected. Entries already counted stay.`,
    which: "Which one? <code>/crm disconnect amocrm</code> or <code>/crm disconnect bitrix24</code>.",
  },
  sources: {
    title: "📥 <b>Where entries come from</b> (one source per kind, so nothing counts twice):",
    line: (kind: string, source: string) => `${kind}: ${source}`,
    usage: "Change: <code>/crm sources call crm</code> or <code>/crm sources meeting chat</code>.",
    bad: "Use <code>/crm sources &lt;kind&gt; chat|crm</code>, kinds: call, meeting, proposal, presentation, lead, deal, lost.",
    saved: (kind: string, source: string) => `✅ ${kind}: from ${source}.`,
    fromCrm: (kind: string) =>
      `📥 “${kind}” entries come from the CRM in this team, so I didn't store this one (it would count twice). A head can change it: /crm sources.`,
  },
  alert: (kind: string, account: string, since: string, error: string) =>
    `⚠️ <b>${kind}</b> (${account}) has not synced since ${since}: ${error}.\nChat logging keeps working. Check the connection: /crm; reconnect with /crm connect.`,
  morning: (since: string) => `⚠️ CRM: not synced since ${since}.`,
  kindList: (counts: [string, number][]) => counts.map(([k, n]) => `${k} ${n}`).join(", "),
};
