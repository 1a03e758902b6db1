import { SecretShownOnce } from "@/features/settings/components/secret-shown-once";

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
  return (
    <SecretShownOnce
      label="Activation link"
      noun="link"
      inputLabel="Activation link URL"
      value={url}
      copyText="Copy link"
      dismissText="I have sent it"
      onDismiss={onDismiss}
    >
      Send it to '{name}' yourself. Whoever opens it first sets their password; it works once, until{" "}
      {expires}. The server keeps only its hash.
    </SecretShownOnce>
  );
}
