import { createFileRoute, Link } from "@tanstack/react-router";
import type { ServiceConnectorType } from "@/api/types";
import { RegisterConnector } from "@/features/stacks/components/register-connector";
import { parseConnectorType } from "@/features/stacks/lib/connector-types";

interface RegisterSearch {
  type?: ServiceConnectorType;
}

export const Route = createFileRoute("/connectors/new")({
  validateSearch: (raw: Record<string, unknown>): RegisterSearch => {
    const type = parseConnectorType(raw.type);
    return type ? { type } : {};
  },
  component: RegisterConnectorPage,
});

function RegisterConnectorPage() {
  const { type } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/connectors">Connectors</Link> /
          </span>
          <h1>Register a connector</h1>
          <span className="subtitle">Choose its type, then fill in its settings.</span>
        </div>
      </div>
      <div className="card card-body">
        <RegisterConnector
          type={type}
          onChoose={(chosen) => void navigate({ search: { type: chosen }, replace: true })}
        />
      </div>
    </div>
  );
}
