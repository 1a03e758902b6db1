/** Lineage two hops from a version: the artifacts its run's steps read. */
import type { components } from "@/api/schema.gen";

type Schemas = components["schemas"];

/** The parts of a run's DAG (`GET /runs/{id}/dag`) its inputs are read from. */
export interface RunDagParts {
  artifacts: Pick<
    Schemas["DagArtifact"],
    "id" | "artifact_name" | "version" | "producer_step_run_id"
  >[];
  edges: Pick<Schemas["DagEdge"], "kind" | "artifact_version_id">[];
  steps: Pick<Schemas["DagStep"], "id">[];
}

export interface RunInput {
  artifactVersionId: string;
  name: string;
  version: number;
  /** Made by an earlier run rather than a step of this one. */
  isFromElsewhere: boolean;
}

/** Every artifact version a step of the run read, once each, by name. */
export function runInputs(dag: RunDagParts): RunInput[] {
  const byId = new Map(dag.artifacts.map((artifact) => [artifact.id, artifact]));
  const stepIds = new Set(dag.steps.map((step) => step.id));
  const read = new Set(
    dag.edges.filter((edge) => edge.kind === "input").map((edge) => edge.artifact_version_id),
  );
  return [...read]
    .flatMap((id) => {
      const artifact = byId.get(id);
      if (!artifact) return [];
      const producer = artifact.producer_step_run_id;
      return [
        {
          artifactVersionId: id,
          name: artifact.artifact_name,
          version: artifact.version,
          isFromElsewhere: producer === null || !stepIds.has(producer),
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
