import { describe, expect, it } from "vitest";
import { type Audience, mayShow, mayShowField, SENSITIVITIES } from "../../src/domain/trust-policy.js";

describe("the trust policy's ephemeral channel (an answer only the asker sees in the group)", () => {
  const manager: Audience = { role: "manager", channel: "ephemeral" };
  const head: Audience = { role: "head", channel: "ephemeral" };

  it("counts as the asker's private view for team, member and own figures", () => {
    expect(SENSITIVITIES.filter((s) => mayShow(s, manager, "self"))).toEqual(["team", "member", "own"]);
    expect(SENSITIVITIES.filter((s) => mayShow(s, head, "other"))).toEqual(["team", "member", "own"]);
    // Another manager's own figures stay theirs.
    expect(mayShow("own", manager, "other")).toBe(false);
  });

  it("never for head or pay figures: that nobody else sees it is Telegram's promise, not the bot's", () => {
    expect(mayShowField("bonus", manager, "self")).toBe(false);
    expect(mayShowField("inputs", head)).toBe(false);
    expect(mayShowField("flags", head)).toBe(false);
    expect(mayShowField("coach_notes", head)).toBe(false);
    // The same person in the private chat sees them.
    expect(mayShowField("bonus", { role: "manager", channel: "private" }, "self")).toBe(true);
  });

  it("is no wider than the private chat, and no narrower than the group, for anyone", () => {
    for (const role of ["head", "manager", "outsider", "stranger"] as const)
      for (const s of SENSITIVITIES)
        for (const whose of ["self", "other", "team"] as const) {
          const eph = mayShow(s, { role, channel: "ephemeral" }, whose);
          if (eph) expect(mayShow(s, { role, channel: "private" }, whose), `${role} ${s} ${whose}`).toBe(true);
          if (mayShow(s, { role, channel: "team_group" }, whose)) expect(eph, `${role} ${s} ${whose}`).toBe(true);
        }
  });
});
