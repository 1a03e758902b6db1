/** Whether the server's event stream is connected: views poll only while it is not. */
import { useSyncExternalStore } from "react";

export type LiveState = "connecting" | "live" | "offline";

/** How often views refresh themselves while the event stream is unavailable. */
export const POLL_MS = 4000;

let state: LiveState = "connecting";
const listeners = new Set<() => void>();

export function setLiveState(next: LiveState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, () => state);
}

/** A `refetchInterval` for queries that events keep fresh: poll only while offline. */
export function usePollWhileOffline(): number | false {
  return useLiveState() === "live" ? false : POLL_MS;
}
