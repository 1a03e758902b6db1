import {
  ACTIONS,
  permissionOf,
  RESOURCES,
  type Resource,
  SERVER_RESOURCES,
  toggled,
  toggledRow,
} from "@/features/settings/lib/permission-grid";

export interface PermissionGridProps {
  label: string;
  held: ReadonlySet<string>;
  /** Without it the grid only shows what is held. */
  onChange?: (next: Set<string>) => void;
}

// Custom roles hold inside projects: the server-wide resources are left out of the grid.
const PROJECT_RESOURCES = RESOURCES.filter((r) => !SERVER_RESOURCES.has(r));

/** A role's permissions as resources × actions: checkboxes to edit, ticks to read. */
export function PermissionGrid({ label, held, onChange }: PermissionGridProps) {
  return (
    <div className="table-wrap">
      <table className="data permission-grid" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            {ACTIONS.map((action) => (
              <th key={action} scope="col">
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PROJECT_RESOURCES.map((resource) => (
            <tr key={resource}>
              <th scope="row">
                {onChange ? (
                  <button
                    type="button"
                    className="name-link"
                    title="Switch the whole row"
                    onClick={() => onChange(toggledRow(held, resource as Resource))}
                  >
                    {resource}
                  </button>
                ) : (
                  resource
                )}
              </th>
              {ACTIONS.map((action) => {
                const permission = permissionOf(resource, action);
                const isHeld = held.has(permission);
                return (
                  <td key={action} className="grid-cell">
                    {onChange ? (
                      <input
                        type="checkbox"
                        aria-label={permission}
                        checked={isHeld}
                        onChange={() => onChange(toggled(held, permission))}
                      />
                    ) : isHeld ? (
                      <span role="img" aria-label={permission}>
                        ✓
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
