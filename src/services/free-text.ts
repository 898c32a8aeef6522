import { randomBytes } from "node:crypto";
import type { UndoResult } from "../db/repositories/entries.js";
import type { FollowupTarget } from "../db/repositories/followups.js";
import type { ClaimFailure, TextProposal } from "../db/repositories/text-proposals.js";
import type { ParsedEntry } from "../domain/entry-parsing.js";
import { type FreeTextReading, type ProposedEntry, readFreeText } from "../domain/free-text.js";
import { markContestsDirty } from "./contests.js";
import type { AppDeps, Member } from "./deps.js";
import { type RecordOutcome, recordEntry } from "./record-entry.js";
import { russianMorphology } from "./russian-morphology.js";
import { teamAliases } from "./text-aliases.js";

/** A proposal's buttons work for a day, like /undo. */
export const PROPOSAL_TTL_MS = 24 * 3_600_000;
/** More than this many events in one message is read as the first ones only. */
const MAX_ENTRIES = 8;

/** Reads a member's message against their known clients. */
export function readMemberText(deps: AppDeps, member: Member, text: string): FreeTextReading {
  const known = deps.repos.entries.knownClients(member.team.id, member.user.id);
  const reading = readFreeText(text, known, russianMorphology(), teamAliases(deps, member.team.id));
  return { ...reading, entries: reading.entries.slice(0, MAX_ENTRIES) };
}

/** A proposed entry as kept for its buttons: with the instant it will be dated (its own day). */
export interface DatedEntry extends ProposedEntry {
  occurredAt?: number;
  /** When it was typed, for an entry dated an earlier day; null otherwise. */
  loggedAt?: number | null;
}

/** Remembers what was proposed, so the buttons can store exactly that later (even after a restart). */
export function saveProposal(
  deps: AppDeps,
  member: Member,
  entries: DatedEntry[],
  meta: { occurredAt: number; sourceUpdateId: number | null; loggedAt?: number | null },
  status: "pending" | "stored" = "pending",
): { proposal: TextProposal; fresh: boolean } {
  return deps.repos.textProposals.create({
    token: randomBytes(4).toString("hex"),
    teamId: member.team.id,
    userId: member.user.id,
    entries: entries as unknown as Record<string, unknown>[],
    occurredAt: meta.occurredAt,
    loggedAt: meta.loggedAt ?? null,
    sourceUpdateId: meta.sourceUpdateId,
    status,
    createdAt: deps.now(),
  });
}

export function proposalEntries(p: TextProposal): DatedEntry[] {
  // Proposals kept before entries were dated one by one have no day of their own.
  return (p.entries as unknown as DatedEntry[]).map((e) => ({ ...e, day: e.day ?? null }));
}

/**
 * ✅: claims the proposal for its author (single use, within 24 h) and stores its
 * entries, all in one transaction; returns one confirmation per entry.
 */
export function confirmProposal(
  deps: AppDeps,
  member: Member,
  id: number,
  token: string,
  notify: FollowupTarget | null,
): { ok: true; stored: StoredEntry[] } | { ok: false; reason: ClaimFailure } {
  return deps.db.transaction(() => {
    const claim = deps.repos.textProposals.claim(
      id,
      token,
      { userId: member.user.id, teamId: member.team.id },
      deps.now(),
      PROPOSAL_TTL_MS,
      "pending",
      "stored",
    );
    if (!claim.ok) return claim;
    if (proposalEntries(claim.proposal).some((e) => e.missing !== null)) throw new Error("incomplete proposal confirmed");
    return { ok: true as const, stored: storeEntries(deps, member, claim.proposal, notify) };
  });
}

/**
 * Autolog: the proposal (kept for its Undo button) and its entries in one transaction.
 * Apart, a crash between the two commits left a proposal marked stored with no entries,
 * and the redelivered message, finding its proposal, stored nothing. Null: the message
 * was handled before.
 */
