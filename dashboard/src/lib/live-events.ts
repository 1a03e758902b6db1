/**
 * Live updates: listen to the server's event stream and refresh what changed. Events are
 * batched (a flush at most every `FLUSH_MS`) so a 10,000-step run does not flood the page,
 * and each refetches only the queries of what it is about (see `keysToRefetch`). A run
 * DAG the page holds is patched with the changed steps instead of fetched whole (see
 * `planLive`), so a step change shows within a fraction of a second on a 5,000-step run.
 */
import { hashKey, type QueryClient, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { RunDag, RunDagPatch } from "@/api/types";
import { API_BASE, api, unwrap } from "@/lib/api-client";
import { MAX_PATCH_STEPS, mergeDagPatch } from "@/lib/dag-patch";
import { type LiveState, setLiveState, useLiveState } from "@/lib/live-status";
import { queryScopes } from "@/lib/query-scopes";

// Short enough that a change reaches the page within 200 ms of the server's poll.
const FLUSH_MS = 80;
/** The server names each event by what changed (see the API's `stream_events`). */
const EVENT_NAMES = ["run", "step_run"] as const;

/** What an event is about; `unknown` when it cannot be read (refetch broadly). */
export type LiveEvent =
  | { entity: "run"; runId: string }
  | { entity: "step_run"; runId: string; stepRunId: string }
  | { entity: "unknown" };

const UNKNOWN: LiveEvent = { entity: "unknown" };

function readRecord(data: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === "object" && parsed !== null ? { ...parsed } : null;
  } catch {
    // A keep-alive or a message we do not understand.
    return null;
  }
}

/** The run or step run a server event (a `StoreEvent`) is about. */
export function readEvent(data: string): LiveEvent {
  const record = readRecord(data);
  if (record === null) return UNKNOWN;
  const { entity, entity_id: entityId, run_id: runId } = record;
  if (typeof runId !== "string") return UNKNOWN;
  if (entity === "run") return { entity, runId };
  if (entity === "step_run" && typeof entityId === "string") {
    return { entity, runId, stepRunId: entityId };
  }
  return UNKNOWN;
}

function keysOf(event: LiveEvent): QueryKey[] {
  switch (event.entity) {
    case "run":
      return [queryScopes.runLists(), queryScopes.pipelines(), queryScopes.run(event.runId)];
    case "step_run":
      return [queryScopes.runSteps(event.runId), queryScopes.stepRun(event.stepRunId)];
    case "unknown":
      return [queryScopes.runLists(), queryScopes.pipelines(), ["run"], ["step-run"]];
  }
}

/**
 * The query key prefixes a batch of events refetches, each once: a run event its run's
 * queries, the run lists and the pipelines; a step run event its run's steps and that step
 * run's queries (its log included), never another step's.
 */
export function keysToRefetch(events: Iterable<LiveEvent>): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  for (const event of events) {
    for (const key of keysOf(event)) keys.set(JSON.stringify(key), key);
  }
  return [...keys.values()];
}

/** What a batch of events does: refetch some queries, patch some run DAGs. */
export interface LivePlan {
  keys: QueryKey[];
  /** Run id -> the step runs whose part of its DAG to fetch and fold in (maybe none:
   * a run event patches the DAG's run alone). These DAGs are not refetched. */
  patches: Map<string, string[]>;
}

/**
 * The plan for a batch: the queries `keysToRefetch` names, except that a run whose DAG
 * `canPatch` gets that DAG patched with its changed steps (up to `MAX_PATCH_STEPS`).
 */
export function planLive(
  events: Iterable<LiveEvent>,
  canPatch: (runId: string) => boolean,
): LivePlan {
  const all = [...events];
  const patches = new Map<string, Set<string>>();
  for (const event of all) {
    if (event.entity === "unknown" || !canPatch(event.runId)) continue;
    const ids = patches.get(event.runId) ?? new Set<string>();
    if (event.entity === "step_run") ids.add(event.stepRunId);
    patches.set(event.runId, ids);
  }
  const planned = new Map<string, string[]>();
  for (const [runId, ids] of patches) {
    if (ids.size <= MAX_PATCH_STEPS) planned.set(runId, [...ids]);
  }
  return { keys: keysToRefetch(all), patches: planned };
}

/** The part of a run's DAG about some of its step runs. */
export function fetchDagPatch(runId: string, stepRunIds: string[]): Promise<RunDagPatch> {
  return unwrap(
    api.GET("/api/v1/runs/{run_id}/dag/steps", {
      params: { path: { run_id: runId }, query: { step_run_id: stepRunIds } },
    }),
  );
}

/** A DAG query's hash, as TanStack Query computes it for its key. */
function dagKey(runId: string): string {
  return hashKey(queryScopes.runDag(runId));
}

/** Whether the page holds a run's DAG that is not being fetched right now. */
function holdsDag(client: QueryClient, runId: string): boolean {
  const state = client.getQueryState(queryScopes.runDag(runId));
  return state?.data !== undefined && state.fetchStatus === "idle";
}

async function patchDag(
  client: QueryClient,
  runId: string,
  stepRunIds: string[],
  fetchPatch: typeof fetchDagPatch,
): Promise<void> {
  try {
    const patch = await fetchPatch(runId, stepRunIds);
    client.setQueryData<RunDag>(queryScopes.runDag(runId), (dag) =>
      dag === undefined ? dag : mergeDagPatch(dag, patch),
    );
  } catch {
    // The patch could not be read: fetch the whole DAG instead.
    await client.invalidateQueries({ queryKey: queryScopes.runSteps(runId) });
  }
}

/** Refresh every query a batch of events is about: patch held DAGs, refetch the rest. */
export async function invalidateLive(
  client: QueryClient,
  events: Iterable<LiveEvent>,
  fetchPatch: typeof fetchDagPatch = fetchDagPatch,
): Promise<void> {
  const plan = planLive(events, (runId) => holdsDag(client, runId));
  const patched = new Set([...plan.patches.keys()].map((runId) => dagKey(runId)));
  const work: Promise<unknown>[] = plan.keys.map((queryKey) =>
    client.invalidateQueries({ queryKey, predicate: (query) => !patched.has(query.queryHash) }),
  );
  for (const [runId, ids] of plan.patches) work.push(patchDag(client, runId, ids, fetchPatch));
  await Promise.all(work);
}

/** Subscribe once for the whole app; returns whether the stream is connected. */
export function useLiveEvents(): LiveState {
  const client = useQueryClient();
  const state = useLiveState();
  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setLiveState("offline");
      return;
    }
    const source = new EventSource(`${API_BASE}/events`);
    let pending: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onMessage = (event: MessageEvent<string>) => {
      pending.push(readEvent(event.data));
      timer ??= setTimeout(() => {
        void invalidateLive(client, pending);
        pending = [];
        timer = null;
      }, FLUSH_MS);
    };
    source.onopen = () => setLiveState("live");
    source.onerror = () => setLiveState("offline");
    source.onmessage = onMessage;
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, onMessage);
    }
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
  return state;
}
