/**
 * Live updates: listen to the server's event stream and refetch what changed. Events are
 * batched (at most a few refetches a second) so a 10,000-step run does not flood the page.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { API_BASE } from "@/lib/api-client";
import { type LiveState, setLiveState, useLiveState } from "@/lib/live-status";

const FLUSH_MS = 400;
/** The server names each event by what changed (see the API's `stream_events`). */
const EVENT_NAMES = ["run", "step_run"] as const;

interface LiveEvent {
  runId: string | null;
}

/** The run an event is about (null when it cannot be read: refetch broadly). */
export function readEvent(data: string): LiveEvent {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === "object" && parsed !== null) {
      const record = parsed as Record<string, unknown>;
      const runId = record.run_id ?? (record.kind === "run" ? record.id : null);
      return { runId: typeof runId === "string" ? runId : null };
    }
  } catch {
    // A keep-alive or a message we do not understand: refetch broadly.
  }
  return { runId: null };
}

function invalidate(client: QueryClient, runIds: Set<string | null>): void {
  void client.invalidateQueries({ queryKey: ["runs", "list"] });
  void client.invalidateQueries({ queryKey: ["pipelines"] });
  for (const runId of runIds) {
    if (runId === null) {
      void client.invalidateQueries({ queryKey: ["runs"] });
      void client.invalidateQueries({ queryKey: ["steps"] });
      return;
    }
    void client.invalidateQueries({ queryKey: ["runs", "detail", runId] });
    void client.invalidateQueries({ queryKey: ["runs", "dag", runId] });
  }
  void client.invalidateQueries({ queryKey: ["steps"] });
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
    let pending = new Set<string | null>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onMessage = (event: MessageEvent<string>) => {
      pending.add(readEvent(event.data).runId);
      timer ??= setTimeout(() => {
        invalidate(client, pending);
        pending = new Set();
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
