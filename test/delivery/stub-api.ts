// A stand-in for grammY's Api that answers instantly (or with a scripted
// error) and records when each send happened on the fake clock.
import { type Api, GrammyError } from "grammy";
import type { FakeClock } from "./fake-clock.js";

export interface StubSend {
  method: "sendMessage" | "sendPhoto";
  chatId: number;
  at: number;
  text?: string;
  caption?: string;
  threadId?: number;
}

export type Scripted = (send: StubSend) => { error_code: number; description: string; parameters?: Record<string, number> } | undefined;

export function stubApi(clock: FakeClock, script: Scripted = () => undefined): { api: Api; sends: StubSend[]; attempts: StubSend[] } {
  const sends: StubSend[] = [];
  const attempts: StubSend[] = [];
  let nextId = 1;
  const answer = async (send: StubSend) => {
    attempts.push(send);
    const error = script(send);
    if (error) {
      throw new GrammyError(`Call to '${send.method}' failed!`, { ok: false, ...error }, send.method, {});
    }
    sends.push(send);
    return { message_id: nextId++ };
  };
  const api = {
    sendMessage: (chatId: number, text: string, other?: { message_thread_id?: number }) =>
      answer({ method: "sendMessage", chatId, at: clock.now(), text, threadId: other?.message_thread_id }),
    sendPhoto: (chatId: number, _photo: unknown, other?: { caption?: string; message_thread_id?: number }) =>
      answer({ method: "sendPhoto", chatId, at: clock.now(), caption: other?.caption, threadId: other?.message_thread_id }),
  };
  return { api: api as unknown as Api, sends, attempts };
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
