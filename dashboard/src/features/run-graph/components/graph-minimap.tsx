import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import { drawScene, prepareCanvas } from "@/features/run-graph/lib/draw-scene";
import type { Scene } from "@/features/run-graph/lib/graph-scene";
import { flowPointAt, minimapView, viewportBox } from "@/features/run-graph/lib/minimap-view";
import { useCanvasRedraw } from "@/features/run-graph/lib/use-canvas-redraw";
import { useSceneColours } from "@/features/run-graph/lib/use-scene-colours";

export interface GraphMinimapProps {
  scene: Scene;
}

/** The whole run small, with the part on screen framed; press or drag to move there.
 * The run is drawn once; only the frame over it follows the viewport. */
export function GraphMinimap({ scene }: GraphMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frameCanvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const colours = useSceneColours();
  const view = useMemo(() => minimapView(scene.bounds), [scene]);
  const drawRun = useCallback(
    (element: HTMLCanvasElement) => {
      const context = prepareCanvas(element, view.width, view.height);
      if (context) drawScene(context, scene, view, colours, { selectedId: null, minSize: 1.5 });
    },
    [scene, view, colours],
  );
  const drawFrame = useCallback(
    (element: HTMLCanvasElement) => {
      const context = prepareCanvas(element, view.width, view.height);
      if (!context) return;
      const { transform, width, height } = store.getState();
      const frame = viewportBox(view, transform, width, height);
      context.clearRect(0, 0, view.width, view.height);
      context.lineWidth = 1.5;
      context.strokeStyle = colours.accent;
      context.strokeRect(frame.x, frame.y, frame.width, frame.height);
    },
    [store, view, colours],
  );
  useCanvasRedraw(canvas, drawRun, { followsViewport: false });
  useCanvasRedraw(frameCanvas, drawFrame, { followsViewport: true });

  const moveTo = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const point = flowPointAt(view, event.clientX - rect.left, event.clientY - rect.top);
    const { transform, width, height } = store.getState();
    const zoom = transform[2];
    void flow.setViewport({ x: width / 2 - point.x * zoom, y: height / 2 - point.y * zoom, zoom });
  };
  return (
    <div className="dag-minimap-box">
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
      <canvas ref={frameCanvas} className="dag-minimap-frame" />
    </div>
  );
}
