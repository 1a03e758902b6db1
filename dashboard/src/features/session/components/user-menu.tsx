import { useRouter } from "@tanstack/react-router";
import { useId, useRef, useState } from "react";
import { useDeleteSession } from "@/features/session/api/delete-session";
import { useDismiss } from "@/features/session/lib/use-dismiss";
import { useCurrentUser } from "@/lib/current-user";

const KIND_LABELS = { user: "User", service_account: "Service account" } as const;

/** The logged-in user in the header: name, role, "Log out". Nothing in local mode. */
export function UserMenu() {
  const me = useCurrentUser();
  const logout = useDeleteSession();
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  useDismiss(container, isOpen, () => setOpen(false));

  if (!me.data || me.data.auth_mode === "local") return null;
  const { name, role, kind } = me.data;
  const logOut = () =>
    logout.mutate(undefined, { onSuccess: () => void router.navigate({ to: "/login" }) });

  return (
    <div className="user-menu" ref={container}>
      <button
        type="button"
        className="button user-menu-button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={menuId}
        aria-label={`Account: ${name}`}
        onClick={() => setOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        {name}
      </button>
      {isOpen ? (
        <div className="user-menu-popover" id={menuId} role="menu" aria-label="Account">
          <div className="user-menu-who">
            <strong>{name}</strong>
            <span className="muted">
              {KIND_LABELS[kind]} · role <span className="tag">{role}</span>
            </span>
          </div>
          {logout.isError ? (
            <div className="field-error" role="alert">
              {logout.error.message}
            </div>
          ) : null}
          <button
            type="button"
            role="menuitem"
            className="button"
            onClick={logOut}
            disabled={logout.isPending}
          >
            Log out
          </button>
        </div>
      ) : null}
    </div>
  );
}
