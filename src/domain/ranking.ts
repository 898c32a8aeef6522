import { METRICS, type MetricKey } from "./metrics.js";

export interface Ranked<T> {
  item: T;
  value: number | null;
  /** 1-based; equal values share a place (1, 2, 2, 4). Null values rank last, unplaced. */
  place: number | null;
}

/**
 * Orders people by a metric, best first (higher for at-least metrics, lower for
 * at-most ones like lead time). Ties share a place ("competition ranking");
 * a secondary key breaks display order but not places.
 */
export function rankBy<T>(
  items: T[],
  metric: MetricKey,
  value: (item: T) => number | null,
  tieBreak?: (item: T) => number | null,
): Ranked<T>[] {
  const better = METRICS[metric].direction === "at_most" ? -1 : 1;
  const rows = items.map((item) => ({ item, value: value(item), second: tieBreak?.(item) ?? 0 }));
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    if (a.value !== b.value) return better * (b.value - a.value);
    return (b.second ?? 0) - (a.second ?? 0);
  });
  let place = 0;
  return rows.map((r, i) => {
    if (r.value === null) return { item: r.item, value: null, place: null };
    if (i === 0 || r.value !== rows[i - 1]!.value) place = i + 1;
    return { item: r.item, value: r.value, place };
  });
}
