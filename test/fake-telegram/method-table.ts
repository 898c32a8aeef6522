import { ApiError } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import { requireChatId } from "./message-validation.js";
import type { Payload } from "./types.js";

export interface MethodContext {
  state: FakeState;
  /** Aborted when the HTTP client disconnects (matters for long polling). */
  signal: AbortSignal;
}

/** Returns the `result` of a successful call, or throws an ApiError. */
export type MethodHandler = (payload: Payload, ctx: MethodContext) => unknown;

/** Method name -> handler. Add a method by adding an entry in one of the methods-*.ts tables. */
export type MethodTable = Record<string, MethodHandler>;

/**
 * Resolves the target chat of a write (send/edit/delete/action) and applies
 * the chat-level failures a test injected with blockChat/migrateChat.
 */
export function targetChat(payload: Payload, state: FakeState): number | string {
  const chatId = requireChatId(payload);
  const key = String(chatId);
  const newId = state.migrated.get(key);
  if (newId !== undefined) {
    throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
      migrate_to_chat_id: newId,
    });
  }
  const blocked = state.blocked.get(key);
  if (blocked !== undefined) throw new ApiError(403, blocked);
  return chatId;
}

/** Applies the send rate limits (if enabled) right before a message is delivered. */
export function admitSend(state: FakeState, chatId: number | string): void {
  state.limiter?.admit(chatId);
}

export function nextId(state: FakeState): number {
  return ++state.counter.value;
}
