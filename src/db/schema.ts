import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BONUS_KINDS } from "../domain/bonus.js";
import { INPUT_KINDS } from "../domain/business-inputs.js";
import { CRM_AUTH_MODES, CRM_KINDS, CRM_RECORD_STATES, CRM_STAGE_TARGETS, ENTRY_SOURCES } from "../domain/crm.js";
import { FLAG_KINDS, FLAG_STATUSES, type FlagDetail } from "../domain/gaming-flags.js";
import { LOCALES } from "../domain/locales.js";
import { PLAN_PERIODS, PLAN_SCOPES } from "../domain/plans.js";
import { ALIAS_FIELDS } from "../domain/text-aliases.js";
import { ACTIVITY_KINDS, CALL_OUTCOMES, STAGES } from "../domain/types.js";

// All instants are Unix milliseconds (UTC); money is integer kopecks. Enums take
// the domain's lists, so a new kind, stage or locale needs no edit here.
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
/** When SQLite inserted the row. */
const createdAt = () => integer("created_at").notNull().default(now);
/** The team a row belongs to: it goes when the team does. */
const teamRef = () =>
  integer("team_id")
    .notNull()
    .references(() => teams.id, { onDelete: "cascade" });

export const teams = sqliteTable("teams", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  chatId: integer("chat_id").notNull().unique(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  locale: text("locale", { enum: LOCALES }).notNull(),
  inviteCode: text("invite_code").notNull().unique(),
  /** Team settings (schedule, thresholds, destinations) as JSON validated by zod on read. */
  settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
  /** Set when Telegram answered 403 for the group: posts stop until it is cleared. */
  chatUnreachableAt: integer("chat_unreachable_at"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    /** The Telegram user id. */
    id: integer("id").primaryKey(),
    username: text("username"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name"),
    languageCode: text("language_code"),
    /** Personal settings (language override, evening nudge) as JSON. */
    settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    /** Set when the user blocked the bot (403): private posts stop. */
    blockedAt: integer("blocked_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("users_username_idx").on(t.username)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["head", "manager"] }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    joinedAt: integer("joined_at").notNull().default(now),
  },
  (t) => [uniqueIndex("memberships_team_user_uq").on(t.teamId, t.userId), index("memberships_user_idx").on(t.userId, t.active)],
);

export const leads = sqliteTable(
  "leads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    clientName: text("client_name").notNull(),
    /** Lower-cased, whitespace-collapsed name used to match later entries to the lead. */
    clientKey: text("client_key").notNull(),
    stage: text("stage", { enum: STAGES }).notNull(),
    lostAtStage: text("lost_at_stage", { enum: STAGES }),
    lostReason: text("lost_reason"),
    /** The entry that created the lead; undoing it removes the lead. */
    createdByActivityId: integer("created_by_activity_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("leads_owner_client_idx").on(t.teamId, t.ownerId, t.clientKey),
    index("leads_team_stage_idx").on(t.teamId, t.stage, t.updatedAt),
  ],
);

/** Every stage a lead entered, when, and by which entry; never overwritten. */
export const leadStages = sqliteTable(
  "lead_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    leadId: integer("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    // Denormalised so period queries over a team's history need no join.
    teamId: integer("team_id").notNull(),
    ownerId: integer("owner_id").notNull(),
    stage: text("stage", { enum: STAGES }).notNull(),
    enteredAt: integer("entered_at").notNull(),
    activityId: integer("activity_id"),
  },
  (t) => [
    // Covering: timelines() reads a team's period and each lead's history from
    // these indexes alone, without table lookups.
    index("lead_stages_lead_idx").on(t.leadId, t.stage, t.enteredAt),
    // Covering: the leads touched, or qualified and won (stage), in a team's period.
    index("lead_stages_team_time_idx").on(t.teamId, t.enteredAt, t.ownerId, t.leadId, t.stage),
    index("lead_stages_activity_idx").on(t.activityId),
  ],
);

export const activities = sqliteTable(
  "activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    outcome: text("outcome", { enum: CALL_OUTCOMES }),
    amountMinor: integer("amount_minor"),
    clientName: text("client_name"),
    leadId: integer("lead_id").references(() => leads.id),
    /** The lead's stage before this entry moved it, so /undo can put it back. */
    leadStageBefore: text("lead_stage_before", { enum: STAGES }),
    lostReason: text("lost_reason"),
    note: text("note"),
    /** When the manager sent it (Telegram message date); a backdated entry's day at that time of day. */
    occurredAt: integer("occurred_at").notNull(),
    /** Set on a backdated or imported entry: when it was actually logged (so /feed can show it). */
    loggedAt: integer("logged_at"),
    /**
     * Set on an entry stored by /import: the job that stored it (who imported it, when,
     * from which file). /feed marks such entries; a head's import of a day beyond the
     * team's backdating window is audited by it.
     */
    importJobId: integer("import_job_id").references(() => importJobs.id),
    createdAt: createdAt(),
    deletedAt: integer("deleted_at"),
    /** The Telegram update that carried it: a redelivered update cannot log twice. */
    sourceUpdateId: integer("source_update_id").unique(),
    /** A deal's own gross margin, percent 0–100 (`/deal 120k Acme margin 35%`); null: the team's monthly margin. */
    marginPct: real("margin_pct"),
  },
  (t) => [
    // Covering: entries.activities() reads a team's (or person's) period as one
    // index range scan, without table lookups.
    index("activities_team_time_idx").on(
      t.teamId,
      t.occurredAt,
      t.deletedAt,
      t.userId,
      t.kind,
      t.outcome,
      t.amountMinor,
      t.leadId,
      t.clientName,
      t.lostReason,
    ),
    // Covering: a person's period (/me, their plans) as one range of their own rows.
    index("activities_user_time_idx").on(
      t.userId,
      t.occurredAt,
      t.teamId,
      t.deletedAt,
      t.kind,
      t.outcome,
      t.amountMinor,
      t.leadId,
      t.clientName,
      t.lostReason,
    ),
    // /feed lists entries by when they were logged: an imported one may be for any past day.
    index("activities_team_logged_idx").on(t.teamId, t.loggedAt).where(sql`logged_at is not null`),
    // Covering: the business metrics read a team's won deals of all time (customers' history).
    index("activities_team_kind_idx").on(t.teamId, t.kind, t.deletedAt, t.occurredAt, t.userId, t.amountMinor, t.clientName, t.marginPct),
  ],
);

/**
 * The audit trail of corrections: every /edit, head correction and void of an entry,
 * who did it, when, the fields before and after, and the reason. Never updated.
 */
export const entryChanges = sqliteTable(
  "entry_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id),
    teamId: teamRef(),
    /** Whose entry it is (denormalised so a person's /feed needs no join). */
    ownerId: integer("owner_id").notNull(),
    byUserId: integer("by_user_id").notNull(),
    action: text("action", { enum: ["correct", "void", "restore"] }).notNull(),
    /** The changed fields before and after, e.g. {"amountMinor": 5000000}. */
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    reason: text("reason"),
    at: integer("at").notNull(),
    /** Where the change came from: a person in chat, or a CRM record edited or deleted there. */
    source: text("source", { enum: ENTRY_SOURCES }).notNull().default("chat"),
  },
  (t) => [index("entry_changes_team_time_idx").on(t.teamId, t.at), index("entry_changes_activity_idx").on(t.activityId)],
);

