import { describe, expect, it } from "vitest";
import { barChart, funnelChart, lineChart, podiumChart, truncateLabel } from "../../../src/presentation/charts/index.js";
import { renderChart } from "../../../src/presentation/charts/renderer.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks the PNG signature and returns the size from the IHDR chunk (always first). */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(buf.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const managers = ["Иван", "Мария", "Пётр", "Анна", "Дмитрий"];
const deals = [23, 17, 9, 20, 14];

describe("chart builders", () => {
  it("barChart returns a 1000×625 PNG", async () => {
    const png = await barChart({
      title: "Сделки за ноябрь",
      subtitle: "План — 20",
      labels: managers,
      series: [{ label: "Сделки", values: deals }],
      target: { value: 20, label: "План" },
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("barChart handles horizontal, stacked, grouped series and nulls", async () => {
    const horizontal = await barChart({
      title: "Выручка",
      labels: ["Дмитрий Константинопольский", ...managers.slice(1)],
      series: [{ label: "Выручка", values: [1_250_000, null, 640_000, 1_870_000, 980_000] }],
      target: { value: 1_500_000, label: "План" },
      horizontal: true,
      valueFormat: "revenue",
    });
    const stacked = await barChart({
      title: "Активности",
      labels: managers,
      series: [
        { label: "Звонки", values: [42, 38, 25, 47, 31] },
        { label: "Встречи", values: [9, 12, null, 10, 7] },
      ],
      stacked: true,
    });
    for (const png of [horizontal, stacked]) expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("lineChart returns a 1000×625 PNG (two axes, gaps for null)", async () => {
    const days = Array.from({ length: 30 }, (_, i) => String(i + 1));
    const perDay = days.map((_, i) => (i > 25 ? null : i % 7 === 6 ? null : (i * 5) % 11));
    const png = await lineChart({
      title: "Сделки и выручка по дням",
      labels: days,
      series: [
        { label: "Сделки", values: perDay },
        { label: "Выручка", values: perDay.map((v) => (v === null ? null : v * 45_000)), yAxis: "right" },
      ],
      target: { value: 6, label: "План" },
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("funnelChart returns a 1000×625 PNG", async () => {
    const png = await funnelChart({
      title: "Воронка продаж",
      stages: [
        { label: "Новый", count: 120, lost: 40 },
        { label: "Квалификация", count: 80, lost: 35 },
        { label: "Встреча", count: 45, lost: 15 },
        { label: "КП", count: 30, lost: 18 },
        { label: "Успех", count: 12 },
      ],
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("podiumChart returns a 1000×625 PNG and accepts shared places", async () => {
    const png = await podiumChart({
      title: "Рейтинг",
      entries: [
        { name: "Мария", value: 30, place: 1 },
        { name: "Иван", value: 25, place: 2 },
        { name: "Анна", value: 25, place: 2 },
        { name: "Пётр", value: 11, place: 4 },
      ],
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("renders empty data without throwing", async () => {
    const pngs = await Promise.all([
      barChart({ title: "Пусто", labels: [], series: [] }),
      barChart({
        title: "Пусто",
        labels: managers,
        series: [{ label: "Сделки", values: [null, null] }],
        target: { value: 5, label: "План" },
      }),
      lineChart({ title: "Пусто", labels: [], series: [] }),
      funnelChart({ title: "Пусто", stages: [] }),
      podiumChart({ title: "Пусто", entries: [] }),
    ]);
    for (const png of pngs) expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
  });

  it("draws Cyrillic with the bundled font (same pixels as Latin look-alikes)", async () => {
    // DejaVu draws Cyrillic Е, Н, О, М, о, р, с, е exactly like Latin E, H, O, M, o, p, c, e.
    // A fallback font (or missing glyph boxes) for Cyrillic would change the picture.
    const chart = (text: string) => barChart({ title: text, labels: [text], series: [{ label: text, values: [3] }] });
    const [cyrillic, latin] = await Promise.all([chart("ЕНОМ ор се"), chart("EHOM op ce")]);
    expect(cyrillic.equals(latin)).toBe(true);
    const other = await chart("Жук Фёдор");
    expect(other.equals(cyrillic)).toBe(false);
  });

  it("the target line changes the image", async () => {
    const base = { title: "Сделки", labels: managers, series: [{ label: "Сделки", values: deals, color: "#2F6BDE" }] };
    const [without, withTarget] = await Promise.all([barChart(base), barChart({ ...base, target: { value: 18, label: "План" } })]);
    expect(withTarget.equals(without)).toBe(false);

    const line = { title: "Сделки", labels: managers, series: [{ label: "Сделки", values: deals }] };
    const [lineWithout, lineWith] = await Promise.all([lineChart(line), lineChart({ ...line, target: { value: 18, label: "План" } })]);
    expect(lineWith.equals(lineWithout)).toBe(false);
  });

  it("renders the same input to the same bytes", async () => {
    const opts = { title: "Сделки", labels: managers, series: [{ label: "Сделки", values: deals }] };
    const [a, b] = await Promise.all([barChart(opts), barChart(opts)]);
    expect(a.equals(b)).toBe(true);
  });

  it("renderChart accepts a raw chart.js config and a custom size", async () => {
    const png = await renderChart(
      { type: "bar", data: { labels: ["А", "Б"], datasets: [{ label: "x", data: [1, 2] }] } },
      { width: 640, height: 400 },
    );
    expect(pngSize(png)).toEqual({ width: 640, height: 400 });
  });
});

describe("truncateLabel", () => {
  it("shortens long names to 14 characters with an ellipsis", () => {
    expect(truncateLabel("Дмитрий Константинопольский")).toBe("Дмитрий Конст…");
    expect(Array.from(truncateLabel("Дмитрий Константинопольский")).length).toBe(14);
    expect(truncateLabel("Мария Кузнецова")).toBe("Мария Кузнецо…");
    expect(truncateLabel("  Анна   Смирнова ")).toBe("Анна Смирнова");
  });
});
