/** rjsf's array and field buttons as our own buttons, with words instead of icon fonts. */
import type { IconButtonProps } from "@rjsf/utils";

interface WordButtonProps extends IconButtonProps {
  label: string;
}

function WordButton({ onClick, disabled, title, label }: WordButtonProps) {
  return (
    <button
      type="button"
      className="button small"
      onClick={onClick}
      disabled={disabled}
      title={title}
    >
      {label}
    </button>
  );
}

function AddButton(props: IconButtonProps) {
  return <WordButton {...props} label="Add item" />;
}
function CopyButton(props: IconButtonProps) {
  return <WordButton {...props} label="Copy" />;
}
function MoveDownButton(props: IconButtonProps) {
  return <WordButton {...props} label="Down" />;
}
function MoveUpButton(props: IconButtonProps) {
  return <WordButton {...props} label="Up" />;
}
function RemoveButton(props: IconButtonProps) {
  return <WordButton {...props} label="Remove" />;
}
function ClearButton(props: IconButtonProps) {
  return <WordButton {...props} label="Clear" />;
}

export const FORM_BUTTONS = {
  AddButton,
  CopyButton,
  MoveDownButton,
  MoveUpButton,
  RemoveButton,
  ClearButton,
};
