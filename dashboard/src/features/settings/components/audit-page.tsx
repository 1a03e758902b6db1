import { type FormEvent, Fragment, useState } from "react";
import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { fetchAllAuditEvents, useAuditEvents } from "@/features/settings/api/list-audit-events";
import { useProjects } from "@/features/settings/api/list-projects";
import { toCsv, toJsonLines } from "@/features/settings/lib/audit-export";
import type { AuditFilters } from "@/features/settings/lib/audit-filters";
import { downloadText } from "@/features/settings/lib/download";
import { ACTIONS, RESOURCES } from "@/features/settings/lib/permission-grid";
import type { AuditEvent } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { formatCount, formatDateTime } from "@/lib/format";

export interface AuditPageProps {
  filters: AuditFilters;
  onFiltersChange: (next: AuditFilters) => void;
}

/** Every change made through the API, filtered and paged by the server, exportable. */
export function AuditPage({ filters, onFiltersChange }: AuditPageProps) {
  const projects = useProjects();
  const projectId = projects.data?.items.find((p) => p.name === filters.project)?.id;
  const events = useAuditEvents(filters, projectId);
  const projectNames = new Map((projects.data?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <section className="card card-body section" aria-label="Audit trail">
      <h2>Audit trail</h2>
      <p className="muted">
        Who changed what, newest first. You see the projects whose trail you may read.
      </p>
      <AuditFilterBar
        filters={filters}
        projects={(projects.data?.items ?? []).map((p) => p.name)}
        onChange={(next) => onFiltersChange({ ...next, page: undefined })}
      />
      <ExportButtons filters={filters} projectId={projectId} />
      <QueryView query={events} errorTitle="Could not load the audit trail">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No events match these filters" />
          ) : (
            <>
              <AuditTable events={page.items} projectNames={projectNames} />
              <PageNav
                label="Pages of audit events"
                page={page.index}
                totalPages={Math.max(1, page.total_pages)}
                newestFirst
                suffix={` · ${formatCount(page.total)} events`}
                onPage={(next) => onFiltersChange({ ...filters, page: next })}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

interface AuditFilterBarProps {
  filters: AuditFilters;
  projects: string[];
  onChange: (next: AuditFilters) => void;
}

function AuditFilterBar({ filters, projects, onChange }: AuditFilterBarProps) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const time = (name: string) => {
      const value = text(name);
      return value ? new Date(value).toISOString() : undefined;
    };
    onChange({
      user: text("user"),
      action: text("action"),
      resource: text("resource"),
      project: text("project"),
      since: time("since"),
      until: time("until"),
    });
  };
  return (
    <form className="row audit-filters" aria-label="Filter the audit trail" onSubmit={onSubmit}>
      <input
        className="input"
        name="user"
        aria-label="Actor"
        placeholder="actor"
        defaultValue={filters.user ?? ""}
      />
      <select
        className="select"
        name="action"
        aria-label="Action"
        defaultValue={filters.action ?? ""}
      >
        <option value="">any action</option>
        {ACTIONS.filter((a) => a !== "read").map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <select
        className="select"
        name="resource"
        aria-label="Resource type"
        defaultValue={filters.resource ?? ""}
      >
        <option value="">any resource</option>
        {RESOURCES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select
        className="select"
        name="project"
        aria-label="Project"
        defaultValue={filters.project ?? ""}
      >
        <option value="">any project</option>
        {projects.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <span className="time-range">
        <span className="muted">From</span>
        <input
          className="input"
          type="datetime-local"
          name="since"
          aria-label="From"
          defaultValue={localTime(filters.since)}
        />
        <span className="muted">to</span>
        <input
          className="input"
          type="datetime-local"
          name="until"
          aria-label="Until"
          defaultValue={localTime(filters.until)}
        />
      </span>
      <button type="submit" className="button primary">
        Filter
      </button>
    </form>
  );
}

/** An ISO time as a `datetime-local` input shows it, in the viewer's zone. */
function localTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function ExportButtons({ filters, projectId }: { filters: AuditFilters; projectId?: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const exportAs = async (format: "csv" | "jsonl") => {
    setState({ busy: true, error: null });
    try {
      const events = await fetchAllAuditEvents(filters, projectId);
      if (format === "csv") downloadText("audit-events.csv", toCsv(events), "text/csv");
      else downloadText("audit-events.jsonl", toJsonLines(events), "application/x-ndjson");
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };
  return (
    <div className="row">
      <span className="muted">Export the filtered events:</span>
      <button
        type="button"
        className="button small"
        disabled={state.busy}
        onClick={() => void exportAs("csv")}
      >
        CSV
      </button>
      <button
        type="button"
        className="button small"
        disabled={state.busy}
        onClick={() => void exportAs("jsonl")}
      >
        JSON Lines
      </button>
      {state.error ? <span className="field-error">{state.error}</span> : null}
    </div>
  );
}

function AuditTable({
  events,
  projectNames,
}: {
  events: AuditEvent[];
  projectNames: Map<string, string>;
}) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const projectOf = (e: AuditEvent) =>
    e.project_id ? (projectNames.get(e.project_id) ?? e.project_id) : "—";
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Audit events">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Operation</th>
            <th scope="col">Resource</th>
            <th scope="col">Project</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <Fragment key={e.id}>
              <tr>
                <td>{formatDateTime(e.created)}</td>
                <td>
                  <strong>{e.user_name}</strong>
                </td>
                <td>
                  <span className="tag">{e.action}</span>
                </td>
                <td>
                  <code>{e.operation}</code>
                </td>
                <td>
                  {e.resource}
                  {e.resource_name ? (
                    <strong> {e.resource_name}</strong>
                  ) : e.resource_id ? (
                    <span className="muted"> {e.resource_id}</span>
                  ) : null}
                </td>
                <td>{projectOf(e)}</td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-expanded={open.has(e.id)}
                    aria-label={`Details of event ${e.id}`}
                    onClick={() => toggle(e.id)}
                  >
                    {open.has(e.id) ? "Hide" : "Details"}
                  </button>
                </td>
              </tr>
              {open.has(e.id) ? (
                <tr className="audit-detail">
                  <td colSpan={7}>
                    <dl className="kv">
                      <dt>Event</dt>
                      <dd>#{e.id}</dd>
                      <dt>At</dt>
                      <dd>{e.created}</dd>
                      <dt>User id</dt>
                      <dd>{e.user_id ?? "—"}</dd>
                      <dt>Resource name</dt>
                      <dd>{e.resource_name ?? "—"}</dd>
                      <dt>Resource id</dt>
                      <dd>{e.resource_id ?? "—"}</dd>
                      <dt>Project id</dt>
                      <dd>{e.project_id ?? "—"}</dd>
                    </dl>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
