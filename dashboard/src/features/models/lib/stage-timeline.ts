/**
 * The stage timeline of a model: from its transition history, which version held
 * `staging` and `production` when (bars), and every attempt on the way (marks).
 */
import type { ModelStage, StageTransition } from "@/features/models/lib/model-types";

/** The stages at most one version holds at a time: the timeline's two rows. */
export const TIMELINE_STAGES = ["production", "staging"] as const;
export type TimelineStage = (typeof TIMELINE_STAGES)[number];

export interface StageBar {
  stage: TimelineStage;
  versionNumber: number;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** Still holding the stage now. */
  isCurrent: boolean;
}

export interface TimelineMark {
  stage: TimelineStage;
  at: number;
  transition: StageTransition;
}

export interface StageTimeline {
  bars: StageBar[];
  marks: TimelineMark[];
  start: number;
  end: number;
}

/** `time`: positions are epoch milliseconds; `change`: every transition gets one slot, so a
 * burst of changes within a second is as readable as a month of them. */
export type TimelineSpacing = "time" | "change";

function asTimelineStage(stage: ModelStage): TimelineStage | null {
  return stage === "staging" || stage === "production" ? stage : null;
}

/** The row a transition is drawn on: where it went, else where it left (null: neither). */
export function markStage(transition: StageTransition): TimelineStage | null {
  return asTimelineStage(transition.to_stage) ?? asTimelineStage(transition.from_stage);
}

interface Holding {
  versionNumber: number;
  start: number;
}

/** The transitions oldest first (a stable sort: the store's order breaks ties). */
export function orderTransitions(transitions: StageTransition[]): StageTransition[] {
  return [...transitions].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
}

/** Bars and marks from a model's transitions (any order); open bars end at `now`.
 * With `change` spacing, transition `i` (oldest first) is at `i + 0.5` and the end is `n`. */
export function buildStageTimeline(
  transitions: StageTransition[],
  now: number,
  spacing: TimelineSpacing = "time",
): StageTimeline {
  const ordered = orderTransitions(transitions);
  if (spacing === "change") {
    return buildFromPositions(ordered, (_, i) => i + 0.5, { start: 0, end: ordered.length });
  }
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const end = Math.max(now, last ? Date.parse(last.created) : now);
  const start = first ? Date.parse(first.created) : end;
  return buildFromPositions(ordered, (t) => Date.parse(t.created), { start, end });
}

function buildFromPositions(
  ordered: StageTransition[],
  positionOf: (transition: StageTransition, index: number) => number,
  { start, end }: { start: number; end: number },
): StageTimeline {
  const holders = new Map<TimelineStage, Holding>();
  const bars: StageBar[] = [];
  const marks: TimelineMark[] = [];
  const close = (stage: TimelineStage, at: number) => {
    const holding = holders.get(stage);
    if (!holding) return;
    bars.push({ stage, ...holding, end: at, isCurrent: false });
    holders.delete(stage);
  };
  for (const [index, transition] of ordered.entries()) {
    const at = positionOf(transition, index);
    const row = markStage(transition);
    if (row) marks.push({ stage: row, at, transition });
    if (transition.outcome !== "applied") continue;
    const left = asTimelineStage(transition.from_stage);
    if (left && holders.get(left)?.versionNumber === transition.version_number) close(left, at);
    const entered = asTimelineStage(transition.to_stage);
    if (entered) {
      // The holder's own demotion may be recorded just after; the newcomer ends its bar.
      close(entered, at);
      holders.set(entered, { versionNumber: transition.version_number, start: at });
    }
  }
  for (const [stage, holding] of holders) bars.push({ stage, ...holding, end, isCurrent: true });
  bars.sort((a, b) => a.start - b.start);
  return { bars, marks, start, end };
}

/** Where a time falls on an axis `width` wide (the whole span, padded when it is empty). */
export function timeToX(at: number, timeline: Pick<StageTimeline, "start" | "end">, width: number) {
  const span = Math.max(timeline.end - timeline.start, 1);
  return ((at - timeline.start) / span) * width;
}

export interface TimelineTick {
  at: number;
  /** The epoch milliseconds the tick stands for. */
  time: number;
}

/** About `count` evenly spaced ticks: times, or (by change) the times of spread changes. */
export function timelineTicks(
  timeline: Pick<StageTimeline, "start" | "end">,
  count: number,
  ordered?: StageTransition[],
): TimelineTick[] {
  if (ordered) {
    const step = Math.max(Math.ceil(ordered.length / count), 1);
    return ordered
      .filter((_, i) => i % step === 0)
      .map((t, i) => ({ at: i * step + 0.5, time: Date.parse(t.created) }));
  }
  const span = timeline.end - timeline.start;
  if (span <= 0 || count < 2) return [{ at: timeline.start, time: timeline.start }];
  return Array.from({ length: count }, (_, i) => {
    const at = timeline.start + (span * i) / (count - 1);
    return { at, time: at };
  });
}
