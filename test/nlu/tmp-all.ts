import { russianMorphology } from "../../src/services/russian-morphology.js";
import { loadCorpus } from "./corpus.js";
import { scoreCorpus } from "./score.js";
(globalThis as any).__nlu9lost = process.env.LOST === "1";(globalThis as any).__nlu9call = process.env.CALL === "1";
const morph = russianMorphology();
for (const f of ["own-corpus", "dev-1", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8", "dev-9", "dev-10"]) {
  const s = scoreCorpus(morph, loadCorpus(`test/nlu/${f}.json`));
  console.log(f, s.exact_accuracy, s.confident_wrong, s.confident_share);
}
