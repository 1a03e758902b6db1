import { Link } from "@tanstack/react-router";
import type { ArtifactVersion } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { SideBySideVisualizations } from "@/features/artifacts/components/side-by-side-visualizations";
import { VersionDifferences } from "@/features/artifacts/components/version-differences";

export interface VersionComparisonProps {
  artifact: ArtifactVersion;
  otherId: string;
  isDiffOnly: boolean;
  onDiffOnly: (isDiffOnly: boolean) => void;
}

interface ComparisonProps extends Omit<VersionComparisonProps, "otherId"> {
  other: ArtifactVersion;
}

function versionColumn(version: ArtifactVersion, mark?: string) {
  return {
    label: `version ${version.version}`,
    title: (
      <Link to="/artifacts/$artifactVersionId" params={{ artifactVersionId: version.id }}>
        version {version.version}
      </Link>
    ),
    mark,
    version,
    missing: "No such version",
  };
}

function Comparison({ artifact, other, isDiffOnly, onDiffOnly }: ComparisonProps) {
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
        columns={[versionColumn(artifact, "this version"), versionColumn(other)]}
      />
      <VersionDifferences
        left={artifact}
        right={other}
        isDiffOnly={isDiffOnly}
        onDiffOnly={onDiffOnly}
      />
    </div>
  );
}

/** This version beside another of the same artifact: visualizations, then metadata. */
export function VersionComparison({ otherId, ...props }: VersionComparisonProps) {
  const other = useArtifactVersion(otherId);
  return (
    <QueryView
      query={other}
      loadingLabel="Loading the other version…"
      errorTitle="Could not load the version to compare with"
    >
      {(data) => <Comparison {...props} other={data} />}
    </QueryView>
  );
}
