import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useEndMySessions } from "@/features/settings/api/end-my-sessions";
import { useAccessHierarchy } from "@/features/settings/api/get-access-hierarchy";
import { ChangePasswordForm } from "@/features/settings/components/change-password-form";
import { MyApiKeysPanel } from "@/features/settings/components/my-api-keys-panel";
import { useCurrentUser } from "@/lib/current-user";

/** The logged-in user: name, server role, project roles, and "log out everywhere". */
export function ProfilePage() {
  const me = useCurrentUser();
  const hierarchy = useAccessHierarchy();
  const endAll = useEndMySessions();
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  if (!me.data) return null;
  const { name, role, kind, auth_mode } = me.data;
  const held = (hierarchy.data ?? []).flatMap((p) =>
    p.members
      .filter((m) => m.kind === "user" && m.principal_name === name)
      .map((m) => ({ project: p.project_name, role: m.role })),
  );
  return (
    <section className="card card-body section" aria-label="Profile">
      <h2>Profile</h2>
      <dl className="kv">
        <dt>Name</dt>
        <dd>{name}</dd>
        <dt>Kind</dt>
        <dd>{kind === "user" ? "User" : "Service account"}</dd>
        <dt>Server role</dt>
        <dd>
          <span className="tag">{role}</span>
        </dd>
        <dt>Project roles</dt>
        <dd>
          {held.length === 0
            ? "None granted to you directly (teams may grant more: see Access)."
            : held.map((h) => (
                <span key={h.project} className="tag">
                  {h.project}: {h.role}
                </span>
              ))}
        </dd>
      </dl>
      {auth_mode === "server" && kind === "user" ? (
        <>
          <ChangePasswordForm />
          <MyApiKeysPanel name={name} />
        </>
      ) : null}
      {auth_mode === "server" ? (
        <div className="section">
          <h3>Sessions</h3>
          <div className="row">
            <button type="button" className="button danger" onClick={() => setConfirming(true)}>
              Log out everywhere
            </button>
            {endAll.isError ? <span className="field-error">{endAll.error.message}</span> : null}
          </div>
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          title="Log out everywhere?"
          confirmLabel="Log out everywhere"
          isBusy={endAll.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            endAll.mutate(undefined, {
              onSuccess: () => void router.navigate({ to: "/login" }),
            })
          }
        >
          <p>Every browser session and access token of '{name}' ends now, this one included.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
