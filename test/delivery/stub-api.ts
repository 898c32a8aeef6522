// A stand-in for grammY's Api that answers instantly (or with a scripted
// error) and records when each send happened on the fake clock.
import { Api } from "grammy";
import type { FakeClock } from "./fake-clock.js";

export interface StubSend {
  method: "sendMessage" | "sendPhoto";
  chatId: number;
  at: number;
  text?: string;
  caption?: string;
  threadId?: number;
  parseMode?: string;
}

export type Scripted = (send: StubSend) => { error_code: number; description: string; parameters?: Record<string, number> } | undefined;

export function stubApi(clock: FakeClock, script: Scripted = () => undefined): { api: Api; sends: StubSend[]; attempts: StubSend[] } {
  const sends: StubSend[] = [];
  const attempts: StubSend[] = [];
  let nextId = 1;
  // A real Api whose last step answers here instead of over HTTP: transformers the
  // code installs (the HTML default) run as they would against Telegram.
  const api = new Api("1:stub");
  api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (method !== "sendMessage" && method !== "sendPhoto") throw new Error(`stub api: unexpected ${method}`);
    const send: StubSend = {
      method,
      chatId: p.chat_id as number,
      at: clock.now(),
      text: p.text as string | undefined,
      caption: p.caption as string | undefined,
      threadId: p.message_thread_id as number | undefined,
      parseMode: p.parse_mode as string | undefined,
    };
    attempts.push(send);
    const error = script(send);
    if (error) return { ok: false, ...error } as never;
    sends.push(send);
    return { ok: true, result: { message_id: nextId++ } } as never;
  });
  return { api, sends, attempts };
}

/** The largest number of `times` inside any window of `windowMs` (a send at t counts until t + windowMs, exclusive). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
