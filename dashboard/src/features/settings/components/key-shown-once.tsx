import { SecretShownOnce } from "@/features/settings/components/secret-shown-once";

export interface KeyShownOnceProps {
  account: string;
  secret: string;
  onDismiss: () => void;
}

/** A new API key's secret, this once: a copy button and a warning that it will not return. */
export function KeyShownOnce({ account, secret, onDismiss }: KeyShownOnceProps) {
  return (
    <SecretShownOnce
      label="New API key"
      noun="key"
      inputLabel="API key"
      value={secret}
      copyText="Copy"
      dismissText="I have stored it"
      onDismiss={onDismiss}
    >
      Anyone holding it acts as '{account}' until it is revoked or expires. The server keeps only
      its hash.
    </SecretShownOnce>
  );
}
