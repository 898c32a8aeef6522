import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { runDemo } from "../../src/cli/demo.js";

describe("npm run demo", () => {
  it("builds 90 days for five managers with leads at every stage and prints /me and the team month", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kpi-demo-")), "demo.db");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    try {
      await runDemo(path, "ru");
    } finally {
      spy.mockRestore();
    }
    const out = lines.join("\n");
    expect(out).toMatch(/\/me month \(Иван\):\n📊 Иван · /);
    expect(out).toMatch(/звонки\s+\d+/);
    for (const name of ["Иван", "Мария", "Пётр", "Анна", "Дмитрий", "Итого"]) expect(out).toMatch(new RegExp(`\\n${name}\\s+[\\d ]+`));

    const db = new Database(path, { readonly: true });
    const stages = (db.prepare("select distinct stage from leads").all() as { stage: string }[]).map((r) => r.stage).sort();
    expect(stages).toEqual(["lost", "meeting", "new", "proposal", "qualified", "won"]);
    const span = db
      .prepare("select (max(occurred_at) - min(occurred_at)) / 86400000.0 as days, count(distinct user_id) as people from activities")
      .get() as { days: number; people: number };
    expect(span.days).toBeGreaterThan(80);
    expect(span.people).toBe(5);
    db.close();
  }, 90_000); // builds a 90-day database: ~12 s alone, slower when the suite runs beside it
});
