import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useCreateMyApiKey } from "@/features/settings/api/create-my-api-key";
import { useMyApiKeys } from "@/features/settings/api/list-my-api-keys";
import { useRevokeMyApiKey } from "@/features/settings/api/revoke-my-api-key";
import { KeyShownOnce } from "@/features/settings/components/key-shown-once";
import type { ApiKeyInfo } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";

export interface MyApiKeysPanelProps {
  name: string;
}

/** The caller's own API keys: they act as the caller, with the caller's roles. */
export function MyApiKeysPanel({ name }: MyApiKeysPanelProps) {
  const keys = useMyApiKeys();
  // The raw secret of a key just made, held in memory only until dismissed.
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyInfo | null>(null);
  const columns: Column<ApiKeyInfo>[] = [
    { key: "name", header: "Key", render: (k) => <strong>{k.name}</strong> },
    {
      key: "status",
      header: "Status",
      render: (k) => <span className={`tag key-${k.status}`}>{k.status}</span>,
    },
    { key: "created", header: "Created", render: (k) => formatDateTime(k.created) },
    {
      key: "expires",
      header: "Expires",
      render: (k) => (k.expires ? formatDateTime(k.expires) : "never"),
    },
    {
      key: "last_used",
      header: "Last used",
      render: (k) => (k.last_used ? formatRelativeTime(k.last_used) : "never"),
    },
    {
      key: "actions",
      header: "",
      render: (k) =>
        k.status === "active" ? (
          <button
            type="button"
            className="button small danger"
            aria-label={`Revoke ${k.name}`}
            onClick={() => setRevoking(k)}
          >
            Revoke
          </button>
        ) : null,
    },
  ];
  return (
    <section className="section" aria-label="Your API keys">
      <h3>Your API keys</h3>
      <p className="muted">
        For the CLI and scripts: `headwater login URL --api-key KEY`. A key acts as you, with your
        roles, until you revoke it or it expires.
      </p>
      {secret ? (
        <KeyShownOnce account={name} secret={secret} onDismiss={() => setSecret(null)} />
      ) : null}
      <QueryView query={keys} errorTitle="Could not load your keys">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="You hold no API keys">Make one below to use the CLI.</EmptyState>
          ) : (
            <DataTable
              label="Your API keys"
              columns={columns}
              rows={page.items}
              rowKey={(k) => k.id}
            />
          )
        }
      </QueryView>
      <CreateMyKeyForm onCreated={setSecret} />
      {revoking ? <RevokeDialog apiKey={revoking} onDone={() => setRevoking(null)} /> : null}
    </section>
  );
}

function CreateMyKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const create = useCreateMyApiKey();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const days = String(form.get("days") ?? "").trim();
    create.mutate(
      {
        name: String(form.get("name") ?? "").trim() || "default",
        expires_in_days: days ? Number(days) : null,
      },
      {
        onSuccess: (made) => {
          target.reset();
          onCreated(made.key);
        },
      },
    );
  };
  return (
    <form className="row" aria-label="Create an API key" onSubmit={onSubmit}>
      <input className="input" name="name" aria-label="Key name" placeholder="key name" />
      <input
        className="input days"
        name="days"
        type="number"
        min={1}
        max={3650}
        aria-label="Expires in days"
        placeholder="expires in days (empty: never)"
      />
      <button type="submit" className="button primary" disabled={create.isPending}>
        Create key
      </button>
      {create.isError ? <span className="field-error">{errorMessage(create.error)}</span> : null}
    </form>
  );
}

function RevokeDialog({ apiKey, onDone }: { apiKey: ApiKeyInfo; onDone: () => void }) {
  const revoke = useRevokeMyApiKey();
  return (
    <ConfirmDialog
      title={`Revoke ${apiKey.name}?`}
      confirmLabel="Revoke"
      isBusy={revoke.isPending}
      onCancel={onDone}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onDone })}
    >
      <p>Whatever uses '{apiKey.name}' is refused from now on (401).</p>
      {revoke.isError ? <p className="field-error">{errorMessage(revoke.error)}</p> : null}
    </ConfirmDialog>
  );
}
