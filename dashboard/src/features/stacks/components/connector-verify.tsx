import { type FormEvent, useState } from "react";
import type { ServiceConnector } from "@/api/types";
import { useLastVerification } from "@/features/stacks/api/last-verification";
import { useVerifyConnector } from "@/features/stacks/api/verify-connector";
import { VerificationResult } from "@/features/stacks/components/verification-result";
import { errorMessage } from "@/lib/api-client";

export interface ConnectorVerifyProps {
  connector: ServiceConnector;
  /** Whether an artifact store names it (then the location may stay empty). */
  isUsed: boolean;
}

/** Verify a connector from the server under a location, or under its artifact stores'. */
export function ConnectorVerify({ connector, isUsed }: ConnectorVerifyProps) {
  const verify = useVerifyConnector();
  const last = useLastVerification(connector.name);
  const [location, setLocation] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ connectorName: connector.name, location: location.trim() || undefined });
  };
  return (
    <form className="section" onSubmit={submit} aria-label="Verify">
      <div className="form-field">
        <label htmlFor="verify-location">Location</label>
        <div className="row">
          <input
            id="verify-location"
            className="input"
            style={{ width: 420 }}
            value={location}
            placeholder="s3://bucket/prefix"
            onChange={(e) => setLocation(e.target.value)}
            aria-describedby="verify-location-help"
          />
          <button type="submit" className="button primary" disabled={verify.isPending}>
            {verify.isPending ? "Verifying…" : "Verify"}
          </button>
        </div>
        <span id="verify-location-help" className="help">
          The server writes, reads back and deletes a probe object there.{" "}
          {isUsed
            ? "Empty: under each artifact store that uses this connector."
            : "No artifact store uses it yet, so give a location."}
        </span>
      </div>
      {verify.error ? (
        <div className="callout failed" role="alert">
          {errorMessage(verify.error)}
        </div>
      ) : null}
      {last.data && !verify.isPending ? <VerificationResult verified={last.data} /> : null}
    </form>
  );
}
