import { type ReactNode, useState } from "react";

export interface SecretShownOnceProps {
  /** The callout's accessible name, e.g. "New API key". */
  label: string;
  /** What the secret is, in the sentences: "key", "link". */
  noun: string;
  /** The secret's input's accessible name. */
  inputLabel: string;
  value: string;
  copyText: string;
  dismissText: string;
  onDismiss: () => void;
  /** Who can do what with it, under the headline. */
  children: ReactNode;
}

/** A secret the server will never show again, this once: a copy button and a warning. */
export function SecretShownOnce(props: SecretShownOnceProps) {
  const { label, noun, inputLabel, value, copyText, dismissText, onDismiss, children } = props;
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <div className="callout key-once" role="alert" aria-label={label}>
      <strong>Copy this {noun} now: it is shown only once.</strong>
      <div>{children}</div>
      <div className="row">
        <input
          className="input key-secret"
          aria-label={inputLabel}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button small primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : copyText}
        </button>
        <button type="button" className="button small" onClick={onDismiss}>
          {dismissText}
        </button>
      </div>
      {copied === "failed" ? (
        <span className="field-error">
          The browser refused the clipboard: select the {noun} and copy it.
        </span>
      ) : null}
    </div>
  );
}
