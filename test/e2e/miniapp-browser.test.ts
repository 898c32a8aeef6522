// The Mini App in a real headless browser (Debian's chromium driven by
// playwright-core), against the bot's own HTTP app and a real SQLite file.
// Screenshots go to test-artifacts/miniapp/ (and docs/screenshots/ with UPDATE_SCREENSHOTS=1).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { HAS_CHROMIUM, launchBrowser, screenshot } from "../support/browser.js";
import { e2eWeb, initDataFor, type WebServer } from "../support/miniapp.js";
import { liveActivities } from "../support/team.js";

// Telegram's dark theme, as it puts it in the launch parameters.
const DARK = { bg_color: "#17212b", text_color: "#f5f5f5", hint_color: "#708499", button_color: "#5288c1", secondary_bg_color: "#232e3c" };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
e2eWeb.beforeEach(async ({ h, t }) => {
  for (const c of ["/lead Ромашка", "/call встреча Ромашка", "/call", "/deal 100 000 Ромашка", "/deal 300k Вектор"])
    await h.say(t.ivan, t.ivanChat, c);
  await h.say(t.john, t.johnChat, "/deal 50k Acme");
});

/** Opens the page the way Telegram does: launch parameters in the URL fragment. */
async function open(web: WebServer, user: Parameters<typeof initDataFor>[0], opts: { initData?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const offHost: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(web.origin) && !r.url().startsWith("data:")) offHost.push(r.url());
  });
  page.on("close", () => expect(offHost).toEqual([]));
  const hash = new URLSearchParams({
    tgWebAppData: opts.initData ?? initDataFor(user),
    tgWebAppVersion: "8.0",
    tgWebAppThemeParams: JSON.stringify(DARK),
  });
  await page.goto(`${web.origin}/app#${hash}`);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? "";
const norm = (s: string) => s.replace(/[\u00A0\u202F]/g, " ");

describe.skipIf(!HAS_CHROMIUM)("mini app in a browser", () => {
  e2eWeb("shows the head the team's numbers, switches periods, sorts and drills down", async ({ t, web }) => {
    const page = await open(web, t.head);
    await page.locator("#compare").waitFor();
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("3");
    expect(norm(await text(page, '.kpi[data-metric="revenue"] b'))).toBe("450 тыс. ₽");
    // Follows the theme: the page background is Telegram's bg_color.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(23, 33, 43)");
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    // The tiles sit in three groups: activity, results, business.
    expect(await page.locator(".kpi-group h3").allTextContents()).toEqual(["Активность", "Результаты", "Бизнес"]);
    expect(await page.locator('.kpi-group[data-group="results"] .kpi[data-metric="deals"]').count()).toBe(1);
    expect(await page.locator('.kpi-group[data-group="business"] .kpi[data-metric="market_share"]').count()).toBe(1);
    await screenshot(page, "dashboard", { fullPage: true, docs: true });

    // Sort by revenue: Иван (400k) first, then John.
    await page.locator('#compare th[data-col="revenue"]').click();
    const first = await page.locator("#compare tr[data-user] td a").first().textContent();
    expect(first).toBe("Иван");

    await page.selectOption("#period", "lastmonth");
    await page.locator('.kpi[data-metric="deals"] b', { hasText: "0" }).waitFor();
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("0");

    // A custom range, as the commands take it; a bad one keeps the numbers and shows the server's message.
    await page.selectOption("#period", "range");
    await page.fill("#period-range", "когда-нибудь");
    await page.locator("#period-range").press("Enter");
    await page.locator("#notice", { hasText: "не период" }).waitFor();
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("0");
    await page.selectOption("#period", "range");
    await page.fill("#period-range", "01.01–31.12");
    await page.locator("#period-range").press("Enter");
    await page.locator('.kpi[data-metric="deals"] b', { hasText: "3" }).waitFor();
    expect(await text(page, "#period-label")).toContain("31");
    expect(await page.locator("#notice").textContent()).toBe("");

    await page.selectOption("#period", "month");
    await page.locator("#compare").waitFor();
    await page.locator(`#compare a[data-user="${t.john.id}"]`).click();
    await page.locator("#person-name").waitFor();
    expect(await text(page, "#person-name")).toBe("John");
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("1");
    expect(norm(await text(page, "#feed"))).toContain("50 000 ₽");
    // The head's drill-down carries the manager's coaching card.
    await page.locator("#coach").waitFor();
    expect(await text(page, "#coach")).toContain("Тестов не проходил.");
    expect(await text(page, "#coach")).toContain("Программ не назначено.");
    await screenshot(page, "head-drilldown", { fullPage: true });
    await page.close();
  });

  e2eWeb("shows a manager their own numbers, no team table, and logs from the form into /me", async ({ h, t, web }) => {
    const page = await open(web, t.ivan);
    await page.locator("#log-form").waitFor();
    expect(await text(page, "#person-name")).toBe("Иван");
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("2");
    expect(await page.locator("#compare").count()).toBe(0);
    expect(await page.locator("#coach").count()).toBe(0);
    expect(await page.locator(".leaderboard tr").count()).toBe(2);

    const before = liveActivities(h);
    await page.selectOption("#log-kind", "deal");
    await page.fill("#log-amount", "abc");
    await page.click("#log-form button[type=submit]");
    await page.locator("#log-result.error").waitFor();
    expect(await text(page, "#log-result")).toContain("/deal");
    expect(liveActivities(h)).toBe(before);

    await page.fill("#log-amount", "25k");
    await page.fill("#log-client", "Сигма");
    await page.click("#log-form button[type=submit]");
    await page.locator("#log-result.ok").waitFor();
    expect(norm(await text(page, "#log-result"))).toContain("25 000 ₽");
    expect(await text(page, '.kpi[data-metric="deals"] b')).toBe("3");
    await screenshot(page, "manager", { fullPage: true, docs: true });
    await page.close();
    expect(liveActivities(h)).toBe(before + 1);
    const me = (await h.say(t.ivan, t.ivanChat, "/me")).text;
    // /me (today) now counts the form's deal: 2 seeded + 1, revenue 400k + 25k.
    expect(norm(me)).toMatch(/сделки\s+3\n/);
    expect(norm(me)).toContain("425 000 ₽");
  });

  e2eWeb("refuses forged launch data with a message and no numbers", async ({ t, web }) => {
    const forged = initDataFor(t.head).replace(/hash=[0-9a-f]{4}/, "hash=0000");
    const page = await open(web, t.head, { initData: forged });
    await page.locator("#error").waitFor();
    expect(await text(page, "#error")).toContain("Telegram");
    expect(await page.locator(".kpi").count()).toBe(0);
    await page.close();
  });
});
