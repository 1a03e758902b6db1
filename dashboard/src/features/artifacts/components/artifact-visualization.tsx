import type { Visualization } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useVisualizationText, visualizationUrl } from "@/features/artifacts/api/get-visualization";
import { ChartVisualization } from "@/features/artifacts/components/chart-visualization";
import { CsvTable } from "@/features/artifacts/components/csv-table";
import { JsonTree } from "@/features/artifacts/components/json-tree";
import { MarkdownView } from "@/features/artifacts/components/markdown-view";
import { TableVisualization } from "@/features/artifacts/components/table-visualization";

export interface ArtifactVisualizationProps {
  artifactVersionId: string;
  index: number;
  visualization: Visualization;
  /** Switches to an image of the same data, offered when a chart cannot be drawn. */
  onShowImage?: () => void;
}

function TextVisualization({
  artifactVersionId,
  index,
  visualization,
  onShowImage,
}: ArtifactVisualizationProps) {
  const text = useVisualizationText(artifactVersionId, index);
  return (
    <QueryView
      query={text}
      loadingLabel="Loading the visualization…"
      errorTitle="Could not load this visualization"
    >
      {(content) => {
        if (visualization.type === "chart")
          return (
            <ChartVisualization
              text={content}
              name={visualization.name}
              onShowImage={onShowImage}
            />
          );
        if (visualization.type === "table")
          return <TableVisualization text={content} label={visualization.name} />;
        if (visualization.type === "csv")
          return <CsvTable text={content} label={visualization.name} />;
        if (visualization.type === "markdown")
          return <MarkdownView text={content} title={visualization.name} />;
        try {
          return (
            <div className="json-tree">
              <JsonTree value={JSON.parse(content)} />
            </div>
          );
        } catch {
          return <pre className="code">{content}</pre>;
        }
      }}
    </QueryView>
  );
}

/** One visualization: chart, image, table, tree, markdown, or HTML in a locked-down frame. */
export function ArtifactVisualization(props: ArtifactVisualizationProps) {
  const { artifactVersionId, index, visualization } = props;
  const url = visualizationUrl(artifactVersionId, index);
  switch (visualization.type) {
    case "image":
      return <img className="viz-image" src={url} alt={visualization.name} />;
    case "html":
      // No allow-same-origin: the page cannot read the dashboard's cookies or call its API.
      return (
        <iframe
          className="viz-frame"
          title={visualization.name}
          src={url}
          sandbox="allow-scripts"
        />
      );
    case "chart":
    case "table":
    case "csv":
    case "json":
    case "markdown":
      return <TextVisualization {...props} />;
  }
}
