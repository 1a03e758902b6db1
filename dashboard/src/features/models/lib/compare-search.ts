/** The compare page's URL state: which version numbers, and which one is the baseline. */

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 10;

export interface CompareSearch {
  /** Version numbers in the order shown, comma separated, without repeats, at most ten. */
  versions: string;
  /** The version deltas are measured against; the first one when absent. */
  baseline?: number;
}

function readNumbers(raw: unknown): number[] {
  const text = Array.isArray(raw) ? raw.join(",") : typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string") return [];
  const numbers = text
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(numbers)].slice(0, MAX_COMPARED);
}

/** `?versions=3,1,2&baseline=1` read leniently: bad numbers are dropped, not errors. */
export function parseCompareSearch(raw: Record<string, unknown>): CompareSearch {
  const numbers = readNumbers(raw.versions);
  const baseline = Number(raw.baseline);
  const versions = numbers.join(",");
  return numbers.includes(baseline) ? { versions, baseline } : { versions };
}

/** The compared version numbers of a (parsed) search. */
export function comparedNumbers(search: Pick<CompareSearch, "versions">): number[] {
  return readNumbers(search.versions);
}

/** The search of a compare link: `versions` as one comma list. */
export function compareLinkSearch(versions: number[], baseline?: number): CompareSearch {
  const search: CompareSearch = { versions: versions.join(",") };
  if (baseline !== undefined) search.baseline = baseline;
  return search;
}
