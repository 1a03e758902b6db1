import { describe, expect, it } from "vitest";
import { buildTimeline, tickStep } from "@/features/run-timeline/lib/timeline-bars";
import { dagStep } from "@/test/run-dag-fixture";

describe("buildTimeline", () => {
  it("places bars on an axis starting at the first start", () => {
    const steps = [
      dagStep("b", "completed", "2026-01-01T00:00:02Z", "2026-01-01T00:00:05Z"),
      dagStep("a", "completed", "2026-01-01T00:00:00Z", "2026-01-01T00:00:02Z"),
    ];

    const timeline = buildTimeline(steps, new Set(["b"]), 0);

    expect(timeline.totalMs).toBe(5000);
    expect(timeline.bars.map((b) => [b.name, b.offsetMs, b.durationMs, b.isCritical])).toEqual([
      ["a", 0, 2000, false],
      ["b", 2000, 3000, true],
    ]);
  });

  it("grows a running step's bar up to now", () => {
    const steps = [dagStep("a", "running", "2026-01-01T00:00:00Z", null)];

    const timeline = buildTimeline(steps, new Set(), Date.parse("2026-01-01T00:00:04Z"));

    expect(timeline.bars[0]?.durationMs).toBe(4000);
  });
});

describe("tickStep", () => {
  it("picks a round spacing", () => {
    expect(tickStep(10_000, 5)).toBe(2000);
    expect(tickStep(3_600_000, 6)).toBe(600_000);
  });
});
