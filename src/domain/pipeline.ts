import { type ActivityKind, type CallOutcome, FORWARD_STAGES, OPEN_STAGES, type Stage } from "./types.js";

const FORWARD: readonly Stage[] = FORWARD_STAGES;

export function isOpen(stage: Stage): boolean {
  return (OPEN_STAGES as readonly Stage[]).includes(stage);
}

/** The stage an entry of this kind moves its client's lead to, per the catalogue. */
export function targetStage(kind: ActivityKind, outcome: CallOutcome | null): Stage | null {
  switch (kind) {
    case "lead":
      return "new";
    case "call":
      // A call that nobody answered is no contact, so it does not qualify the lead.
      return outcome === "noanswer" ? null : "qualified";
    case "presentation":
      return "qualified";
    case "meeting":
      return "meeting";
    case "proposal":
      return "proposal";
    case "deal":
      return "won";
    case "lost":
      return "lost";
  }
}

export interface StageMove {
  /** Stages entered, in order, all at the entry's instant (skipped ones included). */
  entered: Stage[];
  /** The stage after the move (unchanged when nothing is entered). */
  stage: Stage;
}

/**
 * Moves a lead toward `target`. Leads only move forward: an entry that implies an
 * earlier or equal stage leaves it where it is. `current` null means a lead being
 * created, which enters every stage from `new` up to the target.
 */
export function advance(current: Stage | null, target: Stage): StageMove {
  if (current !== null && !isOpen(current)) return { entered: [], stage: current };
  if (target === "lost") {
    return current === null ? { entered: ["new", "lost"], stage: "lost" } : { entered: ["lost"], stage: "lost" };
  }
  const from = current === null ? -1 : FORWARD.indexOf(current);
  const to = FORWARD.indexOf(target);
  if (to <= from) return { entered: [], stage: current ?? target };
  return { entered: FORWARD.slice(from + 1, to + 1), stage: target };
}

/** Matching key for client names: case and spacing don't make a different client. */
export function clientKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[«»"“”]/g, "")
    .trim();
}
