import { describe, expect, it } from "vitest";
import { rankBy } from "../../src/domain/ranking.js";

describe("rankBy", () => {
  const people = [
    { name: "A", deals: 3, revenue: 100 },
    { name: "B", deals: 5, revenue: 50 },
    { name: "C", deals: 3, revenue: 300 },
    { name: "D", deals: null as number | null, revenue: 0 },
    { name: "E", deals: 1, revenue: 10 },
  ];

  it("ranks higher-is-better metrics descending, ties sharing a place", () => {
    const r = rankBy(
      people,
      "deals",
      (p) => p.deals,
      (p) => p.revenue,
    );
    expect(r.map((x) => [x.item.name, x.place])).toEqual([
      ["B", 1],
      ["C", 2],
      ["A", 2],
      ["E", 4],
      ["D", null],
    ]);
  });

  it("ranks at-most metrics ascending", () => {
    const times = [
      { n: "x", t: 5 },
      { n: "y", t: 2 },
      { n: "z", t: 9 },
    ];
    expect(rankBy(times, "lead_time", (p) => p.t).map((x) => [x.item.n, x.place])).toEqual([
      ["y", 1],
      ["x", 2],
      ["z", 3],
    ]);
  });
});
