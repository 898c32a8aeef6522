// `npm run bench:nlu`: accuracy of the free-text reader on the corpus, per field,
// and its speed; the last line is JSON.
import { russianMorphology } from "../../src/services/russian-morphology.js";
import { scoreCorpus } from "../nlu/score.js";

// The dictionary loads once (as in the bot, on the first message); the timed pass is the
// first one over the corpus, so no message is read from the analyser's word cache twice.
const morph = russianMorphology();
const score = scoreCorpus(morph);
const verbose = process.argv.includes("--failures");
if (verbose)
  for (const f of score.failures)
    console.log(`✗ ${f.text}\n   expected ${JSON.stringify(f.expected)}\n   got      ${JSON.stringify(f.got)}`);
const rows: [string, number, string][] = [
  ["kind", score.kind_accuracy, "≥ 0.97"],
  ["call outcome", score.outcome_accuracy, ""],
  ["amount", score.amount_accuracy, "≥ 0.97"],
  ["client", score.client_accuracy, "≥ 0.95"],
  ["multi-event split", score.split_accuracy, ""],
  ["exact (every field)", score.exact_accuracy, "≥ 0.9"],
];
console.log(`free-text reader on ${score.messages} messages (${score.failures.length} not exact; --failures lists them)`);
console.log("| field | accuracy | target |\n|---|---|---|");
for (const [field, value, target] of rows) console.log(`| ${field} | ${value.toFixed(3)} | ${target} |`);
console.log(`| p50 per message | ${score.p50_ms} ms | ≤ 2 ms |`);
const { failures: _f, ...summary } = score;
console.log(JSON.stringify(summary));
