import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { gridTiles } from "@/features/run-graph/lib/grid-tiles";

/** The dotted grid behind the graph: one layer, moved by the compositor as the graph pans
 * (set straight on the element from React Flow's store, never through React state). */
export function GraphGrid() {
  const layer = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const element = layer.current;
    if (!element) return;
    let [tile, transform] = [Number.NaN, ""];
    const place = () => {
      const grid = gridTiles(store.getState().transform);
      element.hidden = !grid.isVisible;
      if (!grid.isVisible) return;
      if (grid.tile !== tile) {
        tile = grid.tile;
        element.style.setProperty("--grid-tile", `${tile}px`);
        element.style.setProperty("--grid-dot", `${Math.max(0.6, tile / 48)}px`);
      }
      const next = `translate3d(${grid.offsetX}px, ${grid.offsetY}px, 0)`;
      if (next !== transform) element.style.transform = transform = next;
    };
    place();
    return store.subscribe(place);
  }, [store]);
  return (
    <div className="dag-grid" aria-hidden="true">
      <div ref={layer} className="dag-grid-dots" />
    </div>
  );
}
