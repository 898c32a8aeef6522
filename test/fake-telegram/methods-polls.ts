import type { PollAnswer, User } from "grammy/types";
import { badRequest } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import { describeFile, newBotMessage, repliedMessage } from "./message-factory.js";
import { formatCaption, validateReplyMarkup } from "./message-validation.js";
import { admitSend, type MethodTable, nextId, targetChat } from "./method-table.js";
import type { Payload } from "./types.js";

/** Telegram's sendPoll limits. */
const POLL = { question: 300, option: 100, minOptions: 2, maxOptions: 10, explanation: 200 };

const chars = (s: string) => Array.from(s).length;

/** A poll the bot sent, so a test's answer can be checked like Telegram would. */
export interface SentPoll {
  chatId: number | string;
  options: number;
  type: "quiz" | "regular";
  closed: boolean;
}

function optionText(o: unknown): string {
  if (typeof o === "string") return o;
  if (typeof o === "object" && o !== null && typeof (o as { text?: unknown }).text === "string") return (o as { text: string }).text;
  throw badRequest("can't parse poll option");
}

/** Media sent again by file_id (materials from the knowledge base). */
function sendMedia(kind: "voice" | "video" | "audio") {
  return (payload: Payload, { state }: { state: FakeState }) => {
    const chatId = targetChat(payload, state);
    const file = describeFile(state, payload[kind], kind as "document");
    const caption = formatCaption(payload);
    validateReplyMarkup(payload.reply_markup);
    const replyTo = repliedMessage(state, chatId, payload);
    admitSend(state, chatId);
    const content = {
      [kind]: { file_id: file.fileId, file_unique_id: file.uniqueId, duration: 1 },
      ...(caption ? { caption: caption.text } : {}),
    };
    return newBotMessage(state, chatId, payload, content, replyTo);
  };
}

export const pollMethods: MethodTable = {
  sendPoll(payload, { state }) {
    const chatId = targetChat(payload, state);
    const question = typeof payload.question === "string" ? payload.question : "";
    if (!question.trim()) throw badRequest("poll question must be non-empty");
    if (chars(question) > POLL.question) throw badRequest(`poll question length must not exceed ${POLL.question}`);
    const raw = typeof payload.options === "string" ? (JSON.parse(payload.options) as unknown) : payload.options;
    if (!Array.isArray(raw)) throw badRequest("can't parse options JSON object");
    const options = raw.map(optionText);
    if (options.length < POLL.minOptions) throw badRequest("poll must have at least 2 option");
    if (options.length > POLL.maxOptions) throw badRequest("poll can't have more than 10 options");
    for (const o of options) {
      if (!o.trim()) throw badRequest("poll options must be non-empty");
      if (chars(o) > POLL.option) throw badRequest(`poll options length must not exceed ${POLL.option}`);
    }
    const type = payload.type === "quiz" ? "quiz" : "regular";
    // Bot API 9.x takes correct_option_ids (an increasing list); earlier ones one correct_option_id.
    const rawIds = payload.correct_option_ids ?? (payload.correct_option_id === undefined ? undefined : [payload.correct_option_id]);
    const ids = typeof rawIds === "string" ? (JSON.parse(rawIds) as unknown) : rawIds;
    const correct = Array.isArray(ids) ? (ids as unknown[]) : [];
    if (
      type === "quiz" &&
      (correct.length === 0 ||
        correct.some((i, k) => typeof i !== "number" || i < 0 || i >= options.length || (k > 0 && i <= (correct[k - 1] as number))))
    ) {
      throw badRequest("wrong correct option ID specified");
    }
    const explanation = typeof payload.explanation === "string" ? payload.explanation : undefined;
    if (explanation !== undefined && chars(explanation) > POLL.explanation) throw badRequest("quiz poll explanation is too long");
    validateReplyMarkup(payload.reply_markup);
    const replyTo = repliedMessage(state, chatId, payload);
    admitSend(state, chatId);
    const id = `poll-${nextId(state)}`;
    const poll = {
      id,
      question,
      options: options.map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: payload.is_anonymous !== false,
      type,
      allows_multiple_answers: false,
      ...(type === "quiz" ? { correct_option_ids: correct } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
    };
    state.polls.set(id, { chatId, options: options.length, type, closed: false });
    state.delivery.recordDelivery(chatId, `sendPoll\u0000${question}`);
    return newBotMessage(state, chatId, payload, { poll }, replyTo);
  },

  stopPoll(payload, { state }) {
    targetChat(payload, state);
    const poll = [...state.polls.entries()].find(([, p]) => String(p.chatId) === String(payload.chat_id));
    if (!poll) throw badRequest("poll not found");
    poll[1].closed = true;
    return { id: poll[0], is_closed: true };
  },

  sendVoice: sendMedia("voice"),
  sendVideo: sendMedia("video"),
  sendAudio: sendMedia("audio"),
};

/**
 * A user's answer to a non-anonymous poll, as Telegram delivers it. Telegram
 * refuses a second vote in a quiz and any vote in a closed poll, so does this.
 */
export function buildPollAnswer(state: FakeState, from: User, pollId: string, optionIds: number[]): PollAnswer {
  const poll = state.polls.get(pollId);
  if (!poll) throw new Error(`answerPoll: no poll ${pollId} was sent`);
  if (optionIds.some((i) => i < 0 || i >= poll.options)) throw new Error(`answerPoll: poll ${pollId} has ${poll.options} options`);
  return { poll_id: pollId, user: from, option_ids: optionIds, option_persistent_ids: optionIds.map(String) };
}
