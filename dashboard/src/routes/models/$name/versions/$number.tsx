import { createFileRoute, Link } from "@tanstack/react-router";
import { KeyValues } from "@/components/ui/key-values";
import { QueryView } from "@/components/ui/query-view";
import { useModel } from "@/features/models/api/get-model";
import { useModelVersion } from "@/features/models/api/get-model-version";
import { ApprovalRequestsList } from "@/features/models/components/approval-requests-list";
import { CompareWith } from "@/features/models/components/compare-with";
import { StageBadge } from "@/features/models/components/stage-badge";
import { StageChangeAction } from "@/features/models/components/stage-change-action";
import { TagList } from "@/features/models/components/tag-list";
import { TransitionHistory } from "@/features/models/components/transition-history";
import { VersionLinks } from "@/features/models/components/version-links";
import { mayWrite, useCurrentUser } from "@/lib/current-user";
import { formatDateTime, formatValue } from "@/lib/format";

export const Route = createFileRoute("/models/$name/versions/$number")({ component: VersionPage });

function VersionPage() {
  const { name, number } = Route.useParams();
  const model = useModel(name);
  const version = useModelVersion(name, Number(number));
  const me = useCurrentUser();
  const mayEdit = me.data ? mayWrite(me.data.role) : false;
  return (
    <div className="page">
      <QueryView
        query={version}
        loadingLabel="Loading the version…"
        errorTitle="Could not load this version"
      >
        {(v) => (
          <>
            <div className="page-header">
              <div className="titles">
                <span className="breadcrumb">
                  <Link to="/models">Models</Link> /{" "}
                  <Link to="/models/$name" params={{ name }}>
                    {name}
                  </Link>{" "}
                  /
                </span>
                <h1 className="row">
                  Version {v.number} <StageBadge stage={v.stage} />
                </h1>
                <span className="subtitle">
                  {v.name !== String(v.number) ? <span>{v.name}</span> : null}
                  <span>created {formatDateTime(v.created)}</span>
                  {v.description ? <span>{v.description}</span> : null}
                </span>
              </div>
              <span className="spacer" />
              {model.data ? <StageChangeAction version={v} model={model.data} /> : null}
            </div>
            <div className="model-grid">
              <div className="section">
                <section className="card" aria-labelledby="overview-title">
                  <div className="card-title">
                    <h2 id="overview-title">Overview</h2>
                  </div>
                  <div className="card-body section">
                    <KeyValues
                      items={[
                        ["Stage", <StageBadge key="stage" stage={v.stage} />],
                        [
                          "Model tags",
                          model.data ? (
                            <TagList
                              key="tags"
                              tags={model.data.tags}
                              modelId={mayEdit ? model.data.id : undefined}
                            />
                          ) : (
                            "…"
                          ),
                        ],
                        ...Object.values(v.metadata).map((entry): [string, string] => [
                          entry.key,
                          formatValue(entry.value),
                        ]),
                      ]}
                    />
                    {model.data ? (
                      <CompareWith
                        modelName={name}
                        number={v.number}
                        versionCount={model.data.version_count}
                      />
                    ) : null}
                  </div>
                </section>
                <section className="card" aria-labelledby="history-title">
                  <div className="card-title">
                    <h2 id="history-title">Stage history</h2>
                  </div>
                  <TransitionHistory versionId={v.id} />
                </section>
                <section className="card" aria-labelledby="requests-title">
                  <div className="card-title">
                    <h2 id="requests-title">Approval requests</h2>
                  </div>
                  <ApprovalRequestsList
                    filter={{ versionId: v.id }}
                    emptyTitle="No approval requests for this version"
                  />
                </section>
              </div>
              <section className="card" aria-labelledby="links-title">
                <div className="card-title">
                  <h2 id="links-title">Artifacts and runs</h2>
                </div>
                <div className="card-body">
                  <VersionLinks versionId={v.id} />
                </div>
              </section>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
