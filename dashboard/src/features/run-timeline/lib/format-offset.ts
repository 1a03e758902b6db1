/** Axis labels: "0 s", "1.5 s", "2 min", "1 h 30 min". */
export function formatOffset(ms: number): string {
  if (ms === 0) return "0";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000) {
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${Math.floor(ms / 60_000)} min${seconds ? ` ${seconds} s` : ""}`;
  }
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  return `${Math.floor(ms / 3_600_000)} h${minutes ? ` ${minutes} min` : ""}`;
}
