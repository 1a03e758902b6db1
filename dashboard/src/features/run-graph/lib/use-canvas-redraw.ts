/** Redraw a canvas once per frame at most: when the graph's viewport or the theme changes. */
import { useStoreApi } from "@xyflow/react";
import { type RefObject, useEffect } from "react";

/** Call `draw` now, and again (once per animation frame at most) whenever React Flow's
 * store changes (pan, zoom, resize) or the page's theme does. */
export function useCanvasRedraw(
  canvas: RefObject<HTMLCanvasElement | null>,
  draw: (canvas: HTMLCanvasElement) => void,
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
    const unsubscribe = store.subscribe(schedule);
    const theme = new MutationObserver(schedule);
    theme.observe(document.documentElement, { attributes: true });
    return () => {
      unsubscribe();
      theme.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [canvas, draw, store]);
}
