/** Refit the graph when its box changes size (a side panel opened or closed). */
import { useReactFlow } from "@xyflow/react";
import { type RefObject, useEffect } from "react";

export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.2 } as const;

export function useFitOnResize(container: RefObject<HTMLElement | null>, isReady: boolean): void {
  const flow = useReactFlow();
  useEffect(() => {
    const element = container.current;
    if (!element || !isReady) return;
    let width = element.clientWidth;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const observer = new ResizeObserver(() => {
      if (Math.abs(element.clientWidth - width) < 40) return;
      width = element.clientWidth;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }), 60);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [container, isReady, flow]);
}
