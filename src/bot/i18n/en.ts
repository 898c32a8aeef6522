import type { ActivityKind, CallOutcome, Stage } from "../../domain/types.js";

const kindName: Record<ActivityKind, string> = {
  call: "Call", meeting: "Meeting", proposal: "Proposal", presentation: "Presentation", deal: "Deal", lead: "New lead", lost: "Lead lost",
};
const kindCount: Record<ActivityKind, string> = {
  call: "calls", meeting: "meetings", proposal: "proposals", presentation: "presentations", deal: "deals", lead: "new leads", lost: "lost leads",
};
const outcome: Record<CallOutcome, string> = { reached: "reached", meeting: "meeting set", noanswer: "no answer" };
const stage: Record<Stage, string> = { new: "new", qualified: "qualified", meeting: "meeting", proposal: "proposal", won: "won", lost: "lost" };

export const en = {
  kindName,
  kindCount,
  outcome,
  stage,
  forms: {
    call: "/call [reached|meeting|noanswer] [client]",
    meeting: "/meeting [client]",
    proposal: "/proposal [client]",
    presentation: "/presentation [client]",
    lead: "/lead <client>",
    deal: "/deal <amount> [client]  e.g. /deal 50 000 Acme, /deal 1.5m, /deal 50k",
    lost: "/lost <client> — <reason>",
  } satisfies Record<ActivityKind, string>,
  errors: {
    client_required: "Name the client.",
    client_too_long: "The client name is too long (200 characters at most).",
    reason_too_long: "The reason is too long (500 characters at most).",
    unknown_outcome: (w: string) => `Unknown call outcome “${w}”. Use reached, meeting or noanswer (дозвон, встреча, недозвон).`,
    amount_required: "Give the deal amount.",
    amount_format: (w: string) => `“${w}” is not an amount. Examples: 50000, 50 000, 50k, 1.5m, 50 тыс, 1,5 млн ₽.`,
    amount_zero: "The amount must be more than zero.",
    amount_negative: "The amount can't be negative.",
    amount_too_large: "That amount is too large (10¹² ₽ at most). Check the number.",
    lead_exists: (client: string, st: string) => `${client} is already your open lead (stage: ${st}). Nothing was added.`,
    no_open_lead: (client: string) => `You have no open lead “${client}”. Check the name, or register it with /lead.`,
    form: (f: string) => `Form: <code>${f}</code>`,
  },
  logged: (kind: string, details: string, countLabel: string, n: number) =>
    `✅ ${kind}${details ? ` — ${details}` : ""}\nToday ${countLabel}: <b>${n}</b>`,
  duplicate: "This entry was already logged; nothing was added.",
  stageMove: (client: string, to: string) => `${client}: stage → ${to}`,
  notInTeam:
    "You are not in a team yet. Ask your head of sales for an invite link, or send /join in your team's group.",
  groupNotTeam: "This group is not a KPI Coach team yet. A group admin can create one with /setup.",
  headOnly: (cmd: string) => `Only a head of sales can use /${cmd}.`,
  groupOnly: (cmd: string) => `/${cmd} works in the team's group chat. Add me to the group and send it there.`,
  privateOnly: "This works in a private chat with me.",
  start: {
    intro:
      "👋 I am <b>KPI Coach</b>: I keep score of your sales day — calls, meetings, proposals, presentations, leads and deals — and show how you are doing against your plan.\n\n" +
      "<b>How to join:</b> open the invite link from your head of sales, or send /join in your team's group.\n" +
      "<b>Head of sales?</b> Add me to your team's group and send /setup there.",
    badCode: "This invite link is not valid (any more). Ask your head of sales for a new one with /invite.",
    joined: (team: string) => `🎉 You joined <b>${team}</b>. Log your work with the buttons below or with commands; /help lists them.`,
    already: (team: string) => `You are already in <b>${team}</b>. /help lists the commands.`,
    welcomeBack: (team: string) => `Welcome back to <b>${team}</b>.`,
  },
  setup: {
    notGroup: "Send /setup in your team's group chat (add me to it first).",
    notAdmin: "Only a group admin can set up a team here.",
    already: (team: string) => `This group is already the team <b>${team}</b>. Managers join with /join; the head gets an invite link with /invite.`,
    done: (team: string, link: string) =>
      `✅ Team <b>${team}</b> is set up and you are its head.\nManagers join with /join here, or with this link:\n${link}`,
  },
  invite: (team: string, link: string) => `Invite link to <b>${team}</b> (send it to your managers):\n${link}`,
  join: {
    joined: (name: string, team: string) => `🎉 ${name} joined <b>${team}</b>. Open a private chat with me to log quickly: I'll show one-tap buttons there.`,
    already: (name: string, team: string) => `${name}, you are already in <b>${team}</b>.`,
  },
  promote: {
    usage: "Form: <code>/promote @username</code> (the person must have joined the team).",
    notFound: (u: string) => `No team member ${u}. They must /join first (and have a @username).`,
    already: (u: string) => `${u} is already a head.`,
    done: (u: string) => `✅ ${u} is now a head of this team.`,
  },
  help: {
    title: "<b>KPI Coach commands</b>",
    logging:
      "<b>Log (right after it happens)</b>\n" +
      "/call [reached|meeting|noanswer] [client] — a call\n" +
      "/meeting [client] — a meeting\n" +
      "/proposal [client] — a commercial proposal sent\n" +
      "/presentation [client] — a presentation\n" +
      "/lead &lt;client&gt; — a new lead\n" +
      "/deal &lt;amount&gt; [client] — a won deal (50000, 50k, 1.5m, 50 тыс)\n" +
      "/lost &lt;client&gt; — &lt;reason&gt; — a lost lead\n" +
      "/log — one-tap buttons\n" +
      "/undo — remove your last entry (24 h)",
    me:
      "<b>Numbers</b>\n/me [today|week|month] — your numbers and plan progress\n/report [period] — report (heads: the team; managers: your own)\n/report dynamics|avgcheck|conversion|leadtime|closetime|proposals|presentations\n/report new — build and save a report; /reports — saved ones\n/compare [period] [@a @b] [by metric] — comparison table\n/funnel [period] — the funnel and where leads are lost\n/export [summary] [period] — CSV for Excel\n/top [metric] [period] — the team's ranking\n/settings — language, evening nudge (heads: the team's schedule)",
    head: "<b>Head of sales</b>\n/summary — the morning summary now\n/plan &lt;metric&gt; &lt;value&gt; &lt;period&gt; [@user|all] — set a plan; /plan — list and edit\n/invite — invite link for managers\n/promote @user — make a member a head",
    group: "<b>In the group</b>\n/join — join the team",
    admin: "<b>Group admin</b>\n/setup — create the team for this group",
  },
  undo: {
    done: (what: string) => `↩️ Removed: ${what}`,
    leadRemoved: "The lead it created is removed too.",
    stageRestored: (st: string) => `The lead is back at stage: ${st}.`,
    nothing: "You have nothing to undo from the last 24 hours.",
  },
  me: {
    title: (name: string, period: string) => `📊 <b>${name}</b> · ${period}`,
    noPlans: "No plans set yet.",
    plansTitle: "<b>Plan</b>",
    badPeriod: "Form: <code>/me [today|week|month]</code>",
  },
  flow: {
    pickKind: "What do you want to log?",
    outcome: "📞 How did the call go?",
    client: (kind: string) => `${kind}: which client? Type the name, or tap Skip.`,
    clientRequired: (kind: string) => `${kind}: which client? Type the name.`,
    amount: "💰 Deal amount? (50000, 50 000, 50k, 1.5m, 50 тыс)",
    reason: "Why was it lost? Type the reason, or tap Skip.",
    cancelled: "Cancelled. Nothing was logged.",
    replyHint: "(Answer by replying to this message.)",
    expectText: "Type it as a message, or tap Cancel.",
    scopeLost: (team: string) => `This flow was started for the team “${team}”, and you are no longer in it. Nothing was saved.`,
    roleLost: (team: string) => `This flow was started as head of the team “${team}”, and you are no longer its head. Nothing was saved.`,
  },
  buttons: {
    call: "📞 Call", meeting: "🤝 Meeting", proposal: "📄 Proposal", presentation: "🖥 Presentation",
    lead: "🆕 Lead", deal: "💰 Deal", lost: "❌ Lost", me: "📊 My day", undo: "↩️ Undo",
    skip: "Skip ➡️", cancel: "✖️ Cancel",
  },
  reports: {
    usage:
      "Forms:\n<code>/report [period]</code> — the team at a glance\n<code>/report dynamics|avgcheck|conversion|leadtime|closetime|proposals|presentations [period]</code>\n<code>/report new</code> — build and save your own\n<code>/report &lt;saved name&gt; [period]</code>\nPeriods: today, yesterday, week, lastweek, month, lastmonth, quarter, year, 01.11–15.11, 2026-11-01..2026-11-15",
    badPeriod: (p: string) => `“${p}” is not a period.`,
    managerOnlyOwn: "Team reports are for heads; here are your own numbers.",
    names: { team: "Team report", dynamics: "Sales dynamics", avgcheck: "Average check", conversion: "Conversion by stage", leadtime: "Lead processing time", closetime: "Deal closing time", proposals: "Proposals sent", presentations: "Presentations held" },
    savedList: (lines: string) => `<b>Saved reports</b>\n${lines}\nRun one with <code>/report &lt;name&gt; [period]</code>.`,
    noneSaved: "No saved reports yet. Build one with /report new.",
    compareUsage: "Form: <code>/compare [period] [@a @b …] [by metric]</code>, e.g. <code>/compare month by revenue</code>",
    compareTitle: "Comparison",
    avg: "Avg",
    unknownPeople: (names: string) => `Not in the team: ${names}.`,
    funnelTitle: "Funnel",
    funnelUsage: "Form: <code>/funnel [period]</code>",
    funnelEmpty: "No leads were registered in this period.",
    worstStage: (stage: string, n: number) => `Most leads are lost at <b>${stage}</b> (${n}).`,
    reasons: "Top loss reasons",
    noReason: "no reason",
    stageCol: "Stage", reachedCol: "Leads", convCol: "Conv", lostCol: "Lost",
    exportUsage: "Form: <code>/export [period]</code> or <code>/export summary [period]</code>",
    exportCaption: (what: string, period: string, n: number) => `${what} · ${period} · ${n} rows`,
    exportEntries: "Entries", exportSummary: "Summary by manager",
  },
  builder: {
    pickMetrics: "📋 New report. Tap the metrics to include (up to 8), then Done.",
    needMetric: "Pick at least one metric.",
    done: "Done ✔️",
    pickGrouping: "Group by?",
    groupings: { manager: "Manager", day: "Day", week: "Week", month: "Month" },
    pickPeriod: "Which period? Tap one or type it (e.g. 01.11–15.11).",
    periods: { week: "This week", month: "This month", lastmonth: "Last month", quarter: "Quarter" },
    pickSort: "Sort by?",
    noSort: "No sorting",
    untitled: "New report",
    askName: "Save it? Type a short name (letters, digits, _ or -), or tap Skip.",
    badName: "A name is 2–32 letters, digits, _ or -, one word, and not a built-in report name.",
    saved: (name: string) => `💾 Saved. Run it again with <code>/report ${name}</code>; /reports lists saved reports.`,
    nameTaken: "That name belongs to a colleague's report. Pick another name.",
    notSaved: "Not saved.",
    cancelled: "Report builder closed.",
  },
  plans: {
    usage:
      "Form: <code>/plan &lt;metric&gt; &lt;value&gt; &lt;day|week|month|quarter&gt; [@username|all]</code>\ne.g. <code>/plan deals 10 month</code>, <code>/plan calls 40 day @ivan</code>, <code>/plan leadtime 24h month</code>, <code>/plan avgcheck +15% month</code>\nWithout @username the plan binds each manager; <code>all</code> sets the team's total.",
    metrics: "Metrics: calls, meetings, conversion, proposals, presentations, deals, revenue, avgcheck, winrate, leadtime, closetime, lost, leads (or in Russian: звонки, встречи, конверсия, кп, …).",
    unknownMetric: (m: string) => `Unknown metric “${m}”.`,
    badPeriod: (p: string) => `“${p}” is not a plan period: use day, week, month or quarter.`,
    badValue: {
      format: "The value is not a number in this metric's form.",
      zero: "The value must be more than zero.",
      negative: "The value can't be negative.",
      too_large: "That value is too large.",
      not_integer: "A count must be a whole number.",
      percent_range: "A percent must be above 0 and at most 100.",
      duration_unit: "Give a time with a unit: 24h, 90m, 7d.",
      relative_not_allowed: "“+N%” works only for counts and money.",
      relative_range: "The change must be above −100%.",
    },
    noBase: "There is nothing last period to add the percentage to.",
    unknownUser: (u: string) => `${u} is not in the team.`,
    saved: (line: string) => `✅ Plan set: ${line}`,
    list: "<b>Plans</b>",
    none: "No plans yet.",
    cancelled: "Cancelled; plans are unchanged.",
    removed: "🗑 Plan removed.",
    scopeEach: "each manager", scopeTeam: "team total",
    periods: { day: "a day", week: "a week", month: "a month", quarter: "a quarter" },
    add: "➕ New plan", edit: "✏️", remove: "🗑",
    askMetric: "Which metric?", askPeriod: "Per which period?", askScope: "For whom?", askValue: (metric: string) => `Target for ${metric}? (e.g. 10, 500k, 20%, 24h, +15%)`,
    relative: (p: number) => `${p > 0 ? "+" : ""}${p}% over last period`,
  },
  posts: {
    team: "Team",
    summaryTitle: (team: string, day: string) => `☀️ <b>Good morning, ${team}!</b> Yesterday, ${day}:`,
    monthSoFar: (label: string) => `<b>Month so far</b> · ${label}`,
    best: (name: string, what: string) => `🏆 Best yesterday: <b>${name}</b> — ${what}`,
    nobodyBest: "🏆 Nobody closed anything yesterday.",
    idle: (names: string) => `😴 Logged nothing: ${names}`,
    allLogged: "✅ Everyone logged their day.",
    alertsTitle: "<b>Funnel alerts</b>",
    noPlans: "No monthly plans yet: a head sets them with /plan.",
    eveningTitle: (team: string, metric: string) => `🏁 <b>Today's leaderboard</b> · ${team} · ${metric}`,
    weeklyTitle: (team: string, metric: string, week: string) => `🏆 <b>Last week's podium</b> · ${team} · ${metric} · ${week}`,
    topTitle: (metric: string, period: string) => `🏆 <b>Top by ${metric}</b> · ${period}`,
    nobody: "Nobody has numbers here yet.",
    leadNew: (client: string, hours: number) => `⏰ Lead <b>${client}</b> has been waiting for a first contact for over ${hours} h.`,
    leadStuck: (client: string, stage: string, days: number) => `🐌 Lead <b>${client}</b> has been at stage «${stage}» for over ${days} days.`,
    leadLine: (owner: string, text: string) => `${owner}: ${text}`,
    drop: (stage: string, before: number, now: number) => `📉 Most leads are lost at <b>${stage}</b>: ${before}% → ${now}% this week (4-week average → now).`,
    nudge: (name: string) => `👋 ${name}, nothing is logged today yet. Add your calls and meetings with the buttons below — it takes a few seconds.`,
    blockedGroup: (team: string) => `⚠️ I can't post to the group of ${team} any more (I was removed or blocked there). Add me back, or choose where posts go with /settings.`,
    unknownMetric: (m: string) => `Unknown metric “${m}”.`,
    topUsage: "Form: <code>/top [metric] [period]</code>, e.g. <code>/top revenue month</code>, <code>/top звонки неделя</code>",
  },
  settings: {
    teamTitle: (team: string) => `⚙️ <b>Settings of ${team}</b>`,
    personalTitle: "⚙️ <b>Your settings</b>",
    timezone: "Time zone", workdays: "Workdays", summary: "Morning summary", evening: "Evening leaderboard", weekly: "Weekly podium",
    nudge: "Evening nudge", checks: "Funnel checks", alerts: "Funnel alerts", to: "to", topic: "Forum topic", none: "—",
    thresholds: (h: number, d: number, p: number) => `Alerts: new lead > ${h} h, stuck > ${d} d, conversion drop > ${p} pts`,
    quiet: "Quiet hours", metric: "Leaderboard metric", language: "Language", auto: "as in Telegram",
    dest: { head: "head", group: "group" } as Record<string, string>,
    on: "on", off: "off",
    usage:
      "Change with <code>/settings &lt;key&gt; &lt;value&gt;</code>:\n<code>timezone Asia/Yekaterinburg</code> · <code>summary 09:30</code> · <code>evening 18:30</code> · <code>weekly 09:05</code> · <code>nudge_time 18:00</code> · <code>checks 09:00-19:00</code> · <code>workdays 1-5</code> · <code>summary_to head|group|both</code> · <code>leaderboard_to group</code> · <code>alerts_to both</code> · <code>topic here|off</code> · <code>leadtime 24h</code> · <code>stuck 7</code> · <code>drop 10</code> · <code>quiet 21:00-08:00|off</code> · <code>metric revenue</code> · <code>language ru|en|auto</code> · <code>nudge on|off</code>",
    personalUsage: "Change with <code>/settings language ru|en|auto</code> or <code>/settings nudge on|off</code>.",
    unknownKey: (k: string) => `Unknown setting “${k}”.`,
    badValue: (k: string, v: string) => `“${v}” is not a valid value for ${k}.`,
    saved: "✅ Saved.",
    headOnly: "Team settings are for heads; you can change your language and evening nudge.",
    toggle: (name: string, on: boolean) => `${on ? "✅" : "⬜️"} ${name}`,
  },
  unhandledCommand: "I don't know that command. /help lists what I can do.",
  unhandledText: "Log with the buttons or commands; /help lists them.",
  failure: "⚠️ Something went wrong on my side and nothing was saved. Please try again.",
  tooLong: "That message is too long. Keep it under 1000 characters.",
};

export type Messages = typeof en;
