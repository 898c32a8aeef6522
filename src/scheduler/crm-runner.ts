// The CRM side of the clock: webhook pokes are turned into reconciles, each
// connection is reconciled every CRM_POLL_SECONDS from its cursor, and a head is
// told once (privately) when a connection has failed for 30 minutes or its token
// was refused. Chat logging never waits for any of this.

import { alertDue, dueConnections, syncConnection } from "../crm/sync.js";
import type { CrmConnection } from "../db/repositories/crm.js";
import type { Delivery } from "../delivery/index.js";
import { formatLocal } from "../domain/time.js";
import { escapeHtml } from "../presentation/html.js";
import { messages, pickLocale } from "../presentation/i18n/index.js";
import type { AppDeps } from "../services/deps.js";

export class CrmRunner {
  constructor(
    private readonly deps: AppDeps,
    private readonly delivery: Delivery,
  ) {}

  /** One pass: due reconciles, then alerts owed. Returns alerts sent. */
  async tick(now = this.deps.now()): Promise<number> {
    const { crm } = this.deps.repos;
    // Stored webhook deliveries only poke their connection: the reconcile reads the truth.
    const hooks = crm.pendingHooks();
    for (const id of new Set(hooks.map((h) => h.connectionId))) crm.update(id, { pokedAt: now });
    crm.markHooksHandled(
      hooks.map((h) => h.id),
      now,
    );
    for (const conn of dueConnections(this.deps, now)) await syncConnection(this.deps, conn.id);
    let sent = 0;
    for (const conn of crm.allActive()) if (alertDue(conn, this.deps.now())) sent += await this.alert(conn);
    return sent;
  }

  private async alert(conn: CrmConnection): Promise<number> {
    const { repos } = this.deps;
    const team = repos.teams.byId(conn.teamId);
    if (!team) return 0;
    // Claimed before sending: one alert per failure, however many ticks see it.
    repos.crm.update(conn.id, { alertedAt: this.deps.now() });
    const heads = repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "head" && m.user.blockedAt === null);
    const since = formatLocal(conn.lastSyncAt ?? conn.failingSince ?? conn.createdAt, team.timezone, "DD.MM.YYYY HH:mm");
    const outcomes = await this.delivery.sendMany(
      heads.map((m) => {
        const t = messages[pickLocale(m.user.settings["language"], m.user.languageCode, team.locale)].crm;
        // The stored error names only the CRM's address and an HTTP status, never a credential.
        const error = escapeHtml((conn.lastError ?? "").slice(0, 300));
        return {
          chatId: m.user.id,
          html: t.alert(t.kindName[conn.kind], escapeHtml(conn.accountName), since, error),
          label: `crm-alert:${conn.id}`,
        };
      }),
    );
    this.deps.logger.warn({ connection_id: conn.id, team_id: team.id }, "CRM failing: head alerted");
    return outcomes.filter((o) => o.status === "sent").length;
  }
}
