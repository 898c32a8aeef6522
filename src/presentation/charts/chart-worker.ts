// Worker thread entry: draws the charts the pool hands it (chart.js and the canvas are
// loaded here only), so a chart never holds up a reply or delivery bookkeeping.
import { parentPort } from "node:worker_threads";
import { type ChartJob, drawInThread } from "./draw.js";

export interface ChartRequest {
  id: number;
  job: ChartJob;
}
export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on("message", async ({ id, job }: ChartRequest) => {
    try {
      // A copy of its own: the canvas's buffer may share memory that must not be transferred.
      const png = new Uint8Array(await drawInThread(job));
      port.postMessage({ id, png } satisfies ChartResponse, [png.buffer]);
    } catch (err) {
      port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies ChartResponse);
    }
  });
}