export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    metric: text("metric").notNull(),
    /** Target in the metric's unit: a count, kopecks, a percent, or milliseconds. */
    value: integer("value").notNull(),
    /** For "+15 %"-style plans: the percent over the previous period; value then holds the resolved target. */
    relativePercent: integer("relative_percent"),
    period: text("period", { enum: PLAN_PERIODS }).notNull(),
    scope: text("scope", { enum: PLAN_SCOPES }).notNull(),
    userId: integer("user_id").references(() => users.id),
    createdBy: integer("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("plans_team_idx").on(t.teamId)],
);

/**
 * Bonus rules (issue 9). Never deleted: removing one sets `removed_at`, so a past
 * month is still computed with the rules it had. Percents in hundredths (5 % → 500),
 * money in kopecks; which parameters are set depends on the kind.
 */
export const bonusRules = sqliteTable(
  "bonus_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind", { enum: BONUS_KINDS }).notNull(),
    /** plan_hit: the plan's metric. */
    metric: text("metric"),
    /** over_plan: the percent of revenue above the plan, in hundredths of a percent. */
    percentBp: integer("percent_bp"),
    /** big_deal: the smallest deal that earns it. */
    thresholdMinor: integer("threshold_minor"),
    /** big_deal (per deal) and plan_hit: the amount paid. */
    amountMinor: integer("amount_minor"),
    createdBy: integer("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    removedAt: integer("removed_at"),
    removedBy: integer("removed_by"),
  },
  (t) => [index("bonus_rules_team_idx").on(t.teamId, t.removedAt)],
);

