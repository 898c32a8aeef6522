import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { MAX_IMPORT_BYTES, readImportCsv } from "../../domain/csv-import.js";
import { importVocabulary } from "../../presentation/i18n/import-vocabulary.js";
import {
  newRows,
  renderDryRun,
  renderImportProgress,
  renderImportRefusal,
  renderImportResult,
} from "../../presentation/views/import-view.js";
import { IMPORT_BATCH_SIZE, type ImportPlan, planImport, runImport } from "../../services/csv-import.js";
import type { Member } from "../../services/deps.js";
import { awaitImportFile, claimImportJob, endImportJob, fileArrived, openImportJob, waitsForFile } from "../../services/import-jobs.js";
import type { BotContext } from "../context.js";
import { downloadTelegramFile } from "../file-download.js";
import { requireMember } from "../middlewares/guards.js";

/**
 * `/import`: a CSV of entries in /export's format, sent with `/import` as its caption
 * or after `/import`. A dry run first (nothing stored), then Import/Cancel buttons;
 * Import fetches the file again and stores the new rows in batches with a progress
 * message. Heads import anyone's rows, managers only their own.
 */
export const importFeature = new Composer<BotContext>();

const CAPTION_COMMAND = /^\/import(?:@\w+)?(?:\s|$)/i;

async function fetchAndRead(ctx: BotContext, member: Member, fileId: string) {
  const bytes = await downloadTelegramFile(ctx.api, ctx.deps.config.apiRoot, fileId, MAX_IMPORT_BYTES);
  if (!bytes) return null;
  return readImportCsv(bytes, importVocabulary(), { timezone: member.team.timezone, now: ctx.deps.now() });
}

/** A file arrived for import: check it, plan it, and show the dry run with the buttons. */
async function dryRun(ctx: BotContext, member: Member, document: Document): Promise<void> {
  const m = ctx.t.importCsv;
  if ((document.file_size ?? 0) > MAX_IMPORT_BYTES) {
    await ctx.reply(renderImportRefusal(ctx.t, { code: "too_big", bytes: document.file_size ?? 0 }));
    return;
  }
  const read = await fetchAndRead(ctx, member, document.file_id);
  if (!read) return void (await ctx.reply(m.downloadFailed));
  if (!read.ok) return void (await ctx.reply(renderImportRefusal(ctx.t, read.refusal)));
  const plan = planImport(ctx.deps, member, read);
  const fileName = document.file_name ?? "import.csv";
  const fresh = newRows(plan);
  const job = openImportJob(
    ctx.deps,
    member,
    ctx.chat!.id,
    {
      fileId: document.file_id,
      fileName,
      hasNewRows: fresh > 0,
      // What the buttons promise, so Import can tell when the file or the rights changed since.
      result: { ready: plan.rows.length, errors: plan.errors.length, head: member.membership.role === "head" ? 1 : 0 },
    },
    ctx.deps.now(),
  );
  const keyboard =
    fresh > 0
      ? new InlineKeyboard()
          .text(m.importButton(fresh), `imp:ok:${job.id}:${job.token}`)
          .text(m.cancelButton, `imp:no:${job.id}:${job.token}`)
      : undefined;
  await ctx.reply(renderDryRun(ctx.t, fileName, plan), { ...(keyboard ? { reply_markup: keyboard } : {}) });
}

importFeature.command("import", async (ctx) => {
  if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t.importCsv.privateOnly));
  const member = await requireMember(ctx);
  if (!member) return;
  awaitImportFile(ctx.deps, member, ctx.chat.id, ctx.deps.now());
  await ctx.reply(`${ctx.t.importCsv.awaiting}\n\n${ctx.t.importCsv.usage}`);
});

importFeature.on("message:document", async (ctx, next) => {
  const captioned = CAPTION_COMMAND.test(ctx.message.caption ?? "");
  const now = ctx.deps.now();
  const waiting =
    !captioned && ctx.from !== undefined && ctx.chat.type === "private" && waitsForFile(ctx.deps, ctx.from.id, ctx.chat.id, now);
  if (!captioned && !waiting) return next();
  if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t.importCsv.privateOnly));
  const member = await requireMember(ctx);
  if (!member) return;
  fileArrived(ctx.deps, member.user.id, now);
  await dryRun(ctx, member, ctx.message.document);
});

importFeature.callbackQuery(/^imp:(ok|no):(\d{1,12}):([0-9a-f]{8})$/, async (ctx) => {
  await ctx.answerCallbackQuery().catch(() => undefined);
  const member = await requireMember(ctx);
  if (!member) return;
  const [, action, idText, token] = ctx.match;
  const m = ctx.t.importCsv;
  const closeButtons = () => ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);

  if (action === "no") {
    const claim = claimImportJob(ctx.deps, member, Number(idText), token!, "cancelled", ctx.deps.now());
    if (!claim.ok) return void (await ctx.reply(m.stale[claim.reason]));
    await closeButtons();
    await ctx.reply(m.cancelled);
    return;
  }
  const claim = claimImportJob(ctx.deps, member, Number(idText), token!, "running", ctx.deps.now());
  if (!claim.ok) return void (await ctx.reply(m.stale[claim.reason]));
  await closeButtons();
  const job = claim.job;
  const fail = async (text: string) => {
    endImportJob(ctx.deps, job.id, { status: "cancelled" });
    await ctx.reply(text);
  };
  // A head demoted since the dry run no longer imports colleagues' rows.
  if (job.result?.head === 1 && member.membership.role !== "head") return fail(m.roleLost);
  const read = await fetchAndRead(ctx, member, job.fileId!);
  if (!read) return fail(m.downloadFailed);
  if (!read.ok) return fail(renderImportRefusal(ctx.t, read.refusal));
  const plan: ImportPlan = planImport(ctx.deps, member, read);
  if (plan.rows.length !== job.result?.ready) return fail(m.changed);

  const total = plan.rows.length;
  const progress = await ctx.reply(renderImportProgress(ctx.t, 0, total));
  // About ten edits however long the file: each edit counts against the chat's limits.
  const step = Math.max(IMPORT_BATCH_SIZE, Math.ceil(total / 10 / IMPORT_BATCH_SIZE) * IMPORT_BATCH_SIZE);
  let shown = 0;
  const result = await runImport(ctx.deps, member, plan, job.id, {
    onProgress: async (done) => {
      if (done - shown < step) return;
      shown = done;
      await ctx.api.editMessageText(progress.chat.id, progress.message_id, renderImportProgress(ctx.t, done, total)).catch(() => undefined);
    },
  });
  endImportJob(ctx.deps, job.id, {
    status: "done",
    result: { ...job.result, stored: result.stored, alreadyPresent: result.alreadyPresent, refused: result.refused.length },
  });
  const summary = renderImportResult(ctx.t, result);
  // The progress message may be gone (deleted by the user): then the outcome comes as a new message.
  await ctx.api.editMessageText(progress.chat.id, progress.message_id, summary).catch(() => ctx.reply(summary));
});
