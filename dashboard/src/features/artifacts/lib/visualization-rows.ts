/** Artifact versions' visualizations lined up by name, one row per name, for columns. */
import type { ArtifactVersion, Visualization } from "@/api/types";

export interface VisualizationCell {
  artifactVersionId: string;
  index: number;
  visualization: Visualization;
}

export interface VisualizationRow {
  name: string;
  /** One cell per column; undefined where that column's version has no such visualization. */
  cells: (VisualizationCell | undefined)[];
}

/** Rows in the order the first column that has each name shows it. */
export function visualizationRows(versions: (ArtifactVersion | undefined)[]): VisualizationRow[] {
  const names: string[] = [];
  for (const version of versions) {
    for (const visualization of version?.visualizations ?? []) {
      if (!names.includes(visualization.name)) names.push(visualization.name);
    }
  }
  return names.map((name) => ({
    name,
    cells: versions.map((version) => {
      const index = version?.visualizations.findIndex((v) => v.name === name) ?? -1;
      const visualization = version?.visualizations[index];
      return version && visualization
        ? { artifactVersionId: version.id, index, visualization }
        : undefined;
    }),
  }));
}

/** Whether every present cell of a row is a chart, so the row can share its axes. */
export function isChartRow(row: VisualizationRow): boolean {
  const present = row.cells.filter((cell) => cell !== undefined);
  return present.length >= 2 && present.every((cell) => cell.visualization.type === "chart");
}
