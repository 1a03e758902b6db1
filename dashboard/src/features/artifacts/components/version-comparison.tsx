import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { ArtifactVersion } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { SideBySideVisualizations } from "@/features/artifacts/components/side-by-side-visualizations";
import { VersionDifferences } from "@/features/artifacts/components/version-differences";

export interface VersionComparisonProps {
  artifact: ArtifactVersion;
  otherId: string;
}

function versionColumn(version: ArtifactVersion, isBaseline: boolean) {
  return {
    label: `version ${version.version}`,
    title: (
      <Link to="/artifacts/$artifactVersionId" params={{ artifactVersionId: version.id }}>
        version {version.version}
      </Link>
    ),
    isBaseline,
    version,
    missing: "No such version",
  };
}

function Comparison({ artifact, other }: { artifact: ArtifactVersion; other: ArtifactVersion }) {
  const [isDiffOnly, setDiffOnly] = useState(false);
  if (other.artifact_id !== artifact.artifact_id) {
    return (
      <div className="callout failed" role="alert">
        Version {other.version} of {other.artifact_name} is another artifact's; pick a version of{" "}
        {artifact.artifact_name}.
      </div>
    );
  }
  return (
    <div className="section" style={{ gap: 16 }}>
      <SideBySideVisualizations
        columns={[versionColumn(artifact, true), versionColumn(other, false)]}
      />
      <label className="row compare-toggle">
        <input
          type="checkbox"
          checked={isDiffOnly}
          onChange={(event) => setDiffOnly(event.target.checked)}
        />
        Differences only
      </label>
      <VersionDifferences left={artifact} right={other} isDiffOnly={isDiffOnly} />
    </div>
  );
}

/** This version beside another of the same artifact: visualizations, then metadata. */
export function VersionComparison({ artifact, otherId }: VersionComparisonProps) {
  const other = useArtifactVersion(otherId);
  return (
    <QueryView
      query={other}
      loadingLabel="Loading the other version…"
      errorTitle="Could not load the version to compare with"
    >
      {(data) => <Comparison artifact={artifact} other={data} />}
    </QueryView>
  );
}
