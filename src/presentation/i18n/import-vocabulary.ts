// What /import accepts as column headers, kinds and call outcomes: the words the
// export writes in either language (a file exported by a Russian head can be imported
// by an English one), plus the keys themselves.

import { IMPORT_COLUMNS, type ImportColumn, type ImportVocabulary, normaliseWord } from "../../domain/csv-import.js";
import { LOCALES } from "../../domain/locales.js";
import { ACTIVITY_KINDS, type ActivityKind, CALL_OUTCOMES, type CallOutcome } from "../../domain/types.js";
import { messages } from "./index.js";

// Plain English names a hand-made file may use for the columns.
const COLUMN_KEYS: Record<ImportColumn, string[]> = {
  time: ["time", "date", "datetime"],
  manager: ["manager", "user"],
  kind: ["kind", "type"],
  outcome: ["outcome", "result"],
  client: ["client", "customer"],
  amount: ["amount", "sum"],
  lostReason: ["lost_reason", "reason"],
};

let cached: ImportVocabulary | undefined;

export function importVocabulary(): ImportVocabulary {
  if (cached) return cached;
  const headers = Object.fromEntries(
    IMPORT_COLUMNS.map((c) => {
      const words = LOCALES.flatMap((l) => {
        const header = messages[l].csv[c];
        // "Сумма, ₽" is also accepted as "Сумма".
        return [header, header.replace(/,\s*\S+$/, "")];
      });
      return [c, [...new Set([...words, ...COLUMN_KEYS[c]].map(normaliseWord))]];
    }),
  ) as Record<ImportColumn, string[]>;
  const kinds = new Map<string, ActivityKind>();
  const outcomes = new Map<string, CallOutcome>();
  for (const kind of ACTIVITY_KINDS) {
    kinds.set(kind, kind);
    for (const l of LOCALES) kinds.set(normaliseWord(messages[l].kindName[kind]), kind);
  }
  for (const outcome of CALL_OUTCOMES) {
    outcomes.set(outcome, outcome);
    for (const l of LOCALES) outcomes.set(normaliseWord(messages[l].outcome[outcome]), outcome);
  }
  cached = { headers, kinds, outcomes };
  return cached;
}
