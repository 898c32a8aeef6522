import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createVault, keyFilePath, vaultFor } from "../../src/crm/vault.js";
import type { Logger } from "../../src/logger.js";

describe("vault", () => {
  it("seals with AES-256-GCM: a fresh IV each time, the plain text nowhere, a wrong key or a tampered box refused", () => {
    const v = createVault(Buffer.alloc(32, 7));
    const a = v.seal("secret-token");
    expect(a).not.toContain("secret-token");
    expect(v.seal("secret-token")).not.toBe(a);
    expect(v.open(a)).toBe("secret-token");
    expect(() => createVault(Buffer.alloc(32, 8)).open(a)).toThrow();
    const parts = a.split(":");
    parts[3] = Buffer.from("other").toString("base64");
    expect(() => v.open(parts.join(":"))).toThrow();
  });

  it("without CRM_SECRET_KEY generates a 0600 key file beside the database once, and logs its path, never the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-vault-"));
    const config = loadConfig({ DATABASE_PATH: join(dir, "bot.db") });
    const logged: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
    const sealed = vaultFor(config, logger).seal("x");
    const path = keyFilePath(config.databasePath);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const key = readFileSync(path, "utf8").trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(logged)).toContain(path);
    expect(JSON.stringify(logged)).not.toContain(key);
    // Another process (a new vault on the same file) reads the same key.
    expect(createVault(Buffer.from(key, "hex")).open(sealed)).toBe("x");
    expect(logged).toHaveLength(1);
  });
});
