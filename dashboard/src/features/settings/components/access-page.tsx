import { AccessExplainer } from "@/features/settings/components/access-explainer";
import { AccessHierarchy } from "@/features/settings/components/access-hierarchy";

export interface AccessPageProps {
  project?: string;
}

/** The explainer and the permission hierarchy. */
export function AccessPage({ project }: AccessPageProps) {
  return (
    <div className="section">
      <AccessExplainer />
      <AccessHierarchy project={project} />
    </div>
  );
}
