// Visual constants shared by the renderer, the inline plugins and the builders.
// Sizes are in CSS pixels of a 1000×625 canvas rendered at devicePixelRatio 1,
// which Telegram shows about 360–400 px wide on a phone: a 22 px tick label
// ends up ~8–9 pt on screen, the smallest size that stays comfortable.

/** Family name the bundled DejaVu Sans files are registered under. */
export const FONT_FAMILY = "KPI Sans";

export const DEFAULT_SIZE = { width: 1000, height: 625 } as const;

export const FONT_SIZE = {
  title: 30,
  subtitle: 20,
  tick: 22,
  legend: 20,
  value: 20,
  /** Floor when many bars/rows force labels to shrink. */
  min: 14,
} as const;

/**
 * Team colour scheme. Series colours follow the Okabe–Ito / Tableau idea
 * (distinct hue *and* lightness, so neighbours stay apart for colour-blind
 * readers), tuned to look calm on white.
 */
export const PALETTE = {
  /** Series colours, in the order they are handed out. */
  series: ["#2F6BDE", "#F08C2E", "#17A589", "#8E5CD9", "#E0528B", "#2BA8D6", "#A8742F", "#64748B"],
  primary: "#2F6BDE",
  /** The primary colour, lighter: bars that have not reached the target yet. */
  primarySoft: "#A7C0F2",
  success: "#17A589",
  target: "#E5484D",
  text: "#1F2937",
  textMuted: "#6B7280",
  grid: "#E9ECF1",
  axis: "#C7CDD6",
  background: "#FFFFFF",
  /** Funnel drop-off segments and their numbers. */
  lost: "#F5CFCF",
  lostText: "#C0474A",
  /** Place badges: gold, silver, bronze, then everyone else. */
  medals: ["#F2B705", "#9AA5B4", "#CD7F3C"],
  rankOther: "#D5DBE3",
} as const;

/** Colour of series `i` (wraps around after the palette is exhausted). */
export function seriesColor(i: number): string {
  return PALETTE.series[((i % PALETTE.series.length) + PALETTE.series.length) % PALETTE.series.length]!;
}

/** `#rrggbb` with an alpha channel, for fills under lines. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/** Blend two `#rrggbb` colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const pa = /^#([0-9a-f]{6})$/i.exec(a);
  const pb = /^#([0-9a-f]{6})$/i.exec(b);
  if (!pa || !pb) return a;
  const ca = parseInt(pa[1]!, 16);
  const cb = parseInt(pb[1]!, 16);
  let out = "#";
  for (const shift of [16, 8, 0]) {
    const va = (ca >> shift) & 0xff;
    const vb = (cb >> shift) & 0xff;
    out += Math.round(va + (vb - va) * t)
      .toString(16)
      .padStart(2, "0");
  }
  return out;
}
