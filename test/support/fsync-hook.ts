// The durability tests' view of fsync: `node:fs/promises` as it is, but for what each opened file's `sync` does
// around the real one (a disk that fails, a disk that is slow, a record of what was flushed). For `vi.mock`:
//   vi.mock("node:fs/promises", async (original) =>
//     (await import("../support/fsync-hook.js")).withFsyncHook(await original(), (path) => async (sync) => { … }));
import type * as fsPromises from "node:fs/promises";

/** Called when a file is opened; returns what its `sync` does, given the real one. */
export type FsyncHook = (path: string) => (sync: () => Promise<void>) => Promise<void>;

export function withFsyncHook(real: typeof fsPromises, hook: FsyncHook): typeof fsPromises {
  return {
    ...real,
    open: async (path: string, flags: string) => {
      const file = await real.open(path, flags);
      const sync = file.sync.bind(file);
      const around = hook(path);
      file.sync = () => around(sync);
      return file;
    },
  } as typeof fsPromises;
}
