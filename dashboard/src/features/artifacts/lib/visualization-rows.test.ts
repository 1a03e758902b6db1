import { describe, expect, it } from "vitest";
import type { ArtifactVersion, Visualization } from "@/api/types";
import { isChartRow, visualizationRows } from "@/features/artifacts/lib/visualization-rows";

function version(id: string, visualizations: [string, Visualization["type"]][]): ArtifactVersion {
  return {
    id,
    visualizations: visualizations.map(([name, type]) => ({ name, type, uri: `${id}/${name}` })),
  } as ArtifactVersion;
}

describe("visualizationRows", () => {
  it("lines visualizations up by name, leaving a gap where a version lacks one", () => {
    const rows = visualizationRows([
      version("a", [
        ["confusion matrix", "chart"],
        ["report", "table"],
      ]),
      undefined,
      version("c", [
        ["report", "table"],
        ["roc", "chart"],
      ]),
    ]);

    expect(rows.map((row) => row.name)).toEqual(["confusion matrix", "report", "roc"]);
    expect(rows[1]?.cells.map((cell) => cell?.index)).toEqual([1, undefined, 0]);
    expect(rows[0]?.cells.map((cell) => cell?.artifactVersionId)).toEqual([
      "a",
      undefined,
      undefined,
    ]);
  });

  it("shares axes only in a row of two or more charts", () => {
    const [charts, lone] = visualizationRows([
      version("a", [
        ["loss", "chart"],
        ["only here", "chart"],
      ]),
      version("b", [["loss", "chart"]]),
    ]);

    expect(charts && isChartRow(charts)).toBe(true);
    expect(lone && isChartRow(lone)).toBe(false);
  });
});
