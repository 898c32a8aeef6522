// The chart process's entry: draws the charts the pool hands it over IPC. chart.js and
// node-canvas are loaded here only, so the bot's own process never maps them, a chart
// never holds up a reply or the bookkeeping of what reached a chat, and the process
// can be stopped when idle (node-canvas crashes a worker *thread* that drew with it
// when the thread exits, which took the whole bot down; a process of its own only
// takes itself).
import { type ChartJob, drawChart } from "./draw.js";

export interface ChartRequest {
  id: number;
  job: ChartJob;
}
export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

if (process.send) {
  process.on("message", async ({ id, job }: ChartRequest) => {
    try {
      const png = await drawChart(job);
      process.send?.({ id, png } satisfies ChartResponse);
    } catch (err) {
      process.send?.({ id, error: err instanceof Error ? err.message : String(err) } satisfies ChartResponse);
    }
  });
  // The bot went away (stopped or killed): nothing left to draw for.
  process.on("disconnect", () => process.exit(0));
}
