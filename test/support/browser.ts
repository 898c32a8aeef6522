// The browser tests' headless Chromium (Debian's package, driven by playwright-core)
// and their screenshots: always under test-artifacts/, and into docs/screenshots/
// (the README's pictures) when UPDATE_SCREENSHOTS=1.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = "test-artifacts/miniapp";
const DOCS = "docs/screenshots";

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Saves a screenshot; `docs`: one of the README's pictures. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  if (opts.docs && process.env["UPDATE_SCREENSHOTS"] === "1") {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, `${DOCS}/${name}.png`);
  }
}
