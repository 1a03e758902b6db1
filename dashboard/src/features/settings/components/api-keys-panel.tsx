import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useCreateApiKey } from "@/features/settings/api/create-api-key";
import { useApiKeys } from "@/features/settings/api/list-api-keys";
import { useRevokeApiKey } from "@/features/settings/api/revoke-api-key";
import { useRotateApiKey } from "@/features/settings/api/rotate-api-key";
import { KeyShownOnce } from "@/features/settings/components/key-shown-once";
import type { ApiKeyInfo, ServiceAccountInfo } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";

export interface ApiKeysPanelProps {
  account: ServiceAccountInfo;
  onClose: () => void;
}

type Ending = { key: ApiKeyInfo; how: "rotate" | "revoke" };

/** One account's keys: status, expiry and last use; make, rotate and revoke them. */
export function ApiKeysPanel({ account, onClose }: ApiKeysPanelProps) {
  const keys = useApiKeys(account.name);
  // The raw secret of a key just made, held in memory only until dismissed.
  const [secret, setSecret] = useState<string | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const isActive = account.deactivated === null;
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
        k.status === "active" && isActive ? (
          <span className="row">
            <button
              type="button"
              className="button small"
              aria-label={`Rotate ${k.name}`}
              onClick={() => setEnding({ key: k, how: "rotate" })}
            >
              Rotate
            </button>
            <button
              type="button"
              className="button small danger"
              aria-label={`Revoke ${k.name}`}
              onClick={() => setEnding({ key: k, how: "revoke" })}
            >
              Revoke
            </button>
          </span>
        ) : null,
    },
  ];
  return (
    <section className="card card-body section" aria-label={`API keys of ${account.name}`}>
      <div className="row">
        <h2>API keys of {account.name}</h2>
        <span className="spacer" />
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      {secret ? (
        <KeyShownOnce account={account.name} secret={secret} onDismiss={() => setSecret(null)} />
      ) : null}
      <QueryView query={keys} errorTitle="Could not load the keys">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No keys yet" />
          ) : (
            <DataTable label="API keys" columns={columns} rows={page.items} rowKey={(k) => k.id} />
          )
        }
      </QueryView>
      {isActive ? <CreateKeyForm account={account.name} onCreated={setSecret} /> : null}
      {ending?.how === "rotate" ? (
        <RotateDialog
          account={account.name}
          apiKey={ending.key}
          onDone={() => setEnding(null)}
          onRotated={setSecret}
        />
      ) : null}
      {ending?.how === "revoke" ? (
        <RevokeDialog account={account.name} apiKey={ending.key} onDone={() => setEnding(null)} />
      ) : null}
    </section>
  );
}

function CreateKeyForm({
  account,
  onCreated,
}: {
  account: string;
  onCreated: (secret: string) => void;
}) {
  const create = useCreateApiKey(account);
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

interface RotateDialogProps {
  account: string;
  apiKey: ApiKeyInfo;
  onDone: () => void;
  onRotated: (secret: string) => void;
}

function RotateDialog({ account, apiKey, onDone, onRotated }: RotateDialogProps) {
  const rotate = useRotateApiKey(account);
  const [minutes, setMinutes] = useState(60);
  return (
    <ConfirmDialog
      title={`Rotate ${apiKey.name}?`}
      confirmLabel="Rotate"
      isBusy={rotate.isPending}
      onCancel={onDone}
      onConfirm={() =>
        rotate.mutate(
          { keyId: apiKey.id, graceSeconds: minutes * 60 },
          {
            onSuccess: (made) => {
              onRotated(made.key);
              onDone();
            },
          },
        )
      }
    >
      <p>
        A new key replaces '{apiKey.name}'; the old one keeps working for the grace period, so
        programs can move over.
      </p>
      <label className="row">
        Grace period (minutes)
        <input
          className="input"
          type="number"
          min={0}
          max={10080}
          value={minutes}
          aria-label="Grace period in minutes"
          onChange={(event) => setMinutes(Math.max(0, Number(event.target.value) || 0))}
        />
      </label>
      {rotate.isError ? <p className="field-error">{errorMessage(rotate.error)}</p> : null}
    </ConfirmDialog>
  );
}

function RevokeDialog({
  account,
  apiKey,
  onDone,
}: {
  account: string;
  apiKey: ApiKeyInfo;
  onDone: () => void;
}) {
  const revoke = useRevokeApiKey(account);
  return (
    <ConfirmDialog
      title={`Revoke ${apiKey.name}?`}
      confirmLabel="Revoke"
      isBusy={revoke.isPending}
      onCancel={onDone}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onDone })}
    >
      <p>
        Programs using '{apiKey.name}' of '{account}' are refused from now on (401).
      </p>
      {revoke.isError ? <p className="field-error">{errorMessage(revoke.error)}</p> : null}
    </ConfirmDialog>
  );
}
