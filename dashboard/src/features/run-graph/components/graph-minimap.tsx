import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import { drawScene, prepareCanvas, readColours } from "@/features/run-graph/lib/draw-scene";
import type { Scene } from "@/features/run-graph/lib/graph-scene";
import { flowPointAt, minimapView, viewportBox } from "@/features/run-graph/lib/minimap-view";
import { useCanvasRedraw } from "@/features/run-graph/lib/use-canvas-redraw";

export interface GraphMinimapProps {
  scene: Scene;
}

/** The whole run small, with the part on screen framed; press or drag to move there. */
export function GraphMinimap({ scene }: GraphMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const view = useMemo(() => minimapView(scene.bounds), [scene]);
  const draw = useCallback(
    (element: HTMLCanvasElement) => {
      const context = prepareCanvas(element, view.width, view.height);
      if (!context) return;
      const colours = readColours(element);
      drawScene(context, scene, view, colours, { selectedId: null, minSize: 1.5 });
      const { transform, width, height } = store.getState();
      const frame = viewportBox(view, transform, width, height);
      context.lineWidth = 1.5;
      context.strokeStyle = colours.accent;
      context.strokeRect(frame.x, frame.y, frame.width, frame.height);
    },
    [scene, store, view],
  );
  useCanvasRedraw(canvas, draw);

  const moveTo = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const point = flowPointAt(view, event.clientX - rect.left, event.clientY - rect.top);
    const { transform, width, height } = store.getState();
    const zoom = transform[2];
    void flow.setViewport({ x: width / 2 - point.x * zoom, y: height / 2 - point.y * zoom, zoom });
  };
  return (
    <canvas
      ref={canvas}
      className="dag-minimap"
      role="img"
      aria-label="Mini map of the run graph"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
      }}
    />
  );
}
