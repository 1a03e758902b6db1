import { useState } from "react";
import type { ArtifactVersion } from "@/api/types";
import { KeyValues } from "@/components/ui/key-values";
import { artifactFileUrl, useArtifactFiles } from "@/features/artifacts/api/list-artifact-files";
import { ArtifactLineage } from "@/features/artifacts/components/artifact-lineage";
import { ArtifactVisualization } from "@/features/artifacts/components/artifact-visualization";
import { formatBytes, formatDateTime, formatValue } from "@/lib/format";

export interface ArtifactDetailsProps {
  artifact: ArtifactVersion;
  /** The run it is shown in, if any: that run's steps are marked in the lineage. */
  runId?: string;
}

function Files({ artifactVersionId }: { artifactVersionId: string }) {
  const files = useArtifactFiles(artifactVersionId);
  if (!files.data) return null;
  return (
    <span className="row">
      {files.data.map((file) => (
        <a
          key={file.path}
          className="button small"
          href={artifactFileUrl(artifactVersionId, file.path)}
          download
        >
          ⤓ {file.path} <span className="faint">{formatBytes(file.size_bytes)}</span>
        </a>
      ))}
    </span>
  );
}

function VisualizationSection({ artifact, index }: { artifact: ArtifactVersion; index: number }) {
  const visualization = artifact.visualizations[index];
  if (!visualization) return null;
  return (
    <section className="section" aria-label={`Visualization ${visualization.name}`}>
      <h3>{visualization.name}</h3>
      <ArtifactVisualization
        artifactVersionId={artifact.id}
        index={index}
        visualization={visualization}
      />
    </section>
  );
}

function Visualizations({ artifact }: { artifact: ArtifactVersion }) {
  const [isImageOpen, setImageOpen] = useState(false);
  const views = artifact.visualizations;
  if (views.length === 0) {
    return <span className="faint">This type has no visualization; download its files below.</span>;
  }
  const charts = views.flatMap((view, index) => (view.type === "chart" ? [{ view, index }] : []));
  // Only an array's views (charts beside images of the same data) fold the images away.
  const isArrayPair = views.every((view) => view.type === "chart" || view.type === "image");
  if (charts.length === 0 || !isArrayPair) {
    return views.map((view, index) => (
      <VisualizationSection key={view.uri} artifact={artifact} index={index} />
    ));
  }
  // An array's chart comes first; its PNG stays one click away, for when it cannot be drawn.
  return (
    <>
      {charts.map(({ view, index }) => (
        <section key={view.uri} className="section" aria-label={`Visualization ${view.name}`}>
          <ArtifactVisualization
            artifactVersionId={artifact.id}
            index={index}
            visualization={view}
            onShowImage={() => setImageOpen(true)}
          />
        </section>
      ))}
      {views.map((view, index) =>
        view.type === "chart" ? null : (
          <details
            key={view.uri}
            className="viz-fallback"
            open={isImageOpen}
            onToggle={(event) => setImageOpen(event.currentTarget.open)}
          >
            <summary>{view.name} (image)</summary>
            <VisualizationSection artifact={artifact} index={index} />
          </details>
        ),
      )}
    </>
  );
}

/** Visualizations first (what it looks like), then facts, lineage, metadata and files. */
export function ArtifactDetails({ artifact, runId }: ArtifactDetailsProps) {
  const metadata = Object.values(artifact.metadata);
  return (
    <div className="section" style={{ gap: 16 }}>
      <Visualizations artifact={artifact} />
      <KeyValues
        items={[
          ["Type", <code key="t">{artifact.data_type}</code>],
          ["Size", formatBytes(artifact.size_bytes)],
          ["Version", String(artifact.version)],
          ["Created", formatDateTime(artifact.created)],
          ["Materializer", <code key="m">{artifact.materializer}</code>],
          ["Content hash", <code key="h">{artifact.content_hash.slice(0, 16)}</code>],
          ["Tags", artifact.tags.length ? artifact.tags.join(", ") : "—"],
          ["Download", <Files key="f" artifactVersionId={artifact.id} />],
        ]}
      />
      <ArtifactLineage artifact={artifact} runId={runId} />
      <section className="section" aria-label="Artifact metadata">
        <h3>Metadata</h3>
        {metadata.length === 0 ? (
          <span className="faint">No metadata.</span>
        ) : (
          <KeyValues
            items={metadata.map((e) => [e.key, <code key={e.key}>{formatValue(e.value)}</code>])}
          />
        )}
      </section>
    </div>
  );
}
