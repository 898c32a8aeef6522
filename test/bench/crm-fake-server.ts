// The bench's fake amoCRM in its own process (as a real CRM is): filled with the
// bench's events, it prints its origin as one JSON line and serves until killed.
import { startFakeAmo } from "../fake-crm/amocrm.js";
import { fillAmo, SEED_TOKEN } from "../fake-crm/seed.js";

const [managers, calls, leads, now] = process.argv.slice(2).map(Number) as [number, number, number, number];
const amo = await startFakeAmo({ rateLimit: 0 });
amo.longLived.add(SEED_TOKEN);
amo.cacheScans = true;
fillAmo(amo, managers, calls, leads, now);
process.stdout.write(`${JSON.stringify({ origin: amo.origin, account: amo.account })}\n`);
