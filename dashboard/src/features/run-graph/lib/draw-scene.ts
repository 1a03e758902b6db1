/** Drawing a scene on a 2D canvas: edges as hairlines, shapes filled by status colour. */
import type { ExecutionStatus } from "@/api/types";
import type { Box, Scene } from "@/features/run-graph/lib/graph-scene";
import { STATUS_STYLES, STATUSES } from "@/lib/status";

/** Where the scene lands on the canvas: screen = offset + flow position × scale. */
export interface View {
  x: number;
  y: number;
  scaleX: number;
  scaleY: number;
  /** The canvas size in CSS pixels. */
  width: number;
  height: number;
}

export interface SceneColours {
  statuses: Record<ExecutionStatus, string>;
  edge: string;
  accent: string;
}

export interface DrawOptions {
  selectedId: string | null;
  /** Shapes never shrink below this many pixels, so far-out nodes stay visible. */
  minSize: number;
}

/** The theme's colours as the canvas needs them: CSS variables resolved to values. */
export function readColours(element: Element): SceneColours {
  const style = getComputedStyle(element);
  const token = (value: string) => {
    const name = value.match(/var\((--[\w-]+)\)/)?.[1];
    return (name ? style.getPropertyValue(name).trim() : value) || "#888";
  };
  const statuses = {} as Record<ExecutionStatus, string>;
  for (const status of STATUSES) statuses[status] = token(STATUS_STYLES[status].colour);
  return { statuses, edge: token("var(--border-strong)"), accent: token("var(--accent)") };
}

/** The shape's box on screen, at least `minSize` wide and high, centred where it was. */
export function screenBox(shape: Box, view: View, minSize: number): Box {
  const width = Math.max(minSize, shape.width * view.scaleX);
  const height = Math.max(minSize, shape.height * view.scaleY);
  const centreX = view.x + (shape.x + shape.width / 2) * view.scaleX;
  const centreY = view.y + (shape.y + shape.height / 2) * view.scaleY;
  return { x: centreX - width / 2, y: centreY - height / 2, width, height };
}

function isOnScreen(box: Box, view: View): boolean {
  return (
    box.x + box.width >= 0 && box.x <= view.width && box.y + box.height >= 0 && box.y <= view.height
  );
}

function drawEdges(context: CanvasRenderingContext2D, scene: Scene, view: View): void {
  context.beginPath();
  for (const [source, target] of scene.edges) {
    const from = scene.nodes[source]?.shape;
    const to = scene.nodes[target]?.shape;
    if (!from || !to) continue;
    const x1 = view.x + (from.x + from.width) * view.scaleX;
    const x2 = view.x + to.x * view.scaleX;
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > view.width) continue;
    context.moveTo(x1, view.y + (from.y + from.height / 2) * view.scaleY);
    context.lineTo(x2, view.y + (to.y + to.height / 2) * view.scaleY);
  }
  context.stroke();
}

/** Draw what of `scene` is on screen; returns how many nodes were drawn. */
export function drawScene(
  context: CanvasRenderingContext2D,
  scene: Scene,
  view: View,
  colours: SceneColours,
  options: DrawOptions,
): number {
  context.clearRect(0, 0, view.width, view.height);
  context.lineWidth = 1;
  context.strokeStyle = colours.edge;
  drawEdges(context, scene, view);
  let drawn = 0;
  for (const status of STATUSES) {
    context.beginPath();
    for (const item of scene.nodes) {
      if (item.status !== status) continue;
      const box = screenBox(item.shape, view, options.minSize);
      if (!isOnScreen(box, view)) continue;
      drawn += 1;
      if (item.isStep && box.width >= 4) {
        context.moveTo(box.x + box.width, box.y + box.height / 2);
        context.ellipse(
          box.x + box.width / 2,
          box.y + box.height / 2,
          box.width / 2,
          box.height / 2,
          0,
          0,
          2 * Math.PI,
        );
      } else context.rect(box.x, box.y, box.width, box.height);
    }
    context.fillStyle = colours.statuses[status];
    context.fill();
  }
  const selected = scene.nodes.find((item) => item.node.id === options.selectedId);
  if (selected) {
    const box = screenBox(selected.shape, view, options.minSize);
    context.strokeStyle = colours.accent;
    context.lineWidth = 3;
    context.strokeRect(box.x - 4, box.y - 4, box.width + 8, box.height + 8);
  }
  return drawn;
}

/** A 2D context on `canvas` sized to `width` × `height` CSS pixels at the screen's
 * pixel ratio (null where canvases cannot draw). */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const [pixelsWide, pixelsHigh] = [Math.round(width * ratio), Math.round(height * ratio)];
  if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
    canvas.width = pixelsWide;
    canvas.height = pixelsHigh;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext("2d");
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
