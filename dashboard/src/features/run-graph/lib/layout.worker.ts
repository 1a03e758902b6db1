/** Web Worker: lays out a run's graph off the main thread so the page stays responsive. */
import type { ELK } from "elkjs/lib/elk-api";
import { type LayoutRequest, layoutGraph } from "@/features/run-graph/lib/graph-layout";

let elk: ELK | null = null;

async function loadElk(): Promise<ELK> {
  if (!elk) {
    const { default: ElkConstructor } = await import("elkjs/lib/elk.bundled.js");
    elk = new ElkConstructor();
  }
  return elk;
}

self.onmessage = async (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    const result = await layoutGraph(request, loadElk);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
