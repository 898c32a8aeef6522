// The bot's side of the trust policy (domain/trust-policy.ts): refusals and notes in
// the speaker's words. Which figure may be shown is decided there, never here.

import { type MetricKey, type MetricSurface, metricsOn } from "../domain/metrics.js";
import { mayShowField, mayShowMetric } from "../domain/trust-policy.js";
import type { BotContext } from "./context.js";

/** True when this chat may see `key`; otherwise answers why and returns false (nothing is computed). */
export async function allowMetric(ctx: BotContext, key: MetricKey): Promise<boolean> {
  if (mayShowMetric(key, ctx.audience)) return true;
  await ctx.reply(ctx.t.trust.headFigure);
  return false;
}

/** The metrics of a list this chat may see, and a note when some were left out (or null). */
export function visibleMetrics(ctx: BotContext, keys: readonly MetricKey[]): { keys: MetricKey[]; note: string | null } {
  const shown = keys.filter((k) => mayShowMetric(k, ctx.audience));
  return { keys: shown, note: shown.length < keys.length ? ctx.t.trust.withheld : null };
}

/**
 * The lines under a team table on `surface`: which inputs are missing (only where
 * inputs may be named: they are pay) and, when the policy left figures out, a line
 * saying so; null when there is neither.
 */
export function teamTableFooter(ctx: BotContext, surface: MetricSurface, missingInputs: () => string | null): string | null {
  const notes = [mayShowField("inputs", ctx.audience) ? missingInputs() : null, visibleMetrics(ctx, metricsOn(surface)).note];
  const some = notes.filter((n): n is string => Boolean(n));
  return some.length > 0 ? some.join("\n") : null;
}
