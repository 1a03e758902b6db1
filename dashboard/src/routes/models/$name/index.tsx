import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useModel } from "@/features/models/api/get-model";
import { ApprovalPolicies } from "@/features/models/components/approval-policies";
import { ApprovalRequestsList } from "@/features/models/components/approval-requests-list";
import { ModelHistory } from "@/features/models/components/model-history";
import { ModelRules } from "@/features/models/components/model-rules";
import { ModelVersionsTable } from "@/features/models/components/model-versions-table";
import { TagList } from "@/features/models/components/tag-list";
import { parseModelPageSearch } from "@/features/models/lib/model-page-search";
import { mayWrite, useCurrentUser } from "@/lib/current-user";
import { formatCount, formatDateTime } from "@/lib/format";

export const Route = createFileRoute("/models/$name/")({
  validateSearch: parseModelPageSearch,
  component: ModelPage,
});

function ModelPage() {
  const { name } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const model = useModel(name);
  const me = useCurrentUser();
  const mayEdit = me.data ? mayWrite(me.data.role) : false;
  return (
    <div className="page">
      <QueryView
        query={model}
        loadingLabel="Loading the model…"
        errorTitle="Could not load this model"
      >
        {(data) => (
          <>
            <div className="page-header">
              <div className="titles">
                <span className="breadcrumb">
                  <Link to="/models">Models</Link> /
                </span>
                <h1>{data.name}</h1>
                <span className="subtitle">
                  {data.description ? <span>{data.description}</span> : null}
                  <span>{formatCount(data.version_count)} versions</span>
                  <span>registered {formatDateTime(data.created)}</span>
                  <TagList tags={data.tags} modelId={mayEdit ? data.id : undefined} />
                </span>
              </div>
            </div>
            <section className="card" aria-labelledby="timeline-title">
              <div className="card-title">
                <h2 id="timeline-title">Stage timeline</h2>
              </div>
              <ModelHistory
                model={data}
                spacing={search.spacing ?? "change"}
                onSpacingChange={(spacing) =>
                  void navigate({
                    search: { ...search, spacing: spacing === "time" ? "time" : undefined },
                    replace: true,
                  })
                }
              />
            </section>
            <div className="model-grid">
              <section className="card" aria-labelledby="versions-title">
                <div className="card-title">
                  <h2 id="versions-title">Versions</h2>
                </div>
                <ModelVersionsTable
                  model={data}
                  search={search}
                  onSearchChange={(next) => void navigate({ search: next, replace: true })}
                />
              </section>
              <div className="section">
                <section className="card" aria-labelledby="rules-title">
                  <div className="card-title">
                    <h2 id="rules-title">Promotion rules</h2>
                  </div>
                  <div className="card-body">
                    <ModelRules model={data} mayEdit={mayEdit} />
                  </div>
                </section>
                <section className="card" aria-labelledby="policy-title">
                  <div className="card-title">
                    <h2 id="policy-title">Approval policy</h2>
                  </div>
                  <div className="card-body">
                    <ApprovalPolicies model={data} mayEdit={mayEdit} />
                  </div>
                </section>
                <section className="card" aria-labelledby="pending-title">
                  <div className="card-title">
                    <h2 id="pending-title">Pending approvals</h2>
                    <span className="spacer" />
                    <Link to="/approvals">All approvals</Link>
                  </div>
                  <ApprovalRequestsList
                    filter={{ modelId: data.id, status: "pending" }}
                    emptyTitle="Nothing waits for approval"
                  />
                </section>
              </div>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
