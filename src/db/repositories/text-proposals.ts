import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { textProposals } from "../schema.js";

export type TextProposal = typeof textProposals.$inferSelect;
export type ProposalStatus = TextProposal["status"];

/** Why a button on a proposal did nothing. */
export type ClaimFailure = "missing" | "foreign" | "expired" | "used";
export type ClaimResult = { ok: true; proposal: TextProposal } | { ok: false; reason: ClaimFailure; proposal?: TextProposal };

export function textProposalsRepository(db: Db) {
  return {
    /** Creates a proposal; a redelivered message gets the one already made for it. */
    create(values: Omit<typeof textProposals.$inferInsert, "id">): { proposal: TextProposal; fresh: boolean } {
      if (values.sourceUpdateId != null) {
        const seen = db.select().from(textProposals).where(eq(textProposals.sourceUpdateId, values.sourceUpdateId)).get();
        if (seen) return { proposal: seen, fresh: false };
      }
      return { proposal: db.insert(textProposals).values(values).returning().get(), fresh: true };
    },

    /**
     * Moves a proposal out of `from` to `to` for its own author, at most once: the
     * conditional update is the single-use guarantee, even for two taps at once.
     */
    claim(
      id: number,
      token: string,
      who: { userId: number; teamId: number },
      now: number,
      maxAgeMs: number,
      from: ProposalStatus,
      to: ProposalStatus,
    ): ClaimResult {
      const proposal = db.select().from(textProposals).where(eq(textProposals.id, id)).get();
      if (!proposal || proposal.token !== token) return { ok: false, reason: "missing" };
      // Someone else's, or made for a team the author no longer acts in.
      if (proposal.userId !== who.userId || proposal.teamId !== who.teamId) return { ok: false, reason: "foreign", proposal };
      if (proposal.status !== from) return { ok: false, reason: "used", proposal };
      if (now - proposal.createdAt > maxAgeMs) return { ok: false, reason: "expired", proposal };
      const changed = db
        .update(textProposals)
        .set({ status: to, resolvedAt: now })
        .where(and(eq(textProposals.id, id), eq(textProposals.status, from)))
        .run().changes;
      return changed === 1 ? { ok: true, proposal: { ...proposal, status: to, resolvedAt: now } } : { ok: false, reason: "used", proposal };
    },

    find(id: number): TextProposal | undefined {
      return db.select().from(textProposals).where(eq(textProposals.id, id)).get();
    },

    update(id: number, patch: Partial<Pick<TextProposal, "entries" | "status" | "activityIds" | "resolvedAt">>): void {
      db.update(textProposals).set(patch).where(eq(textProposals.id, id)).run();
    },
  };
}
