import type { MetricKey, MetricParser } from "./metrics.js";

export interface SplitArgs {
  /** Plain words, in order (period words, report names). */
  words: string[];
  /** @usernames without the "@". */
  usernames: string[];
  /** The metric after "by"/"по", or the raw word when it is not a metric. */
  by: { metric: MetricKey | null; raw: string } | null;
}

/** Splits `[period] [@a @b …] [by metric]` in any order; `parseMetric` reads the metric after "by". */
export function splitArgs(text: string, parseMetric: MetricParser): SplitArgs {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const out: SplitArgs = { words: [], usernames: [], by: null };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const lower = tok.toLowerCase();
    if (tok.startsWith("@") && tok.length > 1) out.usernames.push(tok.slice(1));
    else if ((lower === "by" || lower === "по") && i + 1 < tokens.length) {
      // Metric names may be two words ("средний чек").
      const two = tokens.slice(i + 1, i + 3).join(" ");
      const twoMetric = tokens.length > i + 2 ? parseMetric(two) : null;
      const raw = twoMetric ? two : tokens[i + 1]!;
      out.by = { metric: twoMetric ?? parseMetric(raw), raw };
      i += twoMetric ? 2 : 1;
    } else out.words.push(tok);
  }
  return out;
}
