import { setTimeout as sleep } from "node:timers/promises";
import type { RunnerHandle } from "@grammyjs/runner";

/**
 * Stops fetching and waits until every update already taken is handled.
 * The runner's own stop() resolves when its fetch loop ends, while updates in
 * its concurrent sink may still be running; closing the database under them
 * would lose their writes.
 */
export async function stopRunner(handle: RunnerHandle, timeoutMs = 6000): Promise<boolean> {
  if (handle.isRunning()) await handle.stop();
  const deadline = Date.now() + timeoutMs;
  while (handle.size() > 0) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}
