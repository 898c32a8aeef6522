import type { Activity } from "../db/repositories/entries.js";
import type { EntryChange, FeedEntry } from "../db/repositories/entry-changes.js";
import { MAX_BACKDATE_DAYS } from "../domain/backdating.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";

/** One action in a feed, at the instant it was taken. */
export type FeedItem =
  /**
   * An entry as it was logged: a backdated or imported one at its logging time,
   * marked as such (an imported one with who imported it).
   */
  | { type: "entry"; at: number; entry: FeedEntry; mark: "backdated" | "imported" | null }
  /** An entry taken back by its author (/undo or the Undo button). */
  | { type: "undo"; at: number; entry: Activity }
  | { type: "correct"; at: number; change: EntryChange; entry: Activity | null }
  | { type: "void"; at: number; change: EntryChange; entry: Activity | null };

export interface Feed {
  items: FeedItem[];
  /** Names of everyone in it (authors and whoever corrected), by user id. */
  names: Map<number, string>;
}

const ORDER: Record<FeedItem["type"], number> = { entry: 0, correct: 1, undo: 2, void: 2 };

/**
 * Every action on a team's entries in a period, oldest first: entries by when they
 * were logged, their stage moves, undos, corrections and voids. `userId` narrows it
 * to one person's entries (including what others did to them).
 */
export function buildFeed(deps: AppDeps, teamId: number, period: Period, userId: number | null): Feed {
  const repo = deps.repos.entryChanges;
  const people = userId === null ? undefined : [userId];
  const entries = repo.logged(teamId, period.from, period.to, (MAX_BACKDATE_DAYS + 1) * 86_400_000, people);
  const changes = repo.changes(teamId, period.from, period.to, people);
  const voided = new Set(changes.filter((c) => c.action === "void").map((c) => c.activityId));
  const removed = repo.removed(teamId, period.from, period.to, people).filter((a) => !voided.has(a.id));
  // An entry is listed as it was logged; its corrections follow as their own lines.
  const corrections = repo.changesOf(entries.map((e) => e.id));
  for (const c of [...corrections].reverse()) {
    const e = entries.find((x) => x.id === c.activityId);
    if (e) Object.assign(e, c.before);
  }
  const byId = new Map<number, Activity>(entries.map((e) => [e.id, e]));
  const entryOf = (id: number) => byId.get(id) ?? repo.entry(teamId, id) ?? null;

  const items: FeedItem[] = [
    ...entries.map((e) => ({ type: "entry" as const, at: e.loggedAt ?? e.occurredAt, entry: e, mark: entryMark(e) })),
    ...removed.map((a) => ({ type: "undo" as const, at: a.deletedAt!, entry: a })),
    ...changes.map((c) => ({
      type: c.action === "void" ? ("void" as const) : ("correct" as const),
      at: c.at,
      change: c,
      entry: entryOf(c.activityId),
    })),
  ];
  items.sort((a, b) => a.at - b.at || ORDER[a.type] - ORDER[b.type] || idOf(a) - idOf(b));

  const ids = new Set<number>();
  for (const it of items) {
    if (it.entry) ids.add(it.entry.userId);
    if (it.type === "entry" && it.entry.importedBy !== null) ids.add(it.entry.importedBy);
    if (it.type === "correct" || it.type === "void") ids.add(it.change.byUserId);
  }
  const names = new Map<number, string>();
  for (const id of ids) {
    const u = deps.repos.users.byId(id);
    names.set(id, u ? u.firstName : String(id));
  }
  return { items, names };
}

function entryMark(e: FeedEntry): "backdated" | "imported" | null {
  if (e.importJobId !== null) return "imported";
  return e.loggedAt !== null ? "backdated" : null;
}

function idOf(it: FeedItem): number {
  return it.type === "correct" || it.type === "void" ? it.change.id : it.entry.id;
}
