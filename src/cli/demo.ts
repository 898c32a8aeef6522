import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Locale } from "../config.js";
import { closeDatabase, openDatabase } from "../db/client.js";
import { createRepositories } from "../db/repositories/index.js";
import { visibleText } from "../delivery/html-text.js";
import { computeKpisByUser, computeTeamKpis } from "../domain/kpi.js";
import { resolvePeriod } from "../domain/periods.js";
import { localDate } from "../domain/time.js";
import { HEAD_PRIVATE } from "../domain/trust-policy.js";
import { periodLabel } from "../presentation/format/period-label.js";
import { standingLine } from "../presentation/views/plan-progress.js";
import { renderScorecard } from "../presentation/views/scorecard-view.js";
import { renderTeamTable } from "../presentation/views/team-view.js";
import { logSimulated, simulateEntries } from "./simulate.js";

const TZ = "Europe/Moscow";
const HEAD = { id: 1000, first_name: "Ольга", username: "olga_head", is_bot: false, language_code: "ru" };
const MANAGERS = [
  { id: 1001, first_name: "Иван", username: "ivan_sales" },
  { id: 1002, first_name: "Мария", username: "maria_sales" },
  { id: 1003, first_name: "Пётр", username: "petr_sales" },
  { id: 1004, first_name: "Анна", username: "anna_sales" },
  { id: 1005, first_name: "Дмитрий", username: "dmitry_sales" },
].map((m) => ({ ...m, is_bot: false, language_code: "ru" }));

/** Builds a demo database (a head, five managers, 90 days) and prints what the bot would show. */
export async function runDemo(path = process.env["DEMO_DATABASE_PATH"] ?? "./data/demo.db", locale: Locale = "ru"): Promise<void> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  for (const u of [HEAD, ...MANAGERS]) repos.users.upsert(u, now);
  const team = repos.teams.create({ chatId: -100_000_000_001, name: "Отдел продаж (демо)", timezone: TZ, locale, headId: HEAD.id });
  for (const m of MANAGERS) repos.memberships.join(team.id, m.id, now - 91 * 86_400_000);
  repos.plans.upsert(
    { teamId: team.id, metric: "deals", value: 10, period: "month", scope: "each", userId: null, createdBy: HEAD.id },
    now,
  );
  repos.plans.upsert({ teamId: team.id, metric: "calls", value: 20, period: "day", scope: "each", userId: null, createdBy: HEAD.id }, now);

  const started = performance.now();
  const logged = db.transaction(() =>
    logSimulated(
      repos,
      simulateEntries({
        teamId: team.id,
        userIds: MANAGERS.map((m) => m.id),
        tz: TZ,
        endDate: localDate(now, TZ),
        days: 90,
        seed: 42,
        stopAt: now,
      }),
    ),
  );
  const ms = Math.round(performance.now() - started);

  const month = resolvePeriod({ kind: "month" }, now, TZ);
  const activities = repos.entries.activities(team.id, month.from, month.to);
  const timelines = repos.entries.timelines(team.id, month.from, month.to);
  const ids = MANAGERS.map((m) => m.id);
  const ivan = MANAGERS[0]!;
  const { planStandings } = await import("../services/scorecard.js");
  const { businessContext } = await import("../services/business.js");
  const deps = { repos, db, now: () => now } as unknown as Parameters<typeof planStandings>[0];
  const byUser = computeKpisByUser({ activities, timelines, period: month, business: businessContext(deps, team, null) }, ids);
  const plans = planStandings(deps, team, ivan.id, now).map((s) => standingLine(s, locale));

  console.log(`Demo database: ${path} — ${logged} entries over 90 days for ${MANAGERS.length} managers (${ms} ms)\n`);
  console.log(`/me month (${ivan.first_name}):`);
  console.log(visibleText(renderScorecard(ivan.first_name, periodLabel(month, locale), byUser.get(ivan.id)!, plans, locale, HEAD_PRIVATE)));
  console.log(`\n${team.name} · ${periodLabel(month, locale)}:`);
  const rows = MANAGERS.map((m) => ({ name: m.first_name, values: byUser.get(m.id)! }));
  console.log(renderTeamTable(rows, computeTeamKpis({ activities, timelines, period: month }), locale));
  closeDatabase(db);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runDemo();
