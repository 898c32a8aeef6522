// The TV board in a real headless browser at the two landscape sizes an office screen
// has (1920×1080, 1280×720): nothing overflows or is clipped, no text is smaller than
// 2.2 % of the screen's height, a deal that lands is celebrated once, and the board
// dies when the link is revoked. Screenshots: test-artifacts/miniapp/tv-*.png.
import type { User } from "grammy/types";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { HAS_CHROMIUM, launchBrowser, screenshot } from "../support/browser.js";
import { e2eWeb } from "../support/miniapp.js";

let browser: Browser;

const NAMES = ["Мария", "Пётр", "Анна", "Дмитрий", "Александра-Виктория Константинопольская", "Ольга-Мария"];

beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

// Friday 20 November 2026 in Moscow: the day's deals come in from 10:00.
const test = e2eWeb.extend({ startAt: "2026-11-20T07:00:00Z" }).extend<{
  tvPath: string;
  openTv: (width: number, height: number) => Promise<Page>;
}>({
  /** Eight managers with plans, a contest, a month of deals and five today; the board's path from /tv. */
  tvPath: async ({ h, clock, t }, use) => {
    const more: User[] = NAMES.map((name, i) => h.fake.user(110 + i, { first_name: name, language_code: "ru" }));
    for (const u of more) await h.say(u, t.group, "/join");
    const sellers = [t.ivan, t.john, ...more];
    for (const c of ["/plan deals 8 month", "/plan deals 40 month all", `/contest new "Ноябрьский спринт" сделки 20.11 27.11`])
      await h.say(t.head, t.headChat, c);
    // A month so far, then today's first deals.
    clock.now = Date.parse("2026-11-12T08:00:00Z");
    for (const [i, u] of sellers.entries())
      for (let k = 0; k <= i % 4; k++) await h.say(u, h.fake.privateChat(u), `/deal ${(i + 2) * 35}k Клиент${i}`);
    clock.now = Date.parse("2026-11-20T07:00:00Z");
    for (const [i, u] of sellers.slice(0, 5).entries()) {
      clock.now += 20 * 60_000;
      await h.say(u, h.fake.privateChat(u), `/deal ${[120, 1_250, 80, 340, 95][i]}k Сегодня${i}`);
    }
    const reply = (await h.say(t.head, t.headChat, "/tv")).text;
    await use(new URL(/https:\/\/\S+/.exec(reply)![0]).pathname);
  },
  /** Opens the board in a page of that size. */
  openTv: async ({ clock, web, tvPath }, use) => {
    await use(async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height } });
      // The page's timers run on a clock the test moves: a poll is a step, not a wait.
      await page.clock.install({ time: clock.now });
      await page.goto(`${web.origin}${tvPath}`);
      await page.locator(".leaderboard").waitFor();
      return page;
    });
  },
});

/** What does not fit: the page scrolling, a panel's content taller or wider than the panel, text smaller than the floor. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth || doc.scrollHeight > innerHeight)
      out.push(`page scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${innerWidth}×${innerHeight}`);
    // The type floor: 2.2 % of the height of the 16:9 box the board is laid out in.
    const floor = (Math.min(innerHeight, innerWidth * 0.5625) * 2.2) / 100;
    for (const node of Array.from(document.querySelectorAll<HTMLElement>("main *, #celebrate *"))) {
      const own = Array.from(node.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== "");
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const label = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}.${node.className} "${node.textContent!.slice(0, 30)}"`;
      if (own && Number.parseFloat(getComputedStyle(node).fontSize) < floor)
        out.push(`small text ${getComputedStyle(node).fontSize} < ${floor.toFixed(1)}px: ${label}`);
      if (node.closest("#celebrate")) continue;
      if (node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0) out.push(`clipped wide: ${label}`);
      if (node.scrollHeight > node.clientHeight + 1 && node.clientHeight > 0 && getComputedStyle(node).overflowY !== "visible")
        out.push(`clipped tall: ${label}`);
      if (box.right > innerWidth + 1 || box.bottom > innerHeight + 1 || box.left < -1 || box.top < -1) out.push(`off screen: ${label}`);
    }
    return out;
  });
}

describe.skipIf(!HAS_CHROMIUM)("TV board in a browser", () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    test(`fits ${width}×${height}: plans, leaderboard, today's deals and the contest, large type, nothing clipped`, async ({ openTv }) => {
      const page = await openTv(width, height);
      // The team, then eight managers.
      expect(await page.locator("#plans .prow").count()).toBe(9);
      expect(await page.locator("#leaderboard tr").count()).toBe(9);
      expect(await page.locator("#deals .deal").count()).toBe(5);
      // Eight in the contest: the five that fit, and the rest counted.
      expect(await page.locator("#contest tr").count()).toBe(5);
      expect(await page.locator("#contest .more").textContent()).toBe("+ ещё 3");
      expect(await page.locator("#contest h2").textContent()).toBe("Ноябрьский спринт");
      expect((await page.locator("#deals .deal").first().textContent())!.replace(/[\u00A0\u202F]/g, " ")).toContain("95 тыс. ₽");
      expect(await page.locator("#updated").textContent()).toMatch(/Обновлено в \d\d:\d\d/);
      await screenshot(page, `tv-${width}x${height}`, { docs: width === 1920 });
      expect(await layoutProblems(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }

  test("celebrates a deal that lands, once, and goes dark when the link is revoked", async ({ h, clock, t, openTv }) => {
    const page = await openTv(1920, 1080);
    // Switched on with deals already there: nothing to celebrate.
    expect(await page.locator("#celebrate").count()).toBe(0);
    clock.now += 60 * 60_000;
    await h.say(t.john, t.johnChat, "/deal 2,4 млн Мегакорп");
    await page.clock.runFor(15_000);
    await page.locator("#celebrate").waitFor();
    expect((await page.locator("#celebrate").textContent())!.replace(/[\u00A0\u202F]/g, " ")).toContain("John · 2,4 млн ₽");
    expect(await page.locator("#deals .deal.fresh").count()).toBe(1);
    expect(await page.locator("#deals .deal").first().textContent()).toContain("John");
    expect(await layoutProblems(page)).toEqual([]);
    await page.waitForTimeout(1200);
    await screenshot(page, "tv-celebration", { docs: true });
    // The card goes; the next poll has nothing new and celebrates nothing.
    await page.clock.runFor(15_000);
    await page.locator("#deals .deal").first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator("#celebrate").count()).toBe(0);
    expect(await page.locator("#deals .deal.fresh").count()).toBe(0);

    await h.say(t.head, t.headChat, "/tv revoke");
    await page.clock.runFor(15_000);
    await page.locator("#error").waitFor();
    expect(await page.locator(".leaderboard").count()).toBe(0);
    await page.close();
  }, 60_000);
});
