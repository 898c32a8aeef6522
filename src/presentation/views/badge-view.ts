import { BADGE_EMOJI, type BadgeCode, isBadgeCode, MONTHLY_BADGES } from "../../domain/badges.js";
import type { Locale } from "../../domain/locales.js";
import { formatLocal } from "../../domain/time.js";
import type { Celebrations } from "../../services/motivation.js";
import { formatMoney } from "../format/money.js";
import { escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import type { AwardVM } from "./view-models.js";

/** "ноябрь 2026" from a stored "2026-11". */
function monthLabel(period: string, locale: Locale): string {
  const month = Number(period.slice(5, 7));
  return `${messages[locale].periodLabel.months[month - 1]} ${period.slice(0, 4)}`;
}

/** What goes in brackets after a badge: its month, and the day's points or the deal's amount. */
function badgeExtra(row: AwardVM, code: BadgeCode, locale: Locale): string {
  const t = messages[locale].motivation;
  const parts: string[] = [];
  if (MONTHLY_BADGES.has(code) && row.period) parts.push(t.month(monthLabel(row.period, locale)));
  if (code === "best_day" && row.value !== null) parts.push(t.points(row.value));
  if (code === "biggest_deal" && row.value !== null) parts.push(formatMoney(row.value, locale));
  return parts.join(", ");
}

/** Lines added under an entry's confirmation: new badges, then the plan milestone reached. */
export function celebrationLines(c: Celebrations, locale: Locale): string[] {
  const t = messages[locale].motivation;
  const badges = c.badges.flatMap((b) => (isBadgeCode(b.code) ? [t.newBadge(BADGE_EMOJI[b.code], t.badge[b.code])] : []));
  const milestones = c.milestones.map((m) => t.milestone(metricLabel(m.metric, locale), m.percent));
  return [...badges, ...milestones];
}

/** One group post for every badge awarded in the bundle, in the order they were earned. */
export function renderAnnouncement(rows: AwardVM[], names: ReadonlyMap<number, string>, locale: Locale): string {
  const t = messages[locale].motivation;
  const lines = rows.flatMap((r) =>
    isBadgeCode(r.code)
      ? [t.announceLine(BADGE_EMOJI[r.code], escapeHtml(names.get(r.userId) ?? "?"), t.badge[r.code], badgeExtra(r, r.code, locale))]
      : [],
  );
  return fitHtml([t.announceTitle(lines.length), ...lines].join("\n"));
}

/** /badges for one person: each badge with its month and the day it was awarded. */
export function renderOwnBadges(name: string, rows: AwardVM[], tz: string, locale: Locale): string {
  const t = messages[locale].motivation;
  const lines = rows.flatMap((r) =>
    isBadgeCode(r.code)
      ? [
          t.ownLine(
            BADGE_EMOJI[r.code],
            t.badge[r.code],
            badgeExtra(r, r.code, locale),
            formatLocal(r.awardedAt, tz, "DD.MM.YYYY HH:mm").slice(0, 10),
          ),
        ]
      : [],
  );
  return fitHtml([t.mineTitle(escapeHtml(name)), ...(lines.length ? lines : [t.none]), "", t.rules].join("\n"));
}

/** /badges for a head: one line per manager holding any, most badges first. */
export function renderTeamBadges(team: string, holders: { name: string; badges: AwardVM[] }[], locale: Locale): string {
  const t = messages[locale].motivation;
  const lines = [...holders]
    .filter((h) => h.badges.length > 0)
    .sort((a, b) => b.badges.length - a.badges.length || a.name.localeCompare(b.name))
    .map((h) =>
      t.holderLine(escapeHtml(h.name), h.badges.map((b) => (isBadgeCode(b.code) ? BADGE_EMOJI[b.code] : "")).join(""), h.badges.length),
    );
  const legend = (Object.keys(BADGE_EMOJI) as BadgeCode[]).map((c) => `${BADGE_EMOJI[c]} ${t.badge[c]}`).join(" · ");
  return fitHtml([t.teamTitle(escapeHtml(team)), ...(lines.length ? lines : [t.teamNone]), "", legend].join("\n"));
}