export function autoStoreProposal(
  deps: AppDeps,
  member: Member,
  entries: DatedEntry[],
  meta: { occurredAt: number; sourceUpdateId: number | null; loggedAt?: number | null },
  notify: FollowupTarget | null,
): { proposal: TextProposal; stored: StoredEntry[] } | null {
  return deps.db.transaction(() => {
    const { proposal, fresh } = saveProposal(deps, member, entries, meta, "stored");
    return fresh ? { proposal, stored: storeEntries(deps, member, proposal, notify) } : null;
  });
}

/**
 * Undo on a stored proposal: claims it for its author (once, within 24 h) and undoes
 * its entries in one transaction, so a failure half-way leaves the button working;
 * their running contests are marked, as after /undo. Returns what was undone.
 */
export function undoProposal(
  deps: AppDeps,
  member: Member,
  id: number,
  token: string,
): { ok: true; undone: Extract<UndoResult, { status: "undone" }>[] } | { ok: false; reason: ClaimFailure } {
  const now = deps.now();
  return deps.db.transaction(() => {
    const who = { userId: member.user.id, teamId: member.team.id };
    const claim = deps.repos.textProposals.claim(id, token, who, now, PROPOSAL_TTL_MS, "stored", "undone");
    if (!claim.ok) return { ok: false as const, reason: claim.reason };
    const undone: Extract<UndoResult, { status: "undone" }>[] = [];
    for (const activityId of claim.proposal.activityIds ?? []) {
      const r = deps.repos.entries.undoEntry(member.team.id, member.user.id, activityId, now);
      if (r.status !== "undone") continue;
      markContestsDirty(deps, member.team.id, member.user.id, r.activity.occurredAt);
      undone.push(r);
    }
    return { ok: true as const, undone };
  });
}

/**
 * A kind picked for one event of a proposal: claims the proposal and puts the other
 * events back on offer in one transaction (apart, a failure between the two left them
 * all out of reach); returns the event taken and the ones left.
 */
export function takeProposalEntry(
  deps: AppDeps,
  member: Member,
  id: number,
  token: string,
  index: number,
): { ok: true; entry: DatedEntry; rest: DatedEntry[] } | { ok: false; reason: ClaimFailure } {
  return deps.db.transaction(() => {
    const who = { userId: member.user.id, teamId: member.team.id };
    const claim = deps.repos.textProposals.claim(id, token, who, deps.now(), PROPOSAL_TTL_MS, "pending", "edited");
    if (!claim.ok) return { ok: false as const, reason: claim.reason };
    const entries = proposalEntries(claim.proposal);
    const entry = entries[index];
    if (!entry) return { ok: false as const, reason: "missing" as const };
    const rest = entries.filter((_, i) => i !== index);
    if (rest.length > 0) {
      deps.repos.textProposals.update(id, { entries: rest as unknown as Record<string, unknown>[], status: "pending", resolvedAt: null });
    }
    return { ok: true as const, entry, rest };
  });
}

/** An entry of a proposal and what storing it did. */
export interface StoredEntry {
  entry: ParsedEntry;
  outcome: RecordOutcome;
}

/**
 * Stores a proposal's entries, in one transaction, and says what happened to each;
 * their follow-ups (badges, milestones) are queued, told to `notify` after the reply.
 */
export function storeEntries(deps: AppDeps, member: Member, proposal: TextProposal, notify: FollowupTarget | null): StoredEntry[] {
  const ids: number[] = [];
  const replies = deps.db.transaction(() =>
    proposalEntries(proposal).map((e) => {
      const entry: ParsedEntry = {
        kind: e.kind,
        outcome: e.outcome,
        clientName: e.clientName,
        amountMinor: e.amountMinor,
        lostReason: e.lostReason,
      };
      const outcome = recordEntry(deps, member, entry, {
        occurredAt: e.occurredAt ?? proposal.occurredAt,
        loggedAt: e.occurredAt === undefined ? proposal.loggedAt : (e.loggedAt ?? null),
        sourceUpdateId: null,
        onLogged: (id) => ids.push(id),
        notify,
      });
      return { entry, outcome };
    }),
  );
  deps.repos.textProposals.update(proposal.id, { activityIds: ids });
  return replies;
}
