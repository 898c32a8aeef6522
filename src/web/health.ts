import type { IntakeStats } from "../intake/durable-intake.js";
import type { AppDeps } from "../services/deps.js";

export interface HealthSources {
  deps: AppDeps;
  intake: () => IntakeStats | undefined;
  scheduler: () => { alive: boolean; lastRunAt: number | null };
}

export interface HealthReport {
  ok: boolean;
  database: boolean;
  scheduler: boolean;
  scheduler_last_run_at: string | null;
  /** Updates taken in and not handled yet. */
  backlog: number;
  last_update_handled_at: string | null;
  updates_handled: number;
}

/** Updates waiting longer than this with none handled means handling is stuck. */
const STUCK_MS = 60_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Healthy: the database answers, the scheduler's timers still fire, and updates are
 * not piling up unhandled. A quiet bot (nothing received for hours) is healthy.
 */
export function checkHealth(sources: HealthSources, now = Date.now()): HealthReport {
  let database = false;
  try {
    database = sources.deps.db.$client.prepare("SELECT 1 AS one").get() !== undefined;
  } catch {
    database = false;
  }
  const intake = sources.intake() ?? { backlog: 0, handled: 0, received: 0, lastHandledAt: null };
  const scheduler = sources.scheduler();
  const stuck = intake.backlog > 0 && now - (intake.lastHandledAt ?? 0) > STUCK_MS;
  return {
    ok: database && scheduler.alive && !stuck,
    database,
    scheduler: scheduler.alive,
    scheduler_last_run_at: iso(scheduler.lastRunAt),
    backlog: intake.backlog,
    last_update_handled_at: iso(intake.lastHandledAt),
    updates_handled: intake.handled,
  };
}
