import { richPlainText } from "./rich-messages.js";
import type { RecordedCall, WaitOptions } from "./types.js";

/** Methods that put a message in a chat (or change its text), as seen by `waitForMessage`. */
const MESSAGE_METHODS = new Set([
  "sendMessage",
  "sendRichMessage",
  "sendPhoto",
  "sendDocument",
  "editMessageText",
  "editEphemeralMessageText",
]);

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Every API call in arrival order, plus waiting for future ones. Waiting
 * re-checks already recorded calls first (from `after`), so a test cannot miss
 * a call that happened between its action and its `await`.
 */
export class CallLog {
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Set<(call: RecordedCall) => void>();

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener(call);
  }

  waitFor(predicate: (call: RecordedCall) => boolean, opts: WaitOptions = {}, label = "waitForCall"): Promise<RecordedCall> {
    const found = this.calls.slice(opts.after ?? 0).find(predicate);
    if (found) return Promise.resolve(found);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const listener = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        cleanup();
        resolve(call);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${label}: no matching call within ${timeoutMs} ms.\n${this.describeRecent()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /** One line per recent call, so a timed-out test shows what the bot did instead. */
  describeRecent(count = 15): string {
    if (this.calls.length === 0) return "No API calls were made at all.";
    const first = Math.max(this.calls.length - count, 0);
    const lines = this.calls.slice(first).map((call, i) => `  #${first + i} ${describeCall(call)}`);
    return `Last ${lines.length} of ${this.calls.length} calls:\n${lines.join("\n")}`;
  }
}

function describeCall(call: RecordedCall): string {
  const { payload, response } = call;
  const parts = [call.method];
  if (payload.chat_id !== undefined) parts.push(`chat=${String(payload.chat_id)}`);
  const text = payload.text ?? payload.caption ?? payload.data;
  if (typeof text === "string") parts.push(JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text));
  if (call.method === "getUpdates" && Array.isArray(response.result)) {
    parts.push(`-> ${response.result.length} update(s)`);
  } else {
    parts.push(response.ok ? "-> ok" : `-> ${response.error_code} ${response.description}`);
  }
  return parts.join(" ");
}

/** Successful message-producing call to `chatId`. */
export function isMessageTo(call: RecordedCall, chatId: number): boolean {
  return MESSAGE_METHODS.has(call.method) && call.response.ok && String(call.payload.chat_id) === String(chatId);
}

/** What the user sees: the text/caption of the resulting message (tags stripped, entities decoded). */
export function visibleText(call: RecordedCall): string {
  const result = call.response.result as { text?: string; caption?: string } | undefined;
  if (call.payload.rich_message !== undefined) return richPlainText(call.payload.rich_message);
  const text: unknown = result?.text ?? result?.caption ?? call.payload.text ?? call.payload.caption;
  return typeof text === "string" ? text : "";
}
