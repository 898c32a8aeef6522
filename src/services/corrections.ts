import type { Activity } from "../db/repositories/entries.js";
import type { EntryChange, EntryPatch } from "../db/repositories/entry-changes.js";
import type { EditValue, EntryTarget } from "../domain/edit-command.js";
import type { ActivityKind, Stage } from "../domain/types.js";
import type { AppDeps, Member } from "./deps.js";
import { checkEntryInstant } from "./entry-day.js";

export type { Activity };

/** A manager corrects their own entry within a day of logging it, as /undo takes one back. */
export const EDIT_WINDOW_MS = 24 * 3_600_000;
/** How many of today's entries `/edit` offers as buttons. */
export const EDIT_LIST_LIMIT = 10;

export type EditRefusal =
  /** `/edit` on "the last entry" when there is none within the window. */
  | "no_entry"
  /** No such entry in the speaker's team (or a forged id). */
  | "not_found"
  | "not_yours"
  | "too_old"
  /** The manager's own entry, imported by a head for a day beyond the team's backdating window. */
  | "outside_window"
  | "voided"
  | "reason_required"
  /** An amount on a non-deal, an outcome on a non-call. */
  | "wrong_kind"
  | "client_lead_exists"
  | "client_moves_lead"
  | "unchanged"
  | "head_only";

export type CorrectionOutcome =
  | { ok: true; activity: Activity; change: EntryChange; before: EntryPatch; after: EntryPatch }
  | { ok: false; refusal: EditRefusal; entry?: Activity; detail?: string };

export type VoidOutcome =
  | { ok: true; activity: Activity; change: EntryChange; leadRemoved: boolean; stageRestored: Stage | null }
  | { ok: false; refusal: EditRefusal; entry?: Activity };

/** When an entry was typed in: its logging time, which differs from its time only when backdated. */
export function loggedAtOf(a: Pick<Activity, "loggedAt" | "occurredAt">): number {
  return a.loggedAt ?? a.occurredAt;
}

/** Which fields an entry of this kind has that may be corrected. */
export function editableFields(kind: ActivityKind): ("amount" | "client" | "outcome")[] {
  if (kind === "deal") return ["amount", "client"];
  if (kind === "call") return ["outcome", "client"];
  return ["client"];
}

/**
 * Whether `member` may change `a`: their own entry within the window as is; anything
 * else only a head, with a reason (a correction of someone's numbers must say why).
 * A manager's own entry that was imported for a day beyond the team's backdating
 * window (only a head may import one) is the head's to correct: a manager never
 * writes further back than their commands may.
 */
export function mayChange(member: Member, a: Activity, now: number, reason: string | null): EditRefusal | null {
  if (a.deletedAt !== null) return "voided";
  const own = a.userId === member.user.id;
  const isHead = member.membership.role === "head";
  if (own && now - loggedAtOf(a) <= EDIT_WINDOW_MS) {
    if (!isHead && a.importJobId !== null && !checkEntryInstant(member.team, a.occurredAt, now).ok) return "outside_window";
    return null;
  }
  if (!isHead) return own ? "too_old" : "not_yours";
  return reason ? null : "reason_required";
}

/** The speaker's entries they may still correct themselves (logged within the window), newest first. */
export function editableEntries(deps: AppDeps, member: Member): Activity[] {
  return deps.repos.entryChanges.recentOwn(member.team.id, member.user.id, deps.now() - EDIT_WINDOW_MS, EDIT_LIST_LIMIT);
}

/** The entry a request names, in the speaker's team. */
export function findEntry(deps: AppDeps, member: Member, target: EntryTarget): Activity | EditRefusal {
  if (target === "last") return editableEntries(deps, member)[0] ?? "no_entry";
  return deps.repos.entryChanges.entry(member.team.id, target.id) ?? "not_found";
}

function patchOf(value: EditValue): EntryPatch {
  switch (value.field) {
    case "amount":
      return { amountMinor: value.amountMinor };
    case "client":
      return { clientName: value.clientName };
    case "outcome":
      return { outcome: value.outcome };
  }
}

/** Corrects one field of an entry in place, audited; KPIs read the corrected row. */
export function correctEntry(
  deps: AppDeps,
  member: Member,
  target: EntryTarget,
  value: EditValue,
  reason: string | null,
): CorrectionOutcome {
  const now = deps.now();
  const entry = findEntry(deps, member, target);
  if (typeof entry === "string") return { ok: false, refusal: entry };
  const refusal = mayChange(member, entry, now, reason);
  if (refusal) return { ok: false, refusal, entry };
  if (!editableFields(entry.kind).includes(value.field)) return { ok: false, refusal: "wrong_kind", entry };
  const result = deps.repos.entryChanges.correct(entry.id, member.team.id, member.user.id, patchOf(value), reason, now);
  switch (result.status) {
    case "corrected":
      deps.logger.info({ activity_id: entry.id, by: member.user.id, team_id: member.team.id, field: value.field }, "entry corrected");
      return { ok: true, activity: result.activity, change: result.change, before: result.before, after: result.after };
    case "gone":
      return { ok: false, refusal: "voided", entry };
    case "unchanged":
      return { ok: false, refusal: "unchanged", entry };
    case "client_lead_exists":
      return { ok: false, refusal: "client_lead_exists", entry };
    case "client_moves_lead":
      return { ok: false, refusal: "client_moves_lead", entry, detail: result.clientName };
  }
}

/** A head voids any entry of the team with a reason: taken back like /undo, and kept in the audit. */
export function voidEntry(deps: AppDeps, member: Member, id: number, reason: string): VoidOutcome {
  if (member.membership.role !== "head") return { ok: false, refusal: "head_only" };
  const entry = deps.repos.entryChanges.entry(member.team.id, id);
  if (!entry) return { ok: false, refusal: "not_found" };
  if (entry.deletedAt !== null) return { ok: false, refusal: "voided", entry };
  const result = deps.repos.entryChanges.voidEntry(id, member.team.id, member.user.id, reason, deps.now());
  if (result.status === "gone") return { ok: false, refusal: "voided", entry };
  deps.logger.info({ activity_id: id, by: member.user.id, team_id: member.team.id }, "entry voided");
  return {
    ok: true,
    activity: result.activity,
    change: result.change,
    leadRemoved: result.leadRemoved,
    stageRestored: result.stageRestored,
  };
}

/** One entry of the team by id, as it stands now. */
export function entryById(deps: AppDeps, teamId: number, id: number): Activity | undefined {
  return deps.repos.entryChanges.entry(teamId, id);
}
