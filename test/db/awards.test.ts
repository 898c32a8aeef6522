import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";

function setUp() {
  const repos = createRepositories(openDatabase(":memory:"));
  const anna = repos.users.upsert({ id: 1, first_name: "Anna", is_bot: false }, 0);
  const boris = repos.users.upsert({ id: 2, first_name: "Boris", is_bot: false }, 0);
  const team = repos.teams.create({ chatId: -100, name: "T", timezone: "Europe/Moscow", locale: "ru", headId: anna.id });
  return { repos, team, anna, boris };
}

describe("awards", () => {
  it("awards each badge once per person (and per month for monthly ones)", () => {
    const { repos, team, anna, boris } = setUp();
    const badge = { teamId: team.id, kind: "badge" as const, code: "first_deal", period: "", awardedAt: 1, announce: true };
    expect(repos.awards.award({ ...badge, userId: anna.id })).not.toBeNull();
    expect(repos.awards.award({ ...badge, userId: anna.id, awardedAt: 2 })).toBeNull();
    expect(repos.awards.award({ ...badge, userId: boris.id })).not.toBeNull();
    const monthly = { ...badge, userId: anna.id, code: "plan_150" };
    expect(repos.awards.award({ ...monthly, period: "2026-11" })).not.toBeNull();
    expect(repos.awards.award({ ...monthly, period: "2026-11" })).toBeNull();
    expect(repos.awards.award({ ...monthly, period: "2026-12" })).not.toBeNull();
    expect(repos.awards.heldBy(team.id, anna.id).map((r) => `${r.code}/${r.period}`)).toEqual([
      "first_deal/",
      "plan_150/2026-11",
      "plan_150/2026-12",
    ]);
  });

  it("gives a 'first' badge to one person per team and month", () => {
    const { repos, team, anna, boris } = setUp();
    const first = { teamId: team.id, kind: "badge" as const, code: "first_to_plan", period: "2026-11", awardedAt: 1 };
    expect(repos.awards.awardFirst({ ...first, userId: anna.id })).not.toBeNull();
    expect(repos.awards.awardFirst({ ...first, userId: boris.id })).toBeNull();
    expect(repos.awards.awardFirst({ ...first, userId: boris.id, period: "2026-12" })).not.toBeNull();
  });

  it("bundles pending announcements after a minute and hands a dead claim over after the lease", () => {
    const { repos, team, anna, boris } = setUp();
    const base = { teamId: team.id, kind: "badge" as const, period: "", announce: true };
    repos.awards.award({ ...base, userId: anna.id, code: "first_deal", awardedAt: 1_000 });
    repos.awards.award({ ...base, userId: boris.id, code: "first_deal", awardedAt: 30_000 });
    repos.awards.award({ ...base, userId: anna.id, code: "deals_10", awardedAt: 40_000, announce: false });
    expect(repos.awards.teamsToAnnounce(50_000, 60_000, 180_000)).toEqual([]);
    expect(repos.awards.teamsToAnnounce(61_000, 60_000, 180_000)).toEqual([team.id]);
    const batch = repos.awards.claimAnnouncements(team.id, 61_000, 180_000);
    expect(batch.map((r) => r.userId)).toEqual([anna.id, boris.id]);
    // Claimed: nobody else takes it until the lease runs out (a process died mid-send).
    expect(repos.awards.claimAnnouncements(team.id, 62_000, 180_000)).toEqual([]);
    expect(repos.awards.teamsToAnnounce(241_000, 60_000, 180_000)).toEqual([team.id]);
    expect(repos.awards.claimAnnouncements(team.id, 241_000, 180_000)).toHaveLength(2);
    repos.awards.finishAnnouncements(
      batch.map((r) => r.id),
      "sent",
      77,
    );
    expect(repos.awards.teamsToAnnounce(999_000, 60_000, 180_000)).toEqual([]);
  });
});
