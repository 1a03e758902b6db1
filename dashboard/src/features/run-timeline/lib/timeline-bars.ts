/** One bar per step: where it starts and ends on the run's time axis. */
import type { DagStep, ExecutionStatus } from "@/api/types";

export interface TimelineBar {
  id: string;
  name: string;
  status: ExecutionStatus;
  /** Milliseconds from the run's first start. */
  offsetMs: number;
  durationMs: number;
  isCritical: boolean;
  hasStarted: boolean;
}

export interface Timeline {
  bars: TimelineBar[];
  /** The time axis from the first start to the last end (or now, while running). */
  startMs: number;
  totalMs: number;
}

function parse(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Bars sorted by start time (steps that never started go last), on a shared axis. */
export function buildTimeline(steps: DagStep[], critical: Set<string>, now: number): Timeline {
  const timed = steps.map((s) => ({
    step: s,
    start: parse(s.started) ?? parse(s.created),
    end: parse(s.ended),
  }));
  const starts = timed.map((t) => t.start).filter((v): v is number => v !== null);
  const startMs = starts.length ? Math.min(...starts) : now;
  let endMs = startMs;
  for (const t of timed) {
    const end = t.end ?? (t.step.status === "running" ? now : t.start);
    if (end !== null && end > endMs) endMs = end;
  }
  const bars = timed.map(({ step, start, end }): TimelineBar => {
    const begin = start ?? startMs;
    const finish = end ?? (step.status === "running" ? now : begin);
    return {
      id: step.id,
      name: step.name,
      status: step.status,
      offsetMs: begin - startMs,
      durationMs: Math.max(0, finish - begin),
      isCritical: critical.has(step.id),
      hasStarted: step.started !== null,
    };
  });
  bars.sort((a, b) => Number(b.hasStarted) - Number(a.hasStarted) || a.offsetMs - b.offsetMs);
  return { bars, startMs, totalMs: Math.max(1, endMs - startMs) };
}

/** Pleasant tick spacing for an axis `totalMs` wide showing about `count` ticks. */
export function tickStep(totalMs: number, count: number): number {
  const raw = totalMs / Math.max(1, count);
  const steps = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
    300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
  ];
  return steps.find((s) => s >= raw) ?? 86_400_000;
}
