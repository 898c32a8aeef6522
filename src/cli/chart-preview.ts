// Writes sample charts to /tmp/chart-previews/ and times a bar chart render.
// Run: npx tsx src/cli/chart-preview.ts

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { barChart, funnelChart, lineChart, podiumChart } from "../presentation/charts/index.js";
import { formatNumber } from "../presentation/format/number.js";

const OUT = "/tmp/chart-previews";
const managers = ["Иван", "Мария", "Пётр", "Анна", "Дмитрий"];

// November, deals per day for the team (weekends quieter), revenue per day.
const days = Array.from({ length: 30 }, (_, i) => i + 1);
const weekday = (d: number) => new Date(Date.UTC(2025, 10, d)).getUTCDay(); // 0 = Sunday
const deals = days.map((d) => {
  if (d > 26) return null; // the month is not over yet
  const w = weekday(d);
  if (w === 0) return 0; // Sundays off
  const base = w === 6 ? 2 : 7 + ((d * 7) % 5);
  return base + (d % 3 === 0 ? 2 : 0);
});
const revenue = deals.map((n, i) => (n === null ? null : n * (38_000 + ((i * 9_137) % 21_000))));
const averageCheck = deals.map((n, i) => (n === null || n === 0 ? null : revenue[i]! / n));

const samples: Record<string, () => Promise<Buffer>> = {
  "bar-deals-target": () =>
    barChart({
      title: "Сделки за ноябрь",
      subtitle: "План на месяц — 20 сделок на менеджера",
      labels: managers,
      series: [{ label: "Сделки", values: [23, 17, 9, 20, 14] }],
      target: { value: 20, label: "План" },
    }),
  "bar-revenue-horizontal": () =>
    barChart({
      title: "Выручка по менеджерам",
      subtitle: "Ноябрь 2025, ₽",
      labels: ["Иван Петров", "Мария Кузнецова", "Пётр Сидоров", "Анна Смирнова", "Дмитрий Константинопольский"],
      series: [{ label: "Выручка", values: [1_250_000, 2_430_000, 640_000, 1_870_000, 980_000] }],
      target: { value: 1_500_000, label: "План" },
      valueFormat: "revenue",
      horizontal: true,
    }),
  "bar-calls-meetings": () =>
    barChart({
      title: "Звонки и встречи",
      subtitle: "Неделя 24–30 ноября",
      labels: managers,
      series: [
        { label: "Звонки", values: [62, 48, 35, 57, 41] },
        { label: "Встречи", values: [9, 12, 4, 10, null] },
      ],
    }),
  "bar-stacked": () =>
    barChart({
      title: "Активности за неделю",
      labels: managers,
      series: [
        { label: "Звонки", values: [42, 38, 25, 47, 31] },
        { label: "Встречи", values: [9, 12, 4, 10, 7] },
        { label: "КП", values: [5, 7, 2, 6, 3] },
      ],
      stacked: true,
    }),
  "line-deals-revenue": () =>
    lineChart({
      title: "Сделки и выручка по дням",
      subtitle: "Ноябрь 2025",
      labels: days.map(String),
      series: [
        { label: "Сделки", values: deals },
        { label: "Выручка, ₽", values: revenue, yAxis: "right" },
      ],
      rightValueFormat: "calls",
    }),
  "line-average-check": () =>
    lineChart({
      title: "Средний чек",
      subtitle: "Ноябрь 2025, ₽",
      labels: days.map((d) => `${d}.11`),
      series: [{ label: "Средний чек", values: averageCheck }],
      target: { value: 45_000, label: "Цель" },
      valueFormat: "calls",
    }),
  funnel: () =>
    funnelChart({
      title: "Воронка продаж",
      subtitle: "Ноябрь 2025 · итоговая конверсия 10%",
      stages: [
        { label: "Новый", count: 120, lost: 40 },
        { label: "Квалификация", count: 80, lost: 35 },
        { label: "Встреча", count: 45, lost: 15 },
        { label: "КП", count: 30, lost: 18 },
        { label: "Успех", count: 12 },
      ],
    }),
  podium: () =>
    podiumChart({
      title: "Рейтинг: выручка за ноябрь",
      subtitle: "Мария впереди третью неделю подряд",
      entries: [
        { name: "Мария Кузнецова", value: 2_430_000, place: 1 },
        { name: "Анна Смирнова", value: 1_870_000, place: 2 },
        { name: "Иван Петров", value: 1_870_000, place: 2 },
        { name: "Дмитрий Константинопольский", value: 980_000, place: 4 },
        { name: "Пётр Сидоров", value: 640_000, place: 5 },
      ],
      valueFormat: "revenue",
    }),
  "bar-english": () =>
    barChart({
      title: "Deals in November",
      subtitle: "Target: 20 per manager",
      labels: ["Ivan", "Maria", "Peter", "Anna", "Dmitry"],
      series: [{ label: "Deals", values: [23, 17, 9, 20, 14] }],
      target: { value: 20, label: "Target" },
      locale: "en",
    }),
  "bar-empty": () =>
    barChart({ title: "Сделки за декабрь", subtitle: "Пока ни одной записи", labels: managers, series: [{ label: "Сделки", values: [] }] }),
};

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(samples)) {
  const file = join(OUT, `${name}.png`);
  writeFileSync(file, await make());
  console.log(file);
}

// Timing: median of 20 bar chart renders after a warm-up.
const make = samples["bar-deals-target"]!;
for (let i = 0; i < 5; i++) await make();
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  await make();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = (times[9]! + times[10]!) / 2;
console.log(
  `bar chart render: median ${formatNumber(median, "en", 1)} ms (min ${formatNumber(times[0]!, "en", 1)}, max ${formatNumber(times[19]!, "en", 1)}) over 20 renders`,
);
