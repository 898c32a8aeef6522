import { Bot, GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function error(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GrammyError) return `${e.error_code} ${e.description}`;
    throw e;
  }
  throw new Error("expected a Bot API error");
}

describe("sendPoll and poll answers", () => {
  it("sends a quiz poll with its correct option and validates Telegram's limits", async () => {
    fake = await startFakeTelegram();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const user = fake.user(7, { first_name: "Ann" });
    fake.privateChat(user);
    const msg = await bot.api.sendPoll(user.id, "Q?", [{ text: "a" }, { text: "b" }], {
      type: "quiz",
      is_anonymous: false,
      correct_option_ids: [1],
      explanation: "because",
    });
    expect(msg.poll).toMatchObject({ question: "Q?", type: "quiz", is_anonymous: false, correct_option_ids: [1], explanation: "because" });
    expect(await error(bot.api.sendPoll(user.id, "x".repeat(301), ["a", "b"]))).toBe(
      "400 Bad Request: poll question length must not exceed 300",
    );
    expect(await error(bot.api.sendPoll(user.id, "Q", ["a"]))).toBe("400 Bad Request: poll must have at least 2 option");
    expect(
      await error(
        bot.api.sendPoll(
          user.id,
          "Q",
          Array.from({ length: 11 }, (_, i) => `o${i}`),
        ),
      ),
    ).toContain("more than 10 options");
    expect(await error(bot.api.sendPoll(user.id, "Q", ["a", "y".repeat(101)]))).toContain("options length must not exceed 100");
    expect(await error(bot.api.sendPoll(user.id, "Q", ["a", "b"], { type: "quiz", correct_option_ids: [2] }))).toContain(
      "wrong correct option",
    );
    expect(
      await error(bot.api.sendPoll(user.id, "Q", ["a", "b"], { type: "quiz", correct_option_ids: [0], explanation: "e".repeat(201) })),
    ).toContain("explanation is too long");

    // An answer becomes a poll_answer update; an option the poll does not have is a test bug.
    const id = fake.answerPoll(user, msg.poll.id, [1]);
    expect(fake.getUpdate(id)?.poll_answer).toMatchObject({ poll_id: msg.poll.id, option_ids: [1], user: { id: 7 } });
    expect(() => fake!.answerPoll(user, msg.poll.id, [5])).toThrow(/has 2 options/);
  });
});
