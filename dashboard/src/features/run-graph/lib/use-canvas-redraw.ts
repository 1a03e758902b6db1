/** Redraw a canvas once per frame at most: when what it draws, or (if it follows the
 * graph's viewport) React Flow's store changes. */
import { useStoreApi } from "@xyflow/react";
import { type RefObject, useEffect } from "react";

/** Call `draw` now, and again (once per animation frame at most) whenever `draw` changes
 * or, with `followsViewport`, React Flow's store does (pan, zoom, resize). */
export function useCanvasRedraw(
  canvas: RefObject<HTMLCanvasElement | null>,
  draw: (canvas: HTMLCanvasElement) => void,
  { followsViewport }: { followsViewport: boolean },
): void {
  const store = useStoreApi();
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw(element);
      });
    };
    schedule();
    const unsubscribe = followsViewport ? store.subscribe(schedule) : null;
    return () => {
      unsubscribe?.();
      cancelAnimationFrame(frame);
    };
  }, [canvas, draw, store, followsViewport]);
}
