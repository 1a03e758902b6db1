/** The current time, ticking every second while `isLive` (so running bars grow). */
import { useEffect, useState } from "react";

export function useNow(isLive: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isLive) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [isLive, intervalMs]);
  return isLive ? now : Date.now();
}
