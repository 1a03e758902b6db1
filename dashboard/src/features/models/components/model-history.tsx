import { useNavigate } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useModelHistory } from "@/features/models/api/list-stage-transitions";
import { StageTimeline } from "@/features/models/components/stage-timeline";
import type { Model } from "@/features/models/lib/model-types";
import type { TimelineSpacing } from "@/features/models/lib/stage-timeline";
import { formatCount } from "@/lib/format";

export interface ModelHistoryProps {
  model: Model;
  spacing: TimelineSpacing;
  onSpacingChange: (spacing: TimelineSpacing) => void;
}

/** The model's stage timeline, from its whole transition history. */
export function ModelHistory({ model, spacing, onSpacingChange }: ModelHistoryProps) {
  const history = useModelHistory(model.id);
  const navigate = useNavigate();
  return (
    <QueryView
      query={history}
      loadingLabel="Loading the stage history…"
      errorTitle="Could not load the stage history"
    >
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title="No stage changes yet">
            Promote a version from its page, or give the model a promotion rule.
          </EmptyState>
        ) : (
          <div style={{ padding: "4px 16px 14px" }}>
            <StageTimeline
              transitions={page.items}
              spacing={spacing}
              onSpacingChange={onSpacingChange}
              onOpenVersion={(number) =>
                void navigate({
                  to: "/models/$name/versions/$number",
                  params: { name: model.name, number: String(number) },
                })
              }
            />
            {page.total > page.items.length ? (
              <span className="muted">
                The latest {formatCount(page.items.length)} of {formatCount(page.total)} stage
                changes.
              </span>
            ) : null}
          </div>
        )
      }
    </QueryView>
  );
}
