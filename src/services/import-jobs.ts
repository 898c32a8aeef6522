// The state of a CSV import between its messages: waiting for the file, a dry run
// waiting for Import/Cancel, running, done. A button claims its job once.
import { randomBytes } from "node:crypto";
import type { ImportJob } from "../db/repositories/import-jobs.js";
import { AWAITING_FILE_TTL_MS, IMPORT_TTL_MS } from "./csv-import.js";
import type { AppDeps, Member } from "./deps.js";

export type { ImportJob };

/** `/import` with no file: the next document from this person in this chat is the file. */
export function awaitImportFile(deps: AppDeps, member: Member, chatId: number, now: number): void {
  deps.repos.importJobs.closeOpen(member.user.id, ["awaiting_file"], now);
  deps.repos.importJobs.create({
    token: randomBytes(4).toString("hex"),
    teamId: member.team.id,
    userId: member.user.id,
    chatId,
    status: "awaiting_file",
    createdAt: now,
  });
}

/** Whether this person's `/import` in this chat still waits for its file. */
export function waitsForFile(deps: AppDeps, userId: number, chatId: number, now: number): boolean {
  return deps.repos.importJobs.latest(userId, chatId, "awaiting_file", now - AWAITING_FILE_TTL_MS) !== undefined;
}

/** The file came: nothing waits for one any more. */
export function fileArrived(deps: AppDeps, userId: number, now: number): void {
  deps.repos.importJobs.closeOpen(userId, ["awaiting_file"], now);
}

/** A dry run's job: pending its buttons when it has rows to store, else done. */
export function openImportJob(
  deps: AppDeps,
  member: Member,
  chatId: number,
  file: { fileId: string; fileName: string; hasNewRows: boolean; result: NonNullable<ImportJob["result"]> },
  now: number,
): ImportJob {
  return deps.repos.importJobs.create({
    token: randomBytes(4).toString("hex"),
    teamId: member.team.id,
    userId: member.user.id,
    chatId,
    status: file.hasNewRows ? "pending" : "done",
    fileId: file.fileId,
    fileName: file.fileName,
    result: file.result,
    createdAt: now,
  });
}

/** An Import (→ running) or Cancel (→ cancelled) tap on its author's pending job, at most once. */
export function claimImportJob(deps: AppDeps, member: Member, id: number, token: string, to: "running" | "cancelled", now: number) {
  return deps.repos.importJobs.claim(id, token, { userId: member.user.id, teamId: member.team.id }, now, IMPORT_TTL_MS, "pending", to);
}

/** A running job ends: cancelled, or done with what it stored. */
export function endImportJob(deps: AppDeps, jobId: number, patch: Pick<ImportJob, "status"> & Partial<Pick<ImportJob, "result">>): void {
  deps.repos.importJobs.update(jobId, patch);
}
