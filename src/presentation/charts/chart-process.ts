// The chart process's entry: draws the charts the pool hands it over IPC. chart.js and
// node-canvas are loaded here only, so the bot's own process never maps them, a chart
// never holds up a reply or the bookkeeping of what reached a chat, and the process
// can be stopped when idle (node-canvas crashes a worker *thread* that drew with it
// when the thread exits, which took the whole bot down; a process of its own only
// takes itself).
import { type ChartJob, drawChart } from "./draw.js";

/** One chart at a time: an answer is for the request before it. */
export interface ChartRequest {
  job: ChartJob;
}
export type ChartResponse = { png: Uint8Array } | { error: string };

if (process.send) {
  process.on("message", async ({ job }: ChartRequest) => {
    try {
      const png = await drawChart(job);
      process.send?.({ png } satisfies ChartResponse);
    } catch (err) {
      process.send?.({ error: err instanceof Error ? err.message : String(err) } satisfies ChartResponse);
    }
  });
  // The bot went away (stopped or killed): nothing left to draw for.
  process.on("disconnect", () => process.exit(0));
}
