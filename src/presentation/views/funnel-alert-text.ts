import type { Locale } from "../../domain/locales.js";
import type { FunnelAlert } from "../../services/funnel-alerts.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** A funnel alert as one HTML line in the reader's language. */
export function funnelAlertText(alert: FunnelAlert, locale: Locale): string {
  const t = messages[locale];
  switch (alert.kind) {
    case "lead_new":
      return t.posts.leadNew(escapeHtml(alert.clientName), alert.hours);
    case "lead_stuck":
      return t.posts.leadStuck(escapeHtml(alert.clientName), t.stage[alert.stage], alert.days);
    case "conversion_drop":
      return t.posts.drop(t.stage[alert.stage], Math.round(alert.baseline), Math.round(alert.current));
  }
}
