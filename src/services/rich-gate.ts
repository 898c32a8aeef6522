import { NO_RICH, type RichGate } from "../delivery/rich.js";
import type { AppDeps } from "./deps.js";

/**
 * The rich-message gate of this installation: off by RICH_MESSAGES=off; otherwise
 * every chat but those that refused once (persisted, so a restart does not ask again).
 */
export function richGate(deps: AppDeps): RichGate {
  if (deps.config.richMessages === "off") return NO_RICH;
  return {
    allowed: (chatId) => !deps.repos.richFallback.refused(chatId),
    refused: (chatId, reason) => {
      deps.repos.richFallback.remember(chatId, reason, deps.now());
      deps.logger.warn({ chatId, reason }, "rich message refused: this chat gets the <pre> layout from now on");
    },
  };
}
