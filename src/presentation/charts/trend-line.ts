// How a trend line is drawn, in the bot's PNGs and in the Mini App's page alike.
// Monotone cubic interpolation (Fritsch–Carlson) keeps each segment between its two
// values, so a curve never dips below zero between two zeros or bulges above a
// plateau the way a free bezier (chart.js `tension`) does. No chart.js import: the
// page's bundle takes this file as it is.

export const TREND_LINE = { cubicInterpolationMode: "monotone", tension: 0 } as const;

/** The y axis' floor: zero when no value is negative (a count or a sum never is), else chart.js decides. */
export function trendAxisMin(values: readonly (number | null)[]): number | undefined {
  return values.every((v) => v === null || v >= 0) ? 0 : undefined;
}
