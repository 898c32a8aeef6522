import type { MetricGap } from "../../domain/coaching.js";
import type { Locale } from "../../domain/locales.js";
import { formatLocal } from "../../domain/time.js";
import { type Audience, mayShowField } from "../../domain/trust-policy.js";
import type { CoachCard, CoachingNote, coachingOverview } from "../../services/coaching.js";
import { formatMetricValue } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { clip, escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel, metricShort } from "../i18n/metric-words.js";
import { renderPairs } from "./table.js";

/** "конверсия звонков 8 % при медиане команды 16 %" */
export function gapLine(g: MetricGap, locale: Locale): string {
  const t = messages[locale].coaching.coach;
  const label = metricLabel(g.metric, locale);
  const value = formatMetricValue(g.metric, g.value, locale);
  const ref = formatMetricValue(g.metric, g.reference, locale);
  return g.against === "median" ? t.gapVsMedian(label, value, ref) : t.gapVsPlan(label, value, ref);
}

/** The weekly private note: what is behind (with the numbers), one suggestion, materials and quiz, praise. */
export function renderCoachingNote(note: CoachingNote, locale: Locale): string {
  const t = messages[locale].coaching;
  const weakest = note.focus.weakest!;
  const lines = [
    t.weekly.title(escapeHtml(note.name), escapeHtml(periodLabel(note.period, locale))),
    "",
    escapeHtml(t.weekly.behind(gapLine(weakest, locale))),
    escapeHtml(t.weekly.suggestion(t.suggestions[weakest.metric])),
  ];
  if (note.materials.length > 0) {
    lines.push("", t.weekly.materials, ...note.materials.map((m) => t.weekly.materialLine(m.id, escapeHtml(clip(m.title, 60)))));
  }
  if (note.quiz) lines.push("", t.weekly.quiz(escapeHtml(note.quiz.name)));
  const best = note.focus.best;
  if (best) {
    lines.push(
      "",
      t.weekly.praise(
        metricLabel(best.metric, locale),
        formatMetricValue(best.metric, best.value, locale),
        formatMetricValue(best.metric, best.reference, locale),
      ),
    );
  }
  lines.push("", t.weekly.optOut);
  return fitHtml(lines.join("\n"));
}

/** Heads: managers × weakest metric, quiz average, weak quiz topics. */
export function renderCoachingOverview(o: ReturnType<typeof coachingOverview>, locale: Locale): string {
  const t = messages[locale].coaching.coach;
  const title = t.overviewTitle(escapeHtml(periodLabel(o.period, locale)));
  if (o.rows.length === 0) return `${title}\n${t.noManagers}`;
  const rows = o.rows.map((r) =>
    t.overviewLine(
      escapeHtml(r.name),
      r.weakest ? escapeHtml(gapLine(r.weakest, locale)) : t.overviewNothing,
      (r.quizPercent === null ? "" : t.overviewQuiz(r.quizPercent)) +
        (r.program === null ? "" : t.overviewProgram(r.program.done, r.program.total, r.program.late)),
    ),
  );
  const topics = o.weakTopics.length > 0 ? [t.weakTopics(escapeHtml(o.weakTopics.map((x) => `#${x.tag} ${x.percent} %`).join(", ")))] : [];
  const quizzes = o.quizzes.flatMap((q) => [
    t.quizSummary(escapeHtml(q.name), q.average, q.takers),
    ...q.weakest.map((w) => t.quizWeakQuestion(escapeHtml(w.question), w.percent)),
  ]);
  const quizBlock = quizzes.length > 0 ? ["", t.overviewQuizzesTitle, ...quizzes] : [];
  return fitHtml([title, ...rows, ...topics, ...quizBlock].join("\n"));
}

/** `/coach @user`: percentiles, weakest and strongest, 8-week trend, quizzes, notes. */
export function renderCoachCard(card: CoachCard, locale: Locale, tz: string, audience: Audience): string {
  const t = messages[locale].coaching.coach;
  const lines = [t.cardTitle(escapeHtml(card.name), escapeHtml(periodLabel(card.period, locale))), "", t.percentilesTitle];
  lines.push(
    pre(
      renderPairs(
        card.percentiles.map((p) => [
          metricShort(p.metric, locale),
          `${formatMetricValue(p.metric, p.value, locale)}  ${p.percentile === null ? "—" : `P${p.percentile}`}`,
        ]),
      ),
    ),
  );
  const { weakest, best } = card.focus;
  if (weakest) lines.push(t.weakest(escapeHtml(gapLine(weakest, locale))));
  else lines.push(t.nothingBehind);
  if (best) lines.push(t.strongest(metricLabel(best.metric, locale)));
  if (weakest && card.trend.length > 0) {
    lines.push(
      "",
      t.trendTitle(metricLabel(weakest.metric, locale)),
      pre(
        renderPairs(
          card.trend.map((p) => [p.key.slice(8, 10) + "." + p.key.slice(5, 7), formatMetricValue(weakest.metric, p.value, locale)]),
        ),
      ),
    );
  }
  lines.push("", t.quizzesTitle);
  if (card.quizzes.length === 0) lines.push(t.noQuizzes);
  for (const q of card.quizzes) lines.push(`• ${escapeHtml(q.quiz)}: ${q.correct}/${q.total} (${q.percent} %)`);
  if (card.programs.length > 0) {
    lines.push("", t.programsTitle);
    for (const p of card.programs) lines.push(`• ${escapeHtml(p.name)}: ${p.done}/${p.total}${p.late ? " ⏰" : ""}`);
  }
  lines.push("", t.notesTitle);
  // Heads' notes are for heads, in private: elsewhere the card says where to read them.
  const notes = mayShowField("coach_notes", audience) ? card.notes : null;
  if (notes === null) lines.push(t.notesPrivate);
  else if (notes.length === 0) lines.push(t.noNotes);
  for (const n of notes ?? []) {
    const when = formatLocal(n.at, tz, "DD.MM");
    lines.push(`• ${when} ${escapeHtml(n.author)}: ${escapeHtml(clip(n.text, 300))}`);
  }
  return fitHtml(lines.join("\n"));
}
