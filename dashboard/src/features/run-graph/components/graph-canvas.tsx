import { useStoreApi } from "@xyflow/react";
import { useCallback, useRef } from "react";
import { type CanvasWindow, windowFor, windowOffset } from "@/features/run-graph/lib/canvas-window";
import { drawScene, prepareCanvas } from "@/features/run-graph/lib/draw-scene";
import type { Scene } from "@/features/run-graph/lib/graph-scene";
import { useCanvasRedraw } from "@/features/run-graph/lib/use-canvas-redraw";
import { useSceneColours } from "@/features/run-graph/lib/use-scene-colours";

export interface GraphCanvasProps {
  scene: Scene;
  selectedId: string | null;
}

/** The graph zoomed out: every node on one canvas instead of thousands of DOM nodes,
 * shapes and colours only (names come back when zoomed in). The canvas holds a margin
 * around the pane, so a pan mostly just moves it. */
export function GraphCanvas({ scene, selectedId }: GraphCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const colours = useSceneColours();
  // The window drawn, and by which `draw`: a new scene, selection or theme draws afresh.
  const drawn = useRef<{ window: CanvasWindow; by: unknown } | null>(null);
  const draw = useCallback(
    function draw(element: HTMLCanvasElement) {
      const { transform, width, height } = store.getState();
      const previous = drawn.current?.by === draw ? drawn.current.window : null;
      const area = windowFor(previous, transform, width, height);
      if (area !== previous) {
        const [canvasWidth, canvasHeight] = [width + 2 * area.marginX, height + 2 * area.marginY];
        const context = prepareCanvas(element, canvasWidth, canvasHeight);
        if (!context) return;
        const view = {
          x: transform[0] + area.marginX,
          y: transform[1] + area.marginY,
          scaleX: transform[2],
          scaleY: transform[2],
          width: canvasWidth,
          height: canvasHeight,
        };
        const count = drawScene(context, scene, view, colours, { selectedId, minSize: 2 });
        element.dataset.drawnNodes = String(count);
        drawn.current = { window: area, by: draw };
      }
      const offset = windowOffset(area, transform);
      element.style.transform = `translate3d(${offset.x}px, ${offset.y}px, 0)`;
    },
    [scene, selectedId, store, colours],
  );
  useCanvasRedraw(canvas, draw, { followsViewport: true });
  return (
    <canvas
      ref={canvas}
      className="dag-canvas"
      role="img"
      aria-label={`The whole graph, zoomed out: ${scene.nodes.length.toLocaleString()} nodes drawn as shapes. Zoom in to read names.`}
    />
  );
}
