import { readFreeText } from "../../src/domain/free-text.js";
import { russianMorphology } from "../../src/services/russian-morphology.js";
import { loadCorpus } from "./corpus.js";
const morph = russianMorphology();
const counts = new Map<string, number>();
for (const f of process.argv.slice(2)) {
  const c = loadCorpus(f);
  for (const m of c.messages) {
    (globalThis as any).__nlu9off = true;
    const r0 = readFreeText(m.text, c.known_clients, morph);
    (globalThis as any).__nlu9off = false;
    const r = readFreeText(m.text, c.known_clients, morph);
    if (!r0.confident) continue;
    const words: string[] = (globalThis as any).__nlu9 ?? [];
    // would be confident without the rule: recompute by checking words only
    if (!r.confident && words.length > 0) {
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      if (process.env.SHOW) console.log(m.id, "|", m.text, "|", words.join(","));
    }
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 300).map(([w, n]) => `${w}:${n}`).join(" "));
