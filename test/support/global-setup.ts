// Builds dist/ once before the workers start, so the suites that spawn the bot
// (as `npm start` runs it) never race each other to build it.
import { ensureBuilt } from "./bot-process.js";

export default function setup(): void {
  ensureBuilt();
}
