import { describe, expect, it } from "vitest";
import type { ModelStage, StageTransition } from "@/features/models/lib/model-types";
import { buildStageTimeline, timeToX } from "@/features/models/lib/stage-timeline";

const T0 = Date.parse("2026-11-20T10:00:00Z");
const MINUTE = 60_000;

function transition(
  minute: number,
  versionNumber: number,
  from: ModelStage,
  to: ModelStage,
  extra: Partial<StageTransition> = {},
): StageTransition {
  return {
    id: `t-${minute}-${versionNumber}`,
    model_id: "m",
    model_name: "iris",
    model_version_id: `v${versionNumber}`,
    version_number: versionNumber,
    from_stage: from,
    to_stage: to,
    outcome: "applied",
    trigger: "user",
    user_name: "ada",
    reason: null,
    created: new Date(T0 + minute * MINUTE).toISOString(),
    ...extra,
  };
}

describe("buildStageTimeline", () => {
  it("ends a holder's bar when another version is forced into its stage", () => {
    const history = [
      transition(0, 1, "none", "production"),
      transition(10, 2, "none", "production"),
      transition(10, 1, "production", "archived", { trigger: "demotion" }),
    ];

    const timeline = buildStageTimeline(history, T0 + 30 * MINUTE);

    expect(timeline.bars).toEqual([
      { stage: "production", versionNumber: 1, start: T0, end: T0 + 10 * MINUTE, isCurrent: false },
      {
        stage: "production",
        versionNumber: 2,
        start: T0 + 10 * MINUTE,
        end: T0 + 30 * MINUTE,
        isCurrent: true,
      },
    ]);
  });

  it("moves a version from staging to production as two bars", () => {
    const history = [
      transition(5, 3, "staging", "production"),
      transition(0, 3, "none", "staging", { trigger: "rule" }),
    ];

    const timeline = buildStageTimeline(history, T0 + 20 * MINUTE);

    expect(timeline.bars.map((bar) => [bar.stage, bar.start, bar.end])).toEqual([
      ["staging", T0, T0 + 5 * MINUTE],
      ["production", T0 + 5 * MINUTE, T0 + 20 * MINUTE],
    ]);
  });

  it("marks refusals and skipped rule decisions without drawing a bar for them", () => {
    const history = [
      transition(0, 1, "none", "production"),
      transition(1, 2, "none", "production", { outcome: "refused" }),
      transition(2, 2, "none", "staging", { outcome: "skipped", trigger: "rule" }),
    ];

    const timeline = buildStageTimeline(history, T0 + 5 * MINUTE);

    expect(timeline.bars).toHaveLength(1);
    expect(timeline.marks.map((mark) => [mark.stage, mark.transition.outcome])).toEqual([
      ["production", "applied"],
      ["production", "refused"],
      ["staging", "skipped"],
    ]);
  });

  it("leaves transitions between none and archived off the rows", () => {
    const timeline = buildStageTimeline([transition(0, 1, "none", "archived")], T0);

    expect(timeline.marks).toEqual([]);
    expect(timeline.bars).toEqual([]);
  });

  it("spans from the first transition to now", () => {
    const timeline = buildStageTimeline([transition(0, 1, "none", "staging")], T0 + MINUTE);

    expect([timeline.start, timeline.end]).toEqual([T0, T0 + MINUTE]);
    expect(timeToX(T0 + MINUTE / 2, timeline, 200)).toBe(100);
  });

  it("gives every change one slot when spaced by change", () => {
    const history = [
      transition(0, 1, "none", "production"),
      transition(60 * 24, 2, "none", "production"),
      transition(60 * 24, 1, "production", "archived", { trigger: "demotion" }),
    ];

    const timeline = buildStageTimeline(history, T0 + 60 * 48 * MINUTE, "change");

    expect(timeline.bars.map((bar) => [bar.versionNumber, bar.start, bar.end])).toEqual([
      [1, 0.5, 1.5],
      [2, 1.5, 3],
    ]);
    expect(timeline.marks.map((mark) => mark.at)).toEqual([0.5, 1.5, 2.5]);
    expect([timeline.start, timeline.end]).toEqual([0, 3]);
  });
});
