import type { StackComponent } from "@/api/types";
import { useVerifyComponent } from "@/features/stacks/api/verify-component";
import { VerificationResult } from "@/features/stacks/components/verification-result";
import { errorMessage } from "@/lib/api-client";

export interface ComponentVerifyProps {
  component: StackComponent;
}

/** Verify an artifact store from the server: its location, with its connector if any. */
export function ComponentVerify({ component }: ComponentVerifyProps) {
  const verify = useVerifyComponent();
  return (
    <div className="section">
      <div className="row">
        <button
          type="button"
          className="button primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate(component)}
        >
          {verify.isPending ? "Verifying…" : "Verify"}
        </button>
        <span className="muted">
          The server writes, reads back and deletes a probe object where it keeps artifacts.
        </span>
      </div>
      {verify.error ? (
        <div className="callout failed" role="alert">
          {errorMessage(verify.error)}
        </div>
      ) : null}
      {verify.data && !verify.isPending ? <VerificationResult verified={verify.data} /> : null}
    </div>
  );
}
