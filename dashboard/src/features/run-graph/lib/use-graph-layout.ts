/** Lay a graph out in a Web Worker; the answer for an older graph is dropped. */
import { useEffect, useRef, useState } from "react";
import type { RunGraph } from "@/features/run-graph/lib/build-graph";
import type { LayoutRequest, LayoutResult } from "@/features/run-graph/lib/graph-layout";
import { nodeSize } from "@/features/run-graph/lib/node-size";

type WorkerAnswer = { id: number; result: LayoutResult } | { id: number; error: string };

export interface GraphLayoutState {
  layout: LayoutResult | null;
  error: string | null;
}

/** The layout's shape only: ids and edges. Status changes reuse the last layout. */
export function layoutSignature(graph: RunGraph): string {
  return `${graph.nodes.length}:${graph.edges.length}:${graph.nodes.at(-1)?.id ?? ""}:${graph.edges.at(-1)?.id ?? ""}`;
}

export function useGraphLayout(graph: RunGraph): GraphLayoutState {
  const worker = useRef<Worker | null>(null);
  const requestId = useRef(0);
  const [state, setState] = useState<GraphLayoutState>({ layout: null, error: null });
  const signature = layoutSignature(graph);
  const graphRef = useRef(graph);
  graphRef.current = graph;

  useEffect(() => {
    const instance = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.current = instance;
    return () => instance.terminate();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: relayout only when the shape changes
  useEffect(() => {
    const instance = worker.current;
    if (!instance) return;
    const id = ++requestId.current;
    const current = graphRef.current;
    const request: LayoutRequest = {
      nodes: current.nodes.map((n) => ({ id: n.id, ...nodeSize(n.data.kind) })),
      edges: current.edges.map((e) => ({ source: e.source, target: e.target })),
    };
    const onMessage = (event: MessageEvent<WorkerAnswer>) => {
      if (event.data.id !== requestId.current) return;
      if ("error" in event.data) setState({ layout: null, error: event.data.error });
      else setState({ layout: event.data.result, error: null });
    };
    instance.addEventListener("message", onMessage);
    instance.postMessage({ id, request });
    return () => instance.removeEventListener("message", onMessage);
  }, [signature]);

  return state;
}
