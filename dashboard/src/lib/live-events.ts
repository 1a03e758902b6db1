/**
 * Live updates: listen to the server's event stream and refetch what changed. Events are
 * batched (at most a few refetches a second) so a 10,000-step run does not flood the page,
 * and each refetches only the queries of what it is about (see `keysToRefetch`).
 */
import { type QueryClient, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { API_BASE } from "@/lib/api-client";
import { type LiveState, setLiveState, useLiveState } from "@/lib/live-status";
import { queryScopes } from "@/lib/query-scopes";

const FLUSH_MS = 400;
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

/** Refetch (or mark stale) every query a batch of events is about. */
export function invalidateLive(client: QueryClient, events: Iterable<LiveEvent>): void {
  for (const queryKey of keysToRefetch(events)) {
    void client.invalidateQueries({ queryKey });
  }
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
        invalidateLive(client, pending);
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
