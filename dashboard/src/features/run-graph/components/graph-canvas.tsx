import { useStoreApi } from "@xyflow/react";
import { useCallback, useRef } from "react";
import { drawScene, prepareCanvas, readColours } from "@/features/run-graph/lib/draw-scene";
import type { Scene } from "@/features/run-graph/lib/graph-scene";
import { useCanvasRedraw } from "@/features/run-graph/lib/use-canvas-redraw";

export interface GraphCanvasProps {
  scene: Scene;
  selectedId: string | null;
}

/** The graph zoomed out: every node on one canvas instead of thousands of DOM nodes,
 * shapes and colours only (names come back when zoomed in). */
export function GraphCanvas({ scene, selectedId }: GraphCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const draw = useCallback(
    (element: HTMLCanvasElement) => {
      const { transform, width, height } = store.getState();
      const context = prepareCanvas(element, width, height);
      if (!context) return;
      const [x, y, zoom] = transform;
      const view = { x, y, scaleX: zoom, scaleY: zoom, width, height };
      const options = { selectedId, minSize: 2 };
      const drawn = drawScene(context, scene, view, readColours(element), options);
      element.dataset.drawnNodes = String(drawn);
    },
    [scene, selectedId, store],
  );
  useCanvasRedraw(canvas, draw);
  return (
    <canvas
      ref={canvas}
      className="dag-canvas"
      role="img"
      aria-label={`The whole graph, zoomed out: ${scene.nodes.length.toLocaleString()} nodes drawn as shapes. Zoom in to read names.`}
    />
  );
}
