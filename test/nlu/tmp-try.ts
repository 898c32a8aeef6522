import { readFileSync } from "node:fs";
import { readFreeText } from "../../src/domain/free-text.js";
import { russianMorphology } from "../../src/services/russian-morphology.js";
const morph = russianMorphology();
const known = process.env.K ? (JSON.parse(readFileSync(process.env.K, "utf8")).known_clients as string[]) : ["Вега", "Орион", "Альфа Банк", "Northwind Logistics", "Техно-Сервис", "ООО «Кедр»", "Новый Дом", "Greenfield"];
for (const t of process.argv.slice(2)) {
  const r = readFreeText(t, known, morph);
  console.log(t, "→", JSON.stringify({ e: r.entries.map((e) => [e.kind, e.outcome, e.clientName, e.amountMinor, e.lostReason, e.day]), c: r.confident, n: r.nothing, g: r.guessed }));
}
