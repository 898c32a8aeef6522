// Labelled free-text reports in one JSON format anyone can score
// (`npm run bench:nlu -- --corpus FILE.json`): the team's known clients and, per
// message, the entries a person would log for it. Written by people, not by the reader.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ACTIVITY_KINDS, CALL_OUTCOMES } from "../../src/domain/types.js";

/** `today`, `yesterday`, `day_before_yesterday`, or the most recent past weekday; null is today. */
export const DAY_LABELS = [
  "today",
  "yesterday",
  "day_before_yesterday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type DayLabel = (typeof DAY_LABELS)[number];

const event = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    /** Null when the message names no client. */
    client: z.string().min(1).nullable(),
    /** Roubles; null when none is given (a deal then asks for it). */
    amount: z.number().positive().nullable(),
    day: z.enum(DAY_LABELS).nullable(),
    reason: z.string().min(1).nullable(),
  })
  .strict()
  .refine((e) => (e.kind === "call") === (e.outcome !== null), "a call and only a call has an outcome");

const corpusSchema = z
  .object({
    known_clients: z.array(z.string().min(1)),
    messages: z
      .array(
        z
          .object({
            id: z.string().min(1),
            lang: z.enum(["ru", "en"]),
            text: z.string().min(1),
            /** Empty: nothing to log (a question, a reminder, an intention). */
            events: z.array(event),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((c) => new Set(c.messages.map((m) => m.id)).size === c.messages.length, "message ids must be unique");

export type Corpus = z.infer<typeof corpusSchema>;
export type CorpusMessage = Corpus["messages"][number];
export type CorpusEvent = CorpusMessage["events"][number];

/** Reads and checks a corpus file; a malformed one throws with the offending path. */
export function loadCorpus(path: string): Corpus {
  const parsed = corpusSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The corpus the reader was first written against. */
export const OWN_CORPUS_PATH = join(here, "own-corpus.json");
