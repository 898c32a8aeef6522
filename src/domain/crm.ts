// CRM connectors (issue 21): the pure rules shared by storage, sync and views.
import { ACTIVITY_KINDS, type ActivityKind, type CallOutcome } from "./types.js";

/** The CRMs the bot reads. */
export const CRM_KINDS = ["amocrm", "bitrix24"] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

export function isCrmKind(value: string): value is CrmKind {
  return (CRM_KINDS as readonly string[]).includes(value);
}

/** How the bot authenticates: amoCRM long-lived token or OAuth; Bitrix24 inbound webhook URL. */
export const CRM_AUTH_MODES = ["token", "oauth", "webhook"] as const;
export type CrmAuthMode = (typeof CRM_AUTH_MODES)[number];

/**
 * What a CRM pipeline stage means to the bot. Won and lost are set automatically
 * (amoCRM 142/143, Bitrix24 semantics S/F); the head maps the rest once.
 */
export const CRM_STAGE_TARGETS = ["none", "meeting", "presentation", "proposal", "won", "lost"] as const;
export type CrmStageTarget = (typeof CRM_STAGE_TARGETS)[number];
/** The targets a head may choose (won/lost come from the CRM itself). */
export const MAPPABLE_STAGE_TARGETS = ["none", "meeting", "presentation", "proposal"] as const satisfies readonly CrmStageTarget[];

/**
 * A CRM record's life in the ledger: waiting to be recorded, waiting for its CRM user
 * to be mapped, recorded as an entry, left out (with a reason), or voided after the
 * CRM deleted or undid it.
 */
export const CRM_RECORD_STATES = ["pending", "unassigned", "recorded", "skipped", "voided"] as const;
export type CrmRecordState = (typeof CRM_RECORD_STATES)[number];

/** Where a team's entries of a kind come from. One source per kind: an event reported both ways counts once. */
export const ENTRY_SOURCES = ["chat", "crm"] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** Once a CRM is connected, calls and deals come from it; the rest stays in chat until the head says otherwise. */
export const DEFAULT_CRM_SOURCES: Record<ActivityKind, EntrySource> = {
  call: "crm",
  meeting: "chat",
  proposal: "chat",
  presentation: "chat",
  lead: "chat",
  deal: "crm",
  lost: "chat",
};

/** A team's sources with the head's choices over the defaults (chat for everything without a connection). */
export function effectiveSources(
  connected: boolean,
  chosen: Partial<Record<ActivityKind, EntrySource>>,
): Record<ActivityKind, EntrySource> {
  const out = {} as Record<ActivityKind, EntrySource>;
  for (const kind of ACTIVITY_KINDS) out[kind] = connected ? (chosen[kind] ?? DEFAULT_CRM_SOURCES[kind]) : "chat";
  return out;
}

/**
 * amoCRM `call_status`: 4 = conversation took place; 1 left a message, 2 call back,
 * 3 not available, 5 wrong number, 6 not reached, 7 busy. Without a status, a call
 * that lasted is a conversation.
 */
export function amoCallOutcome(callStatus: number | null | undefined, durationS: number | null | undefined): CallOutcome {
  if (callStatus === 4) return "reached";
  if (callStatus !== null && callStatus !== undefined && callStatus >= 1 && callStatus <= 7) return "noanswer";
  return (durationS ?? 0) > 0 ? "reached" : "noanswer";
}

/** Bitrix24 telephony: a call that lasted is reached (a failure code other than 200 with no duration is not). */
export function bitrixCallOutcome(durationS: number | null | undefined, failedCode: string | null | undefined): CallOutcome {
  if ((durationS ?? 0) > 0) return "reached";
  return failedCode === "200" ? "reached" : "noanswer";
}

/** amoCRM's fixed statuses in every pipeline. */
export const AMO_WON_STATUS = 142;
export const AMO_LOST_STATUS = 143;

/** Bitrix24 stage semantics: S success, F failure, anything else in progress. */
export function bitrixStageTarget(semantics: string | null | undefined): CrmStageTarget | null {
  if (semantics === "S") return "won";
  if (semantics === "F") return "lost";
  return null;
}

/** Lower-case words of a name for matching a CRM user to a team member. */
function words(s: string): string[] {
  return s
    .normalize("NFKC")
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

export interface MemberLike {
  userId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
}

/**
 * The team member a CRM user most likely is: by username in the e-mail's local part,
 * then full name, then first name; null when nobody or more than one fits.
 */
export function suggestMember(crmName: string, crmEmail: string | null, members: MemberLike[]): number | null {
  const local = crmEmail?.split("@")[0]?.toLowerCase() ?? "";
  const byUsername = members.filter((m) => m.username && local && m.username.toLowerCase() === local);
  if (byUsername.length === 1) return byUsername[0]!.userId;
  const name = words(crmName);
  const full = members.filter((m) => {
    const w = words(`${m.firstName} ${m.lastName ?? ""}`);
    return w.length > 0 && w.every((x) => name.includes(x)) && (w.length > 1 || name.length === 1);
  });
  if (full.length === 1) return full[0]!.userId;
  const first = members.filter((m) => {
    const f = words(m.firstName)[0];
    return f !== undefined && name[0] === f;
  });
  return first.length === 1 ? first[0]!.userId : null;
}

/**
 * Whether a message looks like a credential (a JWT, a long random key, a Bitrix24
 * webhook URL): such text is never read as an entry or echoed back.
 */
export function looksLikeSecret(text: string): boolean {
  const t = text.trim();
  if (/\/rest\/\d+\/[A-Za-z0-9_-]{6,}/.test(t)) return true;
  if (/\s/.test(t)) return false;
  if (/^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/.test(t)) return true;
  return t.length >= 32 && /[A-Za-z]/.test(t) && /\d/.test(t) && /^[A-Za-z0-9_\-+/=.]+$/.test(t);
}
