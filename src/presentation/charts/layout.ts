// Layout helpers shared by the chart builders: header room, titles, ticks and
// category labels sized for a 1000×625 canvas shown on a phone.

import type { Locale } from "../../domain/locales.js";
import type { ChartTarget, CommonOptions } from "./chart-options.js";
import { estimateTextWidth, formatAxisValue, truncateLabel } from "./chart-text.js";
import { DEFAULT_SIZE, FONT_SIZE } from "./theme.js";

// Rough layout budget of the default canvas, for decisions made before
// chart.js lays out (label wrapping, font shrinking, headroom for numbers).
export const CANVAS = DEFAULT_SIZE;
export const SIDE_PADDING = 58;

export function headerHeight(o: CommonOptions, legend: boolean): number {
  return 22 + 42 + (o.subtitle ? 38 : 0) + (legend ? 46 : 0);
}

export function titlePlugins(o: CommonOptions) {
  return {
    // Without a subtitle the title needs a little more air above the plot.
    title: { display: o.title.trim() !== "", text: o.title, padding: { top: 0, bottom: o.subtitle ? 6 : 18 } },
    subtitle: { display: !!o.subtitle, text: o.subtitle ?? "" },
  };
}

export function finite(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export function targetText(target: ChartTarget, format: (v: number) => string): string {
  const label = target.label.trim();
  if (label === "") return format(target.value);
  return /\d/.test(label) ? label : `${label}: ${format(target.value)}`;
}

export function axisTicks(maxAbs: number, locale: Locale, format?: (v: number) => string) {
  return (value: number | string) => {
    const v = typeof value === "number" ? value : Number(value);
    return format ? format(v) : formatAxisValue(v, maxAbs, locale);
  };
}

/** Splits "Имя Фамилия" onto two lines (each shortened), for narrow category slots. */
function twoLines(label: string): string | string[] {
  const words = label.replace(/\s+/gu, " ").trim().split(" ");
  if (words.length < 2) return truncateLabel(label);
  // Break at the space that best balances the two lines.
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(" ").length - words.slice(i).join(" ").length);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
  }
  return [truncateLabel(words.slice(0, best).join(" ")), truncateLabel(words.slice(best).join(" "))];
}

export function lines(label: string | string[]): string[] {
  return Array.isArray(label) ? label : [label];
}

/** Shortens `text` (with "…") until its estimated width fits `maxWidth`. */
function fitWidth(text: string, size: number, maxWidth: number): string {
  const chars = Array.from(truncateLabel(text));
  for (let keep = chars.length; keep > 3; keep--) {
    const candidate = keep === chars.length ? chars.join("") : truncateLabel(chars.join(""), keep);
    if (estimateTextWidth(candidate, size) <= maxWidth) return candidate;
  }
  return truncateLabel(chars.join(""), 4);
}

/**
 * Category labels under vertical bars, never tilted while avoidable: one
 * line if they fit, else two lines ("Имя" / "Фамилия"), else smaller,
 * else shortened to the slot; tilted only when even that cannot fit.
 * Many categories (days of a month) are not names: chart.js skips some
 * instead (at most 31 shown), which keeps "01.11" whole.
 */
export function categoryLayout(raw: string[], slot: number) {
  const room = slot - 8;
  const fits = (labels: (string | string[])[], size: number) =>
    labels.every((l) => lines(l).every((line) => estimateTextWidth(line, size) <= room));
  const single = raw.map((l) => truncateLabel(l));
  if (fits(single, FONT_SIZE.tick)) return { labels: single, size: FONT_SIZE.tick, rotate: false, skip: false };
  if (raw.length > 12) {
    const size = fits(single, 18) ? 18 : FONT_SIZE.tick;
    return { labels: single, size, rotate: false, skip: !fits(single, size) };
  }
  const wrapped = raw.map(twoLines);
  for (let size = FONT_SIZE.tick; size >= 16; size--) {
    if (fits(wrapped, size)) return { labels: wrapped, size, rotate: false, skip: false };
  }
  if (estimateTextWidth("Ааа…", 16) <= room) {
    const shortened = wrapped.map((l) => (Array.isArray(l) ? l.map((line) => fitWidth(line, 16, room)) : fitWidth(l, 16, room)));
    return { labels: shortened, size: 16, rotate: false, skip: false };
  }
  return { labels: single, size: FONT_SIZE.min, rotate: true, skip: false };
}
