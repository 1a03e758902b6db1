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

/** Bars and marks from a model's transitions (any order); open bars end at `now`. */
export function buildStageTimeline(transitions: StageTransition[], now: number): StageTimeline {
  const ordered = [...transitions].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  const holders = new Map<TimelineStage, Holding>();
  const bars: StageBar[] = [];
  const marks: TimelineMark[] = [];
  const close = (stage: TimelineStage, at: number) => {
    const holding = holders.get(stage);
    if (!holding) return;
    bars.push({ stage, ...holding, end: at, isCurrent: false });
    holders.delete(stage);
  };
  for (const transition of ordered) {
    const at = Date.parse(transition.created);
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
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const end = Math.max(now, last ? Date.parse(last.created) : now);
  for (const [stage, holding] of holders) bars.push({ stage, ...holding, end, isCurrent: true });
  bars.sort((a, b) => a.start - b.start);
  return { bars, marks, start: first ? Date.parse(first.created) : now, end };
}

/** Where a time falls on an axis `width` wide (the whole span, padded when it is empty). */
export function timeToX(at: number, timeline: Pick<StageTimeline, "start" | "end">, width: number) {
  const span = Math.max(timeline.end - timeline.start, 1);
  return ((at - timeline.start) / span) * width;
}

/** About `count` evenly spaced tick times across the span. */
export function timelineTicks(timeline: Pick<StageTimeline, "start" | "end">, count: number) {
  const span = timeline.end - timeline.start;
  if (span <= 0 || count < 2) return [timeline.start];
  return Array.from({ length: count }, (_, i) => timeline.start + (span * i) / (count - 1));
}
