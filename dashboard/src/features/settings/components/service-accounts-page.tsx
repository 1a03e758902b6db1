import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useCreateServiceAccount } from "@/features/settings/api/create-service-account";
import { useDeactivateServiceAccount } from "@/features/settings/api/deactivate-service-account";
import { useServiceAccounts } from "@/features/settings/api/list-service-accounts";
import { AdminOnly } from "@/features/settings/components/admin-only";
import { ApiKeysPanel } from "@/features/settings/components/api-keys-panel";
import { ServerRoleSelect } from "@/features/settings/components/server-role-select";
import type { ServerRole, ServiceAccountInfo } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";

export interface ServiceAccountsPageProps {
  selected?: string;
  onSelect: (account: string | undefined) => void;
}

/** Service accounts (programs' identities) and their API keys; server admins only. */
export function ServiceAccountsPage(props: ServiceAccountsPageProps) {
  return (
    <AdminOnly what="service accounts">
      <ServiceAccounts {...props} />
    </AdminOnly>
  );
}

function ServiceAccounts({ selected, onSelect }: ServiceAccountsPageProps) {
  const accounts = useServiceAccounts();
  const [deactivating, setDeactivating] = useState<string | null>(null);
  const columns: Column<ServiceAccountInfo>[] = [
    {
      key: "name",
      header: "Name",
      render: (a) => (
        <button type="button" className="name-link" onClick={() => onSelect(a.name)}>
          {a.name}
        </button>
      ),
    },
    { key: "role", header: "Server role", render: (a) => <span className="tag">{a.role}</span> },
    { key: "description", header: "For", render: (a) => a.description ?? "—" },
    { key: "created", header: "Created", render: (a) => formatDateTime(a.created) },
    {
      key: "status",
      header: "Status",
      render: (a) => (a.deactivated ? `Deactivated ${formatDateTime(a.deactivated)}` : "Active"),
    },
    {
      key: "actions",
      header: "",
      render: (a) =>
        a.deactivated ? null : (
          <button
            type="button"
            className="button small danger"
            aria-label={`Deactivate ${a.name}`}
            onClick={() => setDeactivating(a.name)}
          >
            Deactivate
          </button>
        ),
    },
  ];
  const chosen = accounts.data?.items.find((a) => a.name === selected);
  return (
    <div className="section">
      <section className="card card-body section" aria-label="Service accounts">
        <h2>Service accounts</h2>
        <p className="muted">
          Identities for programs (CI, schedulers): they authenticate with API keys only.
        </p>
        <QueryView query={accounts} errorTitle="Could not load the service accounts">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title="No service accounts yet">
                Create one below, then give it a key.
              </EmptyState>
            ) : (
              <DataTable
                label="Service accounts"
                columns={columns}
                rows={page.items}
                rowKey={(a) => a.id}
              />
            )
          }
        </QueryView>
        <CreateAccountForm onCreated={onSelect} />
      </section>
      {chosen ? <ApiKeysPanel account={chosen} onClose={() => onSelect(undefined)} /> : null}
      {deactivating ? (
        <DeactivateDialog account={deactivating} onDone={() => setDeactivating(null)} />
      ) : null}
    </div>
  );
}

function CreateAccountForm({ onCreated }: { onCreated: (name: string) => void }) {
  const create = useCreateServiceAccount();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const description = String(form.get("description") ?? "").trim();
    create.mutate(
      {
        name: String(form.get("name") ?? "").trim(),
        role: String(form.get("role")) as ServerRole,
        description: description || null,
      },
      {
        onSuccess: (made) => {
          target.reset();
          onCreated(made.name);
        },
      },
    );
  };
  return (
    <form className="section" aria-label="Create a service account" onSubmit={onSubmit}>
      <h3>Create a service account</h3>
      <div className="row">
        <input
          className="input"
          name="name"
          aria-label="Account name"
          placeholder="name, such as ci"
          required
        />
        <input
          className="input grow"
          name="description"
          aria-label="What it is for"
          placeholder="what it is for"
        />
        <ServerRoleSelect label="Account's server role" name="role" />
        <button type="submit" className="button primary" disabled={create.isPending}>
          Create account
        </button>
      </div>
      {create.isError ? <p className="field-error">{errorMessage(create.error)}</p> : null}
    </form>
  );
}

function DeactivateDialog({ account, onDone }: { account: string; onDone: () => void }) {
  const deactivate = useDeactivateServiceAccount();
  return (
    <ConfirmDialog
      title={`Deactivate ${account}?`}
      confirmLabel="Deactivate"
      isBusy={deactivate.isPending}
      onCancel={onDone}
      onConfirm={() => deactivate.mutate(account, { onSuccess: onDone })}
    >
      <p>Every key of '{account}' stops working now, and the account cannot be used again.</p>
      {deactivate.isError ? <p className="field-error">{errorMessage(deactivate.error)}</p> : null}
    </ConfirmDialog>
  );
}
