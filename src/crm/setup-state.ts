// Where a head's /crm connect flow keeps its state between messages. It holds
// secrets mid-way (a client secret), so it is sealed like stored credentials.
import { conversationStorage } from "../db/repositories/conversation-storage.js";
import type { AppDeps } from "../services/deps.js";
import { vaultFor } from "./vault.js";

export interface SetupState<S> {
  /** The state, or null when there is none or it is older than the TTL. */
  read(): (S & { at: number }) | null;
  write(state: S): void;
  clear(): void;
}

export function setupState<S extends object>(deps: AppDeps, userId: number, ttlMs: number): SetupState<S> {
  const kv = conversationStorage<string>(deps.db);
  const vault = vaultFor(deps.config, deps.logger);
  const key = `crm-setup:${userId}`;
  return {
    read() {
      const sealed = kv.read(key);
      if (!sealed) return null;
      const s = JSON.parse(vault.open(sealed)) as S & { at: number };
      return deps.now() - s.at > ttlMs ? null : s;
    },
    write(state) {
      kv.write(key, vault.seal(JSON.stringify({ ...state, at: deps.now() })));
    },
    clear() {
      kv.delete(key);
    },
  };
}
