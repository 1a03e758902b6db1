import type { StepRun } from "@/api/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { useStepAttempts } from "@/features/steps/api/list-step-attempts";
import { attemptPosition } from "@/features/steps/lib/step-attempts";

export interface StepAttemptsProps {
  step: StepRun;
  onSelectAttempt: (stepRunId: string) => void;
}

/** A retried step's attempts, each with its status, one click from each other; nothing
 * for a step that ran once. */
export function StepAttempts({ step, onSelectAttempt }: StepAttemptsProps) {
  const attempts = useStepAttempts(step.run_id, step.name).data ?? [];
  const position = attemptPosition(
    attempts.map((attempt) => attempt.id),
    step.id,
  );
  if (position === null) return null;
  return (
    <nav className="step-attempts row" aria-label="Attempts">
      <span className="muted">
        Attempt {position.number} of {position.total}
      </span>
      {attempts.map((attempt, index) => (
        <button
          key={attempt.id}
          type="button"
          className="button small"
          aria-current={attempt.id === step.id ? "true" : undefined}
          aria-label={`Attempt ${index + 1}: ${attempt.status}`}
          onClick={() => onSelectAttempt(attempt.id)}
        >
          #{index + 1} <StatusBadge status={attempt.status} />
        </button>
      ))}
    </nav>
  );
}
