import type { ComponentType } from "react";
import type { ArtifactVersion } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import type { ComparedRun, Comparison } from "@/features/comparison/api/compare-runs";
import { useArtifactVersionLookup, useRunSteps } from "@/features/comparison/api/list-run-outputs";
import { OutputPicker } from "@/features/comparison/components/output-picker";
import type { CompareSearch } from "@/features/comparison/lib/compare-search";
import {
  defaultOutput,
  MAX_VISUALIZED_RUNS,
  outputChoices,
  outputVersionIds,
  visualizedColumns,
} from "@/features/comparison/lib/run-outputs";
import type { ComparisonView } from "@/features/comparison/lib/use-comparison-view";

/** One run's column: its version of the chosen output, if it made one. */
export interface OutputColumn {
  run: ComparedRun;
  isBaseline: boolean;
  artifactVersion: ArtifactVersion | undefined;
}

/** Draws the columns' visualizations; the page's route hands in the artifacts' renderer. */
export type OutputVisualizations = ComponentType<{ columns: OutputColumn[] }>;

export interface VisualizationsViewProps {
  comparison: Comparison;
  view: ComparisonView;
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
  Visualizations: OutputVisualizations;
}

interface ColumnsProps {
  runs: ComparedRun[];
  baseline: string;
  versionIds: (string | undefined)[];
  Visualizations: OutputVisualizations;
}

function Columns({ runs, baseline, versionIds, Visualizations }: ColumnsProps) {
  const ids = versionIds.filter((id): id is string => id !== undefined);
  const versions = useArtifactVersionLookup(ids);
  if (ids.length === 0) {
    return <EmptyState title="None of these runs made this output." />;
  }
  return (
    <QueryView
      query={versions}
      loadingLabel="Loading the outputs…"
      errorTitle="Could not load the outputs"
    >
      {(found) => (
        <Visualizations
          columns={runs.map((run, index) => {
            const id = versionIds[index];
            return {
              run,
              isBaseline: run.id === baseline,
              artifactVersion: id === undefined ? undefined : found.items[id],
            };
          })}
        />
      )}
    </QueryView>
  );
}

/** Up to ten runs' versions of one step output, one column per run, the baseline marked. */
export function VisualizationsView({
  comparison,
  view,
  search,
  onSearchChange,
  Visualizations,
}: VisualizationsViewProps) {
  const columns = visualizedColumns(view.table.columns, view.baseline);
  const runs = columns.flatMap((column) => comparison.runs[column] ?? []);
  const runIds = runs.map((run) => run.id);
  const steps = useRunSteps(runIds);
  const baseline = comparison.runs[view.baseline]?.id ?? "";
  return (
    <div className="card compare-chart-card compare-visualizations">
      <QueryView
        query={steps}
        loadingLabel="Loading the runs' outputs…"
        errorTitle="Could not load the runs' outputs"
      >
        {(page) => {
          const choices = outputChoices(page.items);
          const chosen =
            choices.find((c) => c.step === search.step && c.output === search.output) ??
            defaultOutput(choices);
          if (!chosen) return <EmptyState title="These runs have no outputs to show." />;
          return (
            <>
              <OutputPicker
                choices={choices}
                runCount={runs.length}
                step={chosen.step}
                output={chosen.output}
                onChange={(step, output) => onSearchChange({ step, output })}
              />
              {view.table.columns.length > runs.length ? (
                <div className="callout">
                  Showing {runs.length} of {view.table.columns.length} runs: at most{" "}
                  {MAX_VISUALIZED_RUNS} fit side by side. Remove runs, sort them or brush the
                  parallel coordinates to choose which.
                </div>
              ) : null}
              <Columns
                runs={runs}
                baseline={baseline}
                versionIds={outputVersionIds(page.items, runIds, chosen.step, chosen.output)}
                Visualizations={Visualizations}
              />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
