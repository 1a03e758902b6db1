import { type ReactNode, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/api-client";

export interface EditAndDeleteProps {
  /** The link to the edit page. */
  edit: ReactNode;
  name: string;
  /** "component", "connector": the confirm button says what goes. */
  noun: string;
  /** What deleting does, or why the server will refuse it. */
  consequence: string;
  isDeleting: boolean;
  deleteError: unknown;
  /** Delete; call `settled` once the server has answered either way. */
  onDelete: (settled: () => void) => void;
}

/** Edit and a confirmed delete, with the server's refusal shown under them. */
export function EditAndDelete(props: EditAndDeleteProps) {
  const { edit, name, noun, consequence, isDeleting, deleteError, onDelete } = props;
  const [isConfirming, setConfirming] = useState(false);
  return (
    <div className="section" style={{ alignItems: "flex-end" }}>
      <div className="row">
        {edit}
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      {deleteError ? (
        <div className="callout failed" role="alert" style={{ maxWidth: 520 }}>
          {errorMessage(deleteError)}
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          title={`Delete '${name}'?`}
          confirmLabel={`Delete ${noun}`}
          isBusy={isDeleting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => onDelete(() => setConfirming(false))}
        >
          <p>{consequence}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
