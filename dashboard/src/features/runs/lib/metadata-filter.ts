/** Run metadata conditions as people type them (`accuracy > 0.9`), and as the API takes them. */

const OPERATORS = {
  ">=": "gte",
  "<=": "lte",
  "!=": "notequals",
  ">": "gt",
  "<": "lt",
  "=": "equals",
  "~": "contains",
} as const;

// Longest operators first, so `>=` is never read as `>` followed by `=0.9`.
const CONDITION = /^([A-Za-z_][\w.-]*)\s*(>=|<=|!=|>|<|=|~)\s*(.+)$/;

export interface MetadataFilter {
  /** The API's `metadata` parameters, such as `accuracy:gt:0.9`. */
  conditions: string[];
  /** Every part that could not be read, as typed. */
  problems: string[];
}

/** Read `accuracy > 0.9, loss <= 0.2`: conditions joined by commas or `and`. */
export function parseMetadataFilter(text: string): MetadataFilter {
  const parts = text
    .split(/,|\band\b/i)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const conditions: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const match = CONDITION.exec(part);
    const [, key, operator, value] = match ?? [];
    if (!key || !operator || value === undefined) {
      problems.push(part);
      continue;
    }
    const symbol = operator as keyof typeof OPERATORS;
    conditions.push(`${key}:${OPERATORS[symbol]}:${unquote(value.trim())}`);
  }
  return { conditions, problems };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}
