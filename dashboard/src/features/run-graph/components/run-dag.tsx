import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState } from "react";
import type { RunDag } from "@/api/types";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ArtifactNode } from "@/features/run-graph/components/artifact-node";
import { GraphLegend } from "@/features/run-graph/components/graph-legend";
import { NodeSearch } from "@/features/run-graph/components/node-search";
import { StepNode } from "@/features/run-graph/components/step-node";
import {
  buildRunGraph,
  type GraphNode,
  type GraphNodeData,
} from "@/features/run-graph/lib/build-graph";
import { nodeSize } from "@/features/run-graph/lib/node-size";
import {
  FIT_VIEW_OPTIONS,
  startViewport,
  useFitOnResize,
} from "@/features/run-graph/lib/use-fit-on-resize";
import { useGraphLayout } from "@/features/run-graph/lib/use-graph-layout";
import { STATUS_STYLES } from "@/lib/status";

const NODE_TYPES = { step: StepNode, artifact: ArtifactNode };
// Roughly the page above the graph: a large graph's first view is set before it mounts.
const HEADER_HEIGHT = 240;

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

/** True once the browser is idle after `ready`: the minimap of a large graph costs about
 * as much as the graph itself, so it mounts after the graph is interactive. */
function useIdleFlag(ready: boolean): boolean {
  const [isIdle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready) return;
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 1500 });
    return () => cancelIdleCallback(handle);
  }, [ready]);
  return isIdle;
}

function useSearchShortcut(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return [open, setOpen];
}

function nodeLabel(data: GraphNodeData): string {
  if (data.kind === "artifact") return `Artifact ${data.name}`;
  return `Step ${data.name}: ${data.isWaiting ? "Waiting" : STATUS_STYLES[data.status].label}`;
}

function RunDagCanvas({ dag, selectedId, onSelect }: RunDagProps) {
  const graph = useMemo(() => buildRunGraph(dag), [dag]);
  const { layout, error } = useGraphLayout(graph);
  const [searching, setSearching] = useSearchShortcut();
  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const isFitWhole = layout !== null && startViewport(layout.positions, 0) === null;
  useFitOnResize(container, isFitWhole ? FIT_VIEW_OPTIONS : null);
  const isLarge = graph.nodes.length > 400;
  const showMiniMap = useIdleFlag(layout !== null);

  const nodes = useMemo((): Node<GraphNodeData>[] => {
    if (!layout) return [];
    return graph.nodes.map((node) => ({
      id: node.id,
      type: node.data.kind,
      data: node.data,
      position: layout.positions[node.id] ?? { x: 0, y: 0 },
      selected: node.id === selectedId,
      ariaRole: "button",
      ariaLabel: nodeLabel(node.data),
      ...nodeSize(node.data.kind),
    }));
  }, [graph, layout, selectedId]);
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.data.name])), [graph]);
  const edges = useMemo(
    (): Edge[] =>
      graph.edges.map((edge) => ({
        ...edge,
        type: isLarge ? "straight" : "default",
        focusable: false,
        // No invisible wide path per edge for hovering: edges are not interactive.
        interactionWidth: 0,
        ariaLabel: `${names.get(edge.source) ?? ""} to ${names.get(edge.target) ?? ""}`,
      })),
    [graph, isLarge, names],
  );

  if (error) return <ErrorState title="Could not lay out this run's graph" error={error} />;
  if (!layout)
    return <LoadingState label={`Laying out ${graph.nodes.length.toLocaleString()} nodes…`} />;

  const pick = (node: GraphNode) => {
    setSearching(false);
    onSelect(node);
    const position = layout.positions[node.id];
    if (position)
      void flow.setCenter(position.x + 60, position.y + 30, { zoom: 1.2, duration: 300 });
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
      <ReactFlow<Node<GraphNodeData>>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        minZoom={0.02}
        maxZoom={2.5}
        fitView={isFitWhole}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={
          startViewport(layout.positions, window.innerHeight - HEADER_HEIGHT) ?? undefined
        }
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => onSelect(graph.nodes.find((n) => n.id === node.id) ?? null)}
        onPaneClick={() => onSelect(null)}
        onKeyDown={onKeyDown}
        aria-label="Run graph"
      >
        <Background gap={24} size={1} color="var(--grid)" />
        <Controls showInteractive={false} position="bottom-left" />
        {showMiniMap ? (
          <MiniMap<Node<GraphNodeData>>
            pannable
            zoomable
            position="bottom-right"
            nodeColor={(node) => STATUS_STYLES[node.data.status].colour}
            ariaLabel="Mini map of the run graph"
          />
        ) : null}
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
