import type { Api } from "grammy";
import { createDelivery, type Delivery, type DeliveryOptions } from "../delivery/index.js";
import type { AppDeps } from "../services/deps.js";
import { richGate } from "../services/rich-gate.js";
import { ContestBoard } from "./contest-board.js";
import { deliveryHooks } from "./delivery-hooks.js";
import { PostScheduler } from "./scheduler.js";

/**
 * The scheduler with its throttled delivery and failure hooks, and settings
 * changes routed to it. Nothing runs until `scheduler.start()`.
 */
export function createPostScheduler(
  api: Api,
  deps: AppDeps,
  options: Omit<DeliveryOptions, "hooks" | "logger"> = {},
): { scheduler: PostScheduler; delivery: Delivery } {
  let delivery: Delivery | undefined;
  delivery = createDelivery(api, {
    rich: richGate(deps),
    ...options,
    logger: deps.logger,
    hooks: deliveryHooks(deps, (msg) => delivery!.send(msg)),
  });
  const scheduler = new PostScheduler(deps, delivery, { contests: new ContestBoard(deps, api, delivery) });
  deps.onTeamSettingsChanged = (teamId) => scheduler.refresh(teamId);
  // A new contest's live standings are posted at once rather than at the next minute.
  deps.onContestCreated = () => void scheduler.runContests();
  return { scheduler, delivery };
}
