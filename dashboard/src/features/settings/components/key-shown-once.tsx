import { useState } from "react";

export interface KeyShownOnceProps {
  account: string;
  secret: string;
  onDismiss: () => void;
}

/** A new API key's secret, this once: a copy button and a warning that it will not return. */
export function KeyShownOnce({ account, secret, onDismiss }: KeyShownOnceProps) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <div className="callout key-once" role="alert" aria-label="New API key">
      <strong>Copy this key now: it is shown only once.</strong>
      <div>
        Anyone holding it acts as '{account}' until it is revoked or expires. The server keeps only
        its hash.
      </div>
      <div className="row">
        <input
          className="input key-secret"
          aria-label="API key"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button small primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
        <button type="button" className="button small" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
      {copied === "failed" ? (
        <span className="field-error">
          The browser refused the clipboard: select the key and copy it.
        </span>
      ) : null}
    </div>
  );
}
