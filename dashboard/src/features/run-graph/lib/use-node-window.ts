/** Give React Flow only a window of a large graph, moved as the view leaves it. */
import { type Edge, type Viewport as FlowViewport, useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import type { Box, Scene } from "@/features/run-graph/lib/graph-scene";
import { isWellInside, nodesInRegion, regionAround } from "@/features/run-graph/lib/node-window";
import type { FlowNode } from "@/features/run-graph/lib/use-flow-elements";

export interface NodeWindowOptions {
  scene: Scene | null;
  nodes: FlowNode[];
  edges: Edge[];
  /** Off: every node and edge is given (small graphs, or zoomed out to the canvas). */
  isEnabled: boolean;
  /** The view React Flow opens at, used until it has measured its pane... */
  firstView: FlowViewport | null;
  /** ...which is guessed meanwhile as the window below this many pixels of page. */
  headerHeight: number;
}

/** The region around the view; React state changes only when the view leaves it (about
 * every half pane of a drag), never on every frame. The first region comes from the view
 * React Flow opens at, so React Flow is never given the whole graph, not even once. */
function useRegion(
  isEnabled: boolean,
  firstView: FlowViewport | null,
  headerHeight: number,
): Box | null {
  const store = useStoreApi();
  const first = useMemo(() => {
    if (!isEnabled || !firstView) return null;
    const pane = { width: window.innerWidth, height: window.innerHeight - headerHeight };
    return regionAround({ ...firstView, ...pane });
  }, [isEnabled, firstView, headerHeight]);
  const [followed, setFollowed] = useState<Box | null>(null);
  useEffect(() => {
    setFollowed(null);
    if (!isEnabled) return;
    let current = first;
    const follow = () => {
      const { transform, width, height } = store.getState();
      const [x, y, zoom] = transform;
      if (width <= 0 || height <= 0) return;
      const view = { x, y, zoom, width, height };
      if (current && isWellInside(current, view)) return;
      current = regionAround(view);
      setFollowed(current);
    };
    follow();
    return store.subscribe(follow);
  }, [store, isEnabled, first]);
  return isEnabled ? (followed ?? first) : null;
}

export function useNodeWindow({
  scene,
  nodes,
  edges,
  isEnabled,
  firstView,
  headerHeight,
}: NodeWindowOptions): {
  nodes: FlowNode[];
  edges: Edge[];
} {
  const region = useRegion(isEnabled, firstView, headerHeight);
  const ids = useMemo(
    () => (scene && region && isEnabled ? nodesInRegion(scene, region) : null),
    [scene, region, isEnabled],
  );
  const shownNodes = useMemo(
    () => (ids ? nodes.filter((n) => ids.has(n.id)) : nodes),
    [ids, nodes],
  );
  const shownEdges = useMemo(
    () => (ids ? edges.filter((e) => ids.has(e.source) && ids.has(e.target)) : edges),
    [ids, edges],
  );
  return { nodes: shownNodes, edges: shownEdges };
}
