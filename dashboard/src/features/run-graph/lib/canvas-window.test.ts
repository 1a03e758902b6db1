import { describe, expect, it } from "vitest";
import { WINDOW_MARGIN, windowFor, windowOffset } from "@/features/run-graph/lib/canvas-window";

const PANE = [1000, 600] as const;

describe("windowFor", () => {
  it("keeps the drawn window while a pan stays within its margin", () => {
    const drawn = windowFor(null, [0, 0, 0.1], ...PANE);

    const panned = windowFor(drawn, [1000 * WINDOW_MARGIN, -600 * WINDOW_MARGIN, 0.1], ...PANE);

    expect(panned).toBe(drawn);
    expect(windowOffset(panned, [250, -150, 0.1])).toEqual({ x: 0, y: -300 });
  });

  it("draws a new window once a pan leaves the margin", () => {
    const drawn = windowFor(null, [0, 0, 0.1], ...PANE);

    const panned = windowFor(drawn, [1000 * WINDOW_MARGIN + 1, 0, 0.1], ...PANE);

    expect(panned).not.toBe(drawn);
    expect(windowOffset(panned, [251, 0, 0.1])).toEqual({ x: -250, y: -150 });
  });

  it("draws a new window when the zoom or the pane's size changes", () => {
    const drawn = windowFor(null, [0, 0, 0.1], ...PANE);

    expect(windowFor(drawn, [0, 0, 0.2], ...PANE)).not.toBe(drawn);
    expect(windowFor(drawn, [0, 0, 0.1], 800, 600)).not.toBe(drawn);
  });
});
