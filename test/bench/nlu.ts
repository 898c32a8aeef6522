// `npm run bench:nlu [-- --corpus FILE.json] [--failures] [--memory]`: accuracy of the free-text
// reader on a labelled corpus (the project's own by default), per field, and its
// speed; the last line is JSON.
import { resolve } from "node:path";
import { russianMorphology } from "../../src/services/russian-morphology.js";
import { loadCorpus, OWN_CORPUS_PATH } from "../nlu/corpus.js";
import { scoreCorpus } from "../nlu/score.js";

const args = process.argv.slice(2);
const at = args.indexOf("--corpus");
const path = at >= 0 && args[at + 1] ? resolve(args[at + 1]!) : OWN_CORPUS_PATH;
const corpus = loadCorpus(path);
// The dictionary loads once (as in the bot, on the first message); the timed pass is the
// first one over the corpus, so no message is read from the analyser's word cache twice.
const morph = russianMorphology();
// --memory: read as a team that has used the bot, each message's labelled clients known to the messages after it.
const memory = args.includes("--memory");
const score = scoreCorpus(morph, corpus, { memory });
if (args.includes("--failures"))
  for (const f of score.failures)
    console.log(
      `✗ ${f.id}${f.confident ? " (confident)" : ""}: ${f.text}\n   expected ${JSON.stringify(f.expected)}\n   got      ${JSON.stringify(f.got)}`,
    );
const rows: [string, number, string][] = [
  ["kind", score.kind_accuracy, "≥ 0.97"],
  ["call outcome", score.outcome_accuracy, ""],
  ["amount", score.amount_accuracy, "≥ 0.97"],
  ["client", score.client_accuracy, "≥ 0.95"],
  ["multi-event split", score.split_accuracy, ""],
  ["day", score.day_accuracy, "≥ 0.95"],
  ["nothing to log", score.nothing_accuracy, "1.0"],
  ["exact (every field)", score.exact_accuracy, "≥ 0.9"],
  ["exact, Russian", score.exact_ru, ""],
  ["exact, English", score.exact_en, ""],
];
console.log(
  `free-text reader on ${score.messages} messages of ${path}${memory ? ", with the team's memory" : ""} (${score.failures.length} not exact; --failures lists them)`,
);
console.log("| field | accuracy | target |\n|---|---|---|");
for (const [field, value, target] of rows) console.log(`| ${field} | ${value.toFixed(3)} | ${target} |`);
console.log(`| wrong but confident (autolog would store) | ${score.confident_wrong} | 0 |`);
console.log(`| read confidently (autolog stores without asking) | ${score.confident_share} |  |`);
console.log(`| p50 per message | ${score.p50_ms} ms | ≤ 2 ms |`);
const { failures: _f, ...summary } = score;
console.log(JSON.stringify({ corpus: path, memory, ...summary }));
