/** The audit trail's filtered events as files people can keep: CSV and JSON Lines. */
import type { AuditEvent } from "@/features/settings/lib/types";

export const AUDIT_COLUMNS = [
  "id",
  "created",
  "user_name",
  "action",
  "resource",
  "resource_id",
  "resource_name",
  "project_id",
  "operation",
] as const satisfies readonly (keyof AuditEvent)[];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line, then one line per event; cells with commas or quotes are quoted. */
export function toCsv(events: readonly AuditEvent[]): string {
  const lines = [AUDIT_COLUMNS.join(",")];
  for (const event of events) lines.push(AUDIT_COLUMNS.map((c) => csvCell(event[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** One JSON object per line. */
export function toJsonLines(events: readonly AuditEvent[]): string {
  return events.map((event) => JSON.stringify(event)).join("\n") + (events.length ? "\n" : "");
}
