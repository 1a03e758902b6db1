import { createFileRoute, Link } from "@tanstack/react-router";
import type { StackComponentType } from "@/api/types";
import { RegisterComponent } from "@/features/stacks/components/register-component";
import { parseComponentType } from "@/features/stacks/lib/component-types";

interface RegisterSearch {
  type?: StackComponentType;
  flavor?: string;
}

export const Route = createFileRoute("/components/new")({
  validateSearch: (raw: Record<string, unknown>): RegisterSearch => {
    const type = parseComponentType(raw.type);
    const flavor = typeof raw.flavor === "string" && raw.flavor ? raw.flavor : undefined;
    return { ...(type ? { type } : {}), ...(type && flavor ? { flavor } : {}) };
  },
  component: RegisterComponentPage,
});

function RegisterComponentPage() {
  const { type, flavor } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/components">Components</Link> /
          </span>
          <h1>Register a component</h1>
          <span className="subtitle">
            Choose its type and flavor, then fill in the flavor's settings.
          </span>
        </div>
      </div>
      <div className="card card-body">
        <RegisterComponent
          type={type}
          flavor={flavor}
          onChoose={(choice) => void navigate({ search: choice, replace: true })}
        />
      </div>
    </div>
  );
}
