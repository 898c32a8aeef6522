// The flat middleware chain behaves as the same `bot.use` calls in a row would.
import { Composer, type Context, type MiddlewareFn } from "grammy";
import { describe, expect, it } from "vitest";
import { chain } from "../../../src/bot/middlewares/chain.js";

type Ctx = Context & { seen: string[] };
const ctx = () => ({ seen: [] }) as unknown as Ctx;

/** Notes its name on the way in and out, and passes on unless told to stop. */
const mark =
  (name: string, stop = false): MiddlewareFn<Ctx> =>
  async (c, next) => {
    c.seen.push(name);
    if (!stop) await next();
    c.seen.push(`/${name}`);
  };

describe("chain", () => {
  it("runs middleware in order, each around the rest, and the outer next last", async () => {
    const c = ctx();
    await chain<Ctx>([mark("a"), (_x, next) => next(), mark("b")])(c, async () => void c.seen.push("next"));
    expect(c.seen).toEqual(["a", "b", "next", "/b", "/a"]);
  });

  it("stops where a middleware does not call next", async () => {
    const c = ctx();
    let outer = false;
    await chain<Ctx>([mark("a"), mark("b", true), mark("c")])(c, async () => void (outer = true));
    expect(c.seen).toEqual(["a", "b", "/b", "/a"]);
    expect(outer).toBe(false);
  });

  it("runs a Composer's handlers, including ones registered after the chain was built", async () => {
    const feature = new Composer<Ctx>();
    const run = chain<Ctx>([mark("a"), feature]);
    feature.use(mark("late", true));
    const c = ctx();
    await run(c, async () => void c.seen.push("next"));
    expect(c.seen).toEqual(["a", "late", "/late", "/a"]);
  });

  it("passes an error up through the middleware before it", async () => {
    const c = ctx();
    const caught: unknown[] = [];
    const guard: MiddlewareFn<Ctx> = async (_x, next) => {
      try {
        await next();
      } catch (err) {
        caught.push(err);
      }
    };
    const boom: MiddlewareFn<Ctx> = () => {
      throw new Error("boom");
    };
    await chain<Ctx>([guard, mark("a"), boom])(c, async () => undefined);
    expect(caught.map((e) => (e as Error).message)).toEqual(["boom"]);
    await expect(chain<Ctx>([mark("a"), boom])(ctx(), async () => undefined)).rejects.toThrow("boom");
  });

  it("refuses a second call of next, as grammY does", async () => {
    const twice: MiddlewareFn<Ctx> = async (_x, next) => {
      await next();
      await next();
    };
    await expect(chain<Ctx>([twice, mark("a")])(ctx(), async () => undefined)).rejects.toThrow("already called");
  });
});
