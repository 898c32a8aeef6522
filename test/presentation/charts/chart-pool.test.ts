// The chart process draws exactly what the builders draw in this process, and a chart
// process that dies mid-chart costs that chart only.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChartPool } from "../../../src/presentation/charts/chart-pool.js";
import { type ChartJob, drawChart } from "../../../src/presentation/charts/draw.js";

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
  vi.useRealTimers();
  await pool?.close();
  pool = undefined;
});

describe("chart pool", () => {
  it("draws every kind in another process to the same bytes as the builders here", async () => {
    pool = new ChartPool();
    const viaPool = await Promise.all(JOBS.map((j) => pool!.draw(j)));
    expect(pool.pid).toBeGreaterThan(0);
    expect(pool.pid).not.toBe(process.pid);
    for (const [i, job] of JOBS.entries()) expect(viaPool[i]!.equals(await drawChart(job))).toBe(true);
    expect(pool.pending).toBe(0);
  });

  it("fails the chart of a process that died and draws the next one in a new process", async () => {
    pool = new ChartPool();
    await pool.draw(JOBS[0]!);
    const first = pool.pid!;
    const inFlight = pool.draw(JOBS[1]!);
    process.kill(first, "SIGKILL");
    await expect(inFlight).rejects.toThrow(/chart process exited \(SIGKILL\)/);
    expect((await pool.draw(JOBS[2]!)).length).toBeGreaterThan(1000);
    expect(pool.pid).not.toBe(first);
  });

  it("draws a chart asked for just as the idle process is being stopped, in a new process", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    pool = new ChartPool();
    await pool.draw(JOBS[0]!);
    const first = pool.pid!;
    // A minute idle: the process is told to stop; a chart asked for before it has exited.
    vi.advanceTimersByTime(60_000);
    const next = pool.draw(JOBS[1]!);
    vi.useRealTimers();
    expect((await next).equals(await drawChart(JOBS[1]!))).toBe(true);
    expect(pool.pid).not.toBe(first);
  });

  it("fails a chart the process never answers (hung), and draws the next one in a new process", async () => {
    // The timeout also covers a new process's start (loading chart.js and canvas): 2 s leaves room for a loaded machine.
    pool = new ChartPool(2_000);
    await pool.draw(JOBS[0]!);
    const first = pool.pid!;
    // Stopped, not dead: the chart would wait forever without the timeout.
    process.kill(first, "SIGSTOP");
    await expect(pool.draw(JOBS[1]!)).rejects.toThrow(/chart process exited \(SIGKILL\)/);
    expect((await pool.draw(JOBS[2]!)).length).toBeGreaterThan(1000);
    expect(pool.pid).not.toBe(first);
  });
});
