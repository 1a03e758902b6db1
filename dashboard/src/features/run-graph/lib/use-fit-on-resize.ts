/** Refit the graph when its box changes size (a side panel opened or closed). */
import { type FitViewOptions, useReactFlow, type Viewport } from "@xyflow/react";
import { type RefObject, useEffect } from "react";

export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.2 } as const;
/** Above this many nodes the first view shows the run's start, readable, not all of it. */
export const FIT_ALL_MAX_NODES = 150;
const START_ZOOM = 0.8;
const START_MARGIN = 60;

/** For a large graph: the viewport that shows its first node, left-centred, readable. */
export function startViewport(
  positions: Record<string, { x: number; y: number }>,
  height: number,
): Viewport | null {
  const entries = Object.values(positions);
  if (entries.length <= FIT_ALL_MAX_NODES) return null;
  let first = entries[0];
  for (const p of entries) {
    if (!first || p.x < first.x || (p.x === first.x && Math.abs(p.y) < Math.abs(first.y)))
      first = p;
  }
  if (!first) return null;
  return {
    x: START_MARGIN - first.x * START_ZOOM,
    y: height / 2 - first.y * START_ZOOM,
    zoom: START_ZOOM,
  };
}

export function useFitOnResize(
  container: RefObject<HTMLElement | null>,
  options: FitViewOptions | null,
): void {
  const flow = useReactFlow();
  useEffect(() => {
    const element = container.current;
    if (!element || !options) return;
    let width = element.clientWidth;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const observer = new ResizeObserver(() => {
      if (Math.abs(element.clientWidth - width) < 40) return;
      width = element.clientWidth;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flow.fitView({ ...options, duration: 200 }), 60);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [container, options, flow]);
}
