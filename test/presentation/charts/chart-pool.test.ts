// The worker pool draws exactly what the in-thread builders draw, on another thread,
// and survives a worker that dies mid-chart.
import { afterEach, describe, expect, it } from "vitest";
import { ChartPool } from "../../../src/presentation/charts/chart-pool.js";
import { type ChartJob, drawInThread } from "../../../src/presentation/charts/draw.js";

const JOBS: ChartJob[] = [
  {
    kind: "bar",
    options: {
      title: "Выручка",
      labels: ["Иван", "Мария", "Пётр"],
      series: [{ label: "Выручка", values: [1_250_000, null, 640_000] }],
      target: { value: 1_000_000, label: "План" },
      valueFormat: "revenue",
    },
  },
  {
    kind: "line",
    options: { title: "Звонки", labels: ["пн", "вт", "ср"], series: [{ label: "Звонки", values: [3, 5, 4] }], valueFormat: "calls" },
  },
  {
    kind: "funnel",
    options: {
      title: "Воронка",
      stages: [
        { label: "Лиды", count: 40 },
        { label: "КП", count: 12, lost: 3 },
      ],
    },
  },
  { kind: "podium", options: { title: "Итоги недели", entries: [{ name: "Анна", value: 12, place: 1 }] } },
];

let pool: ChartPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("chart pool", () => {
  it("draws every kind to the same bytes as the in-thread builders", async () => {
    pool = new ChartPool(2);
    const viaPool = await Promise.all(JOBS.map((j) => pool!.draw(j)));
    for (const [i, job] of JOBS.entries()) expect(viaPool[i]!.equals(await drawInThread(job))).toBe(true);
    expect(pool.pending).toBe(0);
  });

  it("fails the chart of a worker that died and draws the next one with a new worker", async () => {
    pool = new ChartPool(1);
    await pool.draw(JOBS[0]!);
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    const inFlight = pool.draw(JOBS[1]!);
    await slots[0]!.worker.terminate();
    await expect(inFlight).rejects.toThrow(/chart worker exited/);
    expect((await pool.draw(JOBS[2]!)).length).toBeGreaterThan(1000);
  });
});
