/**
 * A fast layered layout for large runs, where ELK takes seconds: longest-path layers,
 * a few barycenter sweeps to reduce crossings, then rows. Linear in nodes and edges.
 */

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export type Positions = Record<string, { x: number; y: number }>;

const LAYER_GAP = 70;
const ROW_GAP = 18;
const SWEEPS = 4;

/** Layer of each node: the longest path from any source (cycles are broken by order). */
export function assignLayers(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, number> {
  const incoming = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const outgoing = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const edge of edges) {
    if (!incoming.has(edge.source) || !incoming.has(edge.target)) continue;
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
    outgoing.get(edge.source)?.push(edge.target);
  }
  const layer = new Map<string, number>();
  const queue = nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) layer.set(id, 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    for (const target of outgoing.get(id) ?? []) {
      layer.set(target, Math.max(layer.get(target) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (incoming.get(target) ?? 1) - 1;
      incoming.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  for (const node of nodes) if (!layer.has(node.id)) layer.set(node.id, 0);
  return layer;
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sweep(layers: string[][], neighbours: Map<string, string[]>): void {
  const position = new Map<string, number>();
  for (const row of layers) {
    for (const [i, id] of row.entries()) position.set(id, i / Math.max(1, row.length));
  }
  for (const row of layers) {
    const score = new Map<string, number>();
    for (const id of row) {
      const around = (neighbours.get(id) ?? []).filter((n) => position.has(n));
      const sum = around.reduce((total, n) => total + (position.get(n) ?? 0), 0);
      score.set(id, around.length ? sum / around.length : (position.get(id) ?? 0));
    }
    row.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
    for (const [i, id] of row.entries()) position.set(id, i / Math.max(1, row.length));
  }
}

/** Positions (top-left corners) for every node, flowing left to right. */
export function layeredLayout(nodes: LayoutNode[], edges: LayoutEdge[]): Positions {
  const layerOf = assignLayers(nodes, edges);
  const layers: string[][] = [];
  for (const node of nodes) {
    const index = layerOf.get(node.id) ?? 0;
    const layer = layers[index] ?? [];
    layer.push(node.id);
    layers[index] = layer;
  }
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    append(predecessors, edge.target, edge.source);
    append(successors, edge.source, edge.target);
  }
  for (let i = 0; i < SWEEPS; i++) {
    sweep(layers, predecessors);
    sweep([...layers].reverse(), successors);
  }
  return place(layers, new Map(nodes.map((n) => [n.id, n])));
}

/** A layer wider than this wraps into several columns, so a fan-out stays compact. */
export const MAX_ROWS = 30;
const WRAP_GAP = 24;

function place(layers: string[][], byId: Map<string, LayoutNode>): Positions {
  const positions: Positions = {};
  let x = 0;
  for (const layer of layers) {
    if (!layer) continue;
    for (let start = 0; start < layer.length; start += MAX_ROWS) {
      const column = layer.slice(start, start + MAX_ROWS);
      const width = placeColumn(column, byId, x, positions);
      x += width + (start + MAX_ROWS < layer.length ? WRAP_GAP : LAYER_GAP);
    }
  }
  return positions;
}

/** Stack one column of nodes centred on y = 0; returns the column's width. */
function placeColumn(
  column: string[],
  byId: Map<string, LayoutNode>,
  x: number,
  positions: Positions,
): number {
  const width = Math.max(...column.map((id) => byId.get(id)?.width ?? 0));
  const heights = column.map((id) => byId.get(id)?.height ?? 0);
  let y = -heights.reduce((sum, h) => sum + h + ROW_GAP, -ROW_GAP) / 2;
  for (const [i, id] of column.entries()) {
    const node = byId.get(id);
    if (node) positions[id] = { x: x + (width - node.width) / 2, y };
    y += (heights[i] ?? 0) + ROW_GAP;
  }
  return width;
}
