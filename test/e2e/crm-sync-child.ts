// Run as a child process by crm-crash.test.ts: one reconcile of a connection, to be killed mid-way.
import { loadConfig } from "../../src/config.js";
import { syncConnection } from "../../src/crm/sync.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createLogger } from "../../src/logger.js";

const config = loadConfig(process.env);
const db = openDatabase(config.databasePath);
const deps = { config, db, repos: createRepositories(db), logger: createLogger("warn"), now: () => Number(process.env["CRASH_NOW"]) };
await syncConnection(deps, Number(process.env["CONNECTION_ID"]), { perSecond: 0 });
process.stdout.write("done\n");
