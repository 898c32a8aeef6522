// Maps what a send threw to what the delivery layer does about it.
import { GrammyError, HttpError } from "grammy";

export type SendFailure =
  | { kind: "blocked"; description: string }
  | { kind: "migrated"; newChatId: number; description: string }
  | { kind: "rateLimited"; retryAfterMs: number; description: string }
  | { kind: "failed"; description: string };

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const description = `${error.error_code}: ${error.description}`;
    const newChatId = error.parameters.migrate_to_chat_id;
    if (error.error_code === 400 && typeof newChatId === "number") return { kind: "migrated", newChatId, description };
    // Every 403 on a send means the bot can no longer post there (blocked, kicked, chat deleted, deactivated user).
    if (error.error_code === 403) return { kind: "blocked", description: error.description };
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after;
      return { kind: "rateLimited", retryAfterMs: 1000 * (typeof seconds === "number" && seconds > 0 ? seconds : 1), description };
    }
    return { kind: "failed", description };
  }
  // A network error after the request left may still have delivered it: retrying could post twice.
  if (error instanceof HttpError) return { kind: "failed", description: `network: ${error.message}` };
  return { kind: "failed", description: error instanceof Error ? error.message : String(error) };
}
