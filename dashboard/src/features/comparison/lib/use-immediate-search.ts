/**
 * The URL's view state, answered at once: a change shows in the same frame as the click,
 * and the URL (still the source of truth) follows in the next frame, once that one is
 * painted. Toggling "differences only" over 100 runs x 500 keys must feel instant (issue
 * 11: under 50 ms), and writing a URL of 100 run ids, then matching the route again,
 * costs more than that on a busy machine.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CompareSearch } from "@/features/comparison/lib/compare-search";

// A hidden page paints no frames; its URL still follows within this time.
const LATEST_WRITE_MS = 250;

export function useImmediateSearch(
  search: CompareSearch,
  onSearchChange: (patch: Partial<CompareSearch>) => void,
): [CompareSearch, (patch: Partial<CompareSearch>) => void] {
  const [shown, setShown] = useState(search);
  // Changes shown but not yet in the URL, written together after the next frame.
  const pending = useRef<Partial<CompareSearch> | null>(null);
  useEffect(() => {
    // The URL caught up (or changed by itself): keep what is shown when it says the same,
    // so nothing derived from the view state is worked out again.
    setShown((current) => {
      const next = { ...search, ...pending.current };
      return isSameSearch(current, next) ? current : next;
    });
  }, [search]);
  const update = useCallback(
    (patch: Partial<CompareSearch>) => {
      setShown((current) => ({ ...current, ...patch }));
      const isFirst = pending.current === null;
      pending.current = { ...pending.current, ...patch };
      if (!isFirst) return;
      const write = () => {
        const changes = pending.current;
        pending.current = null;
        if (changes) onSearchChange(changes);
      };
      const timer = setTimeout(write, LATEST_WRITE_MS);
      // In the frame after the one that shows the change: that one is painted first.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(timer);
          write();
        }),
      );
    },
    [onSearchChange],
  );
  return [shown, update];
}

/** The same view state, an absent field and an undefined one alike. */
export function isSameSearch(a: CompareSearch, b: CompareSearch): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CompareSearch>;
  return [...fields].every(
    (field) => a[field] === b[field] || JSON.stringify(a[field]) === JSON.stringify(b[field]),
  );
}
