import {
  ControlButton,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useRef } from "react";
import type { RunDag } from "@/api/types";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ArtifactNode } from "@/features/run-graph/components/artifact-node";
import { GraphCanvas } from "@/features/run-graph/components/graph-canvas";
import { GraphGrid } from "@/features/run-graph/components/graph-grid";
import { GraphLegend } from "@/features/run-graph/components/graph-legend";
import { GraphMinimap } from "@/features/run-graph/components/graph-minimap";
import { NodeSearch } from "@/features/run-graph/components/node-search";
import { StepNode } from "@/features/run-graph/components/step-node";
import { buildRunGraph, type GraphNode } from "@/features/run-graph/lib/build-graph";
import { buildScene, nodeAt } from "@/features/run-graph/lib/graph-scene";
import { WINDOW_MIN_NODES } from "@/features/run-graph/lib/node-window";
import {
  FIT_ALL_MAX_NODES,
  FIT_VIEW_OPTIONS,
  startViewport,
  useFitOnResize,
} from "@/features/run-graph/lib/use-fit-on-resize";
import { type FlowNode, useFlowElements } from "@/features/run-graph/lib/use-flow-elements";
import { useGraphLayout } from "@/features/run-graph/lib/use-graph-layout";
import { useNodeWindow } from "@/features/run-graph/lib/use-node-window";
import { useOverview } from "@/features/run-graph/lib/use-overview";
import { useSearchShortcut } from "@/features/run-graph/lib/use-search-shortcut";

const NODE_TYPES = { step: StepNode, artifact: ArtifactNode };
// Roughly the page above the graph: a large graph's first view is set before it mounts.
const HEADER_HEIGHT = 240;
// Zoomed out, the canvas draws the graph: React Flow gets no nodes to mount.
const NO_NODES: FlowNode[] = [];
const NO_EDGES: [] = [];

export interface RunDagProps {
  dag: RunDag;
  /** The selected node's id (`step:<id>` or `artifact:<id>`), from the URL. */
  selectedId: string | null;
  onSelect: (node: GraphNode | null) => void;
}

/** The run as a graph: steps (circles) and artifacts (squares) joined by data flow. */
export function RunDagView(props: RunDagProps) {
  return (
    <ReactFlowProvider>
      <RunDagCanvas {...props} />
    </ReactFlowProvider>
  );
}

function RunDagCanvas({ dag, selectedId, onSelect }: RunDagProps) {
  const graph = useMemo(() => buildRunGraph(dag), [dag]);
  const { layout, error } = useGraphLayout(graph);
  const [searching, setSearching] = useSearchShortcut();
  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const isFitWhole = layout !== null && graph.nodes.length <= FIT_ALL_MAX_NODES;
  useFitOnResize(container, isFitWhole ? FIT_VIEW_OPTIONS : null);
  const elements = useFlowElements(graph, layout?.positions ?? null, selectedId);
  const scene = useMemo(
    () => (layout ? buildScene(graph, layout.positions) : null),
    [graph, layout],
  );
  const isZoomedOut = useOverview(graph.nodes.length);
  const firstView = useMemo(
    () => (layout ? startViewport(layout.positions, window.innerHeight - HEADER_HEIGHT) : null),
    [layout],
  );
  const { nodes, edges } = useNodeWindow({
    scene,
    ...elements,
    isEnabled: graph.nodes.length > WINDOW_MIN_NODES && !isZoomedOut,
    firstView,
    headerHeight: HEADER_HEIGHT,
  });

  if (error) return <ErrorState title="Could not lay out this run's graph" error={error} />;
  if (!layout || !scene)
    return <LoadingState label={`Laying out ${graph.nodes.length.toLocaleString()} nodes…`} />;

  const pick = (node: GraphNode) => {
    setSearching(false);
    onSelect(node);
    const position = layout.positions[node.id];
    if (position)
      void flow.setCenter(position.x + 60, position.y + 30, { zoom: 1.2, duration: 300 });
  };
  // Zoomed out there are no DOM nodes: a click picks the shape under the pointer.
  const onPaneClick = (event: React.MouseEvent) => {
    if (!isZoomedOut) return onSelect(null);
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onSelect(nodeAt(scene, point.x, point.y, 4 / flow.getZoom())?.node ?? null);
  };
  // Enter or Space on a focused node opens it, like a click.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const id = (event.target as HTMLElement).closest(".react-flow__node")?.getAttribute("data-id");
    const node = graph.nodes.find((n) => n.id === id);
    if (node) onSelect(node);
  };
  return (
    <div
      ref={container}
      className="dag"
      aria-busy="false"
      data-layout={layout.algorithm}
      data-layout-ms={Math.round(layout.milliseconds)}
    >
      <ReactFlow<FlowNode>
        nodes={isZoomedOut ? NO_NODES : nodes}
        edges={isZoomedOut ? NO_EDGES : edges}
        nodeTypes={NODE_TYPES}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        minZoom={0.02}
        maxZoom={2.5}
        fitView={isFitWhole}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={firstView ?? undefined}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => onSelect(graph.nodes.find((n) => n.id === node.id) ?? null)}
        onPaneClick={onPaneClick}
        onKeyDown={onKeyDown}
        aria-label="Run graph"
      >
        <GraphGrid />
        {isZoomedOut ? <GraphCanvas scene={scene} selectedId={selectedId} /> : null}
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <ControlButton
            onClick={() => void flow.fitBounds(scene.bounds, { padding: 0.1, duration: 200 })}
            aria-label="Fit view"
            title="Fit view"
          >
            <FitIcon />
          </ControlButton>
        </Controls>
        <Panel position="bottom-right">
          <GraphMinimap scene={scene} />
        </Panel>
        <Panel position="top-left">
          <GraphLegend />
        </Panel>
        <Panel position="top-right">
          <button type="button" className="button small" onClick={() => setSearching(true)}>
            Find node <kbd>Ctrl</kbd>
            <kbd>K</kbd>
          </button>
        </Panel>
      </ReactFlow>
      {searching ? (
        <NodeSearch nodes={graph.nodes} onPick={pick} onClose={() => setSearching(false)} />
      ) : null}
    </div>
  );
}

/** Four corners: the whole graph in view. */
function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}