/**
 * The head's monthly business inputs (`/inputs`), never overwritten: each set is a
 * new row, and the value for month M is the latest set for the newest month ≤ M.
 */
export const businessInputs = sqliteTable(
  "business_inputs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind", { enum: INPUT_KINDS }).notNull(),
    /** "YYYY-MM": the first month the value holds for. */
    month: text("month").notNull(),
    /** Whose sales costs (kind "costs"); null for the team's inputs. */
    userId: integer("user_id").references(() => users.id),
    /** Money in kopecks (market, costs, overhead) or a percent 0–100 (margin). */
    value: real("value").notNull(),
    setBy: integer("set_by").notNull(),
    setAt: integer("set_at").notNull(),
  },
  (t) => [index("business_inputs_team_idx").on(t.teamId, t.kind, t.month)],
);

export const savedReports = sqliteTable(
  "saved_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    name: text("name").notNull(),
    definition: text("definition", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: integer("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("saved_reports_team_name_uq").on(t.teamId, t.name)],
);

/** Scheduled posts, recorded before sending so a restart never posts twice. */
export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind").notNull(),
    /** Local date (team zone) the post belongs to. */
    localDate: text("local_date").notNull(),
    /** Who it is for: "group", "head:<id>", "user:<id>". */
    target: text("target").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "skipped"] }).notNull(),
    createdAt: createdAt(),
    sentAt: integer("sent_at"),
    error: text("error"),
    /**
     * When the pending post was last claimed for sending. A claim older than the
     * lease belongs to a process that died: the post is tried again.
     */
    claimedAt: integer("claimed_at"),
    /** Telegram message ids of the text's parts once they reached the chat (JSON array; empty: not sent yet). */
    messageIds: text("message_ids", { mode: "json" }).$type<number[]>().notNull().default([]),
    /** The chart's message id once it reached the chat. */
    chartMessageId: integer("chart_message_id"),
  },
  (t) => [uniqueIndex("posts_once_uq").on(t.teamId, t.kind, t.localDate, t.target)],
);

/** Funnel alerts: one per subject per local day. */
export const alerts = sqliteTable(
  "alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind").notNull(),
    /** lead id or stage name the alert is about. */
    subject: text("subject").notNull(),
    localDate: text("local_date").notNull(),
    message: text("message").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("alerts_once_uq").on(t.teamId, t.kind, t.subject, t.localDate)],
);

/** Update ids already handled: a redelivered update changes nothing. */
export const processedUpdates = sqliteTable("processed_updates", {
  updateId: integer("update_id").primaryKey(),
  processedAt: integer("processed_at").notNull(),
});

/**
 * Every update as received, stored before Telegram is told it arrived (the next
 * getUpdates offset, or the webhook's answer). One not yet in `processed_updates`
 * when the process stopped is handled at the next start.
 */
export const inbox = sqliteTable(
  "inbox",
  {
    updateId: integer("update_id").primaryKey(),
    /** The update as JSON, exactly as Telegram sent it. */
    payload: text("payload").notNull(),
    receivedAt: integer("received_at").notNull(),
    /** Starts that replayed it: an update that keeps killing the process is given up after a few. */
    replays: integer("replays").notNull().default(0),
  },
  (t) => [index("inbox_received_idx").on(t.receivedAt)],
);

/**
 * The after-reply queue: what an entry typed in chat sets off beyond itself (the
 * contests' dirty marks, the streak, badge and plan-milestone checks, the
 * congratulation and reaction that follow the reply). A job is written in the same
 * transaction as its entry and deleted in the same transaction as its effects, so
 * a crash loses none and runs none twice; drained after the reply is sent and at
 * every start. Only pending jobs are here, so the table stays a page or two and
 * needs no index: each entry's commit writes one page more, not three.
 */
