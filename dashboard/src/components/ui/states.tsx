import type { ReactNode } from "react";
import { errorMessage } from "@/lib/api-client";

export interface LoadingStateProps {
  label?: string;
}

/** A spinner with a label screen readers announce. */
export function LoadingState({ label = "Loading…" }: LoadingStateProps) {
  return (
    <div className="state" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** What to show when there is nothing yet, saying what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="state">
      <div className="state-title">{title}</div>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** The server's message and a retry button. */
export function ErrorState({ error, title = "Could not load this", onRetry }: ErrorStateProps) {
  return (
    <div className="state error" role="alert">
      <div className="state-title">{title}</div>
      <div>{errorMessage(error)}</div>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
