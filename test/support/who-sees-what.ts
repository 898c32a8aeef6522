// The "Who sees what" table, rendered from the trust policy and the metric list (README holds a copy).
import { METRIC_KEYS, METRICS } from "../../src/domain/metrics.js";
import { type Audience, FIELD_SENSITIVITY, mayShow, SENSITIVITIES, type Whose } from "../../src/domain/trust-policy.js";

const COLUMNS: [string, Audience, Whose][] = [
  ["head, private", { role: "head", channel: "private" }, "other"],
  ["head, group", { role: "head", channel: "team_group" }, "other"],
  ["manager, private: own", { role: "manager", channel: "private" }, "self"],
  ["manager, private: other's", { role: "manager", channel: "private" }, "other"],
  ["manager, only they see it in the group: own", { role: "manager", channel: "ephemeral" }, "self"],
  ["group (and files there)", { role: "manager", channel: "team_group" }, "other"],
  ["another team (league)", { role: "outsider", channel: "other_group" }, "other"],
  ["TV page", { role: "stranger", channel: "public" }, "other"],
];

export function whoSeesWhatTable(): string {
  const rows = SENSITIVITIES.map((s) => {
    const metrics = METRIC_KEYS.filter((k) => METRICS[k].sensitivity === s);
    const fields = Object.entries(FIELD_SENSITIVITY)
      .filter(([, v]) => v === s)
      .map(([k]) => k);
    const what = [...(metrics.length > 8 ? [`${metrics.length} metrics (all others)`] : metrics), ...fields].join(", ") || "—";
    return `| \`${s}\` | ${what} | ${COLUMNS.map(([, a, whose]) => (mayShow(s, a, whose) ? "✓" : "—")).join(" | ")} |`;
  });
  return [`| level | what | ${COLUMNS.map(([n]) => n).join(" | ")} |`, `|---|---|${COLUMNS.map(() => "---").join("|")}|`, ...rows].join(
    "\n",
  );
}
