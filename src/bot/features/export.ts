import { Composer, InputFile } from "grammy";
import { checkFileEntries } from "../../domain/period-bounds.js";
import { mayShowField } from "../../domain/trust-policy.js";
import { periodLabel } from "../../presentation/format/period-label.js";
import { clip, escapeHtml, MAX_CAPTION } from "../../presentation/html.js";
import { activitiesCsv, summaryCsv } from "../../presentation/views/csv-export.js";
import { activitiesXlsx, summaryXlsx } from "../../presentation/views/xlsx-export.js";
import { bonusForPeriod } from "../../services/bonus.js";
import { entriesIn, entryCount } from "../../services/entry-history.js";
import { teamMembers } from "../../services/members.js";
import { teamSnapshot } from "../../services/team-snapshot.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";
import { askPeriod, isHead, refusePeriod } from "../report-replies.js";

export const exportFeature = new Composer<BotContext>();

/** The months a bonus column covers: "11.2026" or "10.2026–11.2026". */
function monthsText(months: { year: number; month: number }[]): string {
  const mm = (m: { year: number; month: number }) => `${String(m.month).padStart(2, "0")}.${m.year}`;
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return "";
  return first === last ? mm(first) : `${mm(first)}–${mm(last)}`;
}

/** Format words, anywhere among the arguments: CSV is the default. */
const XLSX_WORDS = new Set(["xlsx", "excel", "эксель"]);
const CSV_WORDS = new Set(["csv"]);

/** `/export [summary] [period] [xlsx]`: CSV (or xlsx) documents; managers get only their own rows. */
exportFeature.command("export", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const r = ctx.t.reports;
  const words = ctx.match.trim().split(/\s+/).filter(Boolean);
  const xlsx = words.some((w) => XLSX_WORDS.has(w.toLowerCase()));
  const args = words.filter((w) => !XLSX_WORDS.has(w.toLowerCase()) && !CSV_WORDS.has(w.toLowerCase()));
  const [first = "", ...rest] = args;
  const summary = ["summary", "сводка", "итоги"].includes(first.toLowerCase());
  const periodText = (summary ? rest : args).join(" ");
  const own = isHead(member) ? undefined : [member.user.id];
  const period = await askPeriod(ctx, member.team, periodText, r.exportUsage, undefined, own);
  if (!period) return;
  const label = periodLabel(period, ctx.locale);
  const stamp = `${period.startDate}_${period.endDate}`;
  if (summary) {
    const snap = teamSnapshot(ctx.deps, member.team, period, own);
    // The bonus column only where the policy shows pay: not in the group (see /bonus).
    const found = mayShowField("bonus", ctx.audience, own ? "self" : "team")
      ? bonusForPeriod(ctx.deps, member.team, period, ctx.deps.now(), own)
      : null;
    const bonus = found ? { ...found, months: monthsText(found.months) } : undefined;
    const file = xlsx
      ? new InputFile(await summaryXlsx(snap.people, snap.byUser, snap.total, ctx.locale, ctx.audience, bonus), `kpi-summary-${stamp}.xlsx`)
      : new InputFile(
          Buffer.from(summaryCsv(snap.people, snap.byUser, snap.total, ctx.locale, ctx.audience, bonus), "utf8"),
          `kpi-summary-${stamp}.csv`,
        );
    await ctx.replyWithDocument(file, {
      caption: escapeHtml(clip(r.exportCaption(r.exportSummary, label, snap.people.length), MAX_CAPTION)),
    });
    return;
  }
  // A file is built in one go: its entries are counted (on the index) before any is read.
  const limit = checkFileEntries(entryCount(ctx.deps, member.team.id, period.from, period.to, own), xlsx ? "xlsx" : "csv");
  if (limit) return refusePeriod(ctx, limit, periodText, r.exportUsage);
  const activities = entriesIn(ctx.deps, member.team.id, period.from, period.to, own);
  const names = new Map(
    teamMembers(ctx.deps, member.team.id).map((m) => [m.user.id, m.user.firstName + (m.user.lastName ? ` ${m.user.lastName}` : "")]),
  );
  const file = xlsx
    ? new InputFile(await activitiesXlsx(activities, names, member.team.timezone, ctx.locale), `kpi-entries-${stamp}.xlsx`)
    : new InputFile(Buffer.from(activitiesCsv(activities, names, member.team.timezone, ctx.locale), "utf8"), `kpi-entries-${stamp}.csv`);
  await ctx.replyWithDocument(file, {
    caption: escapeHtml(clip(r.exportCaption(r.exportEntries, label, activities.length), MAX_CAPTION)),
  });
});
