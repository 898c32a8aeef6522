// Credentials at rest: AES-256-GCM with a key from CRM_SECRET_KEY, or one generated
// once into a 0600 file beside the database. The key and the plain credentials
// never reach a log or a message.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

const VERSION = "v1";

export interface Vault {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** The key file's path for a database (`<db folder>/crm-secret.key`). */
export function keyFilePath(databasePath: string): string {
  return join(dirname(databasePath), "crm-secret.key");
}

function keyFrom(material: string): Buffer {
  // 64 hex characters are used as they are; any other secret is stretched by SHA-256.
  return /^[0-9a-fA-F]{64}$/.test(material) ? Buffer.from(material, "hex") : createHash("sha256").update(material, "utf8").digest();
}

function loadKey(config: Config, logger: Logger): Buffer {
  if (config.crm.secretKey) return keyFrom(config.crm.secretKey);
  const path = keyFilePath(config.databasePath);
  if (existsSync(path)) return keyFrom(readFileSync(path, "utf8").trim());
  mkdirSync(dirname(path), { recursive: true });
  // `wx`: two processes starting at once cannot both write a different key.
  try {
    writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
    logger.warn({ path }, "CRM_SECRET_KEY is not set: generated a CRM credentials key file (back it up with the database)");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return keyFrom(readFileSync(path, "utf8").trim());
}

export function createVault(key: Buffer): Vault {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("unreadable CRM credentials");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
  };
}

const vaults = new Map<string, Vault>();

/** The process's vault for this configuration (the key is read or generated once). */
export function vaultFor(config: Config, logger: Logger): Vault {
  const id = `${config.databasePath}\u0000${config.crm.secretKey ?? ""}`;
  let vault = vaults.get(id);
  if (!vault) vaults.set(id, (vault = createVault(loadKey(config, logger))));
  return vault;
}
