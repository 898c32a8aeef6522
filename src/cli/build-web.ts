// `npm run build:web`: writes the Mini App's script to dist/web/app.js and prints its size.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { build } from "esbuild";
import { BUILD_OPTIONS, BUNDLE_FILE } from "../web/bundle.js";

mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
await build({ ...BUILD_OPTIONS, outfile: BUNDLE_FILE });
console.log(`${BUNDLE_FILE}: ${(statSync(BUNDLE_FILE).size / 1024).toFixed(1)} KB`);
