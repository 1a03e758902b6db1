import type { ServerRole } from "@/features/settings/lib/types";

export const SERVER_ROLES: readonly ServerRole[] = ["viewer", "member", "admin"];

export interface ServerRoleSelectProps {
  label: string;
  value?: ServerRole;
  name?: string;
  disabled?: boolean;
  onChange?: (role: ServerRole) => void;
}

/** A choice of server role: viewer, member or admin. */
export function ServerRoleSelect({
  label,
  value,
  name,
  disabled,
  onChange,
}: ServerRoleSelectProps) {
  return (
    <select
      className="select"
      aria-label={label}
      name={name}
      value={value}
      defaultValue={value === undefined ? "member" : undefined}
      disabled={disabled}
      onChange={onChange ? (event) => onChange(event.target.value as ServerRole) : undefined}
    >
      {SERVER_ROLES.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}
