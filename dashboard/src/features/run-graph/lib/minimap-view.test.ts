import { describe, expect, it } from "vitest";
import {
  flowPointAt,
  MINIMAP_MIN_HEIGHT,
  MINIMAP_WIDTH,
  minimapView,
  viewportBox,
} from "@/features/run-graph/lib/minimap-view";

describe("minimapView", () => {
  it("keeps a graph's proportions when they fit the minimap", () => {
    const view = minimapView({ x: 0, y: 0, width: 1000, height: 500 });

    expect(view.scaleX).toBe(view.scaleY);
    expect(view.width).toBe(MINIMAP_WIDTH);
    expect(view.height).toBe(120);
  });

  it("stretches a long linear run to the strip's height instead of drawing a speck", () => {
    const bounds = { x: 0, y: -31, width: 720_000, height: 62 };

    const view = minimapView(bounds);

    expect(view.height).toBe(MINIMAP_MIN_HEIGHT);
    expect(bounds.height * view.scaleY).toBeGreaterThan(MINIMAP_MIN_HEIGHT / 2);
    expect(bounds.width * view.scaleX).toBeGreaterThan(MINIMAP_WIDTH / 2);
  });

  it("maps a minimap point back to the graph point drawn there", () => {
    const view = minimapView({ x: -50, y: 20, width: 1000, height: 500 });

    const point = flowPointAt(view, view.x + 100 * view.scaleX, view.y + 40 * view.scaleY);

    expect(point.x).toBeCloseTo(100);
    expect(point.y).toBeCloseTo(40);
  });
});

describe("viewportBox", () => {
  it("frames what the main view shows, never smaller than 4 px", () => {
    const view = minimapView({ x: 0, y: 0, width: 1000, height: 500 });

    const whole = viewportBox(view, [0, 0, 1], 1000, 500);
    const tiny = viewportBox(view, [0, 0, 100], 1000, 500);

    expect(whole.width).toBeCloseTo(1000 * view.scaleX);
    expect(tiny.width).toBe(4);
  });
});
