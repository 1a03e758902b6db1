/** Status colours and labels: one entry per status, so a new status fails to compile. */
import type { ExecutionStatus } from "@/api/types";

export interface StatusStyle {
  label: string;
  /** A CSS colour built from a theme token, so light and dark both work. */
  colour: string;
  /** A faint background of the same hue, for badges and bars. */
  background: string;
  /** Whether the status can still change. */
  isFinished: boolean;
}

export const STATUS_STYLES: Record<ExecutionStatus, StatusStyle> = {
  initializing: {
    label: "Waiting",
    colour: "var(--status-waiting)",
    background: "var(--status-waiting-bg)",
    isFinished: false,
  },
  running: {
    label: "Running",
    colour: "var(--status-running)",
    background: "var(--status-running-bg)",
    isFinished: false,
  },
  completed: {
    label: "Completed",
    colour: "var(--status-completed)",
    background: "var(--status-completed-bg)",
    isFinished: true,
  },
  cached: {
    label: "Cached",
    colour: "var(--status-cached)",
    background: "var(--status-cached-bg)",
    isFinished: true,
  },
  failed: {
    label: "Failed",
    colour: "var(--status-failed)",
    background: "var(--status-failed-bg)",
    isFinished: true,
  },
  stopped: {
    label: "Stopped",
    colour: "var(--status-stopped)",
    background: "var(--status-stopped-bg)",
    isFinished: true,
  },
};

/** Every status in the order filters and legends list them. */
export const STATUSES: readonly ExecutionStatus[] = [
  "running",
  "completed",
  "cached",
  "failed",
  "stopped",
  "initializing",
];

export function isStatus(value: unknown): value is ExecutionStatus {
  return typeof value === "string" && Object.hasOwn(STATUS_STYLES, value);
}