export const followups = sqliteTable("followups", {
  // A plain rowid (no AUTOINCREMENT, whose sequence row would be one more page per entry).
  id: integer("id").primaryKey(),
  activityId: integer("activity_id")
    .notNull()
    .references(() => activities.id, { onDelete: "cascade" }),
  teamId: teamRef(),
  userId: integer("user_id").notNull(),
  /** Run the badge, streak and milestone checks (entries typed by a person); otherwise contests only. */
  celebrate: integer("celebrate", { mode: "boolean" }).notNull(),
  /** Where the congratulation goes (the chat the entry was typed in); null: nowhere. */
  chatId: integer("chat_id"),
  /** The person's message that carried the entry: the reaction goes on it and the congratulation answers it. */
  messageId: integer("message_id"),
  /** Set when the entry's reply went to this person alone (an ephemeral message in a group). */
  receiverId: integer("receiver_id"),
  locale: text("locale", { enum: LOCALES }),
  /** When the entry was stored: the checks run as of then, however late the job runs. */
  createdAt: integer("created_at").notNull(),
});

/** Key-value rows behind the conversations plugin, so a guided flow survives a restart. */
export const conversationState = sqliteTable("conversation_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * What the bot read from a manager's free text and offered to store: single-use, so
 * a second ✅ (or one after a restart, late or by someone else) stores nothing more.
 */
export const textProposals = sqliteTable(
  "text_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Random hex carried in the buttons' callback data: an id alone cannot confirm. */
    token: text("token").notNull(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The proposed entries as shown (domain ProposedEntry[]). */
    entries: text("entries", { mode: "json" }).$type<Record<string, unknown>[]>().notNull(),
    /** The manager's message date: the stored entries' time (a named earlier day's, when backdated). */
    occurredAt: integer("occurred_at").notNull(),
    /** Set when the message named an earlier day: the message date, kept as the entries' logging time. */
    loggedAt: integer("logged_at"),
    /** The message's update: a redelivered message proposes nothing twice. */
    sourceUpdateId: integer("source_update_id").unique(),
    status: text("status", { enum: ["pending", "stored", "cancelled", "edited", "undone"] }).notNull(),
    /** Entries stored from it, for the Undo button of auto-stored messages. */
    activityIds: text("activity_ids", { mode: "json" }).$type<number[]>(),
    createdAt: integer("created_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("text_proposals_user_idx").on(t.userId, t.createdAt)],
);

/**
 * What a team taught the free-text reader by correcting it with ✏️: a phrase as its
 * managers type it and what it means. One meaning per phrase and field; a head lists
 * and deletes them with /aliases.
 */
export const textAliases = sqliteTable(
  "text_aliases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    field: text("field", { enum: ALIAS_FIELDS }).notNull(),
    /** Normalised (domain aliasPhrase): lower case, ё as е, single spaces. */
    phrase: text("phrase").notNull(),
    /** A client's name, an activity kind, or an amount in kopecks as digits. */
    value: text("value").notNull(),
    /** Who corrected it last. */
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("text_aliases_phrase_idx").on(t.teamId, t.field, t.phrase)],
);

/**
 * Secret links to the read-only TV leaderboard: the token is the only credential,
 * so it is random and revocable (revoking sets `revokedAt`, never deletes).
 */
export const tvLinks = sqliteTable(
  "tv_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    token: text("token").notNull().unique(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("tv_links_team_idx").on(t.teamId, t.revokedAt)],
);

// ── Coaching and training (issue 8) ──────────────────────────────────────────

/** Knowledge-base materials: text, a link, and/or a Telegram file kept by its file_id. */
export const kbMaterials = sqliteTable(
  "kb_materials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** A Telegram file_id (document, voice, video, photo, audio) re-sent when the material opens. */
    fileId: text("file_id"),
    fileKind: text("file_kind", { enum: ["document", "voice", "video", "photo", "audio"] }),
    link: text("link"),
    /** Lower-case tags without "#": metric keys and free topics. */
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Title, text and tags folded for search (lower case, ё → е). */
    searchText: text("search_text").notNull().default(""),
    createdBy: integer("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [index("kb_materials_team_idx").on(t.teamId, t.deletedAt, t.createdAt)],
);

/** Who opened, read or found useful which material. */
export const kbReads = sqliteTable(
  "kb_reads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    materialId: integer("material_id")
      .notNull()
      .references(() => kbMaterials.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull(),
    readAt: integer("read_at"),
    usefulAt: integer("useful_at"),
  },
  (t) => [uniqueIndex("kb_reads_uq").on(t.materialId, t.userId)],
);

/** A quiz: its questions as JSON (domain QuizQuestion[]), checked against Telegram's poll limits. */
export const quizzes = sqliteTable(
  "quizzes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    name: text("name").notNull(),
    /** Folded name (lower case, ё → е) that commands look quizzes up by. */
    nameKey: text("name_key").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    questions: text("questions", { mode: "json" }).$type<Record<string, unknown>[]>().notNull(),
    createdBy: integer("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("quizzes_team_name_uq").on(t.teamId, t.nameKey)],
);

/** One manager taking one quiz: questions go one by one, each as a quiz poll. */
export const quizRuns = sqliteTable(
  "quiz_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    quizId: integer("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    teamId: integer("team_id").notNull(),
    userId: integer("user_id").notNull(),
    status: text("status", { enum: ["active", "done", "closed"] }).notNull(),
    /** Index of the question now open. */
    current: integer("current").notNull().default(0),
    correct: integer("correct").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    startedAt: integer("started_at").notNull(),
    deadlineAt: integer("deadline_at").notNull(),
    remindedAt: integer("reminded_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [uniqueIndex("quiz_runs_quiz_user_uq").on(t.quizId, t.userId), index("quiz_runs_status_idx").on(t.status, t.deadlineAt)],
);

/** Each poll the bot sent: a poll_answer is matched to its run and question by the poll id. */
export const quizPolls = sqliteTable("quiz_polls", {
  pollId: text("poll_id").primaryKey(),
  runId: integer("run_id")
    .notNull()
    .references(() => quizRuns.id, { onDelete: "cascade" }),
  questionIndex: integer("question_index").notNull(),
  chosen: integer("chosen"),
  correct: integer("correct", { mode: "boolean" }),
  answeredAt: integer("answered_at"),
});

/** A head's private notes about a manager (visible to heads only). */
export const coachNotes = sqliteTable(
  "coach_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    aboutUserId: integer("about_user_id").notNull(),
    authorId: integer("author_id").notNull(),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("coach_notes_about_idx").on(t.teamId, t.aboutUserId)],
);

/** A training program: an ordered list of materials and quizzes with a due date. */
export const programs = sqliteTable(
  "programs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    /** Ordered steps: { kind: "kb" | "quiz", id }. */
    steps: text("steps", { mode: "json" }).$type<{ kind: "kb" | "quiz"; id: number }[]>().notNull(),
    /** End of the due day (team zone), Unix ms. */
    dueAt: integer("due_at").notNull(),
    createdBy: integer("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("programs_team_name_uq").on(t.teamId, t.nameKey)],
);

/**
 * Who a program is assigned to. A step's completion is the material's read mark or
 * the quiz run's finish, each stored with its time, so progress is never a second copy.
 */
export const programAssignments = sqliteTable(
  "program_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull(),
    assignedAt: integer("assigned_at").notNull(),
  },
  (t) => [uniqueIndex("program_assignments_uq").on(t.programId, t.userId)],
);

/**
 * Anti-gaming flags for heads: one per (team, kind, person, local day), so running
 * the daily detection again changes nothing. A head marks one fine or voids its entries.
 */
export const gamingFlags = sqliteTable(
  "gaming_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind", { enum: FLAG_KINDS }).notNull(),
    /** The person whose entries are flagged. */
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Local date (team zone) of the flagged entries. */
    day: text("day").notNull(),
    entryIds: text("entry_ids", { mode: "json" }).$type<number[]>().notNull().default([]),
    /** What the flag's text shows (domain FlagDetail). */
    detail: text("detail", { mode: "json" }).$type<FlagDetail>().notNull(),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("open"),
    createdAt: integer("created_at").notNull(),
    resolvedBy: integer("resolved_by"),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [
    uniqueIndex("gaming_flags_once_uq").on(t.teamId, t.kind, t.userId, t.day),
    index("gaming_flags_team_status_idx").on(t.teamId, t.status, t.day),
  ],
);

// ── Motivation (issue 9): badges and plan milestones ────────────────────────

/**
 * Badges and plan milestones, each awarded once per manager (per month for the
 * monthly ones) and kept: the unique index is what makes "once" hold across
 * processes and restarts. A badge is also announced in the team group: pending
 * announcements stay here until a scheduler tick bundles them into one post.
 */
export const awards = sqliteTable(
  "awards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["badge", "milestone"] }).notNull(),
    /** Badge code (domain/badges.ts), or "plan:<id>:<percent>" for a milestone. */
    code: text("code").notNull(),
    /** "" for a once-ever badge, "YYYY-MM" (team month) for the monthly ones. */
    period: text("period").notNull().default(""),
    /** What earned it, when there is a number to show (points of the day, the deal's kopecks). */
    value: integer("value"),
    awardedAt: integer("awarded_at").notNull(),
    announce: text("announce", { enum: ["none", "pending", "claimed", "sent", "failed"] })
      .notNull()
      .default("none"),
    announceClaimedAt: integer("announce_claimed_at"),
    announceMessageId: integer("announce_message_id"),
  },
  (t) => [
    uniqueIndex("awards_once_uq").on(t.teamId, t.userId, t.code, t.period),
    index("awards_team_code_idx").on(t.teamId, t.code, t.period),
    index("awards_announce_idx").on(t.announce, t.teamId, t.awardedAt),
  ],
);

/** A league of teams (issue 9): teams from different groups ranked per manager. */
export const leagues = sqliteTable("leagues", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** What other teams' heads type to join: 8 characters, unambiguous letters and digits. */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** The team whose head created it; the league outlives it. */
  creatorTeamId: integer("creator_team_id").references(() => teams.id, { onDelete: "set null" }),
  createdAt: integer("created_at").notNull(),
});

/** A team's membership in a league; leaving sets `left_at` (a team is in at most one league at a time). */
export const leagueTeams = sqliteTable(
  "league_teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    leagueId: integer("league_id")
      .notNull()
      .references(() => leagues.id, { onDelete: "cascade" }),
    teamId: teamRef(),
    joinedAt: integer("joined_at").notNull(),
    leftAt: integer("left_at"),
    /** Whether other teams may see this team's managers' names (its best manager). Off by default. */
    shareNames: integer("share_names", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("league_teams_league_idx").on(t.leagueId, t.leftAt),
    uniqueIndex("league_teams_active_uq").on(t.teamId).where(sql`${t.leftAt} is null`),
  ],
);

// ── Data in and out (issue 10) ───────────────────────────────────────────────

/**
 * One /import: waiting for its file, then a dry run waiting for Import/Cancel, then
 * run. The file is kept by Telegram's file_id and fetched again on Import, so a
 * pending import survives a restart and no rows are held in the database meanwhile.
 */
export const importJobs = sqliteTable(
  "import_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Random hex carried in the buttons' callback data: an id alone cannot confirm. */
    token: text("token").notNull(),
    teamId: teamRef(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    chatId: integer("chat_id").notNull(),
    status: text("status", { enum: ["awaiting_file", "pending", "running", "done", "cancelled"] }).notNull(),
    fileId: text("file_id"),
    fileName: text("file_name"),
    /** What the run did: stored, skipped as already present, refused by the pipeline, with errors. */
    result: text("result", { mode: "json" }).$type<Record<string, number>>(),
    createdAt: integer("created_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("import_jobs_user_idx").on(t.userId, t.status)],
);

export const schema = {
  teams,
  users,
  memberships,
  leads,
  leadStages,
  activities,
  entryChanges,
  plans,
  bonusRules,
  savedReports,
  posts,
  alerts,
  processedUpdates,
  inbox,
  conversationState,
  textProposals,
  tvLinks,
  kbMaterials,
  kbReads,
  quizzes,
  quizRuns,
  quizPolls,
  coachNotes,
  importJobs,
  programs,
  leagues,
  leagueTeams,
  awards,
  programAssignments,
  gamingFlags,
  businessInputs,
};

// ── Contests (issue 9) ───────────────────────────────────────────────────────

/**
 * A contest: one metric over whole days in team time ([startAt, endAt): 00:00 of the
 * first day to 24:00 of the last), per manager or per squad. Its live standings
 * message in the group is edited in place: `dirtyAt` is set when a participant's
 * entry is recorded, and the scheduler edits at most once a minute.
 */
export const contests = sqliteTable(
  "contests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    name: text("name").notNull(),
    /** Folded name (lower case, ё → е, single spaces): unique per team. */
    nameKey: text("name_key").notNull(),
    metric: text("metric").notNull(),
    kind: text("kind", { enum: ["individual", "squads"] }).notNull(),
    /** First and last local days (YYYY-MM-DD) as the head chose them. */
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    prize: text("prize").notNull().default(""),
    status: text("status", { enum: ["active", "finished"] })
      .notNull()
      .default("active"),
    /** The live standings message (null until it is posted). */
    chatId: integer("chat_id"),
    messageId: integer("message_id"),
    pinned: integer("pinned", { mode: "boolean" }).notNull().default(false),
    lastEditAt: integer("last_edit_at"),
    /** Set when an entry may have changed the standings; cleared when an edit picks it up. */
    dirtyAt: integer("dirty_at"),
    /** Hash of the text last shown, so a refresh that changes nothing is not sent. */
    shownHash: text("shown_hash"),
    /** Final standings frozen when the contest ended (JSON). */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    createdBy: integer("created_by").notNull(),
    createdAt: createdAt(),
    finishedAt: integer("finished_at"),
  },
  (t) => [uniqueIndex("contests_team_name_uq").on(t.teamId, t.nameKey), index("contests_status_idx").on(t.status, t.endAt)],
);

/** A contest's squads (2–4), in the order the head named them. */
export const contestSquads = sqliteTable(
  "contest_squads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("contest_squads_contest_idx").on(t.contestId)],
);

/** Who is in which squad: one squad per person per contest. */
export const contestSquadMembers = sqliteTable(
  "contest_squad_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    squadId: integer("squad_id")
      .notNull()
      .references(() => contestSquads.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull(),
  },
  (t) => [uniqueIndex("contest_squad_members_uq").on(t.contestId, t.userId)],
);

// ── Rich messages (issue 19) ─────────────────────────────────────────────────

/**
 * Chats where Telegram refused a rich message (an older server, a 400): the bot
 * sends them the classic `<pre>` layout from then on, across restarts.
 */
export const richFallbackChats = sqliteTable("rich_fallback_chats", {
  chatId: integer("chat_id").primaryKey(),
  /** Telegram's answer, e.g. "400: Bad Request: …" (no secrets: an API error description). */
  reason: text("reason").notNull(),
  at: integer("at").notNull(),
});

// ── CRM connectors (issue 21) ────────────────────────────────────────────────

/**
 * A team's link to a CRM account. Credentials are AES-256-GCM ciphertext (never
 * plain, never logged); `cursors` is how far each stream has been read, so a
 * reconcile re-reads from there and a lost webhook heals. Disconnecting keeps the
 * row (and what was counted) and stops syncing.
 */
export const crmConnections = sqliteTable(
  "crm_connections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind", { enum: CRM_KINDS }).notNull(),
    authMode: text("auth_mode", { enum: CRM_AUTH_MODES }).notNull(),
    /** The CRM's account id (amoCRM account id, Bitrix24 portal host). */
    accountId: text("account_id").notNull(),
    accountName: text("account_name").notNull(),
    /** The account's API origin, e.g. https://acme.amocrm.ru or https://acme.bitrix24.ru. */
    baseUrl: text("base_url").notNull(),
    /** Encrypted JSON: the token, the OAuth pair with client id/secret, or the webhook URL. */
    credentials: text("credentials").notNull(),
    /** Bumped by each OAuth refresh: a refresher that lost the race re-reads instead of reusing a spent token. */
    credentialsVersion: integer("credentials_version").notNull().default(0),
    /** Random path part of this connection's webhook address (`/crm/<kind>/<secret>`). */
    hookSecret: text("hook_secret").notNull().unique(),
    /** The Bitrix24 outgoing webhooks' application token, when the head set them up (encrypted). */
    hookToken: text("hook_token"),
    /** The amoCRM webhook id the bot registered (removed on disconnect). */
    registeredHook: text("registered_hook"),
    /** Per stream (notes, leads, tasks, events…): the CRM time (Unix s) read up to. */
    cursors: text("cursors", { mode: "json" }).$type<Record<string, number>>().notNull().default({}),
    /** Start of the history the first sync reads (the team's month start when connected), Unix ms. */
    historyFrom: integer("history_from").notNull(),
    lastSyncAt: integer("last_sync_at"),
    lastError: text("last_error"),
    lastErrorAt: integer("last_error_at"),
    /** First failure since the last success: 30 minutes of it alerts the head once. */
    failingSince: integer("failing_since"),
    /** When the head was alerted about the current failure (cleared by a success). */
    alertedAt: integer("alerted_at"),
    /** A webhook arrived: the next scheduler tick reconciles at once. */
    pokedAt: integer("poked_at"),
    createdBy: integer("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    disconnectedAt: integer("disconnected_at"),
  },
  (t) => [uniqueIndex("crm_connections_active_uq").on(t.teamId, t.kind).where(sql`${t.disconnectedAt} is null`)],
);

/** The CRM's users and the team member each one is (null: not mapped yet). */
export const crmUsers = sqliteTable(
  "crm_users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    connectionId: integer("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    crmUserId: text("crm_user_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    userId: integer("user_id").references(() => users.id),
    /** Set when the head confirmed the mapping (a suggestion is not counted until then). */
    confirmedAt: integer("confirmed_at"),
  },
  (t) => [uniqueIndex("crm_users_uq").on(t.connectionId, t.crmUserId)],
);

/** The CRM pipelines' stages and what each means to the bot. */
export const crmStages = sqliteTable(
  "crm_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    connectionId: integer("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    pipelineId: text("pipeline_id").notNull(),
    pipelineName: text("pipeline_name").notNull(),
    stageId: text("stage_id").notNull(),
    name: text("name").notNull(),
    target: text("target", { enum: CRM_STAGE_TARGETS }).notNull().default("none"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [uniqueIndex("crm_stages_uq").on(t.connectionId, t.pipelineId, t.stageId)],
);

/**
 * The idempotency ledger: one row per CRM record by its stable key
 * (`note:<id>`, `lead:<id>:won`, `activity:<ID>`…), holding what the record says now
 * and the entry it became. The entry and this row are written in one transaction,
 * so a replay, a webhook retry or a restart after kill -9 never counts twice; a
 * changed record becomes a correction of that entry, a deleted one its void.
 */
export const crmRecords = sqliteTable(
  "crm_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    connectionId: integer("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    teamId: teamRef(),
    key: text("key").notNull(),
    crmUserId: text("crm_user_id").notNull(),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    outcome: text("outcome", { enum: CALL_OUTCOMES }),
    amountMinor: integer("amount_minor"),
    clientName: text("client_name"),
    lostReason: text("lost_reason"),
    /** The CRM's own time of the event, Unix ms. */
    occurredAt: integer("occurred_at").notNull(),
    /** The CRM record's content as last seen: a different one on a re-read is an edit. */
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: CRM_RECORD_STATES }).notNull(),
    /** Why it was left out (a pipeline refusal, or the kind's source is chat). */
    skipReason: text("skip_reason"),
    activityId: integer("activity_id").references(() => activities.id),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("crm_records_key_uq").on(t.connectionId, t.key),
    index("crm_records_state_idx").on(t.connectionId, t.state, t.crmUserId),
    index("crm_records_team_time_idx").on(t.teamId, t.occurredAt),
  ],
);

/** The head's choice of where a kind's entries come from (absent: the default in domain/crm). */
export const crmSources = sqliteTable(
  "crm_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: teamRef(),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    source: text("source", { enum: ENTRY_SOURCES }).notNull(),
    setBy: integer("set_by").notNull(),
    setAt: integer("set_at").notNull(),
  },
  (t) => [uniqueIndex("crm_sources_uq").on(t.teamId, t.kind)],
);

/**
 * Webhook deliveries, stored before they are answered and handled from here: each
 * one only pokes its connection's reconcile, so a repeated delivery is harmless.
 */
export const crmHooks = sqliteTable(
  "crm_hooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    connectionId: integer("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    /** The body as received, with credentials (Bitrix24 auth) removed. */
    body: text("body").notNull(),
    receivedAt: integer("received_at").notNull(),
    handledAt: integer("handled_at"),
  },
  (t) => [index("crm_hooks_pending_idx").on(t.handledAt, t.connectionId)],
);
