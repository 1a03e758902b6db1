import { useState } from "react";

export interface ActivationLinkShownOnceProps {
  name: string;
  url: string;
  expires: string;
  onDismiss: () => void;
}

/** A new user's activation link, this once: a copy button and a warning it will not return. */
export function ActivationLinkShownOnce({
  name,
  url,
  expires,
  onDismiss,
}: ActivationLinkShownOnceProps) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <div className="callout key-once" role="alert" aria-label="Activation link">
      <strong>Copy this link now: it is shown only once.</strong>
      <div>
        Send it to '{name}' yourself. Whoever opens it first sets their password; it works once,
        until {expires}. The server keeps only its hash.
      </div>
      <div className="row">
        <input
          className="input key-secret"
          aria-label="Activation link URL"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button small primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </button>
        <button type="button" className="button small" onClick={onDismiss}>
          I have sent it
        </button>
      </div>
      {copied === "failed" ? (
        <span className="field-error">
          The browser refused the clipboard: select the link and copy it.
        </span>
      ) : null}
    </div>
  );
}
