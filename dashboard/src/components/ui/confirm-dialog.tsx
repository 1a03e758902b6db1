import { type ReactNode, useEffect, useId, useRef } from "react";

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** Disables both buttons while the action runs. */
  isBusy?: boolean;
  /** Disables only the confirm button (nothing to confirm yet); Cancel still closes. */
  isConfirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/** A modal question with a destructive confirm; Escape or Cancel closes it. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, confirmLabel, isBusy = false, isConfirmDisabled = false } = props;
  const { onConfirm, onCancel, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="section">{children}</div>
      <div className="row dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={isBusy}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={onConfirm}
          disabled={isBusy || isConfirmDisabled}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
